/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "hostile.h"

/*
 * Saving never loses data: the old file stays whole when the writer is
 * killed half-way, runs into a file-size limit, or the disk is "full".
 * Every write goes to a temporary file that is renamed over the old one.
 */

#define OLD_CONTENTS "the old export, which must survive\n"
#define LIMIT_BYTES  (256 * 1024)
#define SMALL_LIMIT  512

/* A graph document of about 40 MB: long enough to write that the test can
 * catch the writer in the middle. */
static char *
big_graph (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(KgGraph) graph = kg_graph_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      while (text->len < 40 * 1024 * 1024)
        g_string_append (text, "Anna Berg of Acme Bank met Olaf Lund in Oslo. ");
      kg_graph_add_document (graph, NULL, "big.txt", NULL, text->str, text->len);
      path = hostile_path ("big.json");
      kg_graph_save_to_file (graph, path, &error);
      g_assert_no_error (error);
    }
  return path;
}

static void
assert_old_file_intact (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
}

/* Names in path's folder that start with path's name and are not it: the
 * temporary files a writer leaves. */
static guint
temporaries (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)))
    n += g_str_has_prefix (name, base) && strcmp (name, base) != 0;
  return n;
}

/* A small export into out: exit 0 and a graph that loads. */
static void
assert_export_succeeds (const char *out)
{
  g_autofree char *article = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data",
                                               "sample-article.txt", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = NULL;

  process = hostile_spawn ((const char *[]) { "--export", out, article, NULL }, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  graph = kg_graph_load_from_file (out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), >, 0);
}

/* SIGKILL the moment the temporary file shows up next to the old one. */
static void
test_killed_while_writing (void)
{
  g_autofree char *out = hostile_write ("killed.json", OLD_CONTENTS, -1);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean caught = FALSE;

  process = hostile_spawn ((const char *[]) { "--export", out, big_graph (), NULL }, &error);
  g_assert_no_error (error);
  while (!caught && g_subprocess_get_identifier (process) != NULL)
    {
      caught = temporaries (out) > 0;
      if (caught)
        g_subprocess_send_signal (process, SIGKILL);
      else
        g_usleep (200);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (!caught)
    {
      /* Done before it could be caught: then the new file is whole. */
      g_autoptr(KgGraph) graph = kg_graph_load_from_file (out, &error);
      g_assert_no_error (error);
      g_assert_nonnull (graph);
      g_test_incomplete ("the export finished before the test saw it writing");
      return;
    }
  g_assert_false (g_subprocess_get_if_exited (process));
  assert_old_file_intact (out);
  /* The killed writer could not remove its temporary file; the next save
   * to the same name does, and leaves the new file whole. */
  g_assert_cmpuint (temporaries (out), >, 0);
  assert_export_succeeds (out);
  g_assert_cmpuint (temporaries (out), ==, 0);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { LIMIT_BYTES, LIMIT_BYTES };
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
limit_file_size_small_quietly (gpointer data)
{
  struct rlimit limit = { SMALL_LIMIT, SMALL_LIMIT };
  setrlimit (RLIMIT_FSIZE, &limit);
  signal (SIGXFSZ, SIG_IGN);
}

/* The kernel kills the writer with SIGXFSZ at exactly LIMIT_BYTES: always
 * in the middle of the file, whatever the machine's speed. */
static void
test_killed_at_size_limit (void)
{
  g_autofree char *out = hostile_write ("limited.json", OLD_CONTENTS, -1);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = hostile_spawn_full ((const char *[]) { "--export", out, big_graph (), NULL },
                                limit_file_size, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGXFSZ);
  assert_old_file_intact (out);
  g_assert_cmpuint (temporaries (out), >, 0);
  assert_export_succeeds (out);
  g_assert_cmpuint (temporaries (out), ==, 0);
}

/* Runs an export into out with setup limiting the file size: exit 1 with a
 * message naming out, the old file whole, no temporary file left. */
static void
assert_refused_when_full (const char           *out,
                          const char           *input,
                          GSpawnChildSetupFunc  setup)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  process = hostile_spawn_full ((const char *[]) { "--export", out, input, NULL }, setup, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  if (strstr (err, out) == NULL)
    g_error ("the message does not name %s: %s", out, err);
  assert_old_file_intact (out);
  g_assert_cmpuint (temporaries (out), ==, 0);
}

static void
limit_file_size_quietly (gpointer data)
{
  limit_file_size (data);
  signal (SIGXFSZ, SIG_IGN);
}

/* With SIGXFSZ ignored, write() fails with EFBIG as on a full disk. */
static void
test_disk_full (void)
{
  g_autofree char *out = hostile_write ("full.json", OLD_CONTENTS, -1);

  assert_refused_when_full (out, big_graph (), limit_file_size_quietly);
}

/* Every export format, on a disk full after SMALL_LIMIT bytes. */
static void
test_disk_full_export (gconstpointer data)
{
  const char *format = data;
  g_autofree char *name = g_strconcat ("old.", format, NULL);
  g_autofree char *out = hostile_write (name, OLD_CONTENTS, -1);
  g_autofree char *article = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data",
                                               "sample-article.txt", NULL);

  assert_refused_when_full (out, article, limit_file_size_small_quietly);
}

static const char *const formats[] = { "svg", "png", "pdf", "graphml", "gexf", "dot", "gv", "json" };

int
main (int   argc,
      char *argv[])
{
  hostile_init (&argc, &argv);
  g_test_add_func ("/hostile/saving/killed-while-writing", test_killed_while_writing);
  g_test_add_func ("/hostile/saving/killed-at-size-limit", test_killed_at_size_limit);
  g_test_add_func ("/hostile/saving/disk-full", test_disk_full);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *test = g_strdup_printf ("/hostile/saving/disk-full/%s", formats[i]);
      g_test_add_data_func (test, formats[i], test_disk_full_export);
    }
  return hostile_finish ();
}
