/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <json-glib/json-glib.h>

#include "kg-file.h"
#include "kg-graph.h"
#include "kg-graph-json-private.h"

/* Writing the graph document (docs/graph-format.md); the reader, with its
 * checks, is kg-graph-json.c. */

static void
add_span (JsonBuilder  *b,
          KgGraph      *graph,
          const KgSpan *span)
{
  json_builder_set_member_name (b, "doc");
  json_builder_add_string_value (b, kg_graph_get_document (graph, span->doc)->id);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, span->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, span->end);
}

static void
add_spans (JsonBuilder *b,
           KgGraph     *graph,
           const char  *name,
           GArray      *spans)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < spans->len; i++)
    {
      json_builder_begin_object (b);
      add_span (b, graph, &g_array_index (spans, KgSpan, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
write_document (JsonBuilder *b,
                KgDocument  *doc)
{
  json_builder_begin_object (b);
  add_string (b, "id", doc->id);
  add_string (b, "path", doc->path);
  add_string (b, "title", doc->title);
  add_string (b, "text", doc->text);
  json_builder_set_member_name (b, "sentences");
  json_builder_begin_array (b);
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      const KgRange *range = &g_array_index (doc->sentences, KgRange, i);
      json_builder_begin_array (b);
      json_builder_add_int_value (b, range->start);
      json_builder_add_int_value (b, range->end);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
write_entity (JsonBuilder *b,
              KgGraph     *graph,
              KgEntity    *entity)
{
  json_builder_begin_object (b);
  add_string (b, "id", entity->id);
  add_string (b, "name", entity->name);
  add_string (b, "type", kg_entity_type_to_string (entity->type));
  json_builder_set_member_name (b, "aliases");
  json_builder_begin_array (b);
  for (guint i = 0; i < entity->aliases->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (entity->aliases, i));
  json_builder_end_array (b);
  add_spans (b, graph, "mentions", entity->mentions);
  if (entity->unlisted_mentions > 0)
    {
      json_builder_set_member_name (b, "unlisted_mentions");
      json_builder_add_int_value (b, entity->unlisted_mentions);
    }
  if (entity->has_position)
    {
      json_builder_set_member_name (b, "position");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "x");
      json_builder_add_double_value (b, entity->x);
      json_builder_set_member_name (b, "y");
      json_builder_add_double_value (b, entity->y);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
write_relation (JsonBuilder *b,
                KgGraph     *graph,
                KgRelation  *relation)
{
  json_builder_begin_object (b);
  add_string (b, "id", relation->id);
  add_string (b, "source", kg_graph_get_entity (graph, relation->source)->id);
  add_string (b, "target", kg_graph_get_entity (graph, relation->target)->id);
  add_string (b, "kind", kg_relation_kind_to_string (relation->kind));
  add_string (b, "label", relation->label);
  add_spans (b, graph, "evidence", relation->evidence);
  json_builder_end_object (b);
}

static void
write_quote (JsonBuilder *b,
             KgGraph     *graph,
             KgQuote     *quote)
{
  json_builder_begin_object (b);
  add_string (b, "id", quote->id);
  json_builder_set_member_name (b, "speaker");
  if (quote->speaker == KG_NO_ENTITY)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, kg_graph_get_entity (graph, quote->speaker)->id);
  add_span (b, graph, &quote->span);
  add_string (b, "text", quote->text);
  json_builder_end_object (b);
}

char *
kg_graph_to_json (KgGraph *self,
                  gsize   *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (KG_IS_GRAPH (self), NULL);

  json_builder_begin_object (b);
  add_string (b, "format", KG_FORMAT_NAME);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, KG_FORMAT_VERSION);

  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < kg_graph_get_n_documents (self); i++)
    write_document (b, kg_graph_get_document (self, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  for (guint i = 0; i < kg_graph_get_n_entities (self); i++)
    write_entity (b, self, kg_graph_get_entity (self, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  for (guint i = 0; i < kg_graph_get_n_relations (self); i++)
    write_relation (b, self, kg_graph_get_relation (self, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  for (guint i = 0; i < kg_graph_get_n_quotes (self); i++)
    write_quote (b, self, kg_graph_get_quote (self, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, length);
}

gboolean
kg_graph_save_to_file (KgGraph     *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (KG_IS_GRAPH (self), FALSE);

  data = kg_graph_to_json (self, &length);
  return kg_file_replace_contents (path, data, length, error);
}
