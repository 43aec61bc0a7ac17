/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostile.h"

/*
 * Article files a reader might hand the command line by mistake or by
 * malice. Every one ends either in a graph (text that is odd but is text)
 * or in exit status 1 with one line naming the file and the cause, and no
 * output file: never a crash, never a hang.
 */

static void
test_empty (void)
{
  g_autofree char *path = hostile_write ("empty.txt", "", 0);
  hostile_assert_refused (path, "is empty");
}

static void
test_white_space (void)
{
  /* ASCII blanks, no-break space, ideographic space, a BOM. */
  static const char text[] = "\xEF\xBB\xBF \t\r\n\n \xC2\xA0 \xE3\x80\x80\n\f";
  g_autofree char *path = hostile_write ("blank.txt", text, sizeof text - 1);
  hostile_assert_refused (path, "only white space");
}

static void
test_nul_bytes (void)
{
  static const char text[] = "Anna Berg met Acme Bank.\0\0\0\0 More text after the zeros.";
  g_autofree char *path = hostile_write ("zeros.txt", text, sizeof text - 1);
  hostile_assert_refused (path, "NUL bytes");
}

static void
test_png (void)
{
  /* A real 1×1 PNG: signature, IHDR, IDAT and IEND chunks. */
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    0, 0, 0, 13, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 5, 0, 1, 0xff,
    0x89, 0x99, 0x3d, 0x1d,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autofree char *path = hostile_write ("photo.txt", png, sizeof png);
  hostile_assert_refused (path, "not a text file");
}

static void
test_elf (void)
{
  /* The program itself, renamed the way a reader might. */
  g_autofree char *path = hostile_copy_program ("program.txt");
  hostile_assert_refused (path, "not a text file");
}

/* Bytes that are not UTF-8 in the middle of an otherwise ASCII article:
 * the documented fallback reads it as Windows-1252, so the graph keeps the
 * words instead of refusing a whole article over one accent. */
static void
test_invalid_utf8_in_middle (void)
{
  static const char text[] = "Anna Berg met the board of Caf\xE9 Royal in Oslo.\n"
                             "It was \x93" "a good day\x94 for the \xFF\xFE company.\n";
  g_autofree char *path = hostile_write ("latin.txt", text, sizeof text - 1);
  g_autoptr(KgGraph) graph = hostile_assert_read (path);
  KgDocument *doc = kg_graph_get_document (graph, 0);

  g_assert_true (g_utf8_validate (doc->text, doc->text_len, NULL));
  g_assert_nonnull (strstr (doc->text, "Caf\xC3\xA9 Royal"));
  g_assert_nonnull (strstr (doc->text, "\xE2\x80\x9C" "a good day" "\xE2\x80\x9D"));
}

static void
test_utf16_without_bom (void)
{
  g_autofree char *path = NULL;
  const char *ascii = "Anna Berg met Acme Bank in Oslo.\n";
  g_autoptr(GString) utf16 = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    g_string_append_c (utf16, *p), g_string_append_c (utf16, '\0');
  path = hostile_write ("utf16.txt", utf16->str, utf16->len);
  hostile_assert_refused (path, "UTF-16 without a byte-order mark is not supported");
}

static void
test_megabyte_line (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(KgGraph) graph = NULL;

  while (text->len < 1024 * 1024)
    g_string_append (text, "Anna Berg of Acme Bank met Olaf Lund, and ");
  path = hostile_write ("one-line.txt", text->str, text->len);
  graph = hostile_assert_read (path);
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 1);
  g_assert_cmpuint (kg_graph_get_document (graph, 0)->text_len, ==, text->len);
}

static void
test_unbalanced_quotes (void)
{
  g_autoptr(GString) text = g_string_new ("Anna Berg said \"we will see.\n");
  g_autofree char *path = NULL;
  g_autoptr(KgGraph) graph = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, i % 3 == 0 ? "\"" : i % 3 == 1 ? "\xE2\x80\x9C Olaf " : "\xC2\xAB");
  g_string_append (text, "\nThe end.\n");
  path = hostile_write ("quotes.txt", text->str, text->len);
  graph = hostile_assert_read (path);
  /* Whatever was taken for a quote lies inside the text. */
  for (guint i = 0; i < kg_graph_get_n_quotes (graph); i++)
    g_assert_cmpuint (kg_graph_get_quote (graph, i)->span.end, <=, text->len);
}

/* 300 MB that cost nothing on disk: refused by size with the limit named. */
static void
test_huge_file (void)
{
  g_autofree char *path = hostile_sparse ("dump.txt", 300);
  hostile_assert_refused (path, "64 MB");
}

/* An input without end proves the reader stops at the limit instead of
 * reading everything first. */
static void
test_endless_input (void)
{
  hostile_assert_refused ("/dev/zero", "64 MB");
}

