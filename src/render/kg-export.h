/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"
#include "kg-scene.h"

G_BEGIN_DECLS

#define KG_EXPORT_ERROR (kg_export_error_quark ())
typedef enum
{
  KG_EXPORT_ERROR_UNKNOWN_FORMAT,
  KG_EXPORT_ERROR_FAILED,
} KgExportError;

GQuark    kg_export_error_quark  (void);

/* Writes graph to path in the format its extension names (.json .dot .gv
 * .graphml .gexf .svg .png .pdf), laying it out with engine (NULL or "auto"
 * picks one by size; with NULL, saved positions are used when every entity
 * has one) where the format needs positions. The file is written to a
 * temporary name and renamed: on failure nothing is left at path. */
gboolean  kg_export_to_file      (KgGraph       *graph,
                                  const char    *path,
                                  const char    *engine,
                                  double         scale,
                                  GError       **error);
/* The same with a scene the caller already has (what the canvas shows). */
gboolean  kg_export_scene_to_file (KgGraph       *graph,
                                   const KgScene *scene,
                                   const char    *path,
                                   double         scale,
                                   gboolean       dark,
                                   GError       **error);
/* Whether path's extension names a format kg_export_to_file() writes. */
gboolean  kg_export_format_known (const char    *path);

/* GraphML and GEXF documents (kg-export-xml.c); scene may be NULL. */
char     *kg_export_graphml      (KgGraph       *graph);
char     *kg_export_gexf         (KgGraph       *graph,
                                  const KgScene *scene);

G_END_DECLS
