/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include "kg-test-util.h"

void
kg_test_init_display (int    *argc,
                      char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  kg_application_register_resources ();
  kg_application_load_style ();
  /* Tests compare what the default look shows; the desktop's choice must not leak in. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
kg_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
kg_test_wait_for (gboolean (*done) (gpointer),
                  gpointer   data,
                  guint      ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return done (data);
}

gboolean
kg_test_widget_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 1;
}

KgWindow *
kg_test_window_new (int width,
                    int height)
{
  KgWindow *window = g_object_new (KG_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  kg_test_wait_for (kg_test_widget_allocated, window, 5000);
  kg_test_iterate (100);
  return window;
}

char *
kg_test_seed_article (void)
{
  const char *shared = g_getenv ("KG_SHARED_DIR");

  return g_build_filename (shared != NULL ? shared : "../shared", "eval", "seed", "article.txt", NULL);
}

gboolean
kg_test_save_png (GtkWidget   *widget,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: nothing to render", path);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: could not write the PNG", path);
      return FALSE;
    }
  return TRUE;
}
