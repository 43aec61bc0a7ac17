/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kg-graph.h"

G_BEGIN_DECLS

/* The libFuzzer entry points; replay.c calls them the same way. */
int   LLVMFuzzerInitialize     (int            *argc,
                                char         ***argv);
int   LLVMFuzzerTestOneInput   (const uint8_t  *data,
                                size_t          size);

/* Aborts (a finding) unless every index and span of graph is one the rest
 * of the program may trust: in range, ordered, on UTF-8 boundaries. */
void  kg_fuzz_check_graph      (KgGraph        *graph);
/* Aborts unless graph survives saving and loading unchanged. */
void  kg_fuzz_check_round_trip (KgGraph        *graph);
/* Aborts unless a refusal came with a message. */
void  kg_fuzz_check_error      (const GError   *error,
                                GQuark          domain);

/* The bytes in a new scratch file named after template ("kg-fuzz-XXXXXX.dot"),
 * for entry points that read a file; the caller unlinks and frees the path. */
char *kg_fuzz_scratch_file     (const uint8_t  *data,
                                size_t          size,
                                const char     *template);

G_END_DECLS
