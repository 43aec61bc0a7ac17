/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "kg-graph.h"
#include "kg-scene.h"

G_BEGIN_DECLS

/*
 * One visual language for screen and file: the canvas and the exports both
 * draw a scene through kg_render_scene(), so an export looks like the window.
 */

typedef enum
{
  KG_EMPHASIS_NORMAL,
  KG_EMPHASIS_FADED,       /* outside the hovered/selected neighbourhood */
  KG_EMPHASIS_HIGHLIGHT,   /* hovered, search match, lit by a sentence */
  KG_EMPHASIS_SELECTED,
} KgEmphasis;

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
  gboolean     draw_legend;
} KgRenderOptions;

void     kg_render_options_init   (KgRenderOptions   *options);
void     kg_render_scene          (cairo_t           *cr,
                                   KgGraph           *graph,
                                   const KgScene     *scene,
                                   const KgRenderOptions *options);
/* The fill colour of an entity type, as 0..1 RGB. */
void     kg_render_type_color     (KgEntityType       type,
                                   gboolean           dark,
                                   double             rgb[3]);

G_END_DECLS
