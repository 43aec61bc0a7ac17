/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "kg-render-private.h"
#include "kg-style.h"

/* Levels of detail, in device pixels. */
#define MIN_LABEL_PIXELS   5.0   /* smaller text is not drawn */
#define STRAIGHT_ZOOM      0.2   /* below this zoom edges are straight lines */
#define PLAIN_ZOOM         0.5   /* below this: no dashes, no arrowheads, and
                                  * nodes filled with their outline colour
                                  * instead of outlined (one fill, no stroke) */
#define FADED_ALPHA        0.15
/* From this many edges on, far-out edges are a haze of crossing lines:
 * drawn without antialiasing they look the same and cost a third. */
#define DENSE_EDGES        5000

void
kg_render_options_init (KgRenderOptions *options)
{
  *options = (KgRenderOptions) { .zoom = 1.0, .draw_legend = TRUE };
}

gssize
kg_render_pick_node (KgScene *scene,
                     double   x,
                     double   y)
{
  return kg_scene_pick_node (scene, x, y);
}

gssize
kg_render_pick_edge (KgScene *scene,
                     double   x,
                     double   y,
                     double   tolerance)
{
  return kg_scene_pick_edge (scene, x, y, tolerance);
}

static KgEmphasis
emphasis_of (const guint8 *table,
             guint         index)
{
  return table != NULL ? (KgEmphasis) table[index] : KG_EMPHASIS_NORMAL;
}

static gboolean
box_visible (const KgRenderOptions *o,
             double x1, double y1, double x2, double y2)
{
  if (!o->has_clip)
    return TRUE;
  return x2 >= o->clip_x && y2 >= o->clip_y
         && x1 <= o->clip_x + o->clip_width && y1 <= o->clip_y + o->clip_height;
}

void
_kg_render_shape_path (cairo_t *cr,
                       KgShape  shape,
                       double   x,
                       double   y,
                       double   w,
                       double   h)
{
  const double *f;
  guint n = kg_style_shape_polygon (shape, &f);

  if (shape == KG_SHAPE_ELLIPSE)
    {
      /* Four Bézier quarters: no save/restore or scaling per node. */
      const double k = 0.5522847498;
      double a = w / 2, b = h / 2;

      cairo_move_to (cr, x + a, y);
      cairo_curve_to (cr, x + a, y + k * b, x + k * a, y + b, x, y + b);
      cairo_curve_to (cr, x - k * a, y + b, x - a, y + k * b, x - a, y);
      cairo_curve_to (cr, x - a, y - k * b, x - k * a, y - b, x, y - b);
      cairo_curve_to (cr, x + k * a, y - b, x + a, y - k * b, x + a, y);
      cairo_close_path (cr);
    }
  else if (shape == KG_SHAPE_ROUNDED_BOX)
    {
      double r = MIN (KG_STYLE_CORNER_RADIUS, MIN (w, h) / 2);
      double x1 = x - w / 2, y1 = y - h / 2, x2 = x + w / 2, y2 = y + h / 2;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x2 - r, y1 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x2 - r, y2 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x1 + r, y2 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x1 + r, y1 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          double px = x + f[2 * i] * w, py = y + f[2 * i + 1] * h;
          if (i == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_close_path (cr);
    }
}

/* Drawn with the arrowhead's tip at tip, pointing away from from. */
static void
arrow_path (cairo_t *cr,
            KgPoint  from,
            KgPoint  tip)
{
  double dx = tip.x - from.x, dy = tip.y - from.y;
  double len = hypot (dx, dy);
  double ux, uy, bx, by, hw = KG_STYLE_ARROW_WIDTH / 2;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  bx = tip.x - ux * KG_STYLE_ARROW_LENGTH;
  by = tip.y - uy * KG_STYLE_ARROW_LENGTH;
  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, bx - uy * hw, by + ux * hw);
  cairo_line_to (cr, bx + uy * hw, by - ux * hw);
  cairo_close_path (cr);
}

static double
emphasis_alpha (KgEmphasis emphasis)
{
  return emphasis == KG_EMPHASIS_FADED ? FADED_ALPHA : 1.0;
}

