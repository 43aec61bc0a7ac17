/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <glib/gi18n.h>

#include "kg-window-private.h"

/*
 * The main window: the entity list, the canvas (with the article below it,
 * one toggle away) and the details of the selection. Every pane follows
 * one selection, which lives in the canvas.
 */

G_DEFINE_FINAL_TYPE (KgWindow, kg_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *const engines[] = { "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };

/* ---- selection ---- */

static void
canvas_selection_changed_cb (KgWindow *self)
{
  guint index = 0;
  KgItemKind kind = kg_canvas_get_selection (self->canvas, &index);

  switch (kind)
    {
    case KG_ITEM_ENTITY:
      kg_details_pane_show_entity (self->details_pane, index);
      kg_entity_list_select_entity (self->entity_list, index);
      if (gtk_widget_get_visible (GTK_WIDGET (self->article_view)))
        kg_article_view_show_entity (self->article_view, index);
      break;
    case KG_ITEM_RELATION:
      kg_details_pane_show_relation (self->details_pane, index);
      kg_entity_list_select_entity (self->entity_list, G_MAXUINT);
      break;
    case KG_ITEM_NONE:
    default:
      kg_details_pane_clear (self->details_pane);
      kg_entity_list_select_entity (self->entity_list, G_MAXUINT);
      break;
    }
  /* An empty details pane would only take room from the graph. */
  gtk_widget_set_visible (GTK_WIDGET (self->details_pane), kind != KG_ITEM_NONE);
}

static void
select_entity (KgWindow *self, guint entity, gboolean centre)
{
  kg_canvas_select (self->canvas, KG_ITEM_ENTITY, entity);
  if (centre)
    kg_canvas_center_on_entity (self->canvas, entity);
}

static void
entity_selected_cb (KgWindow *self, guint entity)
{
  select_entity (self, entity, TRUE);
}

static void
item_activated_cb (KgWindow *self)
{
  /* Enter on the canvas: the reader wants to read the details. */
  gtk_widget_child_focus (GTK_WIDGET (self->details_pane), GTK_DIR_TAB_FORWARD);
}

static void
filters_changed_cb (KgWindow *self)
{
  kg_canvas_set_entity_hidden (self->canvas, kg_entity_list_get_hidden (self->entity_list));
}

static void
search_changed_cb (KgWindow *self)
{
  gssize best = kg_entity_list_best_match (self->entity_list);

  kg_canvas_set_lit (self->canvas, kg_entity_list_get_matches (self->entity_list), NULL);
  if (best >= 0)
    select_entity (self, best, TRUE);
}

/* Everything that came from the selected sentences lights up. */
static void
sentence_selected_cb (KgWindow *self, guint doc, guint64 start, guint64 end)
{
  guint n_e = kg_graph_get_n_entities (self->graph), n_r = kg_graph_get_n_relations (self->graph);
  g_autofree gboolean *entities = g_new0 (gboolean, MAX (n_e, 1));
  g_autofree gboolean *relations = g_new0 (gboolean, MAX (n_r, 1));

  for (guint i = 0; i < n_e; i++)
    {
      KgEntity *e = kg_graph_get_entity (self->graph, i);

      for (guint k = 0; k < e->mentions->len && !entities[i]; k++)
        {
          KgSpan s = g_array_index (e->mentions, KgSpan, k);
          entities[i] = s.doc == doc && s.start < end && s.end > start;
        }
    }
  for (guint i = 0; i < n_r; i++)
    {
      KgRelation *r = kg_graph_get_relation (self->graph, i);

      for (guint k = 0; k < r->evidence->len && !relations[i]; k++)
        {
          KgSpan s = g_array_index (r->evidence, KgSpan, k);
          relations[i] = s.doc == doc && s.start < end && s.end > start;
        }
      /* A relation read from the sentence lights its ends too. */
      if (relations[i])
        entities[r->source] = entities[r->target] = TRUE;
    }
  kg_canvas_set_lit (self->canvas, entities, relations);
  kg_canvas_reveal_entities (self->canvas, entities);
  /* The passage replaces the selection in the details pane. */
  kg_canvas_select (self->canvas, KG_ITEM_NONE, 0);
  kg_details_pane_show_sentence (self->details_pane, doc, start, end, entities, relations);
  gtk_widget_set_visible (GTK_WIDGET (self->details_pane), TRUE);
}

static void
relation_activated_cb (KgWindow *self, guint relation)
{
  kg_canvas_select (self->canvas, KG_ITEM_RELATION, relation);
}

/* ---- panes and state ---- */

void
_kg_window_set_graph (KgWindow          *self,
                      KgGraph           *graph,
                      KgScene           *scene,
                      const char *const *paths)
{
  g_autofree char *subtitle = NULL;
  gboolean same = graph == self->graph;

  g_set_object (&self->graph, graph);
  if (paths != NULL)
    {
      g_strfreev (self->paths);
      self->paths = g_strdupv ((char **) paths);
    }
  if (!same)
    {
      kg_entity_list_set_graph (self->entity_list, graph);
      kg_details_pane_set_graph (self->details_pane, graph);
      kg_article_view_set_graph (self->article_view, graph);
    }
  kg_canvas_set_scene (self->canvas, graph, scene, same);
  kg_canvas_set_entity_hidden (self->canvas, kg_entity_list_get_hidden (self->entity_list));
  if (!same)
    search_changed_cb (self);
  canvas_selection_changed_cb (self);

  if (self->paths != NULL && g_strv_length (self->paths) == 1)
    subtitle = g_path_get_basename (self->paths[0]);
  else if (self->paths != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", g_strv_length (self->paths)),
                                g_strv_length (self->paths));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->main_stack, "graph");
}

void
_kg_window_set_busy (KgWindow   *self,
                     const char *message)
{
  gtk_label_set_text (self->progress_label, message != NULL ? message : "");
  gtk_spinner_set_spinning (self->progress_spinner, message != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", message != NULL);
}

static void
apply_article_visible (KgWindow *self,
                       gboolean  visible)
{
  gtk_widget_set_visible (GTK_WIDGET (self->article_view), visible);
  if (visible)
    {
      guint index = 0;

      if (kg_canvas_get_selection (self->canvas, &index) == KG_ITEM_ENTITY)
        kg_article_view_show_entity (self->article_view, index);
    }
  else
    kg_canvas_set_lit (self->canvas, kg_entity_list_get_matches (self->entity_list), NULL);
}

static void
show_article_changed (GSimpleAction *action, GVariant *state, gpointer data)
{
  g_simple_action_set_state (action, state);
  apply_article_visible (KG_WINDOW (data), g_variant_get_boolean (state));
}

void
kg_window_set_article_visible (KgWindow *self,
                               gboolean  visible)
{
  /* Through the action, so the header bar's toggle shows the state. */
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-article", g_variant_new_boolean (visible));
}

static void
engine_changed_cb (KgWindow *self)
{
  const char *engine = _kg_window_get_engine (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "layout-engine", engine);
  if (self->graph != NULL)
    _kg_window_relayout (self);
}

/* ---- settings ---- */

static void
load_settings (KgWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *engine = NULL;

  /* Without an installed schema (an uninstalled build) nothing is remembered. */
  if (schema == NULL)
    return;
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "sidebar-width"));
  engine = g_settings_get_string (self->settings, "layout-engine");
  for (guint i = 0; engines[i] != NULL; i++)
    if (g_strcmp0 (engine, engines[i]) == 0)
      gtk_drop_down_set_selected (self->engine_dropdown, i);
}

