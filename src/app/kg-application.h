/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KG_TYPE_APPLICATION (kg_application_get_type ())
G_DECLARE_FINAL_TYPE (KgApplication, kg_application, KG, APPLICATION, AdwApplication)

KgApplication *kg_application_new                (void);
/* The bundled UI; tests that build windows without an application call it. */
void           kg_application_register_resources (void);
/* The app's stylesheet on the default display (AdwApplication does this for
 * the running app; windows built without one call it). */
void           kg_application_load_style         (void);

G_END_DECLS