static void
draw_edge (cairo_t               *cr,
           const KgSceneEdge     *e,
           KgRelation            *relation,
           KgEmphasis             emphasis,
           const KgRenderOptions *o)
{
  double rgb[3], alpha = emphasis_alpha (emphasis);
  gboolean straight = o->zoom < STRAIGHT_ZOOM;
  /* Dashing an edge far longer than the view costs a dash per few points
   * of its whole length. */
  gboolean plain = o->zoom < PLAIN_ZOOM
                   || (o->has_clip && (e->x2 - e->x1) + (e->y2 - e->y1) > 4 * (o->clip_width + o->clip_height));
  double width = emphasis >= KG_EMPHASIS_HIGHLIGHT ? 2.6 : 1.2;

  if (e->n_points < 4)
    return;
  kg_render_kind_color (relation->kind, o->dark, rgb);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_set_line_width (cr, straight ? MAX (width, 1.0 / o->zoom) : width);
  _kg_render_kind_dash (cr, relation->kind, plain);
  cairo_move_to (cr, e->points[0].x, e->points[0].y);
  if (straight)
    cairo_line_to (cr, e->points[e->n_points - 1].x, e->points[e->n_points - 1].y);
  else
    for (guint i = 1; i + 2 < e->n_points; i += 3)
      cairo_curve_to (cr, e->points[i].x, e->points[i].y, e->points[i + 1].x,
                      e->points[i + 1].y, e->points[i + 2].x, e->points[i + 2].y);
  cairo_stroke (cr);
  if (plain)
    return;
  if (e->has_end_arrow)
    arrow_path (cr, e->points[e->n_points - 1], e->end_arrow);
  if (e->has_start_arrow)
    arrow_path (cr, e->points[0], e->start_arrow);
  if (e->has_end_arrow || e->has_start_arrow)
    cairo_fill (cr);
}

static void
draw_edge_label (cairo_t               *cr,
                 const KgSceneEdge     *e,
                 KgRelation            *relation,
                 PangoLayout           *layout,
                 KgEmphasis             emphasis,
                 const KgRenderOptions *o)
{
  double rgb[3], bg[3], alpha = emphasis_alpha (emphasis);
  double w = e->label_width, h = e->label_height;

  /* A patch of background keeps the text readable over crossing lines. */
  kg_render_background_color (o->dark, bg);
  cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], 0.8 * alpha);
  cairo_rectangle (cr, e->label.x - w / 2 - 1, e->label.y - h / 2, w + 2, h);
  cairo_fill (cr);
  _kg_render_kind_text_color (relation->kind, o->dark, rgb);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_move_to (cr, e->label.x - w / 2, e->label.y - h / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_node (cairo_t               *cr,
           const KgSceneNode     *n,
           KgEntity              *entity,
           KgEmphasis             emphasis,
           const KgRenderOptions *o)
{
  double fill[3], line[3], alpha = emphasis_alpha (emphasis);

  kg_render_type_color (entity->type, o->dark, fill);
  _kg_render_type_line_color (entity->type, o->dark, line);
  _kg_render_shape_path (cr, n->shape, n->x, n->y, n->width, n->height);
  if (o->zoom < PLAIN_ZOOM && emphasis < KG_EMPHASIS_HIGHLIGHT)
    {
      /* Too small for an outline to show: one fill in the strong colour. */
      cairo_set_source_rgba (cr, line[0], line[1], line[2], alpha);
      cairo_fill (cr);
      return;
    }
  cairo_set_source_rgba (cr, fill[0], fill[1], fill[2], alpha);
  cairo_fill_preserve (cr);
  if (emphasis == KG_EMPHASIS_SELECTED)
    {
      _kg_render_accent_color (o->dark, line);
      cairo_set_line_width (cr, 3.5);
    }
  else
    cairo_set_line_width (cr, emphasis == KG_EMPHASIS_HIGHLIGHT ? 3.0 : 1.5);
  cairo_set_source_rgba (cr, line[0], line[1], line[2], alpha);
  cairo_stroke (cr);
}

static void
draw_node_label (cairo_t               *cr,
                 const KgSceneNode     *n,
                 PangoLayout           *layout,
                 KgEmphasis             emphasis,
                 const KgRenderOptions *o)
{
  double rgb[3];
  double dy = kg_style_label_dy (n->shape, n->height);

  _kg_render_text_color (o->dark, rgb);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], emphasis_alpha (emphasis));
  cairo_move_to (cr, n->x - n->label_width / 2, n->y + dy - n->label_height / 2);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
