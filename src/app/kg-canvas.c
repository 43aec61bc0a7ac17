/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kg-canvas-private.h"
#include "kg-render.h"

/*
 * The graph view: its state, the view transform (one for drawing, its
 * inverse for picking) and the selection. Drawing is in kg-canvas-draw.c,
 * the pointer and keys in kg-canvas-input.c.
 */

#define MIN_ZOOM 0.01
#define MAX_ZOOM 8.0
#define FIT_PADDING 24.0
/* Where the smallest labels read comfortably. */
#define READING_ZOOM 1.2

enum { SELECTION_CHANGED, ITEM_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean node_in_view (KgCanvas *self, guint node);

G_DEFINE_FINAL_TYPE (KgCanvas, kg_canvas, GTK_TYPE_WIDGET)

gboolean
_kg_canvas_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
_kg_canvas_invalidate (KgCanvas *self)
{
  /* A large scene keeps showing the old picture until the new one is ready. */
  self->cache_stale = TRUE;
  self->generation++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_kg_canvas_node_visible (KgCanvas *self,
                         guint     node)
{
  return self->node_hidden == NULL || !self->node_hidden[node];
}

static void
update_accessible_label (KgCanvas *self)
{
  g_autofree char *label = NULL;
  guint n = self->scene != NULL ? self->scene->n_nodes : 0;

  if (self->sel_kind == KG_ITEM_ENTITY)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Graph of %u entity; selected: %s",
                                          "Graph of %u entities; selected: %s", n),
                             n, kg_graph_get_entity (self->graph, self->sel_index)->name);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Graph of %u entity", "Graph of %u entities", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* ---- view transform ---- */

void
kg_canvas_scene_to_widget (KgCanvas *self, double sx, double sy, double *wx, double *wy)
{
  *wx = sx * self->zoom + self->tx;
  *wy = sy * self->zoom + self->ty;
}

void
kg_canvas_widget_to_scene (KgCanvas *self, double wx, double wy, double *sx, double *sy)
{
  *sx = (wx - self->tx) / self->zoom;
  *sy = (wy - self->ty) / self->zoom;
}

double
kg_canvas_get_zoom (KgCanvas *self)
{
  return self->zoom;
}

static void
fit_rect (KgCanvas *self, double x0, double y0, double x1, double y1, double max_zoom)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double zx, zy;

  self->fitted = TRUE;
  self->fit_area[0] = x0, self->fit_area[1] = y0, self->fit_area[2] = x1, self->fit_area[3] = y1;
  self->fit_area[4] = max_zoom;
  if (w <= 1 || h <= 1)
    {
      self->fit_pending = TRUE;
      return;
    }
  zx = (w - 2 * FIT_PADDING) / MAX (x1 - x0, 1.0);
  zy = (h - 2 * FIT_PADDING) / MAX (y1 - y0, 1.0);
  self->zoom = CLAMP (MIN (zx, zy), MIN_ZOOM, max_zoom);
  self->tx = w / 2 - (x0 + x1) / 2 * self->zoom;
  self->ty = h / 2 - (y0 + y1) / 2 * self->zoom;
  self->fit_pending = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kg_canvas_zoom_fit (KgCanvas *self)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (KG_IS_CANVAS (self));
  if (self->scene == NULL)
    return;
  /* The visible nodes, so a filtered graph fills the view. */
  for (guint i = 0; i < self->scene->n_nodes; i++)
    {
      const KgSceneNode *n = &self->scene->nodes[i];

      if (!_kg_canvas_node_visible (self, i))
        continue;
      x0 = MIN (x0, n->x - n->width / 2), x1 = MAX (x1, n->x + n->width / 2);
      y0 = MIN (y0, n->y - n->height / 2), y1 = MAX (y1, n->y + n->height / 2);
    }
  if (x0 > x1)
    x0 = 0, y0 = 0, x1 = self->scene->width, y1 = self->scene->height;
  /* A handful of nodes should not be blown up to poster size. */
  fit_rect (self, x0, y0, x1, y1, 1.5);
}

