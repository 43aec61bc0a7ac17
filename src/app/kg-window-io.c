/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kg-export-dialog.h"
#include "kg-export.h"
#include "kg-input.h"
#include "kg-layout.h"
#include "kg-window-private.h"

/*
 * Opening, laying out and exporting, all off the main thread: the window
 * stays responsive, shows what it is doing and can cancel it. A failed open
 * leaves the current graph where it was.
 */

#define MAX_RECENT 8

typedef struct
{
  GStrv     paths;
  char     *engine;
  KgGraph  *graph;
  KgScene  *scene;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_strfreev (data->paths);
  g_free (data->engine);
  g_clear_object (&data->graph);
  g_clear_pointer (&data->scene, kg_scene_free);
  g_free (data);
}

/* ---- errors ---- */

void
_kg_window_show_error (KgWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  g_warning ("%s: %s", heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (KgWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- reading and laying out (any thread) ---- */

static KgScene *
layout_graph (KgGraph      *graph,
              const char   *engine,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  KgScene *scene;

  /* A saved graph brings its own layout; anything else is laid out. */
  if (kg_graph_get_n_entities (graph) > 0
      && (scene = kg_layout_from_positions (graph, NULL, &local_error)) != NULL)
    return scene;
  return kg_layout_run (graph, engine, NULL, cancellable, error);
}

typedef struct
{
  KgWindow *window;
  char     *message;
} Progress;

static gboolean
progress_cb (gpointer data)
{
  Progress *p = data;

  if (p->window->cancellable != NULL)
    _kg_window_set_busy (p->window, p->message);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->window);
  g_free (p->message);
  g_free (p);
}

/* Tells the main thread what the worker is doing (any thread). */
static void
post_progress (KgWindow *window, char *message)
{
  Progress *p = g_new0 (Progress, 1);

  p->window = g_object_ref (window);
  p->message = message;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_cb, p, progress_free);
}

static KgGraph *
read_files (KgWindow          *window,
            const char *const *paths,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();
  guint n = g_strv_length ((char **) paths);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (window != NULL && n > 1)
        post_progress (window, g_strdup_printf (_("Reading file %u of %u…"), i + 1, n));
      if (!kg_input_load (graph, paths[i], error))
        return NULL;
    }
  return g_steal_pointer (&graph);
}

/* Reading and laying out leave many small blocks freed between the graph's
 * (cgraph parses a whole DOT file into its own structures): 9 MB held for
 * nothing after a 20,000-node file. glibc returns them on request, in a
 * few ms, here off the main thread. */
static void
give_back_free_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  data->graph = read_files (source, (const char *const *) data->paths, cancellable, &error);
  if (data->graph == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  post_progress (source, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Laying out %u entity…",
                                                       "Laying out %u entities…",
                                                       kg_graph_get_n_entities (data->graph)),
                                          kg_graph_get_n_entities (data->graph)));
  data->scene = layout_graph (data->graph, data->engine, cancellable, &error);
  give_back_free_memory ();
  if (data->scene == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- the main-thread side ---- */

static GCancellable *
begin_work (KgWindow *self, const char *message)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _kg_window_set_busy (self, message);
  return self->cancellable;
}

/* TRUE when task was the window's latest work (a newer one may have replaced it). */
static gboolean
end_work (KgWindow *self, GCancellable *cancellable)
{
  if (cancellable != self->cancellable)
    return FALSE;
  g_clear_object (&self->cancellable);
  _kg_window_set_busy (self, NULL);
  return TRUE;
}

static void
add_recent (const char *const *paths)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_recent_manager_add_item (manager, uri);
    }
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KgWindow *self = KG_WINDOW (source);
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean latest = end_work (self, g_task_get_cancellable (task));

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (latest)
            toast (self, _("Opening cancelled"));
        }
      else
        _kg_window_show_error (self, _("Could Not Open"), error);
      return;
    }
  if (!latest)
    return;
  _kg_window_set_graph (self, data->graph, g_steal_pointer (&data->scene), (const char *const *) data->paths);
  add_recent ((const char *const *) data->paths);
}

static void
open_paths (KgWindow *self, GStrv paths)
{
  LoadData *data = g_new0 (LoadData, 1);
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %u file…",
                                                           "Reading %u files…", g_strv_length (paths)),
                                              g_strv_length (paths));
  GCancellable *cancellable = begin_work (self, message);
  g_autoptr(GTask) task = g_task_new (self, cancellable, load_done_cb, NULL);

  data->paths = paths;
  data->engine = g_strdup (_kg_window_get_engine (self));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
kg_window_open_files (KgWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (KG_IS_WINDOW (self));
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                 _("%s: only local files can be opened"), uri);
          _kg_window_show_error (self, _("Could Not Open"), error);
          return;
        }
      g_strv_builder_add (builder, path);
    }
  if (n_files > 0)
    open_paths (self, g_strv_builder_end (builder));
}

gboolean
kg_window_load_files_sync (KgWindow           *self,
                           const char *const  *paths,
                           GError            **error)
{
  g_autoptr(KgGraph) graph = read_files (NULL, paths, NULL, error);
  KgScene *scene;

  if (graph == NULL)
    return FALSE;
  scene = layout_graph (graph, _kg_window_get_engine (self), NULL, error);
  if (scene == NULL)
    return FALSE;
  _kg_window_set_graph (self, graph, scene, paths);
  return TRUE;
}

