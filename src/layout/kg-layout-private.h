/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <graphviz/gvc.h>

#include "kg-layout.h"

G_BEGIN_DECLS

/* Every ag* and gv* call happens between these: Graphviz keeps global state.
 * Locking also clears the collected Graphviz messages. */
void     _kg_layout_lock            (void);
void     _kg_layout_unlock          (void);
/* The one Graphviz context, with the layout plugins and a text measurer
 * linked in (no plugin configuration file is read). Hold the lock. */
GVC_t   *_kg_layout_context         (void);
/* What Graphviz reported since the lock was taken, or NULL. Hold the lock. */
char    *_kg_layout_take_messages   (void);

/* Label escaping for Graphviz's label attribute: backslashes are Graphviz
 * escapes (\N, \n, \l…), so a literal one is doubled; and the reverse. */
char    *_kg_layout_escape_label    (const char *text);
char    *_kg_layout_unescape_label  (const char *label,
                                     const char *node_name);

G_END_DECLS
