/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kg-graph.h"

G_BEGIN_DECLS

/* Words and colours the panes share, so every pane names things alike. */

const char *kg_ui_type_name              (KgEntityType    type);
const char *kg_ui_type_plural            (KgEntityType    type);
const char *kg_ui_kind_name              (KgRelationKind  kind);
/* "#rrggbb" of the type's colour in the current style. */
char       *kg_ui_type_color_hex         (KgEntityType    type);
void        kg_ui_type_rgba              (KgEntityType    type,
                                          GdkRGBA        *rgba);
/* Pango markup naming an entity (name, type, mentions) or a relation. */
char       *kg_ui_entity_summary_markup  (KgGraph        *graph,
                                          guint           entity);
char       *kg_ui_relation_summary_markup (KgGraph       *graph,
                                          guint           relation);
/* The relation as one line: "source — label → target". */
char       *kg_ui_relation_text          (KgGraph        *graph,
                                          guint           relation);
/* Markup of text[start, end) with the given byte ranges (absolute offsets,
 * sorted or not, may overlap) in bold and the type colours. */
typedef struct
{
  gsize         start;
  gsize         end;
  KgEntityType  type;
} KgMark;
char       *kg_ui_markup_with_marks      (const char     *text,
                                          gsize           start,
                                          gsize           end,
                                          GArray         *marks);
/* How well name matches query (case-insensitive): 0 none, 1 inside,
 * 2 prefix, 3 whole. */
int         kg_ui_match_score            (const char     *name,
                                          const char     *query_folded);

G_END_DECLS
