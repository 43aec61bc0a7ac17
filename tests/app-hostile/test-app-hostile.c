/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-test"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kg-test-util.h"

/*
 * Hostile files through the window's open path: each one ends in an error
 * the reader sees (a dialog, and the message naming the file and the
 * cause), while the graph shown before stays, with its layout.
 */

typedef enum
{
  MAKE_CONTENTS,    /* write contents */
  MAKE_SPARSE,      /* 300 MB of nothing */
  MAKE_FOLDER,
  MAKE_NESTED_JSON, /* 100,000 levels */
  MAKE_MILLION_DOT, /* a million nodes */
} Make;

typedef struct
{
  const char *name;
  Make        make;
  const char *contents;
  gssize      length;
  const char *cause;
} Hostile;

static const Hostile hostiles[] = {
  { "empty.txt", MAKE_CONTENTS, "", 0, "is empty" },
  { "blank.txt", MAKE_CONTENTS, " \n\t\n  ", -1, "only white space" },
  { "photo.txt", MAKE_CONTENTS, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0", 29, "not a text file" },
  { "utf16.txt", MAKE_CONTENTS, "A\0n\0n\0a\0 \0B\0e\0r\0g\0.\0\n\0", 22, "UTF-16" },
  { "dump.txt", MAKE_SPARSE, NULL, 0, "64 MB" },
  { "folder.txt", MAKE_FOLDER, NULL, 0, "folder" },
  { "truncated.json", MAKE_CONTENTS, "{\"format\": \"newsgraph\", \"version\": 1, \"docu", -1, "not valid JSON" },
  { "newer.json", MAKE_CONTENTS, "{\"format\": \"newsgraph\", \"version\": 9, \"documents\": []}", -1, "newer Newsgraph" },
  { "dangling.json", MAKE_CONTENTS,
    "{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [{\"id\": \"d0\", \"text\": \"Ana met Bo.\"}],"
    " \"entities\": [{\"id\": \"e0\", \"name\": \"Ana\", \"type\": \"person\"}],"
    " \"relations\": [{\"id\": \"r0\", \"source\": \"e0\", \"target\": \"e7\", \"kind\": \"action\"}]}", -1,
    "no entity's id" },
  { "nested.json", MAKE_NESTED_JSON, NULL, 0, "nested deeper" },
  { "broken.dot", MAKE_CONTENTS, "digraph { a -> ; }\n", -1, "syntax error" },
  { "million.dot", MAKE_MILLION_DOT, NULL, 0, "at most 100000" },
};

static char *scratch;
static KgWindow *window;

static char *
make_file (const Hostile *h)
{
  char *path = g_build_filename (scratch, h->name, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  int fd;

  switch (h->make)
    {
    case MAKE_CONTENTS:
      g_assert_true (g_file_set_contents (path, h->contents, h->length, NULL));
      break;
    case MAKE_SPARSE:
      fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
      close (fd);
      break;
    case MAKE_FOLDER:
      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      break;
    case MAKE_NESTED_JSON:
      g_string_append (text, "{\"format\": \"newsgraph\", \"version\": 1, \"documents\": [], \"x\": ");
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (text, '[');
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      break;
    case MAKE_MILLION_DOT:
      g_string_append (text, "digraph {");
      for (guint i = 0; i < 1000000; i++)
        g_string_append_printf (text, "n%u;", i);
      g_string_append (text, "}\n");
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      break;
    }
  return path;
}

static gboolean
idle_window (gpointer data)
{
  return !kg_window_is_busy (data);
}

/* Closes the error dialogs; whether one was shown. */
static gboolean
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean shown = FALSE;

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (w))
        {
          shown = shown || gtk_widget_get_visible (GTK_WIDGET (w));
          gtk_window_destroy (w);
        }
    }
  return shown;
}

/* One window for all cases, showing the seed article: every refusal must
 * leave it as it was. */
static KgWindow *
seed_window (void)
{
  if (window == NULL)
    {
      g_autofree char *article = kg_test_seed_article ();
      const char *paths[] = { article, NULL };
      g_autoptr(GError) error = NULL;

      window = kg_test_window_new (1024, 700);
      g_assert_true (kg_window_load_files_sync (window, paths, &error));
      g_assert_no_error (error);
      kg_test_iterate (50);
    }
  return window;
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  KgWindow *w = seed_window ();
  KgGraph *before = kg_window_get_graph (w);
  guint n_before = kg_graph_get_n_entities (before);
  g_autofree char *path = make_file (h);
  g_autofree char *pattern = g_strdup_printf ("*%s*", h->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *message;

  g_test_expect_message ("kg-app", G_LOG_LEVEL_WARNING, pattern);
  kg_window_open_files (w, &file, 1);
  g_assert_true (kg_test_wait_for (idle_window, w, 120000));
  kg_test_iterate (50);
  g_test_assert_expected_messages ();

  message = kg_window_get_last_error (w);
  g_assert_nonnull (message);
  if (strstr (message, h->name) == NULL || strstr (message, h->cause) == NULL)
    g_error ("expected %s and “%s” in “%s”", h->name, h->cause, message);
  g_assert_true (close_dialogs ());
  g_assert_true (kg_window_get_graph (w) == before);
  g_assert_cmpuint (kg_graph_get_n_entities (before), ==, n_before);
  g_assert_nonnull (kg_canvas_get_scene (kg_window_get_canvas (w)));
  if (h->make == MAKE_FOLDER)
    g_rmdir (path);
  else
    g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  /* Drawn with cairo (GSK_RENDERER); Mesa's GL probe would only add its
   * one-off allocations to the leak checker's report. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  kg_test_init_display (&argc, &argv);
  scratch = g_dir_make_tmp ("kg-app-hostile-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hostiles); i++)
    {
      g_autofree char *test = g_strdup_printf ("/app-hostile/%s", hostiles[i].name);
      g_test_add_data_func (test, &hostiles[i], test_hostile);
    }
  status = g_test_run ();
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (scratch);
  g_free (scratch);
  return status;
}
