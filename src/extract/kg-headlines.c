/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-tagger-private.h"

/*
 * Headlines in title case ("Wealthy Voters Abandon Republican Party"). The
 * tagger learnt from news whose headlines are in capitals, so it reads one
 * in title case the same way; a line of names ("United Arab Emirates")
 * keeps its capitals, which do say something there.
 */

/* Words a headline in title case leaves in lower case. */
static const char *const minor_words[] = {
  "a", "an", "the", "of", "for", "and", "or", "nor", "in", "on", "at", "to", "by", "with",
  "from", "as", "but", "vs", "into", "over", "after", "per", "via", "up", "off", "out", NULL
};

/* The longest of them: most words are longer, and are passed over at once. */
#define MINOR_WORD_MAX 5

static gboolean
is_minor_word (const KgTagToken *token)
{
  if (token->length > MINOR_WORD_MAX)
    return FALSE;
  for (guint i = 0; minor_words[i]; i++)
    if (strlen (minor_words[i]) == token->length && memcmp (minor_words[i], token->text, token->length) == 0)
      return TRUE;
  return FALSE;
}

/* A headline in title case ("Wealthy Voters Abandon Republican Party"):
 * all words but the small ones capitalised. Its capitals say nothing about
 * names, as in a headline in capitals, which is how the tagger gets to see
 * it. */
gboolean
_kg_is_title_case (const KgTagToken *tokens,
                   const guint8     *tf,
                   guint             n)
{
  guint words = 0, capitalised = 0;

  if (n < 4 || n > 30)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (tf[i] & TF_UPPER)
      {
        words++;
        capitalised++;
      }
    else if (tf[i] & TF_LOWER_WORD)
      {
        words++;
        if (!is_minor_word (&tokens[i]))
          return FALSE;
      }
  return capitalised >= 4 && capitalised * 3 >= words * 2;
}

/* Whether g_utf8_strup() makes "I" of "i": not in a Turkic locale, where
 * it makes a dotted capital. */
static gboolean
plain_i (void)
{
  static gsize answer;

  if (g_once_init_enter (&answer))
    {
      g_autofree char *caps = g_utf8_strup ("i", 1);
      g_once_init_leave (&answer, strcmp (caps, "I") == 0 ? 2 : 1);
    }
  return answer == 2;
}

/* g_utf8_strup() of a word in ASCII (no NUL either) into out, without the
 * allocation and the Unicode tables: FALSE for any other word, which is
 * left to it. */
static gboolean
ascii_upper (const char *text,
             gsize       length,
             char       *out,
             gsize       size)
{
  gboolean has_i = FALSE;

  if (length >= size)
    return FALSE;
  for (gsize k = 0; k < length; k++)
    {
      guchar c = text[k];

      if (c == 0 || c >= 0x80)
        return FALSE;
      has_i |= c == 'i';
      out[k] = c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }
  return !has_i || plain_i ();
}

void
_kg_to_capitals (KgTagToken   *tokens,
                 guint8       *tf,
                 guint         n,
                 GStringChunk *chunk)
{
  guint upper = 0, lower = 0;

  for (guint i = 0; i < n; i++)
    {
      char buf[64];

      if (ascii_upper (tokens[i].text, tokens[i].length, buf, sizeof buf))
        tokens[i].text = g_string_chunk_insert_len (chunk, buf, tokens[i].length);
      else
        {
          g_autofree char *caps = g_utf8_strup (tokens[i].text, tokens[i].length);
          tokens[i].text = g_string_chunk_insert (chunk, caps);
          tokens[i].length = strlen (tokens[i].text);
        }
      tf[i] = _kg_token_case (tokens[i].text, tokens[i].length, tokens[i].length, &upper, &lower);
    }
}

/* The words in lower case among tokens [first, end) that may be a decoded
 * word's, by their shape keys: picked without a branch a token, into
 * candidates, reading two bytes a token. */
/* Token t written at candidates[n]: the count with it when its shape is
 * one of shapes, else without it. */
static inline guint
pick_candidate (const guint16    *keys,
                const KgShapeSet *shapes,
                guint             t,
                guint            *candidates,
                guint             n)
{
  candidates[n] = t;
  return n + shapes->has[keys[t]];
}

guint
_kg_lower_candidates (const guint16    *keys,
                      const KgShapeSet *shapes,
                      guint          first,
                      guint          end,
                      guint         *candidates)
{
  guint n = 0, t = first;

  /* Four tokens a turn of the loop: its own cost was as much as a
   * token's. */
  for (; t + 4 <= end; t += 4)
    {
      n = pick_candidate (keys, shapes, t, candidates, n);
      n = pick_candidate (keys, shapes, t + 1, candidates, n);
      n = pick_candidate (keys, shapes, t + 2, candidates, n);
      n = pick_candidate (keys, shapes, t + 3, candidates, n);
    }
  for (; t < end; t++)
    n = pick_candidate (keys, shapes, t, candidates, n);
  return n;
}

