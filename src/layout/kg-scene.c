/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kg-scene.h"
#include "kg-style.h"

/* Cells are lists in one array (compressed rows): items[start[c]..start[c+1]). */
typedef struct
{
  double  cell;
  guint   cols, rows;
  guint  *node_start, *node_items;
  guint  *edge_start, *edge_items;
} SceneIndex;

static void
scene_index_free (SceneIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->node_start);
  g_free (index->node_items);
  g_free (index->edge_start);
  g_free (index->edge_items);
  g_free (index);
}

KgScene *
kg_scene_new (guint n_nodes,
              guint n_edges,
              guint n_entities)
{
  KgScene *scene = g_new0 (KgScene, 1);

  scene->nodes = g_new0 (KgSceneNode, MAX (n_nodes, 1));
  scene->n_nodes = n_nodes;
  scene->edges = g_new0 (KgSceneEdge, MAX (n_edges, 1));
  scene->n_edges = n_edges;
  scene->n_entities = n_entities;
  return scene;
}

void
kg_scene_free (KgScene *scene)
{
  if (scene == NULL)
    return;
  for (guint i = 0; i < scene->n_edges; i++)
    g_free (scene->edges[i].points);
  g_free (scene->edges);
  g_free (scene->nodes);
  g_free (scene->engine);
  g_free (scene->node_of_entity);
  scene_index_free (scene->index);
  g_free (scene);
}

static void
grow_box (KgSceneEdge *e,
          double       x,
          double       y)
{
  e->x1 = MIN (e->x1, x);
  e->y1 = MIN (e->y1, y);
  e->x2 = MAX (e->x2, x);
  e->y2 = MAX (e->y2, y);
}

static void
edge_update_box (KgSceneEdge *e)
{
  e->x1 = e->y1 = G_MAXDOUBLE;
  e->x2 = e->y2 = -G_MAXDOUBLE;
  /* Control points bound a Bézier curve. */
  for (guint i = 0; i < e->n_points; i++)
    grow_box (e, e->points[i].x, e->points[i].y);
  if (e->has_start_arrow)
    grow_box (e, e->start_arrow.x, e->start_arrow.y);
  if (e->has_end_arrow)
    grow_box (e, e->end_arrow.x, e->end_arrow.y);
  if (e->has_label)
    {
      grow_box (e, e->label.x - e->label_width / 2, e->label.y - e->label_height / 2);
      grow_box (e, e->label.x + e->label_width / 2, e->label.y + e->label_height / 2);
    }
  if (e->x1 > e->x2)
    e->x1 = e->x2 = e->y1 = e->y2 = 0;
  /* Room for the arrowhead's width and the line. */
  e->x1 -= KG_STYLE_ARROW_WIDTH;
  e->y1 -= KG_STYLE_ARROW_WIDTH;
  e->x2 += KG_STYLE_ARROW_WIDTH;
  e->y2 += KG_STYLE_ARROW_WIDTH;
}

void
kg_scene_finish (KgScene *scene)
{
  g_free (scene->node_of_entity);
  scene->node_of_entity = g_new (gssize, MAX (scene->n_entities, 1));
  for (guint i = 0; i < scene->n_entities; i++)
    scene->node_of_entity[i] = -1;
  for (guint i = 0; i < scene->n_nodes; i++)
    if (scene->nodes[i].entity < scene->n_entities)
      scene->node_of_entity[scene->nodes[i].entity] = i;
  for (guint i = 0; i < scene->n_edges; i++)
    edge_update_box (&scene->edges[i]);
  g_clear_pointer ((SceneIndex **) &scene->index, scene_index_free);
}

gssize
kg_scene_find_node (const KgScene *scene,
                    guint          entity)
{
  if (scene->node_of_entity != NULL)
    return entity < scene->n_entities ? scene->node_of_entity[entity] : -1;
  for (guint i = 0; i < scene->n_nodes; i++)
    if (scene->nodes[i].entity == entity)
      return i;
  return -1;
}

