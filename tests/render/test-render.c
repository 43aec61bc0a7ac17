/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <math.h>

#include "kg-layout.h"
#include "kg-render.h"
#include "kg-style.h"
#include "kg-test-graphs.h"

/* Renders the scene 1:1 into a transparent image and returns the alpha and
 * colour at scene point (x, y). */
static guint32
pixel_at (KgGraph               *graph,
          const KgScene         *scene,
          const KgRenderOptions *options,
          double                 x,
          double                 y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) scene->width + 1,
                                                         (int) scene->height + 1);
  cairo_t *cr = cairo_create (surface);
  guint32 value;

  kg_render_scene (cr, graph, scene, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  value = *(guint32 *) (cairo_image_surface_get_data (surface)
                        + (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x);
  cairo_surface_destroy (surface);
  return value;
}

/* A point inside the node's shape but off its label. */
static void
fill_point (const KgSceneNode *n,
            double            *x,
            double            *y)
{
  *x = n->x;
  *y = n->y - n->label_height / 2 - 2;
  if (n->shape == KG_SHAPE_HOUSE)
    *y = n->y + n->height * 0.35;
}

static void
test_clip_and_hidden (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (12, 31);
  g_autoptr(KgScene) scene = kg_layout_run (graph, "neato", NULL, NULL, NULL);
  g_autofree gboolean *hidden = g_new0 (gboolean, 12);
  const KgSceneNode *a = &scene->nodes[0], *b = &scene->nodes[1];
  KgRenderOptions options;
  double ax, ay, bx, by;

  fill_point (a, &ax, &ay);
  fill_point (b, &bx, &by);
  kg_render_options_init (&options);
  g_assert_cmpuint (pixel_at (graph, scene, &options, ax, ay) >> 24, ==, 0xff);

  /* Clipped to a's box: b is not drawn (unless the boxes touch). */
  options.has_clip = TRUE;
  options.clip_x = a->x - a->width / 2;
  options.clip_y = a->y - a->height / 2;
  options.clip_width = a->width;
  options.clip_height = a->height;
  g_assert_cmpuint (pixel_at (graph, scene, &options, ax, ay) >> 24, ==, 0xff);
  if (bx < options.clip_x || bx > options.clip_x + a->width
      || by < options.clip_y || by > options.clip_y + a->height)
    g_assert_cmpuint (pixel_at (graph, scene, &options, bx, by) >> 24, <, 0xff);

  options.has_clip = FALSE;
  hidden[a->entity] = TRUE;
  options.entity_hidden = hidden;
  g_assert_cmpuint (pixel_at (graph, scene, &options, ax, ay) >> 24, <, 0xff);
}

static void
test_faded (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (6, 37);
  g_autoptr(KgScene) scene = kg_layout_run (graph, "dot", NULL, NULL, NULL);
  g_autofree guint8 *emphasis = g_new0 (guint8, 6);
  KgRenderOptions options;
  double x, y;

  fill_point (&scene->nodes[0], &x, &y);
  kg_render_options_init (&options);
  emphasis[scene->nodes[0].entity] = KG_EMPHASIS_FADED;
  options.entity_emphasis = emphasis;
  /* Faded: mostly see-through. */
  g_assert_cmpuint (pixel_at (graph, scene, &options, x, y) >> 24, <, 0x80);
}

static void
test_page_styles (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (5, 41);
  g_autoptr(KgScene) scene = kg_layout_run (graph, "dot", NULL, NULL, NULL);
  double w, h, lw, lh;

  kg_render_legend_size (&lw, &lh);
  g_assert_cmpfloat (lw, >, 100);
  g_assert_cmpfloat (lh, >, 20);
  kg_render_page_size (scene, TRUE, &w, &h);
  g_assert_cmpfloat (w, >=, MAX (scene->width, lw));
  g_assert_cmpfloat (h, >=, scene->height + lh);

  for (int dark = 0; dark <= 1; dark++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
      cairo_t *cr = cairo_create (surface);
      KgRenderOptions options;
      guint32 corner;

      kg_render_options_init (&options);
      options.dark = dark;
      kg_render_page (cr, graph, scene, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      corner = *(guint32 *) cairo_image_surface_get_data (surface) & 0xffffff;
      if (dark)
        g_assert_cmpuint (corner & 0xff, <, 0x40);
      else
        g_assert_cmpuint (corner, ==, 0xffffff);
      cairo_surface_destroy (surface);
    }
}

static void
test_type_colors_differ (void)
{
  for (int dark = 0; dark <= 1; dark++)
    for (guint a = 0; a < KG_N_ENTITY_TYPES; a++)
      for (guint b = a + 1; b < KG_N_ENTITY_TYPES; b++)
        {
          double ca[3], cb[3];

          kg_render_type_color (a, dark, ca);
          kg_render_type_color (b, dark, cb);
          g_assert_cmpfloat (fabs (ca[0] - cb[0]) + fabs (ca[1] - cb[1]) + fabs (ca[2] - cb[2]), >, 0.1);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/clip-and-hidden", test_clip_and_hidden);
  g_test_add_func ("/render/faded", test_faded);
  g_test_add_func ("/render/page-styles", test_page_styles);
  g_test_add_func ("/render/type-colors-differ", test_type_colors_differ);
  return g_test_run ();
}
