/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kg-extract.h"
#include "kg-fuzz.h"
#include "kg-input.h"

/* The markup is only taken away: nothing in a page turns into more bytes
 * of text than it took (an entity is longer than its character, a tag than
 * its line break), and text that was UTF-8 stays UTF-8. */
static void
check_markup_removal (const uint8_t *data,
                      size_t         size)
{
  g_autofree char *page = g_strndup ((const char *) data, size);
  g_autofree char *text = NULL;

  if (!g_utf8_validate (page, -1, NULL))
    return;
  text = kg_input_html_to_text (page);
  if (strlen (text) > strlen (page))
    g_error ("the text of a page is longer than the page (%zu > %zu bytes)", strlen (text), strlen (page));
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("the text of a UTF-8 page is not UTF-8");
}

/* Bytes of a web page → its text → the graph, as File → Open reads a
 * .html file. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autofree char *path = NULL;
  gboolean read;

  check_markup_removal (data, size);
  path = kg_fuzz_scratch_file (data, size, "kg-fuzz-XXXXXX.html");
  read = kg_input_load (graph, path, &error);
  g_unlink (path);
  if (!read)
    {
      kg_fuzz_check_error (error, KG_EXTRACT_ERROR);
      if (kg_graph_get_n_documents (graph) != 0)
        g_error ("a refused page left a document behind");
      return 0;
    }
  kg_fuzz_check_graph (graph);
  kg_fuzz_check_round_trip (graph);
  return 0;
}
