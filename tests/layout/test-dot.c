/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "kg-export.h"
#include "kg-input.h"
#include "kg-layout.h"
#include "kg-test-graphs.h"

static const char *const hostile[] = {
  "Say \"hello\" \\ world",
  "ends with a backslash\\",
  "two at the end\\\\",
  "<b>bold?</b> {a|b} [x] <",
  "Zoë Ñandú — 東京 🙂",
  "\\N \\n \\l \\G \\\\N",
  "semi;colon, comma = equals",
  "-> edge -- ; } {",
  "#not a comment // /* nor this */",
  "line one\nline two",
  "&amp; &lt; not entities",
  "'single' `back`",
};

static KgGraph *
hostile_graph (void)
{
  KgGraph *graph = kg_graph_new ();
  guint n = G_N_ELEMENTS (hostile);

  for (guint i = 0; i < n; i++)
    kg_graph_add_entity (graph, NULL, hostile[i], i % KG_N_ENTITY_TYPES);
  for (guint i = 0; i < n; i++)
    kg_graph_add_relation (graph, NULL, i, (i + 1) % n, i % KG_N_RELATION_KINDS, hostile[(i + 3) % n]);
  return graph;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kg-test-dot-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* graph saved as DOT at path and read back into a new graph. */
static KgGraph *
dot_round_trip (KgGraph    *graph,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  KgGraph *back = kg_graph_new ();

  g_assert_true (kg_export_to_file (graph, path, "dot", 1.0, &error));
  g_assert_no_error (error);
  g_assert_true (kg_layout_import_dot (back, path, &error));
  g_assert_no_error (error);
  return back;
}

static void
test_hostile_round_trip (void)
{
  g_autoptr(KgGraph) graph = hostile_graph ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "hostile.dot", NULL);
  g_autoptr(KgGraph) back = dot_round_trip (graph, path);

  /* Same nodes and edges, every name and label byte for byte. */
  g_assert_cmpuint (kg_graph_get_n_entities (back), ==, kg_graph_get_n_entities (graph));
  g_assert_cmpuint (kg_graph_get_n_relations (back), ==, kg_graph_get_n_relations (graph));
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      KgEntity *a = kg_graph_get_entity (graph, i);
      KgEntity *b = kg_graph_find_entity (back, a->name, a->type);

      if (b == NULL)
        g_error ("“%s” did not come back", a->name);
      g_assert_cmpstr (b->name, ==, a->name);
      g_assert_true (b->has_position);
    }
  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);
      KgEntity *s = kg_graph_find_entity (back, kg_graph_get_entity (graph, r->source)->name,
                                          kg_graph_get_entity (graph, r->source)->type);
      KgEntity *t = kg_graph_find_entity (back, kg_graph_get_entity (graph, r->target)->name,
                                          kg_graph_get_entity (graph, r->target)->type);

      if (kg_graph_find_relation (back, s->index, t->index, r->kind, r->label) == NULL)
        g_error ("relation “%s” did not come back", r->label);
    }
  remove_tree (dir);
}

static void
test_positions_kept (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (30, 17);
  g_autoptr(KgGraph) back = kg_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = kg_layout_run (graph, "neato", NULL, NULL, &error);
  g_autoptr(KgScene) restored = NULL;
  g_autofree char *dot = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "laid-out.gv", NULL);

  g_assert_no_error (error);
  g_assert_true (kg_export_scene_to_file (graph, scene, path, 1.0, FALSE, &error));
  g_assert_true (kg_layout_import_dot (back, path, &error));
  g_assert_no_error (error);
  /* A laid-out file opens as it was drawn, without a new layout. */
  restored = kg_layout_from_positions (back, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (restored->n_nodes, ==, scene->n_nodes);
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, scene->nodes[i].entity);
      KgEntity *b = kg_graph_find_entity (back, e->name, e->type);
      gssize j = kg_scene_find_node (restored, b->index);

      g_assert_cmpint (j, >=, 0);
      g_assert_cmpfloat_with_epsilon (restored->nodes[j].x - restored->nodes[0].x,
                                      scene->nodes[i].x - scene->nodes[kg_scene_find_node (scene, 0)].x, 0.02);
    }
  remove_tree (dir);
}

