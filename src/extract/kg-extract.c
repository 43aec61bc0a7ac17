/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <string.h>

#include "kg-analysis.h"
#include "kg-decode.h"
#include "kg-extract.h"
#include "kg-words.h"

G_DEFINE_QUARK (kg-extract-error-quark, kg_extract_error)

/* GIO's messages repeat the path, which the caller already puts first. */
static void
simplify_io_error (GError **error)
{
  const char *cause = NULL;

  if (error == NULL || *error == NULL || (*error)->domain != G_IO_ERROR)
    return;
  if ((*error)->code == G_IO_ERROR_NOT_FOUND)
    cause = "No such file";
  else if ((*error)->code == G_IO_ERROR_PERMISSION_DENIED)
    cause = "Permission denied: the file cannot be read";
  if (cause != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup (cause);
    }
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];
  gssize n;

  if (strcmp (path, "-") == 0)
    stream = g_unix_input_stream_new (0, FALSE);
  else
    {
      file = g_file_new_for_commandline_arg (path);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
      if (info == NULL)
        return NULL;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder, not a file");
          return NULL;
        }
      stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
      if (stream == NULL)
        return NULL;
    }

  /* Read in pieces so an endless or huge input stops at the limit. */
  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error)) > 0)
    {
      if (bytes->len + (gsize) n > KG_MAX_ARTICLE_BYTES)
        {
          g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_TOO_LARGE,
                       "is larger than %d MB, the limit for an article",
                       KG_MAX_ARTICLE_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
prefix_error (GError     **error,
              const char  *path)
{
  if (error && *error)
    g_prefix_error (error, "%s: ", strcmp (path, "-") == 0 ? "standard input" : path);
}

/* The tagger model and the word lists, loaded once per process. */
static const KgTagger *
load_data (GError **error)
{
  const KgTagger *tagger = kg_tagger_get_default (error);

  if (tagger == NULL || !kg_word_lists_load (error))
    {
      g_prefix_error (error, "The extractor's data is missing or damaged: ");
      return NULL;
    }
  return tagger;
}

/* The tokenizer's sentences, in text order and within the text, as the
 * document's: the array sized once rather than grown a sentence at a time. */
static void
copy_sentences (const KgAnalysis *analysis,
                KgDocument       *doc)
{
  guint n = doc->sentences->len;

  g_array_set_size (doc->sentences, n + analysis->sentences->len);
  for (guint i = 0; i < analysis->sentences->len; i++)
    {
      const KgSentence *s = &g_array_index (analysis->sentences, KgSentence, i);

      g_array_index (doc->sentences, KgRange, n + i) = (KgRange) { s->start, s->end };
    }
}

gboolean
kg_extract_document (KgGraph     *graph,
                     KgDocument  *doc,
                     GError     **error)
{
  const KgTagger *tagger = load_data (error);
  g_autoptr(KgAnalysis) analysis = NULL;
  g_autofree gint *mention_of = NULL;

  if (tagger == NULL)
    return FALSE;
  analysis = kg_analysis_new (doc->text, doc->text_len);
  kg_tokenize (analysis);
  copy_sentences (analysis, doc);
  kg_tag_entities (analysis, tagger);
  kg_resolve_entities (analysis, graph, doc);
  /* Quotes and relations leave the mentions as they are: one index. */
  mention_of = kg_mention_index (analysis);
  kg_find_quotes_indexed (analysis, graph, doc, mention_of);
  kg_find_relations_indexed (analysis, graph, doc, mention_of);
  return TRUE;
}

gboolean
kg_extract_text (KgGraph     *graph,
                 const char  *path,
                 const char  *text,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *title = NULL;
  KgDocument *doc;

  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  /* Fail before the graph changes. Tokens hold 32-bit offsets. */
  if (length > KG_MAX_ARTICLE_BYTES)
    {
      g_set_error (error, KG_DECODE_ERROR, KG_DECODE_ERROR_TOO_LARGE,
                   "is larger than %d MB, the limit for an article",
                   KG_MAX_ARTICLE_BYTES / (1024 * 1024));
      prefix_error (error, path);
      return FALSE;
    }
  if (load_data (error) == NULL)
    {
      prefix_error (error, path);
      return FALSE;
    }
  title = kg_guess_title (text, length);
  doc = kg_graph_add_document (graph, NULL, path, title, text, length);
  return kg_extract_document (graph, doc, error);
}

gboolean
kg_extract_article (KgGraph     *graph,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  bytes = read_input (path, error);
  simplify_io_error (error);
  if (bytes != NULL)
    text = kg_decode_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &length, error);
  if (text == NULL)
    {
      prefix_error (error, path);
      return FALSE;
    }
  return kg_extract_text (graph, path, text, length, error);
}
