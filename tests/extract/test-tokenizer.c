/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tokenizer"

#include "config.h"

#include <string.h>

#include "kg-analysis.h"

/* The tokens of text joined by '|', sentences separated by " / " and
 * paragraphs by " // ". */
static char *
render (const char *text)
{
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, strlen (text));
  GString *out = g_string_new (NULL);

  kg_tokenize (analysis);
  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      KgSentence *sentence = &g_array_index (analysis->sentences, KgSentence, s);
      if (s > 0)
        g_string_append (out, sentence->paragraph != g_array_index (analysis->sentences, KgSentence, s - 1).paragraph
                              ? " // " : " / ");
      for (guint k = sentence->first_token; k < sentence->end_token; k++)
        {
          KgToken *token = &g_array_index (analysis->tokens, KgToken, k);
          g_assert_cmpuint (token->sentence, ==, s);
          if (k > sentence->first_token)
            g_string_append_c (out, '|');
          g_string_append_len (out, text + token->start, token->end - token->start);
        }
    }
  return g_string_free (out, FALSE);
}

static KgTokenKind
kind_of (const char *text,
         const char *token_text)
{
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, strlen (text));

  kg_tokenize (analysis);
  for (guint k = 0; k < analysis->tokens->len; k++)
    {
      KgToken *token = &g_array_index (analysis->tokens, KgToken, k);
      if (token->end - token->start == strlen (token_text) &&
          memcmp (text + token->start, token_text, token->end - token->start) == 0)
        return token->kind;
    }
  g_assert_not_reached ();
}

#define assert_render(text, expected) \
  G_STMT_START { g_autofree char *got = render (text); g_assert_cmpstr (got, ==, expected); } G_STMT_END

static void
test_titles_and_initials (void)
{
  assert_render ("Mr. Smith met Dr. J. R. Jones. They talked.",
                 "Mr.|Smith|met|Dr.|J.|R.|Jones|. / They|talked|.");
  assert_render ("BASEBALL - ST. LOUIS BEAT MR. SMITH'S TEAM",
                 "BASEBALL|-|ST.|LOUIS|BEAT|MR.|SMITH|'S|TEAM");
}

static void
test_dotted_abbreviations (void)
{
  assert_render ("The U.S. government sued Acme Inc. on Monday.",
                 "The|U.S.|government|sued|Acme|Inc.|on|Monday|.");
  assert_render ("He moved to the U.S. The move was quick.",
                 "He|moved|to|the|U.S. / The|move|was|quick|.");
}

static void
test_curly_quotes_and_apostrophes (void)
{
  assert_render ("“We don’t know,” the UK’s minister said.",
                 "“|We|don’t|know|,|”|the|UK|’s|minister|said|.");
  assert_render ("O'Neill's team won.", "O'Neill|'s|team|won|.");
  assert_render ("the U.K.'s plan", "the|U.K.|'s|plan");
  g_assert_cmpint (kind_of ("She said \"no\".", "\""), ==, KG_TOKEN_QUOTE);
  g_assert_cmpint (kind_of ("the UK's plan", "'s"), ==, KG_TOKEN_WORD);
}

static void
test_quote_ends_sentence_inside (void)
{
  assert_render ("He said: \"It is over.\" Then he left.",
                 "He|said|:|\"|It|is|over|.|\" / Then|he|left|.");
  assert_render ("\"Is it over?\" he asked.", "\"|Is|it|over|?|\"|he|asked|.");
}

static void
test_urls_numbers_dashes (void)
{
  assert_render ("See https://example.org/a?b=1. It cost $1,250.50 – or 3.5% more…",
                 "See|https://example.org/a?b=1|. / It|cost|$|1,250.50|–|or|3.5|%|more|…");
  g_assert_cmpint (kind_of ("Visit www.example.com today", "www.example.com"), ==, KG_TOKEN_URL);
  assert_render ("Write to jane.doe@example.co.uk. Thanks.", "Write|to|jane.doe@example.co.uk|. / Thanks|.");
  assert_render ("Use e.g. apples at 5 p.m. on Friday.", "Use|e.g.|apples|at|5|p.m.|on|Friday|.");
  g_assert_cmpint (kind_of ("On 1996-08-22 it rained", "1996-08-22"), ==, KG_TOKEN_NUMBER);
  assert_render ("Haitai 64 2 43 .596 - Lotte", "Haitai|64|2|43|.596|-|Lotte");
  assert_render ("A well-known firm -- and more", "A|well-known|firm|--|and|more");
}

static void
test_tokenized_input (void)
{
  assert_render ("he said . \"\nBut not now .\n1. Michelle Freeman ( Jamaica ) 12.71\n",
                 "he|said|.|\" // But|not|now|. // 1|.|Michelle|Freeman|(|Jamaica|)|12.71");
}

static void
test_headline_line (void)
{
  assert_render ("Kaspersky banned by US government\nThe ban came on Tuesday.",
                 "Kaspersky|banned|by|US|government // The|ban|came|on|Tuesday|.");
}

