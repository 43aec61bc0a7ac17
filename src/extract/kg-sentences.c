/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-analysis.h"
#include "kg-tokenizer-private.h"

/*
 * Sentences and paragraphs from the tokens (kg-tokenizer.c): a sentence
 * ends at a stop, unless an abbreviation's; closing quotes and brackets go
 * with it; a line break ends a paragraph.
 */

#define KG_MAX_SENTENCE_TOKENS 400

const guint8 _kg_stop_last[256] = { ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xa6] = 1 };

static gboolean
token_is (const KgAnalysis *analysis,
          const KgToken    *token,
          const char       *str)
{
  gsize n = strlen (str);
  return token->end - token->start == n && memcmp (analysis->text + token->start, str, n) == 0;
}

static gboolean
is_terminal (const KgAnalysis *analysis,
             const KgToken    *token)
{
  const char *p = analysis->text + token->start;

  if (token->kind != KG_TOKEN_PUNCT)
    return FALSE;
  return *p == '.' || *p == '!' || *p == '?' || token_is (analysis, token, "…");
}

static gboolean
is_closer (const KgAnalysis *analysis,
           const KgToken    *token)
{
  const char *p = analysis->text + token->start;
  return token->kind == KG_TOKEN_QUOTE || *p == ')' || *p == ']';
}

static gboolean
starts_lowercase (const KgAnalysis *analysis,
                  const KgToken    *token)
{
  gunichar c = g_utf8_get_char (analysis->text + token->start);
  return g_unichar_islower (c);
}

/* Whether the word token ends with an abbreviation's dot, and if so whether
 * that abbreviation may end a sentence. */
static gboolean
abbrev_may_end (const KgAnalysis *analysis,
                const KgToken    *token,
                const KgToken    *next)
{
  const char *p = analysis->text + token->start;
  gsize n = token->end - token->start - 1;

  if (n == 1 && g_ascii_isupper (*p))
    return FALSE;   /* an initial: "J. R. Smith" */
  if (_kg_word_lists (p, n) & KG_IN_TITLE_ABBREVS)
    return FALSE;
  if (next->kind == KG_TOKEN_QUOTE)
    return TRUE;
  return (_kg_word_lists (analysis->text + next->start, next->end - next->start) &
          KG_IN_SENTENCE_STARTERS) != 0;
}

/* Whether a sentence ends after token k (closers already absorbed). */
static gboolean
ends_sentence (const KgAnalysis *analysis,
               guint             last_terminal,
               guint             next)
{
  const KgToken *tokens = (const KgToken *) analysis->tokens->data;
  const KgToken *t = &tokens[last_terminal];
  const KgToken *n = &tokens[next];

  if (t->kind == KG_TOKEN_WORD)
    return abbrev_may_end (analysis, t, n);
  if (starts_lowercase (analysis, n))
    return FALSE;
  if (token_is (analysis, t, "...") || token_is (analysis, t, "…"))
    return n->kind != KG_TOKEN_PUNCT;
  return TRUE;
}

/* The next free element of array, n of them in use: grown by doubling and
 * written in place, as g_array_append_val costs a call and a copy each. */
static inline gpointer
next_element (GArray *array,
              guint  *n,
              gsize   size)
{
  if (*n == array->len)
    g_array_set_size (array, MAX (16, array->len * 2));
  return array->data + (gsize) (*n)++ * size;
}

static void
add_sentence (KgAnalysis *analysis,
              guint      *n_sentences,
              guint       n_paragraphs,
              guint       first,
              guint       end)
{
  KgToken *tokens = (KgToken *) analysis->tokens->data;
  guint index = *n_sentences;
  KgSentence *sentence = next_element (analysis->sentences, n_sentences, sizeof (KgSentence));

  *sentence = (KgSentence) { tokens[first].start, tokens[end - 1].end, first, end, n_paragraphs };
  /* A store a token, a sixth of the stage's work: four a turn of the
   * loop halve the loop's own cost. */
#pragma GCC unroll 4
  for (guint k = first; k < end; k++)
    tokens[k].sentence = index;
}

