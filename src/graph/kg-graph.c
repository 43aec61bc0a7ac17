/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <string.h>

#include "kg-graph.h"

struct _KgGraph
{
  GObject parent_instance;

  GPtrArray *documents;
  GPtrArray *entities;
  GPtrArray *relations;
  GPtrArray *quotes;

  /* id → record, one table per kind of record since ids may repeat across kinds */
  GHashTable *document_ids;
  GHashTable *entity_ids;
  GHashTable *relation_ids;
  GHashTable *quote_ids;
  /* Per entity type: name or alias → KgEntity (a look-up allocates nothing) */
  GHashTable *entity_names[KG_N_ENTITY_TYPES];
  /* RelationKey → KgRelation */
  GHashTable *relation_keys;
  /* Per document: a GArray of its quotes' indexes, NULL before its first,
   * so that reading a document's quotes does not cost the whole corpus's. */
  GPtrArray *document_quotes;
};

G_DEFINE_TYPE (KgGraph, kg_graph, G_TYPE_OBJECT)
G_DEFINE_QUARK (kg-graph-error-quark, kg_graph_error)

static const char *const entity_type_names[] = {
  "person", "organization", "government", "place",
};

static const char *const relation_kind_names[] = {
  "role", "part-of", "partner", "located-in", "action",
};

const char *
kg_entity_type_to_string (KgEntityType type)
{
  g_return_val_if_fail (type < KG_N_ENTITY_TYPES, NULL);
  return entity_type_names[type];
}

