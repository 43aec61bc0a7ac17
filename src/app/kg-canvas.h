/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kg-graph.h"
#include "kg-scene.h"

G_BEGIN_DECLS

typedef enum
{
  KG_ITEM_NONE,
  KG_ITEM_ENTITY,
  KG_ITEM_RELATION,
} KgItemKind;

#define KG_TYPE_CANVAS (kg_canvas_get_type ())
G_DECLARE_FINAL_TYPE (KgCanvas, kg_canvas, KG, CANVAS, GtkWidget)

KgCanvas      *kg_canvas_new                (void);
/* Call before GTK opens the display: picks the cairo renderer where there
 * is no GPU device, unless GSK_RENDERER says otherwise, and then keeps GDK
 * from loading GL at all. */
void           kg_canvas_prefer_renderer_early (void);
/* Call before the first window is shown: picks the cairo renderer where GL
 * is a software rasteriser, unless GSK_RENDERER says otherwise. */
void           kg_canvas_prefer_renderer    (void);
/* Takes scene. keep_view keeps zoom and centre (a re-layout of the same
 * graph); otherwise the new scene is fitted into the view. */
void           kg_canvas_set_scene          (KgCanvas        *self,
                                             KgGraph         *graph,
                                             KgScene         *scene,
                                             gboolean         keep_view);
KgGraph       *kg_canvas_get_graph          (KgCanvas        *self);
const KgScene *kg_canvas_get_scene          (KgCanvas        *self);
/* A copy of what the canvas shows, for a worker (the reader may drag nodes
 * meanwhile). */
KgScene       *kg_canvas_dup_scene          (KgCanvas        *self);
/* Whether the picture of the scene is up to date (large scenes are drawn
 * by a worker, a moment after they change). */
gboolean       kg_canvas_is_drawn           (KgCanvas        *self);
/* Per entity index (copied); NULL shows every entity. */
void           kg_canvas_set_entity_hidden  (KgCanvas        *self,
                                             const gboolean  *hidden);
gboolean       kg_canvas_is_entity_visible  (KgCanvas        *self,
                                             guint            entity);
/* Lit entities and relations (search matches, a selected sentence); per
 * index, copied; NULL clears. */
void           kg_canvas_set_lit            (KgCanvas        *self,
                                             const gboolean  *entities,
                                             const gboolean  *relations);

gboolean       kg_canvas_is_entity_lit      (KgCanvas        *self,
                                             guint            entity);

void           kg_canvas_select             (KgCanvas        *self,
                                             KgItemKind       kind,
                                             guint            index);
KgItemKind     kg_canvas_get_selection      (KgCanvas        *self,
                                             guint           *index);
void           kg_canvas_center_on_entity   (KgCanvas        *self,
                                             guint            entity);
void           kg_canvas_zoom_fit           (KgCanvas        *self);
/* Brings the flagged entities (per index) into view when some are outside. */
void           kg_canvas_reveal_entities    (KgCanvas        *self,
                                             const gboolean  *entities);
/* Zooms by factor keeping the scene point under widget point (x, y) fixed. */
void           kg_canvas_zoom_at            (KgCanvas        *self,
                                             double           factor,
                                             double           x,
                                             double           y);
void           kg_canvas_zoom_in            (KgCanvas        *self);
void           kg_canvas_zoom_out           (KgCanvas        *self);
double         kg_canvas_get_zoom           (KgCanvas        *self);
/* The view transform and its inverse. */
void           kg_canvas_scene_to_widget    (KgCanvas        *self,
                                             double           sx,
                                             double           sy,
                                             double          *wx,
                                             double          *wy);
void           kg_canvas_widget_to_scene    (KgCanvas        *self,
                                             double           wx,
                                             double           wy,
                                             double          *sx,
                                             double          *sy);
/* What is under widget point (x, y). */
KgItemKind     kg_canvas_pick               (KgCanvas        *self,
                                             double           x,
                                             double           y,
                                             guint           *index);

G_END_DECLS
