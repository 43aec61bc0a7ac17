/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "kg-style.h"

#define BASE_FONT_SIZE 10.0
#define MAX_FONT_SIZE  22.0

/* Corners as fractions of width and height, y down. They are the outlines
 * Graphviz's own "hexagon" and "house" give a fixed-size node, so edges
 * Graphviz clips to the outline meet the shape render draws. */
static const double hexagon[] = {
  0.5, 0.0,  0.25, 0.5,  -0.25, 0.5,  -0.5, 0.0,  -0.25, -0.5,  0.25, -0.5,
};
static const double house[] = {
  0.5, -0.1545,  0.4995, 0.4045,  -0.4995, 0.4045,  -0.5, -0.1545,  0.0, -0.5,
};
static const double box[] = {
  0.5, -0.5,  0.5, 0.5,  -0.5, 0.5,  -0.5, -0.5,
};
/* The house's rectangular body, where its label goes. */
#define HOUSE_BODY_TOP    (-0.1545)
#define HOUSE_BODY_BOTTOM 0.4045

KgShape
kg_style_shape_for_type (KgEntityType type)
{
  switch (type)
    {
    case KG_ENTITY_PERSON:
      return KG_SHAPE_ELLIPSE;
    case KG_ENTITY_GOVERNMENT:
      return KG_SHAPE_HEXAGON;
    case KG_ENTITY_PLACE:
      return KG_SHAPE_HOUSE;
    case KG_ENTITY_ORGANIZATION:
    case KG_N_ENTITY_TYPES:
    default:
      return KG_SHAPE_ROUNDED_BOX;
    }
}

const char *
kg_style_graphviz_shape (KgShape shape)
{
  static const char *const names[] = { "ellipse", "box", "hexagon", "house" };

  return names[shape];
}

double
kg_style_node_font_size (guint n_mentions)
{
  if (n_mentions <= 1)
    return BASE_FONT_SIZE;
  return MIN (MAX_FONT_SIZE, BASE_FONT_SIZE + 2.5 * log2 (n_mentions));
}

PangoContext *
kg_style_create_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
kg_style_create_layout (void)
{
  PangoContext *context = kg_style_create_context ();
  PangoLayout *layout = pango_layout_new (context);

  g_object_unref (context);
  return layout;
}

void
kg_style_set_label (PangoLayout *layout,
                    const char  *text,
                    double       font_size)
{
  PangoFontDescription *desc = pango_font_description_from_string (KG_STYLE_FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (font_size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);
}

void
kg_style_measure (PangoLayout *layout,
                  const char  *text,
                  double       font_size,
                  double      *width,
                  double      *height)
{
  PangoRectangle logical;

  kg_style_set_label (layout, text, font_size);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

void
kg_style_node_size (KgShape  shape,
                    double   label_w,
                    double   label_h,
                    double  *width,
                    double  *height)
{
  /* Padding follows the text so big labels do not look cramped. */
  double padx = 0.6 * label_h + 2.0;
  double pady = 0.25 * label_h + 2.0;
  double inner_w = label_w + 2 * padx;
  double inner_h = label_h + 2 * pady;

  switch (shape)
    {
    case KG_SHAPE_ELLIPSE:
      /* The ellipse through the corners of the padded label box. */
      *width = inner_w * G_SQRT2;
      *height = inner_h * G_SQRT2;
      break;
    case KG_SHAPE_HEXAGON:
      /* The slanted sides lose width in proportion to the label's share of
       * the height. */
      *height = inner_h;
      *width = (label_w + 2 * padx) / (1.0 - label_h / (2.0 * inner_h));
      break;
    case KG_SHAPE_HOUSE:
      *height = inner_h / (HOUSE_BODY_BOTTOM - HOUSE_BODY_TOP);
      *width = inner_w / (2 * 0.4995);
      break;
    case KG_SHAPE_ROUNDED_BOX:
    default:
      *width = inner_w;
      *height = inner_h;
      break;
    }
}

double
kg_style_label_dy (KgShape shape,
                   double  height)
{
  if (shape == KG_SHAPE_HOUSE)
    return (HOUSE_BODY_TOP + HOUSE_BODY_BOTTOM) / 2.0 * height;
  return 0.0;
}

guint
kg_style_shape_polygon (KgShape        shape,
                        const double **fractions)
{
  switch (shape)
    {
    case KG_SHAPE_HEXAGON:
      *fractions = hexagon;
      return G_N_ELEMENTS (hexagon) / 2;
    case KG_SHAPE_HOUSE:
      *fractions = house;
      return G_N_ELEMENTS (house) / 2;
    case KG_SHAPE_ROUNDED_BOX:
      *fractions = box;
      return 0;
    case KG_SHAPE_ELLIPSE:
    default:
      *fractions = NULL;
      return 0;
    }
}

static const double *
outline (KgShape  shape,
         guint   *n)
{
  const double *f;

  *n = kg_style_shape_polygon (shape, &f);
  if (shape == KG_SHAPE_ROUNDED_BOX)
    *n = G_N_ELEMENTS (box) / 2;
  return f;
}

gboolean
kg_style_shape_contains (KgShape shape,
                         double  width,
                         double  height,
                         double  dx,
                         double  dy)
{
  const double *f;
  guint n;

  if (shape == KG_SHAPE_ELLIPSE)
    {
      double u = dx / (width / 2), v = dy / (height / 2);
      return u * u + v * v <= 1.0;
    }
  /* Convex and listed in one turning direction: inside means on the same
   * side of every edge. */
  f = outline (shape, &n);
  for (guint i = 0; i < n; i++)
    {
      double ax = f[2 * i] * width, ay = f[2 * i + 1] * height;
      double bx = f[2 * ((i + 1) % n)] * width, by = f[2 * ((i + 1) % n) + 1] * height;
      if ((bx - ax) * (dy - ay) - (by - ay) * (dx - ax) < -1e-9)
        return FALSE;
    }
  return TRUE;
}

void
kg_style_shape_boundary (KgShape  shape,
                         double   width,
                         double   height,
                         double   dx,
                         double   dy,
                         double  *bx,
                         double  *by)
{
  const double *f;
  double best = G_MAXDOUBLE;
  guint n;

  if (dx == 0 && dy == 0)
    {
      *bx = *by = 0;
      return;
    }
  if (shape == KG_SHAPE_ELLIPSE)
    {
      double a = width / 2, b = height / 2;
      double t = 1.0 / sqrt ((dx * dx) / (a * a) + (dy * dy) / (b * b));
      *bx = dx * t;
      *by = dy * t;
      return;
    }
  /* Smallest positive t where the ray meets an edge. */
  f = outline (shape, &n);
  for (guint i = 0; i < n; i++)
    {
      double ax = f[2 * i] * width, ay = f[2 * i + 1] * height;
      double ex = f[2 * ((i + 1) % n)] * width - ax, ey = f[2 * ((i + 1) % n) + 1] * height - ay;
      double den = dx * ey - dy * ex;
      double t, s;

      if (fabs (den) < 1e-12)
        continue;
      t = (ax * ey - ay * ex) / den;
      s = (ax * dy - ay * dx) / den;
      if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9 && t < best)
        best = t;
    }
  if (best == G_MAXDOUBLE)
    best = 0;
  *bx = dx * best;
  *by = dy * best;
}
