/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "kg-layout-private.h"
#include "kg-style.h"

/*
 * DOT in and out, both through cgraph: writing builds an Agraph_t with
 * agnode/agedge/agsafeset and lets agwrite quote it; reading parses with
 * agmemread and never lays the parsed graph out, so nothing in the file can
 * make Graphviz open another file.
 */

static int
put_string (void       *chan,
            const char *str)
{
  g_string_append ((GString *) chan, str);
  return 0;
}

static int
flush_nothing (void *chan)
{
  return 0;
}

static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static char *
join_aliases (KgEntity *e)
{
  g_autoptr(GString) s = g_string_new (NULL);

  /* One per line: names hold commas and semicolons, never line breaks. */
  for (guint i = 0; i < e->aliases->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, g_ptr_array_index (e->aliases, i));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
set_node_position (Agnode_t          *n,
                   const KgScene     *scene,
                   const KgSceneNode *sn)
{
  g_autofree char *x = format_double (sn->x);
  g_autofree char *y = format_double (scene->height - sn->y);
  g_autofree char *pos = g_strdup_printf ("%s,%s!", x, y);
  g_autofree char *w = format_double (sn->width / 72.0);
  g_autofree char *h = format_double (sn->height / 72.0);

  agsafeset (n, (char *) "pos", pos, (char *) "");
  agsafeset (n, (char *) "width", w, (char *) "");
  agsafeset (n, (char *) "height", h, (char *) "");
  agsafeset (n, (char *) "fixedsize", (char *) "true", (char *) "");
}

/* "x,y" with a dot whatever the locale, y flipped up for Graphviz. */
static void
append_point (GString       *s,
              const char    *prefix,
              const KgScene *scene,
              KgPoint        p)
{
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (s, "%s%s,%s", prefix,
                          g_ascii_formatd (x, sizeof x, "%.2f", p.x),
                          g_ascii_formatd (y, sizeof y, "%.2f", scene->height - p.y));
}

static void
set_edge_position (Agedge_t          *e,
                   const KgScene     *scene,
                   const KgSceneEdge *se)
{
  g_autoptr(GString) pos = g_string_new (NULL);
  g_autoptr(GString) lp = g_string_new (NULL);

  /* Graphviz's spline syntax: arrow tips first, then the control points. */
  if (se->has_end_arrow)
    append_point (pos, "e,", scene, se->end_arrow);
  if (se->has_start_arrow)
    append_point (pos, pos->len > 0 ? " s," : "s,", scene, se->start_arrow);
  for (guint i = 0; i < se->n_points; i++)
    append_point (pos, pos->len > 0 ? " " : "", scene, se->points[i]);
  agsafeset (e, (char *) "pos", pos->str, (char *) "");
  if (se->has_label)
    {
      append_point (lp, "", scene, se->label);
      agsafeset (e, (char *) "lp", lp->str, (char *) "");
    }
}

static Agnode_t *
add_node (Agraph_t *g,
          KgEntity *e)
{
  Agnode_t *n = agnode (g, e->id, TRUE);
  g_autofree char *label = _kg_layout_escape_label (e->name);
  g_autofree char *aliases = join_aliases (e);
  g_autofree char *mentions = g_strdup_printf ("%u", kg_entity_get_n_mentions (e));

  agsafeset (n, (char *) "label", label, (char *) "");
  agsafeset (n, (char *) "type", (char *) kg_entity_type_to_string (e->type), (char *) "");
  agsafeset (n, (char *) "shape", (char *) kg_style_graphviz_shape (kg_style_shape_for_type (e->type)),
             (char *) "");
  agsafeset (n, (char *) "mentions", mentions, (char *) "");
  if (e->aliases->len > 0)
    agsafeset (n, (char *) "aliases", aliases, (char *) "");
  return n;
}

static void
add_edge (Agraph_t    *g,
          Agnode_t   **nodes,
          KgRelation  *r,
          Agedge_t   **out)
{
  Agedge_t *e = agedge (g, nodes[r->source], nodes[r->target], r->id, TRUE);
  g_autofree char *label = _kg_layout_escape_label (r->label != NULL ? r->label : "");

  agsafeset (e, (char *) "kind", (char *) kg_relation_kind_to_string (r->kind), (char *) "");
  if (label[0] != '\0')
    agsafeset (e, (char *) "label", label, (char *) "");
  if (r->kind == KG_RELATION_PARTNER)
    agsafeset (e, (char *) "dir", (char *) "none", (char *) "");
  *out = e;
}

static void
add_positions (Agraph_t       *g,
               Agnode_t      **nodes,
               Agedge_t      **edges,
               const KgScene  *scene)
{
  char bb[128];

  g_snprintf (bb, sizeof bb, "0,0,%d,%d", (int) (scene->width + 0.5), (int) (scene->height + 0.5));
  agsafeset (g, (char *) "bb", bb, (char *) "");
  for (guint i = 0; i < scene->n_nodes; i++)
    if (nodes[scene->nodes[i].entity] != NULL)
      set_node_position (nodes[scene->nodes[i].entity], scene, &scene->nodes[i]);
  for (guint i = 0; i < scene->n_edges; i++)
    if (edges[scene->edges[i].relation] != NULL)
      set_edge_position (edges[scene->edges[i].relation], scene, &scene->edges[i]);
}

char *
kg_layout_to_dot (KgGraph        *graph,
                  const KgScene  *scene,
                  GError        **error)
{
  Agiodisc_t io = { AgIoDisc.afread, put_string, flush_nothing };
  Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &io };
  guint n_entities = kg_graph_get_n_entities (graph);
  guint n_relations = kg_graph_get_n_relations (graph);
  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, MAX (n_entities, 1));
  g_autofree Agedge_t **edges = g_new0 (Agedge_t *, MAX (n_relations, 1));
  GString *out = g_string_new (NULL);
  g_autofree char *messages = NULL;
  Agraph_t *g;
  int status;

  g_return_val_if_fail (KG_IS_GRAPH (graph), NULL);

  _kg_layout_lock ();
  g = agopen ((char *) "newsgraph", Agdirected, &disc);
  for (guint i = 0; i < n_entities; i++)
    nodes[i] = add_node (g, kg_graph_get_entity (graph, i));
  for (guint i = 0; i < n_relations; i++)
    add_edge (g, nodes, kg_graph_get_relation (graph, i), &edges[i]);
  if (scene != NULL)
    add_positions (g, nodes, edges, scene);
  status = agwrite (g, out);
  agclose (g);
  messages = _kg_layout_take_messages ();
  _kg_layout_unlock ();
  if (status != 0)
    {
      g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_FAILED, "Graphviz could not write DOT: %s",
                   messages != NULL ? messages : "no reason given");
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}
