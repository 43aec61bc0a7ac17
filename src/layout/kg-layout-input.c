/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include "kg-layout-input.h"

KgLayoutInput *
kg_layout_input_new (KgGraph        *graph,
                     const gboolean *entity_hidden)
{
  KgLayoutInput *in = g_new0 (KgLayoutInput, 1);
  guint n_entities = kg_graph_get_n_entities (graph);
  guint n_relations = kg_graph_get_n_relations (graph);
  g_autofree guint *node_of = g_new (guint, MAX (n_entities, 1));

  in->n_entities = n_entities;
  in->nodes = g_new0 (KgLayoutInputNode, MAX (n_entities, 1));
  for (guint i = 0; i < n_entities; i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, i);
      KgLayoutInputNode *n;

      node_of[i] = G_MAXUINT;
      if (entity_hidden != NULL && entity_hidden[i])
        continue;
      node_of[i] = in->n_nodes;
      n = &in->nodes[in->n_nodes++];
      n->entity = i;
      n->name = g_strdup (e->name);
      n->shape = kg_style_shape_for_type (e->type);
      n->font_size = kg_style_node_font_size (kg_entity_get_n_mentions (e));
      n->has_position = e->has_position;
      n->x = e->x;
      n->y = e->y;
    }
  in->edges = g_new0 (KgLayoutInputEdge, MAX (n_relations, 1));
  for (guint i = 0; i < n_relations; i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);
      KgLayoutInputEdge *e;

      if (r->source >= n_entities || r->target >= n_entities
          || node_of[r->source] == G_MAXUINT || node_of[r->target] == G_MAXUINT)
        continue;
      e = &in->edges[in->n_edges++];
      e->relation = i;
      e->source = node_of[r->source];
      e->target = node_of[r->target];
      e->label = g_strdup (r->label != NULL ? r->label : "");
      /* Partners work together: no direction to show. */
      e->directed = r->kind != KG_RELATION_PARTNER;
    }
  return in;
}

void
kg_layout_input_free (KgLayoutInput *in)
{
  for (guint i = 0; i < in->n_nodes; i++)
    g_free (in->nodes[i].name);
  for (guint i = 0; i < in->n_edges; i++)
    g_free (in->edges[i].label);
  g_free (in->nodes);
  g_free (in->edges);
  g_free (in->engine);
  g_free (in);
}

void
kg_layout_input_measure (KgLayoutInput *in)
{
  PangoLayout *layout = kg_style_create_layout ();

  for (guint i = 0; i < in->n_nodes; i++)
    {
      KgLayoutInputNode *n = &in->nodes[i];

      kg_style_measure (layout, n->name, n->font_size, &n->label_width, &n->label_height);
      kg_style_node_size (n->shape, n->label_width, n->label_height, &n->width, &n->height);
    }
  for (guint i = 0; i < in->n_edges; i++)
    {
      KgLayoutInputEdge *e = &in->edges[i];

      if (e->label[0] != '\0')
        kg_style_measure (layout, e->label, KG_STYLE_EDGE_FONT_SIZE, &e->label_width, &e->label_height);
    }
  g_object_unref (layout);
}

void
kg_layout_input_fill_node (const KgLayoutInput *in,
                           guint                i,
                           KgSceneNode         *node)
{
  const KgLayoutInputNode *n = &in->nodes[i];

  node->entity = n->entity;
  node->shape = n->shape;
  node->font_size = n->font_size;
  node->label_width = n->label_width;
  node->label_height = n->label_height;
  node->width = n->width;
  node->height = n->height;
}

void
kg_layout_input_fill_edge (const KgLayoutInput *in,
                           guint                i,
                           KgSceneEdge         *edge)
{
  const KgLayoutInputEdge *e = &in->edges[i];

  edge->relation = e->relation;
  edge->source_node = e->source;
  edge->target_node = e->target;
  edge->has_start_arrow = FALSE;
  edge->has_end_arrow = e->directed;
  edge->label_width = e->label_width;
  edge->label_height = e->label_height;
  edge->has_label = FALSE;
}
