/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-tagger-private.h"

/*
 * The lexicons (text files in data/extract): one phrase a line, matched ignoring
 * case, each phrase with the set of lists it is on. The tagger sees list
 * membership as features; the mention rules ask for it directly.
 */

/* A lower-case phrase and its class bits. */
typedef struct
{
  char   *key;      /* owned; NULL in an empty slot */
  guint32 hash;
  guint32 length;
  guint   bits;
} LexEntry;

/* The phrases in an open-addressing table: a word is looked up by its
 * bytes and length, with neither a terminating NUL nor strcmp. */
struct _KgLexicon
{
  LexEntry *entries;
  guint32   mask;
  guint     n;
};

/* On the first word of multi-word entries, beside KG_LEX_STARTS_PHRASE:
 * which numbers of words (2 to KG_MAX_LEX_WORDS) those entries have, so
 * that spans are looked up only at lengths some entry has. Never returned
 * to callers. */
#define PHRASE_WORDS(n)    (1u << (24 + (n)))
#define PHRASE_WORDS_MASK  (((1u << (KG_MAX_LEX_WORDS + 1)) - 1) << 24)
G_STATIC_ASSERT (24 + KG_MAX_LEX_WORDS < 31);

static const char *const lexicon_files[KG_N_LEX] = {
  "extract/given-names.txt",
  "extract/titles.txt",
  "extract/org-suffixes.txt",
  "extract/government-words.txt",
  "extract/countries.txt",
  "extract/demonyms.txt",
  "extract/places.txt",
  "extract/org-words.txt",
  "extract/common-words.txt",
  "extract/surnames.txt",
};

/* The entry of key, or the empty slot where it would go. */
static LexEntry *
lex_slot (const KgLexicon *lexicon,
          const char      *key,
          gsize            length)
{
  guint32 hash = _kg_hash_word (key, length);

  for (guint32 i = hash & lexicon->mask; ; i = (i + 1) & lexicon->mask)
    {
      LexEntry *entry = &lexicon->entries[i];
      if (entry->key == NULL ||
          (entry->hash == hash && entry->length == length && memcmp (entry->key, key, length) == 0))
        return entry;
    }
}

static guint
lex_bits (const KgLexicon *lexicon,
          const char      *key,
          gsize            length)
{
  const LexEntry *entry = lex_slot (lexicon, key, length);
  return entry->key != NULL ? entry->bits : 0;
}

static void
lex_grow (KgLexicon *lexicon)
{
  LexEntry *old = lexicon->entries;
  guint32 old_size = lexicon->mask + 1;

  lexicon->entries = g_new0 (LexEntry, old_size * 2);
  lexicon->mask = old_size * 2 - 1;
  for (guint32 i = 0; i < old_size; i++)
    if (old[i].key != NULL)
      *lex_slot (lexicon, old[i].key, old[i].length) = old[i];
  g_free (old);
}

static void
lex_set (KgLexicon  *lexicon,
         const char *key,
         gsize       length,
         guint       bits)
{
  LexEntry *entry = lex_slot (lexicon, key, length);

  if (entry->key != NULL)
    {
      entry->bits = bits;
      return;
    }
  *entry = (LexEntry) { g_strndup (key, length), _kg_hash_word (key, length), length, bits };
  if (++lexicon->n * 2 > lexicon->mask)
    lex_grow (lexicon);
}

static void
lexicon_add (KgLexicon  *lexicon,
             const char *line,
             KgLexClass  cls)
{
  g_autofree char *lower = g_utf8_strdown (line, -1);
  gsize length = strlen (lower);
  guint bits = lex_bits (lexicon, lower, length);
  const char *space = strchr (lower, ' ');

  if (space != NULL)
    {
      guint first_bits = lex_bits (lexicon, lower, space - lower);
      guint words = 1;

      for (const char *p = lower; *p; p++)
        words += *p == ' ';
      if (words <= KG_MAX_LEX_WORDS)
        first_bits |= PHRASE_WORDS (words);
      lex_set (lexicon, lower, space - lower, first_bits | KG_LEX_STARTS_PHRASE);
    }
  lex_set (lexicon, lower, length, bits | (1u << cls));
}

