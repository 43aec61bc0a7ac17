/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include <string.h>

#include "kg-decode.h"
#include "kg-extract.h"
#include "kg-fuzz.h"

/* Bytes of an article file → decoding → extraction → a graph that must be
 * consistent and survive a save and a load. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = kg_decode_text ((const char *) data, size, &length, &error);
  if (text == NULL)
    {
      kg_fuzz_check_error (error, KG_DECODE_ERROR);
      return 0;
    }
  if (!g_utf8_validate (text, length, NULL) || memchr (text, '\0', length) != NULL)
    g_error ("decoding returned text that is not UTF-8");

  graph = kg_graph_new ();
  if (!kg_extract_text (graph, "fuzz.txt", text, length, &error))
    {
      kg_fuzz_check_error (error, error ? error->domain : 0);
      if (kg_graph_get_n_documents (graph) != 0)
        g_error ("a failed extraction left a document behind");
      return 0;
    }
  kg_fuzz_check_graph (graph);
  kg_fuzz_check_round_trip (graph);
  return 0;
}
