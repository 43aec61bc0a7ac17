/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-article-view.h"
#include "kg-canvas.h"
#include "kg-details-pane.h"
#include "kg-entity-list.h"
#include "kg-scene.h"
#include "kg-window.h"

G_BEGIN_DECLS

/* Shared by kg-window.c (panes, selection, settings) and kg-window-io.c
 * (opening, layout, export); also the hooks the tests drive. */
struct _KgWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwSplitButton       *open_button;
  GtkDropDown          *engine_dropdown;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  GtkPaned             *centre_paned;
  KgEntityList         *entity_list;
  KgCanvas             *canvas;
  KgArticleView        *article_view;
  KgDetailsPane        *details_pane;
  GtkRevealer          *progress_revealer;
  GtkSpinner           *progress_spinner;
  GtkLabel             *progress_label;

  GSettings            *settings;     /* NULL when the schema is not installed */
  KgGraph              *graph;
  GStrv                 paths;        /* what graph was read from */
  GCancellable         *cancellable;  /* the running load or layout */
  char                 *last_error;
};

/* kg-window-io.c */
void            _kg_window_init_io            (KgWindow    *self);
void            _kg_window_relayout           (KgWindow    *self);
void            _kg_window_show_error         (KgWindow    *self,
                                               const char  *heading,
                                               const GError *error);
const char     *_kg_window_get_engine         (KgWindow    *self);
void            _kg_window_open_action        (KgWindow    *self);
void            _kg_window_export_action      (KgWindow    *self);
/* kg-window.c */
void            _kg_window_set_graph          (KgWindow    *self,
                                               KgGraph     *graph,
                                               KgScene     *scene,
                                               const char *const *paths);
void            _kg_window_set_busy           (KgWindow    *self,
                                               const char  *message);

/* Test hooks. */
KgCanvas       *kg_window_get_canvas          (KgWindow    *self);
KgEntityList   *kg_window_get_entity_list     (KgWindow    *self);
KgDetailsPane  *kg_window_get_details_pane    (KgWindow    *self);
KgArticleView  *kg_window_get_article_view    (KgWindow    *self);
KgGraph        *kg_window_get_graph           (KgWindow    *self);
gboolean        kg_window_is_busy             (KgWindow    *self);
const char     *kg_window_get_last_error      (KgWindow    *self);
/* Reads and lays out on the calling thread; FALSE leaves the graph as it was. */
gboolean        kg_window_load_files_sync     (KgWindow    *self,
                                               const char *const *paths,
                                               GError     **error);
/* What the export dialog does once it has a path. */
gboolean        kg_window_export_sync         (KgWindow    *self,
                                               const char  *path,
                                               GError     **error);
/* Types into the search field and runs the search at once. */
void            kg_window_search              (KgWindow    *self,
                                               const char  *text);
void            kg_window_set_article_visible (KgWindow    *self,
                                               gboolean     visible);

G_END_DECLS
