/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include "kg-canvas.h"

/*
 * The renderer Newsgraph picks when the reader did not choose one. Under
 * Xvfb GL can only be a software rasteriser (or is missing), where cairo
 * draws faster: the windows must draw with cairo, and the environment that
 * programs started from Newsgraph inherit (a browser opened from the About
 * window's link) must not say so.
 *
 * Built twice: as the app starts (where /dev/dri is missing, as on most CI
 * machines, cairo is chosen before the display opens) and, with
 * KG_TEST_GL_PROBE, skipping that step, so that GL is asked what it is.
 */

static GskRenderer *
renderer_of_new_window (void)
{
  GtkWidget *window = gtk_window_new ();
  GskRenderer *renderer;

  gtk_widget_realize (window);
  renderer = g_object_ref (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  return renderer;
}

static void
test_software_gl_draws_with_cairo (void)
{
  g_autoptr(GskRenderer) first = NULL;
  g_autoptr(GskRenderer) second = NULL;

  kg_canvas_prefer_renderer ();
  first = renderer_of_new_window ();
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (first), ==, "GskCairoRenderer");
  /* Every window, not only the first. */
  second = renderer_of_new_window ();
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (second), ==, "GskCairoRenderer");
}

static void
test_environment_left_alone (void)
{
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "nograbs");
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  /* As a reader starts it: no renderer chosen, and a debug flag of their
   * own that must survive. */
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "nograbs", TRUE);
#ifndef KG_TEST_GL_PROBE
  kg_canvas_prefer_renderer_early ();
#endif
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renderer/software-gl-draws-with-cairo", test_software_gl_draws_with_cairo);
  g_test_add_func ("/renderer/environment-left-alone", test_environment_left_alone);
  return g_test_run ();
}
