/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include "kg-scene.h"

void
kg_scene_free (KgScene *scene)
{
  if (scene == NULL)
    return;
  for (guint i = 0; i < scene->n_edges; i++)
    g_free (scene->edges[i].points);
  g_free (scene->edges);
  g_free (scene->nodes);
  g_free (scene->engine);
  g_free (scene);
}

gssize
kg_scene_find_node (const KgScene *scene,
                    guint          entity)
{
  for (guint i = 0; i < scene->n_nodes; i++)
    if (scene->nodes[i].entity == entity)
      return i;
  return -1;
}
