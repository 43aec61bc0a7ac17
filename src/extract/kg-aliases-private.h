/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-names.h"
#include "kg-words.h"

G_BEGIN_DECLS

/* What alias resolution (kg-aliases.c) shares with the propagation of
 * mentions (kg-aliases-propagate.c). */

/* The mention's text with runs of white space made one space, in scratch
 * (valid until scratch changes). */
const char *kg_mention_name       (const KgAnalysis *a,
                                   const KgMention  *m,
                                   GString          *scratch);
/* The id in names of kg_mention_name(), added when new. */
guint       kg_mention_name_id    (const KgAnalysis *a,
                                   const KgMention  *m,
                                   GString          *scratch,
                                   KgNameSet        *names);
/* "Kaspersky" is the short form of "Kaspersky Lab": the long name is the
 * short one (word's first n bytes) followed only by organisation words. */
gboolean    kg_is_short_form      (const KgWordList *suffixes,
                                   const char       *word,
                                   gsize             n,
                                   const char       *name);
/* Adds a one-token mention wherever a known form stands untagged. Names
 * every mention on the way, each once: name_ids (empty, of guint) ends
 * with the id in strings of each mention's kg_mention_name(). */
void        kg_propagate_mentions (KgAnalysis       *a,
                                   const KgWordList *suffixes,
                                   GString          *scratch,
                                   KgNameSet        *strings,
                                   GArray           *name_ids);

G_END_DECLS
