/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-bench"

#include "config.h"

#include "kg-bench-graph.h"

static const char *const syllables[] = {
  "ka", "lo", "mi", "ra", "te", "vo", "su", "ne", "pa", "di", "gor", "lin",
  "mar", "tos", "vel", "zan", "qui", "bre", "hal", "ost",
};

static char *
make_name (GRand *rand,
           guint  i)
{
  GString *name = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 4);

  for (guint k = 0; k < n; k++)
    g_string_append (name, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  name->str[0] = g_ascii_toupper (name->str[0]);
  /* A number keeps names unique without making them long. */
  g_string_append_printf (name, " %u", i);
  return g_string_free (name, FALSE);
}

KgGraph *
kg_bench_graph_new (guint   n_nodes,
                    guint32 seed)
{
  static const char *const verbs[] = { "met", "funds", "sued", "hired", "backs", "owns" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  KgGraph *graph = kg_graph_new ();
  KgDocument *doc;
  guint n_edges = n_nodes + n_nodes / 2;

  doc = kg_graph_add_document (graph, NULL, "generated.txt", "Generated graph",
                               "A generated graph for benchmarks.", -1);
  kg_document_add_sentence (doc, 0, doc->text_len);
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *name = make_name (rand, i);
      KgEntity *e = kg_graph_add_entity (graph, NULL, name, g_rand_int_range (rand, 0, KG_N_ENTITY_TYPES));
      kg_entity_add_mention (e, 0, 2, 11);
    }
  for (guint i = 0; i < n_edges && n_nodes > 1; i++)
    {
      /* Mostly near neighbours, like clusters of a news corpus, some far. */
      guint a = g_rand_int_range (rand, 0, n_nodes);
      guint b = g_rand_boolean (rand)
        ? (a + 1 + g_rand_int_range (rand, 0, MIN (n_nodes - 1, 20))) % n_nodes
        : (guint) g_rand_int_range (rand, 0, n_nodes);
      KgRelationKind kind = g_rand_int_range (rand, 0, KG_N_RELATION_KINDS);
      KgRelation *r;

      if (a == b)
        continue;
      r = kg_graph_add_relation (graph, NULL, a, b, kind,
                                 kind == KG_RELATION_ACTION ? verbs[i % G_N_ELEMENTS (verbs)] : "");
      kg_relation_add_evidence (r, 0, 0, doc->text_len);
    }
  return graph;
}
