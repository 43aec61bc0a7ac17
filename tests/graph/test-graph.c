/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kg-graph.h"

/* A small graph with every kind of record, non-ASCII text and a position. */
static KgGraph *
make_sample_graph (void)
{
  static const char text[] = "Zoë Ortiz, chief of Acme Bank, said: \"We grow.\"\nAcme Bank is in Lyon.";
  KgGraph *graph = kg_graph_new ();
  KgDocument *doc = kg_graph_add_document (graph, NULL, "a.txt", "", text, -1);
  KgEntity *zoe, *acme, *lyon;
  KgRelation *role;

  kg_document_add_sentence (doc, 0, 48);
  kg_document_add_sentence (doc, 49, strlen (text));
  zoe = kg_graph_add_entity (graph, NULL, "Zoë Ortiz", KG_ENTITY_PERSON);
  kg_entity_add_mention (zoe, 0, 0, 10);
  kg_graph_add_alias (graph, zoe, "Ortiz");
  acme = kg_graph_add_entity (graph, NULL, "Acme Bank", KG_ENTITY_ORGANIZATION);
  kg_entity_add_mention (acme, 0, 21, 30);
  kg_entity_add_mention (acme, 0, 49, 58);
  acme->has_position = TRUE;
  acme->x = 12.5;
  acme->y = -3.25;
  lyon = kg_graph_add_entity (graph, NULL, "Lyon", KG_ENTITY_PLACE);
  kg_entity_add_mention (lyon, 0, 65, 69);
  /* As if read from a Graphviz file that counted more than this text shows. */
  lyon->unlisted_mentions = 4;
  role = kg_graph_add_relation (graph, NULL, zoe->index, acme->index, KG_RELATION_ROLE, "chief");
  kg_relation_add_evidence (role, 0, 0, 48);
  kg_graph_add_relation (graph, NULL, acme->index, lyon->index, KG_RELATION_LOCATED_IN, "");
  kg_graph_add_quote (graph, NULL, zoe->index, 0, 39, 47);
  kg_graph_add_quote (graph, NULL, KG_NO_ENTITY, 0, 39, 41);
  return graph;
}

static void
test_ids_and_lookups (void)
{
  g_autoptr(KgGraph) graph = make_sample_graph ();
  KgEntity *zoe = kg_graph_find_entity (graph, "Zoë Ortiz", KG_ENTITY_PERSON);

  g_assert_nonnull (zoe);
  g_assert_cmpstr (zoe->id, ==, "e0");
  /* An alias finds the entity; the same name with another type does not. */
  g_assert_true (kg_graph_find_entity (graph, "Ortiz", KG_ENTITY_PERSON) == zoe);
  g_assert_null (kg_graph_find_entity (graph, "Zoë Ortiz", KG_ENTITY_ORGANIZATION));
  g_assert_true (kg_graph_lookup_entity (graph, "e1") == kg_graph_get_entity (graph, 1));
  g_assert_cmpstr (kg_graph_get_quote (graph, 0)->text, ==, "We grow.");
  g_assert_true (kg_graph_ensure_entity (graph, "Acme Bank", KG_ENTITY_ORGANIZATION)->index == 1);
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 3);
  g_assert_cmpint (kg_document_find_sentence (kg_graph_get_document (graph, 0), 50), ==, 1);
  g_assert_cmpint (kg_document_find_sentence (kg_graph_get_document (graph, 0), 48), ==, -1);
}

static void
test_rename_keeps_old_name (void)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();
  KgEntity *e = kg_graph_add_entity (graph, NULL, "Stevens", KG_ENTITY_PERSON);

  kg_graph_rename_entity (graph, e, "Ann Stevens");
  g_assert_cmpstr (e->name, ==, "Ann Stevens");
  g_assert_cmpuint (e->aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (e->aliases, 0), ==, "Stevens");
  g_assert_true (kg_graph_find_entity (graph, "Ann Stevens", KG_ENTITY_PERSON) == e);
  g_assert_true (kg_graph_find_entity (graph, "Stevens", KG_ENTITY_PERSON) == e);
}

static void
test_round_trip (void)
{
  g_autoptr(KgGraph) graph = make_sample_graph ();
  g_autoptr(KgGraph) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = kg_graph_to_json (graph, NULL);

  again = kg_graph_load_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (kg_graph_equal (graph, again));
  g_assert_cmpuint (kg_entity_get_n_mentions (kg_graph_get_entity (again, 2)), ==, 5);
  /* A change anywhere makes them differ: equality is not vacuous. */
  kg_graph_get_entity (again, 2)->unlisted_mentions = 3;
  g_assert_false (kg_graph_equal (graph, again));
  kg_graph_get_entity (again, 2)->unlisted_mentions = 4;
  kg_graph_get_entity (again, 2)->x = 1;
  kg_graph_get_entity (again, 2)->has_position = TRUE;
  g_assert_false (kg_graph_equal (graph, again));
}

