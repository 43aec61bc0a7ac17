/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-train"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kg-analysis.h"
#include "kg-tagger-private.h"

static const char *trainer;   /* the newsgraph-train executable, from the command line */

/* The trainer, end to end: a few sentences written here in CoNLL form, a
 * model trained on them, loaded and used. */

static const char corpus[] =
  "-DOCSTART- -X- -X- O\n\n"
  "Zorbak NNP B-NP B-PER\nVelund NNP I-NP I-PER\nvisited VBD B-VP O\nQuellport NNP B-NP B-LOC\n. . O O\n\n"
  "Velund NNP B-NP B-PER\njoined VBD B-VP O\nTrimco NNP B-NP B-ORG\nLtd NNP I-NP I-ORG\n. . O O\n\n"
  "Trimco NNP B-NP B-ORG\nopened VBD B-VP O\nan DT B-NP O\noffice NN I-NP O\nin IN B-PP O\nQuellport NNP B-NP B-LOC\n. . O O\n";

static void
test_train_and_tag (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kg-train-XXXXXX", &error);
  g_autofree char *train = g_build_filename (dir, "train.txt", NULL);
  g_autofree char *model = g_build_filename (dir, "tagger.model", NULL);
  const char *argv[] = { trainer, "--bits", "12", "--epochs", "8", train, model, NULL };
  const char *text = "Zorbak Velund visited Quellport.";
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, strlen (text));
  g_autofree guint8 *labels = NULL;
  g_autofree guint32 *lex = NULL;
  KgTagger *tagger;
  int status;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (train, corpus, -1, &error));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  tagger = _kg_tagger_load (model, &error);
  g_assert_no_error (error);
  kg_tokenize (analysis);
  labels = g_new0 (guint8, analysis->tokens->len);
  lex = g_new0 (guint32, analysis->tokens->len);
  _kg_tag_classes (analysis, tagger, labels, lex);
  g_assert_cmpuint (analysis->tokens->len, ==, 5);
  g_assert_cmpint (labels[0], ==, KG_LABEL_B_PER);
  g_assert_cmpint (labels[1], ==, KG_LABEL_I_PER);
  g_assert_cmpint (labels[2], ==, KG_LABEL_O);
  g_assert_cmpint (labels[3], ==, KG_LABEL_B_LOC);
  g_assert_cmpint (labels[4], ==, KG_LABEL_O);
  _kg_tagger_free (tagger);

  g_unlink (train);
  g_unlink (model);
  g_rmdir (dir);
}

static void
test_trainer_reports_missing_data (void)
{
  const char *argv[] = { trainer, "/nonexistent/train.txt", "/nonexistent/model", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "/nonexistent/train.txt"));
}

static void
test_data_dir_from_environment (void)
{
  g_autofree char *path = NULL;

  g_setenv ("KG_DATADIR", "/some/where", TRUE);
  path = kg_find_data_file ("extract/tagger.model");
  g_assert_cmpstr (path, ==, "/some/where/extract/tagger.model");
  g_unsetenv ("KG_DATADIR");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: test-train NEWSGRAPH-TRAIN\n");
      return 1;
    }
  trainer = argv[1];
  g_test_add_func ("/train/train-and-tag", test_train_and_tag);
  g_test_add_func ("/train/reports-missing-data", test_trainer_reports_missing_data);
  g_test_add_func ("/train/data-dir-from-environment", test_data_dir_from_environment);
  return g_test_run ();
}
