/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg-bench-graph.h"
#include "kg-export.h"
#include "kg-layout.h"

/*
 * The graphs the benchmarks open, and the layout timings:
 *   kg-bench-graphs prepare N SEED UNLAID.dot LAID.dot
 *     writes the generated graph as DOT without positions, lays it out with
 *     sfdp (kg_layout_run) and writes it again with the positions;
 *   kg-bench-graphs layout ENGINE FILE.dot
 *     reads a DOT file the way the window does and prints the seconds
 *     kg_layout_run takes ("layout-seconds S"). tools/bench runs it under a
 *     time limit: Graphviz cannot be interrupted, so a limit needs a process.
 */

static int
fail (const char *what, GError *error)
{
  g_printerr ("kg-bench-graphs: %s: %s\n", what, error->message);
  return 1;
}

static int
prepare (guint n, guint32 seed, const char *unlaid, const char *laid)
{
  g_autoptr(KgGraph) graph = kg_bench_graph_new (n, seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = NULL;
  g_autofree char *text = kg_layout_to_dot (graph, NULL, &error);
  gint64 t0;

  if (text == NULL || !g_file_set_contents (unlaid, text, -1, &error))
    return fail (unlaid, error);
  t0 = g_get_monotonic_time ();
  scene = kg_layout_run (graph, "sfdp", NULL, NULL, &error);
  if (scene == NULL)
    return fail ("sfdp", error);
  g_print ("%u nodes laid out by sfdp in %.1f s\n", n, (g_get_monotonic_time () - t0) / 1e6);
  if (!kg_export_scene_to_file (graph, scene, laid, 1.0, FALSE, &error))
    return fail (laid, error);
  return 0;
}

static int
layout (const char *engine, const char *path)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = NULL;
  gint64 t0;

  if (!kg_layout_import_dot (graph, path, &error))
    return fail (path, error);
  t0 = g_get_monotonic_time ();
  scene = kg_layout_run (graph, engine, NULL, NULL, &error);
  if (scene == NULL)
    return fail (engine, error);
  g_print ("layout-seconds %.2f\n", (g_get_monotonic_time () - t0) / 1e6);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 6 && strcmp (argv[1], "prepare") == 0)
    return prepare (atoi (argv[2]), strtoul (argv[3], NULL, 10), argv[4], argv[5]);
  if (argc == 4 && strcmp (argv[1], "layout") == 0)
    return layout (argv[2], argv[3]);
  g_printerr ("usage: kg-bench-graphs prepare N SEED UNLAID.dot LAID.dot\n"
              "       kg-bench-graphs layout ENGINE FILE.dot\n");
  return 2;
}
