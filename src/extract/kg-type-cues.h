/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-analysis.h"

G_BEGIN_DECLS

/* Corrects mention types from what the words around a name say of it
 * (kg-type-cues.c). The last step of kg_tag_entities(). */
void kg_apply_type_cues (KgAnalysis *analysis);

G_END_DECLS
