/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "kg-canvas-private.h"

/*
 * Drawing the canvas. The scene is rendered once per zoom level and region
 * into a texture (the expensive part, with every label); hover, selection
 * and the fading of everything else are drawn fresh on top each frame from
 * a small sub-scene, so panning and pointing cost a texture blit.
 */

/* About 36 MB of texture: the view with margins, or all of a scene seen from afar. */
#define MAX_CACHE_PIXELS (3000.0 * 3000.0)
#define SCENE_PAD 40.0
/* From this size on, the scene is rendered off the main thread. */
#define ASYNC_RENDER_NODES 2000
/* The workers' nice value (see render_thread). */
#define RENDER_NICE 10

/* ---- drawing ---- */

static void
base_emphasis (KgCanvas *self)
{
  gboolean fade = self->focus_node >= 0 || self->entity_lit != NULL || self->relation_lit != NULL;
  guint8 rest = fade ? KG_EMPHASIS_FADED : KG_EMPHASIS_NORMAL;

  memset (self->entity_emphasis, rest, MAX (self->n_entities, 1));
  memset (self->relation_emphasis, rest, MAX (self->n_relations, 1));
  if (self->focus_node >= 0)
    {
      guint node = self->focus_node;

      self->entity_emphasis[self->scene->nodes[node].entity] = KG_EMPHASIS_NORMAL;
      for (guint k = self->adj_start[node]; k < self->adj_start[node + 1]; k++)
        {
          const KgSceneEdge *e = &self->scene->edges[self->adj_edges[k]];

          self->relation_emphasis[e->relation] = KG_EMPHASIS_NORMAL;
          self->entity_emphasis[self->scene->nodes[e->source_node].entity] = KG_EMPHASIS_NORMAL;
          self->entity_emphasis[self->scene->nodes[e->target_node].entity] = KG_EMPHASIS_NORMAL;
        }
    }
  for (guint i = 0; self->entity_lit != NULL && i < self->n_entities; i++)
    if (self->entity_lit[i])
      self->entity_emphasis[i] = KG_EMPHASIS_HIGHLIGHT;
  for (guint i = 0; self->relation_lit != NULL && i < self->n_relations; i++)
    if (self->relation_lit[i])
      self->relation_emphasis[i] = KG_EMPHASIS_HIGHLIGHT;
}

static void
init_options (KgCanvas *self, KgRenderOptions *options, double zoom)
{
  kg_render_options_init (options);
  options->dark = _kg_canvas_is_dark ();
  options->zoom = zoom;
  options->has_clip = TRUE;
  options->entity_hidden = self->entity_hidden;
  options->entity_emphasis = self->entity_emphasis;
  options->relation_emphasis = self->relation_emphasis;
  options->draw_legend = FALSE;
}

