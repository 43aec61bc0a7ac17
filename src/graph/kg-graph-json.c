/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kg-graph.h"

/*
 * The graph document (docs/graph-format.md). Reading checks everything a
 * later stage relies on, so the rest of the program can trust the model:
 * every error names the place in the document ("entities[3].mentions[0]").
 */

#include "kg-graph-json-private.h"

/* json-glib's parser recurses per nesting level; a graph document needs 5. */
#define KG_MAX_NESTING    256

typedef struct
{
  KgGraph *graph;
  GError **error;
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Reader     *r,
      const char *where,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (r->error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    case G_TYPE_DOUBLE: return "a fractional number";
    default: return "a number";
    }
}

static gboolean
get_member (Reader      *r,
            JsonObject  *object,
            const char  *where,
            const char  *name,
            gboolean     required,
            JsonNode   **out)
{
  *out = json_object_get_member (object, name);
  if (*out == NULL && required)
    return fail (r, where, "missing member \"%s\"", name);
  return TRUE;
}

static gboolean
get_string (Reader      *r,
            JsonObject  *object,
            const char  *where,
            const char  *name,
            gboolean     required,
            const char **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (r, object, where, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, where, "\"%s\" must be a string, not %s", name, node_type_name (node));
  *out = json_node_get_string (node);
  /* json-glib lets some lone surrogate escapes ("\udc00") through as bytes
   * that are not UTF-8; nothing after loading expects those. */
  if (!g_utf8_validate (*out, -1, NULL))
    return fail (r, where, "\"%s\" is not valid text (a lone UTF-16 surrogate escape)", name);
  return TRUE;
}

static gboolean
get_offset (Reader     *r,
            JsonObject *object,
            const char *where,
            const char *name,
            gsize      *out)
{
  JsonNode *node;
  gint64 value;

  if (!get_member (r, object, where, name, TRUE, &node))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r, where, "\"%s\" must be a whole number, not %s", name, node_type_name (node));
  value = json_node_get_int (node);
  if (value < 0)
    return fail (r, where, "\"%s\" is negative (%" G_GINT64_FORMAT ")", name, value);
  *out = (gsize) value;
  return TRUE;
}

static gboolean
get_array (Reader      *r,
           JsonObject  *object,
           const char  *where,
           const char  *name,
           gboolean     required,
           JsonArray  **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (r, object, where, name, required, &node))
    return FALSE;
  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, where, "\"%s\" must be an array, not %s", name, node_type_name (node));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