static gboolean
write_file (const char *path,
            const char *text)
{
  return g_file_set_contents (path, text, -1, NULL);
}

/* Graphviz would open these files to lay out or draw the graph. The import
 * must not: inotify reports any open of the watched file. (/etc/passwd is
 * in the file too but not watched: other programs read it at any time.) */
static void
test_file_attributes_untouched (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.png", NULL);
  g_autofree char *dot_path = g_build_filename (dir, "evil.dot", NULL);
  g_autofree char *png = g_build_filename (dir, "evil.png", NULL);
  g_autofree char *dot = NULL;
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;
  char buffer[4096];
  int fd, watch_secret;

  g_assert_true (write_file (secret, "not really an image"));
  dot = g_strdup_printf ("digraph { graph [imagepath=\"%s\", fontpath=\"%s\", stylesheet=\"%s\"];\n"
                         "  node [fontnames=\"%s\"];\n"
                         "  a [image=\"/etc/passwd\", label=\"A\"];\n"
                         "  b [image=\"%s\", shapefile=\"%s\", shape=custom];\n"
                         "  subgraph cluster_x { c [image=\"%s\"]; }\n"
                         "  a -> b [label=\"x\"]; b -> c; }\n",
                         dir, dir, secret, secret, secret, secret, secret);
  g_assert_true (write_file (dot_path, dot));

  fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  watch_secret = inotify_add_watch (fd, secret, IN_OPEN | IN_ACCESS);
  g_assert_cmpint (watch_secret, >=, 0);

  /* Everything opening a file does: read it, lay it out, draw it. */
  g_assert_true (kg_input_load (graph, dot_path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 3);
  g_assert_true (kg_export_to_file (graph, png, "dot", 1.0, &error));
  g_assert_no_error (error);

  g_assert_cmpint (read (fd, buffer, sizeof buffer), ==, -1);
  g_assert_cmpint (errno, ==, EAGAIN);

  /* The watch does see an open, so the silence above means something. */
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (secret, &contents, NULL, NULL));
    g_assert_cmpint (read (fd, buffer, sizeof buffer), >, 0);
  }
  close (fd);
  remove_tree (dir);
}

static void
test_syntax_error (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.dot", NULL);
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (write_file (path, "digraph {\n  a -> b;\n  c -> [label=\"x\"];\n}\n"));
  g_assert_false (kg_layout_import_dot (graph, path, &error));
  g_assert_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "broken.dot"));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 0);
  g_clear_error (&error);

  /* Nothing of the broken file leaks into the next one. */
  g_assert_true (write_file (path, "graph { x -- y; }"));
  g_assert_true (kg_layout_import_dot (graph, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 2);
  g_assert_nonnull (kg_graph_find_entity (graph, "x", KG_ENTITY_ORGANIZATION));
  g_clear_object (&graph);
  graph = kg_graph_new ();

  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n\0\0\0binary", 18, NULL));
  g_assert_false (kg_layout_import_dot (graph, path, &error));
  g_assert_nonnull (strstr (error->message, "broken.dot"));
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 0);
  remove_tree (dir);
}

static void
test_foreign_dot (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "foreign.gv", NULL);
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;
  KgEntity *e;

  /* A hand-written file: names without labels, a typed node, HTML label. */
  g_assert_true (write_file (path,
    "digraph G {\n"
    "  \"Ministry of Defence\" -> Anna [label=\"hired\"];\n"
    "  Anna [type=person];\n"
    "  b [label=<<b>Acme</b> &amp; Sons>];\n"
    "  Anna -> b [kind=role, label=\"CEO\"];\n"
    "  subgraph cluster_1 { label=\"x\"; Anna; }\n"
    "}\n"));
  g_assert_true (kg_input_load (graph, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 3);
  g_assert_cmpuint (kg_graph_get_n_relations (graph), ==, 2);
  e = kg_graph_find_entity (graph, "Anna", KG_ENTITY_PERSON);
  g_assert_nonnull (e);
  g_assert_nonnull (kg_graph_find_entity (graph, "Ministry of Defence", KG_ENTITY_GOVERNMENT));
  g_assert_nonnull (kg_graph_find_entity (graph, "Acme & Sons", KG_ENTITY_ORGANIZATION));
  g_assert_false (e->has_position);
  remove_tree (dir);
}

