/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "kg-graph.h"
#include "kg-scene.h"

G_BEGIN_DECLS

/*
 * One visual language for screen and file: the canvas and the exports both
 * draw a scene through kg_render_scene(), so an export looks like the window.
 * Shapes, sizes and fonts come from src/layout/kg-style.h (shared with the
 * layout); colours and line styles live here.
 */

typedef enum
{
  KG_EMPHASIS_NORMAL,
  KG_EMPHASIS_FADED,       /* outside the hovered/selected neighbourhood */
  KG_EMPHASIS_HIGHLIGHT,   /* hovered, search match, lit by a sentence */
  KG_EMPHASIS_SELECTED,
} KgEmphasis;

/* Text layouts kept between frames so a redraw allocates nothing. One per
 * scene: it notices a new scene and starts over; clear it when labels change. */
typedef struct _KgRenderCache KgRenderCache;

typedef struct
{
  gboolean     dark;
  double       zoom;             /* device pixels per point, for level of detail */
  gboolean     has_clip;         /* draw only what meets clip (scene coords) */
  double       clip_x, clip_y, clip_width, clip_height;
  /* Per entity / relation index; NULL means all KG_EMPHASIS_NORMAL. */
  const guint8 *entity_emphasis;
  const guint8 *relation_emphasis;
  /* Per entity index; NULL means every node is shown. */
  const gboolean *entity_hidden;
  /* Used by kg_render_page() (exports); the canvas draws kg_render_legend()
   * itself where it wants it. */
  gboolean     draw_legend;
  KgRenderCache *cache;          /* NULL: a temporary one per call */
  /*< private >*/
  /* Exports: draw each edge, edge label and node as its own group and list
   * them here (KgRenderItem), so an SVG gets one element per item. */
  GArray      *items;
} KgRenderOptions;

typedef enum
{
  KG_RENDER_ITEM_EDGE,
  KG_RENDER_ITEM_EDGE_LABEL,
  KG_RENDER_ITEM_NODE,
} KgRenderItemKind;

typedef struct
{
  KgRenderItemKind kind;
  guint            index;   /* scene edge or node index */
} KgRenderItem;

void     kg_render_options_init   (KgRenderOptions   *options);
/* Draws the scene in scene coordinates (points, y down); no background. */
void     kg_render_scene          (cairo_t           *cr,
                                   KgGraph           *graph,
                                   const KgScene     *scene,
                                   const KgRenderOptions *options);
/* The fill colour of an entity type, as 0..1 RGB. */
void     kg_render_type_color     (KgEntityType       type,
                                   gboolean           dark,
                                   double             rgb[3]);
/* The line colour of a relation kind, as 0..1 RGB. */
void     kg_render_kind_color     (KgRelationKind     kind,
                                   gboolean           dark,
                                   double             rgb[3]);
/* The page background. */
void     kg_render_background_color (gboolean         dark,
                                     double           rgb[3]);

/* The key to shapes, colours and line styles, top-left at (x, y). */
void     kg_render_legend_size    (double            *width,
                                   double            *height);
void     kg_render_legend         (cairo_t           *cr,
                                   gboolean           dark,
                                   double             x,
                                   double             y);

/* A whole page as the exports write it: background, margins, the legend on
 * top when options->draw_legend, then the scene. Sizes in points. */
void     kg_render_page_size      (const KgScene     *scene,
                                   gboolean           legend,
                                   double            *width,
                                   double            *height);
void     kg_render_page           (cairo_t           *cr,
                                   KgGraph           *graph,
                                   const KgScene     *scene,
                                   const KgRenderOptions *options);

KgRenderCache *kg_render_cache_new   (void);
void           kg_render_cache_free  (KgRenderCache *cache);
void           kg_render_cache_clear (KgRenderCache *cache);

/* Hit-testing in scene coordinates through the scene's grid index: the node
 * under (x, y) or -1; the edge within tolerance points of (x, y) or -1. */
gssize   kg_render_pick_node      (KgScene           *scene,
                                   double             x,
                                   double             y);
gssize   kg_render_pick_edge      (KgScene           *scene,
                                   double             x,
                                   double             y,
                                   double             tolerance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgRenderCache, kg_render_cache_free)

G_END_DECLS