static void
add_paragraph (KgAnalysis *analysis,
               guint       n_sentences,
               guint      *n_paragraphs,
               guint       first_sentence)
{
  KgSentence *sentences = (KgSentence *) analysis->sentences->data;
  KgRange *range = next_element (analysis->paragraphs, n_paragraphs, sizeof (KgRange));

  *range = (KgRange) { sentences[first_sentence].start, sentences[n_sentences - 1].end };
}

/* Whether the token is a stop ('.', '!', '?', '…') or a word ending in an
 * abbreviation's dot: most tokens end in no byte of _kg_stop_last, and their
 * other bytes are not read at all. */
static inline gboolean
may_end (const KgAnalysis *analysis,
         const KgToken    *token)
{
  guchar c = analysis->text[token->end - 1];

  if (!_kg_stop_last[c])
    return FALSE;
  return is_terminal (analysis, token) ||
         (token->kind == KG_TOKEN_WORD && c == '.' && token->end - token->start > 1);
}

/* "1. Michelle Freeman": the number of a list item opening a line. */
static gboolean
list_number (const KgToken *tokens,
             guint          first,
             guint          dot)
{
  return dot == first + 1 && tokens[first].kind == KG_TOKEN_NUMBER &&
         (first == 0 || NEWLINE_BEFORE (tokens, first));
}

void
_kg_split_sentences (KgAnalysis  *analysis,
                     const guint *breaks,
                     guint        n_breaks)
{
  KgToken *tokens = (KgToken *) analysis->tokens->data;
  guint n = analysis->tokens->len;
  guint first = 0, first_sentence = 0, n_sentences = 0, n_paragraphs = 0, b = 0;
  /* A sentence ends at a break, at the last token or at the cap on its
   * length: room for as many at once, not grown a few at a time. */
  guint most = n_breaks + 1 + n / KG_MAX_SENTENCE_TOKENS;

  g_array_set_size (analysis->sentences, most);
  g_array_set_size (analysis->paragraphs, most);

  for (guint k = 0; k < n; k++)
    {
      guint last, next;
      gboolean brk;

      /* Up to the next break (or the last token), only the cap on a
       * sentence's length ends one: those tokens are passed over at once. */
      while (b < n_breaks && breaks[b] < k)
        b++;
      next = MIN (b < n_breaks ? breaks[b] : n - 1, first + KG_MAX_SENTENCE_TOKENS - 1);
      k = MAX (k, next);
      last = k;
      if (may_end (analysis, &tokens[k]) && k + 1 < n && !NEWLINE_BEFORE (tokens, k + 1))
        {
          /* '."' and '.)' end inside the quote or bracket; so does a quote
           * mark left alone at the end of a line ('. "' in tokenized text). */
          while (k + 1 < n && !NEWLINE_BEFORE (tokens, k + 1) && is_closer (analysis, &tokens[k + 1]) &&
                 (tokens[k + 1].start == tokens[k].end || k + 2 >= n || NEWLINE_BEFORE (tokens, k + 2)))
            k++;
          brk = k + 1 >= n || NEWLINE_BEFORE (tokens, k + 1) ||
                (!list_number (tokens, first, last) && ends_sentence (analysis, last, k + 1));
        }
      else
        brk = k + 1 >= n || NEWLINE_BEFORE (tokens, k + 1);
      /* Text without stops (a list, a dump) still comes in pieces, which
       * keeps the later stages' work per sentence bounded. */
      brk |= k + 1 - first >= KG_MAX_SENTENCE_TOKENS;
      if (!brk)
        continue;
      add_sentence (analysis, &n_sentences, n_paragraphs, first, k + 1);
      first = k + 1;
      if (k + 1 >= n || NEWLINE_BEFORE (tokens, k + 1))
        {
          add_paragraph (analysis, n_sentences, &n_paragraphs, first_sentence);
          first_sentence = n_sentences;
        }
    }
  g_array_set_size (analysis->sentences, n_sentences);
  g_array_set_size (analysis->paragraphs, n_paragraphs);
}