gboolean
kg_entity_type_from_string (const char   *str,
                            KgEntityType *type)
{
  for (guint i = 0; i < KG_N_ENTITY_TYPES; i++)
    if (g_strcmp0 (str, entity_type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
kg_relation_kind_to_string (KgRelationKind kind)
{
  g_return_val_if_fail (kind < KG_N_RELATION_KINDS, NULL);
  return relation_kind_names[kind];
}

gboolean
kg_relation_kind_from_string (const char     *str,
                              KgRelationKind *kind)
{
  for (guint i = 0; i < KG_N_RELATION_KINDS; i++)
    if (g_strcmp0 (str, relation_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
document_free (KgDocument *doc)
{
  g_free (doc->id);
  g_free (doc->path);
  g_free (doc->title);
  g_free (doc->text);
  g_array_unref (doc->sentences);
  g_free (doc);
}

static void
entity_free (KgEntity *entity)
{
  g_free (entity->id);
  g_free (entity->name);
  g_ptr_array_unref (entity->aliases);
  g_array_unref (entity->mentions);
  g_free (entity);
}

static void
relation_free (KgRelation *relation)
{
  g_free (relation->id);
  g_free (relation->label);
  g_array_unref (relation->evidence);
  g_free (relation);
}

static void
quote_free (KgQuote *quote)
{
  g_free (quote->id);
  g_free (quote->text);
  g_free (quote);
}

static void
quote_list_free (GArray *quotes)
{
  if (quotes != NULL)
    g_array_unref (quotes);
}

/* What makes a relation unique; a stored key holds its label after it.
 * The hash is worked out once per key: a look-up then an insertion would
 * otherwise hash the label for each. */
typedef struct
{
  guint       source, target, kind;
  guint       hash;
  const char *label;
} RelationKey;

static guint
relation_key_compute_hash (guint       source,
                           guint       target,
                           guint       kind,
                           const char *label)
{
  guint h = g_str_hash (label);

  h = h * 31 + source;
  h = h * 31 + target;
  return h * 31 + kind;
}

static guint
relation_key_hash (gconstpointer data)
{
  return ((const RelationKey *) data)->hash;
}

static gboolean
relation_key_equal (gconstpointer a,
                    gconstpointer b)
{
  const RelationKey *x = a, *y = b;

  return x->hash == y->hash && x->source == y->source && x->target == y->target
         && x->kind == y->kind && strcmp (x->label, y->label) == 0;
}

static void
kg_graph_finalize (GObject *object)
{
  KgGraph *self = KG_GRAPH (object);

  g_hash_table_unref (self->document_ids);
  g_hash_table_unref (self->entity_ids);
  g_hash_table_unref (self->relation_ids);
  g_hash_table_unref (self->quote_ids);
  for (guint i = 0; i < KG_N_ENTITY_TYPES; i++)
    g_hash_table_unref (self->entity_names[i]);
  g_hash_table_unref (self->relation_keys);
  g_ptr_array_unref (self->document_quotes);
  g_ptr_array_unref (self->quotes);
  g_ptr_array_unref (self->relations);
  g_ptr_array_unref (self->entities);
  g_ptr_array_unref (self->documents);

  G_OBJECT_CLASS (kg_graph_parent_class)->finalize (object);
}

static void
kg_graph_class_init (KgGraphClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kg_graph_finalize;
}

static void
kg_graph_init (KgGraph *self)
{
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  self->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) entity_free);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_free);
  /* Keys point into the records, which outlive the tables' use of them. */
  self->document_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->quote_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < KG_N_ENTITY_TYPES; i++)
    self->entity_names[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->relation_keys = g_hash_table_new_full (relation_key_hash, relation_key_equal, g_free, NULL);
  self->document_quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_list_free);
}

KgGraph *
kg_graph_new (void)
{
  return g_object_new (KG_TYPE_GRAPH, NULL);
}

guint kg_graph_get_n_documents (KgGraph *self) { return self->documents->len; }
guint kg_graph_get_n_entities (KgGraph *self) { return self->entities->len; }
guint kg_graph_get_n_relations (KgGraph *self) { return self->relations->len; }
guint kg_graph_get_n_quotes (KgGraph *self) { return self->quotes->len; }

KgDocument *
kg_graph_get_document (KgGraph *self,
                       guint    index)
{
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

KgEntity *
kg_graph_get_entity (KgGraph *self,
                     guint    index)
{
  g_return_val_if_fail (index < self->entities->len, NULL);
  return g_ptr_array_index (self->entities, index);
}

KgRelation *
kg_graph_get_relation (KgGraph *self,
                       guint    index)
{
  g_return_val_if_fail (index < self->relations->len, NULL);
  return g_ptr_array_index (self->relations, index);
}

KgQuote *
kg_graph_get_quote (KgGraph *self,
                    guint    index)
{
  g_return_val_if_fail (index < self->quotes->len, NULL);
  return g_ptr_array_index (self->quotes, index);
}

const guint *
kg_graph_get_document_quotes (KgGraph *self,
                              guint    doc,
                              guint   *n_quotes)
{
  GArray *quotes;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (n_quotes != NULL, NULL);

  quotes = doc < self->document_quotes->len ? g_ptr_array_index (self->document_quotes, doc) : NULL;
  *n_quotes = quotes != NULL ? quotes->len : 0;
  return quotes != NULL ? (const guint *) (gpointer) quotes->data : NULL;
}

/* A fresh "<prefix><n>" that no record of that kind uses yet. */
static char *
make_id (GHashTable *ids,
         char        prefix,
         guint       n)
{
  for (;; n++)
    {
      /* By hand: printf costs more than the rest of adding a record. */
      char buf[16], *p = buf + sizeof buf;
      guint v = n;

      *--p = '\0';
      do
        *--p = '0' + v % 10;
      while ((v /= 10) > 0);
      *--p = prefix;
      if (!g_hash_table_contains (ids, p))
        return g_strdup (p);
    }
}

KgDocument *
kg_graph_add_document (KgGraph    *self,
                       const char *id,
                       const char *path,
                       const char *title,
                       const char *text,
                       gssize      text_len)
{
  KgDocument *doc;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (text_len < 0)
    text_len = strlen (text);

  doc = g_new0 (KgDocument, 1);
  doc->index = self->documents->len;
  doc->id = id ? g_strdup (id) : make_id (self->document_ids, 'd', doc->index);
  doc->path = g_strdup (path ? path : "");
  doc->title = g_strdup (title ? title : "");
  doc->text = g_strndup (text, text_len);
  doc->text_len = text_len;
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (KgRange));
  g_ptr_array_add (self->documents, doc);
  g_hash_table_insert (self->document_ids, doc->id, doc);
  return doc;
}

void
kg_document_add_sentence (KgDocument *doc,
                          gsize       start,
                          gsize       end)
{
  KgRange range = { start, end };

  g_return_if_fail (start <= end && end <= doc->text_len);
  g_array_append_val (doc->sentences, range);
}

gssize
kg_document_find_sentence (const KgDocument *doc,
                           gsize             offset)
{
  gsize lo = 0, hi = doc->sentences->len;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      const KgRange *r = &g_array_index (doc->sentences, KgRange, mid);

      if (offset < r->start)
        hi = mid;
      else if (offset >= r->end)
        lo = mid + 1;
      else
        return mid;
    }
  return -1;
}

/* Makes name (an entity's name or alias) find entity, unless it already
 * finds an entity of that type. */
static void
index_name (KgGraph    *self,
            const char *name,
            KgEntity   *entity)
{
  GHashTable *names = self->entity_names[entity->type];

  if (!g_hash_table_contains (names, name))
    g_hash_table_insert (names, g_strdup (name), entity);
}

KgEntity *
kg_graph_add_entity (KgGraph      *self,
                     const char   *id,
                     const char   *name,
                     KgEntityType  type)
{
  KgEntity *entity;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (type < KG_N_ENTITY_TYPES, NULL);

  entity = g_new0 (KgEntity, 1);
  entity->index = self->entities->len;
  entity->id = id ? g_strdup (id) : make_id (self->entity_ids, 'e', entity->index);
  entity->name = g_strdup (name);
  entity->type = type;
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  entity->mentions = g_array_new (FALSE, FALSE, sizeof (KgSpan));
  g_ptr_array_add (self->entities, entity);
  g_hash_table_insert (self->entity_ids, entity->id, entity);

  index_name (self, name, entity);
  return entity;
}

KgEntity *
kg_graph_find_entity (KgGraph      *self,
                      const char   *name,
                      KgEntityType  type)
{
  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);

  if (name == NULL || type >= KG_N_ENTITY_TYPES)
    return NULL;
  return g_hash_table_lookup (self->entity_names[type], name);
}

