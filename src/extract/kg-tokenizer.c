/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-analysis.h"
#include "kg-bytes.h"
#include "kg-tokenizer-private.h"
#include "kg-words.h"

/*
 * Tokens, sentences and paragraphs in one pass over the bytes, then one pass
 * over the tokens. ASCII takes fast paths; everything else goes through the
 * GLib Unicode tables, so "Zürich", "Łódź" and curly quotes work alike.
 */

#define KG_MAX_SENTENCE_TOKENS 400

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

static inline gboolean
is_address_byte (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
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
      guint64 x = _kg_bytes_load (text + j), y = x & KG_BYTES (0x7f);
      /* Bytes not ASCII have their top bit set in x; with bit 0x20 set,
       * only the letters of either case land in a-z. */
      guint64 other = (~(_kg_bytes_within (y, '0', '9') | _kg_bytes_within (y | KG_BYTES (0x20), 'a', 'z')) | x) &
                      KG_BYTES (0x80);

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
/* The ASCII letters that may open a plain word; 2 for those of "http" and
 * "www", which are many common words too ("he", "which"). */
static const guint8 plain_first[256] = {
  ['A' ... 'Z'] = 1,
  ['a' ... 'g'] = 1, ['h'] = 2, ['i' ... 'v'] = 1, ['w'] = 2, ['x' ... 'z'] = 1,
};

/* The bytes after a run of letters and digits that make scan_word look
 * closer. */
static const guint8 plain_stop[256] = {
  [0x80 ... 0xff] = 1,
  ['-'] = 1, ['&'] = 1, ['\''] = 1, ['.'] = 1, ['@'] = 1, [0] = 1,
};

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

/* A stop ('.', '!', '?', '…') and a word ending in an abbreviation's dot
 * end in one of four bytes ('…' in 0xa6), which most tokens do not. */
static const guint8 stop_last[256] = { ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xa6] = 1 };

/* Until sentences are split, a token's sentence field says whether a line
 * break precedes it. */
#define NEWLINE_BEFORE(tokens, k) ((tokens)[k].sentence)

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
  guint    hashes_size;
  /* The tokens after which a sentence may end, in order: those ending in a
   * byte of stop_last and those before a line break (see split_sentences). */
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

static inline void
add_token (TokenBuffer *buffer,
           gsize        start,
           gsize        end,
           KgTokenKind  kind,
           guint8       newline,
           guint32      hash)
{
  KgToken *token;

  /* Appending one by one through GArray costs a division per token. */
  if (buffer->n == buffer->size)
    {
      g_array_set_size (buffer->array, MAX (64, buffer->size * 2));
      buffer->data = (KgToken *) buffer->array->data;
      buffer->size = buffer->array->len;
      if (buffer->size > buffer->hashes_size)
        {
          buffer->hashes_size = MAX (buffer->size, buffer->hashes_size * 2);
          buffer->hashes = g_realloc (buffer->hashes, kg_token_hashes_size (buffer->hashes_size));
        }
    }
  if (newline && buffer->n > 0)
    add_break (buffer, buffer->n - 1);
  token = &buffer->data[buffer->n++];
  token->start = start;
  token->end = end;
  token->kind = kind;
  token->sentence = newline;
  buffer->hashes[buffer->n - 1] = hash;
}

/* kg_word_hash() of the token, with no call for one in ASCII. */
static inline guint32
token_hash (const char *text,
            gsize       n,
            gsize       readable)
{
  gboolean high;
  guint32 h = _kg_hash_text (text, n, readable, &high);

  return G_LIKELY (!high) ? h : kg_word_hash_within (text, n, readable);
}

/* The tokens, and into buffer the breaks: a plain word ends in a letter or
 * digit, so only the other tokens may end in a stop. */
static void
scan_tokens (KgAnalysis  *analysis,
             TokenBuffer *out)
{
  TokenBuffer buffer = { analysis->tokens, (KgToken *) analysis->tokens->data, analysis->tokens->len,
                         analysis->tokens->len, NULL, 0, NULL, 0, 0 };
  const char *text = analysis->text;
  gsize length = analysis->length;
  gsize i = 0;
  guint8 newline = 0;

  /* Room for the tokens of most texts at once. */
  buffer.hashes_size = length / 4 + 64;
  buffer.hashes = g_malloc (kg_token_hashes_size (buffer.hashes_size));
  while (i < length)
    {
      gunichar c;
      gsize n;
      gboolean abbrev;
      KgTokenKind kind = KG_TOKEN_PUNCT;

      /* The plain cases first, with what scan_word would find. */
      if (text[i] == ' ')
        {
          i++;
          continue;
        }
      if ((n = plain_word (text, length, i)) > 0)
        {
          add_token (&buffer, i, i + n, KG_TOKEN_WORD, newline, _kg_hash_alnum (text + i, n, length - i));
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
      add_token (&buffer, i, i + n, kind, newline, token_hash (text + i, n, length - i));
      if (stop_last[(guchar) text[i + n - 1]])
        add_break (&buffer, buffer.n - 1);
      newline = 0;
      i += n;
      i += i < length && text[i] == ' ';
    }
  g_array_set_size (analysis->tokens, buffer.n);
  *out = buffer;
}

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
 * abbreviation's dot: most tokens end in no byte of stop_last, and their
 * other bytes are not read at all. */
static inline gboolean
may_end (const KgAnalysis *analysis,
         const KgToken    *token)
{
  guchar c = analysis->text[token->end - 1];

  if (!stop_last[c])
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

static void
split_sentences (KgAnalysis  *analysis,
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

void
kg_tokenize (KgAnalysis *analysis)
{
  TokenBuffer buffer;

  g_return_if_fail (analysis != NULL);

  g_array_set_size (analysis->tokens, 0);
  g_array_set_size (analysis->sentences, 0);
  g_array_set_size (analysis->paragraphs, 0);
  scan_tokens (analysis, &buffer);
  split_sentences (analysis, buffer.breaks, buffer.n_breaks);
  g_free (buffer.breaks);
  kg_analysis_take_hashes (analysis, buffer.hashes, buffer.n);
  /* Made from the old tokens, if any. */
  g_clear_pointer (&analysis->capitalised, g_array_unref);
}
