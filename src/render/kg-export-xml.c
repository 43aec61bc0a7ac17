/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include "kg-export.h"
#include "kg-render.h"

/*
 * GraphML and GEXF for Gephi, Cytoscape and yEd. Both carry what the
 * reader needs to trust an edge: entity type, aliases, mention count,
 * relation kind and label, and the text of the evidence sentences.
 * Several values in one attribute (aliases, sentences) are one per line.
 */

/* Escapes for element text and attribute values alike; drops the control
 * characters XML 1.0 forbids and writes line breaks as references so
 * attribute values keep them. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end && *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        default:
          if (c >= 0x20)
            g_string_append_c (out, (char) c);
          break;
        }
    }
}

static char *
join_aliases (KgEntity *e)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < e->aliases->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (e->aliases, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
evidence_text (KgGraph    *graph,
               KgRelation *r)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < r->evidence->len; i++)
    {
      KgSpan *span = &g_array_index (r->evidence, KgSpan, i);
      KgDocument *doc;

      if (span->doc >= kg_graph_get_n_documents (graph))
        continue;
      doc = kg_graph_get_document (graph, span->doc);
      if (span->end > doc->text_len || span->start > span->end)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append_len (s, doc->text + span->start, span->end - span->start);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* `<edge id="…" source="…" target="…"` without the closing bracket. */
static void
open_edge (GString    *out,
           KgGraph    *graph,
           KgRelation *r,
           const char *indent)
{
  g_string_append_printf (out, "%s<edge id=\"", indent);
  append_escaped (out, r->id, -1);
  g_string_append (out, "\" source=\"");
  append_escaped (out, kg_graph_get_entity (graph, r->source)->id, -1);
  g_string_append (out, "\" target=\"");
  append_escaped (out, kg_graph_get_entity (graph, r->target)->id, -1);
  g_string_append_c (out, '"');
}

static void
graphml_data (GString    *out,
              const char *key,
              const char *value)
{
  g_string_append_printf (out, "      <data key=\"%s\">", key);
  append_escaped (out, value, -1);
  g_string_append (out, "</data>\n");
}

static void
graphml_node (GString  *out,
              KgEntity *e)
{
  g_autofree char *aliases = join_aliases (e);
  char mentions[16];

  g_snprintf (mentions, sizeof mentions, "%u", kg_entity_get_n_mentions (e));
  g_string_append (out, "    <node id=\"");
  append_escaped (out, e->id, -1);
  g_string_append (out, "\">\n");
  graphml_data (out, "name", e->name);
  graphml_data (out, "type", kg_entity_type_to_string (e->type));
  graphml_data (out, "aliases", aliases);
  graphml_data (out, "mentions", mentions);
  g_string_append (out, "    </node>\n");
}

static void
graphml_edge (GString    *out,
              KgGraph    *graph,
              KgRelation *r)
{
  g_autofree char *evidence = evidence_text (graph, r);

  open_edge (out, graph, r, "    ");
  g_string_append (out, ">\n");
  graphml_data (out, "kind", kg_relation_kind_to_string (r->kind));
  graphml_data (out, "label", r->label != NULL ? r->label : "");
  graphml_data (out, "evidence", evidence);
  g_string_append (out, "    </edge>\n");
}

char *
kg_export_graphml (KgGraph *graph)
{
  static const char *const keys[][3] = {
    { "name", "node", "string" }, { "type", "node", "string" },
    { "aliases", "node", "string" }, { "mentions", "node", "int" },
    { "kind", "edge", "string" }, { "label", "edge", "string" },
    { "evidence", "edge", "string" },
  };
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_string_append_printf (out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                            keys[i][0], keys[i][1], keys[i][0], keys[i][2]);
  g_string_append (out, "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    graphml_node (out, kg_graph_get_entity (graph, i));
  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    graphml_edge (out, graph, kg_graph_get_relation (graph, i));
  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free (out, FALSE);
}

static void
gexf_value (GString    *out,
            const char *key,
            const char *value)
{
  g_string_append_printf (out, "          <attvalue for=\"%s\" value=\"", key);
  append_escaped (out, value, -1);
  g_string_append (out, "\"/>\n");
}

static void
gexf_viz (GString           *out,
          KgEntity          *e,
          const KgSceneNode *n)
{
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], size[G_ASCII_DTOSTR_BUF_SIZE];
  double rgb[3];

  kg_render_type_color (e->type, FALSE, rgb);
  g_string_append_printf (out, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n",
                          (int) (rgb[0] * 255), (int) (rgb[1] * 255), (int) (rgb[2] * 255));
  if (n == NULL)
    return;
  /* Gephi's y axis points up. */
  g_string_append_printf (out, "        <viz:position x=\"%s\" y=\"%s\" z=\"0\"/>\n"
                               "        <viz:size value=\"%s\"/>\n",
                          g_ascii_formatd (x, sizeof x, "%.2f", n->x),
                          g_ascii_formatd (y, sizeof y, "%.2f", -n->y),
                          g_ascii_formatd (size, sizeof size, "%.2f", n->height / 2));
}

static void
gexf_node (GString           *out,
           KgEntity          *e,
           const KgSceneNode *n)
{
  g_autofree char *aliases = join_aliases (e);
  char mentions[16];

  g_snprintf (mentions, sizeof mentions, "%u", kg_entity_get_n_mentions (e));
  g_string_append (out, "      <node id=\"");
  append_escaped (out, e->id, -1);
  g_string_append (out, "\" label=\"");
  append_escaped (out, e->name, -1);
  g_string_append (out, "\">\n        <attvalues>\n");
  gexf_value (out, "type", kg_entity_type_to_string (e->type));
  gexf_value (out, "aliases", aliases);
  gexf_value (out, "mentions", mentions);
  g_string_append (out, "        </attvalues>\n");
  gexf_viz (out, e, n);
  g_string_append (out, "      </node>\n");
}

static void
gexf_edge (GString    *out,
           KgGraph    *graph,
           KgRelation *r)
{
  g_autofree char *evidence = evidence_text (graph, r);

  open_edge (out, graph, r, "      ");
  g_string_append (out, " label=\"");
  append_escaped (out, r->label != NULL ? r->label : "", -1);
  g_string_append (out, "\">\n        <attvalues>\n");
  gexf_value (out, "kind", kg_relation_kind_to_string (r->kind));
  gexf_value (out, "evidence", evidence);
  g_string_append (out, "        </attvalues>\n      </edge>\n");
}

char *
kg_export_gexf (KgGraph       *graph,
                const KgScene *scene)
{
  GString *out = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
    "  <meta><creator>Newsgraph</creator></meta>\n"
    "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
    "    <attributes class=\"node\">\n"
    "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
    "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
    "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\">\n"
    "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
    "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <nodes>\n");

  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      gssize node = scene != NULL ? kg_scene_find_node (scene, i) : -1;
      gexf_node (out, kg_graph_get_entity (graph, i), node >= 0 ? &scene->nodes[node] : NULL);
    }
  g_string_append (out, "    </nodes>\n    <edges>\n");
  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    gexf_edge (out, graph, kg_graph_get_relation (graph, i));
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  return g_string_free (out, FALSE);
}
