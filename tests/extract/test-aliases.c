/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-aliases"

#include "config.h"

#include "stage-test.h"

/* Mentions → entities: one entity per thing, whatever form the text uses. */

static KgGraph *
resolve (const char        *text,
         const char *const *names)
{
  KgGraph *graph = kg_graph_new ();

  stage_test_run (graph, text, names, FALSE, FALSE);
  return graph;
}

static gboolean
has_alias (KgEntity   *entity,
           const char *alias)
{
  for (guint i = 0; i < entity->aliases->len; i++)
    if (g_strcmp0 (g_ptr_array_index (entity->aliases, i), alias) == 0)
      return TRUE;
  return FALSE;
}

static void
test_surname (void)
{
  const char *names[] = { "person:Maria Delgado", "person:Delgado", NULL };
  g_autoptr(KgGraph) graph = resolve ("Delgado arrived late. Maria Delgado runs the port. "
                                      "Later Delgado left.", names);
  KgEntity *maria = stage_test_entity (graph, "Maria Delgado", KG_ENTITY_PERSON);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_cmpstr (maria->name, ==, "Maria Delgado");
  g_assert_true (has_alias (maria, "Delgado"));
  g_assert_cmpuint (maria->mentions->len, ==, 3);
}

static void
test_surname_untagged (void)
{
  /* The tagger missed the second "Okafor": the full name still claims it. */
  const char *names[] = { "person:Ben Okafor", NULL };
  g_autoptr(KgGraph) graph = resolve ("Ben Okafor spoke first. Okafor then left.", names);

  g_assert_cmpuint (stage_test_entity (graph, "Ben Okafor", KG_ENTITY_PERSON)->mentions->len, ==, 2);
}

static void
test_acronym_defined (void)
{
  const char *names[] = { "government:Federal Water Authority", "organization:FWA", NULL };
  g_autoptr(KgGraph) graph = resolve ("The Federal Water Authority (FWA) fined the town. "
                                      "The FWA said the fine stands.", names);
  KgEntity *fwa = stage_test_entity (graph, "Federal Water Authority", KG_ENTITY_GOVERNMENT);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_true (has_alias (fwa, "FWA"));
  g_assert_cmpuint (fwa->mentions->len, ==, 3);
}

static void
test_acronym_untagged (void)
{
  /* Neither "(FWA)" nor the later "FWA" was tagged. */
  const char *names[] = { "government:Federal Water Authority", NULL };
  g_autoptr(KgGraph) graph = resolve ("The Federal Water Authority (FWA) fined the town. "
                                      "The FWA said the fine stands.", names);

  g_assert_cmpuint (stage_test_entity (graph, "FWA", KG_ENTITY_GOVERNMENT)->mentions->len, ==, 3);
}

static void
test_initials (void)
{
  const char *names[] = { "organization:Orbis Media Group", "organization:OMG", NULL };
  g_autoptr(KgGraph) graph = resolve ("Orbis Media Group bought a paper. OMG paid cash.", names);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_true (has_alias (stage_test_entity (graph, "Orbis Media Group", KG_ENTITY_ORGANIZATION), "OMG"));
}

static void
test_short_and_long_forms (void)
{
  const char *names[] = { "organization:Halvorsen Labs", "organization:Halvorsen",
                          "organization:HL", NULL };
  g_autoptr(KgGraph) graph = resolve ("Halvorsen sells routers. HL (Halvorsen Labs) is "
                                      "based in Oslo. Halvorsen grew.", names);
  KgEntity *labs = stage_test_entity (graph, "Halvorsen Labs", KG_ENTITY_ORGANIZATION);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_true (has_alias (labs, "Halvorsen"));
  g_assert_true (has_alias (labs, "HL"));
  g_assert_cmpuint (labs->mentions->len, ==, 4);
}

static void
test_typo (void)
{
  const char *names[] = { "organization:Brightwater", "organization:Brigthwater", NULL };
  g_autoptr(KgGraph) graph = resolve ("Brightwater sells pumps. Brightwater grew. "
                                      "Brigthwater's rivals did not.", names);
  KgEntity *org = stage_test_entity (graph, "Brightwater", KG_ENTITY_ORGANIZATION);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_true (has_alias (org, "Brigthwater"));
  g_assert_cmpuint (org->mentions->len, ==, 3);
}

static void
test_short_names_stay_apart (void)
{
  /* One letter apart but short: two different firms. */
  const char *names[] = { "organization:Anka", "organization:Anna", NULL };
  g_autoptr(KgGraph) graph = resolve ("Anka sued Anna. Anna lost.", names);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 2);
}

static void
test_person_and_company (void)
{
  /* The founder and his company share a name; bare names are the company,
   * even where the tagger took them for the person. */
  const char *names[] = { "person:Oleg Brightwater", "organization:Brightwater",
                          NULL };
  g_autoptr(KgGraph) graph = kg_graph_new ();
  KgDocument *doc = kg_graph_add_document (graph, NULL, "t.txt", NULL,
                                           "Oleg Brightwater founded Brightwater. Brightwater "
                                           "sells pumps and Brightwater grew.", -1);
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (doc->text, doc->text_len);
  KgEntity *person, *company;

  kg_tokenize (analysis);
  stage_test_tag (analysis, names);
  /* The tagger read the last "Brightwater" as a person. */
  g_array_index (analysis->mentions, KgMention, analysis->mentions->len - 1).type = KG_ENTITY_PERSON;
  kg_resolve_entities (analysis, graph, doc);

  person = stage_test_entity (graph, "Oleg Brightwater", KG_ENTITY_PERSON);
  company = stage_test_entity (graph, "Brightwater", KG_ENTITY_ORGANIZATION);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 2);
  g_assert_cmpuint (person->mentions->len, ==, 1);
  g_assert_cmpuint (company->mentions->len, ==, 3);
}

