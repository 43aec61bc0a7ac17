/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"

G_BEGIN_DECLS

#define KG_EXTRACT_ERROR (kg_extract_error_quark ())
typedef enum
{
  KG_EXTRACT_ERROR_FAILED,
} KgExtractError;

GQuark    kg_extract_error_quark (void);

/* Reads the article at path ("-" for standard input), decodes it, adds it to
 * graph as a new document and extracts what it says. On error graph is left
 * as it was and the message names the file and the cause. */
gboolean  kg_extract_article     (KgGraph     *graph,
                                  const char  *path,
                                  GError     **error);

/* The same for text already in memory (UTF-8). */
gboolean  kg_extract_text        (KgGraph     *graph,
                                  const char  *path,
                                  const char  *text,
                                  gsize        length,
                                  GError     **error);

/* Fills doc's sentences and adds its entities, relations and quotes: the
 * stages of kg-analysis.h in turn. Fails only when the tagger model or a
 * word list cannot be loaded. */
gboolean  kg_extract_document    (KgGraph     *graph,
                                  KgDocument  *doc,
                                  GError     **error);

G_END_DECLS