/* The details pane keeps its width: a paned only remembers the start side's,
 * so the position is set once the paned knows its own width. */
static gboolean
apply_details_width_cb (GtkWidget *paned, GdkFrameClock *clock, gpointer data)
{
  KgWindow *self = data;
  int width = self->settings != NULL ? g_settings_get_int (self->settings, "details-width") : 340;
  int total = gtk_widget_get_width (paned);

  if (total <= 0)
    return G_SOURCE_CONTINUE;
  gtk_paned_set_position (self->inner_paned, MAX (total - width, total / 3));
  return G_SOURCE_REMOVE;
}

static gboolean
kg_window_close_request (GtkWindow *window)
{
  KgWindow *self = KG_WINDOW (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
      if (gtk_widget_get_width (GTK_WIDGET (self->details_pane)) > 0)
        g_settings_set_int (self->settings, "details-width", gtk_widget_get_width (GTK_WIDGET (self->details_pane)));
      g_settings_apply (self->settings);
    }
  return GTK_WINDOW_CLASS (kg_window_parent_class)->close_request (window);
}

/* ---- actions ---- */

static void
action_cb (GtkWidget *widget, const char *name, GVariant *param)
{
  KgWindow *self = KG_WINDOW (widget);

  if (g_str_equal (name, "win.open"))
    _kg_window_open_action (self);
  else if (g_str_equal (name, "win.export"))
    _kg_window_export_action (self);
  else if (g_str_equal (name, "win.search"))
    gtk_widget_grab_focus (GTK_WIDGET (kg_entity_list_get_search_entry (self->entity_list)));
  else if (g_str_equal (name, "win.zoom-in"))
    kg_canvas_zoom_in (self->canvas);
  else if (g_str_equal (name, "win.zoom-out"))
    kg_canvas_zoom_out (self->canvas);
  else if (g_str_equal (name, "win.zoom-fit"))
    kg_canvas_zoom_fit (self->canvas);
  else if (g_str_equal (name, "win.cancel") && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
kg_window_dispose (GObject *object)
{
  KgWindow *self = KG_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->graph);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->last_error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), KG_TYPE_WINDOW);
  G_OBJECT_CLASS (kg_window_parent_class)->dispose (object);
}

