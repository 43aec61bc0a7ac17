/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>
#ifdef __SSE__
#include <xmmintrin.h>
#endif

#include "kg-position-features.h"

/*
 * Features for the entity tagger. Each is a 32-bit hash of a template and a
 * value; the model reduces it to a row of its weight table. Word features
 * depend only on the word and its offset from the tagged token, so the
 * tagger can add them up once per distinct word.
 */

#define MAX_KEY KG_MAX_KEY

gsize
_kg_lower_into (const char *word,
                gsize       length,
                char       *buf)
{
  gsize n = MIN (length, MAX_KEY);

  if (!_kg_ascii_lower_into (word, n, buf))
    {
      g_autofree char *down = g_utf8_strdown (word, length);
      n = MIN (strlen (down), MAX_KEY);
      memcpy (buf, down, n);
    }
  return n;
}

static inline gboolean
is_ascii (const char *word,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) word[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Character classes as the shapes write them; ASCII without a table look-up
 * in GLib, the same answers as g_unichar_* give. */
static inline char
shape_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isupper (c) ? 'X' : g_ascii_islower (c) ? 'x' : g_ascii_isdigit (c) ? 'd' : (char) c;
  return g_unichar_isupper (c) ? 'X' : g_unichar_islower (c) ? 'x' :
         g_unichar_isdigit (c) ? 'd' : g_unichar_isalpha (c) ? 'x' : '*';
}

static inline gunichar
next_char (const char **p)
{
  gunichar c = (guchar) **p;

  if (c < 0x80)
    {
      (*p)++;
      return c;
    }
  c = g_utf8_get_char (*p);
  *p = g_utf8_next_char (*p);
  return c;
}

/* The hash of the word in lower case (at most MAX_KEY bytes of it), as
 * the T_LOWER template keys it. */
guint32
_kg_lower_hash (const char *word,
                gsize       length)
{
  char buf[MAX_KEY];
  gsize n;

  for (n = 0; n < length; n++)
    if ((guchar) word[n] >= 0x80 || (word[n] >= 'A' && word[n] <= 'Z'))
      break;
  if (n == length)   /* already lower case */
    return _kg_plain_lower_hash (word, length);
  n = _kg_lower_into (word, length, buf);
  return _kg_plain_lower_hash (buf, n);
}

G_STATIC_ASSERT (T_LOWER == KG_TEMPLATE_LOWER);

void
_kg_word_keys (const char *word,
               gsize       length,
               guint32    *lower,
               guint32    *sshape,
               guint8     *cap)
{
  char buf[MAX_KEY];
  char small[16];
  gsize n = _kg_lower_into (word, length, buf);
  guint k = 0;
  gunichar first = (guchar) word[0] < 0x80 ? (guchar) word[0] : g_utf8_get_char_validated (word, length);
  gboolean any_upper = FALSE;

  for (const char *p = word; p < word + length && k < sizeof small; )
    {
      gunichar c = next_char (&p);
      char s = shape_char (c);
      any_upper |= s == 'X';
      if (k == 0 || small[k - 1] != s)
        small[k++] = s;
    }
  *lower = _kg_template_hash (T_LOWER, buf, n);
  *sshape = _kg_template_hash (T_SSHAPE, small, k);
  *cap = first < 0x80 ? (g_ascii_isupper (first) ? 1 : (!any_upper && g_ascii_isalpha (first)) ? 2 : 0)
                      : g_unichar_isupper (first) ? 1 : (!any_upper && g_unichar_isalpha (first)) ? 2 : 0;
}

static guint
flags_of (const char *word,
          gsize       length,
          gsize       n_chars)
{
  guint flags = 0;
  gboolean all_upper = TRUE, has_letter = FALSE;

  for (const char *p = word; p < word + length; )
    {
      gunichar c = next_char (&p);
      char sc = shape_char (c);
      if (sc == 'X' || sc == 'x')
        {
          has_letter = TRUE;
          all_upper &= sc == 'X';
        }
      flags |= sc == 'd' ? 1 : c == '-' ? 2 : c == '.' ? 4 : (c == '\'' || c == 0x2019) ? 8 : 0;
    }
  if (has_letter && all_upper)
    flags |= 16;
  if (shape_char ((guchar) word[0] < 0x80 ? (guchar) word[0] : g_utf8_get_char (word)) == 'X')
    flags |= 32;
  return flags | (MIN (n_chars, 8) << 6);
}