static void
test_directory (void)
{
  g_autofree char *path = hostile_path ("folder.txt");

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hostile_assert_refused (path, "folder");
}

/* Opens, then fails while being read: /proc/self/mem has nothing mapped at
 * offset 0, so the first read() fails with EIO, every time. */
static void
test_read_error (void)
{
  g_autofree char *path = hostile_path ("unreadable.txt");

  g_assert_cmpint (symlink ("/proc/self/mem", path), ==, 0);
  hostile_assert_refused (path, "Input/output error");
}

/* Listed a moment ago, gone by the time it is opened. */
static void
test_vanished (void)
{
  g_autofree char *target = hostile_write ("soon-gone.txt", "Anna Berg.\n", -1);
  g_autofree char *path = hostile_path ("link.txt");

  g_assert_cmpint (symlink (target, path), ==, 0);
  g_assert_cmpint (g_unlink (target), ==, 0);
  hostile_assert_refused (path, "No such file");
}

static void
test_no_permission (void)
{
  g_autofree char *path = hostile_write ("secret.txt", "Anna Berg.\n", -1);

  if (geteuid () == 0)
    {
      g_test_skip ("root reads any file");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  hostile_assert_refused (path, "Permission denied");
}

/* A pipe whose writer goes away before writing anything. */
static void
test_fifo_closed_early (void)
{
  g_autofree char *path = hostile_path ("pipe.txt");
  g_autofree char *out = hostile_path ("never.json");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  process = hostile_spawn ((const char *[]) { "--export", out, path, NULL }, &error);
  g_assert_no_error (error);
  /* Blocks until newsgraph opens the other end, then hangs up at once. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "is empty"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Web pages that are all markup: refused like an empty article. */
static void
test_html_only_markup (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '<');
  path = hostile_write ("angles.html", text->str, text->len);
  hostile_assert_refused (path, "no text");
}

/* Nesting, unknown and out-of-range entities, an unclosed comment: the
 * words survive, and nothing that is not UTF-8 gets through. */
static void
test_html_hostile_markup (void)
{
  g_autoptr(GString) text = g_string_new ("<html><body>");
  g_autofree char *path = NULL;
  g_autoptr(KgGraph) graph = NULL;
  KgDocument *doc;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<div>");
  g_string_append (text, "<p>Anna Berg &#99999999999; &#x110000; &#0; &#xD800; &amp &bogus; "
                         "met Acme Bank in Oslo.</p><!-- never closed");
  path = hostile_write ("nested.html", text->str, text->len);
  graph = hostile_assert_read (path);
  doc = kg_graph_get_document (graph, 0);
  g_assert_true (g_utf8_validate (doc->text, doc->text_len, NULL));
  g_assert_nonnull (strstr (doc->text, "Anna Berg"));
  g_assert_null (strstr (doc->text, "<div>"));
}

/* Web pages are read whole: a huge or endless one is refused unread. */
static void
test_html_huge_and_endless (void)
{
  g_autofree char *huge = hostile_sparse ("dump.html", 300);
  g_autofree char *endless = hostile_endless ("zero.html");

  hostile_assert_refused (huge, "64 MB");
  hostile_assert_refused (endless, "not a regular file");
}

int
main (int   argc,
      char *argv[])
{
  hostile_init (&argc, &argv);
  g_test_add_func ("/hostile/article/empty", test_empty);
  g_test_add_func ("/hostile/article/white-space", test_white_space);
  g_test_add_func ("/hostile/article/nul-bytes", test_nul_bytes);
  g_test_add_func ("/hostile/article/png", test_png);
  g_test_add_func ("/hostile/article/elf", test_elf);
  g_test_add_func ("/hostile/article/invalid-utf8-in-middle", test_invalid_utf8_in_middle);
  g_test_add_func ("/hostile/article/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/hostile/article/megabyte-line", test_megabyte_line);
  g_test_add_func ("/hostile/article/unbalanced-quotes", test_unbalanced_quotes);
  g_test_add_func ("/hostile/article/huge-file", test_huge_file);
  g_test_add_func ("/hostile/article/endless-input", test_endless_input);
  g_test_add_func ("/hostile/article/directory", test_directory);
  g_test_add_func ("/hostile/article/read-error", test_read_error);
  g_test_add_func ("/hostile/article/vanished", test_vanished);
  g_test_add_func ("/hostile/article/no-permission", test_no_permission);
  g_test_add_func ("/hostile/article/fifo-closed-early", test_fifo_closed_early);
  g_test_add_func ("/hostile/article/html-only-markup", test_html_only_markup);
  g_test_add_func ("/hostile/article/html-hostile-markup", test_html_hostile_markup);
  g_test_add_func ("/hostile/article/html-huge-and-endless", test_html_huge_and_endless);
  return hostile_finish ();
}
