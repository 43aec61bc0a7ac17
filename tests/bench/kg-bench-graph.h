/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"

G_BEGIN_DECLS

/* A random graph for benchmarks: n_nodes entities with short word names,
 * about 1.5 relations per node, every type and kind present; the same seed
 * gives the same graph. Each entity has one mention in one small document. */
KgGraph *kg_bench_graph_new (guint   n_nodes,
                             guint32 seed);

G_END_DECLS
