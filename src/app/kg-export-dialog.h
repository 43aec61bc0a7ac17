/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks where to export and in which format; emits "chosen" with a path
 * whose extension names the format, once any overwrite has been agreed to. */

#define KG_TYPE_EXPORT_DIALOG (kg_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KgExportDialog, kg_export_dialog, KG, EXPORT_DIALOG, GObject)

KgExportDialog *kg_export_dialog_new      (GtkWindow      *parent,
                                           const char     *base_name);
void            kg_export_dialog_present  (KgExportDialog *self);
/* The path with the format's extension added when it has none known. */
char           *kg_export_dialog_complete_path (const char *path,
                                                const char *extension);

G_END_DECLS