static gboolean
refresh_cb (gpointer data)
{
  KgCanvas *self = data;

  self->refresh_id = 0;
  /* Not an invalidation: the picture is right, only stretched. It stays on
   * screen while a worker renders the sharp one, whatever the scene's size,
   * and the workers' copy of the scene stays valid. */
  if (self->cache != NULL && self->cache_zoom != self->zoom)
    {
      self->sharpen = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (KgCanvas *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (150, refresh_cb, self);
}

/* ---- the cached scene ---- */

KgScene *
kg_canvas_dup_scene (KgCanvas *self)
{
  const KgScene *scene;
  KgScene *copy;

  g_return_val_if_fail (KG_IS_CANVAS (self) && self->scene != NULL, NULL);
  scene = self->scene;
  copy = kg_scene_new (scene->n_nodes, scene->n_edges, scene->n_entities);

  memcpy (copy->nodes, scene->nodes, sizeof (KgSceneNode) * scene->n_nodes);
  memcpy (copy->edges, scene->edges, sizeof (KgSceneEdge) * scene->n_edges);
  for (guint i = 0; i < scene->n_edges; i++)
    copy->edges[i].points = g_memdup2 (scene->edges[i].points, sizeof (KgPoint) * scene->edges[i].n_points);
  copy->width = scene->width;
  copy->height = scene->height;
  copy->engine = g_strdup (scene->engine);
  kg_scene_finish (copy);
  return copy;
}

/* A copy of the scene for workers (the reader may drag nodes meanwhile),
 * shared by the renders of one generation: a zoom re-renders often, and
 * copying 20,000 nodes costs the main thread a frame's worth of time. */
typedef struct
{
  KgScene *scene;
  guint    generation;
} SceneCopy;

static void
scene_copy_clear (SceneCopy *copy)
{
  kg_scene_free (copy->scene);
}

static void
scene_copy_unref (SceneCopy *copy)
{
  g_atomic_rc_box_release_full (copy, (GDestroyNotify) scene_copy_clear);
}

void
_kg_canvas_drop_render_scene (KgCanvas *self)
{
  g_clear_pointer (&self->render_scene, scene_copy_unref);
}

static SceneCopy *
ref_render_scene (KgCanvas *self)
{
  SceneCopy *copy = self->render_scene;

  if (copy == NULL || copy->generation != self->generation)
    {
      _kg_canvas_drop_render_scene (self);
      copy = self->render_scene = g_atomic_rc_box_new0 (SceneCopy);
      copy->scene = kg_canvas_dup_scene (self);
      copy->generation = self->generation;
    }
  return g_atomic_rc_box_acquire (copy);
}

typedef struct
{
  KgGraph   *graph;
  SceneCopy *scene;
  guint8    *entity_emphasis;
  guint8    *relation_emphasis;
  gboolean  *entity_hidden;
  gboolean   dark;
  double     x, y, zoom, pz;    /* the rectangle's corner, view zoom, pixels per point */
  int        pw, ph;
  guint      generation;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_object_unref (job->graph);
  scene_copy_unref (job->scene);
  g_free (job->entity_emphasis);
  g_free (job->relation_emphasis);
  g_free (job->entity_hidden);
  g_free (job);
}

GQuark
_kg_canvas_surface_quark (void)
{
  return g_quark_from_static_string ("kg-canvas-surface");
}

static void
free_pixels_run (gpointer pixels, gpointer unused)
{
  g_free (pixels);
}

/* A picture is up to 36 MB in its own mapping; giving it back to the system
 * took the main thread 6 to 24 ms in the frame that replaced it. */
static void
free_pixels_later (gpointer pixels)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (free_pixels_run, NULL, 1, FALSE, NULL));
  g_thread_pool_push (pool, pixels, NULL);
}

static cairo_surface_t *
create_picture_surface (int pw, int ph)
{
  static const cairo_user_data_key_t pixels_key;
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, pw);
  guchar *pixels = g_try_malloc0 ((gsize) stride * ph);
  cairo_surface_t *surface;

  if (pixels == NULL)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, pw, ph, stride);
  if (cairo_surface_set_user_data (surface, &pixels_key, pixels, free_pixels_later) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_free (pixels);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
    }
  return surface;
}

/* Any thread: the scene into a texture. */
static GdkTexture *
render_texture (KgGraph *graph, const KgScene *scene, const KgRenderOptions *options,
                double x, double y, double pz, int pw, int ph)
{
  cairo_surface_t *surface = create_picture_surface (pw, ph);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, pz, pz);
  cairo_translate (cr, -x, -y);
  kg_render_scene (cr, graph, scene, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * ph,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  /* The tiles on screen are made from the surface (kg-canvas-tiles.c). */
  g_object_set_qdata_full (G_OBJECT (texture), _kg_canvas_surface_quark (), cairo_surface_reference (surface),
                           (GDestroyNotify) cairo_surface_destroy);
  return texture;
}

static void
install_cache (KgCanvas *self, GdkTexture *texture, double x, double y, double zoom, double pz,
               int pw, int ph, gboolean dark)
{
  /* The old picture fills in where the new one's tiles are still to come
   * (kg-canvas-tiles.c), when it shows the same thing at another zoom or
   * place; after a change (a filter, a moved node, the dark style) the new
   * one comes whole. */
  if (self->cache != NULL && self->cache != texture && !self->cache_stale && self->cache_dark == dark)
    {
      g_set_object (&self->previous, self->cache);
      self->previous_x = self->cache_x, self->previous_y = self->cache_y;
      self->previous_zoom = self->cache_zoom;
    }
  else
    g_clear_object (&self->previous);
  g_set_object (&self->cache, texture);
  self->cache_x = x, self->cache_y = y;
  self->cache_w = pw / pz, self->cache_h = ph / pz;
  self->cache_zoom = zoom;
  self->cache_dark = dark;
}

