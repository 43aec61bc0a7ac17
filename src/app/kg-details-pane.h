/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kg-graph.h"

G_BEGIN_DECLS

#define KG_TYPE_DETAILS_PANE (kg_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (KgDetailsPane, kg_details_pane, KG, DETAILS_PANE, GtkBox)

void   kg_details_pane_set_graph      (KgDetailsPane *self,
                                       KgGraph       *graph);
void   kg_details_pane_show_entity    (KgDetailsPane *self,
                                       guint          entity);
void   kg_details_pane_show_relation  (KgDetailsPane *self,
                                       guint          relation);
/* What a selected stretch of an article gave: its text with the mentions
 * marked, and the flagged entities and relations (per index). */
void   kg_details_pane_show_sentence  (KgDetailsPane  *self,
                                       guint           doc,
                                       gsize           start,
                                       gsize           end,
                                       const gboolean *entities,
                                       const gboolean *relations);
void   kg_details_pane_clear          (KgDetailsPane *self);
/* Every text the pane shows, one label a line (what a reader would see). */
char  *kg_details_pane_dup_text       (KgDetailsPane *self);

G_END_DECLS
