/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kg-graph.h"
#include "kg-scene.h"

G_BEGIN_DECLS

#define KG_LAYOUT_ERROR (kg_layout_error_quark ())
typedef enum
{
  KG_LAYOUT_ERROR_ENGINE,     /* unknown engine, or Graphviz cannot load it */
  KG_LAYOUT_ERROR_FAILED,     /* Graphviz reported an error */
  KG_LAYOUT_ERROR_NO_POSITION,
  KG_LAYOUT_ERROR_PARSE,      /* a DOT file that does not parse */
  KG_LAYOUT_ERROR_IO,
} KgLayoutError;

GQuark               kg_layout_error_quark      (void);

/* NULL-terminated: "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi". */
const char *const   *kg_layout_engines          (void);
/* What "auto" (or NULL) picks for a graph of n_nodes shown nodes. */
const char          *kg_layout_auto_engine      (guint n_nodes);

/* Lays out the entities not hidden (entity_hidden: per entity index, NULL =
 * all) and the relations between shown entities. Thread-safe: one global
 * mutex around every Graphviz call. The graph is read before this returns
 * control to a worker, so the caller may change it afterwards. Cancelling
 * stops waiting and returns G_IO_ERROR_CANCELLED (Graphviz cannot be
 * interrupted; its result is dropped when it ends). */
KgScene             *kg_layout_run              (KgGraph            *graph,
                                                 const char         *engine,
                                                 const gboolean     *entity_hidden,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
void                 kg_layout_run_async        (KgGraph            *graph,
                                                 const char         *engine,
                                                 const gboolean     *entity_hidden,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
KgScene             *kg_layout_run_finish       (GAsyncResult       *result,
                                                 GError            **error);

/* A scene from the positions saved in the graph (KgEntity.has_position, x,
 * y), without Graphviz: straight edges. NULL with an error when a shown
 * entity has no position. */
KgScene             *kg_layout_from_positions   (KgGraph            *graph,
                                                 const gboolean     *entity_hidden,
                                                 GError            **error);
/* Copies node centres into the graph's entities (has_position, x, y). */
void                 kg_scene_store_positions   (const KgScene      *scene,
                                                 KgGraph            *graph);

/* Reads a .dot/.gv file into graph: nodes become entities (type from a
 * `type` attribute, else organization; label is the name), edges relations
 * (kind from `kind`, else action; label), positions from `pos`. Attributes
 * that make Graphviz read files are dropped first. Files of more than
 * 100,000 nodes are refused. */
gboolean             kg_layout_import_dot       (KgGraph            *graph,
                                                 const char         *path,
                                                 GError            **error);
/* The graph as DOT text written by cgraph, with the scene's positions and
 * sizes when scene is not NULL. */
char                *kg_layout_to_dot           (KgGraph            *graph,
                                                 const KgScene      *scene,
                                                 GError            **error);

G_END_DECLS
