/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../bench/kg-bench-graph.h"
#include "kg-canvas-private.h"
#include "kg-layout.h"
#include "kg-test-util.h"

/* The canvas as a reader uses it: pointer, keys, zoom, and large scenes. */

static void
test_click_selects (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  gssize anton = kg_test_find_entity (window, "Anton Shingarev");
  guint selected = G_MAXUINT;
  g_autofree char *details = NULL;
  double x, y;

  g_assert_cmpint (anton, >=, 0);
  /* Bring him into view as a reader would, then click his node's centre. */
  kg_canvas_center_on_entity (canvas, anton);
  kg_test_node_point (window, anton, &x, &y);
  g_signal_emit_by_name (kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
  g_assert_cmpint (kg_canvas_get_selection (canvas, &selected), ==, KG_ITEM_ENTITY);
  g_assert_cmpuint (selected, ==, anton);
  details = kg_details_pane_dup_text (kg_window_get_details_pane (window));
  g_assert_nonnull (strstr (details, "Anton Shingarev"));
  g_assert_nonnull (strstr (details, "Kaspersky vice president Anton Shingarev"));

  /* A click on empty space clears it. */
  kg_test_find_empty_point (canvas, &x, &y);
  g_signal_emit_by_name (kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
  g_assert_cmpint (kg_canvas_get_selection (canvas, NULL), ==, KG_ITEM_NONE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static KgPoint
bezier_point (const KgPoint *p, double t)
{
  double u = 1 - t;

  return (KgPoint) { u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
                     u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y };
}

static void
test_edge_click (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  KgGraph *graph = kg_window_get_graph (window);
  const KgScene *scene = kg_canvas_get_scene (canvas);
  GtkGesture *click = kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK);

  g_assert_cmpuint (scene->n_edges, >, 0);
  /* Some point along some edge's curve that no node covers. */
  for (guint e = 0; e < scene->n_edges; e++)
    for (double t = 0.3; t < 0.8; t += 0.1)
      {
        const KgSceneEdge *edge = &scene->edges[e];
        KgRelation *r = kg_graph_get_relation (graph, edge->relation);
        KgPoint p;
        double x, y;
        guint index = G_MAXUINT;
        g_autofree char *details = NULL;

        if (edge->n_points < 4 || r->evidence->len == 0)
          break;
        p = bezier_point (edge->points, t);
        kg_canvas_zoom_fit (canvas);
        kg_canvas_scene_to_widget (canvas, p.x, p.y, &x, &y);
        if (kg_canvas_pick (canvas, x, y, &index) != KG_ITEM_RELATION || index != edge->relation)
          continue;
        g_signal_emit_by_name (click, "pressed", 1, x, y);
        g_assert_cmpint (kg_canvas_get_selection (canvas, &index), ==, KG_ITEM_RELATION);
        g_assert_cmpuint (index, ==, edge->relation);
        details = kg_details_pane_dup_text (kg_window_get_details_pane (window));
        /* Both ends and the sentence it was read from. */
        g_assert_nonnull (strstr (details, kg_graph_get_entity (graph, r->source)->name));
        g_assert_nonnull (strstr (details, kg_graph_get_entity (graph, r->target)->name));
        g_assert_nonnull (strstr (details, "Evidence"));
        gtk_window_destroy (GTK_WINDOW (window));
        return;
      }
  g_assert_not_reached ();
}

static void
count_cb (gpointer counter)
{
  (*(guint *) counter)++;
}

/* Double-click: the node and its neighbours fill the view; Escape lets go. */
static void
test_double_click (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  KgGraph *graph = kg_window_get_graph (window);
  gssize anton = kg_test_find_entity (window, "Anton Shingarev");
  GtkEventController *keys = kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_EVENT_CONTROLLER_KEY);
  guint activated = 0, selected = G_MAXUINT;
  gboolean handled = FALSE;
  double x, y;

  g_signal_connect_swapped (canvas, "item-activated", G_CALLBACK (count_cb), &activated);
  kg_canvas_center_on_entity (canvas, anton);
  kg_test_node_point (window, anton, &x, &y);
  g_signal_emit_by_name (kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK), "pressed", 2, x, y);
  g_assert_cmpuint (activated, ==, 1);
  g_assert_cmpint (kg_canvas_get_selection (canvas, &selected), ==, KG_ITEM_ENTITY);
  g_assert_cmpuint (selected, ==, anton);
  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);

      if (r->source == (guint) anton || r->target == (guint) anton)
        {
          kg_test_node_point (window, r->source == (guint) anton ? r->target : r->source, &x, &y);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (canvas)));
          g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (canvas)));
        }
    }
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (kg_canvas_get_selection (canvas, NULL), ==, KG_ITEM_NONE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keyboard (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  GtkEventController *keys = kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_EVENT_CONTROLLER_KEY);
  guint first = G_MAXUINT, second = G_MAXUINT;
  gboolean handled = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (kg_canvas_get_selection (canvas, &first), ==, KG_ITEM_ENTITY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  kg_canvas_get_selection (canvas, &second);
  g_assert_cmpuint (first, !=, second);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_cmpint (kg_canvas_get_selection (canvas, NULL), ==, KG_ITEM_NONE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_zoom_keeps_pointer (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  double sx0, sy0, sx1, sy1, zoom = kg_canvas_get_zoom (canvas);

  kg_canvas_widget_to_scene (canvas, 120, 80, &sx0, &sy0);
  kg_canvas_zoom_at (canvas, 2.0, 120, 80);
  kg_canvas_widget_to_scene (canvas, 120, 80, &sx1, &sy1);
  g_assert_cmpfloat_with_epsilon (kg_canvas_get_zoom (canvas), zoom * 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (sx0, sx1, 1e-6);
  g_assert_cmpfloat_with_epsilon (sy0, sy1, 1e-6);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drag_node (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  GtkGesture *drag = kg_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
  gssize anton = kg_test_find_entity (window, "Anton Shingarev");
  const KgScene *scene = kg_canvas_get_scene (canvas);
  gssize node = kg_scene_find_node (scene, anton);
  double x, y, before;

  kg_canvas_center_on_entity (canvas, anton);
  kg_test_node_point (window, anton, &x, &y);
  before = scene->nodes[node].x;
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 0.0);
  g_assert_cmpfloat_with_epsilon (scene->nodes[node].x, before + 40.0 / kg_canvas_get_zoom (canvas), 1e-6);
  g_assert_true (kg_graph_get_entity (kg_window_get_graph (window), anton)->has_position);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
canvas_drawn (gpointer canvas)
{
  return kg_canvas_is_drawn (canvas);
}

/* A generated graph of n entities spread over a square of side `side`,
 * shown in window; waits for its first picture. */
static KgGraph *
show_large_graph (KgWindow *window, guint n, double side)
{
  KgGraph *graph = kg_bench_graph_new (n, 7);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  KgCanvas *canvas = kg_window_get_canvas (window);
  g_autoptr(GError) error = NULL;
  KgScene *scene;

  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      KgEntity *e = kg_graph_get_entity (graph, i);

      e->has_position = TRUE;
      e->x = g_rand_double_range (rand, 0, side);
      e->y = g_rand_double_range (rand, 0, side);
    }
  scene = kg_layout_from_positions (graph, NULL, &error);
  g_assert_no_error (error);
  _kg_window_set_graph (window, graph, scene, NULL);
  g_assert_true (kg_test_wait_for (kg_test_widget_allocated, canvas, 10000));
  g_assert_true (kg_test_wait_for (canvas_drawn, canvas, 60000));
  return graph;
}

/* A large scene is drawn by a worker; the window keeps answering meanwhile. */
static void
test_large_scene (void)
{
  KgWindow *window = kg_test_window_new (1280, 800);
  g_autoptr(KgGraph) graph = show_large_graph (window, 3000, 6000);
  KgCanvas *canvas = kg_window_get_canvas (window);
  double x, y;
  guint index = G_MAXUINT;

  /* A new filter needs a new picture. */
  kg_entity_list_set_type_visible (kg_window_get_entity_list (window), KG_ENTITY_PLACE, FALSE);
  g_assert_false (kg_canvas_is_drawn (canvas));
  g_assert_true (kg_test_wait_for (canvas_drawn, canvas, 60000));
  /* Picking answers from the first shown entity's node. */
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    if (kg_canvas_is_entity_visible (canvas, i))
      {
        const KgSceneNode *node = &kg_canvas_get_scene (canvas)->nodes[kg_scene_find_node (kg_canvas_get_scene (canvas), i)];

        kg_canvas_center_on_entity (canvas, i);
        kg_canvas_scene_to_widget (canvas, node->x, node->y, &x, &y);
        g_assert_cmpint (kg_canvas_pick (canvas, x, y, &index), ==, KG_ITEM_ENTITY);
        g_assert_true (kg_graph_get_entity (graph, index)->type != KG_ENTITY_PLACE);
        break;
      }
  gtk_window_destroy (GTK_WINDOW (window));
  kg_test_iterate (50);
}

/* After a zoom the picture comes back in tiles, a few a frame, over the old
 * one; once settled the canvas shows exactly the picture the worker made,
 * with no seam or gap where tiles meet. */
static void
test_tiles_match_picture (void)
{
  KgWindow *window = kg_test_window_new (1280, 800);
  g_autoptr(KgGraph) graph = show_large_graph (window, 3000, 6000);
  KgCanvas *canvas = kg_window_get_canvas (window);
  GtkWidget *widget = GTK_WIDGET (canvas);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) shown = NULL;
  cairo_surface_t *picture, *expected;
  cairo_t *cr;
  g_autofree guchar *pixels = NULL;
  double x, y;
  int differing = 0;

  kg_canvas_zoom_at (canvas, 3.0, w / 2.0, h / 2.0);
  g_assert_true (kg_test_wait_for (kg_test_canvas_settled, canvas, 60000));

  /* What the canvas draws when the window asks for a frame, without the
   * hover layer (Xvfb's pointer may rest over a node)... */
  _kg_canvas_set_hover (canvas, KG_ITEM_NONE, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  shown = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                       &GRAPHENE_RECT_INIT (0, 0, w, h));
  pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (shown, pixels, (gsize) w * 4);
  /* ...against the worker's picture painted whole where the canvas puts it. */
  picture = g_object_get_qdata (G_OBJECT (canvas->cache), _kg_canvas_surface_quark ());
  g_assert_nonnull (picture);
  kg_canvas_scene_to_widget (canvas, canvas->cache_x, canvas->cache_y, &x, &y);
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (expected);
  cairo_set_source_surface (cr, picture, round (x), round (y));
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (expected);
  for (int row = 0; row < h; row++)
    {
      const guchar *a = pixels + (gsize) row * w * 4;
      const guchar *b = cairo_image_surface_get_data (expected) + (gsize) row * cairo_image_surface_get_stride (expected);

      for (int i = 0; i < w * 4; i++)
        differing += abs (a[i] - b[i]) > 2;
    }
  cairo_surface_destroy (expected);
  g_assert_cmpint (differing, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  kg_test_iterate (50);
}

int
main (int argc, char **argv)
{
  if (!kg_test_init_display (&argc, &argv))
    return 0;
  g_test_add_func ("/canvas/click-selects", test_click_selects);
  g_test_add_func ("/canvas/keyboard", test_keyboard);
  g_test_add_func ("/canvas/edge-click", test_edge_click);
  g_test_add_func ("/canvas/double-click", test_double_click);
  g_test_add_func ("/canvas/zoom-keeps-pointer", test_zoom_keeps_pointer);
  g_test_add_func ("/canvas/drag-node", test_drag_node);
  g_test_add_func ("/canvas/large-scene", test_large_scene);
  g_test_add_func ("/canvas/tiles-match-picture", test_tiles_match_picture);
  return g_test_run ();
}
