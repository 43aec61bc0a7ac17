/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kg-render-private.h"

/*
 * Colours: the Okabe–Ito palette, which stays distinct for the common kinds
 * of colour blindness; shapes differ as well, so colour is never the only
 * cue. Light style: pale fills, strong outlines, dark text. Dark style: deep
 * fills, light outlines, light text.
 */

static const guint32 type_colors[KG_N_ENTITY_TYPES] = {
  0x0072B2,  /* person: blue */
  0xE69F00,  /* organization: orange */
  0x009E73,  /* government: bluish green */
  0xCC79A7,  /* place: reddish purple */
};

static const guint32 kind_colors_light[KG_N_RELATION_KINDS] = {
  0xB5460C,  /* role: vermillion, darkened for text on white */
  0x0B6E5A,  /* part-of: green */
  0x8A3D6E,  /* partner: purple */
  0x5E6A7A,  /* located-in: slate */
  0x3D3D3D,  /* action: near black */
};

static const guint32 kind_colors_dark[KG_N_RELATION_KINDS] = {
  0xF08A4B,
  0x4CC9A8,
  0xE39AC8,
  0xA9B4C2,
  0xD0D0D0,
};

/* The legend is read in the window and in exported files alike. */
static const char *const type_names[KG_N_ENTITY_TYPES] = {
  N_("Person"), N_("Organisation"), N_("Government"), N_("Place"),
};

static const char *const kind_names[KG_N_RELATION_KINDS] = {
  N_("role"), N_("part of"), N_("partner"), N_("located in"), N_("action"),
};

static void
unpack (guint32 color,
        double  rgb[3])
{
  rgb[0] = ((color >> 16) & 0xff) / 255.0;
  rgb[1] = ((color >> 8) & 0xff) / 255.0;
  rgb[2] = (color & 0xff) / 255.0;
}

static void
mix (double       rgb[3],
     const double with[3],
     double       amount)
{
  for (int i = 0; i < 3; i++)
    rgb[i] = rgb[i] * (1 - amount) + with[i] * amount;
}

void
kg_render_background_color (gboolean dark,
                            double   rgb[3])
{
  unpack (dark ? 0x1E1E1E : 0xFFFFFF, rgb);
}

void
_kg_render_text_color (gboolean dark,
                       double   rgb[3])
{
  unpack (dark ? 0xF2F2F2 : 0x1A1A1A, rgb);
}

void
_kg_render_accent_color (gboolean dark,
                         double   rgb[3])
{
  unpack (dark ? 0x78AEED : 0x1C71D8, rgb);
}

void
kg_render_type_color (KgEntityType type,
                      gboolean     dark,
                      double       rgb[3])
{
  double bg[3];

  unpack (type_colors[MIN (type, KG_N_ENTITY_TYPES - 1)], rgb);
  kg_render_background_color (dark, bg);
  /* Text sits on the fill: keep it close to the background. */
  mix (rgb, bg, dark ? 0.55 : 0.75);
}

void
_kg_render_type_line_color (KgEntityType type,
                            gboolean     dark,
                            double       rgb[3])
{
  double white[3] = { 1, 1, 1 }, black[3] = { 0, 0, 0 };

  unpack (type_colors[MIN (type, KG_N_ENTITY_TYPES - 1)], rgb);
  mix (rgb, dark ? white : black, 0.15);
}

void
kg_render_kind_color (KgRelationKind kind,
                      gboolean       dark,
                      double         rgb[3])
{
  kind = MIN (kind, KG_N_RELATION_KINDS - 1);
  unpack (dark ? kind_colors_dark[kind] : kind_colors_light[kind], rgb);
}

void
_kg_render_kind_text_color (KgRelationKind kind,
                            gboolean       dark,
                            double         rgb[3])
{
  kg_render_kind_color (kind, dark, rgb);
}

void
_kg_render_kind_dash (cairo_t        *cr,
                      KgRelationKind  kind,
                      gboolean        plain)
{
  static const double dashed[] = { 6.0, 3.0 };
  static const double dotted[] = { 1.5, 2.5 };

  /* Line style repeats the colour's message for colour-blind readers. */
  if (plain || (kind != KG_RELATION_PARTNER && kind != KG_RELATION_LOCATED_IN))
    cairo_set_dash (cr, NULL, 0, 0);
  else if (kind == KG_RELATION_PARTNER)
    cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
  else
    cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
}

/* Legend geometry, points. */
#define LEGEND_FONT    9.0
#define LEGEND_PAD     8.0
#define LEGEND_SWATCH  28.0
#define LEGEND_GAP     14.0
#define LEGEND_ROW     20.0

