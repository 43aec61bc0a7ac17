/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>

#include "kg-export.h"
#include "kg-layout.h"
#include "kg-render.h"
#include "kg-test-graphs.h"

typedef struct
{
  char *dir;
  KgGraph *graph;
  KgScene *scene;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kg-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->graph = kg_test_random_graph (35, 23);
  f->scene = kg_layout_run (f->graph, "dot", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->graph);
  kg_scene_free (f->scene);
}

static char *
export (Fixture    *f,
        const char *name,
        double      scale)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (kg_export_scene_to_file (f->graph, f->scene, path, scale, FALSE, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  double w, h;

  kg_render_page_size (f->scene, TRUE, &w, &h);
  for (double scale = 1.0; scale <= 3.0; scale += 1.5)
    {
      g_autofree char *path = export (f, "graph.png", scale);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, (int) ceil (w * scale));
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, (int) ceil (h * scale));
    }
}

/* Counts elements by name, and <g> by the first word of their class. */
typedef struct
{
  GHashTable *counts;
} Counter;

static void
count_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Counter *c = user_data;
  char *key = g_strdup (element);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (element, "g") && g_str_equal (names[i], "class"))
      {
        g_auto(GStrv) words = g_strsplit (values[i], " ", 2);
        g_free (key);
        key = g_strdup_printf ("g.%s", words[0]);
      }
  g_hash_table_insert (c->counts, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (c->counts, key)) + 1));
}

static GHashTable *
parse_xml (const char *path)
{
  static const GMarkupParser parser = { count_start, NULL, NULL, NULL, NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  Counter c = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  context = g_markup_parse_context_new (&parser, 0, &c, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  return c.counts;
}

static guint
count_of (GHashTable *counts,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export (f, "graph.svg", 1.0);
  g_autoptr(GHashTable) counts = parse_xml (path);

  g_assert_cmpuint (count_of (counts, "svg"), ==, 1);
  g_assert_cmpuint (count_of (counts, "g.node"), ==, f->scene->n_nodes);
  g_assert_cmpuint (count_of (counts, "g.edge"), ==, f->scene->n_edges);
}

static void
test_graphml (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = export (f, "graph.graphml", 1.0);
  g_autoptr(GHashTable) counts = parse_xml (path);
  g_autofree char *text = NULL;

  g_assert_cmpuint (count_of (counts, "node"), ==, kg_graph_get_n_entities (f->graph));
  g_assert_cmpuint (count_of (counts, "edge"), ==, kg_graph_get_n_relations (f->graph));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* Provenance: the evidence sentence's words are in the file. */
  g_assert_nonnull (strstr (text, "<data key=\"evidence\">Someone said something about somebody else here."));
  g_assert_nonnull (strstr (text, "<data key=\"type\">government</data>"));
}

static void
test_gexf (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export (f, "graph.gexf", 1.0);
  g_autoptr(GHashTable) counts = parse_xml (path);

  g_assert_cmpuint (count_of (counts, "node"), ==, kg_graph_get_n_entities (f->graph));
  g_assert_cmpuint (count_of (counts, "edge"), ==, kg_graph_get_n_relations (f->graph));
  g_assert_cmpuint (count_of (counts, "viz:position"), ==, f->scene->n_nodes);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export (f, "graph.pdf", 1.0);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (text, "%PDF"));
}

static void
test_dot_and_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dot = export (f, "graph.dot", 1.0);
  g_autofree char *json = export (f, "graph.json", 1.0);
  g_autoptr(KgGraph) from_dot = kg_graph_new ();
  g_autoptr(KgGraph) from_json = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kg_layout_import_dot (from_dot, dot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_entities (from_dot), ==, kg_graph_get_n_entities (f->graph));
  g_assert_cmpuint (kg_graph_get_n_relations (from_dot), ==, kg_graph_get_n_relations (f->graph));
  from_json = kg_graph_load_from_file (json, &error);
  g_assert_no_error (error);
  g_assert_true (kg_graph_equal (from_json, f->graph));
}

static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "graph.png", NULL);
  g_autofree char *huge = g_build_filename (f->dir, "huge.png", NULL);
  g_autofree char *kept = g_build_filename (f->dir, "kept.png", NULL);
  g_autofree char *unknown = g_build_filename (f->dir, "graph.bmp", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_false (kg_export_scene_to_file (f->graph, f->scene, missing, 1.0, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "graph.png"));
  g_clear_error (&error);
  g_assert_false (kg_export_to_file (f->graph, unknown, NULL, 1.0, &error));
  g_assert_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
  /* Too large for a PNG: nothing written, an earlier file stays as it was. */
  g_assert_false (kg_export_scene_to_file (f->graph, f->scene, huge, 16.0, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "huge.png"));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_false (kg_export_scene_to_file (f->graph, f->scene, kept, 0.0, FALSE, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* No file and no temporary file left behind. */
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "kept.png");
  g_assert_null (g_dir_read_name (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/png", test_png);
  ADD ("/export/svg", test_svg);
  ADD ("/export/graphml", test_graphml);
  ADD ("/export/gexf", test_gexf);
  ADD ("/export/pdf", test_pdf);
  ADD ("/export/dot-and-json", test_dot_and_json);
  ADD ("/export/failure-leaves-nothing", test_failure_leaves_nothing);
#undef ADD
  return g_test_run ();
}