static void
test_paragraphs (void)
{
  g_autoptr(KgAnalysis) analysis = NULL;
  const char *text = "First one. Second one.\n\nThird paragraph here.\nFourth line";

  assert_render (text, "First|one|. / Second|one|. // Third|paragraph|here|. // Fourth|line");
  analysis = kg_analysis_new (text, strlen (text));
  kg_tokenize (analysis);
  g_assert_cmpuint (analysis->paragraphs->len, ==, 3);
  g_assert_cmpuint (g_array_index (analysis->paragraphs, KgRange, 1).start, ==, strstr (text, "Third") - text);
  g_assert_cmpuint (g_array_index (analysis->paragraphs, KgRange, 0).end, ==, strstr (text, "\n") - text);
}

static void
test_one_sentence_per_line (void)
{
  assert_render ("SOCCER - JAPAN GET LUCKY WIN\nNadim Ladki\nAL-AIN , United Arab Emirates 1996-12-06\n",
                 "SOCCER|-|JAPAN|GET|LUCKY|WIN // Nadim|Ladki // AL-AIN|,|United|Arab|Emirates|1996-12-06");
}

static void
test_lowercase_after_period_continues (void)
{
  assert_render ("Yields rose 0.5 pct. to 7.1 pct. in May.", "Yields|rose|0.5|pct|.|to|7.1|pct|.|in|May|.");
}

static void
test_invalid_and_empty (void)
{
  const char bad[] = "abc \xff\xfe def";
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (bad, sizeof bad - 1);

  kg_tokenize (analysis);
  g_assert_cmpuint (analysis->tokens->len, ==, 2);
  assert_render ("", "");
  assert_render ("  \n\n ", "");
}

static void
test_endless_sentence (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(KgAnalysis) analysis = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "word ");
  analysis = kg_analysis_new (text->str, text->len);
  kg_tokenize (analysis);
  g_assert_cmpuint (analysis->tokens->len, ==, 5000);
  g_assert_cmpuint (analysis->sentences->len, >, 1);
  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      const KgSentence *sentence = &g_array_index (analysis->sentences, KgSentence, s);
      g_assert_cmpuint (sentence->end_token - sentence->first_token, <=, 1000);
    }
}

static void
test_text_not_terminated (void)
{
  /* The analysis may cover part of a buffer: nothing past length counts. */
  const char buffer[] = "ab htt" "p://example.org Mr. X";
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (buffer, 6);

  kg_tokenize (analysis);
  g_assert_cmpuint (analysis->tokens->len, ==, 2);
  g_assert_cmpuint (g_array_index (analysis->tokens, KgToken, 1).end, ==, 6);
  g_assert_cmpint (g_array_index (analysis->tokens, KgToken, 1).kind, ==, KG_TOKEN_WORD);
}

/* Words are read eight bytes at a time: a word of any length ends where
 * it ends, wherever a letter outside ASCII falls in it. */
static void
test_words_across_eight_bytes (void)
{
  for (guint length = 1; length <= 19; length++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);

      for (guint at = 0; at <= length; at++)
        {
          g_autoptr(GString) word = g_string_new (NULL);

          for (guint i = 0; i < length; i++)
            g_string_append (word, i == at ? "\xc3\xa9" : i % 3 ? "b" : "K");
          /* The word alone, then before a comma, a token of its own. */
          g_string_append_printf (text, "%s %s, ", word->str, word->str);
          g_string_append_printf (expected, "%s%s|%s|,", expected->len ? "|" : "", word->str, word->str);
        }
      {
        g_autofree char *got = render (text->str);
        g_assert_cmpstr (got, ==, expected->str);
      }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tokenizer/titles-and-initials", test_titles_and_initials);
  g_test_add_func ("/tokenizer/dotted-abbreviations", test_dotted_abbreviations);
  g_test_add_func ("/tokenizer/curly-quotes-and-apostrophes", test_curly_quotes_and_apostrophes);
  g_test_add_func ("/tokenizer/quote-ends-sentence-inside", test_quote_ends_sentence_inside);
  g_test_add_func ("/tokenizer/urls-numbers-dashes", test_urls_numbers_dashes);
  g_test_add_func ("/tokenizer/headline-line", test_headline_line);
  g_test_add_func ("/tokenizer/tokenized-input", test_tokenized_input);
  g_test_add_func ("/tokenizer/paragraphs", test_paragraphs);
  g_test_add_func ("/tokenizer/one-sentence-per-line", test_one_sentence_per_line);
  g_test_add_func ("/tokenizer/lowercase-after-period", test_lowercase_after_period_continues);
  g_test_add_func ("/tokenizer/invalid-and-empty", test_invalid_and_empty);
  g_test_add_func ("/tokenizer/text-not-terminated", test_text_not_terminated);
  g_test_add_func ("/tokenizer/endless-sentence", test_endless_sentence);
  g_test_add_func ("/tokenizer/words-across-eight-bytes", test_words_across_eight_bytes);
  return g_test_run ();
}
