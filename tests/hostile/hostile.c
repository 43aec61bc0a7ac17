/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hostile.h"
#include "kg-test-spawn.h"

/* What every hostile-input test does: run the command line on a file made
 * for the occasion and look at what a user would see. */

static char *scratch;

void
hostile_run_clear (HostileRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

void
hostile_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  scratch = g_dir_make_tmp ("kg-hostile-XXXXXX", NULL);
  g_assert_nonnull (scratch);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
hostile_finish (void)
{
  int status = g_test_run ();

  remove_tree (scratch);
  g_clear_pointer (&scratch, g_free);
  return status;
}

char *
hostile_path (const char *name)
{
  return g_build_filename (scratch, name, NULL);
}

char *
hostile_write (const char *name,
               const void *contents,
               gssize      length)
{
  char *path = hostile_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
hostile_sparse (const char *name,
                guint       megabytes)
{
  char *path = hostile_path (name);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) megabytes * 1024 * 1024), ==, 0);
  close (fd);
  return path;
}

char *
hostile_endless (const char *name)
{
  char *path = hostile_path (name);

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  return path;
}

char *
hostile_copy_program (const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("NEWSGRAPH"), &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x7f" "ELF"));
  return hostile_write (name, contents, length);
}

GSubprocess *
hostile_spawn (const char *const  *args,
               GError            **error)
{
  return hostile_spawn_full (args, NULL, error);
}

GSubprocess *
hostile_spawn_full (const char *const    *args,
                    GSpawnChildSetupFunc  child_setup,
                    GError              **error)
{
  return kg_test_spawn_newsgraph (args, child_setup, error);
}

void
hostile_run (HostileRun        *run,
             const char *const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = hostile_spawn (args, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->exited = g_subprocess_get_if_exited (process);
  run->status = run->exited ? g_subprocess_get_exit_status (process) : -1;
}

void
hostile_assert_refused (const char *input,
                        const char *cause)
{
  g_autofree char *out = hostile_path ("never.json");
  g_auto(HostileRun) run = { 0 };
  const char *newline;

  hostile_run (&run, (const char *[]) { "--export", out, input, NULL });
  if (!run.exited)
    g_error ("newsgraph crashed on %s: %s", input, run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_utf8_validate (run.err, -1, NULL));
  g_assert_true (g_str_has_prefix (run.err, "newsgraph: "));
  if (strstr (run.err, input) == NULL || strstr (run.err, cause) == NULL)
    g_error ("expected the file name and “%s” in “%s”", cause, run.err);
  newline = strchr (run.err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

KgGraph *
hostile_assert_read (const char *input)
{
  g_autofree char *out = hostile_path ("read.json");
  g_auto(HostileRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  KgGraph *graph;

  hostile_run (&run, (const char *[]) { "--export", out, input, NULL });
  if (!run.exited)
    g_error ("newsgraph crashed on %s: %s", input, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  graph = kg_graph_load_from_file (out, &error);
  g_assert_no_error (error);
  g_unlink (out);
  return graph;
}
