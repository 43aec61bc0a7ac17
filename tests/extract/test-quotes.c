/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-quotes"

#include "config.h"

#include "stage-test.h"

/* Quotations and who said them. */

static const char *const people[] = {
  "person:Lena Varga", "person:Varga", "person:Tom Reyes", "person:Reyes",
  "organization:Fenwick Bank", "government:Water Board", NULL
};

static KgGraph *
quotes_of (const char *text)
{
  KgGraph *graph = kg_graph_new ();

  stage_test_run (graph, text, people, TRUE, FALSE);
  return graph;
}

/* The quote whose words start with start, checked to hold exactly words. */
static KgQuote *
quote_starting (KgGraph    *graph,
                const char *start)
{
  for (guint i = 0; i < kg_graph_get_n_quotes (graph); i++)
    {
      KgQuote *q = kg_graph_get_quote (graph, i);

      if (g_str_has_prefix (q->text, start))
        return q;
    }
  g_error ("no quote starts with %s", start);
  return NULL;
}

static const char *
speaker_of (KgGraph    *graph,
            const char *start)
{
  KgQuote *q = quote_starting (graph, start);

  return q->speaker == KG_NO_ENTITY ? NULL : kg_graph_get_entity (graph, q->speaker)->name;
}

static void
test_said_after (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Lena Varga spoke. \"We will appeal the fine,\" Varga said.");

  g_assert_cmpuint (kg_graph_get_n_quotes (graph), ==, 1);
  /* The span holds the words without the marks. */
  g_assert_cmpstr (quote_starting (graph, "We")->text, ==, "We will appeal the fine,");
  g_assert_cmpstr (speaker_of (graph, "We"), ==, "Lena Varga");
}

static void
test_said_before (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Tom Reyes said: \u201cThe bank has done nothing wrong.\u201d");

  g_assert_cmpstr (quote_starting (graph, "The bank")->text, ==, "The bank has done nothing wrong.");
  g_assert_cmpstr (speaker_of (graph, "The bank"), ==, "Tom Reyes");
}

static void
test_said_name_title (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Lena Varga was there. \"It was a fair ruling,\" said Tom "
                                        "Reyes, the chairman of Fenwick Bank.");

  g_assert_cmpstr (speaker_of (graph, "It was"), ==, "Tom Reyes");
}

static void
test_organisation_speaks (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Tom Reyes left. \"Nobody was harmed,\" the Water Board said.");

  g_assert_cmpstr (speaker_of (graph, "Nobody"), ==, "Water Board");
}

static void
test_he_said (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Tom Reyes met the Water Board on Monday.\n"
                                        "\"It went well,\" he said.");

  g_assert_cmpstr (speaker_of (graph, "It went"), ==, "Tom Reyes");
}

static void
test_apposition_speaker (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("\"Rates will rise,\" Tom Reyes, an economist at Fenwick Bank, "
                                        "said on Friday.");

  g_assert_cmpstr (speaker_of (graph, "Rates"), ==, "Tom Reyes");
}

static void
test_over_paragraphs (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Lena Varga wrote: \u201cFirst, the river is clean.\n"
                                        "\u201cSecond, the town is safe.\u201d\n"
                                        "Tom Reyes disagreed.");

  g_assert_cmpuint (kg_graph_get_n_quotes (graph), ==, 2);
  g_assert_cmpstr (quote_starting (graph, "First")->text, ==, "First, the river is clean.");
  g_assert_cmpstr (speaker_of (graph, "First"), ==, "Lena Varga");
  g_assert_cmpstr (speaker_of (graph, "Second"), ==, "Lena Varga");
}

static void
test_next_paragraph_keeps_speaker (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("\"We lost the case,\" Tom Reyes said.\n"
                                        "\"We will try again next year.\"\n");

  g_assert_cmpstr (speaker_of (graph, "We will"), ==, "Tom Reyes");
}

static void
test_second_quote_in_paragraph (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("\"Stay calm,\" the Water Board said. \"The water is safe "
                                        "to drink.\"");

  g_assert_cmpuint (kg_graph_get_n_quotes (graph), ==, 2);
  g_assert_cmpstr (speaker_of (graph, "The water"), ==, "Water Board");
}

