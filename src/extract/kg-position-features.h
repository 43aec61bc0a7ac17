/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-tagger-private.h"

G_BEGIN_DECLS

/*
 * The features' templates and their mixing (kg-features.c), and the
 * position features inline: the tagger asks for those of every decoded
 * token (kg-tagger-decode.c), where a call costs as much as a few of them.
 */

enum
{
  T_BIAS = 1, T_WORD, T_LOWER, T_SHAPE, T_SSHAPE, T_PRE, T_SUF, T_FLAGS, T_LEX,
  T_FIRST, T_CAPS_LOWER, T_CAPS_SHAPE, T_BIGRAM_L, T_BIGRAM_R, T_SHAPE3, T_SPAN,
  T_DOC, T_DOC_CAPS, T_FIRST_LOWER,
};

/* Two hashes (or a template and a value) mixed into one: a macro, so that
 * a table of the features of constants is made of constants. */
#define KG_MIX_FIRST(a, b)    ((guint32) ((guint32) (a) * 0x9e3779b1u ^ \
                                          ((guint32) (b) + 0x7f4a7c15u + ((guint32) (a) << 6) + \
                                           ((guint32) (a) >> 2))))
#define KG_MIX_XORSHIFT(h, n) ((h) ^ ((h) >> (n)))
#define KG_MIX(a, b)          KG_MIX_XORSHIFT ((guint32) (KG_MIX_XORSHIFT (KG_MIX_FIRST (a, b), 15) * 0x2c1b3c6du), 12)

static inline guint32
_kg_mix (guint32 a,
         guint32 b)
{
  return KG_MIX (a, b);
}

/* _kg_mix (T_DOC_CAPS, _kg_mix (flags, caps)), from a table for the few
 * values there are: most decoded tokens have document flags. */
#define KG_DOC_CAPS_AT(f, c) KG_MIX (T_DOC_CAPS, KG_MIX (f, c))
#define KG_DOC_CAPS_ROW(f)   { KG_DOC_CAPS_AT (f, 0), KG_DOC_CAPS_AT (f, 1), KG_DOC_CAPS_AT (f, 2), KG_DOC_CAPS_AT (f, 3) }

static inline guint32
_kg_doc_caps_feature (guint flags,
                      guint caps)
{
  static const guint32 table[4][4] = {
    KG_DOC_CAPS_ROW (0), KG_DOC_CAPS_ROW (1), KG_DOC_CAPS_ROW (2), KG_DOC_CAPS_ROW (3)
  };

  if (G_UNLIKELY (flags > 3 || caps > 3))
    return _kg_mix (T_DOC_CAPS, _kg_mix (flags, caps));
  return table[flags][caps];
}

/* The lower cases of tokens i - 1 (or the sentence's start) and i mixed,
 * which the bigram features of both tokens mix in. */
static inline guint32
_kg_lower_pair (const KgTagSentence *s,
                guint                i)
{
  return _kg_mix (i > 0 ? s->lower[i - 1] : 1, s->lower[i]);
}

/* _kg_position_features(), inline, given _kg_lower_pair (s, i) as left;
 * the pair of tokens i and i + 1 (or the sentence's end) into *right, the
 * next token's left. */
static inline guint
_kg_position_features_with (const KgTagSentence *s,
                            guint                i,
                            guint32              left,
                            guint32             *right,
                            guint32             *out)
{
  guint count = 0;
  guint32 prev_shape = i > 0 ? s->sshape[i - 1] : 1;
  guint32 next_shape = i + 1 < s->n ? s->sshape[i + 1] : 2;

#define ADD(h) (out[count++] = (h))
  if (i == 0)
    {
      ADD (_kg_mix (T_FIRST, s->sshape[i]));
      ADD (_kg_mix (T_FIRST_LOWER, s->lower[i]));
    }
  if (s->all_caps)
    {
      ADD (_kg_mix (T_CAPS_LOWER, s->lower[i]));
      ADD (_kg_mix (T_CAPS_SHAPE, s->sshape[i]));
    }
  *right = _kg_mix (s->lower[i], i + 1 < s->n ? s->lower[i + 1] : 2);
  ADD (_kg_mix (T_BIGRAM_L, left));
  ADD (_kg_mix (T_BIGRAM_R, *right));
  ADD (_kg_mix (T_SHAPE3, _kg_mix (_kg_mix (prev_shape, s->sshape[i]), next_shape)));
  for (int k = -1; k <= 1 && s->lex_span != NULL; k++)
    {
      guint j = i + k;
      if (j < s->n && s->lex_span[j] != 0)
        ADD (_kg_mix (T_SPAN + 32 * (k + 2), s->lex_span[j]));
    }
  if (s->doc_flags[i] != 0)
    {
      ADD (_kg_mix (T_DOC, _kg_mix (s->doc_flags[i], s->sshape[i])));
      ADD (_kg_doc_caps_feature (s->doc_flags[i], s->all_caps * 2 + (i == 0)));
    }
#undef ADD
  g_assert (count <= KG_MAX_POS_FEATURES);
  return count;
}

G_END_DECLS
