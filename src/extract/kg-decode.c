/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-decode.h"

G_DEFINE_QUARK (kg-decode-error-quark, kg_decode_error)

#define TITLE_MAX_CHARS 160

static char *
convert_utf16 (const char  *bytes,
               gsize        length,
               const char  *charset,
               gsize       *out_length,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = g_convert (bytes, length, "UTF-8", charset, NULL, out_length, &local_error);

  if (text == NULL)
    g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_ENCODING,
                 "starts with a %s byte-order mark but is not valid %s (%s)",
                 charset, charset, local_error->message);
  return text;
}

/* Windows-1252 leaves five bytes undefined, which iconv refuses; Latin-1
 * maps every byte, so it is the last resort. */
static char *
convert_legacy (const char *bytes,
                gsize       length,
                gsize      *out_length)
{
  char *text = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, out_length, NULL);

  if (text == NULL)
    text = g_convert (bytes, length, "UTF-8", "ISO-8859-1", NULL, out_length, NULL);
  return text;
}

/* Text has few control characters besides line breaks and tabs. */
static gboolean
looks_like_text (const char *text,
                 gsize       length)
{
  gsize controls = 0, chars = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      chars++;
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ||
          (c >= 0x7f && c < 0xa0))
        controls++;
    }
  return controls * 10 <= chars;
}

static gboolean
only_white_space (const char *text,
                  gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xFEFF)
      return FALSE;
  return TRUE;
}

char *
kg_decode_text (const char  *bytes,
                gsize        length,
                gsize       *out_length,
                GError     **error)
{
  g_autofree char *text = NULL;
  gsize text_length = 0;

  if (length == 0)
    {
      g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_EMPTY, "is empty");
      return NULL;
    }
  if (length > KG_MAX_ARTICLE_BYTES)
    {
      g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_TOO_LARGE,
                   "is %" G_GSIZE_FORMAT " MB; articles larger than %d MB are refused",
                   length / (1024 * 1024), KG_MAX_ARTICLE_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length >= 2 && (guchar) bytes[0] == 0xFF && (guchar) bytes[1] == 0xFE)
    text = convert_utf16 (bytes + 2, length - 2, "UTF-16LE", &text_length, error);
  else if (length >= 2 && (guchar) bytes[0] == 0xFE && (guchar) bytes[1] == 0xFF)
    text = convert_utf16 (bytes + 2, length - 2, "UTF-16BE", &text_length, error);
  else
    {
      if (length >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
        bytes += 3, length -= 3;
      if (memchr (bytes, '\0', length) != NULL)
        {
          g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_BINARY,
                       "is not a text file (it contains NUL bytes%s)",
                       length > 1 && (bytes[0] == '\0' || bytes[1] == '\0')
                         ? "; UTF-16 without a byte-order mark is not supported" : "");
          return NULL;
        }
      if (g_utf8_validate_len (bytes, length, NULL))
        text = g_strndup (bytes, length), text_length = length;
      else
        text = convert_legacy (bytes, length, &text_length);
    }
  if (text == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_ENCODING, "could not be decoded");
      return NULL;
    }

  if (text_length == 0 || only_white_space (text, text_length))
    {
      g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_EMPTY,
                   text_length == 0 ? "is empty" : "has no text (only white space)");
      return NULL;
    }
  if (memchr (text, '\0', text_length) != NULL || !looks_like_text (text, text_length))
    {
      g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_BINARY,
                   "is not a text file (it is mostly control characters)");
      return NULL;
    }

  *out_length = text_length;
  return g_steal_pointer (&text);
}

char *
kg_guess_title (const char *text,
                gsize       length)
{
  const char *start = text, *end, *line_end;
  g_autofree char *line = NULL;
  gunichar last;

  while (start < text + length && g_ascii_isspace (*start))
    start++;
  line_end = memchr (start, '\n', text + length - start);
  if (line_end == NULL)
    return NULL;          /* a single line is the article, not its title */
  end = line_end;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (end == start || g_utf8_strlen (start, end - start) > TITLE_MAX_CHARS)
    return NULL;

  last = g_utf8_get_char (g_utf8_prev_char (end));
  if (strchr (".!?:;,", (int) (last < 128 ? last : 'x')) != NULL ||
      last == 0x201D || last == '"' || last == 0x2026)
    return NULL;
  line = g_strndup (start, end - start);
  return g_steal_pointer (&line);
}
