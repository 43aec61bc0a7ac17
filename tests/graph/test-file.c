/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kg-file.h"

/* Saving replaces a file whole, and clears what killed writers left. */

typedef struct
{
  char *dir;
  char *path;
} Folder;

static void
folder_set_up (Folder *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("kg-file-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "graph.json", NULL);
}

static void
folder_tear_down (Folder *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
sibling (const Folder *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
touch (const char *path)
{
  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
}

/* A process id that was just in use and is not any more. */
static int
finished_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "true", NULL);
  int pid;

  g_assert_no_error (error);
  pid = atoi (g_subprocess_get_identifier (child));
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static void
test_replaces_whole (Folder *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  touch (f->path);
  g_assert_true (kg_file_replace_contents (f->path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
}

/* Saving over a private file keeps it private. */
static void
test_keeps_permissions (Folder *f, gconstpointer data)
{
  GStatBuf st;
  g_autoptr(GError) error = NULL;

  touch (f->path);
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  g_assert_true (kg_file_replace_contents (f->path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_clears_leftovers_of_dead_writers (Folder *f, gconstpointer data)
{
  g_autofree char *dead_name = g_strdup_printf ("graph.json.newsgraph-%d-AbC123", finished_process ());
  g_autofree char *live_name = g_strdup_printf ("graph.json.newsgraph-%d-XyZ789", (int) getpid ());
  g_autofree char *dead = sibling (f, dead_name);
  g_autofree char *live = sibling (f, live_name);
  g_autofree char *other = sibling (f, "graph.json.bak");
  g_autofree char *other_target = sibling (f, "graph.json2.newsgraph-1-AbC123");
  g_autoptr(GError) error = NULL;

  touch (dead);
  touch (live);
  touch (other);
  touch (other_target);
  g_assert_true (kg_file_replace_contents (f->path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  /* A writer still at work, and files that are not ours, are left alone. */
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_target, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder (Folder *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "graph.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (kg_file_replace_contents (missing, "new", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/file/replaces-whole", Folder, NULL, folder_set_up, test_replaces_whole, folder_tear_down);
  g_test_add ("/file/clears-leftovers-of-dead-writers", Folder, NULL, folder_set_up,
              test_clears_leftovers_of_dead_writers, folder_tear_down);
  g_test_add ("/file/keeps-permissions", Folder, NULL, folder_set_up, test_keeps_permissions, folder_tear_down);
  g_test_add ("/file/missing-folder", Folder, NULL, folder_set_up, test_missing_folder, folder_tear_down);
  return g_test_run ();
}
