/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kg-analysis.h"
#include "kg-bytes.h"
#include "kg-tokenizer-private.h"
#include "kg-words.h"

G_BEGIN_DECLS

/*
 * The tokenizer's fast path (kg-tokenizer.c, the one file to include this):
 * plain words, the marks of one byte, quotes and clitics, read eight bytes
 * at a time with the tokens' arrays in locals: a function of its own, so
 * that they stay in registers, which the scan's other cases would take;
 * anything it does not know it leaves to the scans of kg-tokenizer.c, which
 * find the same tokens.
 */

static inline gboolean
is_address_byte (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* The top bit of each of the eight bytes of x that is no ASCII letter or
 * digit, up to the first such byte, or none where there is none: all that
 * the lowest bit set and a test for 0 ask. A byte not in ASCII may carry
 * into the next ones in the sums, and is not masked off for them. */
static inline guint64
not_alnum (guint64 x)
{
  /* Bytes not ASCII have their top bit set in x; with bit 0x20 set, only
   * the letters of either case land in a-z. */
  return (~(_kg_bytes_within (x, '0', '9') | _kg_bytes_within (x | KG_BYTES (0x20), 'a', 'z')) | x) &
         KG_BYTES (0x80);
}

/* The ASCII letters that may open a plain word; 2 for those of "http" and
 * "www", which are many common words too ("he", "which"). */
static const guint8 plain_first[256] = {
  ['A' ... 'Z'] = 1,
  ['a' ... 'g'] = 1, ['h'] = 2, ['i' ... 'v'] = 1, ['w'] = 2, ['x' ... 'z'] = 1,
};

/* The bytes after a run of letters and digits that make scan_word look
 * closer; and the colon, after which "http" opens a URL. */
static const guint8 plain_stop[256] = {
  [0x80 ... 0xff] = 1,
  ['-'] = 1, ['&'] = 1, ['\''] = 1, ['.'] = 1, ['@'] = 1, [0] = 1, [':'] = 1,
};

/* The ASCII marks that are a token of their own byte, as scan_punct reads
 * them; the dot, which may be more; and the double quote: 1 + their
 * KgTokenKind. */
#define LONE (1 + KG_TOKEN_PUNCT)
static const guint8 lone_punct[256] = {
  ['#'] = LONE, ['$'] = LONE, ['%'] = LONE, ['&'] = LONE, ['('] = LONE, [')'] = LONE,
  ['*'] = LONE, ['+'] = LONE, [','] = LONE, ['/'] = LONE, [':'] = LONE, [';'] = LONE,
  ['<'] = LONE, ['='] = LONE, ['>'] = LONE, ['@'] = LONE, ['['] = LONE, ['\\'] = LONE,
  [']'] = LONE, ['^'] = LONE, ['_'] = LONE, ['`'] = LONE, ['{'] = LONE, ['|'] = LONE,
  ['}'] = LONE, ['~'] = LONE, ['.'] = LONE, ['"'] = 1 + KG_TOKEN_QUOTE,
};

/* The marks U+2000 to U+203F, by the last of their three bytes (0xe2 0x80
 * and this), that are a token of their own, as scan_punct and
 * is_quote_char() read them: the dashes and the curly quotes but for the
 * apostrophe, which may be more. */
static const guint8 general_punct[256] = {
  [0x93] = LONE, [0x94] = LONE, [0x95] = LONE,
  [0x98] = 1 + KG_TOKEN_QUOTE, [0x9a] = 1 + KG_TOKEN_QUOTE, [0x9c] = 1 + KG_TOKEN_QUOTE,
  [0x9d] = 1 + KG_TOKEN_QUOTE, [0x9e] = 1 + KG_TOKEN_QUOTE, [0x9f] = 1 + KG_TOKEN_QUOTE,
};
#undef LONE

/* The tokens while they are scanned: the array's data and size in locals,
 * which the stores of the tokens would otherwise have loaded again. */
typedef struct
{
  GArray  *array;
  KgToken *data;
  guint    n;
  guint    size;
  /* Each token's kg_word_hash(), written as it is read: the later stages
   * ask for them all, and a pass of its own would read every token
   * again. */
  guint32 *hashes;
  /* Per token, what the tagger asks of each (see KgAnalysis); the tokens
   * that start with a capital. */
  guint8  *cases;
  guint16 *shapes;
  guint   *capitals;
  guint    n_capitals;   /* the arrays above have room for size tokens */
  /* The tokens after which a sentence may end, in order: those ending in a
   * byte of _kg_stop_last and those before a line break. */
  guint   *breaks;
  guint    n_breaks;
  guint    breaks_size;
} TokenBuffer;

/* Inline, as add_token is: the buffer's address handed to a call would
 * keep its fields in memory, loaded again after each token's store. */
static inline void
add_break (TokenBuffer *buffer,
           guint        k)
{
  if (buffer->n_breaks > 0 && buffer->breaks[buffer->n_breaks - 1] == k)
    return;
  if (buffer->n_breaks == buffer->breaks_size)
    {
      buffer->breaks_size = MAX (64, buffer->breaks_size * 2);
      buffer->breaks = g_renew (guint, buffer->breaks, buffer->breaks_size);
    }
  buffer->breaks[buffer->n_breaks++] = k;
}

/* What scan_word makes of a plain word and the dot after it. */
typedef enum
{
  DOT_UNKNOWN,   /* it looks closer: a number, "U.S.", an address */
  DOT_APART,     /* the word alone */
  DOT_TAKEN,     /* an abbreviation, with its dot */
} WordDot;

/* How scan_word reads the plain word of end bytes at i before a dot: only
 * where no address goes on after the dot. */
static inline WordDot
word_before_dot (const char *text,
                 gsize       length,
                 gsize       i,
                 gsize       end)
{
  guchar after;

  if (i + end + 1 >= length)
    return DOT_UNKNOWN;
  after = text[i + end + 1];
  /* an address, or a URL ("www." before a letter or digit, which may be
   * one not in ASCII) */
  if (is_address_byte (after) || after == '@' || (after >= 0x80 && end == 3 && memcmp (text + i, "www", 3) == 0))
    return DOT_UNKNOWN;
  if (end > KG_LONGEST_ABBREV)
    return DOT_APART;
  /* "No." before a number; and after a letter and its dot, scan_dotted
   * asks whether a letter not in ASCII goes on ("a.é.") */
  if ((end == 2 && memcmp (text + i, "No", 2) == 0) || (end == 1 && after >= 0x80))
    return DOT_UNKNOWN;
  /* initials */
  if (end == 1 && g_ascii_isupper (text[i]))
    return DOT_TAKEN;
  return _kg_word_lists (text + i, end) & (KG_IN_TITLE_ABBREVS | KG_IN_OTHER_ABBREVS) ? DOT_TAKEN : DOT_APART;
}

/* The word hash's first step, from the seed and a length below 16: a
 * load rather than two constants and a product a word. */
#define SEEDED(n) KG_HASH_STEP (KG_HASH_SEED, (guint64) (n))
static const guint64 hash_seeded[16] = {
  SEEDED (0), SEEDED (1), SEEDED (2), SEEDED (3), SEEDED (4), SEEDED (5), SEEDED (6), SEEDED (7),
  SEEDED (8), SEEDED (9), SEEDED (10), SEEDED (11), SEEDED (12), SEEDED (13), SEEDED (14), SEEDED (15),
};
#undef SEEDED

/* At an apostrophe ('\'' or '’') in the lowest bytes of x, eight bytes of
 * text: its length into *a (0 for none), and the letters of the clitic
 * after it ('s 're 've 'll 'd 'm) as clitic_length() finds them, or 0; -1
 * where that asks about a character not in ASCII. */
static inline gint
apostrophe_clitic (guint64  x,
                   guint   *a)
{
  guint64 y;
  guint k, after;

  *a = (x & 0xff) == '\'' ? 1 : (x & 0xffffff) == 0x9980e2 ? 3 : 0;
  y = x >> (8 * *a);
  switch (y & 0xff)
    {
    case 's': case 'S': case 'd': case 'm':
      k = 1;
      break;
    case 'r': case 'v':
      k = ((y >> 8) & 0xff) == 'e' ? 2 : 0;
      break;
    case 'l':
      k = ((y >> 8) & 0xff) == 'l' ? 2 : 0;
      break;
    default:
      k = 0;
    }
  if (k == 0)
    return 0;
  after = (y >> (8 * k)) & 0xff;
  if (after >= 0x80)
    return -1;
  return g_ascii_isalnum (after) ? 0 : (gint) k;
}

/* Whether scan_word ends a plain word before the apostrophe at j: before
 * a clitic, or where no letter follows it. */
static inline gboolean
word_before_apostrophe (const char *text,
                        gsize       length,
                        gsize       j)
{
  guint64 x;
  guint a, next;
  gint k;

  if (j + 8 > length)
    return FALSE;
  x = _kg_bytes_load (text + j);
  k = apostrophe_clitic (x, &a);
  next = (x >> (8 * a)) & 0xff;
  return a > 0 && k >= 0 && (k > 0 || (next < 0x80 && !g_ascii_isalpha (next)));
}

/* The common tokens from i, while sixteen bytes can be read and the
 * arrays have room: plain words of fewer than sixteen bytes with the one
 * space after them, numbers, marks of one byte, curly quotes and dashes,
 * clitics, abbreviations with their dot, and line breaks between them;
 * most of a text's tokens. One load of each eight bytes gives the
 * word's length, its hash and its case, with the tokens' arrays in locals
 * for the run; the first token that is no such word is left to
 * scan_tokens (the same tokens as plain_word() and _kg_plain_word_case()
 * find). Returns where it stopped. */
static G_GNUC_NO_INLINE gsize
short_words (TokenBuffer *buffer,
             const char  *text,
             gsize        length,
             gsize        i,
             guint8      *newline)
{
  /* The token after a line break, whose sentence field says so
   * (NEWLINE_BEFORE), set once it is written: not a test at every token. */
  guint after_line = *newline ? buffer->n : G_MAXUINT;
  KgToken *data = buffer->data;
  guint n = buffer->n, size = buffer->size, n_capitals = buffer->n_capitals;
  guint32 *hashes = buffer->hashes;
  guint8 *cases = buffer->cases;
  guint16 *shapes = buffer->shapes;
  guint *capitals = buffer->capitals;

  /* after a line break that scan_tokens read: its break now, as below */
  if (*newline && n > 0)
    add_break (buffer, n - 1);
  while (i + 8 <= length && n < size)
    {
      guint64 x = _kg_bytes_load (text + i), x2 = 0, other, h, caps = 0, mask;
      guint32 hash;
      guint first = x & 0xff, stop, end;
      guint8 token_case = 0;
      guint16 shape = KG_SHAPE_NEVER;
      KgTokenKind kind = KG_TOKEN_WORD;

      if (!plain_first[first])
        {
          /* a space that is not the one after a token */
          if (first == ' ')
            {
              i++;
              continue;
            }
          if (first == '\n')
            {
              /* The break add_token() makes before the next token: where
               * none follows, the sentence ends at the last token all the
               * same. */
              if (after_line < n)
                data[after_line].sentence = 1;
              if (n > 0)
                add_break (buffer, n - 1);
              after_line = n;
              i++;
              continue;
            }
          if (first - '0' < 10)
            {
              guint next;

              /* A number: its letters and digits, where scan_number goes
               * on past no separator (".,:/-" before a digit). */
              other = not_alnum (x);
              if (other == 0)
                break;
              end = __builtin_ctzll (other) / 8;
              stop = (x >> (8 * end)) & 0xff;
              next = end < 7 ? (x >> (8 * end + 8)) & 0xff : 0x80;
              if (stop >= 0x80 || ((stop == '.' || stop == ',' || stop == ':' || stop == '/' || stop == '-') &&
                                   (next >= 0x80 || g_ascii_isdigit (next))))
                break;
              kind = KG_TOKEN_NUMBER;
              hash = _kg_hash_finish (_kg_plain_piece (_kg_hash_step (KG_HASH_SEED, end), x, end, &caps));
              token_case = caps & KG_BYTES (0x40) ? KG_CASE_UPPER : 0;
              goto store;
            }
          /* A mark of one byte; a dot ends a sentence, unless it starts a
           * number or a run of dots. */
          stop = (x >> 8) & 0xff;
          if (lone_punct[first] && !(first == '.' && (stop == '.' || g_ascii_isdigit (stop))))
            {
              if (first == '.')
                add_break (buffer, n);
              end = 1;
              kind = lone_punct[first] - 1;
            }
          else if ((x & 0xffff) == 0x80e2 && general_punct[(x >> 16) & 0xff])
            {
              end = 3;
              stop = (x >> 24) & 0xff;
              kind = general_punct[(x >> 16) & 0xff] - 1;
              token_case = KG_CASE_UNICODE;
            }
          else if ((x & 0xffff) == 0xa0c2)
            {
              /* the no-break space, U+00A0 */
              i += 2;
              continue;
            }
          else if (first == '\'' || (x & 0xffffff) == 0x9980e2)
            {
              guint a;
              gint k = apostrophe_clitic (x, &a);
              guint prev = i > 0 ? (guchar) text[i - 1] : ' ';
              guint64 folded;

              if (k < 0)
                break;
              /* A clitic after a word, a space or a dot; else a quote
               * mark. The curly apostrophe hashes as '\''. */
              if (!(g_ascii_isalnum (prev) || prev == ' ' || prev == '.'))
                k = 0;
              end = a + k;
              stop = (x >> (8 * end)) & 0xff;
              kind = k > 0 ? KG_TOKEN_WORD : KG_TOKEN_QUOTE;
              folded = '\'' | ((x >> (8 * a)) & ((G_GUINT64_CONSTANT (1) << (8 * k)) - 1)) << 8;
              token_case = (a > 1 ? KG_CASE_UNICODE : 0) | (_kg_bytes_within (folded, 'A', 'Z') ? KG_CASE_UPPER : 0);
              hash = _kg_hash_finish (_kg_hash_step (_kg_hash_step (KG_HASH_SEED, 1 + k), _kg_bytes_lower (folded)));
              goto store;
            }
          else
            break;
          /* A mark's bytes: no capital to lower-case, and no curly
           * apostrophe to fold, for the hash. */
          hash = _kg_hash_finish (_kg_hash_step (_kg_hash_step (KG_HASH_SEED, end),
                                                 x & (G_MAXUINT64 >> (64 - 8 * end))));
          goto store;
        }
      other = not_alnum (x);
      if (other != 0)
        {
          /* at least 1: the first byte is a letter */
          end = __builtin_ctzll (other) / 8;
          stop = (x >> (8 * end)) & 0xff;
          /* the bytes below the lowest bit 0x80 of other: the word's */
          mask = ((other & -other) >> 7) - 1;
        }
      else
        {
          /* eight to fifteen bytes */
          if (i + 16 > length || (other = not_alnum (x2 = _kg_bytes_load (text + i + 8))) == 0)
            break;
          end = 8 + __builtin_ctzll (other) / 8;
          stop = (x2 >> (8 * (end - 8))) & 0xff;
          mask = G_MAXUINT64;
        }
      if (plain_stop[stop])
        {
          /* Of the URLs, "http:" and "https:" open with a plain word
           * before a colon, and "www." with one before a dot
           * (word_before_dot()); scan_url finds none before other bytes. */
          WordDot dot = stop == '.' ? word_before_dot (text, length, i, end)
                        : stop == ':' ? ((guint32) x == 0x70747468 ? DOT_UNKNOWN : DOT_APART)
                        : word_before_apostrophe (text, length, i + end) ? DOT_APART : DOT_UNKNOWN;

          if (dot == DOT_UNKNOWN)
            break;
          if (dot == DOT_TAKEN)
            {
              /* The abbreviation ends in its dot, after which a sentence
               * may end; it is of at most KG_LONGEST_ABBREV + 1 bytes, all
               * in x. */
              add_break (buffer, n);
              end++;
              stop = (x >> (8 * end)) & 0xff;
              mask = mask << 8 | 0xff;
            }
        }
      h = _kg_plain_piece_masked (hash_seeded[end], x, mask, &caps);
      if (end > 8)
        h = _kg_plain_piece (h, x2, end - 8, &caps);
      hash = _kg_hash_finish (h);
      token_case = caps & KG_BYTES (0x40) ? KG_CASE_UPPER : KG_CASE_LOWER_WORD;
      if (token_case == KG_CASE_LOWER_WORD)
        shape = (((first - 'a') & 31) << 6) | end;
      /* only a word starts with a capital: its first byte, a letter,
       * before 'a' */
      capitals[n_capitals] = n;
      n_capitals += first < 'a';
    store:
      data[n] = (KgToken) { i, i + end, kind, 0 };
      hashes[n] = hash;
      cases[n] = token_case;
      shapes[n] = shape;
      n++;
      i += end + (stop == ' ');
    }
  buffer->n = n;
  buffer->n_capitals = n_capitals;
  if (after_line < n)
    data[after_line].sentence = 1;
  *newline = after_line == n;
  return i;
}

G_END_DECLS
