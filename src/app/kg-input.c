/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include "kg-extract.h"
#include "kg-input.h"

static gboolean
is_graph_document (const char *path)
{
  return g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON");
}

gboolean
kg_input_load (KgGraph     *graph,
               const char  *path,
               GError     **error)
{
  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  if (is_graph_document (path))
    {
      g_autoptr(KgGraph) loaded = kg_graph_load_from_file (path, error);
      if (loaded == NULL)
        return FALSE;
      kg_graph_merge (graph, loaded);
      return TRUE;
    }
  return kg_extract_article (graph, path, error);
}

KgGraph *
kg_input_load_all (const char *const  *paths,
                   GError            **error)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();

  for (guint i = 0; paths[i] != NULL; i++)
    if (!kg_input_load (graph, paths[i], error))
      return NULL;
  return g_steal_pointer (&graph);
}
