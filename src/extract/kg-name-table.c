/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-mentions-private.h"
#include "kg-words.h"

/*
 * Names keyed by the tokens that write them: the mention rules count, mark
 * and look up the names of a document, and a table of token ranges does it
 * without a string or an allocation per name.
 */

#define HASH_MULT G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* The table's hash mixes the word hashes (kg_word_hash()) of a name's
 * tokens, which the tokenizer has written for each: a range hashes without
 * a look at its bytes. Keys are compared in full, so that names alike but
 * for their case ("US", "us") only share a hash. */
static inline guint64
hash_word (guint64 h,
           guint32 word)
{
  return (h ^ word) * HASH_MULT;
}

static inline guint32
hash_fold (guint64 h)
{
  return (guint32) (h >> 32) ^ (guint32) h;
}

/* The hash of the text of tokens [first, end), as hash_text gives it. */
static guint32
hash_range (const KgAnalysis *a,
            guint             first,
            guint             end)
{
  const guint32 *hashes;
  guint64 h = 0;

  hashes = a->token_hashes;
  for (guint t = first; t < end; t++)
    h = hash_word (h, hashes[t]);
  return hash_fold (h);
}

/* The words of text between single spaces hashed as tokens: the text of a
 * range hashes as the range. */
static guint32
hash_text (const char *text,
           gsize       length)
{
  guint64 h = 0;
  gsize at = 0;

  for (;;)
    {
      const char *space = memchr (text + at, ' ', length - at);
      gsize end = space ? (gsize) (space - text) : length;

      h = hash_word (h, kg_word_hash_within (text + at, end - at, length - at));
      if (space == NULL)
        return hash_fold (h);
      at = end + 1;
    }
}

static gboolean
same_tokens (const KgAnalysis *a,
             guint             first,
             guint             end,
             guint             other_first,
             guint             other_end)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;

  if (end - first != other_end - other_first)
    return FALSE;
  for (guint k = 0; k < end - first; k++)
    {
      const KgToken *x = &tokens[first + k], *y = &tokens[other_first + k];
      if (x->end - x->start != y->end - y->start ||
          memcmp (a->text + x->start, a->text + y->start, x->end - x->start) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
range_is_text (const KgAnalysis *a,
               guint             first,
               guint             end,
               const char       *text,
               gsize             length)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;
  gsize at = 0;

  for (guint t = first; t < end; t++)
    {
      gsize n = tokens[t].end - tokens[t].start;

      if (t > first && (at >= length || text[at++] != ' '))
        return FALSE;
      if (n > length - at || memcmp (text + at, a->text + tokens[t].start, n) != 0)
        return FALSE;
      at += n;
    }
  return at == length;
}

void
_kg_name_table_init (KgNameTable      *table,
                     const KgAnalysis *analysis,
                     guint             max_names)
{
  guint size = 16;

  while (size < max_names * 2 + 2)
    size *= 2;
  table->analysis = analysis;
  table->slots = g_new (KgNameSlot, size);
  table->used = g_new0 (guint8, size);
  table->mask = size - 1;
}

void
_kg_name_table_clear (KgNameTable *table)
{
  g_clear_pointer (&table->slots, g_free);
  g_clear_pointer (&table->used, g_free);
}

KgNameSlot *
_kg_name_table_range (KgNameTable *table,
                      guint        first,
                      guint        end,
                      gboolean     insert)
{
  guint32 hash = hash_range (table->analysis, first, end);

  for (guint32 i = hash & table->mask; ; i = (i + 1) & table->mask)
    {
      KgNameSlot *slot = &table->slots[i];

      if (!table->used[i])
        {
          if (!insert)
            return NULL;
          table->used[i] = 1;
          *slot = (KgNameSlot) { hash, first, end, 0 };
          return slot;
        }
      if (slot->hash == hash && same_tokens (table->analysis, first, end, slot->first, slot->end))
        return slot;
    }
}

KgNameSlot *
_kg_name_table_text (KgNameTable *table,
                     const char  *text,
                     gsize        length)
{
  guint32 hash = hash_text (text, length);

  for (guint32 i = hash & table->mask; ; i = (i + 1) & table->mask)
    {
      KgNameSlot *slot = &table->slots[i];

      if (!table->used[i])
        return NULL;
      if (slot->hash == hash && range_is_text (table->analysis, slot->first, slot->end, text, length))
        return slot;
    }
}

gsize
_kg_range_text_length (const KgAnalysis *a,
                       guint             first,
                       guint             end)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;
  gsize size = end > first ? end - first - 1 : 0;

  for (guint t = first; t < end; t++)
    size += tokens[t].end - tokens[t].start;
  return size;
}

void
_kg_range_text (const KgAnalysis *a,
                guint             first,
                guint             end,
                char             *out)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;
  gsize at = 0;

  for (guint t = first; t < end; t++)
    {
      if (t > first)
        out[at++] = ' ';
      memcpy (out + at, a->text + tokens[t].start, tokens[t].end - tokens[t].start);
      at += tokens[t].end - tokens[t].start;
    }
  out[at] = '\0';
}

guint
_kg_range_phrase_classes (const KgAnalysis *a,
                          const KgLexicon  *lexicon,
                          guint             first,
                          guint             end)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;
  char lower[KG_PHRASE_KEY];
  gsize n = 0;
  gboolean ascii = TRUE;
  g_autofree char *text = NULL;

  /* Most names are short and in ASCII: their lower case straight from the
   * tokens, as _kg_lexicon_phrase_classes would make it of their text. */
  for (guint t = first; t < end && ascii; t++)
    {
      gsize length = tokens[t].end - tokens[t].start;

      if (n + (t > first) + length >= sizeof lower)
        ascii = FALSE;
      else
        {
          if (t > first)
            lower[n++] = ' ';
          ascii = _kg_ascii_lower_into (a->text + tokens[t].start, length, lower + n);
          n += length;
        }
    }
  if (ascii)
    return _kg_lexicon_lower_phrase_classes (lexicon, lower, n);
  text = g_malloc (_kg_range_text_length (a, first, end) + 1);
  _kg_range_text (a, first, end, text);
  return _kg_lexicon_phrase_classes (lexicon, text);
}