/* ---- re-layout ---- */

typedef struct
{
  KgWindow     *window;
  KgGraph      *graph;
  GCancellable *cancellable;
} Relayout;

static void
relayout_free (Relayout *r)
{
  g_object_unref (r->window);
  g_object_unref (r->graph);
  g_object_unref (r->cancellable);
  g_free (r);
}

static void
relayout_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Relayout *r = user_data;
  KgWindow *self = r->window;
  g_autoptr(GError) error = NULL;
  KgScene *scene = kg_layout_run_finish (result, &error);
  gboolean latest = end_work (self, r->cancellable);

  if (scene == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kg_window_show_error (self, _("Could Not Lay Out the Graph"), error);
    }
  /* The graph may have been replaced while this one was laid out. */
  else if (!latest || r->graph != self->graph)
    kg_scene_free (scene);
  else
    {
      _kg_window_set_graph (self, self->graph, scene, NULL);
      kg_canvas_zoom_fit (self->canvas);
    }
  relayout_free (r);
}

void
_kg_window_relayout (KgWindow *self)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Laying out %u entity…",
                                                           "Laying out %u entities…",
                                                           kg_graph_get_n_entities (self->graph)),
                                              kg_graph_get_n_entities (self->graph));
  Relayout *r = g_new0 (Relayout, 1);

  r->window = g_object_ref (self);
  r->graph = g_object_ref (self->graph);
  r->cancellable = g_object_ref (begin_work (self, message));
  kg_layout_run_async (self->graph, _kg_window_get_engine (self), NULL, r->cancellable,
                       relayout_done_cb, r);
}

/* ---- open and export actions ---- */

static void
open_response_cb (GtkNativeDialog *chooser, int response, KgWindow *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      kg_window_open_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (chooser);
}

void
_kg_window_open_action (KgWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open Articles or a Graph"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  static const char *const patterns[] = { "*.txt", "*.md", "*.html", "*.htm", "*.json", "*.dot", "*.gv", NULL };

  gtk_file_filter_set_name (filter, _("Articles and graphs"));
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
kg_window_export_sync (KgWindow    *self,
                       const char  *path,
                       GError     **error)
{
  if (self->graph == NULL || kg_canvas_get_scene (self->canvas) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: there is no graph to export"), path);
      return FALSE;
    }
  return kg_export_scene_to_file (self->graph, kg_canvas_get_scene (self->canvas), path, 1.0, FALSE, error);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  KgGraph *graph = g_object_get_data (G_OBJECT (task), "kg-graph");
  KgScene *scene = g_object_get_data (G_OBJECT (task), "kg-scene");

  if (kg_export_scene_to_file (graph, scene, task_data, 1.0, FALSE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KgWindow *self = KG_WINDOW (source);
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));

  end_work (self, g_task_get_cancellable (G_TASK (result)));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _kg_window_show_error (self, _("Could Not Export"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);
      toast (self, text);
    }
}

static void
export_chosen_cb (KgExportDialog *dialog, const char *path, KgWindow *self)
{
  GCancellable *cancellable = begin_work (self, _("Exporting…"));
  g_autoptr(GTask) task = g_task_new (self, cancellable, export_done_cb, NULL);

  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "kg-graph", g_object_ref (self->graph), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "kg-scene", kg_canvas_dup_scene (self->canvas),
                          (GDestroyNotify) kg_scene_free);
  g_task_run_in_thread (task, export_thread);
}

void
_kg_window_export_action (KgWindow *self)
{
  g_autofree char *base = NULL;
  g_autoptr(KgExportDialog) dialog = NULL;

  if (self->graph == NULL || kg_canvas_get_scene (self->canvas) == NULL)
    {
      toast (self, _("Open some articles first"));
      return;
    }
  /* Starting an export would cancel the work under way. */
  if (self->cancellable != NULL)
    {
      toast (self, _("Wait until the graph is ready, then export"));
      return;
    }
  if (self->paths != NULL && self->paths[0] != NULL)
    {
      g_autofree char *name = g_path_get_basename (self->paths[0]);
      char *dot = strrchr (name, '.');

      if (dot != NULL && dot != name)
        *dot = '\0';
      base = g_steal_pointer (&name);
    }
  dialog = kg_export_dialog_new (GTK_WINDOW (self), base);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (export_chosen_cb), self, 0);
  kg_export_dialog_present (dialog);
}

/* ---- recent files and drops ---- */

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (mb, ma);
}

static void
update_recent_menu (KgWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *app_name = g_get_application_name ();

  for (GList *l = items; l != NULL; l = l->next)
    if (app_name != NULL && gtk_recent_info_has_application (l->data, app_name)
        && gtk_recent_info_is_local (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (mine, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (mine, compare_recent);
  for (guint i = 0; i < MIN (mine->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (mine, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (menu, item);
    }
  if (mine->len == 0)
    g_menu_append (menu, _("No Recent Files"), "win.no-recent");
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));
}

static void
open_recent_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  kg_window_open_files (KG_WINDOW (data), &file, 1);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, KgWindow *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  kg_window_open_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

void
_kg_window_init_io (KgWindow *self)
{
  static const GActionEntry entries[] = {
    { "open-recent", open_recent_cb, "s" },
  };
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
}
