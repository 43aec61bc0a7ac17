/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kg-graph.h"

G_BEGIN_DECLS

/* One row of the entity list: a type's heading, or an entity. GTK 4.8's
 * list view has no sections, so headings are rows of their own. */

#define KG_TYPE_ENTITY_ITEM (kg_entity_item_get_type ())
G_DECLARE_FINAL_TYPE (KgEntityItem, kg_entity_item, KG, ENTITY_ITEM, GObject)

KgEntityItem *kg_entity_item_new_heading  (KgEntityType  type,
                                           guint         count);
KgEntityItem *kg_entity_item_new_entity   (guint         entity);
gboolean      kg_entity_item_is_heading   (KgEntityItem *self);
KgEntityType  kg_entity_item_get_type_    (KgEntityItem *self);
guint         kg_entity_item_get_count    (KgEntityItem *self);
guint         kg_entity_item_get_entity   (KgEntityItem *self);

G_END_DECLS
