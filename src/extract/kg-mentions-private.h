/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-tagger-private.h"

G_BEGIN_DECLS

/*
 * What kg-mentions.c and kg-mention-types.c share: the spans the tagger's
 * labels make, and a table that finds a name by its tokens.
 */

typedef struct
{
  guint        first;
  guint        end;
  int          cls;
  KgEntityType type;
  guint        lex;     /* lexicon classes of the whole span */
} KgNameSpan;

/* The lexicons, and what the tagger already knows of each decoded token. */
typedef struct
{
  const KgLexicon *lexicon;
  const guint32   *token_lex;   /* per token: KgLexClass bits, or NULL */
} KgSpanLexicons;

static inline guint
_kg_span_token_lex (const KgAnalysis     *a,
                    const KgSpanLexicons *lexicon,
                    guint                 t)
{
  const KgToken *token = &g_array_index (a->tokens, KgToken, t);
  if (lexicon->token_lex != NULL)
    return lexicon->token_lex[t];
  return _kg_lexicon_word_classes (lexicon->lexicon, a->text + token->start, token->end - token->start);
}

static inline gboolean
_kg_is_plain_type (KgEntityType type)
{
  return type == KG_ENTITY_PERSON || type == KG_ENTITY_ORGANIZATION || type == KG_ENTITY_PLACE;
}

/* The text of tokens [first, end) is their bytes joined by single spaces;
 * no token holds a space, so two ranges have the same text exactly when
 * their tokens are the same, and names are compared without writing them
 * out. */
typedef struct
{
  guint32 hash;
  guint32 first;
  guint32 end;
  guint32 value;   /* the caller's, 0 when the slot is new */
} KgNameSlot;

typedef struct
{
  const KgAnalysis *analysis;
  KgNameSlot       *slots;
  /* Per slot, 0 when it is empty: a byte a slot to clear, not the slot,
   * for a table made for every document. */
  guint8           *used;
  guint32           mask;
} KgNameTable;

void        _kg_name_table_init       (KgNameTable      *table,
                                       const KgAnalysis *analysis,
                                       guint             max_names);
void        _kg_name_table_clear      (KgNameTable      *table);
/* The slot of the text of tokens [first, end); a new one (value 0) when
 * insert, else NULL when the text is missing. */
KgNameSlot *_kg_name_table_range      (KgNameTable      *table,
                                       guint             first,
                                       guint             end,
                                       gboolean          insert);
/* The slot of a text, or NULL. */
KgNameSlot *_kg_name_table_text       (KgNameTable      *table,
                                       const char       *text,
                                       gsize             length);

/* The length of the text of tokens [first, end), and that text written
 * into out (length + 1 bytes, NUL-terminated). */
gsize       _kg_range_text_length     (const KgAnalysis *a,
                                       guint             first,
                                       guint             end);
void        _kg_range_text            (const KgAnalysis *a,
                                       guint             first,
                                       guint             end,
                                       char             *out);
/* The lexicon classes of the text of tokens [first, end). */
guint       _kg_range_phrase_classes  (const KgAnalysis *a,
                                       const KgLexicon  *lexicon,
                                       guint             first,
                                       guint             end);

/* One name, one type within a document (kg-mention-types.c). */
void        _kg_harmonise_types       (const KgAnalysis     *a,
                                       const KgSpanLexicons *lexicon,
                                       GArray               *spans);

G_END_DECLS
