/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <glib/gstdio.h>

#include "kg-input.h"

static void
test_html_to_text (void)
{
  g_autofree char *text = kg_input_html_to_text (
    "<html><head><title>T</title><style>p { color: red }</style></head>"
    "<body><script>var x = \"<p>Hidden</p>\";</script>"
    "<p>Tom &amp; Jerry met&nbsp;the <b>US</b> Department&#8217;s head &#x2014; twice.</p>"
    "<!-- a comment with Secret Name -->"
    "<div>Second&lt;para&gt; &unknown; &</div></body></html>");

  g_assert_null (strstr (text, "Hidden"));
  g_assert_null (strstr (text, "color"));
  g_assert_null (strstr (text, "Secret"));
  g_assert_null (strstr (text, "<p>"));
  g_assert_null (strstr (text, "<b>"));
  g_assert_nonnull (strstr (text, "Tom & Jerry met the US Department’s head — twice."));
  g_assert_nonnull (strstr (text, "\nSecond<para> &unknown; &"));
}

/* Character references past Unicode stay as written, whatever their low bits. */
static void
test_html_references_out_of_range (void)
{
  g_autofree char *text = kg_input_html_to_text ("<p>&#x100000041; &#4294967361; &#65;</p>");

  g_assert_nonnull (strstr (text, "&#x100000041; &#4294967361; A"));
}

/* The best of three runs, in seconds. */
static double
seconds_to_convert (const char *html)
{
  double best = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *text = kg_input_html_to_text (html);

      g_assert_nonnull (text);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
    }
  return best;
}

/* A page of ampersands and no semicolon: each '&' looks only a few bytes
 * ahead for one, so eight times the page takes about eight times as long;
 * searching to the end of the text each time made it quadratic (64 times,
 * and minutes for the larger page). The bound leaves room for a busy machine. */
static void
test_html_many_ampersands_linear (void)
{
  g_autofree char *small = g_strnfill (256 * 1024, '&');
  g_autofree char *large = g_strnfill (8 * 256 * 1024, '&');
  double t_small = MAX (seconds_to_convert (small), 1e-4);
  double t_large = seconds_to_convert (large);

  g_test_message ("256 KB: %.4f s, 2 MB: %.4f s", t_small, t_large);
  g_assert_cmpfloat (t_large / t_small, <, 24);
}

static void
test_dispatch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autofree char *dir = g_dir_make_tmp ("kg-test-input-XXXXXX", &error);
  g_autofree char *html = g_build_filename (dir, "page.HTML", NULL);
  g_autofree char *dot = g_build_filename (dir, "graph.gv", NULL);
  g_autofree char *md = g_build_filename (dir, "notes.md", NULL);
  KgDocument *doc;

  g_assert_true (g_file_set_contents (html, "<p>Angela Merkel visited <i>Paris</i> on Monday.</p>"
                                      "<script>alert('x')</script>", -1, NULL));
  g_assert_true (g_file_set_contents (dot, "digraph { a -> b }", -1, NULL));
  g_assert_true (g_file_set_contents (md, "# Notes\n\nAngela Merkel spoke.\n", -1, NULL));

  g_assert_true (kg_input_load (graph, html, &error));
  g_assert_no_error (error);
  doc = kg_graph_get_document (graph, 0);
  /* The document holds the text a reader sees, not the markup. */
  g_assert_nonnull (strstr (doc->text, "Angela Merkel visited Paris on Monday."));
  g_assert_null (strstr (doc->text, "alert"));
  g_assert_null (strstr (doc->text, "<"));

  g_assert_true (kg_input_load (graph, dot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 1);
  g_assert_nonnull (kg_graph_find_entity (graph, "a", KG_ENTITY_ORGANIZATION));

  g_assert_true (kg_input_load (graph, md, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 2);

  g_remove (html);
  g_remove (dot);
  g_remove (md);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/input/html-to-text", test_html_to_text);
  g_test_add_func ("/input/html-references-out-of-range", test_html_references_out_of_range);
  g_test_add_func ("/input/html-many-ampersands-linear", test_html_many_ampersands_linear);
  g_test_add_func ("/input/dispatch-by-extension", test_dispatch);
  return g_test_run ();
}
