/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include "kg-layout.h"
#include "kg-test-graphs.h"

/* A program of its own: Graphviz cannot be stopped, so the abandoned layout
 * keeps the Graphviz lock until it ends or the process exits. */

static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  KgScene *scene = kg_layout_run_finish (result, error);

  g_assert_null (scene);
}

static void
test_cancel (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (1500, 13);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* dot needs far longer than a second for this graph. */
  kg_layout_run_async (graph, "dot", NULL, cancellable, layout_done_cb, &error);
  g_usleep (100 * 1000);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_cancelled_before (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (10, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = NULL;

  g_cancellable_cancel (cancellable);
  scene = kg_layout_run (graph, "dot", NULL, cancellable, &error);
  g_assert_null (scene);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/cancel/before", test_cancelled_before);
  g_test_add_func ("/layout/cancel/while-running", test_cancel);
  return g_test_run ();
}
