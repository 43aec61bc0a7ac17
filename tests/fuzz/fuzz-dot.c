/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

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
  int fd = g_file_open_tmp ("kg-fuzz-XXXXXX.dot", &path, NULL);
  gboolean read;

  /* kg_layout_import_dot reads a file. */
  if (fd < 0)
    g_error ("no scratch file");
  close (fd);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("cannot write %s: %s", path, error->message);
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
