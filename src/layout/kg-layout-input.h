/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"
#include "kg-scene.h"
#include "kg-style.h"

G_BEGIN_DECLS

/*
 * What a layout needs from the graph, copied on the caller's thread so the
 * worker never touches the (GObject, main-thread) graph.
 */

typedef struct
{
  guint    entity;
  char    *name;
  KgShape  shape;
  double   font_size;
  double   label_width, label_height;
  double   width, height;        /* filled by kg_layout_input_measure */
  gboolean has_position;
  double   x, y;
} KgLayoutInputNode;

typedef struct
{
  guint    relation;
  guint    source, target;       /* node indices */
  char    *label;
  gboolean directed;
  double   label_width, label_height;
} KgLayoutInputEdge;

typedef struct
{
  KgLayoutInputNode *nodes;
  guint              n_nodes;
  KgLayoutInputEdge *edges;
  guint              n_edges;
  guint              n_entities;
  char              *engine;
} KgLayoutInput;

KgLayoutInput *kg_layout_input_new        (KgGraph          *graph,
                                           const gboolean   *entity_hidden);
void           kg_layout_input_free       (KgLayoutInput    *in);
/* Measures every label with Pango and sizes the nodes (any thread). */
void           kg_layout_input_measure    (KgLayoutInput    *in);
void           kg_layout_input_fill_node  (const KgLayoutInput *in,
                                           guint             i,
                                           KgSceneNode      *node);
void           kg_layout_input_fill_edge  (const KgLayoutInput *in,
                                           guint             i,
                                           KgSceneEdge      *edge);

G_END_DECLS
