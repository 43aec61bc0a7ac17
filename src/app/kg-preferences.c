/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <glib/gi18n.h>

#include "kg-preferences.h"

struct _KgPreferences
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (KgPreferences, kg_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static const char *const styles[] = { "default", "light", "dark" };

void
kg_preferences_apply_style (const char *style)
{
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
style_selected_cb (KgPreferences *self)
{
  guint i = adw_combo_row_get_selected (self->style_row);

  if (i >= G_N_ELEMENTS (styles))
    return;
  kg_preferences_apply_style (styles[i]);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "style", styles[i]);
}

static void
kg_preferences_dispose (GObject *object)
{
  KgPreferences *self = KG_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), KG_TYPE_PREFERENCES);
  G_OBJECT_CLASS (kg_preferences_parent_class)->dispose (object);
}

static void
kg_preferences_class_init (KgPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kg_preferences_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/newsgraph/Newsgraph/kg-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, KgPreferences, style_row);
}

static void
kg_preferences_init (KgPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KgPreferences *
kg_preferences_new (GtkWindow *parent,
                    GSettings *settings)
{
  KgPreferences *self = g_object_new (KG_TYPE_PREFERENCES, "transient-for", parent, "modal", TRUE, NULL);
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (adw_style_manager_get_default ());

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  adw_combo_row_set_selected (self->style_row, scheme == ADW_COLOR_SCHEME_FORCE_LIGHT ? 1
                                               : scheme == ADW_COLOR_SCHEME_FORCE_DARK ? 2 : 0);
  g_signal_connect_swapped (self->style_row, "notify::selected", G_CALLBACK (style_selected_cb), self);
  return self;
}
