/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-words.h"

/*
 * Direct speech. Quotation marks are paired within a paragraph; a paragraph
 * that leaves a quotation open continues into the next one that opens with
 * a quotation mark, as newspapers print long quotes. Each quotation is then
 * attributed the way journalists write it: a speech verb right after it
 * ('"…," X said', '"…," said X, the …', '"…," he said'), else right before
 * it ('X said: "…"'), else anywhere in its sentence (the partial quote
 * 'X called it "a mistake"'); an unattributed quotation keeps the speaker
 * of the quotation before it in its paragraph, or of the one in the
 * paragraph before when it opens its paragraph.
 */

/* How far after a closing mark the attribution may stand ('"…," the
 * company's chief executive, Jo Example, said'). */
#define AFTER_WINDOW 14

typedef struct
{
  guint    open;        /* token of the opening mark */
  guint    close;       /* token of the closing mark, or the paragraph's end */
  guint    paragraph;
  guint    paragraph_first;   /* the paragraph's first token */
  gboolean closed;
  gboolean continued;   /* carries on a quotation left open before */
  guint    speaker;
} Quote;

static gboolean
is_double_mark (const KgAnalysis *a,
                guint             t)
{
  const char *p = kg_token_text (a, t);

  return kg_token (a, t)->kind == KG_TOKEN_QUOTE
         && (*p == '"' || strncmp (p, "\u201c", 3) == 0 || strncmp (p, "\u201d", 3) == 0
             || strncmp (p, "\u00ab", 2) == 0 || strncmp (p, "\u00bb", 2) == 0
             || strncmp (p, "\u201e", 3) == 0);
}

static gboolean
is_opening_only (const KgAnalysis *a,
                 guint             t)
{
  const char *p = kg_token_text (a, t);

  return strncmp (p, "\u201c", 3) == 0 || strncmp (p, "\u00ab", 2) == 0 || strncmp (p, "\u201e", 3) == 0;
}

static gboolean
is_closing_only (const KgAnalysis *a,
                 guint             t)
{
  const char *p = kg_token_text (a, t);

  return strncmp (p, "\u201d", 3) == 0 || strncmp (p, "\u00bb", 2) == 0;
}

/* The paragraph's first token, as kg_token_at() finds it. The first
 * token of its first sentence after from (a token of the paragraph before)
 * mostly is that token: checked, as the search would answer, and only
 * searched for when it is not. */
static guint
paragraph_first_token (const KgAnalysis *a,
                       guint             p,
                       guint             from)
{
  const KgToken *tokens = (const KgToken *) (gpointer) a->tokens->data;
  const KgSentence *sentences = (const KgSentence *) (gpointer) a->sentences->data;
  gsize offset = g_array_index (a->paragraphs, KgRange, p).start;
  guint n = a->tokens->len, guess = n;

  if (from < n)
    {
      guint s = tokens[from].sentence;

      while (s < a->sentences->len && sentences[s].paragraph < p)
        s++;
      if (s < a->sentences->len)
        guess = sentences[s].first_token;
    }
  if (guess <= n && (guess == n || tokens[guess].start >= offset)
      && (guess == 0 || tokens[guess - 1].start < offset))
    return guess;
  return kg_token_at (a, offset);
}

/* Quotation n of quotes, when it holds any token. The array grows by
 * doubling and is stored into, cut to the n quotations at the end: an
 * append cost more than the rest of finding a quotation. */
static void
add_quote (GArray  *quotes,
           guint   *n,
           guint    open,
           guint    close,
           guint    paragraph,
           guint    paragraph_first,
           gboolean closed,
           gboolean continued)
{
  if (close <= open + 1)
    return;
  if (*n == quotes->len)
    g_array_set_size (quotes, MAX (16, quotes->len * 2));
  g_array_index (quotes, Quote, (*n)++) =
    (Quote) { open, close, paragraph, paragraph_first, closed, continued, KG_NO_ENTITY };
}

static gboolean
is_straight (const KgAnalysis *a,
             guint             t)
{
  return *kg_token_text (a, t) == '"';
}

/* Pairs the quotation marks of every paragraph. A quotation inside another
 * in the other style of marks ('"… “…” …"') stays part of it. */
