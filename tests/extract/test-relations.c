/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-relations"

#include "config.h"

#include "stage-test.h"

/* Relations, each with the sentence that states it. */

static const char *const names[] = {
  "person:Jo Varga", "person:Varga", "person:Tom Reyes", "person:Reyes", "person:Ana Ruiz",
  "organization:Fenwick Bank", "organization:Fenwick", "organization:Corvo Labs",
  "organization:Norcap", "organization:Daily Ledger",
  "government:Water Board", "government:Interior Ministry", "government:Norland",
  "place:Norland", "place:Tromso", "place:Oslo", "place:Vestfold", "place:Bergen", NULL
};

static KgGraph *
relations_of (const char *text)
{
  KgGraph *graph = kg_graph_new ();

  stage_test_run (graph, text, names, TRUE, TRUE);
  return graph;
}

static KgEntity *
entity (KgGraph    *graph,
        const char *name)
{
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    {
      KgEntity *e = kg_graph_find_entity (graph, name, t);

      if (e != NULL)
        return e;
    }
  g_error ("no entity %s", name);
  return NULL;
}

/* The relation from source to target (either way when undirected) of the
 * kind, or of any kind when kind is -1; NULL when there is none. */
static KgRelation *
find (KgGraph    *graph,
      const char *source,
      const char *target,
      gboolean    directed,
      gint        kind)
{
  guint s = entity (graph, source)->index, t = entity (graph, target)->index;

  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);

      if (((r->source == s && r->target == t) || (!directed && r->source == t && r->target == s))
          && (kind < 0 || r->kind == (KgRelationKind) kind))
        return r;
    }
  return NULL;
}

static KgRelation *
relation (KgGraph    *graph,
          const char *source,
          const char *target,
          gboolean    directed)
{
  return find (graph, source, target, directed, -1);
}

static KgRelation *
relation_of_kind (KgGraph        *graph,
                  const char     *source,
                  const char     *target,
                  KgRelationKind  kind)
{
  KgRelation *r = find (graph, source, target, TRUE, kind);

  if (r == NULL)
    g_error ("no %s relation %s → %s", kg_relation_kind_to_string (kind), source, target);
  return r;
}

/* The text of the relation's first evidence. */
static char *
evidence (KgGraph    *graph,
          KgRelation *r)
{
  const KgSpan *span = &g_array_index (r->evidence, KgSpan, 0);
  KgDocument *doc = kg_graph_get_document (graph, span->doc);

  return g_strndup (doc->text + span->start, span->end - span->start);
}

static void
test_role_apposition (void)
{
  g_autoptr(KgGraph) graph = relations_of ("The bank fell. Jo Varga, managing director of Corvo "
                                           "Labs, said little.");
  KgRelation *r = relation_of_kind (graph, "Jo Varga", "Corvo Labs", KG_RELATION_ROLE);
  g_autofree char *text = evidence (graph, r);

  g_assert_cmpstr (r->label, ==, "managing director");
  g_assert_cmpstr (text, ==, "Jo Varga, managing director of Corvo Labs, said little.");
}

static void
test_role_title_before_name (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Fenwick Bank vice president Tom Reyes resigned.");

  g_assert_cmpstr (relation_of_kind (graph, "Tom Reyes", "Fenwick Bank", KG_RELATION_ROLE)->label,
                   ==, "vice president");
}

static void
test_role_possessive_title (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Tom Reyes, Norcap's former chief executive, resigned.");

  g_assert_cmpstr (relation_of_kind (graph, "Tom Reyes", "Norcap", KG_RELATION_ROLE)->label,
                   ==, "former chief executive");
}

/* "Interior minister Ana Ruiz": the ministry of that portfolio, named
 * elsewhere in the article. */
static void
test_role_minister_of_a_portfolio (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Interior minister Ana Ruiz said the border would close. "
                                           "The Interior Ministry confirmed it.");

  g_assert_cmpstr (relation_of_kind (graph, "Ana Ruiz", "Interior Ministry", KG_RELATION_ROLE)->label,
                   ==, "Interior minister");
}

/* A title after "Its" is held in the organisation last written about. */
static void
test_role_after_its (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norcap rejected the findings. Its managing director, "
                                           "Tom Reyes, called them unfair.");

  g_assert_cmpstr (relation_of_kind (graph, "Tom Reyes", "Norcap", KG_RELATION_ROLE)->label,
                   ==, "managing director");
}

