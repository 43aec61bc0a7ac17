/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-analysis.h"
#include "kg-bytes.h"
#include "kg-tokenizer-plain.h"
#include "kg-tokenizer-private.h"
#include "kg-words.h"

/*
 * Tokens in one pass over the bytes, with what the later stages ask of
 * each, then sentences and paragraphs in one pass over the tokens
 * (kg-sentences.c). ASCII takes fast paths; everything else goes through
 * the GLib Unicode tables, so "Zürich", "Łódź" and curly quotes work
 * alike.
 */

static inline gunichar
char_at (const char *text,
         gsize       length,
         gsize       i)
{
  if (i >= length)
    return 0;
  if ((guchar) text[i] < 0x80)
    return (guchar) text[i];
  return g_utf8_get_char_validated (text + i, length - i);
}

static inline gsize
char_len (const char *text,
          gsize       i)
{
  guchar c = text[i];
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static inline gboolean
is_letter (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static inline gboolean
is_digit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : (c != (gunichar) -1 && g_unichar_isdigit (c));
}

static inline gboolean
is_alnum (gunichar c)
{
  return is_letter (c) || is_digit (c);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c);
  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isspace (c);
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_quote_char (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case 0x201c: case 0x201d: case 0x2018: case 0x2019:
    case 0x00ab: case 0x00bb: case 0x201e: case 0x201a: case 0x2039: case 0x203a:
    case 0x201f: case 0x300c: case 0x300d:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The length of a clitic ('s 're 've 'll 'd 'm) starting at an apostrophe at
 * i, or 0. */
static gsize
clitic_length (const char *text,
               gsize       length,
               gsize       i)
{
  gsize a = char_len (text, i), n;

  /* The first letter tells the one clitic it may be; quotes and "n't" are
   * passed over there. */
  if (i + a >= length)
    return 0;
  switch (text[i + a])
    {
    case 's': case 'S': case 'd': case 'm':
      n = 1;
      break;
    case 'r': case 'v': case 'l':   /* 're 've 'll */
      n = 2;
      if (i + a + 1 >= length || text[i + a + 1] != (text[i + a] == 'l' ? 'l' : 'e'))
        return 0;
      break;
    default:
      return 0;
    }
  return is_alnum (char_at (text, length, i + a + n)) ? 0 : a + n;
}

static gboolean
has_prefix (const char *text,
            gsize       length,
            gsize       i,
            const char *prefix)
{
  gsize n = strlen (prefix);
  return i + n <= length && memcmp (text + i, prefix, n) == 0;
}

static gsize
scan_url (const char *text,
          gsize       length,
          gsize       i)
{
  gsize j = i;

  if (!(has_prefix (text, length, i, "http://") || has_prefix (text, length, i, "https://") ||
        (has_prefix (text, length, i, "www.") && is_alnum (char_at (text, length, i + 4)))))
    return 0;
  if (length - i < 8 && text[i] == 'h')
    return 0;
  while (j < length && !is_space (char_at (text, length, j)) &&
         !(j > i && is_quote_char (char_at (text, length, j)) && text[j] != '\''))
    j += char_len (text, j);
  /* Punctuation right after a URL belongs to the sentence. */
  while (j > i && strchr (".,;:!?)]'", text[j - 1]) != NULL)
    j--;
  return j - i;
}

/* "name@example.com" from i, where a word ends at word_end: the length, or
 * 0. */
static gsize
scan_email (const char *text,
            gsize       length,
            gsize       i,
            gsize       word_end)
{
  gsize j = word_end, at, dot = 0;

  /* No word holds an '@': the run of address bytes from i ends at one
   * only if all the word's bytes are in it, and the run goes on from the
   * word's end to that '@'. Most words before a '.' end a sentence, and
   * are passed over here without a second look. */
  while (j < length && is_address_byte (text[j]))
    j++;
  if (j >= length || text[j] != '@')
    return 0;
  j = i;
  while (j < length && is_address_byte (text[j]))
    j++;
  if (j >= length || text[j] != '@' || j == i)
    return 0;
  at = ++j;
  while (j < length && (g_ascii_isalnum (text[j]) || text[j] == '-' ||
                        (text[j] == '.' && j + 1 < length && g_ascii_isalnum (text[j + 1]))))
    dot = text[j++] == '.' ? j : dot;
  return dot > at && j > dot ? j - i : 0;
}

static gsize
scan_number (const char *text,
             gsize       length,
             gsize       i)
{
  gsize j = i + (text[i] == '.');   /* ".596" */

  for (;;)
    {
      gunichar c = char_at (text, length, j);
      if (is_alnum (c))
        j += char_len (text, j);
      else if (c != 0 && strchr (".,:/-", c) != NULL && is_digit (char_at (text, length, j + 1)))
        j++;
      else
        return j - i;
    }
}

/* Letters separated by single dots ("U.S.", "e.g.", "a.m."): the length
 * including the final dot, or 0. */
static gsize
scan_dotted (const char *text,
             gsize       length,
             gsize       i)
{
  gsize j = i;
  guint parts = 0;

  while (is_letter (char_at (text, length, j)) && char_at (text, length, j + char_len (text, j)) == '.')
    {
      j += char_len (text, j) + 1;
      parts++;
    }
  if (parts >= 2 && !is_letter (char_at (text, length, j)))
    return j - i;
  return 0;
}

/* Where the run of ASCII letters and digits from j ends, eight bytes at a
 * time while they can be read. */
static inline gsize
alnum_run (const char *text,
           gsize       length,
           gsize       j)
{
  while (j + 8 <= length)
    {
      guint64 other = not_alnum (_kg_bytes_load (text + j));

      if (other != 0)
        return j + __builtin_ctzll (other) / 8;
      j += 8;
    }
  while (j < length && g_ascii_isalnum (text[j]))
    j++;
  return j;
}

static gsize
scan_word (const char *text,
           gsize       length,
           gsize       i,
           gboolean   *abbrev)
{
  gsize j = scan_dotted (text, length, i);

  *abbrev = j > 0;
  if (j > 0)
    return j;
  j = i;
  for (;;)
    {
      gunichar c;

      /* Plain ASCII letters and digits first: most of any text. */
      j = alnum_run (text, length, j);
      c = char_at (text, length, j);
      if (is_alnum (c))
        j += char_len (text, j);
      else if ((c == '-' || c == 0x2011) && is_alnum (char_at (text, length, j + char_len (text, j))))
        j += char_len (text, j);
      else if (c == '&' && j > i && g_ascii_isupper (text[j - 1]) && g_ascii_isupper (text[j + 1] ))
        j++;
      else if (is_apostrophe (c) && j > i && clitic_length (text, length, j) == 0 &&
               is_letter (char_at (text, length, j + char_len (text, j))))
        j += char_len (text, j);
      else
        break;
    }
  if (char_at (text, length, j) == '.')
    {
      gsize n = j - i;
      gboolean initial = n == 1 && g_ascii_isupper (text[i]);
      gboolean number_abbrev = n == 2 && strncmp (text + i, "No", 2) == 0;
      guint lists = initial || n > KG_LONGEST_ABBREV ? 0 : _kg_word_lists (text + i, n);

      if (initial || (lists & KG_IN_TITLE_ABBREVS) ||
          (number_abbrev ? is_digit (char_at (text, length, j + 2)) || is_digit (char_at (text, length, j + 1))
                         : (lists & KG_IN_OTHER_ABBREVS)))
        {
          *abbrev = TRUE;
          return n + 1;
        }
    }
  return j - i;
}

/* The length of a word of ASCII letters and digits at i that ends before
 * an ASCII byte that cannot continue it, end an abbreviation or start an
 * address; else 0, for scan_word to look closer. */
static inline gsize
plain_word (const char *text,
            gsize       length,
            gsize       i)
{
  gsize j = i + 1;
  guchar c = text[i];

  /* "U.S." and URLs have their own scans; scan_url finds none where the
   * text does not open with "http" or "www.". */
  if (!plain_first[c] || (j < length && text[j] == '.') ||
      (plain_first[c] == 2 && i + 4 <= length &&
       (memcmp (text + i, "http", 4) == 0 || memcmp (text + i, "www.", 4) == 0)))
    return 0;
  j = alnum_run (text, length, j);
  c = j < length ? text[j] : ' ';
  if (plain_stop[c])
    return 0;
  return j - i;
}

static gsize
scan_punct (const char *text,
            gsize       length,
            gsize       i)
{
  gsize j = i;

  if (text[i] == '!' || text[i] == '?')
    {
      while (j < length && (text[j] == '!' || text[j] == '?'))
        j++;
      return j - i;
    }
  if (text[i] == '.' || text[i] == '-')
    {
      while (j < length && text[j] == text[i])
        j++;
      return j - i;
    }
  return char_len (text, i);
}

/* The token's facts get room for as many tokens as the array has. */
static G_GNUC_NO_INLINE void
grow_facts (TokenBuffer *buffer)
{
  buffer->hashes = g_realloc (buffer->hashes, kg_token_hashes_size (buffer->size));
  buffer->cases = g_renew (guint8, buffer->cases, buffer->size);
  buffer->shapes = g_renew (guint16, buffer->shapes, buffer->size);
  buffer->capitals = g_renew (guint, buffer->capitals, buffer->size);
}

/* Room for more tokens: appending one by one through GArray costs a
 * division per token. */
static G_GNUC_NO_INLINE void
add_room (TokenBuffer *buffer)
{
  g_array_set_size (buffer->array, MAX (64, buffer->size * 2));
  buffer->data = (KgToken *) buffer->array->data;
  buffer->size = buffer->array->len;
  grow_facts (buffer);
}

static inline void
add_token (TokenBuffer *buffer,
           gsize        start,
           gsize        end,
           KgTokenKind  kind,
           guint8       newline)
{
  KgToken *token;

  if (buffer->n == buffer->size)
    add_room (buffer);
  if (newline && buffer->n > 0)
    add_break (buffer, buffer->n - 1);
  token = &buffer->data[buffer->n++];
  token->start = start;
  token->end = end;
  token->kind = kind;
  token->sentence = newline;
}

/* What the later stages ask of the token just added. */
static inline void
add_facts (TokenBuffer *buffer,
           guint32      hash,
           guint8       token_case,
           guint16      shape,
           gboolean     capital)
{
  guint k = buffer->n - 1;

  buffer->hashes[k] = hash;
  buffer->cases[k] = token_case;
  buffer->shapes[k] = shape;
  buffer->capitals[buffer->n_capitals] = k;
  buffer->n_capitals += capital;
}

/* add_facts() for a token that is no plain word. */
static void
add_other_facts (TokenBuffer *buffer,
                 const char  *text,
                 gsize        n,
                 gsize        room)
{
  guint upper = 0, lower = 0;
  guint8 token_case = _kg_token_case (text, n, room, &upper, &lower);
  guchar c = text[0];

  add_facts (buffer, kg_word_hash_within (text, n, room), token_case, _kg_shape_key (text, n, token_case),
             c < 0x80 ? (guint) (c - 'A') < 26 : g_unichar_isupper (g_utf8_get_char (text)));
}

/* The tokens, and into buffer the breaks: the tokens after which a
 * sentence may end (short_words() adds those it reads itself). */
static void
scan_tokens (KgAnalysis  *analysis,
             TokenBuffer *out)
{
  TokenBuffer buffer = { .array = analysis->tokens, .n = analysis->tokens->len };
  const char *text = analysis->text;
  gsize length = analysis->length;
  gsize i = 0;
  guint8 newline = 0;

  /* Room for the tokens of most texts at once (as many as the analysis
   * reserved): the token's facts grow with them. */
  g_array_set_size (buffer.array, KG_TOKENS_RESERVED (length));
  buffer.data = (KgToken *) buffer.array->data;
  buffer.size = buffer.array->len;
  grow_facts (&buffer);
  while (i < length)
    {
      gunichar c;
      gsize n;
      gboolean abbrev;
      KgTokenKind kind = KG_TOKEN_PUNCT;

      /* The plain cases first, with what scan_word would find. */
      i = short_words (&buffer, text, length, i, &newline);
      if (i >= length)
        break;
      if (text[i] == ' ')
        {
          i++;
          continue;
        }
      if ((n = plain_word (text, length, i)) > 0)
        {
          guint32 hash;
          guint8 token_case = _kg_plain_word_case (text + i, n, length - i, &hash);

          add_token (&buffer, i, i + n, KG_TOKEN_WORD, newline);
          add_facts (&buffer, hash, token_case, _kg_shape_key (text + i, n, token_case),
                     (guint) ((guchar) text[i] - 'A') < 26);
          newline = 0;
          i += n;
          /* and the space that most often follows, without a turn of the
           * loop */
          i += i < length && text[i] == ' ';
          continue;
        }
      c = char_at (text, length, i);
      if (is_space (c) || c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          newline |= c == '\n' || c == 0x2029 || c == 0x2028;
          i += c == (gunichar) -1 || c == (gunichar) -2 ? 1 : char_len (text, i);
          continue;
        }
      if ((c == 'h' || c == 'w') && (n = scan_url (text, length, i)) > 0)
        kind = KG_TOKEN_URL;
      else if (is_digit (c) || (c == '.' && g_ascii_isdigit (i + 1 < length ? text[i + 1] : 0) &&
                                (i == 0 || !g_ascii_isalnum (text[i - 1]))))
        {
          n = scan_number (text, length, i);
          kind = KG_TOKEN_NUMBER;
        }
      else if (is_letter (c))
        {
          gsize m;

          n = scan_word (text, length, i, &abbrev);
          kind = KG_TOKEN_WORD;
          /* Only a word running into '@' or '.' can start an address. */
          if (i + n < length && (text[i + n] == '@' || text[i + n] == '.' || text[i + n - 1] == '.') &&
              (m = scan_email (text, length, i, i + n)) > 0)
            {
              n = m;
              kind = KG_TOKEN_URL;
            }
        }
      else if (is_apostrophe (c) && (n = clitic_length (text, length, i)) > 0 &&
               (i == 0 || is_alnum (char_at (text, length, i - 1)) || text[i - 1] == ' ' ||
                text[i - 1] == '.'))
        kind = KG_TOKEN_WORD;
      else if (is_quote_char (c))
        {
          n = char_len (text, i);
          kind = KG_TOKEN_QUOTE;
        }
      else
        n = scan_punct (text, length, i);
      add_token (&buffer, i, i + n, kind, newline);
      add_other_facts (&buffer, text + i, n, length - i);
      if (_kg_stop_last[(guchar) text[i + n - 1]])
        add_break (&buffer, buffer.n - 1);
      newline = 0;
      i += n;
      i += i < length && text[i] == ' ';
    }
  g_array_set_size (analysis->tokens, buffer.n);
  *out = buffer;
}

void
kg_tokenize (KgAnalysis *analysis)
{
  TokenBuffer buffer;

  g_return_if_fail (analysis != NULL);

  g_array_set_size (analysis->tokens, 0);
  g_array_set_size (analysis->sentences, 0);
  g_array_set_size (analysis->paragraphs, 0);
  scan_tokens (analysis, &buffer);
  _kg_split_sentences (analysis, buffer.breaks, buffer.n_breaks);
  g_free (buffer.breaks);
  kg_analysis_take_hashes (analysis, buffer.hashes, buffer.n);
  g_free (analysis->token_case);
  analysis->token_case = buffer.cases;
  g_free (analysis->token_shapes);
  analysis->token_shapes = buffer.shapes;
  g_clear_pointer (&analysis->capitalised, g_array_unref);
  analysis->capitalised = g_array_sized_new (FALSE, FALSE, sizeof (guint), buffer.n_capitals);
  g_array_append_vals (analysis->capitalised, buffer.capitals, buffer.n_capitals);
  g_free (buffer.capitals);
}