node_shown (KgGraph               *graph,
            const KgSceneNode     *n,
            const KgRenderOptions *o)
{
  if (n->entity >= kg_graph_get_n_entities (graph))
    return FALSE;
  if (o->entity_hidden != NULL && o->entity_hidden[n->entity])
    return FALSE;
  return box_visible (o, n->x - n->width / 2, n->y - n->height / 2,
                      n->x + n->width / 2, n->y + n->height / 2);
}

static gboolean
edge_shown (KgGraph               *graph,
            const KgScene         *scene,
            const KgSceneEdge     *e,
            const KgRenderOptions *o)
{
  if (e->relation >= kg_graph_get_n_relations (graph))
    return FALSE;
  if (o->entity_hidden != NULL
      && (o->entity_hidden[scene->nodes[e->source_node].entity]
          || o->entity_hidden[scene->nodes[e->target_node].entity]))
    return FALSE;
  return box_visible (o, e->x1, e->y1, e->x2, e->y2);
}

/* With options->items, each item becomes one group (one SVG element). */
static void
item_begin (cairo_t               *cr,
            const KgRenderOptions *o)
{
  if (o->items != NULL)
    cairo_push_group (cr);
}

static void
item_end (cairo_t               *cr,
          const KgRenderOptions *o,
          KgRenderItemKind       kind,
          guint                  index)
{
  KgRenderItem item = { kind, index };

  if (o->items == NULL)
    return;
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  g_array_append_val (o->items, item);
}

static void
draw_edges (cairo_t               *cr,
            KgGraph               *graph,
            const KgScene         *scene,
            const KgRenderOptions *o,
            KgRenderCache         *cache)
{
  gboolean labels = o->zoom * KG_STYLE_EDGE_FONT_SIZE >= MIN_LABEL_PIXELS;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < scene->n_edges; i++)
    {
      const KgSceneEdge *e = &scene->edges[i];
      if (!edge_shown (graph, scene, e, o) || e->n_points < 4)
        continue;
      item_begin (cr, o);
      draw_edge (cr, e, kg_graph_get_relation (graph, e->relation),
                 emphasis_of (o->relation_emphasis, e->relation), o);
      item_end (cr, o, KG_RENDER_ITEM_EDGE, i);
    }
  cairo_set_dash (cr, NULL, 0, 0);
  if (!labels)
    return;
  for (guint i = 0; i < scene->n_edges; i++)
    {
      const KgSceneEdge *e = &scene->edges[i];
      KgRelation *r;

      if (!e->has_label || !edge_shown (graph, scene, e, o))
        continue;
      r = kg_graph_get_relation (graph, e->relation);
      if (r->label == NULL || r->label[0] == '\0')
        continue;
      item_begin (cr, o);
      draw_edge_label (cr, e, r, _kg_render_cache_edge_layout (cache, i, r->label),
                       emphasis_of (o->relation_emphasis, e->relation), o);
      item_end (cr, o, KG_RENDER_ITEM_EDGE_LABEL, i);
    }
}

/* With batched, the normal and faded shapes are already drawn. */
static void
draw_nodes (cairo_t               *cr,
            KgGraph               *graph,
            const KgScene         *scene,
            const KgRenderOptions *o,
            KgRenderCache         *cache,
            gboolean               batched)
{
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const KgSceneNode *n = &scene->nodes[i];
      KgEntity *entity;
      KgEmphasis emphasis;

      if (!node_shown (graph, n, o))
        continue;
      entity = kg_graph_get_entity (graph, n->entity);
      emphasis = emphasis_of (o->entity_emphasis, n->entity);
      item_begin (cr, o);
      if (!batched || emphasis >= KG_EMPHASIS_HIGHLIGHT)
        draw_node (cr, n, entity, emphasis, o);
      if (o->zoom * n->font_size >= MIN_LABEL_PIXELS)
        draw_node_label (cr, n, _kg_render_cache_node_layout (cache, i, entity->name, n->font_size),
                         emphasis, o);
      item_end (cr, o, KG_RENDER_ITEM_NODE, i);
    }
}

/* Far out (straight edges, no outlines) items are drawn in batches of one
 * colour: nodes as one path and one fill per colour, since the per-operation
 * cost dominates when they are a few pixels; edges with one source per
 * colour but a stroke each, which cairo rasterises about twice as fast as
 * one path of thousands of crossing lines (20,000 nodes at zoom 0.1: 830 ->
 * 540 ms). Highlighted and selected items still come one by one, on top. */