element_object (Reader      *r,
                JsonArray   *array,
                guint        i,
                const char  *where,
                JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, where, "must be an object, not %s", node_type_name (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
on_boundary (const KgDocument *doc,
             gsize             offset)
{
  return offset == doc->text_len || ((guchar) doc->text[offset] & 0xC0) != 0x80;
}

/* start/end of a span inside doc: in range, ordered, on character boundaries. */
static gboolean
check_range (Reader           *r,
             const char       *where,
             const KgDocument *doc,
             gsize             start,
             gsize             end)
{
  if (end > doc->text_len)
    return fail (r, where, "end %" G_GSIZE_FORMAT " is past the end of document %s (%" G_GSIZE_FORMAT " bytes)",
                 end, doc->id, doc->text_len);
  if (start > end)
    return fail (r, where, "start %" G_GSIZE_FORMAT " is after end %" G_GSIZE_FORMAT, start, end);
  if (!on_boundary (doc, start))
    return fail (r, where, "start %" G_GSIZE_FORMAT " is inside a UTF-8 character of document %s", start, doc->id);
  if (!on_boundary (doc, end))
    return fail (r, where, "end %" G_GSIZE_FORMAT " is inside a UTF-8 character of document %s", end, doc->id);
  return TRUE;
}

/* {"doc": "d0", "start": 1, "end": 2} */
static gboolean
read_span (Reader     *r,
           JsonArray  *array,
           guint       i,
           const char *where,
           KgSpan     *span)
{
  JsonObject *object;
  const char *doc_id;
  KgDocument *doc;

  if (!element_object (r, array, i, where, &object) ||
      !get_string (r, object, where, "doc", TRUE, &doc_id) ||
      !get_offset (r, object, where, "start", &span->start) ||
      !get_offset (r, object, where, "end", &span->end))
    return FALSE;
  doc = kg_graph_lookup_document (r->graph, doc_id);
  if (doc == NULL)
    return fail (r, where, "no document has the id \"%s\"", doc_id);
  span->doc = doc->index;
  return check_range (r, where, doc, span->start, span->end);
}

static gboolean
read_id (Reader      *r,
         JsonObject  *object,
         const char  *where,
         GHashTable  *taken,
         const char **id)
{
  if (!get_string (r, object, where, "id", TRUE, id))
    return FALSE;
  if (**id == '\0')
    return fail (r, where, "\"id\" is empty");
  if (!g_hash_table_add (taken, g_strdup (*id)))
    return fail (r, where, "duplicate id \"%s\"", *id);
  return TRUE;
}

static gboolean
read_sentences (Reader     *r,
                JsonObject *object,
                const char *where,
                KgDocument *doc)
{
  JsonArray *array;

  if (!get_array (r, object, where, "sentences", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s.sentences[%u]", where, i);
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *pair;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (pair = json_node_get_array (node)) != 2 ||
          json_node_get_value_type (json_array_get_element (pair, 0)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (pair, 1)) != G_TYPE_INT64)
        return fail (r, at, "must be a pair of whole numbers [start, end]");
      start = json_array_get_int_element (pair, 0);
      end = json_array_get_int_element (pair, 1);
      if (start < 0 || end < 0)
        return fail (r, at, "offsets must not be negative");
      if (!check_range (r, at, doc, start, end))
        return FALSE;
      kg_document_add_sentence (doc, start, end);
    }
  return TRUE;
}

static gboolean
read_documents (Reader    *r,
                JsonArray *array)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("documents[%u]", i);
      JsonObject *object;
      const char *id, *path, *title, *text;
      KgDocument *doc;

      if (!element_object (r, array, i, where, &object) ||
          !read_id (r, object, where, taken, &id) ||
          !get_string (r, object, where, "path", FALSE, &path) ||
          !get_string (r, object, where, "title", FALSE, &title) ||
          !get_string (r, object, where, "text", TRUE, &text))
        return FALSE;
      doc = kg_graph_add_document (r->graph, id, path, title, text, -1);
      if (!read_sentences (r, object, where, doc))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_position (Reader     *r,
               JsonObject *object,
               const char *where,
               KgEntity   *entity)
{
  JsonNode *node = json_object_get_member (object, "position");
  JsonObject *pos;
  JsonNode *x, *y;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, where, "\"position\" must be an object, not %s", node_type_name (node));
  pos = json_node_get_object (node);
  x = json_object_get_member (pos, "x");
  y = json_object_get_member (pos, "y");
  if (x == NULL || y == NULL || !JSON_NODE_HOLDS_VALUE (x) || !JSON_NODE_HOLDS_VALUE (y) ||
      json_node_get_value_type (x) == G_TYPE_STRING || json_node_get_value_type (y) == G_TYPE_STRING ||
      json_node_get_value_type (x) == G_TYPE_BOOLEAN || json_node_get_value_type (y) == G_TYPE_BOOLEAN)
    return fail (r, where, "\"position\" must have numbers \"x\" and \"y\"");
  entity->x = json_node_get_double (x);
  entity->y = json_node_get_double (y);
  if (!isfinite (entity->x) || !isfinite (entity->y))
    return fail (r, where, "\"position\" is not a finite number");
  entity->has_position = TRUE;
  return TRUE;
}

static gboolean
read_unlisted_mentions (Reader     *r,
                        JsonObject *object,
                        const char *where,
                        KgEntity   *entity)
{
  gsize n;

  if (!json_object_has_member (object, "unlisted_mentions"))
    return TRUE;
  if (!get_offset (r, object, where, "unlisted_mentions", &n))
    return FALSE;
  if (n > G_MAXUINT)
    return fail (r, where, "\"unlisted_mentions\" is too large (%" G_GSIZE_FORMAT ")", n);
  entity->unlisted_mentions = n;
  return TRUE;
}

static gboolean
read_entity (Reader     *r,
             JsonObject *object,
             const char *where,
             GHashTable *taken)
{
  const char *id, *name, *type_name;
  JsonArray *aliases, *mentions;
  KgEntityType type;
  KgEntity *entity;

  if (!read_id (r, object, where, taken, &id) ||
      !get_string (r, object, where, "name", TRUE, &name) ||
      !get_string (r, object, where, "type", TRUE, &type_name) ||
      !get_array (r, object, where, "aliases", FALSE, &aliases) ||
      !get_array (r, object, where, "mentions", FALSE, &mentions))
    return FALSE;
  if (*name == '\0')
    return fail (r, where, "\"name\" is empty");
  if (!kg_entity_type_from_string (type_name, &type))
    return fail (r, where, "unknown type \"%s\" (person, organization, government or place)", type_name);

  entity = kg_graph_add_entity (r->graph, id, name, type);
  for (guint i = 0; aliases && i < json_array_get_length (aliases); i++)
    {
      JsonNode *node = json_array_get_element (aliases, i);
      g_autofree char *at = g_strdup_printf ("%s.aliases[%u]", where, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (r, at, "must be a string, not %s", node_type_name (node));
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return fail (r, at, "is not valid text (a lone UTF-16 surrogate escape)");
      kg_graph_add_alias (r->graph, entity, json_node_get_string (node));
    }
  for (guint i = 0; mentions && i < json_array_get_length (mentions); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s.mentions[%u]", where, i);
      KgSpan span;
      if (!read_span (r, mentions, i, at, &span))
        return FALSE;
      kg_entity_add_mention (entity, span.doc, span.start, span.end);
    }
  return read_unlisted_mentions (r, object, where, entity) && read_position (r, object, where, entity);
}

static gboolean
read_entity_ref (Reader      *r,
                 JsonObject  *object,
                 const char  *where,
                 const char  *name,
                 guint       *index)
{
  const char *id;
  KgEntity *entity;

  if (!get_string (r, object, where, name, TRUE, &id))
    return FALSE;
  entity = kg_graph_lookup_entity (r->graph, id);
  if (entity == NULL)
    return fail (r, where, "\"%s\" refers to \"%s\", which is no entity's id", name, id);
  *index = entity->index;
  return TRUE;
}

static gboolean
read_relation (Reader     *r,
               JsonObject *object,
               const char *where,
               GHashTable *taken)
{
  const char *id, *kind_name, *label;
  guint source, target;
  KgRelationKind kind;
  JsonArray *evidence;
  KgRelation *relation;

  if (!read_id (r, object, where, taken, &id) ||
      !read_entity_ref (r, object, where, "source", &source) ||
      !read_entity_ref (r, object, where, "target", &target) ||
      !get_string (r, object, where, "kind", TRUE, &kind_name) ||
      !get_string (r, object, where, "label", FALSE, &label) ||
      !get_array (r, object, where, "evidence", FALSE, &evidence))
    return FALSE;
  if (!kg_relation_kind_from_string (kind_name, &kind))
    return fail (r, where, "unknown kind \"%s\" (role, part-of, partner, located-in or action)", kind_name);

  relation = kg_graph_add_relation (r->graph, id, source, target, kind, label);
  for (guint i = 0; evidence && i < json_array_get_length (evidence); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s.evidence[%u]", where, i);
      KgSpan span;
      if (!read_span (r, evidence, i, at, &span))
        return FALSE;
      kg_relation_add_evidence (relation, span.doc, span.start, span.end);
    }
  return TRUE;
}

static gboolean
read_quote (Reader     *r,
            JsonArray  *array,
            guint       i,
            const char *where,
            GHashTable *taken)
{
  JsonObject *object;
  const char *id;
  JsonNode *speaker_node;
  guint speaker = KG_NO_ENTITY;
  KgSpan span;

  if (!element_object (r, array, i, where, &object) ||
      !read_id (r, object, where, taken, &id) ||
      !get_member (r, object, where, "speaker", FALSE, &speaker_node))
    return FALSE;
  if (speaker_node != NULL && !JSON_NODE_HOLDS_NULL (speaker_node) &&
      !read_entity_ref (r, object, where, "speaker", &speaker))
    return FALSE;
  /* A quote is a span itself: {"doc", "start", "end"} at its top level. */
  if (!read_span (r, array, i, where, &span))
    return FALSE;
  kg_graph_add_quote (r->graph, id, speaker, span.doc, span.start, span.end);
  return TRUE;
}

typedef gboolean (*ReadObjectFunc) (Reader *, JsonObject *, const char *, GHashTable *);

static gboolean
read_objects (Reader         *r,
              JsonObject     *root,
              const char     *name,
              ReadObjectFunc  read)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!get_array (r, root, "document", name, FALSE, &array))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);
      JsonObject *object;
      if (!element_object (r, array, i, where, &object) || !read (r, object, where, taken))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_quotes (Reader     *r,
             JsonObject *root)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!get_array (r, root, "document", "quotes", FALSE, &array))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("quotes[%u]", i);
      if (!read_quote (r, array, i, where, taken))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_header (Reader     *r,
             JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 v;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      strcmp (json_node_get_string (format), KG_FORMAT_NAME) != 0)
    {
      g_set_error (r->error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_FORMAT,
                   "not a Newsgraph graph (\"format\" is not \"%s\")", KG_FORMAT_NAME);
      return FALSE;
    }
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    return fail (r, "document", "\"version\" must be a whole number");
  v = json_node_get_int (version);
  if (v > KG_FORMAT_VERSION)
    {
      g_set_error (r->error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_VERSION,
                   "written by a newer Newsgraph (format version %" G_GINT64_FORMAT
                   "; this one reads up to %d)", v, KG_FORMAT_VERSION);
      return FALSE;
    }
  if (v < 1)
    return fail (r, "document", "unknown format version %" G_GINT64_FORMAT, v);
  return TRUE;
}

