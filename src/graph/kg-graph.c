/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <string.h>

#include "kg-graph.h"
#include "kg-name-map-private.h"

/* What every record starts with: ids are indexed the same way for all. */
typedef struct
{
  guint  index;
  char  *id;
} Record;

/* id → record, filled only when an id is looked up: extraction makes
 * thousands of records with made-up ids and never looks one up, and while
 * every id is "<prefix><index>" a new one is known to be free. */
typedef struct
{
  GHashTable *table;
  guint       n_indexed;   /* records in the table, in order */
  gboolean    sequential;  /* every id so far is "<prefix><index>" */
} IdIndex;

struct _KgGraph
{
  GObject parent_instance;

  GPtrArray *documents;
  GPtrArray *entities;
  GPtrArray *relations;
  GPtrArray *quotes;

  /* id → record, one index per kind of record since ids may repeat across kinds */
  IdIndex document_ids;
  IdIndex entity_ids;
  IdIndex relation_ids;
  IdIndex quote_ids;
  /* Per entity type: name or alias → KgEntity (a look-up allocates nothing) */
  KgNameMap entity_names[KG_N_ENTITY_TYPES];
  /* Entities' names and aliases, which the tables above point into: names
   * never change in place, and one block holds many of them. */
  GStringChunk *names;
  /* RelationKey → KgRelation */
  GHashTable *relation_keys;
  /* Per document: a GArray of its quotes' indexes, NULL before its first,
   * so that reading a document's quotes does not cost the whole corpus's. */
  GPtrArray *document_quotes;
  /* Records and relation keys live as long as the graph: carved from
   * blocks freed together rather than allocated and freed one by one. */
  GPtrArray *blocks;
  char      *block_next;
  gsize      block_left;
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
  g_free (doc->path);
  g_free (doc->title);
  g_free (doc->text);
  g_array_unref (doc->sentences);
}

static void
entity_free (KgEntity *entity)
{
  g_ptr_array_unref (entity->aliases);
  g_array_unref (entity->mentions);
}

static void
relation_free (KgRelation *relation)
{
  g_array_unref (relation->evidence);
}

static void
quote_free (KgQuote *quote)
{
  g_free (quote->text);
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

  g_clear_pointer (&self->document_ids.table, g_hash_table_unref);
  g_clear_pointer (&self->entity_ids.table, g_hash_table_unref);
  g_clear_pointer (&self->relation_ids.table, g_hash_table_unref);
  g_clear_pointer (&self->quote_ids.table, g_hash_table_unref);
  for (guint i = 0; i < KG_N_ENTITY_TYPES; i++)
    _kg_name_map_clear (&self->entity_names[i]);
  g_string_chunk_free (self->names);
  g_hash_table_unref (self->relation_keys);
  g_ptr_array_unref (self->document_quotes);
  g_ptr_array_unref (self->quotes);
  g_ptr_array_unref (self->relations);
  g_ptr_array_unref (self->entities);
  g_ptr_array_unref (self->documents);
  g_ptr_array_unref (self->blocks);

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
  self->document_ids.sequential = TRUE;
  self->entity_ids.sequential = TRUE;
  self->relation_ids.sequential = TRUE;
  self->quote_ids.sequential = TRUE;
  self->names = g_string_chunk_new (4096);
  self->relation_keys = g_hash_table_new (relation_key_hash, relation_key_equal);
  self->document_quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_list_free);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
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

/* The index of records' ids, brought up to date. Keys point into the
 * records, which outlive the table's use of them; a repeated id finds the
 * later record, as when every record was indexed as it was added. */
static GHashTable *
id_index_get (IdIndex   *ids,
              GPtrArray *records)
{
  if (ids->table == NULL)
    ids->table = g_hash_table_new (g_str_hash, g_str_equal);
  for (; ids->n_indexed < records->len; ids->n_indexed++)
    {
      Record *record = g_ptr_array_index (records, ids->n_indexed);

      g_hash_table_insert (ids->table, record->id, record);
    }
  return ids->table;
}