static void
test_role_after_apposition (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Tom Reyes, the longest-serving member, is chief "
                                           "economist for Fenwick Bank.");

  g_assert_cmpstr (relation_of_kind (graph, "Tom Reyes", "Fenwick Bank", KG_RELATION_ROLE)->label,
                   ==, "chief economist");
}

static void
test_role_of_the_company (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norcap cut jobs, said Ana Ruiz, its chief executive. "
                                           "Fenwick Bank agreed. The bank's chairman, Tom Reyes, "
                                           "did not.");

  g_assert_cmpstr (relation_of_kind (graph, "Ana Ruiz", "Norcap", KG_RELATION_ROLE)->label,
                   ==, "chief executive");
  g_assert_cmpstr (relation_of_kind (graph, "Tom Reyes", "Fenwick Bank", KG_RELATION_ROLE)->label,
                   ==, "chairman");
}

static void
test_spokeswoman (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norcap will cut 300 jobs, said Ana Ruiz, a spokeswoman.");

  g_assert_cmpstr (relation_of_kind (graph, "Ana Ruiz", "Norcap", KG_RELATION_ROLE)->label,
                   ==, "spokeswoman");
}

/* The title after "said" is the speaker's alone, and the organisation the
 * sentence is about is the one the speaker works for. */
static void
test_titled_speaker (void)
{
  g_autoptr(KgGraph) graph = relations_of ("The Water Board closed the northern pier on Friday, "
                                           "said station chief Tom Reyes.");
  g_autoptr(KgGraph) reported = relations_of ("The Water Board said on Friday that President "
                                              "Tom Reyes will visit the pier.");

  g_assert_cmpstr (relation_of_kind (graph, "Tom Reyes", "Water Board", KG_RELATION_ROLE)->label,
                   ==, "station chief");
  /* Not the speaker: no role from the verb alone. */
  g_assert_null (relation (reported, "Tom Reyes", "Water Board", TRUE));
}

/* "for the agency" names the agency of the sentence before, even when a
 * place follows. */
static void
test_spokeswoman_for_the_agency (void)
{
  g_autoptr(KgGraph) graph = relations_of ("The Water Board will test every well. \"We start in "
                                           "May,\" said Ana Ruiz, a spokeswoman for the agency in Tromso.");

  g_assert_cmpstr (relation_of_kind (graph, "Ana Ruiz", "Water Board", KG_RELATION_ROLE)->label,
                   ==, "spokeswoman");
}

/* A region before the title and an honorific before the name leave the
 * role as it is. */
static void
test_role_around_names (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Jo Varga is the Daily Ledger's Oslo correspondent.");
  g_autoptr(KgGraph) honorific = relations_of ("The head of Fenwick Bank, Dr. Tom Reyes, spoke.");

  g_assert_cmpstr (relation_of_kind (graph, "Jo Varga", "Daily Ledger", KG_RELATION_ROLE)->label,
                   ==, "Oslo correspondent");
  g_assert_cmpstr (relation_of_kind (honorific, "Tom Reyes", "Fenwick Bank", KG_RELATION_ROLE)->label,
                   ==, "head");
}

/* A journalist's beat names the paper they write for. */
static void
test_role_by_beat (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Jo Varga covers the Water Board for the Daily Ledger.");
  g_autoptr(KgGraph) other = relations_of ("Jo Varga wrote a letter to the Daily Ledger.");

  relation_of_kind (graph, "Jo Varga", "Daily Ledger", KG_RELATION_ROLE);
  g_assert_null (find (graph, "Jo Varga", "Water Board", TRUE, KG_RELATION_ROLE));
  g_assert_null (find (other, "Jo Varga", "Daily Ledger", TRUE, KG_RELATION_ROLE));
}

static void
test_partner (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Jo Varga, managing director of Fenwick partner Corvo "
                                           "Labs, spoke.");

  relation_of_kind (graph, "Corvo Labs", "Fenwick", KG_RELATION_PARTNER);
  /* The role goes to the partner named last, not to Fenwick. */
  relation_of_kind (graph, "Jo Varga", "Corvo Labs", KG_RELATION_ROLE);
  g_assert_null (relation (graph, "Jo Varga", "Fenwick", TRUE));
}

static void
test_part_of (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norland's Water Board issued a warning.");

  relation_of_kind (graph, "Water Board", "Norland", KG_RELATION_PART_OF);
}

static void
test_located_in (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norcap, which is based in Oslo, grew. Fenwick Bank "
                                           "will close its Tromso office. The Daily Ledger of "
                                           "Bergen agreed.");

  relation_of_kind (graph, "Norcap", "Oslo", KG_RELATION_LOCATED_IN);
  relation_of_kind (graph, "Fenwick Bank", "Tromso", KG_RELATION_LOCATED_IN);
  relation_of_kind (graph, "Daily Ledger", "Bergen", KG_RELATION_LOCATED_IN);
}

