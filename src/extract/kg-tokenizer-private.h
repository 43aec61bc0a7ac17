/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kg-analysis.h"
#include "kg-bytes.h"

G_BEGIN_DECLS

/* The lists of words the tokenizer knows (kg-tokenizer-words.c). */
enum
{
  KG_IN_TITLE_ABBREVS     = 1,   /* "Mr", "Gen": never end a sentence */
  KG_IN_OTHER_ABBREVS     = 2,   /* "Inc", "Jan": may end one */
  KG_IN_SENTENCE_STARTERS = 4,   /* "The", "He": start one after those */
};

/* The lists a word is on, KG_IN_*: as written or, in capitals, as
 * capitalised. */
guint       _kg_word_lists            (const char       *word,
                                       gsize             length);
/* The length of the longest abbreviation ("approx"): a longer word is
 * none, and is not looked up. */
#define KG_LONGEST_ABBREV 6

/* A stop ('.', '!', '?', '…') and a word ending in an abbreviation's dot
 * end in one of four bytes ('…' in 0xa6), which most tokens do not
 * (kg-sentences.c). */
extern const guint8 _kg_stop_last[256];

/* Until sentences are split, a token's sentence field says whether a line
 * break precedes it. */
#define NEWLINE_BEFORE(tokens, k) ((tokens)[k].sentence)

/* Sentences and paragraphs of the tokens, which may end after the tokens
 * of breaks: those ending in a byte of _kg_stop_last and those before a
 * line break, in order (kg-sentences.c). */
void        _kg_split_sentences       (KgAnalysis       *analysis,
                                       const guint      *breaks,
                                       guint             n_breaks);

/* The tokens an analysis of length bytes has room for at first: those of
 * most texts. */
#define KG_TOKENS_RESERVED(length) ((length) / 4 + 64)

/* What one look at a token's bytes tells of its letters
 * (KgAnalysis.token_case). */
enum
{
  KG_CASE_UPPER      = 1 << 0,   /* has a capital letter */
  KG_CASE_LOWER_WORD = 1 << 1,   /* a word in lower case */
  KG_CASE_UNICODE    = 1 << 4,   /* not all ASCII */
};

/* KG_CASE_* of a token, and for a word in ASCII (that starts with a
 * letter) its capitals and small letters added to *n_upper and *n_lower.
 * room bytes may be read at text (at least length): with eight, a short
 * token is one load (kg-token-case.c). */
guint8      _kg_token_case            (const char       *text,
                                       gsize             length,
                                       gsize             room,
                                       guint            *n_upper,
                                       guint            *n_lower);

/* _kg_token_case() and the word hash (kg_word_hash()) of a plain word
 * (ASCII letters and digits, the first a letter), for the words
 * short_words() leaves to the tokenizer's general path: one load of each eight bytes for both, which
 * _kg_plain_piece_masked() adds (the bytes whose mask is all ones) to the
 * hash and the capitals. Of those bytes, a capital has the bit 0x40
 * without 0x20; the others have 0x20, which lower-cases them for the
 * hash. */
static inline guint64
_kg_plain_piece_masked (guint64  h,
                        guint64  x,
                        guint64  mask,
                        guint64 *caps)
{
  x &= mask;
  *caps |= x & ~(x << 1);
  return _kg_hash_step (h, x | (KG_BYTES (0x20) & mask));
}

/* The same, for the first bytes (1 to 8) of x. */
static inline guint64
_kg_plain_piece (guint64  h,
                 guint64  x,
                 gsize    bytes,
                 guint64 *caps)
{
  return _kg_plain_piece_masked (h, x, G_MAXUINT64 >> (8 * (8 - bytes)), caps);
}

static inline guint8
_kg_plain_word_case (const char *text,
                     gsize       length,
                     gsize       room,
                     guint32    *hash)
{
  guint64 h = _kg_hash_step (KG_HASH_SEED, length), caps = 0;

  for (gsize k = 0; k < length; k += 8)
    {
      gsize rest = MIN (length - k, 8);

      h = _kg_plain_piece (h, _kg_bytes_load_part (text + k, rest, room - k), rest, &caps);
    }
  *hash = _kg_hash_finish (h);
  return caps & KG_BYTES (0x40) ? KG_CASE_UPPER : KG_CASE_LOWER_WORD;
}

/* Which lower-case words may be a decoded word's, by shape
 * (KgAnalysis.token_shapes): a key is 64 × row + length, a row a first
 * letter a-z (32 rows, so that any byte finds one), lengths up to 48; then
 * a row for no token and one for every token. */
#define KG_SHAPE_ROWS   34
#define KG_SHAPE_NEVER  (32u << 6)
#define KG_SHAPE_ALWAYS (33u << 6)

/* A token's shape key, from its KG_CASE_* and its (original) text: the
 * others' row for any but a word in lower case, every token's for one not
 * in ASCII, else 64 * ((first byte - 'a') & 31) + MIN (length, 48). */
static inline guint16
_kg_shape_key (const char *text,
               gsize       length,
               guint8      token_case)
{
  if (!(token_case & KG_CASE_LOWER_WORD))
    return KG_SHAPE_NEVER;
  if (token_case & KG_CASE_UNICODE)
    return KG_SHAPE_ALWAYS;
  return (guint16) (((((guchar) text[0] - 'a') & 31) << 6) | MIN (length, 48));
}

G_END_DECLS
