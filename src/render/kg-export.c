/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include "kg-export.h"

G_DEFINE_QUARK (kg-export-error-quark, kg_export_error)

gboolean
kg_export_to_file (KgGraph     *graph,
                   const char  *path,
                   const char  *engine,
                   double       scale,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  if (g_str_has_suffix (lower, ".json"))
    {
      if (kg_graph_save_to_file (graph, path, &local_error))
        return TRUE;
      g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_FAILED, "%s: %s", path, local_error->message);
      return FALSE;
    }
  g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_UNKNOWN_FORMAT,
               "%s: unknown export format (use .json)", path);
  return FALSE;
}
