/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * Eight bytes of text at a time in a 64-bit word, for the scans that run
 * over every token (kg-tokenizer.c, kg-tagger.c): one pass without a loop
 * whose end the processor must guess at every word.
 */

/* The byte b in each of the eight bytes. */
#define KG_BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* The top bit of each byte of y (all below 0x80) that is within lo..hi:
 * no sum reaches 0x100, so bytes do not carry into each other. */
static inline guint64
_kg_bytes_within (guint64 y,
                  guchar  lo,
                  guchar  hi)
{
  return (y + KG_BYTES (0x80 - lo)) & ~(y + KG_BYTES (0x80 - hi - 1)) & KG_BYTES (0x80);
}

/* Eight bytes from text, the first in the lowest. */
static inline guint64
_kg_bytes_load (const char *text)
{
  guint64 x;

  memcpy (&x, text, sizeof x);
  return GUINT64_FROM_LE (x);
}

/* How many of the eight bytes of x have the bit flag set: one bit a byte,
 * summed into the top byte. */
static inline guint
_kg_bytes_count (guint64 x,
                 guint8  flag)
{
  return (((x & KG_BYTES (flag)) / flag) * KG_BYTES (1)) >> 56;
}

/* Eight bytes of text at p, of which rest (1 to 8) are the word's and
 * readable may be read: the others 0. One load when eight may be read. */
static inline guint64
_kg_bytes_load_part (const char *p,
                     gsize       rest,
                     gsize       readable)
{
  guint64 w = 0;

  if (readable >= 8)
    return _kg_bytes_load (p) & (G_MAXUINT64 >> (8 * (8 - rest)));
  for (gsize k = 0; k < rest; k++)
    w |= (guint64) (guchar) p[k] << (8 * k);
  return w;
}

/* The word hash (kg_word_hash() in kg-words.h) goes eight bytes a step,
 * from a seed mixed with the length, and ends with a finish. */
#define KG_HASH_SEED G_GUINT64_CONSTANT (0x243f6a8885a308d3)
/* A step as a constant expression, for tables of steps. */
#define KG_HASH_STEP(h, w) (((h) ^ (w)) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15))

static inline guint64
_kg_hash_step (guint64 h,
               guint64 w)
{
  return KG_HASH_STEP (h, w);
}

static inline guint32
_kg_hash_finish (guint64 h)
{
  h ^= h >> 32;
  h *= G_GUINT64_CONSTANT (0xd6e8feb86659fd93);
  return (guint32) (h ^ (h >> 29));
}

/* Lower-cases the ASCII capitals among eight bytes, leaving the others. */
static inline guint64
_kg_bytes_lower (guint64 w)
{
  /* A byte of 0x80 or more may look like a capital in its low seven bits:
   * ~w keeps it as it is. */
  return w | ((_kg_bytes_within (w & KG_BYTES (0x7f), 'A', 'Z') & ~w) >> 2);
}

/* The hash of length bytes, folding only ASCII case: the word hash of a
 * word in ASCII (the word hash folds the curly apostrophe too). readable
 * bytes may be read from word (at least length): with eight past the end,
 * the last piece is one load. *high is set when a byte is not ASCII. */
static inline guint32
_kg_hash_text (const char *word,
               gsize       length,
               gsize       readable,
               gboolean   *high)
{
  guint64 h = _kg_hash_step (KG_HASH_SEED, length), w, any = 0;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      w = _kg_bytes_load (word + i);
      any |= w;
      h = _kg_hash_step (h, _kg_bytes_lower (w));
    }
  if (i < length)
    {
      w = _kg_bytes_load_part (word + i, length - i, readable - i);
      any |= w;
      h = _kg_hash_step (h, _kg_bytes_lower (w));
    }
  *high = (any & KG_BYTES (0x80)) != 0;
  return _kg_hash_finish (h);
}

G_END_DECLS
