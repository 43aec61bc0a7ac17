/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <math.h>

#include "kg-layout.h"
#include "kg-style.h"
#include "kg-test-graphs.h"

/* Every label, measured afresh, fits inside its node's outline. */
static void
assert_labels_inside (KgGraph       *graph,
                      const KgScene *scene)
{
  PangoLayout *layout = kg_style_create_layout ();

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const KgSceneNode *n = &scene->nodes[i];
      KgEntity *e = kg_graph_get_entity (graph, n->entity);
      double w, h, dy = kg_style_label_dy (n->shape, n->height);

      kg_style_measure (layout, e->name, kg_style_node_font_size (e->mentions->len), &w, &h);
      for (int cx = -1; cx <= 1; cx += 2)
        for (int cy = -1; cy <= 1; cy += 2)
          if (!kg_style_shape_contains (n->shape, n->width, n->height, cx * w / 2, dy + cy * h / 2))
            g_error ("label “%s” (%.1f×%.1f) sticks out of its %.1f×%.1f node (%s)", e->name, w, h,
                     n->width, n->height, scene->engine);
    }
  g_object_unref (layout);
}

static void
assert_scene_sound (KgGraph       *graph,
                    const KgScene *scene,
                    guint          n_nodes)
{
  g_autofree char *pair = NULL;

  g_assert_cmpuint (scene->n_nodes, ==, n_nodes);
  if (kg_test_find_overlap (scene, &pair))
    g_error ("%s: overlapping %s", scene->engine, pair);
  assert_labels_inside (graph, scene);
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const KgSceneNode *n = &scene->nodes[i];
      g_assert_cmpfloat (n->x - n->width / 2, >=, -1.0);
      g_assert_cmpfloat (n->y - n->height / 2, >=, -1.0);
      g_assert_cmpfloat (n->x + n->width / 2, <=, scene->width + 1.0);
      g_assert_cmpfloat (n->y + n->height / 2, <=, scene->height + 1.0);
    }
  for (guint i = 0; i < scene->n_edges; i++)
    g_assert_cmpuint (scene->edges[i].n_points % 3, ==, 1);
}

static void
check_every_engine (KgGraph *graph)
{
  const char *const *engines = kg_layout_engines ();
  guint n = kg_graph_get_n_entities (graph);

  g_assert_cmpuint (g_strv_length ((char **) engines), ==, 7);
  for (guint i = 0; engines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KgScene) scene = kg_layout_run (graph, engines[i], NULL, NULL, &error);

      g_assert_no_error (error);
      g_test_message ("%s: %u nodes, %u edges, %.0f×%.0f", engines[i], scene->n_nodes,
                      scene->n_edges, scene->width, scene->height);
      assert_scene_sound (graph, scene, n);
      g_assert_cmpuint (scene->n_edges, ==, kg_graph_get_n_relations (graph));
    }
}

static void
test_engines_seed (void)
{
  g_autoptr(KgGraph) graph = kg_test_seed_graph ();

  g_assert_cmpuint (kg_graph_get_n_entities (graph), >, 3);
  check_every_engine (graph);
}

static void
test_engines_generated (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (40, 7);

  g_assert_cmpuint (kg_graph_get_n_relations (graph), >, 30);
  check_every_engine (graph);
}

static void
test_big_graph_sfdp (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (400, 11);
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = kg_layout_run (graph, "auto", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (scene->engine, ==, "sfdp");
  assert_scene_sound (graph, scene, 400);
}

/* Above 1,000 nodes Graphviz sees shrunken nodes; the full-size ones are
 * pushed apart afterwards. */
static void
test_large_graph (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (1200, 19);
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = kg_layout_run (graph, "auto", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (scene->engine, ==, "sfdp");
  assert_scene_sound (graph, scene, 1200);
  g_assert_cmpuint (scene->n_edges, ==, kg_graph_get_n_relations (graph));
}

static void
test_unknown_engine (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (5, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = kg_layout_run (graph, "graphviz", NULL, NULL, &error);

  g_assert_null (scene);
  g_assert_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_ENGINE);
  g_assert_nonnull (strstr (error->message, "graphviz"));
}

/* Two relations between the same pair, with a loose node beside them: each
 * relation keeps a curve and a label of its own, in every engine. */
static void
test_parallel_relations (void)
{
  static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };

  for (guint k = 0; k < G_N_ELEMENTS (engines); k++)
    {
      g_autoptr(KgGraph) graph = kg_graph_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(KgScene) scene = NULL;
      KgEntity *a, *b;

      kg_graph_add_document (graph, NULL, "t.txt", "", "Ann met Acme.", -1);
      a = kg_graph_add_entity (graph, NULL, "Ann Berg", KG_ENTITY_PERSON);
      b = kg_graph_add_entity (graph, NULL, "Acme Bank", KG_ENTITY_ORGANIZATION);
      kg_graph_add_entity (graph, NULL, "Lyon", KG_ENTITY_PLACE);
      kg_graph_add_relation (graph, NULL, a->index, b->index, KG_RELATION_ACTION, "commented on");
      kg_graph_add_relation (graph, NULL, a->index, b->index, KG_RELATION_ACTION, "spoke about");
      scene = kg_layout_run (graph, engines[k], NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scene->n_edges, ==, 2);
      g_assert_true (scene->edges[0].has_label && scene->edges[1].has_label);
      if (fabs (scene->edges[0].label.x - scene->edges[1].label.x) < 1 &&
          fabs (scene->edges[0].label.y - scene->edges[1].label.y) < 1)
        g_error ("%s: both relations' labels at (%.1f, %.1f)", engines[k],
                 scene->edges[0].label.x, scene->edges[0].label.y);
    }
}

static void
test_hidden (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (30, 3);
  g_autofree gboolean *hidden = g_new0 (gboolean, 30);
  g_autoptr(KgScene) scene = NULL;
  guint expected_edges = 0;

  for (guint i = 0; i < 30; i += 3)
    hidden[i] = TRUE;
  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);
      expected_edges += !hidden[r->source] && !hidden[r->target];
    }
  scene = kg_layout_run (graph, "neato", hidden, NULL, NULL);
  g_assert_cmpuint (scene->n_nodes, ==, 20);
  g_assert_cmpuint (scene->n_edges, ==, expected_edges);
  for (guint i = 0; i < 30; i++)
    g_assert_true ((kg_scene_find_node (scene, i) < 0) == hidden[i]);
}

