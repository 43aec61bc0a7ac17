/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kg-graph.h"

G_BEGIN_DECLS

/* One run of build/src/newsgraph ($NEWSGRAPH) with no display. */
typedef struct
{
  gboolean exited;    /* FALSE: killed by a signal (a crash) */
  int      status;
  char    *out;
  char    *err;
} HostileRun;

void        hostile_run_clear      (HostileRun        *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HostileRun, hostile_run_clear)

void        hostile_init           (int               *argc,
                                    char            ***argv);
/* Runs the tests, then removes the scratch folder and all in it. */
int         hostile_finish         (void);

/* A path in the scratch folder; with contents, the file is written. */
char       *hostile_path           (const char        *name);
char       *hostile_write          (const char        *name,
                                    const void        *contents,
                                    gssize             length);
/* A file of size MB that costs nothing on disk (all zeros, sparse). */
char       *hostile_sparse         (const char        *name,
                                    guint              megabytes);
/* A name that leads to /dev/zero: reading it never ends. */
char       *hostile_endless        (const char        *name);
/* A copy of the newsgraph program (an ELF binary) under this name. */
char       *hostile_copy_program   (const char        *name);

void        hostile_run            (HostileRun        *run,
                                    const char *const *args);
GSubprocess *hostile_spawn         (const char *const *args,
                                    GError           **error);
/* The same, running child_setup in the child before it executes. */
GSubprocess *hostile_spawn_full    (const char *const *args,
                                    GSpawnChildSetupFunc child_setup,
                                    GError           **error);

/* `newsgraph --export OUT input` exits 1 with one line naming input and
 * containing cause, without crashing and without creating OUT. */
void        hostile_assert_refused (const char        *input,
                                    const char        *cause);
/* `newsgraph --export OUT.json input` exits 0; returns the graph in OUT. */
KgGraph    *hostile_assert_read    (const char        *input);

G_END_DECLS
