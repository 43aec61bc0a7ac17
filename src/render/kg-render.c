/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include "kg-render.h"

void
kg_render_options_init (KgRenderOptions *options)
{
  *options = (KgRenderOptions) { .zoom = 1.0, .draw_legend = TRUE };
}
