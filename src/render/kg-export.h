/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"

G_BEGIN_DECLS

#define KG_EXPORT_ERROR (kg_export_error_quark ())
typedef enum
{
  KG_EXPORT_ERROR_UNKNOWN_FORMAT,
  KG_EXPORT_ERROR_FAILED,
} KgExportError;

GQuark    kg_export_error_quark (void);

/* Writes graph to path in the format its extension names (.json .dot .gv
 * .graphml .gexf .svg .png .pdf), laying it out with engine (NULL or "auto"
 * picks one by size) where the format needs positions. The file is written
 * to a temporary name and renamed: on failure nothing is left at path. */
gboolean  kg_export_to_file     (KgGraph     *graph,
                                 const char  *path,
                                 const char  *engine,
                                 double       scale,
                                 GError     **error);

G_END_DECLS
