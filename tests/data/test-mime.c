/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-mime"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/*
 * Builds a private MIME database from data/…mime.xml with
 * update-mime-database and asks GIO, as a file manager would, what type a
 * saved graph is. XDG_DATA_HOME must point there before GIO first reads the
 * database, so main () sets it up before any test runs.
 */

static char *data_home;

static void
build_database (const char *mime_xml,
                const char *update_mime_database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *mime_dir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autofree char *err_out = NULL;
  const char *argv[] = { update_mime_database, NULL, NULL };
  gsize length;
  int status;

  data_home = g_dir_make_tmp ("newsgraph-mime-XXXXXX", &error);
  g_assert_no_error (error);
  mime_dir = g_build_filename (data_home, "mime", NULL);
  packages = g_build_filename (mime_dir, "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);

  g_file_get_contents (mime_xml, &contents, &length, &error);
  g_assert_no_error (error);
  target = g_build_filename (packages, "io.github.newsgraph.Newsgraph.xml", NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);

  /* Set first: update-mime-database warns about a directory nobody reads. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  argv[1] = mime_dir;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err_out, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  /* update-mime-database reports schema problems as warnings, not failures. */
  g_assert_cmpstr (err_out, ==, "");
}

static char *
guess (const char *filename,
       const char *data)
{
  gsize size = data != NULL ? strlen (data) : 0;

  return g_content_type_guess (filename, (const guchar *) data, size, NULL);
}

static void
assert_guess (const char *filename,
              const char *data,
              const char *expected)
{
  g_autofree char *type = guess (filename, data);

  g_assert_cmpstr (type, ==, expected);
}

static void
test_glob (void)
{
  assert_guess ("Kaspersky.newsgraph.json", NULL, "application/x-newsgraph+json");
}

static void
test_magic_pretty (void)
{
  /* How kg_graph_save_to_file writes the header (json-glib, pretty). */
  assert_guess (NULL, "{\n \"format\" : \"newsgraph\",\n \"version\" : 1\n}\n",
                "application/x-newsgraph+json");
}

static void
test_magic_compact (void)
{
  assert_guess (NULL, "{\"format\":\"newsgraph\",\"version\":1}", "application/x-newsgraph+json");
}

static void
test_other_json_untouched (void)
{
  g_autofree char *other = guess (NULL, "{ \"format\": \"geojson\", \"name\": \"newsgraph\" }");

  assert_guess ("package.json", "{ \"name\": \"newsgraph\" }", "application/json");
  g_assert_cmpstr (other, !=, "application/x-newsgraph+json");
}

static void
test_is_json (void)
{
  /* Editors and viewers that open any JSON still offer themselves. */
  g_assert_true (g_content_type_is_a ("application/x-newsgraph+json", "application/json"));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  if (argc != 3)
    {
      g_printerr ("usage: %s MIME-XML UPDATE-MIME-DATABASE\n", argv[0]);
      return 1;
    }
  build_database (argv[1], argv[2]);

  g_test_add_func ("/data/mime/glob", test_glob);
  g_test_add_func ("/data/mime/magic-pretty", test_magic_pretty);
  g_test_add_func ("/data/mime/magic-compact", test_magic_compact);
  g_test_add_func ("/data/mime/other-json-untouched", test_other_json_untouched);
  g_test_add_func ("/data/mime/is-json", test_is_json);
  result = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);
  return result;
}
