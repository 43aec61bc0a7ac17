/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kg-export-dialog.h"
#include "kg-test-util.h"

/* The window as a reader uses it, on the seed article, with in-process events. */

static void
test_entity_list (void)
{
  KgWindow *window = kg_test_open_seed ();
  g_auto(GStrv) names = kg_entity_list_dup_shown_names (kg_window_get_entity_list (window));
  const char *expected[] = { "Anton Shingarev", "Eugene Kaspersky", "Dave Stevinson",
                             "National Cyber Security Centre" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_strv_contains ((const char *const *) names, expected[i]))
      g_error ("the entity list lacks %s", expected[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_centres (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  guint selected = G_MAXUINT;
  double x, y;

  gssize ncsc = kg_test_find_entity (window, "National Cyber Security Centre");
  KgEntity *entity = ncsc >= 0 ? kg_graph_get_entity (kg_window_get_graph (window), ncsc) : NULL;
  gboolean aliased = FALSE;

  for (guint i = 0; entity != NULL && i < entity->aliases->len; i++)
    aliased = aliased || g_str_equal (g_ptr_array_index (entity->aliases, i), "NCSC");
  if (!aliased)
    {
      /* Searching finds what extraction linked; the first pass links no acronyms. */
      g_test_incomplete ("extraction does not make NCSC an alias of the National Cyber Security Centre yet");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  kg_canvas_zoom_fit (canvas);
  kg_window_search (window, "NCSC");
  g_assert_cmpint (kg_canvas_get_selection (canvas, &selected), ==, KG_ITEM_ENTITY);
  g_assert_cmpstr (kg_graph_get_entity (kg_window_get_graph (window), selected)->name, ==,
                   "National Cyber Security Centre");
  kg_test_node_point (window, selected, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0, 2.0);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0, 2.0);
  g_assert_true (kg_canvas_is_entity_lit (canvas, selected));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_type_filter (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  KgGraph *graph = kg_window_get_graph (window);
  gssize anton = kg_test_find_entity (window, "Anton Shingarev");
  guint n_people = 0, hit = G_MAXUINT;
  double x, y;

  g_assert_cmpint (anton, >=, 0);
  kg_canvas_center_on_entity (canvas, anton);
  kg_test_node_point (window, anton, &x, &y);
  kg_entity_list_set_type_visible (kg_window_get_entity_list (window), KG_ENTITY_PERSON, FALSE);
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    if (kg_graph_get_entity (graph, i)->type == KG_ENTITY_PERSON)
      {
        n_people++;
        g_assert_false (kg_canvas_is_entity_visible (canvas, i));
      }
  g_assert_cmpuint (n_people, >, 0);
  /* His node no longer answers to the pointer. */
  g_assert_true (kg_canvas_pick (canvas, x, y, &hit) != KG_ITEM_ENTITY || hit != (guint) anton);
  {
    g_auto(GStrv) names = kg_entity_list_dup_shown_names (kg_window_get_entity_list (window));
    g_assert_false (g_strv_contains ((const char *const *) names, "Anton Shingarev"));
  }
  kg_entity_list_set_type_visible (kg_window_get_entity_list (window), KG_ENTITY_PERSON, TRUE);
  g_assert_true (kg_canvas_is_entity_visible (canvas, anton));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_svg (void)
{
  KgWindow *window = kg_test_open_seed ();
  g_autofree char *dir = g_dir_make_tmp ("kg-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) parser = NULL;
  static const GMarkupParser no_callbacks = { 0 };

  g_assert_true (kg_window_export_sync (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  /* Well-formed XML from start to end. */
  parser = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, contents, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
idle_window (gpointer window)
{
  return !kg_window_is_busy (window);
}

static gboolean
is_message_dialog (GtkWindow *window)
{
  return ADW_IS_MESSAGE_DIALOG (window);
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);

      if (is_message_dialog (w))
        gtk_window_destroy (w);
    }
}

static void
test_binary_keeps_graph (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgGraph *before = kg_window_get_graph (window);
  guint n_before = kg_graph_get_n_entities (before);
  g_autofree char *dir = g_dir_make_tmp ("kg-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "image.bin", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *toplevels;
  gboolean dialog = FALSE;
  char bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, bytes, sizeof bytes, NULL));
  g_test_expect_message ("kg-app", G_LOG_LEVEL_WARNING, "*image.bin*");
  kg_window_open_files (window, &file, 1);
  g_assert_true (kg_test_wait_for (idle_window, window, 10000));
  kg_test_iterate (50);
  g_test_assert_expected_messages ();

  g_assert_nonnull (kg_window_get_last_error (window));
  g_assert_nonnull (strstr (kg_window_get_last_error (window), "image.bin"));
  g_assert_true (kg_window_get_graph (window) == before);
  g_assert_cmpuint (kg_graph_get_n_entities (kg_window_get_graph (window)), ==, n_before);
  g_assert_nonnull (kg_canvas_get_scene (kg_window_get_canvas (window)));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (is_message_dialog (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        dialog = TRUE;
    }
  g_assert_true (dialog);
  close_dialogs ();
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_opens (void)
{
  KgWindow *window = kg_test_window_new (1280, 800);
  g_autofree char *article = kg_test_seed_article ();
  g_autoptr(GFile) file = g_file_new_for_path (article);
  GSList *list = g_slist_append (NULL, file);
  GtkDropTarget *target = kg_test_find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_null (kg_window_get_graph (window));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (kg_window_is_busy (window));
  g_assert_true (kg_test_wait_for (idle_window, window, 20000));
  g_assert_nonnull (kg_window_get_graph (window));
  g_assert_cmpuint (kg_graph_get_n_documents (kg_window_get_graph (window)), ==, 1);
  g_assert_nonnull (kg_canvas_get_scene (kg_window_get_canvas (window)));
  g_value_unset (&value);
  g_slist_free (list);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opening another article replaces the graph and resets the panes. */
static void
test_open_replaces (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgGraph *before = kg_window_get_graph (window);
  gssize anton = kg_test_find_entity (window, "Anton Shingarev");
  g_autofree char *other = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "sample-article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_autofree char *details = NULL;
  g_auto(GStrv) names = NULL;

  kg_canvas_select (kg_window_get_canvas (window), KG_ITEM_ENTITY, anton);
  kg_window_open_files (window, &file, 1);
  g_assert_true (kg_test_wait_for (idle_window, window, 20000));
  g_assert_null (kg_window_get_last_error (window));
  g_assert_true (kg_window_get_graph (window) != before);
  g_assert_cmpint (kg_canvas_get_selection (kg_window_get_canvas (window), NULL), ==, KG_ITEM_NONE);
  details = kg_details_pane_dup_text (kg_window_get_details_pane (window));
  g_assert_cmpstr (details, ==, "");
  names = kg_entity_list_dup_shown_names (kg_window_get_entity_list (window));
  g_assert_false (g_strv_contains ((const char *const *) names, "Anton Shingarev"));
  g_assert_cmpuint (g_strv_length (names), ==, kg_graph_get_n_entities (kg_window_get_graph (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_open (void)
{
  KgWindow *window = kg_test_window_new (1280, 800);
  g_autofree char *article = kg_test_seed_article ();
  g_autoptr(GFile) file = g_file_new_for_path (article);

  kg_window_open_files (window, &file, 1);
  g_assert_true (kg_window_is_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  g_assert_true (kg_test_wait_for (idle_window, window, 20000));
  /* Nothing was opened and nothing is reported as failed. */
  g_assert_null (kg_window_get_graph (window));
  g_assert_null (kg_window_get_last_error (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sentence_lights (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgGraph *graph = kg_window_get_graph (window);
  KgCanvas *canvas = kg_window_get_canvas (window);
  gssize anton = kg_test_find_entity (window, "Anton Shingarev");
  KgSpan mention;
  KgDocument *doc;
  gssize sentence;

  g_assert_cmpint (anton, >=, 0);
  mention = g_array_index (kg_graph_get_entity (graph, anton)->mentions, KgSpan, 0);
  doc = kg_graph_get_document (graph, mention.doc);
  sentence = kg_document_find_sentence (doc, mention.start);
  g_assert_cmpint (sentence, >=, 0);
  kg_window_set_article_visible (window, TRUE);
  kg_test_iterate (50);
  kg_article_view_select_sentence (kg_window_get_article_view (window), mention.doc, sentence);
  g_assert_true (kg_canvas_is_entity_lit (canvas, anton));
  /* Someone never named in that sentence stays dark. */
  g_assert_false (kg_canvas_is_entity_lit (canvas, kg_test_find_entity (window, "Dave Stevinson")));
  /* The details pane lists what the passage gave. */
  {
    g_autofree char *details = kg_details_pane_dup_text (kg_window_get_details_pane (window));
    g_assert_nonnull (strstr (details, "Kaspersky vice president Anton Shingarev"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_settings_remembered (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  KgWindow *window;

  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }
  window = kg_test_window_new (1000, 700);
  gtk_drop_down_set_selected (window->engine_dropdown, 2);
  g_assert_cmpstr (_kg_window_get_engine (window), ==, "neato");
  gtk_window_close (GTK_WINDOW (window));
  kg_test_iterate (50);

  settings = g_settings_new (APP_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  window = g_object_new (KG_TYPE_WINDOW, NULL);
  g_assert_cmpstr (_kg_window_get_engine (window), ==, "neato");
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1000);
    g_assert_cmpint (height, ==, 700);
  }
  g_settings_reset (settings, "layout-engine");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_min_mentions (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgGraph *graph = kg_window_get_graph (window);
  KgCanvas *canvas = kg_window_get_canvas (window);
  guint shown = 0, hidden = 0;

  kg_entity_list_set_min_mentions (kg_window_get_entity_list (window), 2);
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    {
      gboolean visible = kg_canvas_is_entity_visible (canvas, i);

      g_assert_true (visible == (kg_graph_get_entity (graph, i)->mentions->len >= 2));
      visible ? shown++ : hidden++;
    }
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (hidden, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A Graphviz file has no mention spans: its nodes are all shown anyway. */
static void
test_open_dot_shows_all (void)
{
  KgWindow *window = kg_test_window_new (1280, 800);
  g_autofree char *dir = g_dir_make_tmp ("kg-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "three.dot", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  KgCanvas *canvas = kg_window_get_canvas (window);

  g_assert_true (g_file_set_contents (path, "digraph g { a [label=\"Alder Group\", type=organisation];"
                                      " b [label=\"Jo Marsh\", type=person]; c [label=\"Port Alder\", type=place];"
                                      " b -> a [kind=role, label=\"chair\"]; a -> c [kind=location]; }", -1, NULL));
  g_assert_true (kg_window_load_files_sync (window, paths, &error));
  g_assert_no_error (error);
  names = kg_entity_list_dup_shown_names (kg_window_get_entity_list (window));
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (kg_canvas_is_entity_visible (canvas, i));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_engine_relayout (void)
{
  KgWindow *window = kg_test_open_seed ();
  KgCanvas *canvas = kg_window_get_canvas (window);
  KgGraph *graph = kg_window_get_graph (window);

  g_assert_cmpstr (kg_canvas_get_scene (canvas)->engine, !=, "neato");
  gtk_drop_down_set_selected (window->engine_dropdown, 2);
  g_assert_true (kg_window_is_busy (window));
  g_assert_true (kg_test_wait_for (idle_window, window, 30000));
  g_assert_cmpstr (kg_canvas_get_scene (canvas)->engine, ==, "neato");
  /* The same graph, laid out again. */
  g_assert_true (kg_window_get_graph (window) == graph);
  gtk_drop_down_set_selected (window->engine_dropdown, 0);
  g_assert_true (kg_test_wait_for (idle_window, window, 30000));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_path (void)
{
  g_autofree char *added = kg_export_dialog_complete_path ("/tmp/graph", "png");
  g_autofree char *kept = kg_export_dialog_complete_path ("/tmp/graph.svg", "png");
  g_autofree char *dotted = kg_export_dialog_complete_path ("/tmp/v1.2/graph", "pdf");

  g_assert_cmpstr (added, ==, "/tmp/graph.png");
  g_assert_cmpstr (kept, ==, "/tmp/graph.svg");
  g_assert_cmpstr (dotted, ==, "/tmp/v1.2/graph.pdf");
}

static gboolean
toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return TRUE;
    }
  return FALSE;
}

/* The app's menus: preferences, keyboard shortcuts and about all open. */
static void
test_app_actions (void)
{
  g_autoptr(KgApplication) app = kg_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KG_IS_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (toplevel_of_type (g_type_from_name ("KgPreferences")));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);
        gtk_window_destroy (w);
      }
  }
  kg_test_iterate (50);
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  /* Opening files adds them to the recent list: keep the reader's own list
   * out of it (set before GTK starts: GLib reads it once). */
  data_home = g_dir_make_tmp ("kg-window-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!kg_test_init_display (&argc, &argv))
    {
      g_rmdir (data_home);
      return 0;
    }
  g_test_add_func ("/window/open/entity-list", test_entity_list);
  g_test_add_func ("/window/search/ncsc", test_search_centres);
  g_test_add_func ("/window/filter/people", test_type_filter);
  g_test_add_func ("/window/export/svg", test_export_svg);
  g_test_add_func ("/window/open/binary-keeps-graph", test_binary_keeps_graph);
  g_test_add_func ("/window/article/sentence-lights", test_sentence_lights);
  g_test_add_func ("/window/open/drop", test_drop_opens);
  g_test_add_func ("/window/open/cancel", test_cancel_open);
  g_test_add_func ("/window/open/replaces", test_open_replaces);
  g_test_add_func ("/window/settings/remembered", test_settings_remembered);
  g_test_add_func ("/window/filter/min-mentions", test_min_mentions);
  g_test_add_func ("/window/open/dot-shows-all", test_open_dot_shows_all);
  g_test_add_func ("/window/layout/engine", test_engine_relayout);
  g_test_add_func ("/window/export/complete-path", test_export_path);
  g_test_add_func ("/window/app/actions", test_app_actions);
  status = g_test_run ();
  /* The recent list is written when the main loop is idle. */
  kg_test_iterate (100);
  {
    g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);
    g_unlink (recent);
    g_rmdir (data_home);
  }
  return status;
}
