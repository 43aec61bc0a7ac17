/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the graph document's reader and writer agree on. */
#define KG_FORMAT_NAME    "newsgraph"
#define KG_FORMAT_VERSION 1