/* A worker renders at a lower priority than the main thread: on two cores
 * a render competes with the frames (the main thread, the X server, a
 * software GL's threads) and should lose. Linux's nice value is per thread;
 * the pool's threads keep it, so they serve nothing else. */
static void
render_thread (gpointer data, gpointer unused)
{
  g_autoptr(GTask) task = data;
  RenderJob *job = g_task_get_task_data (task);
  KgRenderOptions options;

#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), RENDER_NICE);
#endif
  kg_render_options_init (&options);
  options.dark = job->dark;
  options.zoom = job->pz;
  options.has_clip = TRUE;
  options.clip_x = job->x, options.clip_y = job->y;
  options.clip_width = job->pw / job->pz, options.clip_height = job->ph / job->pz;
  options.entity_hidden = job->entity_hidden;
  options.entity_emphasis = job->entity_emphasis;
  options.relation_emphasis = job->relation_emphasis;
  g_task_return_pointer (task, render_texture (job->graph, job->scene->scene, &options, job->x, job->y,
                                               job->pz, job->pw, job->ph), g_object_unref);
}

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  KgCanvas *self = KG_CANVAS (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  self->rendering = FALSE;
  /* Dropped when the picture changed meanwhile; the next frame asks again. */
  if (texture != NULL && self->scene != NULL && job->generation == self->generation)
    {
      install_cache (self, texture, job->x, job->y, job->zoom, job->pz, job->pw, job->ph, job->dark);
      self->cache_stale = FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint8 *
copy_bytes (const guint8 *bytes, guint n)
{
  return g_memdup2 (bytes, MAX (n, 1));
}

gboolean
kg_canvas_is_drawn (KgCanvas *self)
{
  g_return_val_if_fail (KG_IS_CANVAS (self), FALSE);
  return self->cache != NULL && !self->cache_stale && !self->rendering;
}

static GThreadPool *
render_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (render_thread, NULL, 2, FALSE, NULL));
  return pool;
}

/* Large scenes render in a worker, so the frame clock keeps ticking. */
static void
start_render (KgCanvas *self, double x, double y, double pz, int pw, int ph)
{
  RenderJob *job = g_new0 (RenderJob, 1);
  g_autoptr(GTask) task = g_task_new (self, NULL, render_done_cb, NULL);

  job->graph = g_object_ref (self->graph);
  job->scene = ref_render_scene (self);
  job->entity_emphasis = copy_bytes (self->entity_emphasis, self->n_entities);
  job->relation_emphasis = copy_bytes (self->relation_emphasis, self->n_relations);
  job->entity_hidden = self->entity_hidden != NULL
                       ? g_memdup2 (self->entity_hidden, sizeof (gboolean) * MAX (self->n_entities, 1)) : NULL;
  job->dark = _kg_canvas_is_dark ();
  job->x = x, job->y = y, job->zoom = self->zoom, job->pz = pz, job->pw = pw, job->ph = ph;
  job->generation = self->generation;
  self->rendering = TRUE;
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_thread_pool_push (render_pool (), g_steal_pointer (&task), NULL);
}

