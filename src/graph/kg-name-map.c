/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <string.h>

#include "kg-name-map-private.h"

/* Eight bytes at a time, the last ones in a word of their own (zero
 * padded), then the length: a byte a turn cost most of a look-up. */
static guint32
name_hash (const char *name)
{
  const guint64 mult = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  gsize n = strlen (name), i = 0;
  guint64 h = 0, w;

  for (; i + 8 <= n; i += 8)
    {
      memcpy (&w, name + i, 8);
      h = (h ^ w) * mult;
    }
  w = 0;
  memcpy (&w, name + i, n - i);
  h = (h ^ w ^ ((guint64) n << 56)) * mult;
  return (guint32) (h >> 32) ^ (guint32) h;
}

/* The slot of name, or the empty one where it would go. */
static KgNameMapSlot *
find_slot (const KgNameMap *map,
           const char      *name,
           guint32          hash)
{
  for (guint32 i = hash & map->mask;; i = (i + 1) & map->mask)
    {
      KgNameMapSlot *slot = &map->slots[i];

      if (slot->name == NULL || (slot->hash == hash && strcmp (slot->name, name) == 0))
        return slot;
    }
}

static void
grow (KgNameMap *map)
{
  KgNameMap bigger = { NULL, map->slots != NULL ? map->mask * 2 + 1 : 63, map->n };

  bigger.slots = g_new0 (KgNameMapSlot, bigger.mask + 1);
  for (guint32 i = 0; map->slots != NULL && i <= map->mask; i++)
    if (map->slots[i].name != NULL)
      *find_slot (&bigger, map->slots[i].name, map->slots[i].hash) = map->slots[i];
  g_free (map->slots);
  *map = bigger;
}

void
_kg_name_map_clear (KgNameMap *map)
{
  g_clear_pointer (&map->slots, g_free);
  map->mask = 0;
  map->n = 0;
}

gpointer
_kg_name_map_lookup (KgNameMap  *map,
                     const char *name)
{
  if (map->slots == NULL)
    return NULL;
  return find_slot (map, name, name_hash (name))->value;
}

void
_kg_name_map_add (KgNameMap  *map,
                  const char *name,
                  gpointer    value)
{
  guint32 hash = name_hash (name);
  KgNameMapSlot *slot;

  /* At most half full: probes stay short. */
  if ((map->n + 1) * 2 > map->mask + 1)
    grow (map);
  slot = find_slot (map, name, hash);
  if (slot->name != NULL)
    return;
  *slot = (KgNameMapSlot) { name, value, hash };
  map->n++;
}
