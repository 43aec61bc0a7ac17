/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include "kg-analysis.h"
#include "kg-tokenizer-private.h"

KgAnalysis *
kg_analysis_new (const char *text,
                 gsize       length)
{
  KgAnalysis *analysis = g_new0 (KgAnalysis, 1);

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  analysis->text = text;
  analysis->length = length;
  analysis->tokens = g_array_sized_new (FALSE, FALSE, sizeof (KgToken), KG_TOKENS_RESERVED (length));
  analysis->sentences = g_array_new (FALSE, FALSE, sizeof (KgSentence));
  analysis->paragraphs = g_array_new (FALSE, FALSE, sizeof (KgRange));
  analysis->mentions = g_array_new (FALSE, FALSE, sizeof (KgMention));
  return analysis;
}

void
kg_analysis_free (KgAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_array_unref (analysis->tokens);
  g_array_unref (analysis->sentences);
  g_array_unref (analysis->paragraphs);
  g_array_unref (analysis->mentions);
  g_free (analysis->token_hashes);
  g_clear_pointer (&analysis->capitalised, g_array_unref);
  g_free (analysis->token_case);
  g_free (analysis->token_shapes);
  g_free (analysis);
}

char *
kg_find_data_file (const char *relative_path)
{
  const char *env = g_getenv ("KG_DATADIR");

  g_return_val_if_fail (relative_path != NULL, NULL);

  if (env != NULL && *env != '\0')
    return g_build_filename (env, relative_path, NULL);
  /* An uninstalled build reads the source tree, so a retrained model or an
   * edited lexicon takes effect without installing. */
  if (g_file_test (KG_SOURCE_DATADIR, G_FILE_TEST_IS_DIR))
    return g_build_filename (KG_SOURCE_DATADIR, relative_path, NULL);
  return g_build_filename (PKGDATADIR, relative_path, NULL);
}