/* Cell range covered by a box, clamped to the grid. */
static void
cell_range (const SceneIndex *index,
            double x1, double y1, double x2, double y2,
            guint *c1, guint *r1, guint *c2, guint *r2)
{
  *c1 = (guint) CLAMP (floor (x1 / index->cell), 0, index->cols - 1);
  *c2 = (guint) CLAMP (floor (x2 / index->cell), 0, index->cols - 1);
  *r1 = (guint) CLAMP (floor (y1 / index->cell), 0, index->rows - 1);
  *r2 = (guint) CLAMP (floor (y2 / index->cell), 0, index->rows - 1);
}

typedef void (*BoxFunc) (const KgScene *scene, guint item, double box[4]);

static void
node_box (const KgScene *scene, guint i, double box[4])
{
  const KgSceneNode *n = &scene->nodes[i];

  box[0] = n->x - n->width / 2;
  box[1] = n->y - n->height / 2;
  box[2] = n->x + n->width / 2;
  box[3] = n->y + n->height / 2;
}

static void
edge_box (const KgScene *scene, guint i, double box[4])
{
  const KgSceneEdge *e = &scene->edges[i];

  box[0] = e->x1;
  box[1] = e->y1;
  box[2] = e->x2;
  box[3] = e->y2;
}

/* Two passes: count per cell, then fill. */
static void
bucket (const KgScene    *scene,
        const SceneIndex *index,
        guint             n_items,
        BoxFunc           box_func,
        guint           **start_out,
        guint           **items_out)
{
  guint n_cells = index->cols * index->rows;
  guint *start = g_new0 (guint, n_cells + 1);
  guint *fill, *items;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          double b[4];
          guint c1, r1, c2, r2;

          box_func (scene, i, b);
          cell_range (index, b[0], b[1], b[2], b[3], &c1, &r1, &c2, &r2);
          for (guint r = r1; r <= r2; r++)
            for (guint c = c1; c <= c2; c++)
              {
                if (pass == 0)
                  start[r * index->cols + c + 1]++;
                else
                  items[fill[r * index->cols + c]++] = i;
              }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < n_cells; c++)
            start[c + 1] += start[c];
          items = g_new (guint, MAX (start[n_cells], 1));
          fill = g_memdup2 (start, sizeof (guint) * n_cells);
        }
    }
  g_free (fill);
  *start_out = start;
  *items_out = items;
}

static SceneIndex *
scene_index (KgScene *scene)
{
  SceneIndex *index = scene->index;
  double area;

  if (index != NULL)
    return index;
  index = g_new0 (SceneIndex, 1);
  /* About one node per cell. */
  area = MAX (scene->width, 1.0) * MAX (scene->height, 1.0);
  index->cell = MAX (20.0, sqrt (area / MAX (scene->n_nodes, 1)));
  index->cols = MIN (4096, (guint) ceil (MAX (scene->width, 1.0) / index->cell));
  index->rows = MIN (4096, (guint) ceil (MAX (scene->height, 1.0) / index->cell));
  index->cell = MAX (index->cell, MAX (scene->width / index->cols, scene->height / index->rows));
  bucket (scene, index, scene->n_nodes, node_box, &index->node_start, &index->node_items);
  bucket (scene, index, scene->n_edges, edge_box, &index->edge_start, &index->edge_items);
  scene->index = index;
  return index;
}

static gboolean
cell_at (const SceneIndex *index,
         double            x,
         double            y,
         guint            *cell)
{
  if (x < 0 || y < 0)
    return FALSE;
  if (x >= index->cols * index->cell || y >= index->rows * index->cell)
    return FALSE;
  *cell = (guint) (y / index->cell) * index->cols + (guint) (x / index->cell);
  return TRUE;
}

gssize
kg_scene_pick_node (KgScene *scene,
                    double   x,
                    double   y)
{
  SceneIndex *index = scene_index (scene);
  gssize best = -1;
  guint cell;

  if (!cell_at (index, x, y, &cell))
    return -1;
  for (guint k = index->node_start[cell]; k < index->node_start[cell + 1]; k++)
    {
      guint i = index->node_items[k];
      const KgSceneNode *n = &scene->nodes[i];

      /* Later nodes are drawn on top. */
      if ((gssize) i > best
          && kg_style_shape_contains (n->shape, n->width, n->height, x - n->x, y - n->y))
        best = i;
    }
  return best;
}

