/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kg-scene.h"

/*
 * Overlap removal after Graphviz, for engines that leave overlaps (circo)
 * and for large graphs, which Graphviz lays out with shrunken nodes.
 */

static int
compare_left (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const KgSceneNode *nodes = data;
  const KgSceneNode *na = &nodes[*(const guint *) a], *nb = &nodes[*(const guint *) b];
  double la = na->x - na->width / 2, lb = nb->x - nb->width / 2;

  return la < lb ? -1 : la > lb;
}

/* For every pair of overlapping boxes, the common factor that would
 * separate them, collected into factors (when not NULL); returns the
 * largest (1 when none overlap). A sweep over the boxes sorted by left edge. */
static double
spread_factors (const KgScene *scene,
                double         gap,
                GArray        *factors)
{
  g_autofree guint *order = g_new (guint, MAX (scene->n_nodes, 1));
  double factor = 1.0;

  for (guint i = 0; i < scene->n_nodes; i++)
    order[i] = i;
  g_qsort_with_data (order, scene->n_nodes, sizeof (guint), compare_left, scene->nodes);
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const KgSceneNode *a = &scene->nodes[order[i]];

      for (guint j = i + 1; j < scene->n_nodes; j++)
        {
          const KgSceneNode *b = &scene->nodes[order[j]];
          double w = (a->width + b->width) / 2 + gap, h = (a->height + b->height) / 2 + gap;
          double dx = fabs (a->x - b->x), dy = fabs (a->y - b->y), f;

          if (b->x - b->width / 2 >= a->x + a->width / 2 + gap)
            break;
          if (dx >= w || dy >= h)
            continue;
          /* Separate along whichever axis needs less stretching. */
          f = MIN (1000.0, MIN (dx > 0 ? w / dx : G_MAXDOUBLE, dy > 0 ? h / dy : G_MAXDOUBLE));
          factor = MAX (factor, f);
          if (factors != NULL)
            g_array_append_val (factors, f);
        }
    }
  return factor;
}

static double
spread_factor (const KgScene *scene,
               double         gap)
{
  return spread_factors (scene, gap, NULL);
}

/* Node area over bounding-box area above which nodes are first spread
 * evenly, so that local pushing has room to work. */
#define MAX_DENSITY  0.25
#define PUSH_ROUNDS  50
#define NODE_GAP     2.0
/* Each node of a pair moves by a little more than half the overlap, so
 * crowds open up faster than they close again. */
#define PUSH_SHARE   0.6
/* Node area over drawing area that compaction aims at. */
#define COMPACT_DENSITY 0.15

typedef struct
{
  gint64 cell;
  guint  node;
} CellEntry;

static int
compare_cell (gconstpointer a,
              gconstpointer b)
{
  const CellEntry *ca = a, *cb = b;

  return ca->cell < cb->cell ? -1 : ca->cell > cb->cell;
}

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  /* Shifted as unsigned: cells left of or above the origin are negative. */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

/* Pushes overlapping pairs apart along the axis that needs the smaller move,
 * each by half. Pairs are found through a grid of cells as large as the
 * largest node, so only the 3 × 3 cells around a node can hold one it meets.
 * Returns how many overlapping pairs there were. */
static guint
push_apart (KgScene     *scene,
            CellEntry   *entries,
            double       cell)
{
  guint n = scene->n_nodes, overlaps = 0;

  for (guint i = 0; i < n; i++)
    entries[i] = (CellEntry) { cell_key ((gint64) floor (scene->nodes[i].x / cell),
                                         (gint64) floor (scene->nodes[i].y / cell)), i };
  qsort (entries, n, sizeof (CellEntry), compare_cell);
  /* In cell order, so a push travels on through a crowd within one round. */
  for (guint k = 0; k < n; k++)
    {
      guint i = entries[k].node;
      KgSceneNode *a = &scene->nodes[i];
      gint64 cx = (gint64) (entries[k].cell >> 32), cy = (gint32) (entries[k].cell & 0xffffffff);

      for (gint64 ox = -1; ox <= 1; ox++)
        for (gint64 oy = -1; oy <= 1; oy++)
          {
            CellEntry key = { cell_key (cx + ox, cy + oy), 0 };
            CellEntry *hit = bsearch (&key, entries, n, sizeof (CellEntry), compare_cell);

            if (hit == NULL)
              continue;
            while (hit > entries && hit[-1].cell == key.cell)
              hit--;
            for (; hit < entries + n && hit->cell == key.cell; hit++)
              {
                KgSceneNode *b = &scene->nodes[hit->node];
                double dx = b->x - a->x, dy = b->y - a->y;
                double px = (a->width + b->width) / 2 + NODE_GAP - fabs (dx);
                double py = (a->height + b->height) / 2 + NODE_GAP - fabs (dy);

                if (hit->node == i || px <= 0 || py <= 0)
                  continue;
                overlaps++;
                /* Coincident nodes part in a direction of their own. */
                gboolean flip = ((i * 2654435761u) ^ hit->node) & 1;
                if (px < py)
                  {
                    double sx = dx > 0 || (dx == 0 && flip) ? 1 : -1;
                    a->x -= sx * px * PUSH_SHARE;
                    b->x += sx * px * PUSH_SHARE;
                  }
                else
                  {
                    double sy = dy > 0 || (dy == 0 && flip) ? 1 : -1;
                    a->y -= sy * py * PUSH_SHARE;
                    b->y += sy * py * PUSH_SHARE;
                  }
              }
          }
    }
  return overlaps;
}

