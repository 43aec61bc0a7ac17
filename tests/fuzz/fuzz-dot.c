/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include <glib/gstdio.h>

#include "kg-fuzz.h"
#include "kg-layout.h"

/* Bytes of a .dot file → the graph. Only our code around Graphviz is
 * instrumented: cgraph's parser itself runs blind (README.md). */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autofree char *path = NULL;
  gboolean read;

  path = kg_fuzz_scratch_file (data, size, "kg-fuzz-XXXXXX.dot");
  read = kg_layout_import_dot (graph, path, &error);
  g_unlink (path);
  if (!read)
    {
      kg_fuzz_check_error (error, KG_LAYOUT_ERROR);
      if (kg_graph_get_n_entities (graph) != 0)
        g_error ("a refused DOT file left entities behind");
      return 0;
    }
  kg_fuzz_check_graph (graph);
  kg_fuzz_check_round_trip (graph);
  return 0;
}
