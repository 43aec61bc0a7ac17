/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-extract"

#include "config.h"

#include <string.h>
#include <time.h>

#include "kg-analysis.h"

/*
 * Throughput of tokenizer + tagger over news text, model loading excluded:
 *   bench-extract [--speed-only] [--megabytes=10] [FOLDER_OR_FILE…]
 * Without arguments it reads $KG_SHARED_DIR/eval/polnear/dev/text. The
 * articles are repeated until at least 10 MB went through, one analysis per
 * article, timed in CPU time of one thread; then all of them once more as a single document, for the peak
 * memory against the input size.
 */

static gsize min_bytes = 10 * 1000 * 1000;

static void
read_texts (const char *path,
            GPtrArray  *texts)
{
  g_autoptr(GDir) dir = NULL;
  char *contents;
  const char *name;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_ptr_array_add (texts, contents);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_get_contents (child, &contents, NULL, NULL))
        g_ptr_array_add (texts, contents);
    }
}

static gsize
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10);
}

static gsize
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10);
}

/* CPU time of this thread in µs: on a busy machine wall time measures the
 * neighbours too. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static guint
analyse (const char     *text,
         gsize           length,
         const KgTagger *tagger)
{
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, length);

  kg_tokenize (analysis);
  kg_tag_entities (analysis, tagger);
  return analysis->mentions->len;
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  const KgTagger *tagger;
  gint64 t0, t1;
  gsize bytes = 0, base_kb;
  guint mentions = 0;

  gboolean memory = TRUE;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--speed-only") == 0)
      memory = FALSE;
    else if (g_str_has_prefix (argv[i], "--megabytes="))
      min_bytes = g_ascii_strtod (argv[i] + 12, NULL) * 1e6;
    else
      read_texts (argv[i], texts);
  if (texts->len == 0)
    {
      const char *shared = g_getenv ("KG_SHARED_DIR");
      g_autofree char *dir = g_build_filename (shared ? shared : "../shared", "eval", "polnear", "dev", "text", NULL);
      read_texts (dir, texts);
    }
  if (texts->len == 0)
    {
      g_printerr ("bench-extract: no texts to read\n");
      return 1;
    }

  t0 = cpu_time ();
  tagger = kg_tagger_get_default (&error);
  t1 = cpu_time ();
  if (tagger == NULL)
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }
  g_print ("model load: %.1f ms\n", (t1 - t0) / 1000.0);

  t0 = cpu_time ();
  while (bytes < min_bytes)
    for (guint i = 0; i < texts->len; i++)
      {
        const char *text = g_ptr_array_index (texts, i);
        g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, strlen (text));
        kg_tokenize (analysis);
        bytes += analysis->length;
      }
  t1 = cpu_time ();
  g_print ("tokenizer alone: %.1f MB/s\n", bytes / ((t1 - t0) / 1e6) / 1e6);

  bytes = 0;
  t0 = cpu_time ();
  while (bytes < min_bytes)
    for (guint i = 0; i < texts->len; i++)
      {
        const char *text = g_ptr_array_index (texts, i);
        gsize n = strlen (text);
        mentions += analyse (text, n, tagger);
        bytes += n;
      }
  t1 = cpu_time ();
  g_print ("tokenizer + tagger: %.1f MB in %.2f s, %.1f MB/s, %u mentions\n",
           bytes / 1e6, (t1 - t0) / 1e6, bytes / ((t1 - t0) / 1e6) / 1e6, mentions);

  if (!memory)
    return 0;
  while (all->len < min_bytes)
    for (guint i = 0; i < texts->len; i++)
      {
        g_string_append (all, g_ptr_array_index (texts, i));
        g_string_append (all, "\n\n");
      }
  base_kb = current_rss_kb ();
  analyse (all->str, all->len, tagger);
  g_print ("one %.1f MB document: peak memory %.1f x the input\n", all->len / 1e6,
           (peak_rss_kb () - base_kb) * 1024.0 / all->len);
  return 0;
}