/* Rounds of pushing until nothing overlaps, at most max_rounds. */
static guint
push_rounds (KgScene   *scene,
             CellEntry *entries,
             double     cell,
             guint      max_rounds)
{
  guint rounds = 0;

  while (rounds < max_rounds && push_apart (scene, entries, cell) > 0)
    rounds++;
  return rounds;
}

void
kg_scene_fit_box (KgScene *scene,
                  double   margin)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const KgSceneNode *n = &scene->nodes[i];
      x1 = MIN (x1, n->x - n->width / 2);
      y1 = MIN (y1, n->y - n->height / 2);
      x2 = MAX (x2, n->x + n->width / 2);
      y2 = MAX (y2, n->y + n->height / 2);
    }
  if (scene->n_nodes == 0)
    x1 = y1 = x2 = y2 = 0;
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      scene->nodes[i].x += margin - x1;
      scene->nodes[i].y += margin - y1;
    }
  scene->width = x2 - x1 + 2 * margin;
  scene->height = y2 - y1 + 2 * margin;
}

static double
density (const KgScene *scene)
{
  double area = 0, x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const KgSceneNode *n = &scene->nodes[i];
      area += n->width * n->height;
      x1 = MIN (x1, n->x - n->width / 2);
      y1 = MIN (y1, n->y - n->height / 2);
      x2 = MAX (x2, n->x + n->width / 2);
      y2 = MAX (y2, n->y + n->height / 2);
    }
  return area / MAX ((x2 - x1) * (y2 - y1), 1.0);
}

/* A segment tree over compressed coordinates: raise a range to at least a
 * value, ask a range's maximum. */
typedef struct
{
  guint   n;
  double *max;
  double *lazy;
} MaxTree;

static void
tree_push (MaxTree *t,
           guint    node)
{
  for (guint c = 2 * node; c <= 2 * node + 1; c++)
    {
      t->max[c] = MAX (t->max[c], t->lazy[node]);
      t->lazy[c] = MAX (t->lazy[c], t->lazy[node]);
    }
  t->lazy[node] = -G_MAXDOUBLE;
}

static void
tree_raise (MaxTree *t, guint node, guint l, guint r, guint ql, guint qr, double v)
{
  if (qr < l || r < ql)
    return;
  if (ql <= l && r <= qr)
    {
      t->max[node] = MAX (t->max[node], v);
      t->lazy[node] = MAX (t->lazy[node], v);
      return;
    }
  tree_push (t, node);
  tree_raise (t, 2 * node, l, (l + r) / 2, ql, qr, v);
  tree_raise (t, 2 * node + 1, (l + r) / 2 + 1, r, ql, qr, v);
  t->max[node] = MAX (t->max[2 * node], t->max[2 * node + 1]);
}

static double
tree_max (MaxTree *t, guint node, guint l, guint r, guint ql, guint qr)
{
  if (qr < l || r < ql)
    return -G_MAXDOUBLE;
  if (ql <= l && r <= qr)
    return t->max[node];
  tree_push (t, node);
  return MAX (tree_max (t, 2 * node, l, (l + r) / 2, ql, qr),
              tree_max (t, 2 * node + 1, (l + r) / 2 + 1, r, ql, qr));
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double key;
  guint  node;
} Order;

static int
compare_order (const void *a,
               const void *b)
{
  return compare_doubles (&((const Order *) a)->key, &((const Order *) b)->key);
}

/* The index of value among the sorted coordinates. */
static guint
coord_index (const double *coords,
             guint         n,
             double        value)
{
  const double *hit = bsearch (&value, coords, n, sizeof (double), compare_doubles);

  g_assert (hit != NULL);
  return hit - coords;
}

/* One pass along x (or y with vertical): nodes in order of position move to
 * `shrink` times their position, or further on just as far as needed to
 * clear every node already placed whose extent across the pass overlaps
 * theirs. Afterwards no two nodes that overlap across the pass overlap
 * along it. The tree holds, over the cross axis, the far edge so far. */
