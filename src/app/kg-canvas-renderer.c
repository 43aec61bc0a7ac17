/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "kg-canvas.h"

/*
 * Which GSK renderer draws the canvas: cairo where GL could only be a
 * software rasteriser, GTK's choice elsewhere, the reader's when
 * GSK_RENDERER says so.
 */

static gboolean
has_gpu_device (void)
{
  g_autoptr(GDir) dri = g_dir_open ("/dev/dri", 0, NULL);

  /* Mesa's drivers open the nodes in /dev/dri, NVIDIA's its own. */
  return (dri != NULL && g_dir_read_name (dri) != NULL) || g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS);
}

/* GDK loads GL when it opens an X11 display, to choose a visual, whatever
 * the renderer: Mesa with its LLVM rasteriser, about 55 MB and 30 ms for
 * nothing when cairo draws. */
static gboolean gl_disabled;
static char *saved_gdk_debug;

static void
disable_gl (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                                              : g_strdup ("gl-disable");

  gl_disabled = TRUE;
  saved_gdk_debug = g_strdup (debug);
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

/* GDK read it when it opened the display; programs started from here (a
 * browser for a link) should not inherit it. */
static void
restore_gdk_debug (void)
{
  if (!gl_disabled)
    return;
  if (saved_gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", saved_gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&saved_gdk_debug, g_free);
  gl_disabled = FALSE;
}

/* GSK asks the display for a renderer before it reads GSK_RENDERER: our
 * choice goes there, so that programs started from here (a browser for a
 * link) do not inherit it from the environment. */
static void
use_cairo (GdkDisplay *display)
{
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
}

/* Set before GTK opens the display, when there is no GPU: cairo it is. */
static gboolean cairo_chosen;

void
kg_canvas_prefer_renderer_early (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  /* Without a GPU device GL can only be software (see below); asking
   * would load the rasteriser (a tenth of a second) just to hear it. */
  cairo_chosen = renderer == NULL && !has_gpu_device ();
  if (cairo_chosen || g_strcmp0 (renderer, "cairo") == 0)
    disable_gl ();
}

void
kg_canvas_prefer_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  const char *name;

  restore_gdk_debug ();

  /* GTK's GL renderer on a software rasteriser (llvmpipe in a VM, under
   * Xvfb or without a GPU driver) takes tens of ms to fill a window with
   * the cached picture, every frame; cairo paints it in a few. Unless the
   * reader chose a renderer, use cairo there. */
  if (g_getenv ("GSK_RENDERER") != NULL || display == NULL)
    return;
  if (cairo_chosen)
    {
      use_cairo (display);
      return;
    }
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return;
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  if (name != NULL && (strstr (name, "llvmpipe") != NULL || strstr (name, "softpipe") != NULL
                       || strstr (name, "swrast") != NULL))
    {
      g_debug ("software GL (%s): drawing with cairo", name);
      use_cairo (display);
    }
  gdk_gl_context_clear_current ();
}