static void
ensure_cache (KgCanvas *self, double w, double h, int scale)
{
  double vx, vy, vw = w / self->zoom, vh = h / self->zoom;
  double mx = vw / 2, my = vh / 2, pz = self->zoom * scale;
  double x0, y0, x1, y1;
  int pw, ph;
  KgRenderOptions options;
  g_autoptr(GdkTexture) texture = NULL;

  kg_canvas_widget_to_scene (self, 0, 0, &vx, &vy);
  if (self->cache != NULL && !self->cache_stale && self->cache_dark == _kg_canvas_is_dark ()
      && vx >= self->cache_x && vy >= self->cache_y
      && vx + vw <= self->cache_x + self->cache_w && vy + vh <= self->cache_y + self->cache_h)
    {
      double ratio = self->zoom / self->cache_zoom;

      if (ratio == 1.0)
        return;
      /* Within a zoom band the cached texture is stretched while the zoom
       * goes on, and drawn sharp again once it rests. */
      if (ratio > 0.5 && ratio < 2.0 && !self->sharpen)
        {
          schedule_refresh (self);
          return;
        }
    }
  /* One worker at a time; what it brings may already be stale, then the
   * frame after it asks for another. */
  if (self->rendering)
    return;
  self->sharpen = FALSE;
  /* The whole scene when it fits (panning never renders again), else half a
   * view of margin on each side, so panning blits for a while. */
  x0 = MIN (vx - mx, -SCENE_PAD), y0 = MIN (vy - my, -SCENE_PAD);
  x1 = MAX (vx + vw + mx, self->scene->width + SCENE_PAD);
  y1 = MAX (vy + vh + my, self->scene->height + SCENE_PAD);
  if ((x1 - x0) * (y1 - y0) * pz * pz > MAX_CACHE_PIXELS)
    {
      if ((vw + 2 * mx) * (vh + 2 * my) * pz * pz > MAX_CACHE_PIXELS)
        mx = my = 0;
      x0 = vx - mx, y0 = vy - my, x1 = vx + vw + mx, y1 = vy + vh + my;
    }
  pw = MAX ((int) ceil ((x1 - x0) * pz), 1);
  ph = MAX ((int) ceil ((y1 - y0) * pz), 1);
  base_emphasis (self);
  /* A moved or zoomed view of the same picture keeps showing the old one
   * while a worker renders, whatever the size: no frame waits for it. */
  if (self->scene->n_nodes >= ASYNC_RENDER_NODES
      || (self->cache != NULL && !self->cache_stale && self->cache_dark == _kg_canvas_is_dark ()))
    {
      start_render (self, x0, y0, pz, pw, ph);
      return;
    }
  init_options (self, &options, pz);
  options.cache = self->render_cache;
  options.clip_x = x0, options.clip_y = y0;
  options.clip_width = pw / pz, options.clip_height = ph / pz;
  texture = render_texture (self->graph, self->scene, &options, x0, y0, pz, pw, ph);
  install_cache (self, texture, x0, y0, self->zoom, pz, pw, ph, _kg_canvas_is_dark ());
  self->cache_stale = FALSE;
}

typedef struct
{
  GArray     *nodes;     /* KgSceneNode */
  GArray     *edges;     /* KgSceneEdge, points shared with the scene */
  GHashTable *node_map;  /* scene node → sub-scene node + 1 */
} SubScene;

static guint
sub_add_node (KgCanvas *self, SubScene *sub, guint node, KgEmphasis emphasis)
{
  guint mapped = GPOINTER_TO_UINT (g_hash_table_lookup (sub->node_map, GUINT_TO_POINTER (node)));
  guint entity = self->scene->nodes[node].entity;

  self->entity_emphasis[entity] = MAX (self->entity_emphasis[entity], emphasis);
  if (mapped > 0)
    return mapped - 1;
  g_array_append_val (sub->nodes, self->scene->nodes[node]);
  g_hash_table_insert (sub->node_map, GUINT_TO_POINTER (node), GUINT_TO_POINTER (sub->nodes->len));
  return sub->nodes->len - 1;
}

static void
sub_add_edge (KgCanvas *self, SubScene *sub, guint e, KgEmphasis emphasis, KgEmphasis ends)
{
  KgSceneEdge edge = self->scene->edges[e];

  if (!_kg_canvas_node_visible (self, edge.source_node) || !_kg_canvas_node_visible (self, edge.target_node))
    return;
  edge.source_node = sub_add_node (self, sub, edge.source_node, ends);
  edge.target_node = sub_add_node (self, sub, edge.target_node, ends);
  self->relation_emphasis[edge.relation] = MAX (self->relation_emphasis[edge.relation], emphasis);
  g_array_append_val (sub->edges, edge);
}