/* What a word's features are made of, computed once for all offsets. */
typedef struct
{
  guint32 lower, sshape, suffix3, shape, word, flags;
  guint32 affixes[8];
  guint   n_affixes;
  guint   lex;
} WordBase;

static void
word_base (const KgLexicon *lexicon,
           const char      *word,
           gsize            length,
           WordBase        *base)
{
  char lower[MAX_KEY];
  gsize n = _kg_lower_into (word, length, lower);
  char shape[MAX_KEY * 4 + 8], sshape[MAX_KEY * 4 + 8];
  gsize ns = 0, nss = 0;
  gboolean ascii = is_ascii (lower, n);
  glong n_chars = ascii ? (glong) n : g_utf8_strlen (lower, n);
  const char *suffix = ascii ? lower + MAX (0, n_chars - 3) : g_utf8_offset_to_pointer (lower, MAX (0, n_chars - 3));
  char prev = 0;
  guint run = 0;

  for (const char *p = word; p < word + length && ns < MAX_KEY * 4; )
    {
      char sc = shape_char (next_char (&p));
      run = sc == prev ? run + 1 : 1;
      if (run <= 4)
        shape[ns++] = sc;
      if (run == 1)
        sshape[nss++] = sc;
      prev = sc;
    }
  base->lower = _kg_template_hash (T_LOWER, lower, n);
  base->sshape = _kg_template_hash (T_SSHAPE, sshape, nss);
  base->shape = _kg_template_hash (T_SHAPE, shape, ns);
  base->suffix3 = _kg_template_hash (T_SUF + 8, suffix, lower + n - suffix);
  base->word = _kg_template_hash (T_WORD, word, MIN (length, MAX_KEY));
  base->flags = _kg_mix (T_FLAGS, flags_of (word, length, n_chars));
  base->lex = _kg_lexicon_word_classes (lexicon, word, length);
  base->n_affixes = 0;
  for (glong k = 1; k <= 4 && k <= n_chars; k++)
    {
      const char *end = ascii ? lower + k : g_utf8_offset_to_pointer (lower, k);
      const char *start = ascii ? lower + n_chars - k : g_utf8_offset_to_pointer (lower, n_chars - k);
      base->affixes[base->n_affixes++] = _kg_template_hash (T_PRE + 16 * k, lower, end - lower);
      base->affixes[base->n_affixes++] = _kg_template_hash (T_SUF + 16 * k, start, lower + n - start);
    }
}

static guint
word_features_at (const WordBase *base,
                  int             offset,
                  guint32        *out)
{
  guint32 off = (guint32) (offset + 16) * 0x01000193u;
  guint count = 0;

#define ADD(h) (out[count++] = _kg_mix ((h), off))
  ADD (base->lower);
  ADD (base->sshape);
  for (guint c = 0; c < KG_N_LEX; c++)
    if (base->lex & (1u << c))
      ADD (_kg_mix (T_LEX, c));
  if (offset >= -1 && offset <= 1)
    {
      ADD (base->suffix3);
      ADD (base->shape);
    }
  if (offset == 0)
    {
      ADD (T_BIAS);
      ADD (base->word);
      ADD (base->flags);
      for (guint k = 0; k < base->n_affixes; k++)
        ADD (base->affixes[k]);
    }
#undef ADD
  g_assert (count <= KG_MAX_WORD_FEATURES);
  return count;
}

guint
_kg_word_features (const KgLexicon *lexicon,
                   const char      *word,
                   gsize            length,
                   int              offset,
                   guint32         *out)
{
  WordBase base;

  word_base (lexicon, word, length, &base);
  return word_features_at (&base, offset, out);
}

guint
_kg_position_features (const KgTagSentence *s,
                       guint                i,
                       guint32             *out)
{
  guint32 right;

  return _kg_position_features_with (s, i, _kg_lower_pair (s, i), &right, out);
}