static GArray *
find_marks (const KgAnalysis *a)
{
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  guint n_quotes = 0;
  gboolean left_open = FALSE;

  /* In a local: appending a quotation could change the analysis, as far
   * as the compiler knows, and every token would read it again. */
  const KgToken *tokens = (const KgToken *) (gpointer) a->tokens->data;
  /* A paragraph's first token is where the one before ended: one search each. */
  guint end = a->paragraphs->len > 0 ? paragraph_first_token (a, 0, 0) : 0;

  for (guint p = 0; p < a->paragraphs->len; p++)
    {
      guint first = end;
      gint open = -1;
      guint nested = 0;
      gboolean continued;

      end = p + 1 < a->paragraphs->len ? paragraph_first_token (a, p + 1, first) : a->tokens->len;
      continued = left_open && first < end && is_double_mark (a, first);
      for (guint t = first; t < end; t++)
        {
          /* The kind first, inline: most tokens are words. */
          if (tokens[t].kind != KG_TOKEN_QUOTE || !is_double_mark (a, t))
            continue;
          if (open < 0 && is_closing_only (a, t) && t > first)
            continue;   /* a stray closing mark */
          if (open < 0)
            open = t;
          else if (is_straight (a, open) != is_straight (a, t) && (nested > 0 || is_opening_only (a, t)))
            nested += is_opening_only (a, t) ? 1 : nested > 0 ? -1 : 0;
          else if (is_opening_only (a, t))
            {
              /* The last quotation was never closed: it ends here. */
              add_quote (quotes, &n_quotes, open, t, p, first, FALSE, continued);
              continued = FALSE;
              open = t;
            }
          else
            {
              add_quote (quotes, &n_quotes, open, t, p, first, TRUE, continued);
              continued = FALSE;
              open = -1;
              nested = 0;
            }
        }
      left_open = open >= 0;
      if (left_open)
        add_quote (quotes, &n_quotes, open, end, p, first, FALSE, continued);
    }
  g_array_set_size (quotes, n_quotes);
  return quotes;
}

/* Per token, whether it lies within a quotation (marks included). */
static guint8 *
quoted_tokens (const KgAnalysis *a,
               GArray           *quotes)
{
  guint8 *quoted = g_new0 (guint8, a->tokens->len + 1);

  for (guint i = 0; i < quotes->len; i++)
    {
      const Quote *q = &g_array_index (quotes, Quote, i);
      guint end = MIN (q->close + 1, a->tokens->len);

      /* One memset a quotation, not a store a token. */
      if (q->open < end)
        memset (quoted + q->open, TRUE, end - q->open);
    }
  return quoted;
}

/* The first one named in [lo, hi): a participle's subject ("…, saying"). */
static guint
first_named (const KgAnalysis *a,
             const gint       *mention_of,
             const guint8     *quoted,
             guint             lo,
             guint             hi)
{
  for (guint t = lo; t < hi; t++)
    if (!quoted[t] && mention_of[t] >= 0
        && g_array_index (a->mentions, KgMention, mention_of[t]).type != KG_ENTITY_PLACE)
      return g_array_index (a->mentions, KgMention, mention_of[t]).entity;
  return KG_NO_ENTITY;
}

/* The filter of pronouns and "the company" that kg_entity_at() answers
 * for, made once: the words are fixed. */
static const guint64 *
may_name_filter (void)
{
  static guint64 filter[16];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      kg_may_name_filter (filter);
      g_once_init_leave (&ready, 1);
    }
  return filter;
}

/* Whether kg_entity_at() may find an entity at token t: a mention, or a
 * word that passes the filter. Most words do not, and need no call; the
 * test is inline, with the filter fetched once a search. */
static inline gboolean
may_name (const KgAnalysis *a,
          const gint       *mention_of,
          const guint64    *filter,
          guint             t)
{
  return mention_of[t] >= 0 || kg_word_filter_has (filter, kg_token_hash (a, t));
}