KgLexicon *
_kg_lexicon_load (GError **error)
{
  KgLexicon *lexicon = g_new0 (KgLexicon, 1);

  lexicon->entries = g_new0 (LexEntry, 1024);
  lexicon->mask = 1023;
  for (guint c = 0; c < KG_N_LEX; c++)
    {
      g_autofree char *path = kg_find_data_file (lexicon_files[c]);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (path, &contents, NULL, error))
        {
          _kg_lexicon_free (lexicon);
          return NULL;
        }
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          g_strstrip (lines[i]);
          if (lines[i][0] != '\0' && lines[i][0] != '#')
            lexicon_add (lexicon, lines[i], c);
        }
    }
  return lexicon;
}

void
_kg_lexicon_free (KgLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  for (guint32 i = 0; i <= lexicon->mask; i++)
    g_free (lexicon->entries[i].key);
  g_free (lexicon->entries);
  g_free (lexicon);
}

guint
_kg_lexicon_word_classes (const KgLexicon *lexicon,
                          const char      *word,
                          gsize            length)
{
  char buf[KG_MAX_KEY + 1];
  gsize n = _kg_lower_into (word, length, buf);

  return lex_bits (lexicon, buf, n) & ~PHRASE_WORDS_MASK;
}

guint
_kg_lexicon_lower_phrase_classes (const KgLexicon *lexicon,
                                  const char      *lower,
                                  gsize            length)
{
  return lex_bits (lexicon, lower, length) & ~PHRASE_WORDS_MASK;
}

guint
_kg_lexicon_phrase_classes (const KgLexicon *lexicon,
                            const char      *phrase)
{
  char buf[KG_PHRASE_KEY];
  gsize n = strlen (phrase);
  g_autofree char *lower = NULL;

  if (n < sizeof buf && _kg_ascii_lower_into (phrase, n, buf))
    return _kg_lexicon_lower_phrase_classes (lexicon, buf, n);
  lower = g_utf8_strdown (phrase, -1);
  return _kg_lexicon_lower_phrase_classes (lexicon, lower, strlen (lower));
}

static guint
lowest_class (guint bits)
{
  for (guint c = 0; c < KG_N_LEX; c++)
    if (bits & (1u << c))
      return c;
  return 0;
}

/* Marks the longest multi-word entry that starts at token i, if any; the
 * token after it, else after i. */
static guint
mark_span_at (const KgLexicon *lexicon,
              KgTagSentence   *sentence,
              guint            i)
{
  char phrase[KG_MAX_LEX_WORDS * (KG_MAX_KEY + 1)];
  gsize ends[KG_MAX_LEX_WORDS + 1], at;
  guint words, first, longest = 0;

  at = _kg_lower_into (sentence->tokens[i].text, sentence->tokens[i].length, phrase);
  first = lex_bits (lexicon, phrase, at);
  if (!(first & KG_LEX_STARTS_PHRASE))
    return i + 1;
  for (guint len = 2; len <= KG_MAX_LEX_WORDS; len++)
    longest = first & PHRASE_WORDS (len) ? len : longest;
  /* The next words in lower case, once; then the longest entry. */
  for (words = 1; words < longest && i + words < sentence->n; words++)
    {
      const KgTagToken *token = &sentence->tokens[i + words];
      ends[words] = at;
      phrase[at++] = ' ';
      at += _kg_lower_into (token->text, token->length, phrase + at);
    }
  ends[words] = at;
  for (guint len = words; len >= 2; len--)
    {
      guint bits;

      if (!(first & PHRASE_WORDS (len)))
        continue;
      bits = lex_bits (lexicon, phrase, ends[len]);
      if ((bits & ~KG_LEX_STARTS_PHRASE) == 0)
        continue;
      for (guint k = i; k < i + len; k++)
        sentence->lex_span[k] = 1 + 2 * lowest_class (bits) + (k > i);
      return i + len;
    }
  return i + 1;
}

void
_kg_lexicon_mark_spans (const KgLexicon *lexicon,
                        KgTagSentence   *sentence)
{
  memset (sentence->lex_span, 0, sentence->n);
  for (guint i = 0; i < sentence->n; )
    if (sentence->cap[i] != 1)
      i++;
    else
      i = mark_span_at (lexicon, sentence, i);
}

void
_kg_lexicon_mark_spans_from (const KgLexicon *lexicon,
                             KgTagSentence   *sentence,
                             const guint     *starts,
                             guint            n_starts)
{
  guint next = 0;

  memset (sentence->lex_span, 0, sentence->n);
  for (guint k = 0; k < n_starts; k++)
    if (starts[k] >= next)
      next = mark_span_at (lexicon, sentence, starts[k]);
}
