/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include "kg-bytes.h"
#include "kg-tokenizer-private.h"

/*
 * What the tokenizer tells of each token's letters as it reads it
 * (KgAnalysis.token_case), for the tagger: most tokens are plain words,
 * which kg-tokenizer-private.h reads inline; the others come here.
 */

/* 1 capital, 2 small letter, 4 not ASCII. */
static const guint8 byte_class[256] = {
  ['A' ... 'Z'] = 1,
  ['a' ... 'z'] = 2,
  [0x80 ... 0xff] = 4,
};

/* The same classes as counts to add up: capitals, small letters, others. */
#define COUNT_SMALL (G_GUINT64_CONSTANT (1) << 21)
#define COUNT_OTHER (G_GUINT64_CONSTANT (1) << 42)
static const guint64 byte_counts[256] = {
  ['A' ... 'Z'] = 1,
  ['a' ... 'z'] = COUNT_SMALL,
  [0x80 ... 0xff] = COUNT_OTHER,
};

static G_GNUC_NO_INLINE guint8
unicode_token_case (const char *text,
                    gsize       length)
{
  gunichar first = g_utf8_get_char_validated (text, length);
  gboolean any = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    any |= g_unichar_isupper (g_utf8_get_char (p));
  return KG_CASE_UNICODE | (any ? KG_CASE_UPPER
                                : (first < 0x110000 && g_unichar_isalpha (first)) ? KG_CASE_LOWER_WORD : 0);
}

guint8
_kg_token_case (const char *text,
                gsize       length,
                gsize       room,
                guint      *n_upper,
                guint      *n_lower)
{
  guint upper = 0, lower = 0;
  guint other = 0;
  /* g_ascii_isalpha (text[0]) without the call: only letters land in a-z
   * this way. A word that starts with one has a letter to count. */
  gboolean alpha = (guint) (((guchar) text[0] | 0x20) - 'a') < 26;

  if (length - 1 < 8 && room >= 8)   /* 1 to 8 bytes, eight at a time */
    {
      /* Only the word's bytes stay, at the top: where they are does not
       * change the counts. */
      guint64 x = _kg_bytes_load (text) << (64 - 8 * length), caps;

      if (x & KG_BYTES (0x80))
        return unicode_token_case (text, length);
      caps = _kg_bytes_within (x, 'A', 'Z');
      if (alpha)
        {
          *n_upper += _kg_bytes_count (caps, 0x80);
          *n_lower += _kg_bytes_count (_kg_bytes_within (x, 'a', 'z'), 0x80);
        }
      return caps ? KG_CASE_UPPER : alpha ? KG_CASE_LOWER_WORD : 0;
    }
  /* Branch-free counting: one table look-up and one sum a byte, the three
   * counts side by side in 21-bit fields; a longer token counts one by one. */
  if (G_LIKELY (length < (1u << 21)))
    {
      guint64 sum = 0;

      for (gsize k = 0; k < length; k++)
        sum += byte_counts[(guchar) text[k]];
      upper = sum & 0x1fffff;
      lower = (sum >> 21) & 0x1fffff;
      other = (sum >> 42) ? 4 : 0;
    }
  else
    for (gsize k = 0; k < length; k++)
      {
        guint c = byte_class[(guchar) text[k]];
        upper += c & 1;
        lower += (c >> 1) & 1;
        other |= c;
      }
  if (other & 4)
    return unicode_token_case (text, length);
  if (alpha)
    {
      *n_upper += upper;
      *n_lower += lower;
    }
  return upper ? KG_CASE_UPPER : alpha ? KG_CASE_LOWER_WORD : 0;
}