void
kg_canvas_reveal_entities (KgCanvas       *self,
                           const gboolean *entities)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  gboolean all_in_view = TRUE;

  g_return_if_fail (KG_IS_CANVAS (self));
  if (self->scene == NULL || entities == NULL)
    return;
  for (guint i = 0; i < self->scene->n_nodes; i++)
    {
      const KgSceneNode *n = &self->scene->nodes[i];

      if (n->entity >= self->n_entities || !entities[n->entity] || !_kg_canvas_node_visible (self, i))
        continue;
      all_in_view = all_in_view && node_in_view (self, i);
      x0 = MIN (x0, n->x - n->width / 2), x1 = MAX (x1, n->x + n->width / 2);
      y0 = MIN (y0, n->y - n->height / 2), y1 = MAX (y1, n->y + n->height / 2);
    }
  if (x0 <= x1 && !all_in_view)
    fit_rect (self, x0 - 40, y0 - 40, x1 + 40, y1 + 40, MAX (self->zoom, 1.0));
}

void
kg_canvas_zoom_at (KgCanvas *self, double factor, double x, double y)
{
  double sx, sy, zoom;

  g_return_if_fail (KG_IS_CANVAS (self));
  zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  self->fitted = FALSE;
  kg_canvas_widget_to_scene (self, x, y, &sx, &sy);
  self->zoom = zoom;
  self->tx = x - sx * zoom;
  self->ty = y - sy * zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_centre (KgCanvas *self, double factor)
{
  kg_canvas_zoom_at (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
kg_canvas_zoom_in (KgCanvas *self)
{
  zoom_centre (self, 1.25);
}

void
kg_canvas_zoom_out (KgCanvas *self)
{
  zoom_centre (self, 1 / 1.25);
}

static void
center_on_node (KgCanvas *self, guint node)
{
  const KgSceneNode *n = &self->scene->nodes[node];
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  /* Far zoomed out the node would be a dot: come close enough to read it. */
  self->fitted = FALSE;
  if (self->zoom < READING_ZOOM)
    self->zoom = READING_ZOOM;
  self->tx = w / 2 - n->x * self->zoom;
  self->ty = h / 2 - n->y * self->zoom;
  self->fit_pending = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kg_canvas_center_on_entity (KgCanvas *self, guint entity)
{
  g_return_if_fail (KG_IS_CANVAS (self));
  if (entity < self->n_entities && kg_scene_find_node (self->scene, entity) >= 0)
    center_on_node (self, kg_scene_find_node (self->scene, entity));
}

static gboolean
node_in_view (KgCanvas *self, guint node)
{
  double x, y;

  kg_canvas_scene_to_widget (self, self->scene->nodes[node].x, self->scene->nodes[node].y, &x, &y);
  return x >= 0 && y >= 0 && x <= gtk_widget_get_width (GTK_WIDGET (self))
         && y <= gtk_widget_get_height (GTK_WIDGET (self));
}

/* ---- scene ---- */

static void
clear_scene (KgCanvas *self)
{
  g_clear_pointer (&self->scene, kg_scene_free);
  g_clear_pointer (&self->relation_edge, g_free);
  g_clear_pointer (&self->adj_start, g_free);
  g_clear_pointer (&self->adj_edges, g_free);
  g_clear_pointer (&self->tab_order, g_free);
  g_clear_pointer (&self->node_hidden, g_free);
  g_clear_pointer (&self->entity_emphasis, g_free);
  g_clear_pointer (&self->relation_emphasis, g_free);
  g_clear_object (&self->cache);
  g_clear_object (&self->previous);
  self->generation++;
}

static int
compare_reading_order (gconstpointer a, gconstpointer b, gpointer data)
{
  const KgScene *scene = data;
  const KgSceneNode *na = &scene->nodes[*(const guint *) a];
  const KgSceneNode *nb = &scene->nodes[*(const guint *) b];
  /* Rows of about a node's height, then left to right. */
  double ra = floor (na->y / 36.0), rb = floor (nb->y / 36.0);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return na->x < nb->x ? -1 : na->x > nb->x;
}

static void
index_scene (KgCanvas *self)
{
  const KgScene *scene = self->scene;
  guint *fill;

  self->n_entities = kg_graph_get_n_entities (self->graph);

  self->n_relations = kg_graph_get_n_relations (self->graph);
  self->relation_edge = g_new (gssize, MAX (self->n_relations, 1));
  for (guint i = 0; i < self->n_relations; i++)
    self->relation_edge[i] = -1;
  for (guint e = 0; e < scene->n_edges; e++)
    if (scene->edges[e].relation < self->n_relations)
      self->relation_edge[scene->edges[e].relation] = e;

  self->adj_start = g_new0 (guint, scene->n_nodes + 1);
  for (guint e = 0; e < scene->n_edges; e++)
    {
      self->adj_start[scene->edges[e].source_node + 1]++;
      self->adj_start[scene->edges[e].target_node + 1]++;
    }
  for (guint i = 0; i < scene->n_nodes; i++)
    self->adj_start[i + 1] += self->adj_start[i];
  self->adj_edges = g_new (guint, MAX (2 * scene->n_edges, 1));
  fill = g_memdup2 (self->adj_start, sizeof (guint) * (scene->n_nodes + 1));
  for (guint e = 0; e < scene->n_edges; e++)
    {
      self->adj_edges[fill[scene->edges[e].source_node]++] = e;
      self->adj_edges[fill[scene->edges[e].target_node]++] = e;
    }
  g_free (fill);

  self->tab_order = g_new (guint, MAX (scene->n_nodes, 1));
  for (guint i = 0; i < scene->n_nodes; i++)
    self->tab_order[i] = i;
  g_qsort_with_data (self->tab_order, scene->n_nodes, sizeof (guint), compare_reading_order, self->scene);

  self->node_hidden = g_new0 (gboolean, MAX (scene->n_nodes, 1));
  for (guint i = 0; i < scene->n_nodes; i++)
    self->node_hidden[i] = self->entity_hidden != NULL && scene->nodes[i].entity < self->n_entities
                           && self->entity_hidden[scene->nodes[i].entity];
  self->entity_emphasis = g_new0 (guint8, MAX (self->n_entities, 1));
  self->relation_emphasis = g_new0 (guint8, MAX (kg_graph_get_n_relations (self->graph), 1));
  kg_render_cache_clear (self->render_cache);
}

void
kg_canvas_set_scene (KgCanvas *self,
                     KgGraph  *graph,
                     KgScene  *scene,
                     gboolean  keep_view)
{
  gboolean same_graph;

  g_return_if_fail (KG_IS_CANVAS (self));
  same_graph = graph == self->graph;
  clear_scene (self);
  if (!same_graph)
    {
      g_clear_pointer (&self->entity_hidden, g_free);
      g_clear_pointer (&self->entity_lit, g_free);
      g_clear_pointer (&self->relation_lit, g_free);
      self->sel_kind = KG_ITEM_NONE;
    }
  g_set_object (&self->graph, graph);
  self->scene = scene;
  self->hover_kind = KG_ITEM_NONE;
  self->focus_node = -1;
  self->drag_node = -1;
  if (scene != NULL && graph != NULL)
    index_scene (self);
  if (scene != NULL && (!keep_view || !same_graph))
    kg_canvas_zoom_fit (self);
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KgGraph *
kg_canvas_get_graph (KgCanvas *self)
{
  return self->graph;
}

const KgScene *
kg_canvas_get_scene (KgCanvas *self)
{
  return self->scene;
}

static gboolean *
copy_flags (const gboolean *flags, guint n)
{
  return flags != NULL ? g_memdup2 (flags, sizeof (gboolean) * MAX (n, 1)) : NULL;
}

void
kg_canvas_set_entity_hidden (KgCanvas       *self,
                             const gboolean *hidden)
{
  g_return_if_fail (KG_IS_CANVAS (self));
  g_free (self->entity_hidden);
  self->entity_hidden = copy_flags (hidden, self->graph ? kg_graph_get_n_entities (self->graph) : 0);
  if (self->scene != NULL)
    for (guint i = 0; i < self->scene->n_nodes; i++)
      self->node_hidden[i] = hidden != NULL && hidden[self->scene->nodes[i].entity];
  if (self->sel_kind == KG_ITEM_ENTITY && hidden != NULL && hidden[self->sel_index])
    kg_canvas_select (self, KG_ITEM_NONE, 0);
  self->hover_kind = KG_ITEM_NONE;
  _kg_canvas_invalidate (self);
}

gboolean
kg_canvas_is_entity_visible (KgCanvas *self,
                             guint     entity)
{
  gssize node;

  g_return_val_if_fail (KG_IS_CANVAS (self), FALSE);
  if (self->scene == NULL || entity >= self->n_entities)
    return FALSE;
  node = kg_scene_find_node (self->scene, entity);
  return node >= 0 && _kg_canvas_node_visible (self, node);
}

void
kg_canvas_set_lit (KgCanvas       *self,
                   const gboolean *entities,
                   const gboolean *relations)
{
  g_return_if_fail (KG_IS_CANVAS (self));
  if (self->graph == NULL)
    return;
  g_free (self->entity_lit);
  g_free (self->relation_lit);
  self->entity_lit = copy_flags (entities, kg_graph_get_n_entities (self->graph));
  self->relation_lit = copy_flags (relations, kg_graph_get_n_relations (self->graph));
  _kg_canvas_invalidate (self);
}

gboolean
kg_canvas_is_entity_lit (KgCanvas *self,
                         guint     entity)
{
  g_return_val_if_fail (KG_IS_CANVAS (self), FALSE);
  return self->entity_lit != NULL && entity < self->n_entities && self->entity_lit[entity];
}

/* ---- selection ---- */

void
kg_canvas_select (KgCanvas   *self,
                  KgItemKind  kind,
                  guint       index)
{
  g_return_if_fail (KG_IS_CANVAS (self));
  if (kind == self->sel_kind && (kind == KG_ITEM_NONE || index == self->sel_index))
    return;
  self->sel_kind = kind;
  self->sel_index = index;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

KgItemKind
kg_canvas_get_selection (KgCanvas *self,
                         guint    *index)
{
  g_return_val_if_fail (KG_IS_CANVAS (self), KG_ITEM_NONE);
  if (index != NULL)
    *index = self->sel_index;
  return self->sel_kind;
}

void
_kg_canvas_select_node (KgCanvas *self,
                        guint     node,
                        gboolean  reveal)
{
  kg_canvas_select (self, KG_ITEM_ENTITY, self->scene->nodes[node].entity);
  if (reveal && !node_in_view (self, node))
    center_on_node (self, node);
}

void
_kg_canvas_set_hover (KgCanvas   *self,
                      KgItemKind  kind,
                      guint       index)
{
  if (kind == self->hover_kind && (kind == KG_ITEM_NONE || index == self->hover_index))
    return;
  self->hover_kind = kind;
  self->hover_index = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_kg_canvas_focus_node (KgCanvas *self,
                       gssize    node)
{
  double x0, y0, x1, y1;

  self->focus_node = node;
  _kg_canvas_invalidate (self);
  if (node < 0)
    return;
  /* Frame the node and its neighbours. */
  x0 = x1 = self->scene->nodes[node].x;
  y0 = y1 = self->scene->nodes[node].y;
  for (guint k = self->adj_start[node]; k < self->adj_start[node + 1]; k++)
    {
      const KgSceneEdge *e = &self->scene->edges[self->adj_edges[k]];
      const KgSceneNode *m = &self->scene->nodes[e->source_node == (guint) node ? e->target_node : e->source_node];

      x0 = MIN (x0, m->x - m->width / 2), x1 = MAX (x1, m->x + m->width / 2);
      y0 = MIN (y0, m->y - m->height / 2), y1 = MAX (y1, m->y + m->height / 2);
    }
  fit_rect (self, x0 - 40, y0 - 40, x1 + 40, y1 + 40, 2.0);
}

KgItemKind
kg_canvas_pick (KgCanvas *self,
                double    x,
                double    y,
                guint    *index)
{
  double sx, sy;
  gssize hit;

  g_return_val_if_fail (KG_IS_CANVAS (self), KG_ITEM_NONE);
  if (self->scene == NULL)
    return KG_ITEM_NONE;
  kg_canvas_widget_to_scene (self, x, y, &sx, &sy);
  hit = kg_scene_pick_node (self->scene, sx, sy);
  if (hit >= 0 && _kg_canvas_node_visible (self, hit))
    {
      *index = self->scene->nodes[hit].entity;
      return KG_ITEM_ENTITY;
    }
  /* A few pixels of slack whatever the zoom: edges are thin. */
  hit = kg_scene_pick_edge (self->scene, sx, sy, 5.0 / self->zoom);
  if (hit >= 0 && _kg_canvas_node_visible (self, self->scene->edges[hit].source_node)
      && _kg_canvas_node_visible (self, self->scene->edges[hit].target_node))
    {
      *index = self->scene->edges[hit].relation;
      return KG_ITEM_RELATION;
    }
  return KG_ITEM_NONE;
}

static void
kg_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  KgCanvas *self = KG_CANVAS (widget);

  if (self->fit_pending && self->scene != NULL)
    kg_canvas_zoom_fit (self);
  else if (self->fitted && self->scene != NULL)
    fit_rect (self, self->fit_area[0], self->fit_area[1], self->fit_area[2], self->fit_area[3],
              self->fit_area[4]);
  else if (self->last_width > 0)
    {
      /* Keep what was in the middle in the middle. */
      self->tx += (width - self->last_width) / 2.0;
      self->ty += (height - self->last_height) / 2.0;
    }
  self->last_width = width;
  self->last_height = height;
}

static void
dark_changed_cb (KgCanvas *self)
{
  _kg_canvas_invalidate (self);
}

static void
kg_canvas_dispose (GObject *object)
{
  KgCanvas *self = KG_CANVAS (object);

  clear_scene (self);
  _kg_canvas_drop_render_scene (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->render_cache, kg_render_cache_free);
  g_clear_pointer (&self->entity_hidden, g_free);
  g_clear_pointer (&self->entity_lit, g_free);
  g_clear_pointer (&self->relation_lit, g_free);
  g_clear_object (&self->graph);
  G_OBJECT_CLASS (kg_canvas_parent_class)->dispose (object);
}

static void
kg_canvas_class_init (KgCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kg_canvas_dispose;
  widget_class->snapshot = _kg_canvas_snapshot;
  widget_class->size_allocate = kg_canvas_size_allocate;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  /* Enter or a double-click: the reader wants the details of the selection. */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "kg-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kg_canvas_init (KgCanvas *self)
{
  self->zoom = 1.0;
  self->focus_node = -1;
  self->drag_node = -1;
  self->render_cache = kg_render_cache_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  _kg_canvas_init_input (self);
  update_accessible_label (self);
}

KgCanvas *
kg_canvas_new (void)
{
  return g_object_new (KG_TYPE_CANVAS, NULL);
}

void
_kg_canvas_emit_activated (KgCanvas *self)
{
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0);
}