/* A set of hashes, open addressing: a GHashTable costs a call and more a
 * look-up, and the document's lower-case candidates all ask. A hash's byte
 * in used is 0 when the set does not hold it, else SET_HELD and the
 * caller's bits. */
struct _KgLowerWords
{
  guint32 *keys;
  guint8  *used;
  guint32  mask;
};
typedef struct _KgLowerWords HashSet;

enum { SET_HELD = 1, SET_WRITTEN_LOWER = 2 };

static void
hash_set_init (HashSet *set,
               guint    max)
{
  guint size = 16;

  while (size < max * 2 + 2)
    size *= 2;
  set->keys = g_new (guint32, size);
  set->used = g_new0 (guint8, size);
  set->mask = size - 1;
}

static void
hash_set_clear (HashSet *set)
{
  g_free (set->keys);
  g_free (set->used);
}

/* The byte in used of key, NULL when set does not hold it; added when
 * add. */
static guint8 *
hash_set_find (HashSet  *set,
               guint32   key,
               gboolean  add)
{
  for (guint32 slot = (key * 0x9e3779b1u) & set->mask; ; slot = (slot + 1) & set->mask)
    {
      if (!set->used[slot])
        {
          if (!add)
            return NULL;
          set->used[slot] = SET_HELD;
          set->keys[slot] = key;
          return &set->used[slot];
        }
      if (set->keys[slot] == key)
        return &set->used[slot];
    }
}

void
_kg_lower_words_free (KgLowerWords *words)
{
  hash_set_clear (words);
  g_free (words);
}

/* Which capitalised words of the possible title-case headlines the
 * document also writes in lower case, as hashes of their lower case: those
 * marked SET_WRITTEN_LOWER in the set of them all. */
KgLowerWords *
_kg_lower_case_words (const KgAnalysis *analysis,
                      const guint16    *keys,
                      const guint8     *tf,
                      const guint8     *candidate)
{
  HashSet *wanted = g_new (HashSet, 1);
  KgShapeSet shapes;
  guint n = analysis->tokens->len, n_wanted = 0;

  _kg_shape_set_init (&shapes);

  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
      n_wanted += candidate[s] ? sent->end_token - sent->first_token : 0;
    }
  hash_set_init (wanted, n_wanted);
  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
      if (!candidate[s])
        continue;
      for (guint t = sent->first_token; t < sent->end_token; t++)
        if (tf[t] & TF_UPPER)
          {
            const KgToken *token = &g_array_index (analysis->tokens, KgToken, t);
            hash_set_find (wanted, _kg_lower_hash (analysis->text + token->start, token->end - token->start), TRUE);
            _kg_shape_set_add (&shapes, analysis->text[token->start], token->end - token->start);
          }
    }
  /* Most lower-case words cannot match: wrong first letter or length. */
  for (guint first = 0; first < n; first += KG_LOWER_BLOCK)
    {
      guint candidates[KG_LOWER_BLOCK];
      guint n_candidates = _kg_lower_candidates (keys, &shapes, first, MIN (n, first + KG_LOWER_BLOCK),
                                                 candidates);

      for (guint k = 0; k < n_candidates; k++)
        {
          guint8 *used = hash_set_find (wanted, _kg_lower_word_hash (analysis, candidates[k], tf[candidates[k]]),
                                        FALSE);
          if (used != NULL)
            *used |= SET_WRITTEN_LOWER;
        }
    }
  return wanted;
}

/* Whether the capitalised words of a title-case line are, most of them,
 * words the document also writes in lower case ("Voters", "Abandon"), a
 * third of them at least:
 * then it is a headline, not a line of names ("United Arab Emirates"). */
gboolean
_kg_headline_words (const KgTagToken *tokens,
                    const guint8     *tf,
                    guint             n,
                    KgLowerWords     *lower)
{
  guint capitalised = 0, known = 0;

  for (guint i = 0; i < n; i++)
    if (tf[i] & TF_UPPER)
      {
        const guint8 *used = hash_set_find (lower, _kg_lower_hash (tokens[i].text, tokens[i].length), FALSE);

        capitalised++;
        known += used != NULL && (*used & SET_WRITTEN_LOWER);
      }
  return known >= 2 && known * 3 >= capitalised;
}
