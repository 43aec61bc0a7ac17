/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-graph"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg-file.h"

/*
 * Saving without ever losing a file. Every save (graph documents and
 * exports) is written whole to a temporary file beside its target and then
 * renamed over it, so the target is either the old file or the new one.
 *
 * The temporary file is named "NAME.newsgraph-PID-XXXXXX": when a writer is
 * killed in the middle (SIGKILL, a crash, power loss) it cannot remove its
 * own, so the next save to the same name removes those whose process is gone.
 * A file of a writer that still runs is left alone.
 */

#define TEMPORARY_MARK ".newsgraph-"

/* The process id in a temporary file's name after "BASE.newsgraph-", or 0. */
static pid_t
writer_of (const char *name,
           const char *base)
{
  gsize prefix = strlen (base) + strlen (TEMPORARY_MARK);
  const char *digits;
  char *end;
  gint64 pid;

  if (!g_str_has_prefix (name, base) || strncmp (name + strlen (base), TEMPORARY_MARK, strlen (TEMPORARY_MARK)) != 0)
    return 0;
  digits = name + prefix;
  pid = g_ascii_strtoll (digits, &end, 10);
  if (end == digits || *end != '-' || strlen (end + 1) != 6 || pid <= 0 || pid > G_MAXINT)
    return 0;
  return (pid_t) pid;
}

static gboolean
process_is_gone (pid_t pid)
{
  return kill (pid, 0) == -1 && errno == ESRCH;
}

/* Removes what killed writers left beside path. Best effort: a folder that
 * cannot be listed keeps its leftovers, and the save goes on. */
static void
remove_leftovers (const char *folder,
                  const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      pid_t pid = writer_of (name, base);

      if (pid != 0 && process_is_gone (pid))
        {
          g_autofree char *stray = g_build_filename (folder, name, NULL);
          g_unlink (stray);
        }
    }
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *saved_errno = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* The cause only: callers put the file's name in front, as for every
 * other error about that file. */
static gboolean
fail (GError     **error,
      const char  *what,
      int          saved_errno,
      gboolean     existed)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s%s", what,
               g_strerror (saved_errno), existed ? " (the file as it was is unchanged)" : "");
  return FALSE;
}

/**
 * kg_file_replace_contents:
 *
 * Replaces the file at path with data, atomically: on any failure the old
 * file (or its absence) stays as it was and no temporary file is left. The
 * error's message gives the cause, not the path.
 */
gboolean
kg_file_replace_contents (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temporary = g_strdup_printf ("%s" TEMPORARY_MARK "%d-XXXXXX", path, (int) getpid ());
  GStatBuf old;
  gboolean existed = g_stat (path, &old) == 0;
  int fd, saved_errno = 0;

  remove_leftovers (folder, base);
  /* 0666 less the umask, as for any new file the reader makes. */
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail (error, "cannot create a file in its folder", errno, existed);
  /* A replaced file keeps who may read it: a private 0600 file stays so. */
  if (existed && S_ISREG (old.st_mode))
    fchmod (fd, old.st_mode & 07777);
  /* When a file is replaced its new contents must be on disk before the
   * rename is, or a crash could leave an empty file in place of the old. */
  if (write_all (fd, data, length, &saved_errno) && existed && fsync (fd) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      close (fd);
      g_unlink (temporary);
      return fail (error, "cannot write it", saved_errno, existed);
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return fail (error, "cannot write it", saved_errno, existed);
    }
  if (g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return fail (error, "cannot put it in place", saved_errno, existed);
    }
  return TRUE;
}
