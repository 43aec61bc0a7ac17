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

G_END_DECLS
