/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KG_TYPE_PREFERENCES (kg_preferences_get_type ())
G_DECLARE_FINAL_TYPE (KgPreferences, kg_preferences, KG, PREFERENCES, AdwPreferencesWindow)

/* settings may be NULL (no schema installed): the choice then lasts until quit. */
KgPreferences *kg_preferences_new        (GtkWindow  *parent,
                                          GSettings  *settings);
/* "default", "light" or "dark" → the style manager. */
void           kg_preferences_apply_style (const char *style);

G_END_DECLS