static void
test_partial_quote (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Lena Varga said the plan was \"deeply flawed\" and "
                                        "should be dropped.");

  g_assert_cmpstr (quote_starting (graph, "deeply")->text, ==, "deeply flawed");
  g_assert_cmpstr (speaker_of (graph, "deeply"), ==, "Lena Varga");
}

static void
test_partial_quote_without_speaker (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("The plan was \"deeply flawed\" in places.");

  g_assert_null (speaker_of (graph, "deeply"));
}

static void
test_apostrophes_are_no_quotes (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Varga's team didn't say. The bank's staff won't either.");

  g_assert_cmpuint (kg_graph_get_n_quotes (graph), ==, 0);
}

static void
test_question_then_speaker (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Tom Reyes met Lena Varga.\n\"Who pays for this?\" Varga asked.");

  g_assert_cmpstr (speaker_of (graph, "Who pays"), ==, "Lena Varga");
}

static void
test_dash_attribution (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Tom Reyes was asked.\n"
                                        "\u201cThe river is ours.\u201d \u2015 Lena Varga\n");

  g_assert_cmpstr (speaker_of (graph, "The river"), ==, "Lena Varga");
}

static void
test_name_after_comma_quote (void)
{
  /* No speech verb, but the comma inside the marks and the name after. */
  g_autoptr(KgGraph) graph = quotes_of ("Lena Varga and Tom Reyes sat down. \"Keep the lights on,\" Varga sings to "
                                        "him.");

  g_assert_cmpstr (speaker_of (graph, "Keep"), ==, "Lena Varga");
}

static void
test_introduced_by_paragraph (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Tom Reyes spoke. Lena Varga continued:\n"
                                        "\"The town will rebuild the bridge.\"\n");

  g_assert_cmpstr (speaker_of (graph, "The town"), ==, "Lena Varga");
}

static void
test_nested_quotes (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Lena Varga said: \"They told us \u201cwait\u201d and we did.\"");

  g_assert_cmpuint (kg_graph_get_n_quotes (graph), ==, 1);
  g_assert_cmpstr (quote_starting (graph, "They")->text, ==, "They told us \u201cwait\u201d and we did.");
}

/* "… and said the bank would": the bank is what was said about, the
 * speaker is the subject before the quotation. */
static void
test_verb_joined_by_and (void)
{
  g_autoptr(KgGraph) graph = quotes_of ("Fenwick Bank lost the case. Tom Reyes called the ruling "
                                        "\"a gift to its rivals\" and said the bank would appeal.");

  g_assert_cmpstr (speaker_of (graph, "a gift"), ==, "Tom Reyes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotes/said-after", test_said_after);
  g_test_add_func ("/quotes/said-before", test_said_before);
  g_test_add_func ("/quotes/said-name-title", test_said_name_title);
  g_test_add_func ("/quotes/organisation-speaks", test_organisation_speaks);
  g_test_add_func ("/quotes/he-said", test_he_said);
  g_test_add_func ("/quotes/apposition-speaker", test_apposition_speaker);
  g_test_add_func ("/quotes/over-paragraphs", test_over_paragraphs);
  g_test_add_func ("/quotes/next-paragraph-keeps-speaker", test_next_paragraph_keeps_speaker);
  g_test_add_func ("/quotes/second-quote-in-paragraph", test_second_quote_in_paragraph);
  g_test_add_func ("/quotes/partial-quote", test_partial_quote);
  g_test_add_func ("/quotes/partial-quote-without-speaker", test_partial_quote_without_speaker);
  g_test_add_func ("/quotes/apostrophes-are-no-quotes", test_apostrophes_are_no_quotes);
  g_test_add_func ("/quotes/question-then-speaker", test_question_then_speaker);
  g_test_add_func ("/quotes/dash-attribution", test_dash_attribution);
  g_test_add_func ("/quotes/name-after-comma-quote", test_name_after_comma_quote);
  g_test_add_func ("/quotes/introduced-by-paragraph", test_introduced_by_paragraph);
  g_test_add_func ("/quotes/nested-quotes", test_nested_quotes);
  g_test_add_func ("/quotes/verb-joined-by-and", test_verb_joined_by_and);
  return g_test_run ();
}
