/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "kg-render.h"
#include "kg-style.h"

G_BEGIN_DECLS

void         _kg_render_shape_path        (cairo_t        *cr,
                                           KgShape         shape,
                                           double          x,
                                           double          y,
                                           double          w,
                                           double          h);
void         _kg_render_type_line_color   (KgEntityType    type,
                                           gboolean        dark,
                                           double          rgb[3]);
void         _kg_render_kind_text_color   (KgRelationKind  kind,
                                           gboolean        dark,
                                           double          rgb[3]);
void         _kg_render_kind_dash         (cairo_t        *cr,
                                           KgRelationKind  kind,
                                           gboolean        plain);
void         _kg_render_text_color        (gboolean        dark,
                                           double          rgb[3]);
void         _kg_render_accent_color      (gboolean        dark,
                                           double          rgb[3]);

void         _kg_render_cache_prepare     (KgRenderCache  *cache,
                                           const KgScene  *scene);
PangoLayout *_kg_render_cache_node_layout (KgRenderCache  *cache,
                                           guint           node,
                                           const char     *text,
                                           double          font_size);
PangoLayout *_kg_render_cache_edge_layout (KgRenderCache  *cache,
                                           guint           edge,
                                           const char     *text);

G_END_DECLS
