/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-export.h"
#include "kg-render.h"

G_BEGIN_DECLS

/* cairo's SVG with every drawn item (options->items, in order) wrapped in a
 * <g> with its id, class and title; NULL when cairo's file is not shaped as
 * expected. */
char  *_kg_export_annotate_svg (const char    *svg,
                                KgGraph       *graph,
                                const KgScene *scene,
                                GArray        *items);

G_END_DECLS
