/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kg-graph.h"

G_BEGIN_DECLS

#define KG_TYPE_ARTICLE_VIEW (kg_article_view_get_type ())
G_DECLARE_FINAL_TYPE (KgArticleView, kg_article_view, KG, ARTICLE_VIEW, GtkBox)

void      kg_article_view_set_graph        (KgArticleView *self,
                                            KgGraph       *graph);
/* Marks the entity's mentions and scrolls to the first; G_MAXUINT clears. */
void      kg_article_view_show_entity      (KgArticleView *self,
                                            guint          entity);
/* Selects sentence number `sentence` of document `doc`, as a click would:
 * marks it, scrolls to it and emits sentence-selected. */
void      kg_article_view_select_sentence  (KgArticleView *self,
                                            guint          doc,
                                            guint          sentence);
/* The text view, for tests that click into it. */
GtkTextView *kg_article_view_get_text_view (KgArticleView *self);
/* What a press at buffer offset `offset` does (the click handler). */
void      kg_article_view_click_offset     (KgArticleView *self,
                                            int            offset);

G_END_DECLS
