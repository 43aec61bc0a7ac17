/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "kg-extract.h"
#include "hostile.h"

/*
 * Denial of service: extraction and graph loading take time in proportion
 * to their input, so eight times the input may cost eight times the time,
 * not sixty-four. The bound (under 16 for 8×) leaves room for the memory
 * hierarchy and for noise on a shared machine: the large input's working
 * set outgrows the caches, so faster code spends a larger share of its
 * time waiting on memory (alone, 10–12× was measured once extraction ran
 * at 36 MB/s), and even n^1.5 would come to 23. The time is this thread's
 * CPU time, which other processes inflate only through the shared cache
 * (so the suite runs this test alone), and the fastest of a few runs
 * counts.
 */

/* AddressSanitizer's allocator (quarantine, redzones) costs more per byte
 * on large inputs, so under it the bound only tells linear from quadratic
 * (which would be 64). */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifdef SANITIZED
#define MAX_RATIO   32
#define SMALL_BYTES (64 * 1024)     /* the same 8×, in the sanitizer run's time */
#else
#define MAX_RATIO   16
#define SMALL_BYTES (1024 * 1024)
#endif

static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* An article-like text of about size bytes: names, quotes, brackets,
 * sentences, paragraphs; with serial numbers so that names keep coming. */
static GString *
article_of_size (gsize size)
{
  GString *text = g_string_new ("Harbour Talks\n\n");

  for (guint i = 0; text->len < size; i++)
    g_string_append_printf (text,
                            "Anna Berg, the mayor of Oslo, met Olaf Lund%u of Acme Bank%u on Tuesday. "
                            "\xE2\x80\x9CWe agree,\xE2\x80\x9D said Lund%u (who heads the Ministry of Trade). "
                            "The Department of Energy criticised Nordic Shipping Group.\n\n", i % 512, i % 64, i % 512);
  return text;
}

typedef struct
{
  const char *data;
  gsize       length;
} Input;

static void
extract (const Input *input)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (kg_extract_text (graph, "timed.txt", input->data, input->length, &error));
  g_assert_no_error (error);
}

static void
load (const Input *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_load_from_data (input->data, input->length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
}

/* The least CPU time work took on data in runs tries. */
static double
best_time (void         (*work) (const Input *),
           const char    *data,
           gsize          length,
           guint          runs)
{
  Input input = { data, length };
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < runs; run++)
    {
      double start = cpu_seconds ();
      work (&input);
      best = MIN (best, cpu_seconds () - start);
    }
  return best;
}

/* growth: how many times larger the large input is (about 8); linear
 * stays under max_ratio for 8×. */
static void
assert_linear_within (const char *what,
                      double      growth,
                      double      small,
                      double      large,
                      double      max_ratio)
{
  g_test_message ("%s: %.3f s, then %.3f s for %.1f× the input (ratio %.1f)",
                  what, small, large, growth, large / small);
  if (large > max_ratio * growth / 8 * small)
    g_error ("%s is not linear: %.1f× the input took %.1f× the time (%.3f s, %.3f s)",
             what, growth, large / small, small, large);
}

static void
assert_linear (const char *what,
               double      growth,
               double      small,
               double      large)
{
  assert_linear_within (what, growth, small, large, MAX_RATIO);
}

static void
test_extraction (void)
{
  g_autoptr(GString) small = article_of_size (SMALL_BYTES);
  g_autoptr(GString) large = article_of_size (8 * SMALL_BYTES);

  assert_linear ("extraction", (double) large->len / small->len,
                 best_time (extract, small->str, small->len, 5),
                 best_time (extract, large->str, large->len, 3));
}

/* A made-up word of two syllables, capitalised: names of two such words
 * keep coming, and the tagger reads many of them as people. */
static void
append_word (GString *text,
             GRand   *rand)
{
  static const char *const syllables[] = {
    "har", "low", "kes", "trel", "or", "rin", "tam", "sin",
    "mar", "dek", "vel", "lor", "pen", "qua", "zin", "bro",
  };
  gsize start = text->len;

  for (guint k = 0; k < 2; k++)
    g_string_append (text, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  text->str[start] = g_ascii_toupper (text->str[start]);
}

static void
append_name (GString *text,
             GRand   *rand)
{
  append_word (text, rand);
  g_string_append_c (text, ' ');
  append_word (text, rand);
}

/* Many unfamiliar names, each with the words that retype it ("X, which
 * is based in …", "met the X."): retyping them all must not cost a pass
 * over the document for each. */
static GString *
retyped_names_of_size (gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  GString *text = g_string_new (NULL);

  while (text->len < size)
    {
      append_name (text, rand);
      g_string_append (text, ", which is based in Leeds, grew. Officials said ");
      append_name (text, rand);
      g_string_append (text, " met the ");
      append_name (text, rand);
      g_string_append (text, ".\n\n");
    }
  return text;
}

static void
test_retyped_names (void)
{
  g_autoptr(GString) small = retyped_names_of_size (SMALL_BYTES / 2);
  g_autoptr(GString) large = retyped_names_of_size (4 * SMALL_BYTES);

  /* Thousands of distinct names make the tables outgrow the caches, so
   * linear comes to 10–11 here; retyping with a pass over the document
   * per name came to 67. */
  assert_linear_within ("retyping names", (double) large->len / small->len,
                        best_time (extract, small->str, small->len, 3),
                        best_time (extract, large->str, large->len, 2), 2 * MAX_RATIO);
}

static char *
extracted_json (gsize  article_size,
                gsize *length)
{
  g_autoptr(GString) text = article_of_size (article_size);
  g_autoptr(KgGraph) graph = kg_graph_new ();

  g_assert_true (kg_extract_text (graph, "source.txt", text->str, text->len, NULL));
  return kg_graph_to_json (graph, length);
}

/* A graph document of about size bytes, from an article scaled to fit. */
static char *
graph_json_of_size (gsize  size,
                    gsize *length)
{
  g_autofree char *probe = extracted_json (SMALL_BYTES / 8, length);
  gsize article_size = (double) size / *length * (SMALL_BYTES / 8);

  g_assert_nonnull (probe);
  return extracted_json (article_size, length);
}

static void
test_loading (void)
{
  gsize small_length, large_length;
  g_autofree char *small = graph_json_of_size (SMALL_BYTES, &small_length);
  g_autofree char *large = graph_json_of_size (8 * SMALL_BYTES, &large_length);

  g_test_message ("graph documents of %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT " bytes",
                  small_length, large_length);
  g_assert_cmpfloat ((double) large_length / small_length, >, 6);
  assert_linear ("graph loading", (double) large_length / small_length,
                 best_time (load, small, small_length, 3),
                 best_time (load, large, large_length, 2));
}

/* Nesting that would exhaust a recursive parser: a megabyte of opening
 * brackets and quotation marks, none closed. */
static void
test_nested_article (void)
{
  g_autoptr(GString) text = g_string_new ("Anna Berg said ");
  g_autoptr(KgGraph) graph = kg_graph_new ();

  while (text->len < SMALL_BYTES)
    g_string_append (text, "(\xE2\x80\x9C[\xC2\xAB\"{'");
  g_string_append (text, " Acme Bank.\n");
  g_assert_true (kg_extract_text (graph, "nested.txt", text->str, text->len, NULL));
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  hostile_init (&argc, &argv);
  g_test_add_func ("/hostile/linear/extraction", test_extraction);
  g_test_add_func ("/hostile/linear/loading", test_loading);
  g_test_add_func ("/hostile/linear/retyped-names", test_retyped_names);
  g_test_add_func ("/hostile/linear/nested-article", test_nested_article);
  return hostile_finish ();
}
