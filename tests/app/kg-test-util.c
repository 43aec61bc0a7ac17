/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include "kg-canvas-private.h"
#include "kg-test-util.h"

gboolean
kg_test_init_display (int    *argc,
                      char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }
  /* The tests draw with cairo (GSK_RENDERER); probing Mesa's GL would only
   * add its one-off allocations to the leak checker's report. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  kg_application_register_resources ();
  kg_application_load_style ();
  /* Tests compare what the default look shows; the desktop's choice must not leak in. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  return TRUE;
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

gboolean
kg_test_canvas_settled (gpointer data)
{
  KgCanvas *canvas = data;

  return kg_canvas_is_drawn (canvas) && canvas->previous == NULL && canvas->refresh_id == 0
         && canvas->cache_zoom == canvas->zoom;
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
  /* Pixel for pixel: a window's paintable includes its frame, and drawn
   * at the widget's smaller size it was scaled down, dropping a column
   * of pixels every hundred or so. */
  int w = gdk_paintable_get_intrinsic_width (paintable), h = gdk_paintable_get_intrinsic_height (paintable);
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

KgWindow *
kg_test_open_seed (void)
{
  g_autofree char *article = kg_test_seed_article ();
  const char *paths[] = { article, NULL };
  g_autoptr(GError) error = NULL;
  KgWindow *window = kg_test_window_new (1280, 800);

  g_assert_true (kg_window_load_files_sync (window, paths, &error));
  g_assert_no_error (error);
  /* The graph page is shown now: wait until the canvas has its size. */
  g_assert_true (kg_test_wait_for (kg_test_widget_allocated, kg_window_get_canvas (window), 10000));
  kg_test_iterate (50);
  return window;
}

gssize
kg_test_find_entity (KgWindow *window, const char *name)
{
  KgGraph *graph = kg_window_get_graph (window);

  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    if (g_str_equal (kg_graph_get_entity (graph, i)->name, name))
      return i;
  return -1;
}

gpointer
kg_test_find_controller (GtkWidget *widget, GType type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  g_assert_not_reached ();
}

/* Where an entity's node centre is on the canvas, from the scene. */
void
kg_test_node_point (KgWindow *window, guint entity, double *x, double *y)
{
  KgCanvas *canvas = kg_window_get_canvas (window);
  const KgScene *scene = kg_canvas_get_scene (canvas);
  gssize node = kg_scene_find_node (scene, entity);

  g_assert_cmpint (node, >=, 0);
  kg_canvas_scene_to_widget (canvas, scene->nodes[node].x, scene->nodes[node].y, x, y);
}

/* A point of the canvas with nothing under it. */
void
kg_test_find_empty_point (KgCanvas *canvas, double *x, double *y)
{
  guint index;

  for (*y = 2; *y < gtk_widget_get_height (GTK_WIDGET (canvas)); *y += 7)
    for (*x = 2; *x < gtk_widget_get_width (GTK_WIDGET (canvas)); *x += 7)
      if (kg_canvas_pick (canvas, *x, *y, &index) == KG_ITEM_NONE)
        return;
  g_assert_not_reached ();
}
