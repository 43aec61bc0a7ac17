/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The graph model: documents, entities, relations and quotes.
 *
 * Records are plain structs owned by the graph and addressed by index, so the
 * layers above can walk them without copies; they stay valid until the graph
 * is finalized (nothing is ever removed). Offsets are UTF-8 byte offsets into
 * the owning document's text, end exclusive.
 */

#define KG_TYPE_GRAPH (kg_graph_get_type ())
G_DECLARE_FINAL_TYPE (KgGraph, kg_graph, KG, GRAPH, GObject)

#define KG_GRAPH_ERROR (kg_graph_error_quark ())
typedef enum
{
  KG_GRAPH_ERROR_INVALID,   /* the file breaks the format's rules */
  KG_GRAPH_ERROR_FORMAT,    /* not a newsgraph document at all */
  KG_GRAPH_ERROR_VERSION,   /* written by a newer Newsgraph */
} KgGraphError;

typedef enum
{
  KG_ENTITY_PERSON,
  KG_ENTITY_ORGANIZATION,
  KG_ENTITY_GOVERNMENT,
  KG_ENTITY_PLACE,
  KG_N_ENTITY_TYPES
} KgEntityType;

typedef enum
{
  KG_RELATION_ROLE,
  KG_RELATION_PART_OF,
  KG_RELATION_PARTNER,
  KG_RELATION_LOCATED_IN,
  KG_RELATION_ACTION,
  KG_N_RELATION_KINDS
} KgRelationKind;

#define KG_NO_ENTITY G_MAXUINT

typedef struct
{
  guint doc;          /* index into the graph's documents */
  gsize start;
  gsize end;
} KgSpan;

typedef struct
{
  gsize start;
  gsize end;
} KgRange;

typedef struct
{
  guint  index;
  char  *id;
  char  *path;
  char  *title;
  char  *text;
  gsize  text_len;
  GArray *sentences;    /* KgRange, in text order */
} KgDocument;

typedef struct
{
  guint         index;
  char         *id;
  char         *name;
  KgEntityType  type;
  GPtrArray    *aliases;    /* char*, never the name itself, no duplicates */
  GArray       *mentions;   /* KgSpan */
  /* Mentions a file counted without saying where they are (a Graphviz
   * file's mentions=N): counted, never shown as text. */
  guint         unlisted_mentions;
  /* A saved layout position in points (y down), when has_position. */
  gboolean      has_position;
  double        x;
  double        y;
} KgEntity;

typedef struct
{
  guint           index;
  char           *id;
  guint           source;   /* entity index */
  guint           target;   /* entity index */
  KgRelationKind  kind;
  char           *label;
  GArray         *evidence; /* KgSpan, sorted by doc, start, end */
} KgRelation;

typedef struct
{
  guint  index;
  char  *id;
  guint  speaker;           /* entity index or KG_NO_ENTITY */
  KgSpan span;
  char  *text;              /* the quoted words, copied from the document */
} KgQuote;

GQuark          kg_graph_error_quark           (void);

const char     *kg_entity_type_to_string       (KgEntityType    type);
gboolean        kg_entity_type_from_string     (const char     *str,
                                                KgEntityType   *type);
const char     *kg_relation_kind_to_string     (KgRelationKind  kind);
gboolean        kg_relation_kind_from_string   (const char     *str,
                                                KgRelationKind *kind);

KgGraph        *kg_graph_new                   (void);

guint           kg_graph_get_n_documents       (KgGraph        *self);
guint           kg_graph_get_n_entities        (KgGraph        *self);
guint           kg_graph_get_n_relations       (KgGraph        *self);
guint           kg_graph_get_n_quotes          (KgGraph        *self);
KgDocument     *kg_graph_get_document          (KgGraph        *self,
                                                guint           index);
KgEntity       *kg_graph_get_entity            (KgGraph        *self,
                                                guint           index);
KgRelation     *kg_graph_get_relation          (KgGraph        *self,
                                                guint           index);
KgQuote        *kg_graph_get_quote             (KgGraph        *self,
                                                guint           index);
/* The indexes of doc's quotes, in the graph's order (*n_quotes of them;
 * NULL when none), valid until the next quote is added. */
