/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-graph.h"

G_BEGIN_DECLS

/* Adds one input file to graph: a graph document (.json), a Graphviz file
 * (.dot, .gv), a web page (.html, .htm: its text) or an article.
 * Nothing is added when it fails; the message names the file and the cause. */
gboolean  kg_input_load        (KgGraph     *graph,
                                const char  *path,
                                GError     **error);

/* All files into one new graph, in order; NULL at the first failure. */
KgGraph  *kg_input_load_all    (const char *const *paths,
                                GError           **error);

/* The text of an HTML page: tags removed, script and style content dropped,
 * entities decoded, block elements as line breaks. */
char     *kg_input_html_to_text (const char *html);

G_END_DECLS
