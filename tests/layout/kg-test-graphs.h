/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"

G_BEGIN_DECLS

/* A reproducible graph of n entities of every type with about 1.3 relations
 * per entity of every kind, short word names, mention counts from 1 to 20,
 * evidence in one document. */
KgGraph  *kg_test_random_graph   (guint        n,
                                  guint32      seed);
/* The seed article through the same path the program uses. */
KgGraph  *kg_test_seed_graph     (void);
/* Whether any two shown nodes' shapes overlap; names the first pair. */
gboolean  kg_test_find_overlap   (const void  *scene,
                                  char       **pair);

G_END_DECLS