guint
kg_speech_subject (const KgAnalysis *a,
                   const gint       *mention_of,
                   const guint8     *quoted,
                   guint             verb,
                   guint             verb_len,
                   guint             lo,
                   guint             hi)
{
  const char *v = kg_token_text (a, verb);
  gsize n = kg_token_len (a, verb);
  gboolean after_comma = verb > lo && kg_token_is (a, verb - 1, ",");
  const guint64 *filter = may_name_filter ();

  if (after_comma && n > 4 && strncmp (v + n - 3, "ing", 3) == 0)
    return first_named (a, mention_of, quoted, lo, verb);
  /* Before the verb: the nearest one named, but past an apposition to the
   * person it describes ("Jo Example, a spokesman for Acme, said"). */
  for (guint t = verb; t-- > lo;)
    {
      guint e = quoted[t] || !may_name (a, mention_of, filter, t) ? KG_NO_ENTITY
                : kg_entity_at (a, mention_of, quoted, t);
      const KgMention *m = mention_of[t] >= 0 ? &g_array_index (a->mentions, KgMention, mention_of[t]) : NULL;

      /* A place speaks only right before the verb ("Norland said"); a
       * possessor ("Acme's chief said") does not. */
      if (e == KG_NO_ENTITY || (m != NULL && m->type == KG_ENTITY_PLACE && m->end_token != verb)
          || (m != NULL && kg_token_is_possessive (a, m->end_token)))
        continue;
      if (m != NULL && m->type != KG_ENTITY_PERSON && after_comma)
        for (guint k = t; k-- > lo && k + 16 > t && !quoted[k];)
          if (mention_of[k] >= 0
              && g_array_index (a->mentions, KgMention, mention_of[k]).type == KG_ENTITY_PERSON)
            return g_array_index (a->mentions, KgMention, mention_of[k]).entity;
      return e;
    }
  /* After it: 'said X', 'according to X'. */
  for (guint t = verb + verb_len; t < hi && t < verb + verb_len + 6 && !quoted[t]; t++)
    {
      guint e = may_name (a, mention_of, filter, t) ? kg_entity_at (a, mention_of, quoted, t) : KG_NO_ENTITY;

      if (e != KG_NO_ENTITY)
        return e;
      if (kg_token (a, t)->kind == KG_TOKEN_PUNCT && !kg_token_is (a, t, "."))
        break;
    }
  return KG_NO_ENTITY;
}

typedef struct
{
  KgAnalysis *a;
  const KgWordList *verbs;
  gint       *mention_of;
  guint8     *quoted;
} Finder;

/* The first speech verb in [lo, hi) outside quotations, or hi. */
static guint
find_verb (Finder *f,
           guint   lo,
           guint   hi,
           guint  *len)
{
  for (guint t = lo; t < hi; t++)
    if (!f->quoted[t] && (*len = kg_word_list_match (f->verbs, f->a, t, hi)) > 0)
      return t;
  return hi;
}

/* The last speech verb in [lo, hi) outside quotations, or hi. */
static guint
find_verb_back (Finder *f,
                guint   lo,
                guint   hi,
                guint  *len)
{
  for (guint t = hi; t-- > lo;)
    if (!f->quoted[t] && (*len = kg_word_list_match (f->verbs, f->a, t, hi)) > 0)
      return t;
  return hi;
}

static guint
sentence_of (Finder *f,
             guint   t)
{
  return kg_token (f->a, MIN (t, f->a->tokens->len - 1))->sentence;
}

static const KgSentence *
sentence_at (Finder *f,
             guint   s)
{
  return &g_array_index (f->a->sentences, KgSentence, s);
}

static const char *const prepositions_words[] = {
  "of", "in", "at", "for", "with", "to", "from", "by", "on", "about", "against", "than", NULL
};
static KgWordSet prepositions = { prepositions_words };
static const char *const dashes_words[] = { "\u2015", "\u2014", "\u2013", "-", "--", NULL };
static KgWordSet dashes = { dashes_words };
static const char *const he_she_words[] = { "he", "she", NULL };
static KgWordSet he_she = { he_she_words };

/* The tokens after a closing mark that may attribute it: the rest of its
 * sentence, or the next sentence of the paragraph when the quotation ended
 * one ('"…?" Graham asked.'). */
