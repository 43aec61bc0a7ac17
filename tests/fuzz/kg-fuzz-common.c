/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include <string.h>

#include <unistd.h>

#include "kg-fuzz.h"

/*
 * What every target checks about what it gets back. A broken invariant is
 * reported with g_error, which aborts: libFuzzer (and the replay test)
 * count it as a crash.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a bug the fuzzer should stop at. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_span (KgGraph      *graph,
            const KgSpan *span,
            const char   *what)
{
  KgDocument *doc;

  if (span->doc >= kg_graph_get_n_documents (graph))
    g_error ("%s refers to document %u of %u", what, span->doc, kg_graph_get_n_documents (graph));
  doc = kg_graph_get_document (graph, span->doc);
  if (span->start > span->end || span->end > doc->text_len)
    g_error ("%s [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ") is outside document %s (%" G_GSIZE_FORMAT " bytes)",
             what, span->start, span->end, doc->id, doc->text_len);
  if ((span->start < doc->text_len && ((guchar) doc->text[span->start] & 0xC0) == 0x80) ||
      (span->end < doc->text_len && ((guchar) doc->text[span->end] & 0xC0) == 0x80))
    g_error ("%s [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ") cuts a UTF-8 character", what, span->start, span->end);
}

static void
check_documents (KgGraph *graph)
{
  for (guint i = 0; i < kg_graph_get_n_documents (graph); i++)
    {
      KgDocument *doc = kg_graph_get_document (graph, i);
      if (doc->index != i || doc->id == NULL || doc->text == NULL ||
          strlen (doc->text) != doc->text_len || !g_utf8_validate (doc->text, doc->text_len, NULL))
        g_error ("document %u is inconsistent", i);
      for (guint j = 0; j < doc->sentences->len; j++)
        {
          const KgRange *range = &g_array_index (doc->sentences, KgRange, j);
          KgSpan span = { i, range->start, range->end };
          check_span (graph, &span, "a sentence");
        }
    }
}

static void
check_entities (KgGraph *graph)
{
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, i);
      if (e->index != i || e->name == NULL || !g_utf8_validate (e->name, -1, NULL) ||
          (guint) e->type >= KG_N_ENTITY_TYPES)
        g_error ("entity %u is inconsistent", i);
      for (guint j = 0; j < e->aliases->len; j++)
        if (strcmp (g_ptr_array_index (e->aliases, j), e->name) == 0)
          g_error ("entity %s has its own name as an alias", e->id);
      for (guint j = 0; j < e->mentions->len; j++)
        check_span (graph, &g_array_index (e->mentions, KgSpan, j), "a mention");
    }
}

static void
check_relations_and_quotes (KgGraph *graph)
{
  guint n_entities = kg_graph_get_n_entities (graph);

  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);
      if (r->index != i || r->source >= n_entities || r->target >= n_entities ||
          (guint) r->kind >= KG_N_RELATION_KINDS)
        g_error ("relation %u is inconsistent", i);
      for (guint j = 0; j < r->evidence->len; j++)
        check_span (graph, &g_array_index (r->evidence, KgSpan, j), "evidence");
    }
  for (guint i = 0; i < kg_graph_get_n_quotes (graph); i++)
    {
      KgQuote *q = kg_graph_get_quote (graph, i);
      if (q->index != i || (q->speaker != KG_NO_ENTITY && q->speaker >= n_entities) || q->text == NULL)
        g_error ("quote %u is inconsistent", i);
      check_span (graph, &q->span, "a quote");
    }
}

void
kg_fuzz_check_graph (KgGraph *graph)
{
  check_documents (graph);
  check_entities (graph);
  check_relations_and_quotes (graph);
}

void
kg_fuzz_check_round_trip (KgGraph *graph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) again = NULL;
  g_autofree char *json = NULL;
  gsize length;

  json = kg_graph_to_json (graph, &length);
  again = kg_graph_load_from_data (json, length, &error);
  if (again == NULL)
    g_error ("a saved graph does not load again: %s", error->message);
  if (!kg_graph_equal (graph, again))
    g_error ("a saved graph loads as a different graph");
}

void
kg_fuzz_check_error (const GError *error,
                     GQuark        domain)
{
  if (error == NULL)
    g_error ("refused without an error");
  if (error->domain != domain)
    g_error ("unexpected error domain %s: %s", g_quark_to_string (error->domain), error->message);
  if (error->message == NULL || error->message[0] == '\0' || !g_utf8_validate (error->message, -1, NULL))
    g_error ("an error without a readable message");
}

char *
kg_fuzz_scratch_file (const uint8_t *data,
                      size_t         size,
                      const char    *template)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, NULL);

  if (fd < 0)
    g_error ("no scratch file");
  close (fd);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("cannot write %s: %s", path, error->message);
  return path;
}
