/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kg-application.h"

G_BEGIN_DECLS

#define KG_TYPE_WINDOW (kg_window_get_type ())
G_DECLARE_FINAL_TYPE (KgWindow, kg_window, KG, WINDOW, AdwApplicationWindow)

KgWindow *kg_window_new        (KgApplication *application);
/* Reads files into one new graph off the main thread and lays it out; the
 * current graph stays until that has worked. */
void      kg_window_open_files (KgWindow      *self,
                                GFile        **files,
                                int            n_files);

G_END_DECLS
