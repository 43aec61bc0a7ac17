/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include "kg-analysis.h"
#include "kg-extract.h"

/*
 * Interim: tokens, sentences and tagged mentions, each mention its own
 * entity by name and type. The full pipeline (aliases, quotes, relations)
 * replaces this file.
 */

void
kg_extract_document (KgGraph    *graph,
                     KgDocument *doc)
{
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (doc->text, doc->text_len);
  g_autoptr(GError) error = NULL;
  const KgTagger *tagger = kg_tagger_get_default (&error);

  kg_tokenize (analysis);
  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      const KgSentence *sentence = &g_array_index (analysis->sentences, KgSentence, s);
      kg_document_add_sentence (doc, sentence->start, sentence->end);
    }
  if (tagger == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  kg_tag_entities (analysis, tagger);
  for (guint m = 0; m < analysis->mentions->len; m++)
    {
      const KgMention *mention = &g_array_index (analysis->mentions, KgMention, m);
      g_autofree char *name = g_strndup (doc->text + mention->start, mention->end - mention->start);
      KgEntity *entity = kg_graph_ensure_entity (graph, name, mention->type);
      kg_entity_add_mention (entity, doc->index, mention->start, mention->end);
    }
}
