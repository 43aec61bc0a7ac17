/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include "kg-entity-item.h"

struct _KgEntityItem
{
  GObject       parent_instance;
  gboolean      heading;
  KgEntityType  type;
  guint         count;
  guint         entity;
};

G_DEFINE_FINAL_TYPE (KgEntityItem, kg_entity_item, G_TYPE_OBJECT)

static void
kg_entity_item_class_init (KgEntityItemClass *klass)
{
}

static void
kg_entity_item_init (KgEntityItem *self)
{
}

KgEntityItem *
kg_entity_item_new_heading (KgEntityType type,
                            guint        count)
{
  KgEntityItem *self = g_object_new (KG_TYPE_ENTITY_ITEM, NULL);

  self->heading = TRUE;
  self->type = type;
  self->count = count;
  return self;
}

KgEntityItem *
kg_entity_item_new_entity (guint entity)
{
  KgEntityItem *self = g_object_new (KG_TYPE_ENTITY_ITEM, NULL);

  self->entity = entity;
  return self;
}

gboolean
kg_entity_item_is_heading (KgEntityItem *self)
{
  return self->heading;
}

KgEntityType
kg_entity_item_get_type_ (KgEntityItem *self)
{
  return self->type;
}

guint
kg_entity_item_get_count (KgEntityItem *self)
{
  return self->count;
}

guint
kg_entity_item_get_entity (KgEntityItem *self)
{
  return self->entity;
}
