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
} KgScene;

void     kg_scene_free          (KgScene *scene);
/* The node showing this entity, or -1 (it may be filtered out). */
gssize   kg_scene_find_node     (const KgScene *scene,
                                 guint          entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgScene, kg_scene_free)

G_END_DECLS
