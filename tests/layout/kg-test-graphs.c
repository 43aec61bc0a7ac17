/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <math.h>

#include "kg-input.h"
#include "kg-scene.h"
#include "kg-style.h"
#include "kg-test-graphs.h"

static const char *const words[] = {
  "amber", "birch", "cobalt", "delta", "ember", "fjord", "garnet", "harbor",
  "indigo", "juniper", "kestrel", "lumen", "meadow", "nimbus", "onyx", "prairie",
};

static const char *const labels[] = {
  "criticised", "met", "vice president", "sued", "managing director", "praised",
};

KgGraph *
kg_test_random_graph (guint   n,
                      guint32 seed)
{
  KgGraph *graph = kg_graph_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);
  KgDocument *doc;

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "Someone said something about somebody else here. ");
  doc = kg_graph_add_document (graph, NULL, "generated.txt", "Generated", text->str, text->len);
  kg_document_add_sentence (doc, 0, 48);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u", words[g_rand_int_range (rand, 0, 16)],
                                               words[g_rand_int_range (rand, 0, 16)], i);
      KgEntity *e = kg_graph_add_entity (graph, NULL, name, i % KG_N_ENTITY_TYPES);
      guint mentions = 1 + (guint) pow (g_rand_double (rand), 3) * 20;

      for (guint m = 0; m < mentions; m++)
        kg_entity_add_mention (e, 0, 0, 7);
    }
  for (guint i = 0; n > 1 && i < n * 13 / 10; i++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      KgRelationKind kind = g_rand_int_range (rand, 0, KG_N_RELATION_KINDS);
      const char *label = kind == KG_RELATION_ROLE || kind == KG_RELATION_ACTION
                          ? labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))] : "";
      KgRelation *r;

      if (a == b || kg_graph_find_relation (graph, a, b, kind, label) != NULL)
        continue;
      r = kg_graph_add_relation (graph, NULL, a, b, kind, label);
      kg_relation_add_evidence (r, 0, 0, 48);
    }
  g_string_free (text, TRUE);
  return graph;
}

KgGraph *
kg_test_seed_graph (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("KG_SHARED_DIR"), "eval", "seed", "article.txt", NULL);
  g_autoptr(GError) error = NULL;
  KgGraph *graph = kg_graph_new ();

  if (!kg_input_load (graph, path, &error))
    g_error ("%s", error->message);
  return graph;
}

/* Points along the outline, pulled 0.5 pt inwards so touching is allowed. */
static void
outline_point (const KgSceneNode *n,
               guint              k,
               guint              count,
               double            *x,
               double            *y)
{
  double a = 2 * G_PI * k / count, bx, by, len;

  kg_style_shape_boundary (n->shape, n->width, n->height, cos (a), sin (a), &bx, &by);
  len = hypot (bx, by);
  if (len > 0.5)
    {
      bx -= 0.5 * bx / len;
      by -= 0.5 * by / len;
    }
  *x = n->x + bx;
  *y = n->y + by;
}

static gboolean
shapes_overlap (const KgSceneNode *a,
                const KgSceneNode *b)
{
  const guint count = 96;

  if (fabs (a->x - b->x) * 2 >= a->width + b->width || fabs (a->y - b->y) * 2 >= a->height + b->height)
    return FALSE;
  if (kg_style_shape_contains (b->shape, b->width, b->height, a->x - b->x, a->y - b->y)
      || kg_style_shape_contains (a->shape, a->width, a->height, b->x - a->x, b->y - a->y))
    return TRUE;
  /* Convex outlines overlap when a point of one lies inside the other. */
  for (guint k = 0; k < count; k++)
    {
      double x, y;

      outline_point (a, k, count, &x, &y);
      if (kg_style_shape_contains (b->shape, b->width, b->height, x - b->x, y - b->y))
        return TRUE;
      outline_point (b, k, count, &x, &y);
      if (kg_style_shape_contains (a->shape, a->width, a->height, x - a->x, y - a->y))
        return TRUE;
    }
  return FALSE;
}

gboolean
kg_test_find_overlap (const void  *scene_pointer,
                      char       **pair)
{
  const KgScene *scene = scene_pointer;

  for (guint i = 0; i < scene->n_nodes; i++)
    for (guint j = i + 1; j < scene->n_nodes; j++)
      if (shapes_overlap (&scene->nodes[i], &scene->nodes[j]))
        {
          *pair = g_strdup_printf ("nodes %u (%.1f,%.1f %.1f×%.1f) and %u (%.1f,%.1f %.1f×%.1f)",
                                   i, scene->nodes[i].x, scene->nodes[i].y, scene->nodes[i].width,
                                   scene->nodes[i].height, j, scene->nodes[j].x, scene->nodes[j].y,
                                   scene->nodes[j].width, scene->nodes[j].height);
          return TRUE;
        }
  return FALSE;
}
