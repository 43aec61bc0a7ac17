/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include "kg-layout-input.h"
#include "kg-layout.h"

/* Empty space around the outermost nodes, like Graphviz's bounding box. */
#define MARGIN 4.0

KgScene *
kg_layout_from_positions (KgGraph         *graph,
                          const gboolean  *entity_hidden,
                          GError         **error)
{
  KgLayoutInput *in;
  KgScene *scene;

  g_return_val_if_fail (KG_IS_GRAPH (graph), NULL);

  in = kg_layout_input_new (graph, entity_hidden);
  for (guint i = 0; i < in->n_nodes; i++)
    if (!in->nodes[i].has_position)
      {
        g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_NO_POSITION,
                     "“%s” has no saved position: the graph needs a layout",
                     in->nodes[i].name);
        kg_layout_input_free (in);
        return NULL;
      }
  kg_layout_input_measure (in);
  scene = kg_scene_new (in->n_nodes, in->n_edges, in->n_entities);
  scene->engine = g_strdup ("saved");
  for (guint i = 0; i < in->n_nodes; i++)
    {
      kg_layout_input_fill_node (in, i, &scene->nodes[i]);
      scene->nodes[i].x = in->nodes[i].x;
      scene->nodes[i].y = in->nodes[i].y;
    }
  kg_scene_fit_box (scene, MARGIN);
  for (guint i = 0; i < in->n_edges; i++)
    {
      kg_layout_input_fill_edge (in, i, &scene->edges[i]);
      scene->edges[i].has_label = in->edges[i].label_width > 0;
      kg_scene_route_straight (scene, i);
    }
  kg_scene_finish (scene);
  kg_layout_input_free (in);
  return scene;
}

void
kg_scene_store_positions (const KgScene *scene,
                          KgGraph       *graph)
{
  g_return_if_fail (KG_IS_GRAPH (graph));

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      KgEntity *e;

      if (scene->nodes[i].entity >= kg_graph_get_n_entities (graph))
        continue;
      e = kg_graph_get_entity (graph, scene->nodes[i].entity);
      e->has_position = TRUE;
      e->x = scene->nodes[i].x;
      e->y = scene->nodes[i].y;
    }
}
