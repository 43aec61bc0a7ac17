/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the tests of the later extraction stages share: an analysis of a
 * small text whose entity mentions are given by the test ("person:Jo
 * Example") instead of the tagger, so each stage is tested on its own.
 */

#include <string.h>

#include "kg-analysis.h"

static inline gint
stage_test_compare_mentions (gconstpointer a,
                             gconstpointer b)
{
  const KgMention *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static inline gboolean
stage_test_is_word_char (char c)
{
  return g_ascii_isalnum (c) || (c & 0x80);
}

/* Tags every whole-word occurrence of each "type:Name" not already tagged. */
static inline void
stage_test_tag (KgAnalysis        *analysis,
                const char *const *names)
{
  for (guint i = 0; names && names[i]; i++)
    {
      const char *colon = strchr (names[i], ':');
      g_autofree char *type_name = g_strndup (names[i], colon - names[i]);
      const char *name = colon + 1;
      gsize n = strlen (name);
      KgEntityType type;

      g_assert_true (kg_entity_type_from_string (type_name, &type));
      for (const char *p = strstr (analysis->text, name); p; p = strstr (p + 1, name))
        {
          KgMention m = { 0 };
          gboolean taken = FALSE;

          m.start = p - analysis->text;
          m.end = m.start + n;
          if ((m.start > 0 && stage_test_is_word_char (p[-1])) || stage_test_is_word_char (p[n]))
            continue;
          for (guint k = 0; k < analysis->mentions->len; k++)
            {
              const KgMention *o = &g_array_index (analysis->mentions, KgMention, k);
              taken |= o->start < m.end && m.start < o->end;
            }
          if (taken)
            continue;
          m.first_token = 0;
          while (g_array_index (analysis->tokens, KgToken, m.first_token).start < m.start)
            m.first_token++;
          m.end_token = m.first_token;
          while (m.end_token < analysis->tokens->len
                 && g_array_index (analysis->tokens, KgToken, m.end_token).end <= m.end)
            m.end_token++;
          m.type = type;
          m.entity = KG_NO_ENTITY;
          g_array_append_val (analysis->mentions, m);
        }
    }
  g_array_sort (analysis->mentions, stage_test_compare_mentions);
}

/* Adds text as a document of graph and runs the stages after tagging. */
static inline KgDocument *
stage_test_run (KgGraph           *graph,
                const char        *text,
                const char *const *names,
                gboolean           quotes,
                gboolean           relations)
{
  KgDocument *doc = kg_graph_add_document (graph, NULL, "test.txt", NULL, text, -1);
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (doc->text, doc->text_len);

  kg_tokenize (analysis);
  stage_test_tag (analysis, names);
  kg_resolve_entities (analysis, graph, doc);
  if (quotes)
    kg_find_quotes (analysis, graph, doc);
  if (relations)
    kg_find_relations (analysis, graph, doc);
  return doc;
}

static inline KgEntity *
stage_test_entity (KgGraph      *graph,
                   const char   *name,
                   KgEntityType  type)
{
  KgEntity *entity = kg_graph_find_entity (graph, name, type);

  if (entity == NULL)
    g_error ("no %s entity named %s", kg_entity_type_to_string (type), name);
  return entity;
}
