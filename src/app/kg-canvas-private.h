/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-canvas.h"
#include "kg-render.h"

G_BEGIN_DECLS

/* Shared by kg-canvas.c (state, view, drawing) and kg-canvas-input.c
 * (pointer, gestures and keys). */
struct _KgCanvas
{
  GtkWidget        parent_instance;

  KgGraph         *graph;
  KgScene         *scene;
  KgRenderCache   *render_cache;    /* label layouts of the scene */
  guint            n_entities;
  gssize          *relation_edge;   /* per relation: its edge or -1 */
  guint            n_relations;
  guint           *adj_start;       /* per node + 1: offsets into adj_edges */
  guint           *adj_edges;       /* the edges at each node */
  guint           *tab_order;       /* nodes in reading order */

  gboolean        *entity_hidden;   /* per entity */
  gboolean        *node_hidden;     /* per node, derived */
  gboolean        *entity_lit;      /* per entity, or NULL */
  gboolean        *relation_lit;    /* per relation, or NULL */
  guint8          *entity_emphasis; /* scratch, per entity */
  guint8          *relation_emphasis;

  /* The view: widget = scene × zoom + (tx, ty). */
  double           zoom;
  double           tx, ty;
  gboolean         fit_pending;
  gboolean         fitted;          /* framing fit_area: frame it again on resize */
  double           fit_area[5];     /* x0, y0, x1, y1, max zoom */
  int              last_width, last_height;

  KgItemKind       sel_kind;
  guint            sel_index;
  KgItemKind       hover_kind;
  guint            hover_index;
  gssize           focus_node;      /* double-clicked neighbourhood, or -1 */

  /* The expensive part, rendered once per zoom and region. */
  GdkTexture      *cache;
  double           cache_zoom;
  double           cache_x, cache_y, cache_w, cache_h;   /* scene rect */
  gboolean         cache_dark;
  guint            refresh_id;      /* re-render after a zoom settles */
  gboolean         sharpen;         /* the zoom settled: render it sharp */
  gboolean         cache_stale;     /* what it shows has changed */
  guint            generation;      /* bumped whenever what it shows changes */
  gboolean         rendering;       /* a worker is rendering a large scene */
  gpointer         render_scene;    /* the workers' copy of the scene (SceneCopy) */
  GdkTexture      *previous;        /* the picture before, while the new one's tiles come */
  double           previous_x, previous_y, previous_zoom;

  /* Gestures. */
  double           drag_tx, drag_ty;
  gssize           drag_node;
  double           drag_node_x, drag_node_y;
  double           pointer_x, pointer_y;
  gboolean         has_pointer;
  double           gesture_zoom;
};

void      _kg_canvas_init_input      (KgCanvas   *self);
void      _kg_canvas_invalidate      (KgCanvas   *self);
void      _kg_canvas_set_hover       (KgCanvas   *self,
                                      KgItemKind  kind,
                                      guint       index);
void      _kg_canvas_move_node       (KgCanvas   *self,
                                      guint       node,
                                      double      x,
                                      double      y);
void      _kg_canvas_focus_node      (KgCanvas   *self,
                                      gssize      node);
void      _kg_canvas_select_node     (KgCanvas   *self,
                                      guint       node,
                                      gboolean    reveal);
gboolean  _kg_canvas_node_visible    (KgCanvas   *self,
                                      guint       node);

void      _kg_canvas_emit_activated  (KgCanvas   *self);
gboolean  _kg_canvas_is_dark         (void);
/* kg-canvas-draw.c */
void      _kg_canvas_drop_render_scene (KgCanvas  *self);
void      _kg_canvas_snapshot        (GtkWidget   *widget,
                                      GtkSnapshot *snapshot);
GQuark    _kg_canvas_surface_quark   (void);
/* kg-canvas-tiles.c: the cached picture, its top-left corner at widget
 * point (x, y), in a canvas of width × height; cairo for the cairo renderer. */
void      _kg_canvas_snapshot_tiles  (KgCanvas    *self,
                                      GtkSnapshot *snapshot,
                                      gboolean     cairo,
                                      double       x,
                                      double       y,
                                      double       width,
                                      double       height);

G_END_DECLS