KgEntity *
kg_graph_ensure_entity (KgGraph      *self,
                        const char   *name,
                        KgEntityType  type)
{
  KgEntity *entity = kg_graph_find_entity (self, name, type);

  return entity ? entity : kg_graph_add_entity (self, NULL, name, type);
}

static gboolean
entity_has_alias (KgEntity   *entity,
                  const char *alias)
{
  for (guint i = 0; i < entity->aliases->len; i++)
    if (strcmp (g_ptr_array_index (entity->aliases, i), alias) == 0)
      return TRUE;
  return FALSE;
}

void
kg_graph_add_alias (KgGraph    *self,
                    KgEntity   *entity,
                    const char *alias)
{

  g_return_if_fail (KG_IS_GRAPH (self));
  g_return_if_fail (alias != NULL);

  if (strcmp (alias, entity->name) == 0 || entity_has_alias (entity, alias))
    return;
  g_ptr_array_add (entity->aliases, g_strdup (alias));

  index_name (self, alias, entity);
}

void
kg_graph_rename_entity (KgGraph    *self,
                        KgEntity   *entity,
                        const char *name)
{
  g_autofree char *old = NULL;
  guint i;

  g_return_if_fail (KG_IS_GRAPH (self));

  if (strcmp (name, entity->name) == 0)
    return;

  old = g_steal_pointer (&entity->name);
  entity->name = g_strdup (name);
  for (i = 0; i < entity->aliases->len; i++)
    if (strcmp (g_ptr_array_index (entity->aliases, i), name) == 0)
      {
        g_ptr_array_remove_index (entity->aliases, i);
        break;
      }
  /* The old name stays findable: it is now an alias. */
  if (!entity_has_alias (entity, old))
    g_ptr_array_add (entity->aliases, g_strdup (old));

  index_name (self, name, entity);
}

void
kg_entity_add_mention (KgEntity *entity,
                       guint     doc,
                       gsize     start,
                       gsize     end)
{
  KgSpan span = { doc, start, end };

  g_return_if_fail (start <= end);
  g_array_append_val (entity->mentions, span);
}

/* A stored key: the label's bytes follow the struct. */
static RelationKey *
relation_key_new (const KgRelation *relation)
{
  gsize n = strlen (relation->label) + 1;
  RelationKey *key = g_malloc (sizeof (RelationKey) + n);
  char *label = (char *) (key + 1);

  memcpy (label, relation->label, n);
  *key = (RelationKey) { relation->source, relation->target, relation->kind,
                         relation_key_compute_hash (relation->source, relation->target,
                                                    relation->kind, label),
                         label };
  return key;
}