static guint
after_window_end (Finder      *f,
                  const Quote *q)
{
  guint after = q->close + 1, hi;
  const KgSentence *s;

  if (after >= f->a->tokens->len)
    return after;
  s = sentence_at (f, sentence_of (f, after));
  if (sentence_of (f, after) != sentence_of (f, q->close)
      && (s->paragraph != q->paragraph || s->first_token != after))
    return after;
  hi = s->end_token;
  /* A sentence break the tokenizer put inside "McConnell, R-Ky., said". */
  while (hi < f->a->tokens->len && hi < after + AFTER_WINDOW && kg_token_is (f->a, hi, ","))
    hi = sentence_at (f, sentence_of (f, hi))->end_token;
  return MIN (hi, after + AFTER_WINDOW);
}

/* '"…," Jo Example sings' and '"…" ― Jo Example': the name right after the
 * closing mark, behind a comma inside the quotation or a dash. */
static guint
name_after (Finder      *f,
            const Quote *q,
            guint        hi)
{
  const KgAnalysis *a = f->a;
  guint t = q->close + 1;
  gboolean dash = t < hi && kg_token_in_set (a, t, &dashes);
  const KgMention *m;

  if (dash)
    t++;
  else if (!(q->close > 0 && kg_token_is (a, q->close - 1, ",")))
    return KG_NO_ENTITY;
  if (t >= hi)
    return KG_NO_ENTITY;
  if (!dash && kg_token_in_set (a, t, &he_she))
    return kg_entity_at (a, f->mention_of, f->quoted, t);
  m = f->mention_of[t] >= 0 ? &g_array_index (a->mentions, KgMention, f->mention_of[t]) : NULL;
  if (m == NULL || m->type == KG_ENTITY_PLACE)
    return KG_NO_ENTITY;
  if (!dash && !(m->end_token < hi && kg_token (a, m->end_token)->kind == KG_TOKEN_WORD
                 && g_unichar_islower (g_utf8_get_char (kg_token_text (a, m->end_token)))))
    return KG_NO_ENTITY;
  return m->entity;
}

/* The paragraph before, when it ends with a colon ("Caddell continued:"),
 * introduces a quotation that opens the next one. */
static guint
introduced_by (Finder      *f,
               const Quote *q)
{
  guint first = q->paragraph_first, len = 0, v;
  const KgSentence *s;

  if (q->open != first || first == 0 || !kg_token_is (f->a, first - 1, ":"))
    return KG_NO_ENTITY;
  s = sentence_at (f, sentence_of (f, first - 1));
  v = find_verb_back (f, s->first_token, first - 1, &len);
  if (v < first - 1)
    return kg_speech_subject (f->a, f->mention_of, f->quoted, v, len, s->first_token, first - 1);
  return KG_NO_ENTITY;
}

/* The nearest person or organisation named before token hi that is neither
 * governed by a preposition nor a possessor ("Acme's plan"). */
static guint
subject_before (Finder *f,
                guint   lo,
                guint   hi)
{
  const KgAnalysis *a = f->a;

  for (guint t = hi; t-- > lo;)
    {
      const KgMention *m = f->mention_of[t] >= 0
                           ? &g_array_index (a->mentions, KgMention, f->mention_of[t]) : NULL;

      if (m == NULL || f->quoted[t] || m->type == KG_ENTITY_PLACE)
        continue;
      t = m->first_token;
      if (kg_token_is_possessive (a, m->end_token)
          || (t > lo && kg_token_in_set (a, t - 1, &prepositions)))
        continue;
      return m->entity;
    }
  return KG_NO_ENTITY;
}