/* Depth of [ and { outside strings, without building anything. */
static gboolean
nesting_within (const char *data,
                gsize       length,
                guint       limit)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > limit)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* json-glib silently wraps whole numbers past 64 bits ("-99999999999999999999"
 * reads as a small offset), so they are refused before parsing; no offset
 * or version needs more than 18 digits. Fractions and exponents are doubles. */
static gboolean
integers_within (const char *data,
                 gsize       length)
{
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      gsize digits = 0;
      gboolean whole = TRUE;

      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            in_string = FALSE;
          continue;
        }
      if (data[i] == '"')
        in_string = TRUE;
      if (!g_ascii_isdigit (data[i]) && data[i] != '-')
        continue;
      for (; i < length && data[i] != '\0' && strchr ("0123456789-+.eE", data[i]) != NULL; i++)
        {
          digits += g_ascii_isdigit (data[i]) ? 1 : 0;
          whole = whole && (g_ascii_isdigit (data[i]) || data[i] == '-');
        }
      if (whole && digits > 18)
        return FALSE;
      i--;    /* the loop steps onto the character after the number */
    }
  return TRUE;
}

KgGraph *
kg_graph_load_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(KgGraph) graph = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  Reader r;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_FORMAT, "not UTF-8 text");
      return NULL;
    }
  if (!nesting_within (data, length, KG_MAX_NESTING))
    {
      g_set_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_INVALID,
                   "nested deeper than %d levels", KG_MAX_NESTING);
      return NULL;
    }

  if (!integers_within (data, length))
    {
      g_set_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_INVALID,
                   "a whole number is out of range (more than 18 digits)");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the bad token, which may be a lone surrogate
       * escape it decoded into bytes that are not UTF-8. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);
      g_set_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_FORMAT, "not valid JSON: %s", message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_FORMAT, "not a Newsgraph graph (not a JSON object)");
      return NULL;
    }
  object = json_node_get_object (root);

  graph = kg_graph_new ();
  r = (Reader) { graph, error };
  if (!read_header (&r, object))
    return NULL;
  {
    JsonArray *documents;
    if (!get_array (&r, object, "document", "documents", TRUE, &documents) ||
        !read_documents (&r, documents))
      return NULL;
  }
  if (!read_objects (&r, object, "entities", read_entity) ||
      !read_objects (&r, object, "relations", read_relation) ||
      !read_quotes (&r, object))
    return NULL;
  return g_steal_pointer (&graph);
}

KgGraph *
kg_graph_load_from_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  KgGraph *graph;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s", local_error->message);
      return NULL;
    }
  graph = kg_graph_load_from_data (data, length, &local_error);
  if (graph == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
  return graph;
}
