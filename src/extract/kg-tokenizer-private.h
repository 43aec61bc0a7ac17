/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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

G_END_DECLS
