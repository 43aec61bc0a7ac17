/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include "kg-application.h"
#include "kg-resources.h"
#include "kg-window.h"

struct _KgApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_TYPE (KgApplication, kg_application, ADW_TYPE_APPLICATION)

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

static void
kg_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KgWindow *window = ensure_window (KG_APPLICATION (app));

  kg_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
kg_application_class_init (KgApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = kg_application_activate;
  app_class->open = kg_application_open;
}

static void
kg_application_init (KgApplication *self)
{
}

KgApplication *
kg_application_new (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      kg_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  return g_object_new (KG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
