/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kg-type-cues.h"
#include "stage-test.h"

/*
 * The words around a name correct the type the tagger gave it. Each text
 * is tagged by hand with the type a tagger might wrongly give ("person"
 * for an unfamiliar company), and the test checks what the cues make of it.
 */

/* The type of the first mention reading name after the cues ran on text. */
static KgEntityType
type_after_cues (const char        *text,
                 const char *const *tags,
                 const char        *name)
{
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (text, strlen (text));

  kg_tokenize (analysis);
  stage_test_tag (analysis, tags);
  kg_apply_type_cues (analysis);
  for (guint i = 0; i < analysis->mentions->len; i++)
    {
      const KgMention *m = &g_array_index (analysis->mentions, KgMention, i);
      if (m->end - m->start == strlen (name) && strncmp (text + m->start, name, m->end - m->start) == 0)
        return m->type;
    }
  g_error ("no mention of %s", name);
}

static void
test_apposition_names_the_kind (void)
{
  const char *text = "Harlow Pumps, the company that built the dam, denied it. Harlow said nothing. "
                     "Brightwater Holdings, a Norwegian shipping group, bought it.";
  const char *const tags[] = { "person:Harlow Pumps", "person:Harlow", "person:Brightwater Holdings", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Harlow Pumps"), ==, KG_ENTITY_ORGANIZATION);
  /* The first word alone is the same company. */
  g_assert_cmpint (type_after_cues (text, tags, "Harlow"), ==, KG_ENTITY_ORGANIZATION);
  g_assert_cmpint (type_after_cues (text, tags, "Brightwater Holdings"), ==, KG_ENTITY_ORGANIZATION);
}

static void
test_apposition_names_a_public_body (void)
{
  const char *text = "Calder Water, the regulator, fined the firm.";
  const char *const tags[] = { "organization:Calder Water", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Calder Water"), ==, KG_ENTITY_GOVERNMENT);
}

/* "a spokeswoman for the agency": the agency is not what she is. */
static void
test_apposition_about_someone_else (void)
{
  const char *text = "Nadia Rowe, a spokeswoman for the agency in Leeds, said so.";
  const char *const tags[] = { "person:Nadia Rowe", "place:Leeds", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Nadia Rowe"), ==, KG_ENTITY_PERSON);
}

static void
test_which_is_never_a_person (void)
{
  const char *text = "Kestrel Freight, which is based in Leeds, grew. Pia Holm, who runs it, smiled.";
  const char *const tags[] = { "person:Kestrel Freight", "place:Leeds", "person:Pia Holm", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Kestrel Freight"), ==, KG_ENTITY_ORGANIZATION);
  g_assert_cmpint (type_after_cues (text, tags, "Leeds"), ==, KG_ENTITY_PLACE);
  g_assert_cmpint (type_after_cues (text, tags, "Pia Holm"), ==, KG_ENTITY_PERSON);
}

static void
test_the_before_a_name (void)
{
  const char *text = "The memo was seen by the Fenwick Gazette. Tom Vale joined the Linden Park team.";
  const char *const tags[] = { "person:Fenwick Gazette", "person:Tom Vale", "person:Linden Park", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Fenwick Gazette"), ==, KG_ENTITY_ORGANIZATION);
  /* There "the" is the team's. */
  g_assert_cmpint (type_after_cues (text, tags, "Linden Park"), ==, KG_ENTITY_PERSON);
  g_assert_cmpint (type_after_cues (text, tags, "Tom Vale"), ==, KG_ENTITY_PERSON);
}

static void
test_office_of (void)
{
  const char *text = "The Office of Rail Safety said the line was closed.";
  const char *const tags[] = { "organization:Office of Rail Safety", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Office of Rail Safety"), ==, KG_ENTITY_GOVERNMENT);
}

/* A word of a person's name said alone stays that person's. */
static void
test_short_form_of_a_person_kept (void)
{
  const char *text = "Ada Brightwater spoke. Brightwater Holdings, the company she founded, grew. "
                     "Brightwater smiled.";
  const char *const tags[] = { "person:Ada Brightwater", "person:Brightwater Holdings", "person:Brightwater", NULL };

  g_assert_cmpint (type_after_cues (text, tags, "Brightwater Holdings"), ==, KG_ENTITY_ORGANIZATION);
  g_assert_cmpint (type_after_cues (text, tags, "Brightwater"), ==, KG_ENTITY_PERSON);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/type-cues/apposition-names-the-kind", test_apposition_names_the_kind);
  g_test_add_func ("/type-cues/apposition-names-a-public-body", test_apposition_names_a_public_body);
  g_test_add_func ("/type-cues/apposition-about-someone-else", test_apposition_about_someone_else);
  g_test_add_func ("/type-cues/which-is-never-a-person", test_which_is_never_a_person);
  g_test_add_func ("/type-cues/the-before-a-name", test_the_before_a_name);
  g_test_add_func ("/type-cues/office-of", test_office_of);
  g_test_add_func ("/type-cues/short-form-of-a-person-kept", test_short_form_of_a_person_kept);
  return g_test_run ();
}
