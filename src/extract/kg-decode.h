/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KG_DECODE_ERROR (kg_decode_error_quark ())
typedef enum
{
  KG_DECODE_ERROR_EMPTY,      /* no text at all, or only white space */
  KG_DECODE_ERROR_BINARY,     /* NUL bytes or mostly control characters */
  KG_DECODE_ERROR_ENCODING,   /* a byte-order mark whose bytes do not follow it */
  KG_DECODE_ERROR_TOO_LARGE,  /* above KG_MAX_ARTICLE_BYTES */
} KgDecodeError;

/* Articles above this size are refused: extraction keeps every token of a
 * document in memory, and no news article comes near it. */
#define KG_MAX_ARTICLE_BYTES (64 * 1024 * 1024)

GQuark  kg_decode_error_quark (void);

/* Bytes of an article file → UTF-8 text: UTF-8 with or without BOM, UTF-16
 * with BOM, else Windows-1252 (Latin-1 for the bytes it leaves undefined). */
char   *kg_decode_text        (const char  *bytes,
                               gsize        length,
                               gsize       *out_length,
                               GError     **error);
/* The article's title: its first line when that is short and does not end
 * like a sentence; NULL when there is none. */
char   *kg_guess_title        (const char  *text,
                               gsize        length);

G_END_DECLS