static void
skyline_pass (KgScene *scene,
              double   shrink,
              gboolean vertical)
{
  guint n = scene->n_nodes, m = 0;
  g_autofree double *coords = g_new (double, 2 * n);
  g_autofree Order *order = g_new (Order, n);
  MaxTree t;

#define ALONG(nd) (vertical ? (nd)->y : (nd)->x)
#define ALONG_SIZE(nd) (vertical ? (nd)->height : (nd)->width)
#define ACROSS(nd) (vertical ? (nd)->x : (nd)->y)
#define ACROSS_SIZE(nd) (vertical ? (nd)->width : (nd)->height)
  for (guint i = 0; i < n; i++)
    {
      const KgSceneNode *nd = &scene->nodes[i];
      coords[2 * i] = ACROSS (nd) - (ACROSS_SIZE (nd) + NODE_GAP) / 2;
      coords[2 * i + 1] = ACROSS (nd) + (ACROSS_SIZE (nd) + NODE_GAP) / 2;
      order[i] = (Order) { ALONG (nd), i };
    }
  qsort (coords, 2 * n, sizeof (double), compare_doubles);
  for (guint i = 0; i < 2 * n; i++)
    if (m == 0 || coords[i] != coords[m - 1])
      coords[m++] = coords[i];
  qsort (order, n, sizeof (Order), compare_order);
  t.n = MAX (m, 2) - 1;
  t.max = g_new (double, 4 * t.n);
  t.lazy = g_new (double, 4 * t.n);
  for (guint i = 0; i < 4 * t.n; i++)
    t.max[i] = t.lazy[i] = -G_MAXDOUBLE;
  for (guint k = 0; k < n; k++)
    {
      KgSceneNode *nd = &scene->nodes[order[k].node];
      guint lo = coord_index (coords, m, ACROSS (nd) - (ACROSS_SIZE (nd) + NODE_GAP) / 2);
      guint hi = coord_index (coords, m, ACROSS (nd) + (ACROSS_SIZE (nd) + NODE_GAP) / 2) - 1;
      double edge = tree_max (&t, 1, 0, t.n - 1, lo, hi);
      double pos = MAX (ALONG (nd) * shrink, edge + (ALONG_SIZE (nd) + NODE_GAP) / 2);

      if (vertical)
        nd->y = pos;
      else
        nd->x = pos;
      tree_raise (&t, 1, 0, t.n - 1, lo, hi, pos + (ALONG_SIZE (nd) + NODE_GAP) / 2);
    }
#undef ALONG
#undef ALONG_SIZE
#undef ACROSS
#undef ACROSS_SIZE
  g_free (t.max);
  g_free (t.lazy);
}

/* Removes every overlap in two scan passes, scaling positions by shrink
 * first (1: not at all): pairs that overlap across x are separated along x,
 * then pairs that still overlap across y are separated along y. */
static void
skyline (KgScene *scene,
         double   shrink)
{
  skyline_pass (scene, shrink, FALSE);
  skyline_pass (scene, shrink, TRUE);
}

void
kg_scene_spread_fit (KgScene *scene)
{
  kg_scene_fit_box (scene, 0);
  for (guint i = 0; i < scene->n_edges; i++)
    kg_scene_route_straight (scene, i);
  kg_scene_finish (scene);
}

gboolean
kg_scene_spread (KgScene *scene)
{
  g_autofree CellEntry *entries = NULL;
  double cell = 1.0;
  guint rounds;

  if (scene->n_nodes < 2 || spread_factor (scene, NODE_GAP) <= 1.0)
    return FALSE;
  for (guint i = 0; i < scene->n_nodes; i++)
    cell = MAX (cell, MAX (scene->nodes[i].width, scene->nodes[i].height) + NODE_GAP);
  entries = g_new (CellEntry, scene->n_nodes);
  /* A few overlaps are pushed apart where they are, which keeps the
   * drawing's shape; a crowd needs the scan, which always works. */
  rounds = push_rounds (scene, entries, cell, PUSH_ROUNDS);
  g_debug ("spread %u nodes: %u rounds of pushing%s", scene->n_nodes, rounds,
           rounds == PUSH_ROUNDS ? ", then a scan" : "");
  if (rounds == PUSH_ROUNDS)
    skyline (scene, 1.0);
  kg_scene_spread_fit (scene);
  return TRUE;
}

void
kg_scene_compact (KgScene *scene)
{
  double d;

  if (scene->n_nodes < 2)
    return;
  d = density (scene);
  /* Empty space shrinks, a crowd spreads, both towards the same density;
   * the scans then clear what still overlaps. */
  skyline (scene, sqrt (d / COMPACT_DENSITY));
  g_debug ("compacted %u nodes: density %.4f → %.4f", scene->n_nodes, d, density (scene));
  kg_scene_spread_fit (scene);
}
