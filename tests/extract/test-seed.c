/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-seed"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/*
 * The seed bar: the command line reads the seed article of the shared
 * evaluation data and the shared scorer checks the graph against its
 * hand-made gold file. Skipped only when the shared data is not there.
 */

static const char *newsgraph;

static void
test_seed_bar (void)
{
  const char *shared = g_getenv ("KG_SHARED_DIR");
  g_autofree char *article = NULL, *gold = NULL, *scorer = NULL, *python = NULL;
  g_autofree char *dir = NULL, *out = NULL, *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (shared == NULL)
    {
      g_test_skip ("KG_SHARED_DIR is not set");
      return;
    }
  article = g_build_filename (shared, "eval", "seed", "article.txt", NULL);
  gold = g_build_filename (shared, "eval", "seed", "gold.json", NULL);
  scorer = g_build_filename (shared, "eval", "score_graph.py", NULL);
  python = g_find_program_in_path ("python3");
  if (!g_file_test (article, G_FILE_TEST_EXISTS) || !g_file_test (scorer, G_FILE_TEST_EXISTS)
      || python == NULL)
    {
      g_test_skip ("the shared evaluation data or python3 is missing");
      return;
    }

  dir = g_dir_make_tmp ("test-seed-XXXXXX", &error);
  g_assert_no_error (error);
  out = g_build_filename (dir, "seed.json", NULL);
  {
    const char *argv[] = { newsgraph, "--export", out, article, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &stderr_text,
                  &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("newsgraph failed: %s", stderr_text);
  }
  {
    const char *argv[] = {
      python, scorer, gold, out, "--quiet",
      "--min", "entity_f1=1", "--min", "type_acc=1", "--max", "splits=0", "--max", "merges=0",
      "--min", "mention_r=0.95", "--min", "relation_r=0.9", "--min", "relation_p=0.8",
      "--min", "quote_acc=1", NULL
    };

    g_clear_pointer (&stderr_text, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                  &stderr_text, &status, &error);
    g_assert_no_error (error);
    g_test_message ("%s", stdout_text);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("below the seed bar:\n%s%s", stdout_text, stderr_text);
  }
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_missing_model (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-seed-XXXXXX", NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *empty = g_build_filename (dir, "no-data", NULL);
  g_autofree char *stderr_text = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "KG_DATADIR", empty, TRUE);
  const char *argv[] = { newsgraph, "--export", out, article, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (article, "Jo Example founded Acme in Oslo.\n", -1, NULL));
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &stderr_text,
                &status, &error);
  g_assert_no_error (error);
  /* A clear failure that names the article and the missing model. */
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (stderr_text, "article.txt"));
  g_assert_nonnull (strstr (stderr_text, "tagger.model"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_unlink (article);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-seed PATH-TO-NEWSGRAPH");
  newsgraph = argv[1];
  g_test_add_func ("/seed/bar", test_seed_bar);
  g_test_add_func ("/seed/missing-model", test_missing_model);
  return g_test_run ();
}
