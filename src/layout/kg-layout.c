/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kg-layout-input.h"
#include "kg-layout-private.h"
#include "kg-style.h"

G_DEFINE_QUARK (kg-layout-error-quark, kg_layout_error)

/* dot gives the most readable drawings but grows faster than linearly
 * (about 30 s on 1,000 random nodes here); sfdp handles tens of thousands. */
#define AUTO_DOT_LIMIT 300
/* Routing splines around nodes costs too much on big graphs. */
#define SPLINE_LIMIT   40
/* prism removes overlaps while keeping the drawing compact, but its
 * triangulations take 25 s on 5,000 nodes here and minutes on 20,000 (so
 * does prism0). Above this size Graphviz gets shrunken nodes and no edge
 * labels (placing those is slow in a crowd) and scales the drawing apart,
 * which is fast (5,000 nodes: 3 s, 160 MB) but needs memory that grows
 * faster than the graph (10,000: 680 MB; 20,000: about 2.7 GB, in
 * Graphviz). overlap=true avoids that but takes three times longer and
 * leaves a hairball that no cheap removal untangles well. The sparse, overlap-free
 * drawing Graphviz returns is then compacted with the full-size nodes
 * (kg_scene_compact()). */
#define PRISM_LIMIT    1000
#define LARGE_SHRINK   0.3

static const char *const engines[] = {
  "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL
};

const char *const *
kg_layout_engines (void)
{
  return engines;
}

const char *
kg_layout_auto_engine (guint n_nodes)
{
  return n_nodes <= AUTO_DOT_LIMIT ? "dot" : "sfdp";
}

static char *
points_to_inches (double points)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", points / 72.0));
}

static void
set_graph_attributes (Agraph_t   *g,
                      const char *engine,
                      guint       n_nodes)
{
  agattr (g, AGRAPH, (char *) "outputorder", (char *) "edgesfirst");
  if (g_str_equal (engine, "dot"))
    {
      agattr (g, AGRAPH, (char *) "nodesep", (char *) "0.35");
      agattr (g, AGRAPH, (char *) "ranksep", (char *) "0.6");
      /* Ranks left to right: labels are wide and a rank stacks its nodes,
       * so the drawing comes out near a screen's shape instead of a strip
       * many times wider than high, and loose pieces stack in a column.
       * No "pack": in Graphviz 2.43 packed components draw parallel
       * labelled edges as one line with their labels on top of each other. */
      agattr (g, AGRAPH, (char *) "rankdir", (char *) "LR");
      return;
    }
  /* Every other engine places nodes freely: remove overlaps, keep a gap. */
  agattr (g, AGRAPH, (char *) "overlap", (char *) (n_nodes <= PRISM_LIMIT ? "prism" : "scale"));
  agattr (g, AGRAPH, (char *) "sep", (char *) "+8");
  agattr (g, AGRAPH, (char *) "esep", (char *) "+4");
  if (n_nodes <= SPLINE_LIMIT)
    agattr (g, AGRAPH, (char *) "splines", (char *) "true");
  if (g_str_equal (engine, "circo"))
    agattr (g, AGRAPH, (char *) "mindist", (char *) "0.5");
  if (g_str_equal (engine, "twopi"))
    agattr (g, AGRAPH, (char *) "ranksep", (char *) "1.2");
}

/* Whether Graphviz sees shrunken nodes and no edge labels (see above). */
static gboolean
is_large (const KgLayoutInput *in)
{
  return in->n_nodes > PRISM_LIMIT && !g_str_equal (in->engine, "dot");
}

static void
build_nodes (Agraph_t      *g,
             KgLayoutInput *in,
             Agnode_t     **nodes)
{
  double shrink = is_large (in) ? LARGE_SHRINK : 1.0;
  Agsym_t *shape = agattr (g, AGNODE, (char *) "shape", (char *) "box");
  Agsym_t *fixedsize = agattr (g, AGNODE, (char *) "fixedsize", (char *) "true");
  Agsym_t *width = agattr (g, AGNODE, (char *) "width", (char *) "1");
  Agsym_t *height = agattr (g, AGNODE, (char *) "height", (char *) "0.5");
  /* Render draws the labels; Graphviz only needs the sizes. */
  Agsym_t *label = agattr (g, AGNODE, (char *) "label", (char *) "");

  (void) fixedsize;
  (void) label;
  for (guint i = 0; i < in->n_nodes; i++)
    {
      KgLayoutInputNode *n = &in->nodes[i];
      char name[32];
      g_autofree char *w = points_to_inches (n->width * shrink);
      g_autofree char *h = points_to_inches (n->height * shrink);

      g_snprintf (name, sizeof name, "n%u", i);
      nodes[i] = agnode (g, name, TRUE);
      agxset (nodes[i], shape, (char *) kg_style_graphviz_shape (n->shape));
      agxset (nodes[i], width, w);
      agxset (nodes[i], height, h);
    }
}

