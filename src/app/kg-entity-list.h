/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kg-graph.h"

G_BEGIN_DECLS

#define KG_TYPE_ENTITY_LIST (kg_entity_list_get_type ())
G_DECLARE_FINAL_TYPE (KgEntityList, kg_entity_list, KG, ENTITY_LIST, GtkBox)

void            kg_entity_list_set_graph         (KgEntityList *self,
                                                  KgGraph      *graph);
/* Per entity: hidden by the type and minimum-mentions filters. */
const gboolean *kg_entity_list_get_hidden        (KgEntityList *self);
void            kg_entity_list_set_type_visible  (KgEntityList *self,
                                                  KgEntityType  type,
                                                  gboolean      visible);
gboolean        kg_entity_list_get_type_visible  (KgEntityList *self,
                                                  KgEntityType  type);
void            kg_entity_list_set_min_mentions  (KgEntityList *self,
                                                  guint         min);
GtkSearchEntry *kg_entity_list_get_search_entry  (KgEntityList *self);
/* Sets the search text and filters at once (typing waits a moment). */
void            kg_entity_list_set_search        (KgEntityList *self,
                                                  const char   *text);
/* Per entity: matches the search; NULL when there is no search. */
const gboolean *kg_entity_list_get_matches       (KgEntityList *self);
/* The shown entity matching the search best, or -1. */
gssize          kg_entity_list_best_match        (KgEntityList *self);
/* Selects the entity's row (without emitting entity-selected); G_MAXUINT
 * clears the selection. */
void            kg_entity_list_select_entity     (KgEntityList *self,
                                                  guint         entity);
/* The names of the entities the list shows, in order. */
GStrv           kg_entity_list_dup_shown_names   (KgEntityList *self);

G_END_DECLS
