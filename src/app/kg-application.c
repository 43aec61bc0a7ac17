/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kg-application.h"
#include "kg-preferences.h"
#include "kg-resources.h"
#include "kg-window-private.h"

struct _KgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (KgApplication, kg_application, ADW_TYPE_APPLICATION)

static KgWindow *
ensure_window (KgApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (kg_window_new (self));
  return KG_WINDOW (window);
}

static void
kg_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (KG_APPLICATION (app))));
}

/* For tools/bench: KG_EXIT_AFTER_FIRST_FRAME=1 prints the wall-clock time
 * (µs) of the first frame that shows a graph, then quits. */
static void
first_frame_cb (GdkFrameClock *clock, KgWindow *window)
{
  KgCanvas *canvas = kg_window_get_canvas (window);

  if (kg_canvas_get_scene (canvas) == NULL || !kg_canvas_is_drawn (canvas))
    return;
  g_print ("kg-first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_application_quit (g_application_get_default ());
}

static void
kg_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KgWindow *window = ensure_window (KG_APPLICATION (app));

  kg_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("KG_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (first_frame_cb), window, 0);
}

static void
about_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  static const char *const developers[] = { "The Newsgraph contributors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));

  adw_show_about_window (parent,
                         "application-name", "Newsgraph",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Read who relates to whom in news articles: people, organisations, governments and places, the relations between them and the sentences they come from."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/newsgraph/newsgraph",
                         NULL);
}

static void
preferences_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  KgApplication *self = KG_APPLICATION (data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (kg_preferences_new (parent, self->settings)));
}

static void
quit_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (data));

  /* Closing (not destroying) lets each window save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* The canvas renders its picture in workers, up to 36 MB each time a zoom
 * asks for a new one. glibc raises its mmap threshold to the size of such a
 * block once it is freed; after that the blocks come from the workers'
 * arenas, which keep them resident when freed: 20 to 30 MB more at the
 * peak on a 20,000-node graph. A fixed threshold gives them back. */
static void
return_large_blocks (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

static void
kg_application_startup (GApplication *app)
{
  KgApplication *self = KG_APPLICATION (app);
  static const GActionEntry entries[] = {
    { "about", about_cb },
    { "preferences", preferences_cb },
    { "quit", quit_cb },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Primary>q", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
    { "win.show-article", { "F9", NULL } },
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return_large_blocks ();
  G_APPLICATION_CLASS (kg_application_parent_class)->startup (app);
  kg_canvas_prefer_renderer ();
  g_set_application_name ("Newsgraph");
  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  if (schema != NULL)
    {
      g_autofree char *style = NULL;

      self->settings = g_settings_new (APP_ID);
      style = g_settings_get_string (self->settings, "style");
      kg_preferences_apply_style (style);
    }
}

static void
kg_application_dispose (GObject *object)
{
  g_clear_object (&KG_APPLICATION (object)->settings);
  G_OBJECT_CLASS (kg_application_parent_class)->dispose (object);
}

static void
kg_application_class_init (KgApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kg_application_dispose;
  app_class->startup = kg_application_startup;
  app_class->activate = kg_application_activate;
  app_class->open = kg_application_open;
}

static void
kg_application_init (KgApplication *self)
{
  /* Before GTK opens the display, in startup. */
  kg_canvas_prefer_renderer_early ();
}

void
kg_application_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      kg_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

void
kg_application_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/newsgraph/Newsgraph/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

KgApplication *
kg_application_new (void)
{
  kg_application_register_resources ();
  return g_object_new (KG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/newsgraph/Newsgraph",
                       NULL);
}
