/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kg-export.h"
#include "kg-fuzz.h"
#include "kg-layout.h"

/*
 * Fuzzed graphs (read as graph documents) → the GraphML, GEXF and SVG
 * writers, whose output must stay well-formed XML whatever the names,
 * labels and positions hold. Positions stand in for Graphviz, which would
 * make every run take a layout's time.
 */

#define MAX_ENTITIES 64

static void
check_xml (const char *what,
           const char *xml,
           gssize      length)
{
  static const GMarkupParser parser = { NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_markup_parse_context_parse (context, xml, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("the %s is not well-formed XML: %s", what, error->message);
  /* GMarkup lets them through, but XML 1.0 has no place for C0 controls
   * other than tab and line breaks, not even as character references. */
  for (const char *p = xml; length < 0 ? *p != '\0' : p < xml + length; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      g_error ("the %s holds control character 0x%02x, which XML forbids", what, (guchar) *p);
  for (const char *p = strstr (xml, "&#"); p != NULL; p = strstr (p + 2, "&#"))
    {
      gboolean hex = p[2] == 'x';
      guint64 c = g_ascii_strtoull (p + (hex ? 3 : 2), NULL, hex ? 16 : 10);

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        g_error ("the %s holds a reference to control character 0x%02x", what, (guint) c);
    }
}

static void
place_entities (KgGraph *graph)
{
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, i);
      if (!e->has_position)
        {
          e->has_position = TRUE;
          e->x = 90.0 * (i % 8);
          e->y = 60.0 * (i / 8);
        }
    }
}

static void
check_svg (KgGraph       *graph,
           const KgScene *scene)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  gsize length;
  int fd = g_file_open_tmp ("kg-fuzz-XXXXXX.svg", &path, NULL);

  if (fd < 0)
    g_error ("no scratch file");
  close (fd);
  if (!kg_export_scene_to_file (graph, scene, path, 1.0, FALSE, &error))
    {
      g_unlink (path);
      kg_fuzz_check_error (error, KG_EXPORT_ERROR);
      return;
    }
  if (!g_file_get_contents (path, &svg, &length, &error))
    g_error ("the SVG is gone: %s", error->message);
  g_unlink (path);
  check_xml ("SVG", svg, length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KgGraph) graph = NULL;
  KgScene *scene;
  g_autofree char *graphml = NULL;
  g_autofree char *gexf = NULL;

  graph = kg_graph_load_from_data (size ? (const char *) data : "", size, NULL);
  if (graph == NULL || kg_graph_get_n_entities (graph) > MAX_ENTITIES)
    return 0;
  graphml = kg_export_graphml (graph);
  check_xml ("GraphML", graphml, -1);
  place_entities (graph);
  scene = kg_layout_from_positions (graph, NULL, NULL);
  if (scene == NULL)
    g_error ("no scene although every entity has a position");
  gexf = kg_export_gexf (graph, scene);
  check_xml ("GEXF", gexf, -1);
  check_svg (graph, scene);
  kg_scene_free (scene);
  return 0;
}
