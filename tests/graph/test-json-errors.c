/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kg-graph.h"

/*
 * Every way a graph document can be wrong gives an error that names the
 * place and the cause. Documents are written with ' for " to stay readable.
 */

#define HEAD "{'format':'newsgraph','version':1,'documents':[{'id':'d0','text':'Zoë met Al.'}]"

typedef struct
{
  const char *name;
  const char *json;
  KgGraphError code;
  const char *message;   /* expected substring */
} ErrorCase;

static const ErrorCase cases[] = {
  { "not-json", "{'format':", KG_GRAPH_ERROR_FORMAT, "not valid JSON" },
  { "not-object", "[1,2]", KG_GRAPH_ERROR_FORMAT, "not a JSON object" },
  { "unknown-format", "{'format':'graphml','version':1}", KG_GRAPH_ERROR_FORMAT, "not a Newsgraph graph" },
  { "newer-version", "{'format':'newsgraph','version':7,'documents':[]}", KG_GRAPH_ERROR_VERSION,
    "newer Newsgraph (format version 7" },
  { "version-type", "{'format':'newsgraph','version':'1','documents':[]}", KG_GRAPH_ERROR_INVALID,
    "\"version\" must be a whole number" },
  { "no-documents", "{'format':'newsgraph','version':1}", KG_GRAPH_ERROR_INVALID,
    "missing member \"documents\"" },
  { "document-no-text", "{'format':'newsgraph','version':1,'documents':[{'id':'d0'}]}", KG_GRAPH_ERROR_INVALID,
    "documents[0]: missing member \"text\"" },
  { "missing-id", HEAD ",'entities':[{'name':'Al','type':'person'}]}", KG_GRAPH_ERROR_INVALID,
    "entities[0]: missing member \"id\"" },
  { "duplicate-id", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person'},{'id':'e1','name':'Zoë','type':'person'}]}",
    KG_GRAPH_ERROR_INVALID, "entities[1]: duplicate id \"e1\"" },
  { "wrong-type-name", HEAD ",'entities':[{'id':'e1','name':5,'type':'person'}]}", KG_GRAPH_ERROR_INVALID,
    "entities[0]: \"name\" must be a string, not a number" },
  { "unknown-entity-type", HEAD ",'entities':[{'id':'e1','name':'Al','type':'robot'}]}", KG_GRAPH_ERROR_INVALID,
    "entities[0]: unknown type \"robot\"" },
  { "mentions-not-array", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':{}}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0]: \"mentions\" must be an array, not an object" },
  { "offset-string", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':[{'doc':'d0','start':'8','end':10}]}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0].mentions[0]: \"start\" must be a whole number, not a string" },
  { "offset-past-end", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':[{'doc':'d0','start':9,'end':5120}]}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0].mentions[0]: end 5120 is past the end of document d0 (12 bytes)" },
  { "offset-in-character", HEAD ",'entities':[{'id':'e1','name':'Zoë','type':'person','mentions':[{'doc':'d0','start':0,'end':3}]}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0].mentions[0]: end 3 is inside a UTF-8 character of document d0" },
  { "offset-reversed", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':[{'doc':'d0','start':10,'end':9}]}]}",
    KG_GRAPH_ERROR_INVALID, "start 10 is after end 9" },
  { "offset-negative", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':[{'doc':'d0','start':-1,'end':9}]}]}",
    KG_GRAPH_ERROR_INVALID, "\"start\" is negative" },
  { "offset-too-large", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':[{'doc':'d0','start':1e400,'end':9}]}]}",
    KG_GRAPH_ERROR_INVALID, "\"start\" must be a whole number" },
  { "mention-unknown-doc", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','mentions':[{'doc':'d9','start':0,'end':1}]}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0].mentions[0]: no document has the id \"d9\"" },
  { "dangling-relation", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person'}],'relations':[{'id':'r0','source':'e1','target':'e7','kind':'role'}]}",
    KG_GRAPH_ERROR_INVALID, "relations[0]: \"target\" refers to \"e7\", which is no entity's id" },
  { "unknown-kind", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person'}],'relations':[{'id':'r0','source':'e1','target':'e1','kind':'likes'}]}",
    KG_GRAPH_ERROR_INVALID, "relations[0]: unknown kind \"likes\"" },
  { "evidence-past-end", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person'}],'relations':[{'id':'r0','source':'e1','target':'e1','kind':'role','evidence':[{'doc':'d0','start':0,'end':99}]}]}",
    KG_GRAPH_ERROR_INVALID, "relations[0].evidence[0]: end 99 is past the end of document d0" },
  { "dangling-speaker", HEAD ",'quotes':[{'id':'q0','speaker':'e5','doc':'d0','start':0,'end':2}]}",
    KG_GRAPH_ERROR_INVALID, "quotes[0]: \"speaker\" refers to \"e5\"" },
  { "quote-past-end", HEAD ",'quotes':[{'id':'q0','speaker':null,'doc':'d0','start':0,'end':13}]}",
    KG_GRAPH_ERROR_INVALID, "quotes[0]: end 13 is past the end of document d0" },
  { "duplicate-document", "{'format':'newsgraph','version':1,'documents':[{'id':'d0','text':'a'},{'id':'d0','text':'b'}]}",
    KG_GRAPH_ERROR_INVALID, "documents[1]: duplicate id \"d0\"" },
  { "sentence-past-end", "{'format':'newsgraph','version':1,'documents':[{'id':'d0','text':'a','sentences':[[0,2]]}]}",
    KG_GRAPH_ERROR_INVALID, "documents[0].sentences[0]: end 2 is past the end" },
  { "bad-position", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','position':{'x':'left','y':0}}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0]: \"position\" must have numbers" },
  { "unlisted-mentions-negative", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','unlisted_mentions':-2}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0]: \"unlisted_mentions\" is negative (-2)" },
  { "unlisted-mentions-text", HEAD ",'entities':[{'id':'e1','name':'Al','type':'person','unlisted_mentions':'3'}]}",
    KG_GRAPH_ERROR_INVALID, "entities[0]: \"unlisted_mentions\" must be a whole number, not a string" },
};

static char *
unquote (const char *json)
{
  char *copy = g_strdup (json);

  g_strdelimit (copy, "'", '"');
  return copy;
}

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *json = unquote (c->json);
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_load_from_data (json, -1, &error);

  g_assert_null (graph);
  g_assert_error (error, KG_GRAPH_ERROR, (int) c->code);
  if (strstr (error->message, c->message) == NULL)
    g_error ("expected “%s” in “%s”", c->message, error->message);
}

static void
test_valid_minimal (void)
{
  g_autofree char *json = unquote (HEAD ",'entities':[{'id':'e1','name':'Zoë','type':'person','mentions':[{'doc':'d0','start':0,'end':4}]}],"
                                   "'quotes':[{'id':'q0','speaker':'e1','doc':'d0','start':0,'end':4}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_load_from_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_cmpstr (kg_graph_get_quote (graph, 0)->text, ==, "Zoë");
}

static void
test_deep_nesting (void)
{
  GString *json = g_string_new ("{\"format\":\"newsgraph\",\"version\":1,\"documents\":[],\"x\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  graph = kg_graph_load_from_data (json->str, json->len, &error);
  g_assert_null (graph);
  g_assert_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nested deeper than"));
  g_string_free (json, TRUE);
}

static void
test_not_utf8 (void)
{
  static const char json[] = "{\"format\":\"newsgraph\",\"version\":1,\"documents\":[{\"id\":\"d0\",\"text\":\"caf\xe9\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_load_from_data (json, -1, &error);

  g_assert_null (graph);
  g_assert_error (error, KG_GRAPH_ERROR, KG_GRAPH_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "not UTF-8"));
}

static void
test_file_error_names_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("kg-bad-XXXXXX.json", &path, &error);
  g_autoptr(KgGraph) graph = NULL;

  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_file_set_contents (path, "{\"format\":\"newsgraph\",\"version\":9,\"documents\":[]}", -1, &error));
  close (fd);
  graph = kg_graph_load_from_file (path, &error);
  g_assert_null (graph);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graph/json/error/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_error_case);
    }
  g_test_add_func ("/graph/json/valid-minimal", test_valid_minimal);
  g_test_add_func ("/graph/json/error/deep-nesting", test_deep_nesting);
  g_test_add_func ("/graph/json/error/not-utf8", test_not_utf8);
  g_test_add_func ("/graph/json/error/file-name", test_file_error_names_file);
  return g_test_run ();
}