/* "<prefix><n>" written at the end of buf. */
static char *
format_id (char  buf[16],
           char  prefix,
           guint n)
{
  /* By hand: printf costs more than the rest of adding a record. */
  char *p = buf + 16;

  *--p = '\0';
  do
    *--p = '0' + n % 10;
  while ((n /= 10) > 0);
  *--p = prefix;
  return p;
}

/* The id of the next record of records: id, or a fresh "<prefix><n>" that
 * no record of that kind uses yet, written into buf. */
static const char *
next_id (IdIndex    *ids,
         GPtrArray  *records,
         const char *id,
         char        prefix,
         char        buf[16])
{
  GHashTable *table;
  guint n = records->len;

  if (id != NULL)
    {
      ids->sequential = FALSE;
      return id;
    }
  if (ids->sequential)
    return format_id (buf, prefix, n);
  table = id_index_get (ids, records);
  for (;; n++)
    {
      char *p = format_id (buf, prefix, n);

      if (!g_hash_table_contains (table, p))
        return p;
    }
}

/* size zeroed bytes, aligned for any record, freed with the graph. */
static gpointer
graph_alloc0 (KgGraph *self,
              gsize    size)
{
  enum { BLOCK_SIZE = 16384 };
  char *p;

  size = (size + 7) & ~(gsize) 7;
  if (size > self->block_left)
    {
      gsize n = MAX (size, BLOCK_SIZE);

      self->block_next = g_malloc0 (n);
      self->block_left = n;
      g_ptr_array_add (self->blocks, self->block_next);
    }
  p = self->block_next;
  self->block_next += size;
  self->block_left -= size;
  return p;
}

/* A zeroed record of size bytes with its id and up to one other string
 * copied after it, in one piece that lives as long as the graph. */
static gpointer
record_new (KgGraph     *self,
            gsize        size,
            GPtrArray   *records,
            const char  *id,
            const char  *extra,
            gsize        extra_len,
            char       **extra_copy)
{
  gsize id_len = strlen (id) + 1;
  Record *record = graph_alloc0 (self, size + id_len + (extra != NULL ? extra_len + 1 : 0));
  char *p = (char *) record + size;

  record->index = records->len;
  record->id = memcpy (p, id, id_len);
  if (extra != NULL)
    {
      *extra_copy = memcpy (p + id_len, extra, extra_len);
      (*extra_copy)[extra_len] = '\0';
    }
  g_ptr_array_add (records, record);
  return record;
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
  char buf[16];

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (text_len < 0)
    text_len = strlen (text);

  id = next_id (&self->document_ids, self->documents, id, 'd', buf);
  doc = record_new (self, sizeof (KgDocument), self->documents, id, NULL, 0, NULL);
  doc->path = g_strdup (path ? path : "");
  doc->title = g_strdup (title ? title : "");
  doc->text = g_strndup (text, text_len);
  doc->text_len = text_len;
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (KgRange));
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

/* Makes name (an entity's name or alias, in self->names) find entity,
 * unless it already finds an entity of that type. */
static void
index_name (KgGraph    *self,
            const char *name,
            KgEntity   *entity)
{
  _kg_name_map_add (&self->entity_names[entity->type], name, entity);
}

KgEntity *
kg_graph_add_entity (KgGraph      *self,
                     const char   *id,
                     const char   *name,
                     KgEntityType  type)
{
  KgEntity *entity;
  char buf[16];

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (type < KG_N_ENTITY_TYPES, NULL);

  id = next_id (&self->entity_ids, self->entities, id, 'e', buf);
  entity = record_new (self, sizeof (KgEntity), self->entities, id, NULL, 0, NULL);
  entity->name = g_string_chunk_insert (self->names, name);
  entity->type = type;
  entity->aliases = g_ptr_array_new ();
  entity->mentions = g_array_new (FALSE, FALSE, sizeof (KgSpan));

  index_name (self, entity->name, entity);
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
  return _kg_name_map_lookup (&self->entity_names[type], name);
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
  alias = g_string_chunk_insert (self->names, alias);
  g_ptr_array_add (entity->aliases, (char *) alias);

  index_name (self, alias, entity);
}

