/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kg-graph.h"
#include "kg-test-spawn.h"

/*
 * The command line as scripts and the evaluation tools use it: no display,
 * exit 0 with a graph, or exit 1 with one line naming the file and the cause
 * and no output file.
 */

static char *tmpdir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_newsgraph (Run               *run,
               const char        *stdin_text,
               const char *const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = kg_test_spawn_newsgraph (args, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static char *
shared_path (const char *relative)
{
  const char *shared = g_getenv ("KG_SHARED_DIR");
  char *path = shared ? g_build_filename (shared, relative, NULL) : NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static char *
source_path (const char *relative)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", relative, NULL);
}

static char *
temp_file (const char *name,
           const char *contents,
           gssize      length)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  if (contents)
    g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static gboolean
span_in_document (KgGraph      *graph,
                  const KgSpan *span)
{
  KgDocument *doc = kg_graph_get_document (graph, span->doc);
  return span->start < span->end && span->end <= doc->text_len;
}

/* What the extraction claims must stand in the text: every mention's bytes
 * are the entity's name or one of its aliases; every span is in range. */
static void
assert_traceable (KgGraph *graph)
{
  g_assert_cmpuint (kg_graph_get_n_entities (graph), >, 0);
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, i);
      g_assert_cmpuint (e->mentions->len, >, 0);
      for (guint j = 0; j < e->mentions->len; j++)
        {
          const KgSpan *m = &g_array_index (e->mentions, KgSpan, j);
          KgDocument *doc = kg_graph_get_document (graph, m->doc);
          g_autofree char *form = g_strndup (doc->text + m->start, m->end - m->start);
          gboolean known = strcmp (form, e->name) == 0;

          g_assert_true (span_in_document (graph, m));
          for (guint k = 0; !known && k < e->aliases->len; k++)
            known = strcmp (form, g_ptr_array_index (e->aliases, k)) == 0;
          if (!known)
            g_error ("mention “%s” is neither the name nor an alias of “%s”", form, e->name);
        }
    }
  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);
      g_assert_cmpuint (r->evidence->len, >, 0);
      for (guint j = 0; j < r->evidence->len; j++)
        g_assert_true (span_in_document (graph, &g_array_index (r->evidence, KgSpan, j)));
    }
  for (guint i = 0; i < kg_graph_get_n_quotes (graph); i++)
    g_assert_true (span_in_document (graph, &kg_graph_get_quote (graph, i)->span));
}

static void
test_seed_article (void)
{
  g_autofree char *article = shared_path ("eval/seed/article.txt");
  g_autofree char *out = temp_file ("seed.json", NULL, 0);
  g_autoptr(KgGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  if (article == NULL)
    {
      g_test_skip ("../shared/eval is not here");
      return;
    }
  run_newsgraph (&run, NULL, (const char *[]) { "--export", out, article, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  graph = kg_graph_load_from_file (out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 1);
  g_assert_cmpstr (kg_graph_get_document (graph, 0)->path, ==, article);
  g_assert_cmpuint (kg_graph_get_document (graph, 0)->sentences->len, >, 10);
  assert_traceable (graph);
}

static void
test_several_files_and_stdin (void)
{
  g_autofree char *sample = source_path ("data/sample-article.txt");
  g_autofree char *second = temp_file ("second.txt", "Maria Lopez, the mayor of Lyon, met Acme Bank.\n", -1);
  g_autofree char *out = temp_file ("merged.json", NULL, 0);
  g_autoptr(KgGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_newsgraph (&run, "Acme Bank opened an office in Lyon.\n",
                 (const char *[]) { "--export", out, sample, "-", second, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  graph = kg_graph_load_from_file (out, &error);
  g_assert_no_error (error);
  /* Documents in the order given, standard input among them. */
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 3);
  g_assert_cmpstr (kg_graph_get_document (graph, 0)->path, ==, sample);
  g_assert_cmpstr (kg_graph_get_document (graph, 1)->path, ==, "-");
  g_assert_cmpstr (kg_graph_get_document (graph, 2)->path, ==, second);
  assert_traceable (graph);
}

static void
test_graph_round_trip (void)
{
  g_autofree char *sample = source_path ("data/sample-article.txt");
  g_autofree char *first = temp_file ("first.json", NULL, 0);
  g_autofree char *second = temp_file ("second.json", NULL, 0);
  g_autofree char *a = NULL, *b = NULL;
  g_auto(Run) run1 = { 0 };
  g_auto(Run) run2 = { 0 };

  run_newsgraph (&run1, NULL, (const char *[]) { "--export", first, sample, NULL });
  g_assert_cmpint (run1.status, ==, 0);
  run_newsgraph (&run2, NULL, (const char *[]) { "--export", second, first, NULL });
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
}

typedef struct
{
  const char *name;
  const char *contents;   /* NULL: the path does not exist */
  gssize      length;
  const char *cause;
} BadInput;

static const BadInput bad_inputs[] = {
  { "missing", NULL, 0, "No such file" },
  { "empty", "", 0, "is empty" },
  { "whitespace", "  \n\n\t ", -1, "only white space" },
  { "binary", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20, "not a text file" },
  { "control-bytes", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 ab", 15, "not a text file" },
  { "bad-utf16", "\xFF\xFE\x41", 3, "UTF-16LE" },
  { "bad-graph.json", "{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [{\"id\": 3}]}", -1,
    "documents[0]: \"id\" must be a string" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *input = temp_file (bad->name, bad->contents, bad->length);
  g_autofree char *out = temp_file ("never.json", NULL, 0);
  g_auto(Run) run = { 0 };

  run_newsgraph (&run, NULL, (const char *[]) { "--export", out, input, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "newsgraph: "));
  g_assert_nonnull (strstr (run.err, input));
  if (strstr (run.err, bad->cause) == NULL)
    g_error ("expected “%s” in “%s”", bad->cause, run.err);
  /* One line, and no output file. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_directory (void)
{
  g_autofree char *out = temp_file ("never.json", NULL, 0);
  g_auto(Run) run = { 0 };

  run_newsgraph (&run, NULL, (const char *[]) { "--export", out, tmpdir, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, tmpdir));
  g_assert_nonnull (strstr (run.err, "folder"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_failure_keeps_old_output (void)
{
  g_autofree char *out = temp_file ("old.json", "old contents", -1);
  g_autofree char *empty = temp_file ("empty.txt", "", 0);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  run_newsgraph (&run, NULL, (const char *[]) { "--export", out, empty, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) no_files = { 0 };

  run_newsgraph (&help, NULL, (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--export"));
  g_assert_nonnull (strstr (help.out, "--layout"));
  run_newsgraph (&version, NULL, (const char *[]) { "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "newsgraph " PACKAGE_VERSION "\n");
  run_newsgraph (&no_files, NULL, (const char *[]) { "--export", "x.json", NULL });
  g_assert_cmpint (no_files.status, ==, 1);
  g_assert_nonnull (strstr (no_files.err, "needs at least one input"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("kg-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/seed-article", test_seed_article);
  g_test_add_func ("/cli/several-files-and-stdin", test_several_files_and_stdin);
  g_test_add_func ("/cli/graph-round-trip", test_graph_round_trip);
  g_test_add_func ("/cli/directory", test_directory);
  g_test_add_func ("/cli/failure-keeps-old-output", test_failure_keeps_old_output);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/bad-input/%s", bad_inputs[i].name);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  status = g_test_run ();
  /* Leave nothing behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return status;
}
