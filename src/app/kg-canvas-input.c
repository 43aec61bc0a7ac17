/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kg-canvas-private.h"
#include "kg-layout.h"
#include "kg-ui-util.h"

/* Pointer, gestures and keys of the canvas. */

/* ---- moving a node ---- */

void
_kg_canvas_move_node (KgCanvas *self, guint node, double x, double y)
{
  KgEntity *entity = kg_graph_get_entity (self->graph, self->scene->nodes[node].entity);

  kg_scene_move_node (self->scene, node, x, y);
  /* Kept in the model, so a saved graph remembers where the reader put it. */
  entity->has_position = TRUE;
  entity->x = x;
  entity->y = y;
  _kg_canvas_invalidate (self);
}

/* ---- pointer ---- */

static void
update_hover (KgCanvas *self, double x, double y)
{
  guint index = 0;
  KgItemKind kind = kg_canvas_pick (self, x, y, &index);

  _kg_canvas_set_hover (self, kind, index);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), kind != KG_ITEM_NONE ? "pointer" : NULL);
}

static void
motion_cb (GtkEventControllerMotion *motion, double x, double y, KgCanvas *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  if (self->drag_node < 0)
    update_hover (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *motion, KgCanvas *self)
{
  self->has_pointer = FALSE;
  _kg_canvas_set_hover (self, KG_ITEM_NONE, 0);
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, KgCanvas *self)
{
  guint index = 0;
  KgItemKind kind = kg_canvas_pick (self, x, y, &index);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2 && kind == KG_ITEM_ENTITY)
    {
      kg_canvas_select (self, kind, index);
      _kg_canvas_focus_node (self, kg_scene_find_node (self->scene, index));
      _kg_canvas_emit_activated (self);
      return;
    }
  if (kind == KG_ITEM_NONE && self->focus_node >= 0)
    _kg_canvas_focus_node (self, -1);
  kg_canvas_select (self, kind, index);
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, KgCanvas *self)
{
  guint index = 0;

  self->drag_node = -1;
  if (kg_canvas_pick (self, x, y, &index) == KG_ITEM_ENTITY)
    {
      self->drag_node = kg_scene_find_node (self->scene, index);
      self->drag_node_x = self->scene->nodes[self->drag_node].x;
      self->drag_node_y = self->scene->nodes[self->drag_node].y;
    }
  self->drag_tx = self->tx;
  self->drag_ty = self->ty;
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, KgCanvas *self)
{
  if (self->scene == NULL)
    return;
  if (self->drag_node >= 0)
    {
      _kg_canvas_move_node (self, self->drag_node, self->drag_node_x + dx / self->zoom,
                            self->drag_node_y + dy / self->zoom);
      return;
    }
  self->tx = self->drag_tx + dx;
  self->ty = self->drag_ty + dy;
  self->fitted = FALSE;
  _kg_canvas_set_hover (self, KG_ITEM_NONE, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, KgCanvas *self)
{
  self->drag_node = -1;
}

static gboolean
scroll_cb (GtkEventControllerScroll *scroll, double dx, double dy, KgCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;
  double x = self->has_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->has_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->scene == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      kg_canvas_zoom_at (self, exp (-dy * (wheel ? 0.2 : 0.01)), x, y);
      return TRUE;
    }
  self->fitted = FALSE;
  self->tx -= dx * (wheel ? 50 : 1);
  self->ty -= dy * (wheel ? 50 : 1);
  _kg_canvas_set_hover (self, KG_ITEM_NONE, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture *gesture, GdkEventSequence *sequence, KgCanvas *self)
{
  self->gesture_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture, double scale, KgCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  kg_canvas_zoom_at (self, self->gesture_zoom * scale / self->zoom, x, y);
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, KgCanvas *self)
{
  g_autofree char *markup = NULL;
  guint index = 0;
  KgItemKind kind;

  if (keyboard)
    kind = self->sel_kind, index = self->sel_index;
  else
    kind = kg_canvas_pick (self, x, y, &index);
  if (kind == KG_ITEM_NONE)
    return FALSE;
  markup = kind == KG_ITEM_ENTITY ? kg_ui_entity_summary_markup (self->graph, index)
                                  : kg_ui_relation_summary_markup (self->graph, index);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ---- keys ---- */

static gssize
selected_node (KgCanvas *self)
{
  if (self->sel_kind != KG_ITEM_ENTITY || self->sel_index >= self->n_entities)
    return -1;
  return kg_scene_find_node (self->scene, self->sel_index);
}

static void
tab_move (KgCanvas *self, int step)
{
  guint n = self->scene->n_nodes, pos = 0;
  gssize current = selected_node (self);

  if (n == 0)
    return;
  for (guint i = 0; current >= 0 && i < n; i++)
    if (self->tab_order[i] == (guint) current)
      pos = i;
  for (guint k = 1; k <= n; k++)
    {
      guint i = current < 0 ? (step > 0 ? k - 1 : n - k) : (pos + n + step * (int) k) % n;

      if (_kg_canvas_node_visible (self, self->tab_order[i]))
        {
          _kg_canvas_select_node (self, self->tab_order[i], TRUE);
          return;
        }
    }
}

/* The nearest visible node roughly in direction (dx, dy). */
static void
arrow_move (KgCanvas *self, double dx, double dy)
{
  gssize current = selected_node (self), best = -1;
  double best_score = G_MAXDOUBLE;

  if (current < 0)
    {
      tab_move (self, 1);
      return;
    }
  for (guint i = 0; i < self->scene->n_nodes; i++)
    {
      double vx = self->scene->nodes[i].x - self->scene->nodes[current].x;
      double vy = self->scene->nodes[i].y - self->scene->nodes[current].y;
      double along = vx * dx + vy * dy, across = fabs (vx * dy - vy * dx), score;

      if (i == (guint) current || along <= 0 || !_kg_canvas_node_visible (self, i))
        continue;
      score = along + 2 * across;
      if (score < best_score)
        best_score = score, best = i;
    }
  if (best >= 0)
    _kg_canvas_select_node (self, best, TRUE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode,
                GdkModifierType state, KgCanvas *self)
{
  if (self->scene == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->focus_node < 0 && self->sel_kind == KG_ITEM_NONE)
        return FALSE;
      _kg_canvas_focus_node (self, -1);
      kg_canvas_select (self, KG_ITEM_NONE, 0);
      return TRUE;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      kg_canvas_zoom_in (self);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      kg_canvas_zoom_out (self);
      return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0:
      kg_canvas_zoom_fit (self);
      return TRUE;
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab:
      tab_move (self, 1);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      tab_move (self, -1);
      return TRUE;
    case GDK_KEY_Left: arrow_move (self, -1, 0); return TRUE;
    case GDK_KEY_Right: arrow_move (self, 1, 0); return TRUE;
    case GDK_KEY_Up: arrow_move (self, 0, -1); return TRUE;
    case GDK_KEY_Down: arrow_move (self, 0, 1); return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (self->sel_kind == KG_ITEM_NONE)
        return FALSE;
      _kg_canvas_emit_activated (self);
      return TRUE;
    default:
      return FALSE;
    }
}

void
_kg_canvas_init_input (KgCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
