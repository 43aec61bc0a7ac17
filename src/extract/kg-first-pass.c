/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-extract.h"

/*
 * A first, deliberately small extraction pass: sentences, runs of
 * capitalised words as names, and a type guessed from the name's last word.
 * It exists so the whole path runs end to end; the learned extractor
 * replaces it.
 */

static gboolean
is_sentence_end (const char *text,
                 gsize       length,
                 gsize       i)
{
  gsize j = i + 1;

  if (text[i] == '\n')
    return TRUE;
  if (text[i] != '.' && text[i] != '!' && text[i] != '?')
    return FALSE;
  while (j < length && strchr ("\"')", text[j]) != NULL)
    j++;
  return j >= length || text[j] == ' ' || text[j] == '\n';
}

static void
split_sentences (KgDocument *doc)
{
  const char *text = doc->text;
  gsize start = 0;

  for (gsize i = 0; i < doc->text_len; i++)
    {
      if (!is_sentence_end (text, doc->text_len, i))
        continue;
      while (start < i && g_ascii_isspace (text[start]))
        start++;
      if (i + 1 > start && !(i == start && text[i] == '\n'))
        kg_document_add_sentence (doc, start, text[i] == '\n' ? i : i + 1);
      start = i + 1;
    }
  while (start < doc->text_len && g_ascii_isspace (text[start]))
    start++;
  if (start < doc->text_len)
    kg_document_add_sentence (doc, start, doc->text_len);
}

static KgEntityType
guess_type (const char *name)
{
  static const char *const org_words[] = { "Inc", "Ltd", "Lab", "Labs", "Corp", "Company",
                                           "Technology", "Group", "Bank", "News", NULL };
  static const char *const gov_words[] = { "Government", "government", "Department", "Ministry",
                                           "Centre", "Center", "Agency", "Police", NULL };
  const char *last = strrchr (name, ' ');
  guint words = 1;

  last = last ? last + 1 : name;
  for (const char *p = name; *p; p++)
    words += *p == ' ';
  for (guint i = 0; gov_words[i]; i++)
    if (strstr (name, gov_words[i]))
      return KG_ENTITY_GOVERNMENT;
  for (guint i = 0; org_words[i]; i++)
    if (strcmp (last, org_words[i]) == 0)
      return KG_ENTITY_ORGANIZATION;
  return words == 2 ? KG_ENTITY_PERSON : KG_ENTITY_ORGANIZATION;
}

static gboolean
is_capitalised_word (const char *p)
{
  return g_unichar_isupper (g_utf8_get_char (p));
}

static void
add_names (KgGraph    *graph,
           KgDocument *doc,
           const KgRange *sentence)
{
  const char *text = doc->text;
  gsize i = sentence->start;
  gboolean first = TRUE;

  while (i < sentence->end)
    {
      gsize start, end;

      while (i < sentence->end && !g_ascii_isalnum (text[i]) && !((guchar) text[i] & 0x80))
        i++;
      start = i;
      end = i;
      /* A run of capitalised words separated by single spaces. */
      while (end < sentence->end && is_capitalised_word (text + end))
        {
          gsize w = end;
          while (w < sentence->end && (g_ascii_isalnum (text[w]) || text[w] == '-' || ((guchar) text[w] & 0x80)))
            w++;
          end = w;
          if (w + 1 < sentence->end && text[w] == ' ' && is_capitalised_word (text + w + 1))
            end = w + 1;
          else
            break;
        }
      if (end > start && !(first && memchr (text + start, ' ', end - start) == NULL))
        {
          g_autofree char *name = g_strndup (text + start, end - start);
          KgEntity *entity = kg_graph_ensure_entity (graph, name, guess_type (name));
          kg_entity_add_mention (entity, doc->index, start, end);
        }
      first = FALSE;
      while (i < sentence->end && (g_ascii_isalnum (text[i]) || ((guchar) text[i] & 0x80)))
        i++;
      i = MAX (i, end);
      if (i < sentence->end)
        i++;
    }
}

void
kg_extract_document (KgGraph    *graph,
                     KgDocument *doc)
{
  split_sentences (doc);
  for (guint i = 0; i < doc->sentences->len; i++)
    add_names (graph, doc, &g_array_index (doc->sentences, KgRange, i));
}