const guint    *kg_graph_get_document_quotes   (KgGraph        *self,
                                                guint           doc,
                                                guint          *n_quotes);

/* Adding. An id of NULL makes one up ("d3", "e12", "r4", "q0"). The id must
 * not be taken yet: callers that read files check with the lookups first. */
KgDocument     *kg_graph_add_document          (KgGraph        *self,
                                                const char     *id,
                                                const char     *path,
                                                const char     *title,
                                                const char     *text,
                                                gssize          text_len);
void            kg_document_add_sentence       (KgDocument     *doc,
                                                gsize           start,
                                                gsize           end);
KgEntity       *kg_graph_add_entity            (KgGraph        *self,
                                                const char     *id,
                                                const char     *name,
                                                KgEntityType    type);
/* The entity with this name (or alias) and type, adding it when there is none:
 * across documents, the same name and type is one entity. */
KgEntity       *kg_graph_ensure_entity         (KgGraph        *self,
                                                const char     *name,
                                                KgEntityType    type);
void            kg_graph_add_alias             (KgGraph        *self,
                                                KgEntity       *entity,
                                                const char     *alias);
void            kg_graph_rename_entity         (KgGraph        *self,
                                                KgEntity       *entity,
                                                const char     *name);
/* How often the entity is mentioned: its spans and its unlisted mentions. */
guint           kg_entity_get_n_mentions       (const KgEntity *entity);
void            kg_entity_add_mention          (KgEntity       *entity,
                                                guint           doc,
                                                gsize           start,
                                                gsize           end);
/* n mentions at once, in their order: one growth of the entity's array. */
void            kg_entity_add_mentions         (KgEntity       *entity,
                                                const KgSpan   *spans,
                                                guint           n);
KgRelation     *kg_graph_add_relation          (KgGraph        *self,
                                                const char     *id,
                                                guint           source,
                                                guint           target,
                                                KgRelationKind  kind,
                                                const char     *label);
/* The relation with these ends, kind and label, if there is one. */
KgRelation     *kg_graph_find_relation         (KgGraph        *self,
                                                guint           source,
                                                guint           target,
                                                KgRelationKind  kind,
                                                const char     *label);
void            kg_relation_add_evidence       (KgRelation     *relation,
                                                guint           doc,
                                                gsize           start,
                                                gsize           end);
KgQuote        *kg_graph_add_quote             (KgGraph        *self,
                                                const char     *id,
                                                guint           speaker,
                                                guint           doc,
                                                gsize           start,
                                                gsize           end);

/* Lookups, all hash-table backed. */
KgDocument     *kg_graph_lookup_document       (KgGraph        *self,
                                                const char     *id);
KgEntity       *kg_graph_lookup_entity         (KgGraph        *self,
                                                const char     *id);
KgRelation     *kg_graph_lookup_relation       (KgGraph        *self,
                                                const char     *id);
KgQuote        *kg_graph_lookup_quote          (KgGraph        *self,
                                                const char     *id);
/* By name or alias, case-sensitive; NULL when absent. */
KgEntity       *kg_graph_find_entity           (KgGraph        *self,
                                                const char     *name,
                                                KgEntityType    type);

/* The index of the sentence of doc that holds offset, or -1. Binary search. */
gssize          kg_document_find_sentence      (const KgDocument *doc,
                                                gsize           offset);

/* Copies every document, entity, relation and quote of src into self:
 * entities with the same name and type become one. */
void            kg_graph_merge                 (KgGraph        *self,
                                                KgGraph        *src);

/* Deep comparison (ids, order and content); for tests and round trips. */
gboolean        kg_graph_equal                 (KgGraph        *a,
                                                KgGraph        *b);

/* JSON (json-glib), see docs/graph-format.md. Writing is atomic. */
KgGraph        *kg_graph_load_from_data        (const char     *data,
                                                gssize          length,
                                                GError        **error);
KgGraph        *kg_graph_load_from_file        (const char     *path,
                                                GError        **error);
char           *kg_graph_to_json               (KgGraph        *self,
                                                gsize          *length);
gboolean        kg_graph_save_to_file          (KgGraph        *self,
                                                const char     *path,
                                                GError        **error);

G_END_DECLS
