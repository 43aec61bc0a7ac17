/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "kg-analysis.h"
#include "kg-bytes.h"

G_BEGIN_DECLS

/*
 * Small helpers the later extraction stages (aliases, quotes, relations)
 * share: word lists read from data/extract/, and questions about tokens.
 */

typedef struct _KgWordList KgWordList;

/* The list in data/extract/<name>.txt: one lower-case word or phrase a line,
 * '#' starts a comment. Loaded once per process, read-only afterwards. */
const KgWordList *kg_word_list_get        (const char       *name,
                                           GError          **error);
/* kg_word_list_get() once per process into *cache, for the stages that
 * ask every document: a list is never freed once loaded, and each
 * kg_word_list_get() takes a lock and a hash look-up. */
static inline const KgWordList *
kg_word_list_once (const KgWordList **cache,
                   const char        *name)
{
  const KgWordList *list = g_atomic_pointer_get (cache);

  if (G_UNLIKELY (list == NULL))
    {
      list = kg_word_list_get (name, NULL);
      g_atomic_pointer_set (cache, list);
    }
  return list;
}
/* Loads every list the stages use, so a missing file fails early. */
gboolean          kg_word_lists_load      (GError          **error);

/* The number of tokens of the longest phrase of list that ends at token
 * last, 0 when none does. Case is ignored. Tokens are taken from [lo, last]. */
guint             kg_word_list_match_back (const KgWordList *list,
                                           const KgAnalysis *analysis,
                                           guint             last,
                                           guint             lo);
gboolean          kg_word_list_has        (const KgWordList *list,
                                           const char       *phrase,
                                           gssize            length);

static inline const KgToken *
kg_token (const KgAnalysis *analysis,
          guint             i)
{
  return &g_array_index (analysis->tokens, KgToken, i);
}

static inline const char *
kg_token_text (const KgAnalysis *analysis,
               guint             i)
{
  return analysis->text + kg_token (analysis, i)->start;
}

static inline gsize
kg_token_len (const KgAnalysis *analysis,
              guint             i)
{
  const KgToken *t = kg_token (analysis, i);
  return t->end - t->start;
}

