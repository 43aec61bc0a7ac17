/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <glib/gstdio.h>

#include "kg-bench-graph.h"
#include "kg-layout.h"
#include "kg-test-util.h"

/*
 * Laying out a big graph never blocks the window: while Graphviz works on
 * 5,000 entities the frame clock keeps ticking, and Cancel gives the window
 * back, keeping what it showed.
 */

#define N_NODES   5000
#define WATCH_MS  1500
/* A blocked main loop shows as a gap of seconds; a busy machine as tens of ms. */
#define MAX_GAP_MS 500

typedef struct
{
  guint  ticks;
  gint64 last;
  gint64 max_gap;
} Ticks;

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Ticks *t = data;
  gint64 now = g_get_monotonic_time ();

  if (t->last > 0)
    t->max_gap = MAX (t->max_gap, now - t->last);
  t->last = now;
  t->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
idle_window (gpointer data)
{
  return !kg_window_is_busy (data);
}

/* The generated graph as DOT without positions, so opening it lays it out. */
static char *
write_graph (const char *dir)
{
  g_autoptr(KgGraph) graph = kg_bench_graph_new (N_NODES, 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kg_layout_to_dot (graph, NULL, &error);
  char *path = g_build_filename (dir, "big.dot", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_layout_keeps_window_live (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kg-responsive-XXXXXX", NULL);
  g_autofree char *path = write_graph (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KgWindow *window = kg_test_window_new (1280, 800);
  Ticks ticks = { 0 };
  guint id, before_cancel;

  /* dot takes minutes on 5,000 random entities: the layout is surely still
   * running when the watch ends, on any machine. */
  for (guint i = 0; !g_str_equal (_kg_window_get_engine (window), "dot"); i++)
    gtk_drop_down_set_selected (window->engine_dropdown, i);
  id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &ticks, NULL);
  kg_window_open_files (window, &file, 1);
  g_assert_true (kg_window_is_busy (window));
  kg_test_iterate (WATCH_MS);

  /* Still laying out, and the window drew frames all along. */
  g_assert_true (kg_window_is_busy (window));
  g_assert_cmpuint (ticks.ticks, >=, WATCH_MS / 100);
  g_assert_cmpint (ticks.max_gap / 1000, <, MAX_GAP_MS);

  /* Cancel hands the window back long before dot would have finished (a
   * file still being read is read to its end first). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  g_assert_true (kg_test_wait_for (idle_window, window, 5000));
  g_assert_null (kg_window_get_graph (window));
  g_assert_null (kg_window_get_last_error (window));
  before_cancel = ticks.ticks;
  kg_test_iterate (300);
  g_assert_cmpuint (ticks.ticks, >, before_cancel);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  kg_test_init_display (&argc, &argv);
  g_test_add_func ("/layout/never-blocks-the-window", test_layout_keeps_window_live);
  return g_test_run ();
}
