/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"

G_BEGIN_DECLS

/*
 * What the extraction stages hand each other for one document. The stages
 * run in order, each filling its part:
 *   kg_tokenize()         tokens, sentences, paragraphs   (kg-tokenizer.c)
 *   kg_tag_entities()     mentions with their types       (kg-tagger.c)
 *   kg_resolve_entities() mention → entity in the graph   (kg-aliases.c)
 *   kg_find_quotes()      quotes and speakers             (kg-quotes.c)
 *   kg_find_relations()   relations with evidence         (kg-relations.c)
 * All offsets are UTF-8 byte offsets into text, end exclusive.
 */

typedef enum
{
  KG_TOKEN_WORD,
  KG_TOKEN_NUMBER,
  KG_TOKEN_PUNCT,
  KG_TOKEN_QUOTE,        /* " “ ” ‘ ’ « » and ' used as a quotation mark */
  KG_TOKEN_URL,
} KgTokenKind;

/* 32-bit offsets: an article is at most KG_MAX_ARTICLE_BYTES, and a token
 * of 16 bytes rather than 24 keeps a long text's tokens within the memory
 * bar and the caches. */
typedef struct
{
  guint32     start;
  guint32     end;
  KgTokenKind kind;
  guint       sentence;  /* index into sentences */
} KgToken;

typedef struct
{
  gsize start;
  gsize end;
  guint first_token;
  guint end_token;       /* one past the last */
  guint paragraph;       /* index into paragraphs */
} KgSentence;

typedef struct
{
  gsize        start;
  gsize        end;
  guint        first_token;
  guint        end_token;
  KgEntityType type;
  guint        entity;   /* entity index once resolved, else KG_NO_ENTITY */
} KgMention;

typedef struct
{
  const char *text;      /* borrowed */
  gsize       length;
  GArray     *tokens;      /* KgToken */
  GArray     *sentences;   /* KgSentence */
  GArray     *paragraphs;  /* KgRange */
  GArray     *mentions;    /* KgMention, sorted by start, not overlapping */
  /* Per token, from kg_tokenize(): a hash of its lower-case form
   * (kg_token_hash() in kg-words.h). */
  guint32    *token_hashes;
  guint       n_token_hashes;
  /* The tokens that start with a capital, in order (from kg_tokenize()). */
  GArray     *capitalised;
  /* Per token, from kg_tokenize(): KG_CASE_* of its letters and its shape
   * key (kg-tokenizer-private.h), which the tagger asks of every token. */
  guint8     *token_case;
  guint16    *token_shapes;
} KgAnalysis;

typedef struct _KgTagger KgTagger;

KgAnalysis     *kg_analysis_new        (const char     *text,
                                        gsize           length);
void            kg_analysis_free       (KgAnalysis     *analysis);

void            kg_tokenize            (KgAnalysis     *analysis);
/* The shipped model, loaded once per process (read-only afterwards, so
 * threads may share it). NULL with error when the data files are missing. */
const KgTagger *kg_tagger_get_default  (GError        **error);
void            kg_tag_entities        (KgAnalysis     *analysis,
                                        const KgTagger *tagger);
void            kg_resolve_entities    (KgAnalysis     *analysis,
                                        KgGraph        *graph,
                                        KgDocument     *doc);
void            kg_find_quotes         (KgAnalysis     *analysis,
                                        KgGraph        *graph,
                                        KgDocument     *doc);
void            kg_find_relations      (KgAnalysis     *analysis,
                                        KgGraph        *graph,
                                        KgDocument     *doc);

/* Where data files are: $KG_DATADIR, else the source tree's data/ for an
 * uninstalled build, else the installed package data folder. */
char           *kg_find_data_file      (const char     *relative_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgAnalysis, kg_analysis_free)

G_END_DECLS