KgRelation *
kg_graph_add_relation (KgGraph        *self,
                       const char     *id,
                       guint           source,
                       guint           target,
                       KgRelationKind  kind,
                       const char     *label)
{
  KgRelation *relation;
  RelationKey *key;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (source < self->entities->len, NULL);
  g_return_val_if_fail (target < self->entities->len, NULL);
  g_return_val_if_fail (kind < KG_N_RELATION_KINDS, NULL);

  relation = g_new0 (KgRelation, 1);
  relation->index = self->relations->len;
  relation->id = id ? g_strdup (id) : make_id (self->relation_ids, 'r', relation->index);
  relation->source = source;
  relation->target = target;
  relation->kind = kind;
  relation->label = g_strdup (label ? label : "");
  relation->evidence = g_array_new (FALSE, FALSE, sizeof (KgSpan));
  g_ptr_array_add (self->relations, relation);
  g_hash_table_insert (self->relation_ids, relation->id, relation);

  key = relation_key_new (relation);
  if (!g_hash_table_contains (self->relation_keys, key))
    g_hash_table_insert (self->relation_keys, key, relation);
  else
    g_free (key);
  return relation;
}

KgRelation *
kg_graph_find_relation (KgGraph        *self,
                        guint           source,
                        guint           target,
                        KgRelationKind  kind,
                        const char     *label)
{
  RelationKey key = { source, target, kind, 0, label ? label : "" };

  key.hash = relation_key_compute_hash (source, target, kind, key.label);

  return g_hash_table_lookup (self->relation_keys, &key);
}

static int
compare_spans (const KgSpan *a,
               const KgSpan *b)
{
  if (a->doc != b->doc)
    return a->doc < b->doc ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return 0;
}

/* Evidence stays sorted, so a span already there is found by bisection: a
 * relation stated in every paragraph of a long document would otherwise
 * cost the square of its evidence. In text order, it is an append. */
void
kg_relation_add_evidence (KgRelation *relation,
                          guint       doc,
                          gsize       start,
                          gsize       end)
{
  KgSpan span = { doc, start, end };
  guint lo = 0, hi;

  g_return_if_fail (start <= end);
  hi = relation->evidence->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = compare_spans (&g_array_index (relation->evidence, KgSpan, mid), &span);

      if (order == 0)
        return;
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_insert_val (relation->evidence, lo, span);
}

KgQuote *
kg_graph_add_quote (KgGraph    *self,
                    const char *id,
                    guint       speaker,
                    guint       doc,
                    gsize       start,
                    gsize       end)
{
  KgDocument *document;
  KgQuote *quote;
  GArray *of_document;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (doc < self->documents->len, NULL);
  g_return_val_if_fail (speaker == KG_NO_ENTITY || speaker < self->entities->len, NULL);

  document = g_ptr_array_index (self->documents, doc);
  g_return_val_if_fail (start <= end && end <= document->text_len, NULL);

  quote = g_new0 (KgQuote, 1);
  quote->index = self->quotes->len;
  quote->id = id ? g_strdup (id) : make_id (self->quote_ids, 'q', quote->index);
  quote->speaker = speaker;
  quote->span = (KgSpan) { doc, start, end };
  quote->text = g_strndup (document->text + start, end - start);
  g_ptr_array_add (self->quotes, quote);
  g_hash_table_insert (self->quote_ids, quote->id, quote);

  if (doc >= self->document_quotes->len)
    g_ptr_array_set_size (self->document_quotes, doc + 1);
  of_document = g_ptr_array_index (self->document_quotes, doc);
  if (of_document == NULL)
    {
      of_document = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_index (self->document_quotes, doc) = of_document;
    }
  g_array_append_val (of_document, quote->index);
  return quote;
}

KgDocument *
kg_graph_lookup_document (KgGraph    *self,
                          const char *id)
{
  return g_hash_table_lookup (self->document_ids, id);
}

KgEntity *
kg_graph_lookup_entity (KgGraph    *self,
                        const char *id)
{
  return g_hash_table_lookup (self->entity_ids, id);
}

KgRelation *
kg_graph_lookup_relation (KgGraph    *self,
                          const char *id)
{
  return g_hash_table_lookup (self->relation_ids, id);
}

KgQuote *
kg_graph_lookup_quote (KgGraph    *self,
                       const char *id)
{
  return g_hash_table_lookup (self->quote_ids, id);
}
