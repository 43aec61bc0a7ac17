/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include "kg-render-private.h"

struct _KgRenderCache
{
  PangoContext  *context;
  const KgScene *scene;
  guint          n_nodes, n_edges;
  PangoLayout  **node_layouts;
  PangoLayout  **edge_layouts;
};

KgRenderCache *
kg_render_cache_new (void)
{
  return g_new0 (KgRenderCache, 1);
}

void
kg_render_cache_clear (KgRenderCache *cache)
{
  for (guint i = 0; i < cache->n_nodes; i++)
    g_clear_object (&cache->node_layouts[i]);
  for (guint i = 0; i < cache->n_edges; i++)
    g_clear_object (&cache->edge_layouts[i]);
  g_clear_pointer (&cache->node_layouts, g_free);
  g_clear_pointer (&cache->edge_layouts, g_free);
  cache->n_nodes = cache->n_edges = 0;
  cache->scene = NULL;
}

void
kg_render_cache_free (KgRenderCache *cache)
{
  if (cache == NULL)
    return;
  kg_render_cache_clear (cache);
  g_clear_object (&cache->context);
  g_free (cache);
}

void
_kg_render_cache_prepare (KgRenderCache *cache,
                          const KgScene *scene)
{
  if (cache->context == NULL)
    cache->context = kg_style_create_context ();
  if (cache->scene == scene && cache->n_nodes == scene->n_nodes && cache->n_edges == scene->n_edges)
    return;
  kg_render_cache_clear (cache);
  cache->scene = scene;
  cache->n_nodes = scene->n_nodes;
  cache->n_edges = scene->n_edges;
  cache->node_layouts = g_new0 (PangoLayout *, MAX (scene->n_nodes, 1));
  cache->edge_layouts = g_new0 (PangoLayout *, MAX (scene->n_edges, 1));
}

static PangoLayout *
cached (KgRenderCache  *cache,
        PangoLayout   **slot,
        const char     *text,
        double          font_size)
{
  if (*slot == NULL)
    {
      *slot = pango_layout_new (cache->context);
      kg_style_set_label (*slot, text, font_size);
    }
  return *slot;
}

PangoLayout *
_kg_render_cache_node_layout (KgRenderCache *cache,
                              guint          node,
                              const char    *text,
                              double         font_size)
{
  return cached (cache, &cache->node_layouts[node], text, font_size);
}

PangoLayout *
_kg_render_cache_edge_layout (KgRenderCache *cache,
                              guint          edge,
                              const char    *text)
{
  return cached (cache, &cache->edge_layouts[edge], text, KG_STYLE_EDGE_FONT_SIZE);
}