static void
draw_far_edges (cairo_t               *cr,
                KgGraph               *graph,
                const KgScene         *scene,
                const KgRenderOptions *o)
{
  cairo_antialias_t antialias = cairo_get_antialias (cr);

  if (scene->n_edges >= DENSE_EDGES)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint k = 0; k < KG_N_RELATION_KINDS; k++)
    for (KgEmphasis level = KG_EMPHASIS_NORMAL; level <= KG_EMPHASIS_FADED; level++)
      {
        double rgb[3];
        gboolean any = FALSE;

        for (guint i = 0; i < scene->n_edges; i++)
          {
            const KgSceneEdge *e = &scene->edges[i];

            if (e->n_points < 4 || !edge_shown (graph, scene, e, o)
                || emphasis_of (o->relation_emphasis, e->relation) != level
                || kg_graph_get_relation (graph, e->relation)->kind != k)
              continue;
            if (!any)
              {
                kg_render_kind_color (k, o->dark, rgb);
                cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], emphasis_alpha (level));
                cairo_set_line_width (cr, 1.0 / o->zoom);
                any = TRUE;
              }
            cairo_move_to (cr, e->points[0].x, e->points[0].y);
            cairo_line_to (cr, e->points[e->n_points - 1].x, e->points[e->n_points - 1].y);
            cairo_stroke (cr);
          }
      }
  cairo_set_antialias (cr, antialias);
  for (guint i = 0; i < scene->n_edges; i++)
    {
      const KgSceneEdge *e = &scene->edges[i];
      KgEmphasis emphasis = emphasis_of (o->relation_emphasis, e->relation);

      if (emphasis >= KG_EMPHASIS_HIGHLIGHT && e->n_points >= 4 && edge_shown (graph, scene, e, o))
        draw_edge (cr, e, kg_graph_get_relation (graph, e->relation), emphasis, o);
    }
}

static void
draw_far_nodes (cairo_t               *cr,
                KgGraph               *graph,
                const KgScene         *scene,
                const KgRenderOptions *o,
                KgRenderCache         *cache)
{
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    for (KgEmphasis level = KG_EMPHASIS_NORMAL; level <= KG_EMPHASIS_FADED; level++)
      {
        double rgb[3];
        gboolean any = FALSE;

        for (guint i = 0; i < scene->n_nodes; i++)
          {
            const KgSceneNode *n = &scene->nodes[i];

            if (!node_shown (graph, n, o) || emphasis_of (o->entity_emphasis, n->entity) != level
                || kg_graph_get_entity (graph, n->entity)->type != t)
              continue;
            _kg_render_shape_path (cr, n->shape, n->x, n->y, n->width, n->height);
            any = TRUE;
          }
        if (!any)
          continue;
        _kg_render_type_line_color (t, o->dark, rgb);
        cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], emphasis_alpha (level));
        cairo_fill (cr);
      }
  draw_nodes (cr, graph, scene, o, cache, TRUE);
}

void
kg_render_scene (cairo_t               *cr,
                 KgGraph               *graph,
                 const KgScene         *scene,
                 const KgRenderOptions *options)
{
  cairo_antialias_t antialias = cairo_get_antialias (cr);
  double tolerance = cairo_get_tolerance (cr);
  g_autoptr(KgRenderCache) own_cache = NULL;
  KgRenderCache *cache = options->cache;

  g_return_if_fail (KG_IS_GRAPH (graph));
  g_return_if_fail (scene != NULL);

  if (cache == NULL)
    cache = own_cache = kg_render_cache_new ();
  _kg_render_cache_prepare (cache, scene);
  if (options->zoom < PLAIN_ZOOM)
    {
      /* Far out, shapes are a few pixels: coarser curves and the fast
       * antialiasing look the same and cost much less. */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      cairo_set_tolerance (cr, 0.5);
    }
  if (options->zoom < STRAIGHT_ZOOM && options->items == NULL)
    {
      draw_far_edges (cr, graph, scene, options);
      draw_far_nodes (cr, graph, scene, options, cache);
    }
  else
    {
      draw_edges (cr, graph, scene, options, cache);
      draw_nodes (cr, graph, scene, options, cache, FALSE);
    }
  cairo_set_antialias (cr, antialias);
  cairo_set_tolerance (cr, tolerance);
}