static inline char
kg_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether token i is word (ignoring case). The stages ask this of every
 * token many times, so the lengths (when the word's is a constant) and
 * the first letters are compared before the rest: most tokens differ
 * there. */
static inline gboolean
kg_token_is (const KgAnalysis *analysis,
             guint             i,
             const char       *word)
{
  const KgToken *t;
  const char *p;
  gsize n;

  if (i >= analysis->tokens->len)
    return FALSE;
  t = kg_token (analysis, i);
  p = analysis->text + t->start;
  n = t->end - t->start;
  /* A word written in the call (most are) has a constant length, which
   * tells most tokens apart at once. */
  if (__builtin_constant_p (strlen (word)) && strlen (word) != n)
    return FALSE;
  if (kg_ascii_lower (*p) != kg_ascii_lower (*word))
    return FALSE;
  for (gsize k = 1; k < n; k++)
    if (word[k] == '\0' || kg_ascii_lower (p[k]) != kg_ascii_lower (word[k]))
      return FALSE;
  return word[n] == '\0';
}
/* Whether token i is one of the NULL-terminated words (ignoring case). */
static inline gboolean
kg_token_is_any (const KgAnalysis  *analysis,
                 guint              i,
                 const char *const *words)
{
  for (guint k = 0; words[k]; k++)
    if (kg_token_is (analysis, i, words[k]))
      return TRUE;
  return FALSE;
}

/* A hash of a word's lower-case form with the curly apostrophe as "'":
 * equal words (ignoring case) hash alike, so a hash that differs rules a
 * word out without comparing. kg_tokenize() keeps each token's. */
guint32           kg_word_hash            (const char       *word,
                                           gsize             length);
/* kg_word_hash() of a word with a curly apostrophe in it. */
guint32           kg_word_hash_folded     (const char       *word,
                                           gsize             length);

/* kg_word_hash() of a word within a text, of which readable bytes may be
 * read from word (at least length): faster than at the text's end.
 * Inline, as the tokenizer asks it of every token. */
static inline guint32
kg_word_hash_within (const char *word,
                     gsize       length,
                     gsize       readable)
{
  gboolean high;
  guint32 h = _kg_hash_text (word, length, readable, &high);
  const char *curly;

  /* Most words are ASCII, and need no look for the apostrophe. */
  if (G_LIKELY (!high) || (curly = memchr (word, 0xe2, length)) == NULL
      || (gsize) (curly - word) + 2 >= length)
    return h;
  return kg_word_hash_folded (word, length);
}
/* For the tokenizer, which hashes each token as it reads it: the bytes of
 * the block that holds n tokens' hashes and the words' ids after them,
 * and the block handed over (hashes in its first n) once they are all
 * written. */
gsize             kg_token_hashes_size    (guint             n);
void              kg_analysis_take_hashes (KgAnalysis       *analysis,
                                           guint32          *hashes,
                                           guint             n);

static inline guint32
kg_token_hash (const KgAnalysis *analysis,
               guint             i)
{
  return analysis->token_hashes[i];
}

/* A fixed set of words the patterns look for, defined once in a file:
 *   static const char *const verbs_words[] = { "sued", "fined", NULL };
 *   static KgWordSet verbs = { verbs_words };
 * Two bits of each word's hash are set in a filter on first use, so most
 * tokens are passed over without comparing a word. */
typedef struct
{
  const char *const *words;   /* NULL-terminated, lower case */
  gsize              ready;
  guint64            filter[16];
} KgWordSet;

void              kg_word_set_prepare     (KgWordSet        *set);

static inline gboolean
kg_word_filter_has (const guint64 *filter,
                    guint32        h)
{
  guint32 a = h & 0x3ff, b = (h >> 10) & 0x3ff;

  return (filter[a / 64] & (G_GUINT64_CONSTANT (1) << (a % 64)))
         && (filter[b / 64] & (G_GUINT64_CONSTANT (1) << (b % 64)));
}

/* How every KgWordList starts: two bits of each first word's hash. Public
 * so that the common answer, that no phrase starts at a token, is given
 * inline on the token's hash. */
typedef struct
{
  guint64 first_filter[16];
} KgWordListHead;

/* kg_word_list_match() past the filter. */
guint             kg_word_list_match_at   (const KgWordList *list,
                                           const KgAnalysis *analysis,
                                           guint             first,
                                           guint             hi);

/* The number of tokens of the longest phrase of list that starts at token
 * first, 0 when none does. Case is ignored. Tokens are taken from
 * [first, hi). */
static inline guint
kg_word_list_match (const KgWordList *list,
                    const KgAnalysis *analysis,
                    guint             first,
                    guint             hi)
{
  if (list == NULL || first >= hi
      || !kg_word_filter_has (((const KgWordListHead *) (gconstpointer) list)->first_filter,
                              kg_token_hash (analysis, first)))
    return 0;
  return kg_word_list_match_at (list, analysis, first, hi);
}

/* Whether token i is one of set's words (ignoring case). */
static inline gboolean
kg_token_in_set (const KgAnalysis *analysis,
                 guint             i,
                 KgWordSet        *set)
{
  if (!g_atomic_pointer_get (&set->ready))
    kg_word_set_prepare (set);
  return i < analysis->tokens->len
         && kg_word_filter_has (set->filter, kg_token_hash (analysis, i))
         && kg_token_is_any (analysis, i, set->words);
}

/* kg_token_is_capitalised() for a word that starts beyond ASCII. */
gboolean          kg_token_is_capitalised_utf8 (const KgAnalysis *analysis,
                                                guint             i);

/* The tokens that start with a capital (of any kind), in order: where the
 * names the tagger missed start. The tokenizer notes them as it reads
 * every token's first byte. */
const GArray     *kg_capitalised_tokens        (KgAnalysis       *analysis);

/* Whether token i is a word that starts with a capital. Inline: alias
 * resolution asks it of every token. */
static inline gboolean
kg_token_is_capitalised (const KgAnalysis *analysis,
                         guint             i)
{
  guchar c;

  if (i >= analysis->tokens->len || kg_token (analysis, i)->kind != KG_TOKEN_WORD)
    return FALSE;
  c = *kg_token_text (analysis, i);
  /* ASCII first, without decoding. */
  if (c < 0x80)
    return c >= 'A' && c <= 'Z';
  return kg_token_is_capitalised_utf8 (analysis, i);
}
/* kg_token_is_possessive() once its first byte may start one: the whole
 * token compared. */
gboolean          kg_token_is_possessive_mark (const KgAnalysis *analysis,
                                               guint             i);

/* "'s", "’s", "'" and "’" standing alone. Inline: every form starts with
 * an apostrophe, straight or curly (0xe2 in UTF-8), which rules out most
 * tokens by their first byte, without a call. */
static inline gboolean
kg_token_is_possessive (const KgAnalysis *analysis,
                        guint             i)
{
  guchar c;

  if (i >= analysis->tokens->len)
    return FALSE;
  c = analysis->text[kg_token (analysis, i)->start];
  return (c == '\'' || c == 0xe2) && kg_token_is_possessive_mark (analysis, i);
}

/* The token that starts at or after offset (binary search); tokens->len when
 * there is none. */
guint             kg_token_at             (const KgAnalysis *analysis,
                                           gsize             offset);
/* Per token, the index of the mention covering it or -1: a table the stages
 * use to walk from words to names. Free with g_free. */
gint             *kg_mention_index        (const KgAnalysis *analysis);
/* kg_find_quotes() and kg_find_relations() given the kg_mention_index()
 * both need: mentions do not change between them, so a whole extraction
 * builds it once. */
void              kg_find_quotes_indexed  (KgAnalysis       *analysis,
                                           KgGraph          *graph,
                                           KgDocument       *doc,
                                           gint             *mention_of);
void              kg_find_relations_indexed (KgAnalysis     *analysis,
                                             KgGraph        *graph,
                                             KgDocument     *doc,
                                             gint           *mention_of);

/* The entity token t stands for: a mention's, or for "he"/"she" the last
 * person named before, for "it"/"they"/"we" the last organisation or
 * government, for "the company" the last organisation, for "the agency" the
 * last government (quotations are never searched). */
guint             kg_entity_at            (const KgAnalysis *analysis,
                                           const gint       *mention_of,
                                           const guint8     *quoted,
                                           guint             t);

/* Whether kg_entity_at() may find an entity at token t: a mention, a
 * pronoun or "the company". A sentence with fewer than two such tokens
 * relates nothing. */
gboolean          kg_token_may_name       (const KgAnalysis *analysis,
                                           const gint       *mention_of,
                                           guint             t);
/* A filter (see kg_word_filter_has()) every word but a mention's that
 * kg_token_may_name() takes passes: a miss answers FALSE without the
 * call. */
void              kg_may_name_filter      (guint64           filter[16]);
/* Into filter, the union of set's filter and the first-word filters of the
 * lists (either may be NULL): a word that misses it is in none of them
 * and starts no phrase of theirs. */
void              kg_word_filter_union    (guint64           filter[16],
                                           KgWordSet        *set,
                                           const KgWordList *first,
                                           const KgWordList *second);

/* Who speaks through the speech verb at token verb (verb_len tokens long):
 * the nearest person named or pointed to ("he", "the company") before it
 * within [lo, verb), else the one named right after it ("said X",
 * "according to X"). mention_of is kg_mention_index(); quoted marks the
 * tokens inside quotations, which never name the speaker. */
guint             kg_speech_subject       (const KgAnalysis *analysis,
                                           const gint       *mention_of,
                                           const guint8     *quoted,
                                           guint             verb,
                                           guint             verb_len,
                                           guint             lo,
                                           guint             hi);

G_END_DECLS