static void
test_positions_round_trip (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (25, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(KgScene) scene = NULL;
  g_autoptr(KgScene) restored = kg_layout_from_positions (graph, NULL, &error);

  /* Nothing saved yet: a layout is needed. */
  g_assert_null (restored);
  g_assert_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_NO_POSITION);
  g_clear_error (&error);

  scene = kg_layout_run (graph, "dot", NULL, NULL, &error);
  g_assert_no_error (error);
  kg_scene_store_positions (scene, graph);
  restored = kg_layout_from_positions (graph, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (restored->n_nodes, ==, scene->n_nodes);
  g_assert_cmpuint (restored->n_edges, ==, scene->n_edges);
  /* Same drawing, give or take the margin around it. */
  for (guint i = 1; i < scene->n_nodes; i++)
    {
      g_assert_cmpfloat_with_epsilon (restored->nodes[i].x - restored->nodes[0].x,
                                      scene->nodes[i].x - scene->nodes[0].x, 0.01);
      g_assert_cmpfloat_with_epsilon (restored->nodes[i].y - restored->nodes[0].y,
                                      scene->nodes[i].y - scene->nodes[0].y, 0.01);
    }
}

static void
test_pick (void)
{
  g_autoptr(KgGraph) graph = kg_test_random_graph (60, 9);
  g_autoptr(KgScene) scene = kg_layout_run (graph, "sfdp", NULL, NULL, NULL);

  for (guint i = 0; i < scene->n_nodes; i++)
    g_assert_cmpint (kg_scene_pick_node (scene, scene->nodes[i].x, scene->nodes[i].y), ==, i);
  g_assert_cmpint (kg_scene_pick_node (scene, -50, -50), ==, -1);
  for (guint i = 0; i < scene->n_edges; i++)
    {
      const KgSceneEdge *e = &scene->edges[i];
      KgPoint mid = e->points[(e->n_points / 6) * 3];
      gssize picked = kg_scene_pick_edge (scene, mid.x, mid.y, 2.0);

      /* Another edge may cross at exactly that point; then it must be as near. */
      g_assert_cmpint (picked, >=, 0);
    }
  /* A dragged node takes its edges along. */
  if (scene->n_edges > 0)
    {
      guint node = scene->edges[0].target_node;
      kg_scene_move_node (scene, node, scene->nodes[node].x + 30, scene->nodes[node].y + 20);
      g_assert_cmpint (kg_scene_pick_node (scene, scene->nodes[node].x, scene->nodes[node].y), ==, node);
      g_assert_cmpfloat (hypot (scene->edges[0].end_arrow.x - scene->nodes[node].x,
                                scene->edges[0].end_arrow.y - scene->nodes[node].y),
                         <=, MAX (scene->nodes[node].width, scene->nodes[node].height) / 2 + 0.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/engines/seed-article", test_engines_seed);
  g_test_add_func ("/layout/engines/generated", test_engines_generated);
  g_test_add_func ("/layout/auto/large-is-sfdp", test_big_graph_sfdp);
  g_test_add_func ("/layout/auto/larger-than-1000", test_large_graph);
  g_test_add_func ("/layout/engines/unknown", test_unknown_engine);
  g_test_add_func ("/layout/hidden", test_hidden);
  g_test_add_func ("/layout/parallel-relations", test_parallel_relations);
  g_test_add_func ("/layout/positions/round-trip", test_positions_round_trip);
  g_test_add_func ("/layout/pick", test_pick);
  return g_test_run ();
}
