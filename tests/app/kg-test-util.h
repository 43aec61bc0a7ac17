/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-window-private.h"

G_BEGIN_DECLS

/* Shared by the display tests and tools/screenshots. */

/* FALSE (after a TAP "skip" line) when there is no display to open. */
gboolean   kg_test_init_display  (int         *argc,
                                  char      ***argv);
/* A shown window of the given size, laid out and drawn once. */
KgWindow  *kg_test_window_new    (int          width,
                                  int          height);
/* Runs the main loop for about ms milliseconds. */
void       kg_test_iterate       (guint        ms);
/* Runs the main loop until done (a gboolean) is TRUE or ms have passed. */
gboolean   kg_test_wait_for      (gboolean   (*done) (gpointer),
                                  gpointer     data,
                                  guint        ms);
/* For kg_test_wait_for: widget is mapped and has a width. */
gboolean   kg_test_widget_allocated (gpointer  widget);
/* For kg_test_wait_for: the canvas shows its picture whole and sharp (no
 * tile still to come, no zoom waiting to be drawn sharp again). */
gboolean   kg_test_canvas_settled   (gpointer  canvas);
/* The seed article, from $KG_SHARED_DIR. */
char      *kg_test_seed_article  (void);
/* Renders widget as it is on screen into a PNG. */
gboolean   kg_test_save_png      (GtkWidget   *widget,
                                  const char  *path,
                                  GError     **error);

/* A window showing the seed article's graph, its canvas sized. */
KgWindow  *kg_test_open_seed        (void);
gssize     kg_test_find_entity      (KgWindow    *window,
                                     const char  *name);
/* The widget's first event controller of type. */
gpointer   kg_test_find_controller  (GtkWidget   *widget,
                                     GType        type);
/* Where an entity's node centre is on the canvas, from the scene. */
void       kg_test_node_point       (KgWindow    *window,
                                     guint        entity,
                                     double      *x,
                                     double      *y);
/* A point of the canvas with nothing under it. */
void       kg_test_find_empty_point (KgCanvas    *canvas,
                                     double      *x,
                                     double      *y);

G_END_DECLS
