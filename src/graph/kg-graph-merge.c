/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <string.h>

#include "kg-graph.h"

/* Merging and comparing need only the public API of the model. */

static guint
merge_entity (KgGraph  *self,
              KgEntity *from,
              guint     doc_offset)
{
  KgEntity *to = kg_graph_find_entity (self, from->name, from->type);

  for (guint i = 0; to == NULL && i < from->aliases->len; i++)
    to = kg_graph_find_entity (self, g_ptr_array_index (from->aliases, i), from->type);
  if (to == NULL)
    to = kg_graph_add_entity (self, NULL, from->name, from->type);
  else if (strlen (from->name) > strlen (to->name) && strstr (from->name, to->name) != NULL)
    kg_graph_rename_entity (self, to, from->name);   /* keep the fullest form */
  else
    kg_graph_add_alias (self, to, from->name);

  for (guint i = 0; i < from->aliases->len; i++)
    kg_graph_add_alias (self, to, g_ptr_array_index (from->aliases, i));
  for (guint i = 0; i < from->mentions->len; i++)
    {
      const KgSpan *m = &g_array_index (from->mentions, KgSpan, i);
      kg_entity_add_mention (to, m->doc + doc_offset, m->start, m->end);
    }
  to->unlisted_mentions += from->unlisted_mentions;
  if (from->has_position && !to->has_position)
    {
      to->has_position = TRUE;
      to->x = from->x;
      to->y = from->y;
    }
  return to->index;
}

void
kg_graph_merge (KgGraph *self,
                KgGraph *src)
{
  guint doc_offset = kg_graph_get_n_documents (self);
  guint n_entities = kg_graph_get_n_entities (src);
  g_autofree guint *entity_map = g_new (guint, MAX (n_entities, 1));

  g_return_if_fail (KG_IS_GRAPH (self));
  g_return_if_fail (KG_IS_GRAPH (src));
  g_return_if_fail (self != src);

  for (guint i = 0; i < kg_graph_get_n_documents (src); i++)
    {
      KgDocument *from = kg_graph_get_document (src, i);
      const char *id = kg_graph_lookup_document (self, from->id) ? NULL : from->id;
      KgDocument *to = kg_graph_add_document (self, id, from->path, from->title,
                                              from->text, from->text_len);
      g_array_append_vals (to->sentences, from->sentences->data, from->sentences->len);
    }

  for (guint i = 0; i < n_entities; i++)
    entity_map[i] = merge_entity (self, kg_graph_get_entity (src, i), doc_offset);

  for (guint i = 0; i < kg_graph_get_n_relations (src); i++)
    {
      KgRelation *from = kg_graph_get_relation (src, i);
      guint source = entity_map[from->source], target = entity_map[from->target];
      KgRelation *to = kg_graph_find_relation (self, source, target, from->kind, from->label);

      if (to == NULL)
        to = kg_graph_add_relation (self, NULL, source, target, from->kind, from->label);
      for (guint j = 0; j < from->evidence->len; j++)
        {
          const KgSpan *e = &g_array_index (from->evidence, KgSpan, j);
          kg_relation_add_evidence (to, e->doc + doc_offset, e->start, e->end);
        }
    }

  for (guint i = 0; i < kg_graph_get_n_quotes (src); i++)
    {
      KgQuote *from = kg_graph_get_quote (src, i);
      guint speaker = from->speaker == KG_NO_ENTITY ? KG_NO_ENTITY : entity_map[from->speaker];

      kg_graph_add_quote (self, NULL, speaker, from->span.doc + doc_offset,
                          from->span.start, from->span.end);
    }
}

/* KgRange has no padding, so bytes compare; KgSpan does, so fields compare. */
static gboolean
ranges_equal (GArray *a,
              GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, (gsize) a->len * sizeof (KgRange)) == 0);
}

static gboolean
spans_equal (GArray *a,
             GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const KgSpan *x = &g_array_index (a, KgSpan, i), *y = &g_array_index (b, KgSpan, i);
      if (x->doc != y->doc || x->start != y->start || x->end != y->end)
        return FALSE;
    }
  return TRUE;
}

static gboolean
strv_equal (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
documents_equal (KgDocument *a,
                 KgDocument *b)
{
  return strcmp (a->id, b->id) == 0 &&
         strcmp (a->path, b->path) == 0 &&
         strcmp (a->title, b->title) == 0 &&
         a->text_len == b->text_len &&
         memcmp (a->text, b->text, a->text_len) == 0 &&
         ranges_equal (a->sentences, b->sentences);
}

static gboolean
entities_equal (KgEntity *a,
                KgEntity *b)
{
  return strcmp (a->id, b->id) == 0 &&
         strcmp (a->name, b->name) == 0 &&
         a->type == b->type &&
         strv_equal (a->aliases, b->aliases) &&
         spans_equal (a->mentions, b->mentions) &&
         a->unlisted_mentions == b->unlisted_mentions &&
         a->has_position == b->has_position &&
         (!a->has_position || (a->x == b->x && a->y == b->y));
}

static gboolean
relations_equal (KgRelation *a,
                 KgRelation *b)
{
  return strcmp (a->id, b->id) == 0 &&
         a->source == b->source && a->target == b->target &&
         a->kind == b->kind &&
         strcmp (a->label, b->label) == 0 &&
         spans_equal (a->evidence, b->evidence);
}

static gboolean
quotes_equal (KgQuote *a,
              KgQuote *b)
{
  return strcmp (a->id, b->id) == 0 &&
         a->speaker == b->speaker &&
         a->span.doc == b->span.doc &&
         a->span.start == b->span.start && a->span.end == b->span.end &&
         strcmp (a->text, b->text) == 0;
}

gboolean
kg_graph_equal (KgGraph *a,
                KgGraph *b)
{
  if (kg_graph_get_n_documents (a) != kg_graph_get_n_documents (b) ||
      kg_graph_get_n_entities (a) != kg_graph_get_n_entities (b) ||
      kg_graph_get_n_relations (a) != kg_graph_get_n_relations (b) ||
      kg_graph_get_n_quotes (a) != kg_graph_get_n_quotes (b))
    return FALSE;

  for (guint i = 0; i < kg_graph_get_n_documents (a); i++)
    if (!documents_equal (kg_graph_get_document (a, i), kg_graph_get_document (b, i)))
      return FALSE;
  for (guint i = 0; i < kg_graph_get_n_entities (a); i++)
    if (!entities_equal (kg_graph_get_entity (a, i), kg_graph_get_entity (b, i)))
      return FALSE;
  for (guint i = 0; i < kg_graph_get_n_relations (a); i++)
    if (!relations_equal (kg_graph_get_relation (a, i), kg_graph_get_relation (b, i)))
      return FALSE;
  for (guint i = 0; i < kg_graph_get_n_quotes (a); i++)
    if (!quotes_equal (kg_graph_get_quote (a, i), kg_graph_get_quote (b, i)))
      return FALSE;
  return TRUE;
}