static void
build_edges (Agraph_t      *g,
             KgLayoutInput *in,
             Agnode_t     **nodes,
             Agedge_t     **edges)
{
  Agsym_t *label = agattr (g, AGEDGE, (char *) "label", (char *) "");
  Agsym_t *fontsize = agattr (g, AGEDGE, (char *) "fontsize", (char *) "8");
  Agsym_t *dir = agattr (g, AGEDGE, (char *) "dir", (char *) "forward");
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (size, sizeof size, "%.2f", KG_STYLE_EDGE_FONT_SIZE);
  agattr (g, AGEDGE, (char *) "arrowsize", (char *) "0.8");
  for (guint i = 0; i < in->n_edges; i++)
    {
      KgLayoutInputEdge *e = &in->edges[i];
      g_autofree char *text = _kg_layout_escape_label (e->label);
      char name[32];

      /* A name of its own: with NULL, agedge hands back the edge the pair
       * already has, and two relations would share one curve and label. */
      g_snprintf (name, sizeof name, "r%u", i);
      edges[i] = agedge (g, nodes[e->source], nodes[e->target], name, TRUE);
      agxset (edges[i], fontsize, size);
      if (e->label[0] != '\0' && !is_large (in))
        agxset (edges[i], label, text);
      if (!e->directed)
        agxset (edges[i], dir, (char *) "none");
    }
}

/* Graphviz: y up, origin anywhere. Scene: y down, origin top-left. */
typedef struct
{
  double x0, y0;
} Flip;

static KgPoint
flip (const Flip *f,
      pointf      p)
{
  return (KgPoint) { p.x - f->x0, f->y0 - p.y };
}

static void
read_edge (KgSceneEdge *se,
           Agedge_t    *e,
           const Flip  *f)
{
  splines *spl = ED_spl (e);
  textlabel_t *label = ED_label (e);
  GArray *points;

  if (spl == NULL || spl->size == 0)
    return;
  se->has_start_arrow = se->has_end_arrow = FALSE;
  points = g_array_new (FALSE, FALSE, sizeof (KgPoint));
  for (int b = 0; b < spl->size; b++)
    {
      bezier *bz = &spl->list[b];
      /* Pieces of one edge: join them with a straight segment. */
      if (b > 0 && points->len > 0 && bz->size > 0)
        {
          KgPoint a = g_array_index (points, KgPoint, points->len - 1);
          KgPoint c = flip (f, bz->list[0]);
          KgPoint mid[2] = { { a.x + (c.x - a.x) / 3, a.y + (c.y - a.y) / 3 },
                             { a.x + 2 * (c.x - a.x) / 3, a.y + 2 * (c.y - a.y) / 3 } };
          g_array_append_vals (points, mid, 2);
        }
      for (int i = 0; i < bz->size; i++)
        {
          KgPoint p = flip (f, bz->list[i]);
          g_array_append_val (points, p);
        }
      if (b == 0 && bz->sflag)
        se->has_start_arrow = TRUE, se->start_arrow = flip (f, bz->sp);
      if (b == spl->size - 1 && bz->eflag)
        se->has_end_arrow = TRUE, se->end_arrow = flip (f, bz->ep);
    }
  se->n_points = points->len;
  se->points = (KgPoint *) g_array_free (points, FALSE);
  if (label != NULL && label->set)
    {
      se->has_label = TRUE;
      se->label = flip (f, label->pos);
    }
}

static KgScene *
read_scene (Agraph_t       *g,
            KgLayoutInput  *in,
            Agnode_t      **nodes,
            Agedge_t      **edges)
{
  KgScene *scene = kg_scene_new (in->n_nodes, in->n_edges, in->n_entities);
  boxf bb = GD_bb (g);
  Flip f = { bb.LL.x, bb.UR.y };

  scene->width = bb.UR.x - bb.LL.x;
  scene->height = bb.UR.y - bb.LL.y;
  scene->engine = g_strdup (in->engine);
  for (guint i = 0; i < in->n_nodes; i++)
    {
      KgSceneNode *sn = &scene->nodes[i];
      KgPoint c = flip (&f, ND_coord (nodes[i]));

      kg_layout_input_fill_node (in, i, sn);
      sn->x = c.x;
      sn->y = c.y;
      if (!is_large (in))
        {
          sn->width = ND_width (nodes[i]) * 72.0;
          sn->height = ND_height (nodes[i]) * 72.0;
        }
    }
  for (guint i = 0; i < in->n_edges; i++)
    {
      KgSceneEdge *se = &scene->edges[i];

      kg_layout_input_fill_edge (in, i, se);
      read_edge (se, edges[i], &f);
      if (se->n_points < 4)
        kg_scene_route_straight (scene, i);
      if (!se->has_label && se->label_width > 0)
        {
          /* Graphviz placed no label (some engines skip them): the middle. */
          se->has_label = TRUE;
          se->label = se->points[se->n_points / 2];
        }
    }
  kg_scene_finish (scene);
  return scene;
}

