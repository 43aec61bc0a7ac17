/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starts the program under test ($NEWSGRAPH) with args, its standard
 * streams piped and no display in its environment: the command line must
 * never need one. child_setup may be NULL. */
GSubprocess *kg_test_spawn_newsgraph (const char *const     *args,
                                      GSpawnChildSetupFunc   child_setup,
                                      GError               **error);

G_END_DECLS