static double
segment_distance2 (double px, double py,
                   double ax, double ay,
                   double bx, double by)
{
  double ex = bx - ax, ey = by - ay;
  double len2 = ex * ex + ey * ey;
  double t = len2 > 0 ? CLAMP (((px - ax) * ex + (py - ay) * ey) / len2, 0, 1) : 0;
  double dx = ax + t * ex - px, dy = ay + t * ey - py;

  return dx * dx + dy * dy;
}

static KgPoint
bezier_at (const KgPoint *p,
           double         t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (KgPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                     a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

static double
edge_distance2 (const KgSceneEdge *e,
                double             x,
                double             y)
{
  double best = G_MAXDOUBLE;

  if (e->has_label
      && fabs (x - e->label.x) <= e->label_width / 2
      && fabs (y - e->label.y) <= e->label_height / 2)
    return 0;
  for (guint i = 0; i + 3 < e->n_points; i += 3)
    {
      KgPoint prev = e->points[i];
      for (int s = 1; s <= 8; s++)
        {
          KgPoint p = bezier_at (&e->points[i], s / 8.0);
          best = MIN (best, segment_distance2 (x, y, prev.x, prev.y, p.x, p.y));
          prev = p;
        }
    }
  return best;
}

gssize
kg_scene_pick_edge (KgScene *scene,
                    double   x,
                    double   y,
                    double   tolerance)
{
  SceneIndex *index = scene_index (scene);
  double best_d = tolerance * tolerance;
  gssize best = -1;
  guint cell;

  if (!cell_at (index, x, y, &cell))
    return -1;
  for (guint k = index->edge_start[cell]; k < index->edge_start[cell + 1]; k++)
    {
      guint i = index->edge_items[k];
      double d = edge_distance2 (&scene->edges[i], x, y);

      if (d <= best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best;
}

void
kg_scene_route_straight (KgScene *scene,
                         guint    edge)
{
  KgSceneEdge *e = &scene->edges[edge];
  const KgSceneNode *s = &scene->nodes[e->source_node];
  const KgSceneNode *t = &scene->nodes[e->target_node];
  double dx = t->x - s->x, dy = t->y - s->y;
  double len = hypot (dx, dy);
  double sx, sy, tx, ty, ax, ay, bx, by;

  kg_style_shape_boundary (s->shape, s->width, s->height, dx, dy, &sx, &sy);
  kg_style_shape_boundary (t->shape, t->width, t->height, -dx, -dy, &tx, &ty);
  ax = s->x + sx;
  ay = s->y + sy;
  bx = t->x + tx;
  by = t->y + ty;
  e->start_arrow = (KgPoint) { ax, ay };
  e->end_arrow = (KgPoint) { bx, by };
  /* The line stops where the arrowhead's base starts. */
  if (len > 0)
    {
      double ux = dx / len, uy = dy / len;
      if (e->has_start_arrow)
        ax += ux * KG_STYLE_ARROW_LENGTH, ay += uy * KG_STYLE_ARROW_LENGTH;
      if (e->has_end_arrow)
        bx -= ux * KG_STYLE_ARROW_LENGTH, by -= uy * KG_STYLE_ARROW_LENGTH;
    }
  g_free (e->points);
  e->n_points = 4;
  e->points = g_new (KgPoint, 4);
  for (int i = 0; i < 4; i++)
    e->points[i] = (KgPoint) { ax + (bx - ax) * i / 3.0, ay + (by - ay) * i / 3.0 };
  e->label = (KgPoint) { (ax + bx) / 2, (ay + by) / 2 };
  edge_update_box (e);
}

void
kg_scene_move_node (KgScene *scene,
                    guint    node,
                    double   x,
                    double   y)
{
  g_return_if_fail (node < scene->n_nodes);

  scene->nodes[node].x = x;
  scene->nodes[node].y = y;
  for (guint i = 0; i < scene->n_edges; i++)
    if (scene->edges[i].source_node == node || scene->edges[i].target_node == node)
      kg_scene_route_straight (scene, i);
  g_clear_pointer ((SceneIndex **) &scene->index, scene_index_free);
}
