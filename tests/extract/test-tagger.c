/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tagger"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kg-analysis.h"
#include "kg-tagger-private.h"

/* The mentions of text as "type:words" joined by '|'. */
static char *
mentions_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  const KgTagger *tagger = kg_tagger_get_default (&error);
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, strlen (text));
  GString *out = g_string_new (NULL);
  gsize last_end = 0;

  g_assert_no_error (error);
  kg_tokenize (analysis);
  kg_tag_entities (analysis, tagger);
  for (guint m = 0; m < analysis->mentions->len; m++)
    {
      const KgMention *mention = &g_array_index (analysis->mentions, KgMention, m);
      const KgToken *first = &g_array_index (analysis->tokens, KgToken, mention->first_token);
      const KgToken *last = &g_array_index (analysis->tokens, KgToken, mention->end_token - 1);

      /* Sorted, not overlapping, on token boundaries, not yet resolved. */
      g_assert_cmpuint (mention->start, >=, last_end);
      g_assert_cmpuint (mention->start, ==, first->start);
      g_assert_cmpuint (mention->end, ==, last->end);
      g_assert_cmpuint (mention->entity, ==, KG_NO_ENTITY);
      last_end = mention->end;
      if (m > 0)
        g_string_append_c (out, '|');
      g_string_append_printf (out, "%s:", kg_entity_type_to_string (mention->type));
      g_string_append_len (out, text + mention->start, mention->end - mention->start);
    }
  return g_string_free (out, FALSE);
}

#define assert_mentions(text, expected) \
  G_STMT_START { g_autofree char *got = mentions_of (text); g_assert_cmpstr (got, ==, expected); } G_STMT_END

static void
test_person_and_place (void)
{
  assert_mentions ("Yesterday John Smith met reporters in Paris.",
                   "person:John Smith|place:Paris");
}

static void
test_title_not_in_person (void)
{
  assert_mentions ("President Bill Clinton spoke to Mr. Jones on Friday.",
                   "person:Bill Clinton|person:Jones");
  assert_mentions ("the talks, said Mr Qwertzu.", "person:Qwertzu");
}

static void
test_company_with_suffix (void)
{
  assert_mentions ("Shares of Acme Widgets Inc. rose 5 percent on Monday.",
                   "organization:Acme Widgets Inc.");
}

static void
test_possessive_stripped (void)
{
  assert_mentions ("Microsoft's chief executive resigned.", "organization:Microsoft");
}

static void
test_government_body (void)
{
  assert_mentions ("The US Department of Homeland Security issued a warning.",
                   "government:US Department of Homeland Security");
  assert_mentions ("Officials at the National Cyber Security Centre disagreed.",
                   "government:National Cyber Security Centre");
  assert_mentions ("The Federal Energy Regulatory Agency (FERA) met. Later FERA denied it.",
                   "government:Federal Energy Regulatory Agency|government:FERA|government:FERA");
}

static void
test_demonym_and_government_word (void)
{
  assert_mentions ("He cited ties between the firm and Russian intelligence.",
                   "government:Russian intelligence");
  assert_mentions ("Later the US government banned the software.",
                   "government:US government");
  assert_mentions ("Talks with Russia's government stalled.", "government:Russia");
}

static void
test_country_actor_or_place (void)
{
  assert_mentions ("Russia denied the accusations on Tuesday.", "government:Russia");
  assert_mentions ("The company has an office in Russia.", "place:Russia");
  assert_mentions ("On Monday the White House said it would act.", "government:White House");
}

static void
test_company_short_form_and_typo (void)
{
  assert_mentions ("Staff at Novikov Lab were told on Monday. Novikov said its software was safe. "
                   "Later Novikov denied it. Critics doubt Novikvo software.",
                   "organization:Novikov Lab|organization:Novikov|organization:Novikov|organization:Novikvo");
}

static void
test_surname_is_the_person (void)
{
  assert_mentions ("Maria Petrova joined the board in May. Petrova said the deal was fair.",
                   "person:Maria Petrova|person:Petrova");
}

static void
test_title_case_headline (void)
{
  /* The capitals of a headline are no evidence of a name; the same line
   * of names ("United Arab Emirates") keeps them. */
  assert_mentions ("Wealthy Voters Abandon Party Leader Over Tax Plan\n"
                   "Wealthy voters have started to abandon the party, a poll shows. The leader said "
                   "the tax plan would stay. John Smith, a voter in Ohio, said he was unhappy.\n",
                   "person:John Smith|place:Ohio");
}

static void
test_missing_model (void)
{
  g_autoptr(GError) error = NULL;
  KgTagger *tagger = _kg_tagger_load ("/nonexistent/tagger.model", &error);

  g_assert_null (tagger);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/tagger.model"));
}

static void
test_corrupt_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("kg-model-XXXXXX", &path, &error);
  KgTagger *tagger;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "KGTAG004 but truncated", -1, &error));
  g_close (fd, NULL);
  tagger = _kg_tagger_load (path, &error);
  g_assert_null (tagger);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, path));
  g_unlink (path);
}

static void
test_empty_text (void)
{
  assert_mentions ("", "");
  assert_mentions ("the cat sat on the mat.", "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tagger/person-and-place", test_person_and_place);
  g_test_add_func ("/tagger/title-not-in-person", test_title_not_in_person);
  g_test_add_func ("/tagger/company-with-suffix", test_company_with_suffix);
  g_test_add_func ("/tagger/possessive-stripped", test_possessive_stripped);
  g_test_add_func ("/tagger/government-body", test_government_body);
  g_test_add_func ("/tagger/demonym-and-government-word", test_demonym_and_government_word);
  g_test_add_func ("/tagger/country-actor-or-place", test_country_actor_or_place);
  g_test_add_func ("/tagger/company-short-form-and-typo", test_company_short_form_and_typo);
  g_test_add_func ("/tagger/surname-is-the-person", test_surname_is_the_person);
  g_test_add_func ("/tagger/title-case-headline", test_title_case_headline);
  g_test_add_func ("/tagger/missing-model", test_missing_model);
  g_test_add_func ("/tagger/corrupt-model", test_corrupt_model);
  g_test_add_func ("/tagger/empty-text", test_empty_text);
  return g_test_run ();
}
