/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "kg-graph.h"

G_BEGIN_DECLS

/*
 * The metrics both the layout and the drawing use: the font, the label
 * padding, the shape per entity type and how size follows mention count.
 * Layout sizes the nodes with these numbers and render draws with them, so a
 * label always fits the shape Graphviz made room for. Units are points.
 */

typedef enum
{
  KG_SHAPE_ELLIPSE,      /* people */
  KG_SHAPE_ROUNDED_BOX,  /* organisations */
  KG_SHAPE_HEXAGON,      /* governments */
  KG_SHAPE_HOUSE,        /* places */
} KgShape;

#define KG_STYLE_FONT_FAMILY      "Sans"
#define KG_STYLE_EDGE_FONT_SIZE   8.0
#define KG_STYLE_CORNER_RADIUS    6.0
#define KG_STYLE_ARROW_LENGTH     8.0
#define KG_STYLE_ARROW_WIDTH      6.0

KgShape       kg_style_shape_for_type   (KgEntityType type);
/* The Graphviz shape whose outline matches what render draws. */
const char   *kg_style_graphviz_shape   (KgShape      shape);
/* Label font size for an entity mentioned n times: grows slowly, capped. */
double        kg_style_node_font_size   (guint        n_mentions);

/* A Pango context set up identically wherever text is measured or drawn:
 * 72 dpi (1 pt = 1 unit), no hinting, so sizes do not depend on zoom. */
PangoContext *kg_style_create_context   (void);
/* A layout on its own context from kg_style_create_context(); unref it. */
PangoLayout  *kg_style_create_layout    (void);
/* A layout for node or edge label text at font_size, from context. */
void          kg_style_set_label        (PangoLayout *layout,
                                         const char  *text,
                                         double       font_size);
void          kg_style_measure          (PangoLayout *layout,
                                         const char  *text,
                                         double       font_size,
                                         double      *width,
                                         double      *height);

/* The outer size of a node whose label measures label_w × label_h. */
void          kg_style_node_size        (KgShape      shape,
                                         double       label_w,
                                         double       label_h,
                                         double      *width,
                                         double      *height);
/* Where the label's centre sits, relative to the node centre (y down). */
double        kg_style_label_dy         (KgShape      shape,
                                         double       height);
/* Shape outlines, relative to the node centre, y down. Polygons give their
 * corners (at most 8) as fractions of width and height; ellipse and box
 * return 0. */
guint         kg_style_shape_polygon    (KgShape      shape,
                                         const double **fractions);
gboolean      kg_style_shape_contains   (KgShape      shape,
                                         double       width,
                                         double       height,
                                         double       dx,
                                         double       dy);
/* The point where a ray from the centre in direction (dx, dy) leaves the
 * outline, relative to the centre. */
void          kg_style_shape_boundary   (KgShape      shape,
                                         double       width,
                                         double       height,
                                         double       dx,
                                         double       dy,
                                         double      *bx,
                                         double      *by);

G_END_DECLS