void
kg_graph_rename_entity (KgGraph    *self,
                        KgEntity   *entity,
                        const char *name)
{
  char *old;
  guint i;

  g_return_if_fail (KG_IS_GRAPH (self));

  if (strcmp (name, entity->name) == 0)
    return;

  old = entity->name;
  entity->name = g_string_chunk_insert (self->names, name);
  for (i = 0; i < entity->aliases->len; i++)
    if (strcmp (g_ptr_array_index (entity->aliases, i), name) == 0)
      {
        g_ptr_array_remove_index (entity->aliases, i);
        break;
      }
  /* The old name stays findable: it is now an alias. */
  if (!entity_has_alias (entity, old))
    g_ptr_array_add (entity->aliases, old);

  index_name (self, entity->name, entity);
}

guint
kg_entity_get_n_mentions (const KgEntity *entity)
{
  g_return_val_if_fail (entity != NULL, 0);

  return entity->mentions->len + entity->unlisted_mentions;
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

void
kg_entity_add_mentions (KgEntity     *entity,
                        const KgSpan *spans,
                        guint         n)
{
  for (guint i = 0; i < n; i++)
    g_return_if_fail (spans[i].start <= spans[i].end);
  g_array_append_vals (entity->mentions, spans, n);
}

/* Makes relation findable, unless an equal one already is. The stored key
 * points at the relation's label, which never changes. */
static void
index_relation (KgGraph    *self,
                KgRelation *relation)
{
  RelationKey key = { relation->source, relation->target, relation->kind,
                      relation_key_compute_hash (relation->source, relation->target,
                                                 relation->kind, relation->label),
                      relation->label };

  if (!g_hash_table_contains (self->relation_keys, &key))
    g_hash_table_insert (self->relation_keys,
                         memcpy (graph_alloc0 (self, sizeof key), &key, sizeof key), relation);
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
  char buf[16], *copy;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (source < self->entities->len, NULL);
  g_return_val_if_fail (target < self->entities->len, NULL);
  g_return_val_if_fail (kind < KG_N_RELATION_KINDS, NULL);

  label = label ? label : "";
  id = next_id (&self->relation_ids, self->relations, id, 'r', buf);
  relation = record_new (self, sizeof (KgRelation), self->relations, id, label, strlen (label), &copy);
  relation->label = copy;
  relation->source = source;
  relation->target = target;
  relation->kind = kind;
  relation->evidence = g_array_new (FALSE, FALSE, sizeof (KgSpan));

  index_relation (self, relation);
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
  char buf[16];

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (doc < self->documents->len, NULL);
  g_return_val_if_fail (speaker == KG_NO_ENTITY || speaker < self->entities->len, NULL);

  document = g_ptr_array_index (self->documents, doc);
  g_return_val_if_fail (start <= end && end <= document->text_len, NULL);

  id = next_id (&self->quote_ids, self->quotes, id, 'q', buf);
  quote = record_new (self, sizeof (KgQuote), self->quotes, id, NULL, 0, NULL);
  quote->speaker = speaker;
  quote->span = (KgSpan) { doc, start, end };
  quote->text = g_strndup (document->text + start, end - start);

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
  return g_hash_table_lookup (id_index_get (&self->document_ids, self->documents), id);
}

KgEntity *
kg_graph_lookup_entity (KgGraph    *self,
                        const char *id)
{
  return g_hash_table_lookup (id_index_get (&self->entity_ids, self->entities), id);
}

KgRelation *
kg_graph_lookup_relation (KgGraph    *self,
                          const char *id)
{
  return g_hash_table_lookup (id_index_get (&self->relation_ids, self->relations), id);
}

KgQuote *
kg_graph_lookup_quote (KgGraph    *self,
                       const char *id)
{
  return g_hash_table_lookup (id_index_get (&self->quote_ids, self->quotes), id);
}
