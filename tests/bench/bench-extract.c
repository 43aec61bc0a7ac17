/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-extract"

#include "config.h"

#include <string.h>
#include <time.h>

#include "kg-analysis.h"
#include "kg-extract.h"

/*
 * Throughput of the extractor over news text, model loading excluded:
 *   bench-extract [--speed-only] [--megabytes=10] [FOLDER_OR_FILE…]
 * Without arguments it reads $KG_SHARED_DIR/eval/polnear/dev/text. The
 * articles are repeated until at least 10 MB went through, one document per
 * article, timed in CPU time of one thread: the tokenizer alone, tokenizer +
 * tagger, then the whole extraction (kg_extract_text into a graph per pass
 * over the articles) with the time of each stage. Then all of them once more
 * as a single document, for the time and the peak memory against the input
 * size.
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

enum { STAGE_TOKENS, STAGE_TAGS, STAGE_ALIASES, STAGE_QUOTES, STAGE_RELATIONS, N_STAGES };

static const char *const stage_names[N_STAGES] = {
  "tokenize", "tag", "aliases", "quotes", "relations",
};

/* The stages of kg_extract_document() one by one, each timed. */
static void
extract_staged (KgGraph        *graph,
                const char     *text,
                gsize           length,
                const KgTagger *tagger,
                gint64         *stage_us)
{
  KgDocument *doc = kg_graph_add_document (graph, NULL, "bench", NULL, text, length);
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (doc->text, doc->text_len);
  gint64 t = cpu_time (), t1;

  kg_tokenize (analysis);
  for (guint i = 0; i < analysis->sentences->len; i++)
    {
      const KgSentence *s = &g_array_index (analysis->sentences, KgSentence, i);
      kg_document_add_sentence (doc, s->start, s->end);
    }
  t1 = cpu_time (); stage_us[STAGE_TOKENS] += t1 - t; t = t1;
  kg_tag_entities (analysis, tagger);
  t1 = cpu_time (); stage_us[STAGE_TAGS] += t1 - t; t = t1;
  kg_resolve_entities (analysis, graph, doc);
  t1 = cpu_time (); stage_us[STAGE_ALIASES] += t1 - t; t = t1;
  kg_find_quotes (analysis, graph, doc);
  t1 = cpu_time (); stage_us[STAGE_QUOTES] += t1 - t; t = t1;
  kg_find_relations (analysis, graph, doc);
  t1 = cpu_time (); stage_us[STAGE_RELATIONS] += t1 - t;
}

/* kg_extract_text() over the articles until min_bytes went through, a new
 * graph for each pass over them, as the command line does for a corpus. */
static gboolean
bench_whole (GPtrArray  *texts,
             GError    **error)
{
  gsize bytes = 0;
  guint entities = 0;
  gint64 t0 = cpu_time (), t1;

  while (bytes < min_bytes)
    {
      g_autoptr(KgGraph) graph = kg_graph_new ();

      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);
          gsize n = strlen (text);

          if (!kg_extract_text (graph, "bench", text, n, error))
            return FALSE;
          bytes += n;
        }
      entities += kg_graph_get_n_entities (graph);
    }
  t1 = cpu_time ();
  g_print ("whole extraction: %.1f MB in %.2f s, %.1f MB/s, %u entities\n",
           bytes / 1e6, (t1 - t0) / 1e6, bytes / ((t1 - t0) / 1e6) / 1e6, entities);
  return TRUE;
}

static void
bench_stages (GPtrArray      *texts,
              const KgTagger *tagger)
{
  gint64 stage_us[N_STAGES] = { 0 };
  g_autoptr(GString) line = g_string_new ("stages (s):");
  gsize bytes = 0;

  while (bytes < min_bytes)
    {
      g_autoptr(KgGraph) graph = kg_graph_new ();

      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);
          gsize n = strlen (text);

          extract_staged (graph, text, n, tagger, stage_us);
          bytes += n;
        }
    }
  for (guint i = 0; i < N_STAGES; i++)
    g_string_append_printf (line, " %s %.2f (%.0f MB/s)", stage_names[i], stage_us[i] / 1e6,
                            stage_us[i] > 0 ? bytes / (double) stage_us[i] : 0.0);
  g_print ("%s\n", line->str);
}

/* The whole extraction of everything as one document: its speed, and the
 * peak memory over what the process held before, against the input. */
static gboolean
bench_one_document (GString *all,
                    gsize    base_kb)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;
  gint64 t0 = cpu_time (), t1;

  if (g_getenv ("BENCH_STAGE_MEMORY") != NULL)
    {
      /* Where the peak is reached, stage by stage (a diagnosis, not a figure). */
      KgDocument *doc = kg_graph_add_document (graph, NULL, "bench", NULL, all->str, all->len);
      g_autoptr(KgAnalysis) analysis = kg_analysis_new (doc->text, doc->text_len);
      const KgTagger *tagger = kg_tagger_get_default (NULL);

      kg_tokenize (analysis);
      g_print ("  after tokenize: %.1f x\n", (peak_rss_kb () - base_kb) * 1024.0 / all->len);
      kg_tag_entities (analysis, tagger);
      g_print ("  after tag: %.1f x\n", (peak_rss_kb () - base_kb) * 1024.0 / all->len);
      kg_resolve_entities (analysis, graph, doc);
      g_print ("  after aliases: %.1f x\n", (peak_rss_kb () - base_kb) * 1024.0 / all->len);
      kg_find_quotes (analysis, graph, doc);
      g_print ("  after quotes: %.1f x\n", (peak_rss_kb () - base_kb) * 1024.0 / all->len);
      kg_find_relations (analysis, graph, doc);
      g_print ("  after relations: %.1f x\n", (peak_rss_kb () - base_kb) * 1024.0 / all->len);
      return TRUE;
    }
  if (!kg_extract_text (graph, "bench", all->str, all->len, &error))
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return FALSE;
    }
  t1 = cpu_time ();
  g_print ("one %.1f MB document, whole extraction: %.1f MB/s, peak memory %.1f x the input\n",
           all->len / 1e6, all->len / ((t1 - t0) / 1e6) / 1e6,
           (peak_rss_kb () - base_kb) * 1024.0 / all->len);
  return TRUE;
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
  {
    /* The word lists load on first use: not part of the timing either. */
    g_autoptr(KgGraph) graph = kg_graph_new ();
    if (!kg_extract_text (graph, "warm-up", "Warm up.", 8, &error))
      {
        g_printerr ("bench-extract: %s\n", error->message);
        return 1;
      }
  }

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

  if (!bench_whole (texts, &error))
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }
  bench_stages (texts, tagger);

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
  g_print ("one %.1f MB document, tokenizer + tagger: peak memory %.1f x the input\n", all->len / 1e6,
           (peak_rss_kb () - base_kb) * 1024.0 / all->len);
  return bench_one_document (all, base_kb) ? 0 : 1;
}