gboolean
_kg_is_all_caps_sentence (const KgTagToken *tokens,
                          guint             n)
{
  guint upper = 0, lower = 0;

  for (guint i = 0; i < n; i++)
    {
      gunichar c = (guchar) tokens[i].text[0];
      gboolean ascii = TRUE;
      guint u = 0, l = 0;

      if (c < 0x80 && !g_ascii_isalpha (c))
        continue;
      for (guint k = 0; k < tokens[i].length; k++)
        {
          guchar b = tokens[i].text[k];
          ascii &= b < 0x80;
          u += g_ascii_isupper (b);
          l += g_ascii_islower (b);
        }
      if (ascii)
        {
          upper += u;
          lower += l;
          continue;
        }
      c = g_utf8_get_char (tokens[i].text);
      if (!g_unichar_isalpha (c))
        continue;
      for (const char *p = tokens[i].text; p < tokens[i].text + tokens[i].length; p = g_utf8_next_char (p))
        {
          c = g_utf8_get_char (p);
          upper += g_unichar_isupper (c);
          lower += g_unichar_islower (c);
        }
    }
  return upper >= 2 && lower * 4 < upper;
}

void
_kg_doc_flags (KgTagSentence *sentences,
               guint          n_sentences)
{
  g_autoptr(GHashTable) flags = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < n_sentences; s++)
    for (guint i = 0; i < sentences[s].n; i++)
      {
        guint f = 0;
        gpointer key = GUINT_TO_POINTER (sentences[s].lower[i]);

        if (sentences[s].cap[i] == 1 && i > 0 && !sentences[s].all_caps)
          f = KG_DOC_TITLE_MID;
        else if (sentences[s].cap[i] == 2)
          f = KG_DOC_LOWER;
        if (f != 0)
          g_hash_table_insert (flags, key, GUINT_TO_POINTER (f | GPOINTER_TO_UINT (g_hash_table_lookup (flags, key))));
      }
  for (guint s = 0; s < n_sentences; s++)
    for (guint i = 0; i < sentences[s].n; i++)
      sentences[s].doc_flags[i] = GPOINTER_TO_UINT (g_hash_table_lookup (flags, GUINT_TO_POINTER (sentences[s].lower[i])));
}

const char *
_kg_boundary_word (int side)
{
  return side < 0 ? "\x02<s>" : "\x02</s>";
}

void
_kg_vocab_entry_fill (KgVocabEntry    *entry,
                      const KgLexicon *lexicon,
                      const gint16    *table,
                      guint32          mask,
                      float            unscale,
                      const char      *word,
                      gsize            length,
                      guint            offsets)
{
  guint8 cap;
  WordBase base;
  guint counts[KG_N_OFFSETS] = { 0 };
  guint32 all[KG_N_OFFSETS][KG_MAX_WORD_FEATURES];

  if (entry->filled == 0)
    {
      _kg_word_keys (word, length, &entry->lower, &entry->sshape, &cap);
      entry->cap = cap;
      entry->length = length;
      memset (entry->head, 0, sizeof entry->head);
      memcpy (entry->head, word, MIN (length, sizeof entry->head));
      memset (entry->scores, 0, sizeof entry->scores);
    }
  word_base (lexicon, word, length, &base);
  entry->lex = base.lex;
  offsets &= ~entry->filled;
  entry->filled |= offsets;
  /* Ask for every row first: they are scattered over the table. */
  for (int k = 0; k < KG_N_OFFSETS; k++)
    {
      if (!(offsets & (1u << k)))
        continue;
      counts[k] = word_features_at (&base, k - KG_WINDOW, all[k]);
      for (guint f = 0; f < counts[k]; f++)
        __builtin_prefetch (table + (gsize) (all[k][f] & mask) * KG_N_LABELS);
    }
  for (int k = 0; k < KG_N_OFFSETS; k++)
    {
      float *out = entry->scores[k];
      for (guint f = 0; f < counts[k]; f++)
        {
          const gint16 *row = table + (gsize) (all[k][f] & mask) * KG_N_LABELS;
          for (int l = 0; l < KG_N_LABELS; l++)
            out[l] += row[l] * unscale;
        }
    }
}

void
_kg_mask_transitions (const float *transitions,
                      float       *masked)
{
  /* Forbidden moves (O → I-X) cost too much ever to win. */
  for (int p = 0; p <= KG_N_LABELS; p++)
    for (int l = 0; l < KG_N_LABELS; l++)
      masked[p * KG_N_LABELS + l] = _kg_transition_allowed (p == KG_N_LABELS ? -1 : p, l)
                                    ? transitions[p * KG_N_LABELS + l] : -1e30f;
}