static guint
attribute (Finder      *f,
           const Quote *q)
{
  const KgSentence *open_s = sentence_at (f, sentence_of (f, q->open));
  const KgSentence *close_s = sentence_at (f, sentence_of (f, q->close));
  guint after = q->close + 1, lo, hi, v, len = 0, speaker;

  /* After: up to the next quotation or the sentence's end. */
  hi = q->closed ? after_window_end (f, q) : after;
  if (hi > after)
    {
      v = find_verb (f, after, hi, &len);
      /* 'Jo Example called it "…" and said the company would appeal': a
       * verb joined by "and" shares the subject before the quotation;
       * what follows it is what was said. */
      if (v < hi && kg_token_is (f->a, v - 1, "and")
          && (speaker = subject_before (f, open_s->first_token, q->open)) != KG_NO_ENTITY)
        return speaker;
      if (v < hi && (speaker = kg_speech_subject (f->a, f->mention_of, f->quoted, v, len, after, hi))
                    != KG_NO_ENTITY)
        return speaker;
      if ((speaker = name_after (f, q, hi)) != KG_NO_ENTITY)
        return speaker;
    }
  /* Before: from the sentence's start or the last quotation in it. */
  lo = open_s->first_token;
  for (guint t = q->open; t-- > lo;)
    if (f->quoted[t])
      {
        lo = t + 1;
        break;
      }
  v = find_verb_back (f, lo, q->open, &len);
  if (v < q->open && (speaker = kg_speech_subject (f->a, f->mention_of, f->quoted, v, len, lo, q->open))
                     != KG_NO_ENTITY)
    return speaker;
  if ((speaker = introduced_by (f, q)) != KG_NO_ENTITY)
    return speaker;
  /* Anywhere in the sentence, for a quotation inside one. */
  v = find_verb (f, open_s->first_token, close_s->end_token, &len);
  if (v < close_s->end_token
      && (speaker = kg_speech_subject (f->a, f->mention_of, f->quoted, v, len, open_s->first_token,
                                       close_s->end_token)) != KG_NO_ENTITY)
    return speaker;
  /* 'Jo Example has a new message: "…"', 'Jo Example attacked "…"': the
   * subject of the words that lead to it. */
  return subject_before (f, lo, q->open);
}

/* Unattributed quotations keep the speaker of the one before in their
 * paragraph, or of the last one in the paragraph before when they open
 * their own; the first of a paragraph may take the next one's. */
static void
inherit_speakers (GArray *quotes,
                  Finder *f)
{
  for (guint i = 1; i < quotes->len; i++)
    {
      Quote *q = &g_array_index (quotes, Quote, i);
      const Quote *prev = &g_array_index (quotes, Quote, i - 1);
      guint para_first = q->paragraph_first;

      if (q->speaker != KG_NO_ENTITY)
        continue;
      if (prev->paragraph == q->paragraph || q->continued
          || (q->open == para_first && prev->paragraph + 1 == q->paragraph))
        q->speaker = prev->speaker;
    }
  for (guint i = quotes->len; i-- > 1;)
    {
      Quote *q = &g_array_index (quotes, Quote, i - 1);
      const Quote *next = &g_array_index (quotes, Quote, i);

      if (q->speaker == KG_NO_ENTITY && next->paragraph == q->paragraph)
        q->speaker = next->speaker;
    }
}

void
kg_find_quotes (KgAnalysis *analysis,
                KgGraph    *graph,
                KgDocument *doc)
{
  g_autofree gint *mention_of = kg_mention_index (analysis);

  kg_find_quotes_indexed (analysis, graph, doc, mention_of);
}

void
kg_find_quotes_indexed (KgAnalysis *analysis,
                        KgGraph    *graph,
                        KgDocument *doc,
                        gint       *mention_of)
{
  g_autoptr(GArray) quotes = find_marks (analysis);
  g_autofree guint8 *quoted = quoted_tokens (analysis, quotes);
  static const KgWordList *verbs;
  Finder f = { analysis, kg_word_list_once (&verbs, "speech-verbs"), mention_of, quoted };

  for (guint i = 0; i < quotes->len; i++)
    {
      Quote *q = &g_array_index (quotes, Quote, i);

      q->speaker = attribute (&f, q);
    }
  inherit_speakers (quotes, &f);
  for (guint i = 0; i < quotes->len; i++)
    {
      const Quote *q = &g_array_index (quotes, Quote, i);
      gsize start = kg_token (analysis, q->open)->end;
      gsize end = q->close < analysis->tokens->len && q->closed
                  ? kg_token (analysis, q->close)->start
                  : kg_token (analysis, q->close - 1)->end;

      while (start < end && g_ascii_isspace (analysis->text[start]))
        start++;
      while (end > start && g_ascii_isspace (analysis->text[end - 1]))
        end--;
      if (end > start)
        kg_graph_add_quote (graph, NULL, q->speaker, doc->index, start, end);
    }
}