static void
kg_window_class_init (KgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *const actions[] = { "win.open", "win.export", "win.search", "win.zoom-in",
                                         "win.zoom-out", "win.zoom-fit", "win.cancel", NULL };

  object_class->dispose = kg_window_dispose;
  window_class->close_request = kg_window_close_request;

  g_type_ensure (KG_TYPE_CANVAS);
  g_type_ensure (KG_TYPE_ENTITY_LIST);
  g_type_ensure (KG_TYPE_DETAILS_PANE);
  g_type_ensure (KG_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/newsgraph/Newsgraph/kg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, centre_paned);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, entity_list);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, KgWindow, progress_label);

  for (guint i = 0; actions[i] != NULL; i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
}

static void
setup_engines (KgWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; engines[i] != NULL; i++)
    gtk_string_list_append (names, i == 0 ? _("Automatic") : engines[i]);
  gtk_drop_down_set_model (self->engine_dropdown, G_LIST_MODEL (names));
}

static void
kg_window_init (KgWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-article", NULL, NULL, "false", show_article_changed },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  setup_engines (self);
  load_settings (self);
  _kg_window_set_busy (self, NULL);

  g_signal_connect_swapped (self->engine_dropdown, "notify::selected", G_CALLBACK (engine_changed_cb), self);
  g_signal_connect_swapped (self->canvas, "selection-changed", G_CALLBACK (canvas_selection_changed_cb), self);
  g_signal_connect_swapped (self->canvas, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect_swapped (self->entity_list, "entity-selected", G_CALLBACK (entity_selected_cb), self);
  g_signal_connect_swapped (self->entity_list, "filters-changed", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->entity_list, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->details_pane, "entity-activated", G_CALLBACK (entity_selected_cb), self);
  g_signal_connect_swapped (self->details_pane, "relation-activated", G_CALLBACK (relation_activated_cb), self);
  g_signal_connect_swapped (self->article_view, "entity-activated", G_CALLBACK (entity_selected_cb), self);
  g_signal_connect_swapped (self->article_view, "sentence-selected", G_CALLBACK (sentence_selected_cb), self);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->inner_paned), apply_details_width_cb, self, NULL);
  _kg_window_init_io (self);
}

KgWindow *
kg_window_new (KgApplication *application)
{
  return g_object_new (KG_TYPE_WINDOW, "application", application, NULL);
}

const char *
_kg_window_get_engine (KgWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->engine_dropdown);

  return i < G_N_ELEMENTS (engines) - 1 ? engines[i] : "auto";
}

/* ---- test hooks ---- */

KgCanvas *
kg_window_get_canvas (KgWindow *self)
{
  return self->canvas;
}

KgEntityList *
kg_window_get_entity_list (KgWindow *self)
{
  return self->entity_list;
}

KgDetailsPane *
kg_window_get_details_pane (KgWindow *self)
{
  return self->details_pane;
}

KgArticleView *
kg_window_get_article_view (KgWindow *self)
{
  return self->article_view;
}

KgGraph *
kg_window_get_graph (KgWindow *self)
{
  return self->graph;
}

gboolean
kg_window_is_busy (KgWindow *self)
{
  return self->cancellable != NULL;
}

const char *
kg_window_get_last_error (KgWindow *self)
{
  return self->last_error;
}

void
kg_window_search (KgWindow   *self,
                  const char *text)
{
  kg_entity_list_set_search (self->entity_list, text);
}
