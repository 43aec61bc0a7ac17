/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include <string.h>

#include "kg-export-private.h"

/*
 * cairo draws the SVG, so it looks exactly like the window; but it knows
 * nothing of nodes and edges. Render draws each item as its own group, which
 * cairo writes as one <use> of a <g> in <defs>, in drawing order. Here each
 * such <use> is wrapped in a <g> carrying the item's id, class and a <title>
 * (the browser's tooltip), so the file can be styled, scripted and searched.
 */

#define SURFACE_USE "<use xlink:href=\"#surface"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  /* Control characters are not allowed in XML 1.0, even as references;
   * dropped before escaping, which would turn them into references. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (clean, *p);
  escaped = g_markup_escape_text (clean->str, clean->len);
  g_string_append (out, escaped);
}

static void
open_item (GString            *out,
           KgGraph            *graph,
           const KgScene      *scene,
           const KgRenderItem *item)
{
  if (item->kind == KG_RENDER_ITEM_NODE)
    {
      KgEntity *e = kg_graph_get_entity (graph, scene->nodes[item->index].entity);

      g_string_append (out, "<g class=\"node ");
      g_string_append (out, kg_entity_type_to_string (e->type));
      g_string_append (out, "\" id=\"");
      append_escaped (out, e->id);
      g_string_append (out, "\"><title>");
      append_escaped (out, e->name);
    }
  else
    {
      KgRelation *r = kg_graph_get_relation (graph, scene->edges[item->index].relation);
      g_autofree char *title = g_strdup_printf ("%s → %s (%s%s%s)",
                                                kg_graph_get_entity (graph, r->source)->name,
                                                kg_graph_get_entity (graph, r->target)->name,
                                                kg_relation_kind_to_string (r->kind),
                                                r->label != NULL && r->label[0] != '\0' ? ": " : "",
                                                r->label != NULL ? r->label : "");
      gboolean label = item->kind == KG_RENDER_ITEM_EDGE_LABEL;

      g_string_append_printf (out, "<g class=\"%s %s\" id=\"", label ? "edge-label" : "edge",
                              kg_relation_kind_to_string (r->kind));
      append_escaped (out, r->id);
      g_string_append (out, label ? "-label\"><title>" : "\"><title>");
      append_escaped (out, title);
    }
  g_string_append (out, "</title>");
}

char *
_kg_export_annotate_svg (const char    *svg,
                         KgGraph       *graph,
                         const KgScene *scene,
                         GArray        *items)
{
  const char *body = strstr (svg, "</defs>");
  const char *p;
  GString *out;
  guint count = 0;

  body = body != NULL ? body : svg;
  for (p = strstr (body, SURFACE_USE); p != NULL; p = strstr (p + 1, SURFACE_USE))
    count++;
  /* Anything unexpected from cairo: keep its file as it is. */
  if (count != items->len)
    return NULL;
  out = g_string_new_len (svg, body - svg);
  p = body;
  for (guint i = 0; i < items->len; i++)
    {
      const char *use = strstr (p, SURFACE_USE);
      const char *end = strstr (use, "/>");

      if (end == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_len (out, p, use - p);
      open_item (out, graph, scene, &g_array_index (items, KgRenderItem, i));
      g_string_append_len (out, use, end + 2 - use);
      g_string_append (out, "</g>");
      p = end + 2;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}
