/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hostile.h"

/*
 * Graph documents broken on purpose, each one change away from a valid
 * graph, so every refusal is due to that change and nothing else.
 */

/* "Ana Ruiz met Bo Li in Zürich.": 30 bytes, ü at 23–24. */
static const char valid_graph[] =
  "{\"format\": \"newsgraph\", \"version\": 1,\n"
  " \"documents\": [{\"id\": \"d0\", \"path\": \"a.txt\", \"text\": \"Ana Ruiz met Bo Li in Z\xC3\xBCrich.\"}],\n"
  " \"entities\": [\n"
  "  {\"id\": \"e0\", \"name\": \"Ana Ruiz\", \"type\": \"person\", \"mentions\": [{\"doc\": \"d0\", \"start\": 0, \"end\": 8}]},\n"
  "  {\"id\": \"e1\", \"name\": \"Bo Li\", \"type\": \"person\", \"mentions\": [{\"doc\": \"d0\", \"start\": 13, \"end\": 18}]},\n"
  "  {\"id\": \"e2\", \"name\": \"Z\xC3\xBCrich\", \"type\": \"place\", \"mentions\": [{\"doc\": \"d0\", \"start\": 22, \"end\": 29}]}],\n"
  " \"relations\": [{\"id\": \"r0\", \"source\": \"e0\", \"target\": \"e1\", \"kind\": \"action\", \"label\": \"met\",\n"
  "   \"evidence\": [{\"doc\": \"d0\", \"start\": 0, \"end\": 30}]}],\n"
  " \"quotes\": []}\n";

typedef struct
{
  const char *name;
  const char *from;   /* replaced once in valid_graph… */
  const char *to;     /* …by this */
  const char *cause;
} Breakage;

static const Breakage breakages[] = {
  { "duplicate-ids", "\"id\": \"e1\"", "\"id\": \"e0\"", "duplicate id \"e0\"" },
  { "dangling-reference", "\"target\": \"e1\"", "\"target\": \"e9\"", "\"e9\", which is no entity's id" },
  { "dangling-document", "\"doc\": \"d0\", \"start\": 13", "\"doc\": \"d7\", \"start\": 13", "no document has the id \"d7\"" },
  { "offset-past-text", "\"end\": 30", "\"end\": 31", "past the end of document d0" },
  { "offset-inside-character", "\"start\": 22, \"end\": 29", "\"start\": 22, \"end\": 24", "inside a UTF-8 character" },
  { "start-after-end", "\"start\": 13, \"end\": 18", "\"start\": 18, \"end\": 13", "is after end" },
  { "number-too-large", "\"end\": 8", "\"end\": 99999999999999999999", "out of range" },
  { "number-too-small", "\"end\": 8", "\"end\": -99999999999999999999", "out of range" },
  { "number-infinite", "\"end\": 8", "\"end\": 1e400", "must be a whole number" },
  { "negative-offset", "\"start\": 0, \"end\": 8", "\"start\": -1, \"end\": 8", "negative" },
  { "text-not-utf8", "Z\xC3\xBCrich.", "Z\xFCrich.", "not UTF-8" },
  { "lone-surrogate", "Z\xC3\xBCrich.", "Z\\udc00rich.", "lone UTF-16 surrogate" },
  { "newer-version", "\"version\": 1", "\"version\": 2", "written by a newer Newsgraph" },
  { "unknown-type", "\"type\": \"place\"", "\"type\": \"planet\"", "unknown type \"planet\"" },
  { "not-a-graph", "\"format\": \"newsgraph\"", "\"format\": \"geojson\"", "not a Newsgraph graph" },
};

static void
test_valid_graph_reads (void)
{
  g_autofree char *path = hostile_write ("valid.json", valid_graph, -1);
  g_autoptr(KgGraph) graph = hostile_assert_read (path);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 3);
  g_assert_cmpuint (kg_graph_get_n_relations (graph), ==, 1);
}

static void
test_breakage (gconstpointer data)
{
  const Breakage *b = data;
  g_autoptr(GString) text = g_string_new (valid_graph);
  g_autofree char *name = g_strconcat (b->name, ".json", NULL);
  g_autofree char *path = NULL;

  g_assert_cmpuint (g_string_replace (text, b->from, b->to, 1), ==, 1);
  path = hostile_write (name, text->str, text->len);
  hostile_assert_refused (path, b->cause);
}

static void
test_truncated (void)
{
  g_autofree char *path = hostile_write ("truncated.json", valid_graph, strlen (valid_graph) / 2);
  hostile_assert_refused (path, "not valid JSON");
}

static void
test_deeply_nested (void)
{
  const guint levels = 100000;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"x\": ");
  g_autofree char *path = NULL;

  for (guint i = 0; i < levels; i++)
    g_string_append (text, i % 2 ? "{\"a\": " : "[");
  for (guint i = levels; i-- > 0;)
    g_string_append_c (text, i % 2 ? '}' : ']');
  g_string_append (text, "}\n");
  path = hostile_write ("nested.json", text->str, text->len);
  hostile_assert_refused (path, "nested deeper than");
}

static void
test_empty (void)
{
  g_autofree char *path = hostile_write ("empty.json", "", 0);
  hostile_assert_refused (path, "not a Newsgraph graph");
}

static void
test_binary (void)
{
  g_autofree char *path = hostile_copy_program ("program.json");
  hostile_assert_refused (path, "not UTF-8");
}

static void
test_directory (void)
{
  g_autofree char *path = hostile_path ("folder.json");

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hostile_assert_refused (path, "folder");
}

/* Read whole, so an endless device is refused before reading. */
static void
test_device (void)
{
  g_autofree char *path = hostile_endless ("zero.json");
  hostile_assert_refused (path, "not a regular file");
}

int
main (int   argc,
      char *argv[])
{
  hostile_init (&argc, &argv);
  g_test_add_func ("/hostile/json/valid-graph-reads", test_valid_graph_reads);
  g_test_add_func ("/hostile/json/truncated", test_truncated);
  g_test_add_func ("/hostile/json/deeply-nested", test_deeply_nested);
  g_test_add_func ("/hostile/json/empty", test_empty);
  g_test_add_func ("/hostile/json/binary", test_binary);
  g_test_add_func ("/hostile/json/directory", test_directory);
  g_test_add_func ("/hostile/json/device", test_device);
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *test = g_strdup_printf ("/hostile/json/%s", breakages[i].name);
      g_test_add_data_func (test, &breakages[i], test_breakage);
    }
  return hostile_finish ();
}