/* Lays out (and, with cr, draws) the two rows; returns the size. */
static void
legend_walk (cairo_t  *cr,
             gboolean  dark,
             double    x0,
             double    y0,
             double   *width,
             double   *height)
{
  PangoLayout *layout = kg_style_create_layout ();
  double text[3], max_x = 0;

  _kg_render_text_color (dark, text);
  for (int row = 0; row < 2; row++)
    {
      guint n = row == 0 ? KG_N_ENTITY_TYPES : KG_N_RELATION_KINDS;
      double x = x0 + LEGEND_PAD, cy = y0 + LEGEND_PAD + LEGEND_ROW * (row + 0.5);

      for (guint i = 0; i < n; i++)
        {
          double w, h, rgb[3];

          kg_style_measure (layout, _(row == 0 ? type_names[i] : kind_names[i]), LEGEND_FONT, &w, &h);
          if (cr != NULL && row == 0)
            {
              kg_render_type_color (i, dark, rgb);
              _kg_render_shape_path (cr, kg_style_shape_for_type (i), x + LEGEND_SWATCH / 2, cy,
                                     LEGEND_SWATCH - 4, LEGEND_ROW - 6);
              cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
              cairo_fill_preserve (cr);
              _kg_render_type_line_color (i, dark, rgb);
              cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
              cairo_set_line_width (cr, 1.2);
              cairo_stroke (cr);
            }
          else if (cr != NULL)
            {
              kg_render_kind_color (i, dark, rgb);
              cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
              cairo_set_line_width (cr, 1.5);
              _kg_render_kind_dash (cr, i, FALSE);
              cairo_move_to (cr, x + 1, cy);
              cairo_line_to (cr, x + LEGEND_SWATCH - 7, cy);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              if (i != KG_RELATION_PARTNER)
                {
                  cairo_move_to (cr, x + LEGEND_SWATCH - 1, cy);
                  cairo_line_to (cr, x + LEGEND_SWATCH - 8, cy - 3);
                  cairo_line_to (cr, x + LEGEND_SWATCH - 8, cy + 3);
                  cairo_close_path (cr);
                  cairo_fill (cr);
                }
            }
          if (cr != NULL)
            {
              cairo_set_source_rgb (cr, text[0], text[1], text[2]);
              cairo_move_to (cr, x + LEGEND_SWATCH + 4, cy - h / 2);
              pango_cairo_show_layout (cr, layout);
            }
          x += LEGEND_SWATCH + 4 + w + LEGEND_GAP;
        }
      max_x = MAX (max_x, x - LEGEND_GAP + LEGEND_PAD - x0);
    }
  g_object_unref (layout);
  *width = max_x;
  *height = 2 * LEGEND_ROW + 2 * LEGEND_PAD;
}

void
kg_render_legend_size (double *width,
                       double *height)
{
  legend_walk (NULL, FALSE, 0, 0, width, height);
}

void
kg_render_legend (cairo_t  *cr,
                  gboolean  dark,
                  double    x,
                  double    y)
{
  double w, h, rgb[3];

  kg_render_legend_size (&w, &h);
  cairo_save (cr);
  kg_render_background_color (dark, rgb);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.92);
  cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
  cairo_fill_preserve (cr);
  _kg_render_text_color (dark, rgb);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.3);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  legend_walk (cr, dark, x, y, &w, &h);
  cairo_restore (cr);
}

#define PAGE_MARGIN 18.0

void
kg_render_page_size (const KgScene *scene,
                     gboolean       legend,
                     double        *width,
                     double        *height)
{
  double lw = 0, lh = 0;

  if (legend)
    {
      kg_render_legend_size (&lw, &lh);
      lh += PAGE_MARGIN;
    }
  *width = MAX (scene->width, lw) + 2 * PAGE_MARGIN;
  *height = scene->height + lh + 2 * PAGE_MARGIN;
}

void
kg_render_page (cairo_t               *cr,
                KgGraph               *graph,
                const KgScene         *scene,
                const KgRenderOptions *options)
{
  double w, h, lw = 0, lh = 0, rgb[3];

  kg_render_page_size (scene, options->draw_legend, &w, &h);
  cairo_save (cr);
  kg_render_background_color (options->dark, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  if (options->draw_legend)
    {
      kg_render_legend (cr, options->dark, PAGE_MARGIN, PAGE_MARGIN);
      kg_render_legend_size (&lw, &lh);
      lh += PAGE_MARGIN;
    }
  cairo_translate (cr, PAGE_MARGIN + (w - 2 * PAGE_MARGIN - scene->width) / 2, PAGE_MARGIN + lh);
  kg_render_scene (cr, graph, scene, options);
  cairo_restore (cr);
}
