/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include "kg-window.h"

struct _KgWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_TYPE (KgWindow, kg_window, ADW_TYPE_APPLICATION_WINDOW)

static void
kg_window_class_init (KgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/newsgraph/Newsgraph/kg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KgWindow, status_page);
}

static void
kg_window_init (KgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KgWindow *
kg_window_new (KgApplication *application)
{
  return g_object_new (KG_TYPE_WINDOW, "application", application, NULL);
}

void
kg_window_open_files (KgWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_autofree char *description = NULL;

  /* The interactive window is still to come; say what would be opened. */
  description = g_strdup_printf ("%d file(s) given. The interactive graph view is not built yet.", n_files);
  adw_status_page_set_description (self->status_page, description);
}