static void
sub_add_item (KgCanvas *self, SubScene *sub, KgItemKind kind, guint index,
              KgEmphasis emphasis, gboolean neighbours)
{
  gssize node = kind == KG_ITEM_ENTITY && index < self->n_entities ? kg_scene_find_node (self->scene, index) : -1;

  if (node >= 0)
    {
      if (!_kg_canvas_node_visible (self, node))
        return;
      if (neighbours)
        for (guint k = self->adj_start[node]; k < self->adj_start[node + 1]; k++)
          sub_add_edge (self, sub, self->adj_edges[k], KG_EMPHASIS_HIGHLIGHT, KG_EMPHASIS_HIGHLIGHT);
      sub_add_node (self, sub, node, emphasis);
    }
  else if (kind == KG_ITEM_RELATION && index < self->n_relations && self->relation_edge[index] >= 0)
    sub_add_edge (self, sub, self->relation_edge[index], emphasis, KG_EMPHASIS_HIGHLIGHT);
}

/* Hover and selection, drawn fresh over the cached scene. */
static void
snapshot_overlay (KgCanvas *self, GtkSnapshot *snapshot, double w, double h)
{
  SubScene sub;
  KgScene scene = { 0 };
  KgRenderOptions options;
  cairo_t *cr;

  if (self->hover_kind == KG_ITEM_NONE && self->sel_kind == KG_ITEM_NONE)
    return;
  memset (self->entity_emphasis, KG_EMPHASIS_NORMAL, MAX (self->n_entities, 1));
  memset (self->relation_emphasis, KG_EMPHASIS_NORMAL, MAX (self->n_relations, 1));
  sub.nodes = g_array_new (FALSE, FALSE, sizeof (KgSceneNode));
  sub.edges = g_array_new (FALSE, FALSE, sizeof (KgSceneEdge));
  sub.node_map = g_hash_table_new (NULL, NULL);
  sub_add_item (self, &sub, self->hover_kind, self->hover_index, KG_EMPHASIS_HIGHLIGHT, TRUE);
  sub_add_item (self, &sub, self->sel_kind, self->sel_index, KG_EMPHASIS_SELECTED, FALSE);

  /* Hovering fades everything but the neighbourhood drawn on top. */
  if (self->hover_kind != KG_ITEM_NONE && sub.nodes->len > 0)
    {
      double bg[3];

      kg_render_background_color (_kg_canvas_is_dark (), bg);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { bg[0], bg[1], bg[2], 0.7 },
                                 &GRAPHENE_RECT_INIT (0, 0, w, h));
    }
  scene.nodes = (KgSceneNode *) sub.nodes->data;
  scene.n_nodes = sub.nodes->len;
  scene.edges = (KgSceneEdge *) sub.edges->data;
  scene.n_edges = sub.edges->len;
  scene.width = self->scene->width;
  scene.height = self->scene->height;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_translate (cr, self->tx, self->ty);
  cairo_scale (cr, self->zoom, self->zoom);
  init_options (self, &options, self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  kg_canvas_widget_to_scene (self, 0, 0, &options.clip_x, &options.clip_y);
  options.clip_width = w / self->zoom;
  options.clip_height = h / self->zoom;
  kg_render_scene (cr, self->graph, &scene, &options);
  cairo_destroy (cr);

  g_array_unref (sub.nodes);
  g_array_unref (sub.edges);
  g_hash_table_unref (sub.node_map);
}

static gboolean
renders_with_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

void
_kg_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  KgCanvas *self = KG_CANVAS (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double x, y;

  if (self->scene == NULL || self->graph == NULL || w < 1 || h < 1)
    return;
  ensure_cache (self, w, h, scale);
  if (self->cache == NULL)
    {
      /* A large scene's first picture is still being made. */
      snapshot_overlay (self, snapshot, w, h);
      return;
    }
  kg_canvas_scene_to_widget (self, self->cache_x, self->cache_y, &x, &y);
  /* Whole device pixels keep the texture sharp. */
  x = round (x * scale) / scale;
  y = round (y * scale) / scale;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  _kg_canvas_snapshot_tiles (self, snapshot, renders_with_cairo (widget), x, y, w, h);
  snapshot_overlay (self, snapshot, w, h);
  gtk_snapshot_pop (snapshot);
}