/* A graph saved as DOT and opened again keeps what the entity list and the
 * node sizes show: how often each name was mentioned, and its other names. */
static void
test_counts_and_aliases_kept (void)
{
  static const char text[] = "Anna Berg met Acme. Berg left Acme. Acme Corp grew. Ms Berg smiled.";
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(KgGraph) back = NULL;
  g_autoptr(KgGraph) again = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "counts.dot", NULL);
  g_autofree char *path2 = g_build_filename (dir, "counts-again.dot", NULL);
  KgEntity *anna, *acme, *a;

  kg_graph_add_document (graph, NULL, "a.txt", NULL, text, -1);
  anna = kg_graph_add_entity (graph, NULL, "Anna Berg", KG_ENTITY_PERSON);
  acme = kg_graph_add_entity (graph, NULL, "Acme Corp", KG_ENTITY_ORGANIZATION);
  kg_graph_add_alias (graph, anna, "Berg");
  kg_graph_add_alias (graph, acme, "Acme");
  kg_entity_add_mention (anna, 0, 0, 9);
  kg_entity_add_mention (anna, 0, 20, 24);
  kg_entity_add_mention (anna, 0, 56, 60);
  kg_entity_add_mention (acme, 0, 14, 18);
  kg_graph_add_relation (graph, NULL, anna->index, acme->index, KG_RELATION_ACTION, "met");

  back = dot_round_trip (graph, path);
  a = kg_graph_find_entity (back, "Anna Berg", KG_ENTITY_PERSON);
  g_assert_nonnull (a);
  g_assert_cmpuint (kg_entity_get_n_mentions (a), ==, 3);
  g_assert_cmpuint (a->aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (a->aliases, 0), ==, "Berg");
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_find_entity (back, "Acme Corp", KG_ENTITY_ORGANIZATION)), ==, 1);

  /* And through a second round trip: the counts are not added up again. */
  again = dot_round_trip (back, path2);
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_find_entity (again, "Anna Berg", KG_ENTITY_PERSON)), ==, 3);
  remove_tree (dir);
}

/* Another program's "mentions" may be anything: only a count counts. */
static void
test_foreign_mentions (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "mentions.gv", NULL);
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (write_file (path,
    "graph {\n"
    "  a [label=\"Anna\", type=person, mentions=\"many\", aliases=\"\"];\n"
    "  b [label=\"Bo\", type=person, mentions=\"-4\"];\n"
    "  c [label=\"Cy\", type=person, mentions=\"99999999999\"];\n"
    "  e [label=\"Ed\", type=person, mentions=5];\n"
    "}\n"));
  g_assert_true (kg_layout_import_dot (graph, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_find_entity (graph, "Anna", KG_ENTITY_PERSON)), ==, 0);
  g_assert_cmpuint (kg_graph_find_entity (graph, "Anna", KG_ENTITY_PERSON)->aliases->len, ==, 0);
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_find_entity (graph, "Bo", KG_ENTITY_PERSON)), ==, 0);
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_find_entity (graph, "Cy", KG_ENTITY_PERSON)), ==, 0);
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_find_entity (graph, "Ed", KG_ENTITY_PERSON)), ==, 5);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dot/hostile-labels-round-trip", test_hostile_round_trip);
  g_test_add_func ("/dot/positions-kept", test_positions_kept);
  g_test_add_func ("/dot/file-attributes-untouched", test_file_attributes_untouched);
  g_test_add_func ("/dot/syntax-error", test_syntax_error);
  g_test_add_func ("/dot/foreign-file", test_foreign_dot);
  g_test_add_func ("/dot/counts-and-aliases-kept", test_counts_and_aliases_kept);
  g_test_add_func ("/dot/foreign-mentions", test_foreign_mentions);
  return g_test_run ();
}
