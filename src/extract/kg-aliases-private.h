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
/* "Kaspersky" is the short form of "Kaspersky Lab": the multi-word name
 * of that id is its first word (the first bytes) followed only by
 * organisation words. Asked once a name: memo (a cleared GArray of
 * guint8) keeps the answers by id. */
gboolean    kg_is_short_form      (const KgWordList *suffixes,
                                   KgNameSet        *names,
                                   guint             id,
                                   gsize             first,
                                   GArray           *memo);
/* Adds a one-token mention wherever a known form stands untagged. Names
 * every mention on the way, each once: name_ids (empty, of guint) ends
 * with the id in strings of each mention's kg_mention_name(); short_forms
 * is the memo of kg_is_short_form(). */
void        kg_propagate_mentions (KgAnalysis       *a,
                                   const KgWordList *suffixes,
                                   GString          *scratch,
                                   KgNameSet        *strings,
                                   GArray           *name_ids,
                                   GArray           *short_forms);

G_END_DECLS