static void
test_town_in_region (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Floods hit Tromso, Vestfold, on Monday. Trains ran "
                                           "between Oslo, Bergen and Tromso.");

  relation_of_kind (graph, "Tromso", "Vestfold", KG_RELATION_LOCATED_IN);
  /* A list of places says nothing of where each one is. */
  g_assert_null (relation (graph, "Oslo", "Bergen", TRUE));
  g_assert_null (relation (graph, "Bergen", "Tromso", TRUE));
}

static void
test_action (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Corvo Labs sold pumps for years. Then the Interior "
                                           "Ministry ordered all agencies to remove the firm's "
                                           "pumps.");
  KgRelation *r = relation_of_kind (graph, "Interior Ministry", "Corvo Labs", KG_RELATION_ACTION);
  g_autofree char *text = evidence (graph, r);

  g_assert_cmpstr (r->label, ==, "ordered to remove");
  g_assert_true (g_str_has_prefix (text, "Then the Interior Ministry"));
}

static void
test_passive_action (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norcap was sued by Fenwick Bank.");

  relation_of_kind (graph, "Fenwick Bank", "Norcap", KG_RELATION_ACTION);
}

static void
test_no_relation_without_verb (void)
{
  /* A long sentence that only lists names ties none of them. */
  g_autoptr(KgGraph) graph = relations_of ("Among the guests at the long dinner in the old hall "
                                           "were Ana Ruiz, Tom Reyes of the Water Board and people "
                                           "from Norcap, Corvo Labs and the Daily Ledger.");

  g_assert_null (relation (graph, "Ana Ruiz", "Norcap", TRUE));
  g_assert_null (relation (graph, "Norcap", "Corvo Labs", TRUE));
  g_assert_null (relation (graph, "Ana Ruiz", "Daily Ledger", TRUE));
}

static void
test_speaker_and_quote (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Tom Reyes was angry. \"It is shameful that Norcap "
                                           "hid the losses,\" he said.");
  KgRelation *r = relation_of_kind (graph, "Tom Reyes", "Norcap", KG_RELATION_ACTION);

  g_assert_cmpstr (r->label, ==, "criticised");
}

static void
test_reported_speech (void)
{
  g_autoptr(KgGraph) graph = relations_of ("Norcap will shut two plants, the Daily Ledger reported.");

  g_assert_nonnull (relation (graph, "Daily Ledger", "Norcap", TRUE));
}

static void
test_ties_between (void)
{
  g_autoptr(KgGraph) graph = relations_of ("The report cited ties between Norcap and the Interior "
                                           "Ministry.");

  g_assert_nonnull (relation (graph, "Norcap", "Interior Ministry", TRUE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/relations/role-apposition", test_role_apposition);
  g_test_add_func ("/relations/role-title-before-name", test_role_title_before_name);
  g_test_add_func ("/relations/role-possessive-title", test_role_possessive_title);
  g_test_add_func ("/relations/role-after-apposition", test_role_after_apposition);
  g_test_add_func ("/relations/role-after-its", test_role_after_its);
  g_test_add_func ("/relations/role-minister-of-a-portfolio", test_role_minister_of_a_portfolio);
  g_test_add_func ("/relations/role-of-the-company", test_role_of_the_company);
  g_test_add_func ("/relations/spokeswoman", test_spokeswoman);
  g_test_add_func ("/relations/titled-speaker", test_titled_speaker);
  g_test_add_func ("/relations/spokeswoman-for-the-agency", test_spokeswoman_for_the_agency);
  g_test_add_func ("/relations/role-around-names", test_role_around_names);
  g_test_add_func ("/relations/role-by-beat", test_role_by_beat);
  g_test_add_func ("/relations/partner", test_partner);
  g_test_add_func ("/relations/part-of", test_part_of);
  g_test_add_func ("/relations/located-in", test_located_in);
  g_test_add_func ("/relations/town-in-region", test_town_in_region);
  g_test_add_func ("/relations/action", test_action);
  g_test_add_func ("/relations/passive-action", test_passive_action);
  g_test_add_func ("/relations/no-relation-without-verb", test_no_relation_without_verb);
  g_test_add_func ("/relations/speaker-and-quote", test_speaker_and_quote);
  g_test_add_func ("/relations/reported-speech", test_reported_speech);
  g_test_add_func ("/relations/ties-between", test_ties_between);
  return g_test_run ();
}
