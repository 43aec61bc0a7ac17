/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-position-features.h"
#include "kg-tagger-model.h"

/*
 * Decoding a sentence for the tagger (kg-tagger.c): the emission scores of
 * its decoded tokens, from their words' summed scores and the weights of
 * their position features, then Viterbi over each stretch of them.
 */

/* A token's emission scores while they are summed. */
typedef struct
{
  KgScores4 lo;     /* labels 0-3 */
  KgScores4 hi;     /* labels 4-7 */
  float     last;
} Emission;

typedef gint16 Row8 __attribute__ ((vector_size (16)));
typedef gint32 Int4 __attribute__ ((vector_size (16)));

/* Each of the four weights of r from a, b, c, d twice over, in a 32-bit
 * lane: shifted down by 16, the lane holds the weight sign-extended. */
#ifdef __clang__
#define DOUBLE_WEIGHTS(r, a, b, c, d) ((Int4) __builtin_shufflevector ((r), (r), a, a, b, b, c, c, d, d))
#else
#define DOUBLE_WEIGHTS(r, a, b, c, d) ((Int4) __builtin_shuffle ((r), (Row8) { a, a, b, b, c, c, d, d }))
#endif

static inline void
add_scores (Emission    *e,
            const float *v)
{
  e->lo += _kg_scores4_load (v);
  e->hi += _kg_scores4_load (v + 4);
  e->last += v[8];
}

/* out[l] += row[l] * unscale, label by label. The weights become floats
 * in registers (sign-extended by a shuffle and a shift), where converting
 * the eight at once went through the stack. */
static inline void
add_row (const KgTagger *tagger,
         const gint16   *row,
         Emission       *e)
{
  Row8 r;

  memcpy (&r, row, sizeof r);
  e->lo += __builtin_convertvector (DOUBLE_WEIGHTS (r, 0, 1, 2, 3) >> 16, KgScores4) * tagger->unscale;
  e->hi += __builtin_convertvector (DOUBLE_WEIGHTS (r, 4, 5, 6, 7) >> 16, KgScores4) * tagger->unscale;
  e->last += row[8] * tagger->unscale;
}

/* The emission scores of the token at i into out; entry holds the
 * boundaries' entries just before and after the sentence's. */
static void
emission (const KgTagger      *tagger,
          const KgVocabEntry **entry,
          guint                i,
          const gint16 *const *rows,
          guint                n_features,
          float               *out)
{
  Emission sum = { { 0 }, { 0 }, 0 };

  for (int k = -KG_WINDOW; k <= KG_WINDOW; k++)
    add_scores (&sum, entry[(int) i + k]->scores[k + KG_WINDOW]);
  for (guint p = 0; p < n_features; p++)
    add_row (tagger, rows[p], &sum);
  _kg_scores4_store (out, sum.lo);
  _kg_scores4_store (out + 4, sum.hi);
  out[8] = sum.last;
}

/* The emission scores of every decoded token of the sentence, at
 * em + i * KG_N_LABELS; the decoded tokens are among needed. */
static void
emissions (const KgTagger      *tagger,
           const KgTagSentence *ts,
           const KgVocabEntry **entry,
           const guint8        *tf,
           const guint         *needed,
           guint                n_needed,
           float               *em)
{
  guint32 feats[KG_MAX_POS_FEATURES];
  /* The features' weight rows, found once for the prefetch and the sum. */
  const gint16 *rows[64][KG_MAX_POS_FEATURES];
  guint n_feats[64], at[64];
  guint x = 0;
  /* The last token decoded and its right pair: the next one's left, when
   * it follows at once (as the words of a name do). */
  guint last = G_MAXUINT;
  guint32 right = 0;

  while (x < n_needed)
    {
      guint k = 0;

      /* Fetch the weight rows of the sentence's tokens at once (64 at
       * most): they are scattered over the table, and waiting for each in
       * turn is most of the cost. */
      for (; x < n_needed && k < G_N_ELEMENTS (at); x++)
        if (tf[needed[x]] & TF_ACTIVE)
          {
            at[k] = needed[x];
            n_feats[k] = _kg_position_features_with (ts, at[k], at[k] > 0 && at[k] - 1 == last ? right
                                                     : _kg_lower_pair (ts, at[k]), &right, feats);
            last = at[k];
            for (guint p = 0; p < n_feats[k]; p++)
              {
                rows[k][p] = tagger->table + (gsize) (feats[p] & tagger->mask) * KG_N_LABELS;
                __builtin_prefetch (rows[k][p]);
              }
            k++;
          }
      for (guint c = 0; c < k; c++)
        emission (tagger, entry, at[c], rows[c], n_feats[c], em + at[c] * KG_N_LABELS);
    }
}

void
_kg_decode_sentence (const KgTagger      *tagger,
                     const KgTagSentence *ts,
                     const KgVocabEntry **entry,
                     const guint8        *tf,
                     const guint         *needed,
                     guint                n_needed,
                     const KgVocabEntry  *bos,
                     const KgVocabEntry  *eos,
                     float               *em,
                     guint8              *labels)
{
  guint x = 0;

  G_STATIC_ASSERT (KG_WINDOW == 1);
  entry[-1] = bos;
  entry[ts->n] = eos;
  emissions (tagger, ts, entry, tf, needed, n_needed, em);
  /* A stretch of decoded tokens is as long a run of needed ones. */
  while (x < n_needed)
    {
      guint i = needed[x], end = i;

      if (!(tf[i] & TF_ACTIVE))
        {
          x++;
          continue;
        }
      while (end < ts->n && (tf[end] & TF_ACTIVE))
        end++;
      _kg_viterbi (tagger->transitions, i > 0, end < ts->n, em + i * KG_N_LABELS, end - i, labels + i);
      x += end - i;
    }
}