/* With the lock held. */
static KgScene *
run_graphviz (KgLayoutInput  *in,
              GError        **error)
{
  GVC_t *gvc = _kg_layout_context ();
  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, MAX (in->n_nodes, 1));
  g_autofree Agedge_t **edges = g_new0 (Agedge_t *, MAX (in->n_edges, 1));
  g_autofree char *messages = NULL;
  Agraph_t *g = agopen ((char *) "newsgraph", Agdirected, NULL);
  KgScene *scene = NULL;

  set_graph_attributes (g, in->engine, in->n_nodes);
  build_nodes (g, in, nodes);
  build_edges (g, in, nodes, edges);
  if (gvLayout (gvc, g, in->engine) != 0)
    {
      messages = _kg_layout_take_messages ();
      g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_FAILED,
                   "Graphviz could not lay out the graph with %s: %s", in->engine,
                   messages != NULL ? messages : "no reason given");
      agclose (g);
      return NULL;
    }
  scene = read_scene (g, in, nodes, edges);
  /* circo ignores overlap removal; the others are checked as well. */
  if (is_large (in))
    kg_scene_compact (scene);
  else if (!g_str_equal (in->engine, "dot") && kg_scene_spread (scene))
    g_debug ("%s left nodes overlapping: spread apart", in->engine);
  messages = _kg_layout_take_messages ();
  if (messages != NULL)
    g_debug ("Graphviz (%s): %s", in->engine, messages);
  gvFreeLayout (gvc, g);
  agclose (g);
  return scene;
}

static gboolean
check_engine (const char  *engine,
              GError     **error)
{
  if (engine == NULL || g_strv_contains (engines, engine))
    return TRUE;
  g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_ENGINE,
               "Unknown layout engine “%s” (use auto, dot, neato, fdp, sfdp, circo or twopi)",
               engine);
  return FALSE;
}

static void
layout_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  KgLayoutInput *in = data;
  GError *error = NULL;
  KgScene *scene;

  kg_layout_input_measure (in);
  _kg_layout_lock ();
  scene = run_graphviz (in, &error);
  _kg_layout_unlock ();
  if (scene == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, scene, (GDestroyNotify) kg_scene_free);
}

static GTask *
layout_task (KgGraph             *graph,
             const char          *engine,
             const gboolean      *entity_hidden,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  KgLayoutInput *in = kg_layout_input_new (graph, entity_hidden);

  if (engine == NULL || g_str_equal (engine, "auto"))
    engine = kg_layout_auto_engine (in->n_nodes);
  in->engine = g_strdup (engine);
  g_task_set_source_tag (task, kg_layout_run_async);
  g_task_set_task_data (task, in, (GDestroyNotify) kg_layout_input_free);
  /* Graphviz cannot be stopped, but the caller need not wait for it. */
  g_task_set_return_on_cancel (task, TRUE);
  return task;
}

KgScene *
kg_layout_run (KgGraph         *graph,
               const char      *engine,
               const gboolean  *entity_hidden,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (KG_IS_GRAPH (graph), NULL);

  if (!check_engine (engine, error))
    return NULL;
  task = layout_task (graph, engine, entity_hidden, cancellable, NULL, NULL);
  g_task_run_in_thread_sync (task, layout_thread);
  return g_task_propagate_pointer (task, error);
}

void
kg_layout_run_async (KgGraph             *graph,
                     const char          *engine,
                     const gboolean      *entity_hidden,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (KG_IS_GRAPH (graph));

  if (!check_engine (engine, &error))
    {
      g_task_report_error (NULL, callback, user_data, kg_layout_run_async, error);
      return;
    }
  task = layout_task (graph, engine, entity_hidden, cancellable, callback, user_data);
  g_task_run_in_thread (task, layout_thread);
}

KgScene *
kg_layout_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
