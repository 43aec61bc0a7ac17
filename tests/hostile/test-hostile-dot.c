/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "hostile.h"

/*
 * Graphviz files from strangers: parse errors, a graph too large to lay
 * out, attributes that would make Graphviz open local files, and HTML-like
 * labels.
 */

static void
test_syntax_error (void)
{
  g_autofree char *path = hostile_write ("broken.dot", "digraph { a -> ; }\n", -1);
  hostile_assert_refused (path, "syntax error");
}

static void
test_empty (void)
{
  g_autofree char *path = hostile_write ("empty.gv", "", 0);
  hostile_assert_refused (path, "not a Graphviz DOT file");
}

static void
test_binary (void)
{
  g_autofree char *path = hostile_copy_program ("program.dot");
  hostile_assert_refused (path, "not a Graphviz DOT file");
}

/* A million nodes take gigabytes and hours to lay out: refused by the
 * documented limit, once parsed (a few seconds, a few hundred MB). */
static void
test_million_nodes (void)
{
  g_autoptr(GString) text = g_string_new ("digraph {\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (text, "n%u;", i);
  g_string_append (text, "\n}\n");
  path = hostile_write ("million.dot", text->str, text->len);
  hostile_assert_refused (path, "at most 100000");
}

/* Every attribute that names a local file points at a FIFO nobody writes
 * to: opening it would block, so an export that finishes proves nothing
 * opened it. */
static void
test_local_files_not_read (void)
{
  g_autofree char *fifo = hostile_path ("trap");
  g_autofree char *dot = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = hostile_path ("local.svg");
  g_autofree char *svg = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  dot = g_strdup_printf ("digraph {\n"
                         "  graph [imagepath=\"/\" fontpath=\"/\" stylesheet=\"%s\"];\n"
                         "  node [shapefile=\"%s\"];\n"
                         "  a [label=\"Acme Bank\" image=\"%s\" shape=box];\n"
                         "  b [label=\"Olaf Lund\" shape=custom shapefile=\"%s\"];\n"
                         "  c [label=<<table><tr><td><img src=\"%s\"/></td></tr></table>>];\n"
                         "  a -> b [label=\"met\"]; b -> c;\n"
                         "}\n", fifo, fifo, fifo, fifo, fifo);
  path = hostile_write ("local-files.dot", dot, -1);
  process = hostile_spawn ((const char *[]) { "--export", out, path, NULL }, &error);
  g_assert_no_error (error);
  for (guint waited = 0; g_subprocess_get_identifier (process) != NULL; waited++)
    {
      if (waited == 600)
        {
          g_subprocess_force_exit (process);
          g_error ("newsgraph is still running after a minute: it opened %s", fifo);
        }
      g_usleep (100 * 1000);
    }
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_null (strstr (svg, fifo));
}

/* Refused by size or kind before a byte is read. */
static void
test_huge_and_endless (void)
{
  g_autofree char *huge = hostile_sparse ("huge.dot", 300);
  g_autofree char *endless = hostile_endless ("zero.gv");

  hostile_assert_refused (huge, "256 MB");
  hostile_assert_refused (endless, "not a regular file");
}

/* HTML-like labels give their text, without tags, entities decoded. */
static void
test_html_labels (void)
{
  static const char dot[] =
    "digraph {\n"
    "  a [label=<<b>Acme</b> &amp; <i>Co</i>>];\n"
    "  b [label=<<font point-size=\"200000\" face=\"&lt;script&gt;\">Olaf Lund</font>>];\n"
    "  c [label=<<table><tr><td>Nordic</td><td>Group</td></tr></table>>];\n"
    "  a -> b [label=<<u>met</u>>];\n"
    "}\n";
  g_autofree char *path = hostile_write ("html.dot", dot, -1);
  g_autoptr(KgGraph) graph = hostile_assert_read (path);

  g_assert_nonnull (kg_graph_find_entity (graph, "Acme & Co", KG_ENTITY_ORGANIZATION));
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, i);
      g_assert_null (strchr (e->name, '<'));
      g_assert_true (g_utf8_validate (e->name, -1, NULL));
    }
}

/* Nesting a recursive walk over subgraphs would overflow the stack on. */
static void
test_deeply_nested_subgraphs (void)
{
  const guint levels = 100000;
  g_autoptr(GString) text = g_string_new ("digraph { graph [image=\"x\"];\n");
  g_autofree char *path = NULL;
  g_autofree char *out = hostile_path ("nested.json");
  g_auto(HostileRun) run = { 0 };

  for (guint i = 0; i < levels; i++)
    g_string_append (text, "subgraph {");
  g_string_append (text, "a");
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '}');
  g_string_append (text, "}\n");
  path = hostile_write ("nested.dot", text->str, text->len);
  hostile_run (&run, (const char *[]) { "--export", out, path, NULL });
  /* Read or refused, but answered. */
  if (!run.exited)
    g_error ("newsgraph crashed on %s: %s", path, run.err);
  g_assert_true (run.status == 0 || strstr (run.err, path) != NULL);
}

int
main (int   argc,
      char *argv[])
{
  hostile_init (&argc, &argv);
  g_test_add_func ("/hostile/dot/syntax-error", test_syntax_error);
  g_test_add_func ("/hostile/dot/empty", test_empty);
  g_test_add_func ("/hostile/dot/binary", test_binary);
  g_test_add_func ("/hostile/dot/million-nodes", test_million_nodes);
  g_test_add_func ("/hostile/dot/huge-and-endless", test_huge_and_endless);
  g_test_add_func ("/hostile/dot/local-files-not-read", test_local_files_not_read);
  g_test_add_func ("/hostile/dot/html-labels", test_html_labels);
  g_test_add_func ("/hostile/dot/deeply-nested-subgraphs", test_deeply_nested_subgraphs);
  return hostile_finish ();
}