static void
test_save_is_atomic_and_readable (void)
{
  g_autoptr(KgGraph) graph = make_sample_graph ();
  g_autoptr(KgGraph) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kg-graph-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "g.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "g.json", NULL);

  g_assert_no_error (error);
  g_assert_true (kg_graph_save_to_file (graph, path, &error));
  g_assert_no_error (error);
  loaded = kg_graph_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (kg_graph_equal (graph, loaded));

  g_assert_false (kg_graph_save_to_file (graph, missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_merge_same_name_and_type (void)
{
  g_autoptr(KgGraph) a = make_sample_graph ();
  g_autoptr(KgGraph) b = make_sample_graph ();
  KgEntity *acme;

  kg_graph_merge (a, b);
  g_assert_cmpuint (kg_graph_get_n_documents (a), ==, 2);
  g_assert_cmpuint (kg_graph_get_n_entities (a), ==, 3);
  g_assert_cmpuint (kg_graph_get_n_relations (a), ==, 2);
  g_assert_cmpuint (kg_graph_get_n_quotes (a), ==, 4);
  acme = kg_graph_find_entity (a, "Acme Bank", KG_ENTITY_ORGANIZATION);
  g_assert_cmpuint (acme->mentions->len, ==, 4);
  /* Mentions of the second document point at the second document. */
  g_assert_cmpuint (g_array_index (acme->mentions, KgSpan, 3).doc, ==, 1);
  g_assert_cmpuint (kg_graph_get_relation (a, 0)->evidence->len, ==, 2);
  g_assert_cmpstr (kg_graph_get_document (a, 1)->id, ==, "d1");
}

/* A document's quotes in the graph's order, without the other documents'. */
static void
test_document_quotes (void)
{
  g_autoptr(KgGraph) graph = make_sample_graph ();
  const guint *quotes;
  guint n;

  kg_graph_add_document (graph, NULL, "b.txt", "", "\"Yes,\" she said.", -1);
  kg_graph_add_quote (graph, NULL, KG_NO_ENTITY, 1, 1, 4);
  kg_graph_add_quote (graph, NULL, KG_NO_ENTITY, 0, 0, 3);
  quotes = kg_graph_get_document_quotes (graph, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (quotes[0], ==, 0);
  g_assert_cmpuint (quotes[1], ==, 1);
  g_assert_cmpuint (quotes[2], ==, 3);
  quotes = kg_graph_get_document_quotes (graph, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (kg_graph_get_quote (graph, quotes[0])->text, ==, "Yes");
  g_assert_null (kg_graph_get_document_quotes (graph, 2, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_many_entities (void)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();
  g_autofree char *json = NULL;
  g_autoptr(KgGraph) again = NULL;
  g_autoptr(GError) error = NULL;

  kg_graph_add_document (graph, NULL, "big.txt", "", "x", -1);
  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %u", i);
      KgEntity *e = kg_graph_ensure_entity (graph, name, i % KG_N_ENTITY_TYPES);
      kg_entity_add_mention (e, 0, 0, 1);
      if (i > 0)
        kg_graph_add_relation (graph, NULL, i - 1, i, KG_RELATION_ACTION, "met");
    }
  g_assert_cmpuint (kg_graph_get_n_entities (graph), ==, 100000);
  g_assert_cmpstr (kg_graph_find_entity (graph, "Entity 99999", 99999 % KG_N_ENTITY_TYPES)->id, ==, "e99999");
  json = kg_graph_to_json (graph, NULL);
  again = kg_graph_load_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (kg_graph_equal (graph, again));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graph/model/ids-and-lookups", test_ids_and_lookups);
  g_test_add_func ("/graph/model/rename-keeps-old-name", test_rename_keeps_old_name);
  g_test_add_func ("/graph/model/merge", test_merge_same_name_and_type);
  g_test_add_func ("/graph/model/many-entities", test_many_entities);
  g_test_add_func ("/graph/model/document-quotes", test_document_quotes);
  g_test_add_func ("/graph/json/round-trip", test_round_trip);
  g_test_add_func ("/graph/json/save-atomic", test_save_is_atomic_and_readable);
  return g_test_run ();
}
