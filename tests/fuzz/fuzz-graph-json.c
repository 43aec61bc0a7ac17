/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include "kg-fuzz.h"

/* Bytes of a graph document → the model: refused with a message, or a
 * graph every later stage can trust, which saves and loads unchanged. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = NULL;

  graph = kg_graph_load_from_data (size ? (const char *) data : "", size, &error);
  if (graph == NULL)
    {
      kg_fuzz_check_error (error, KG_GRAPH_ERROR);
      return 0;
    }
  kg_fuzz_check_graph (graph);
  kg_fuzz_check_round_trip (graph);
  return 0;
}
