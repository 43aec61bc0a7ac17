/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A laid-out graph as plain data: what the layout produced, copied out of
 * Graphviz so nothing above this layer ever sees a Graphviz type. Units are
 * points, y points down, (0, 0) is the top-left corner of the bounding box.
 * Nodes and edges refer to the model by entity and relation index.
 */

typedef struct
{
  double x;
  double y;
} KgPoint;

typedef struct
{
  guint   entity;        /* entity index in the KgGraph */
  double  x, y;          /* centre */
  double  width, height; /* outer size of the shape */
  guint8  shape;         /* KgShape (kg-style.h) */
  double  font_size;     /* of the label, points */
  double  label_width;   /* the label as measured for layout */
  double  label_height;
} KgSceneNode;

typedef struct
{
  guint    relation;     /* relation index in the KgGraph */
  guint    source_node;  /* index into nodes */
  guint    target_node;
  KgPoint *points;       /* cubic Bézier control points, 1 + 3k of them */
  guint    n_points;
  gboolean has_start_arrow;
  gboolean has_end_arrow;
  KgPoint  start_arrow;  /* tip of the arrowhead, when it has one */
  KgPoint  end_arrow;
  gboolean has_label;
  KgPoint  label;        /* centre of the relation's label */
  double   label_width;
  double   label_height;
  /* Bounding box of curve, arrowheads and label, for clipping. */
  double   x1, y1, x2, y2;
} KgSceneEdge;

typedef struct
{
  KgSceneNode *nodes;
  guint        n_nodes;
  KgSceneEdge *edges;
  guint        n_edges;
  double       width;    /* bounding box */
  double       height;
  char        *engine;   /* the engine that made it ("dot", "sfdp", …) */
  /* Private: a grid over the scene for picking, built on demand. */
  gpointer     index;
  gssize      *node_of_entity; /* by entity index, -1 when not shown */
  guint        n_entities;
} KgScene;

/* A scene with room for n_nodes and n_edges, zeroed; n_entities sizes the
 * entity → node table. */
KgScene *kg_scene_new           (guint          n_nodes,
                                 guint          n_edges,
                                 guint          n_entities);
void     kg_scene_free          (KgScene *scene);
/* Computes the edge bounding boxes and the entity → node table; call once
 * after filling a scene. */
void     kg_scene_finish        (KgScene *scene);
/* The node showing this entity, or -1 (it may be filtered out). */
gssize   kg_scene_find_node     (const KgScene *scene,
                                 guint          entity);
/* Hit-testing through a grid index (not a linear scan). The topmost node
 * whose shape holds (x, y), or -1; the edge whose curve or label passes
 * within tolerance of (x, y), or -1. Scene coordinates. */
gssize   kg_scene_pick_node     (KgScene       *scene,
                                 double         x,
                                 double         y);
gssize   kg_scene_pick_edge     (KgScene       *scene,
                                 double         x,
                                 double         y,
                                 double         tolerance);
/* Moves a node's centre (a drag); its edges become straight lines between
 * the outlines, labels at their middle. The bounding box is not changed. */
void     kg_scene_move_node     (KgScene       *scene,
                                 guint          node,
                                 double         x,
                                 double         y);
/* Moves nodes apart until no two node boxes overlap: spreads a crowded
 * drawing evenly, then pushes overlapping pairs apart locally (a common
 * scale factor as the last resort); edges of a spread scene become straight.
 * For engines that leave overlaps (circo, sfdp on large graphs). Returns
 * whether anything moved. */
gboolean kg_scene_spread        (KgScene       *scene);
/* Moves the nodes so their bounding box, with margin around it, starts at
 * (0, 0), and sets the scene's size to it. Edges are not moved. */
void     kg_scene_fit_box       (KgScene       *scene,
                                 double         margin);
/* For large graphs, laid out by Graphviz with shrunken nodes: removes
 * overlaps and squeezes out empty space, keeping the nodes' order along
 * both axes. */
void     kg_scene_compact       (KgScene       *scene);
/* Straight edges and a bounding box around the nodes, origin top-left:
 * for a scene whose nodes Graphviz saw at another size. */
void     kg_scene_spread_fit    (KgScene       *scene);
/* Makes edge a straight line from outline to outline. */
void     kg_scene_route_straight (KgScene      *scene,
                                  guint         edge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgScene, kg_scene_free)

G_END_DECLS