static void
test_titles_and_possessives (void)
{
  const char *names[] = { "person:President Lena Varga", "person:Varga", NULL };
  g_autoptr(KgGraph) graph = resolve ("President Lena Varga signed. Varga's aides cheered.", names);
  KgEntity *varga = stage_test_entity (graph, "Lena Varga", KG_ENTITY_PERSON);
  const KgSpan *first = &g_array_index (varga->mentions, KgSpan, 0);
  const KgSpan *second = &g_array_index (varga->mentions, KgSpan, 1);

  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_cmpstr (varga->name, ==, "Lena Varga");
  g_assert_false (has_alias (varga, "President Lena Varga"));
  g_assert_cmpuint (first->start, ==, 10);
  g_assert_cmpuint (second->end - second->start, ==, 5);
}

static void
test_across_documents (void)
{
  const char *first[] = { "organization:Brightwater", NULL };
  const char *second[] = { "organization:Brightwater Labs", "organization:Brightwater", NULL };
  g_autoptr(KgGraph) graph = kg_graph_new ();
  KgEntity *org;

  stage_test_run (graph, "Brightwater sells pumps.", first, FALSE, FALSE);
  stage_test_run (graph, "Brightwater Labs hired. Brightwater grew.", second, FALSE, FALSE);
  org = stage_test_entity (graph, "Brightwater", KG_ENTITY_ORGANIZATION);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 1);
  g_assert_cmpstr (org->name, ==, "Brightwater Labs");
  g_assert_cmpuint (org->mentions->len, ==, 3);
}

static void
test_places_apart_from_governments (void)
{
  const char *names[] = { "government:Norland", NULL };
  g_autoptr(KgGraph) graph = kg_graph_new ();
  KgDocument *doc = kg_graph_add_document (graph, NULL, "t.txt", NULL,
                                           "Norland denied it. Trade in Norland fell.", -1);
  g_autoptr(KgAnalysis) analysis = kg_analysis_new (doc->text, doc->text_len);

  kg_tokenize (analysis);
  stage_test_tag (analysis, names);
  g_array_index (analysis->mentions, KgMention, 1).type = KG_ENTITY_PLACE;
  kg_resolve_entities (analysis, graph, doc);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 2);
  g_assert_nonnull (kg_graph_find_entity (graph, "Norland", KG_ENTITY_PLACE));
  g_assert_nonnull (kg_graph_find_entity (graph, "Norland", KG_ENTITY_GOVERNMENT));
}

/* A company's first word alone is the company, when it is read as one; a
 * person of the same name is not folded into it, nor are two companies
 * that share the word. */
static void
test_company_first_word (void)
{
  const char *names[] = { "organization:Tamsin Freight", "organization:Tamsin",
                          "person:Orrin", "organization:Orrin Aviation", NULL };
  g_autoptr(KgGraph) graph = resolve ("Tamsin Freight cut jobs. Tamsin said costs rose. "
                                      "\"It works,\" said Orrin, owner of Orrin Aviation.", names);
  KgEntity *tamsin = stage_test_entity (graph, "Tamsin Freight", KG_ENTITY_ORGANIZATION);

  g_assert_true (has_alias (tamsin, "Tamsin"));
  g_assert_cmpuint (tamsin->mentions->len, ==, 2);
  g_assert_nonnull (kg_graph_find_entity (graph, "Orrin", KG_ENTITY_PERSON));
}

static void
test_shared_first_word_stays_apart (void)
{
  const char *names[] = { "organization:Harbin Steel", "organization:Harbin Glass",
                          "organization:Harbin", NULL };
  g_autoptr(KgGraph) graph = resolve ("Harbin Steel and Harbin Glass merged. Harbin said so.", names);

  g_assert_false (has_alias (stage_test_entity (graph, "Harbin Steel", KG_ENTITY_ORGANIZATION), "Harbin"));
  g_assert_false (has_alias (stage_test_entity (graph, "Harbin Glass", KG_ENTITY_ORGANIZATION), "Harbin"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/aliases/surname", test_surname);
  g_test_add_func ("/aliases/surname-untagged", test_surname_untagged);
  g_test_add_func ("/aliases/acronym-defined", test_acronym_defined);
  g_test_add_func ("/aliases/acronym-untagged", test_acronym_untagged);
  g_test_add_func ("/aliases/initials", test_initials);
  g_test_add_func ("/aliases/short-and-long-forms", test_short_and_long_forms);
  g_test_add_func ("/aliases/company-first-word", test_company_first_word);
  g_test_add_func ("/aliases/shared-first-word-stays-apart", test_shared_first_word_stays_apart);
  g_test_add_func ("/aliases/typo", test_typo);
  g_test_add_func ("/aliases/short-names-stay-apart", test_short_names_stay_apart);
  g_test_add_func ("/aliases/person-and-company", test_person_and_company);
  g_test_add_func ("/aliases/titles-and-possessives", test_titles_and_possessives);
  g_test_add_func ("/aliases/across-documents", test_across_documents);
  g_test_add_func ("/aliases/places-apart-from-governments", test_places_apart_from_governments);
  return g_test_run ();
}
