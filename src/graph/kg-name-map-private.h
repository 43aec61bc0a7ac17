/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Name → value for the graph's entity look-ups: open addressing with each
 * name's hash kept, so that a look-up costs one pass over the name and
 * adding one that is not there yet costs no second. Names are not copied:
 * they must outlive the map. */
typedef struct
{
  const char *name;     /* NULL for an empty slot */
  gpointer    value;
  guint32     hash;
} KgNameMapSlot;

typedef struct
{
  KgNameMapSlot *slots;
  guint32        mask;
  guint          n;
} KgNameMap;

void     _kg_name_map_clear  (KgNameMap  *map);
gpointer _kg_name_map_lookup (KgNameMap  *map,
                              const char *name);
/* Makes name find value, unless it finds a value already. */
void     _kg_name_map_add    (KgNameMap  *map,
                              const char *name,
                              gpointer    value);

G_END_DECLS