gboolean
_kg_transition_allowed (int prev,
                        int cur)
{
  if (cur == KG_LABEL_O || KG_LABEL_IS_BEGIN (cur))
    return TRUE;
  /* I-X only continues X. */
  return prev > 0 && KG_LABEL_CLASS (prev) == KG_LABEL_CLASS (cur);
}

/* The greater of best and v lane by lane, best where they are equal (or
 * either is not a number): what maxps does, and the same choice as a loop
 * that keeps the first of equals. */
static inline KgScores4
keep_greater (KgScores4 best,
              KgScores4 v)
{
#ifdef __SSE__
  return (KgScores4) _mm_max_ps ((__m128) v, (__m128) best);
#else
  KgMask4 better = v > best;

  return (KgScores4) (((KgMask4) v & better) | ((KgMask4) best & ~better));
#endif
}

/* One position of Viterbi, the best scores only, all labels at once: which
 * previous label gave each is found again while tracing back, for the one
 * label that wins there, instead of kept for all nine. I-X tries every
 * previous label too, not only B-X and I-X: the others cost -1e30 to move
 * from and never win, since B-X can always be reached. */
static void
viterbi_step (const float *trans,
              const float *prev,
              const float *emission,
              float       *score)
{
  KgScores4 best_lo = { -1e31f, -1e31f, -1e31f, -1e31f }, best_hi = best_lo;
  /* I-MISC, the last label, is reached from B-MISC and I-MISC only: the
   * others cost -1e30 and lose to B-MISC, whose score is always finite. */
  float best_last = prev[KG_LABEL_B_MISC] + trans[KG_LABEL_B_MISC * KG_N_LABELS + KG_LABEL_I_MISC];
  float from_inside = prev[KG_LABEL_I_MISC] + trans[KG_LABEL_I_MISC * KG_N_LABELS + KG_LABEL_I_MISC];

  G_STATIC_ASSERT (KG_LABEL_I_MISC == 8 && KG_LABEL_B_MISC == 7);
  if (from_inside > best_last)
    best_last = from_inside;
  for (int p = 0; p < KG_N_LABELS; p++)
    {
      const float *row = trans + p * KG_N_LABELS;

      best_lo = keep_greater (best_lo, prev[p] + _kg_scores4_load (row));
      best_hi = keep_greater (best_hi, prev[p] + _kg_scores4_load (row + 4));
    }
  _kg_scores4_store (score, best_lo + _kg_scores4_load (emission));
  _kg_scores4_store (score + 4, best_hi + _kg_scores4_load (emission + 4));
  score[8] = best_last + emission[8];
}

/* The previous label that gave label its best score, as viterbi_step
 * compared them: in order, the first of equals kept. */
static guint8
best_previous (const float *trans,
               const float *prev,
               guint8       label)
{
  float best = -1e31f;
  guint8 arg = 0;

  for (int p = 0; p < KG_N_LABELS; p++)
    {
      float v = prev[p] + trans[p * KG_N_LABELS + label];

      if (v > best)
        {
          best = v;
          arg = p;
        }
    }
  return arg;
}

void
_kg_viterbi (const float *transitions,
             gboolean     after_o,
             gboolean     before_o,
             const float *emissions,
             guint        n,
             guint8      *labels)
{
  float score_small[64 * KG_N_LABELS];
  /* Most stretches are short: no call to free nothing for them. */
  float *score = n > 64 ? g_new (float, (gsize) n * KG_N_LABELS) : score_small;
  const float *trans = transitions;
  const float *start = transitions + (after_o ? KG_LABEL_O : KG_N_LABELS) * KG_N_LABELS;

  if (n == 0)
    return;
  for (int l = 0; l < KG_N_LABELS; l++)
    score[l] = start[l] + emissions[l];
  for (guint i = 1; i < n; i++)
    viterbi_step (trans, score + (i - 1) * KG_N_LABELS, emissions + i * KG_N_LABELS, score + i * KG_N_LABELS);
  {
    float best = -1e31f;
    for (int l = 0; l < KG_N_LABELS; l++)
      {
        float v = score[(n - 1) * KG_N_LABELS + l] + (before_o ? trans[l * KG_N_LABELS + KG_LABEL_O] : 0);
        if (v > best)
          {
            best = v;
            labels[n - 1] = l;
          }
      }
  }
  for (guint i = n - 1; i > 0; i--)
    labels[i - 1] = best_previous (trans, score + (i - 1) * KG_N_LABELS, labels[i]);
  if (n > 64)
    g_free (score);
}
