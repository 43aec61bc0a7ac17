/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kg-decode.h"

static char *
decode_ok (const char *bytes,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  gsize out_length = 0;
  char *text = kg_decode_text (bytes, length, &out_length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, out_length);
  g_assert_true (g_utf8_validate (text, out_length, NULL));
  return text;
}

static void
decode_fails (const char    *bytes,
              gsize          length,
              KgDecodeError  code,
              const char    *message)
{
  g_autoptr(GError) error = NULL;
  gsize out_length;
  g_autofree char *text = kg_decode_text (bytes, length, &out_length, &error);

  g_assert_null (text);
  g_assert_error (error, KG_DECODE_ERROR, (int) code);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
}

static void
test_utf8 (void)
{
  static const char plain[] = "Zoë said “yes”.";
  static const char bom[] = "\xEF\xBB\xBFZoë said “yes”.";
  g_autofree char *a = decode_ok (plain, strlen (plain));
  g_autofree char *b = decode_ok (bom, strlen (bom));

  g_assert_cmpstr (a, ==, plain);
  g_assert_cmpstr (b, ==, plain);   /* the BOM is not part of the text */
}

static void
test_utf16_with_bom (void)
{
  /* "Zoë €" little- and big-endian, with BOM. */
  static const char le[] = "\xFF\xFEZ\0o\0\xEB\0 \0\xAC\x20";
  static const char be[] = "\xFE\xFF\0Z\0o\0\xEB\0 \x20\xAC";
  g_autofree char *a = decode_ok (le, sizeof le - 1);
  g_autofree char *b = decode_ok (be, sizeof be - 1);

  g_assert_cmpstr (a, ==, "Zoë €");
  g_assert_cmpstr (b, ==, "Zoë €");
}

static void
test_windows_1252_fallback (void)
{
  /* Curly quotes, an em dash and é in Windows-1252; 0x81 is undefined there. */
  static const char cp1252[] = "\x93" "Caf\xE9\x94 \x97 ok";
  static const char latin1[] = "the caf\xE9 is open \x81 all day";
  g_autofree char *a = decode_ok (cp1252, strlen (cp1252));
  g_autofree char *b = decode_ok (latin1, strlen (latin1));

  g_assert_cmpstr (a, ==, "“Café” — ok");
  g_assert_cmpstr (b, ==, "the café is open \xC2\x81 all day");
}

static void
test_invalid_utf8_in_middle (void)
{
  /* Mostly UTF-8 but one stray byte: read as Windows-1252, nothing lost. */
  static const char mixed[] = "Acme said \xE9t\xE9 was fine.";
  g_autofree char *a = decode_ok (mixed, strlen (mixed));

  g_assert_cmpstr (a, ==, "Acme said été was fine.");
}

static void
test_refused (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char utf16_no_bom[] = "H\0e\0l\0l\0o\0";
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08 a\x0e\x0f";

  decode_fails ("", 0, KG_DECODE_ERROR_EMPTY, "is empty");
  decode_fails (" \n\t \r\n", 6, KG_DECODE_ERROR_EMPTY, "only white space");
  decode_fails (png, sizeof png - 1, KG_DECODE_ERROR_BINARY, "NUL bytes");
  decode_fails (utf16_no_bom, sizeof utf16_no_bom - 1, KG_DECODE_ERROR_BINARY, "UTF-16 without a byte-order mark");
  decode_fails (controls, sizeof controls - 1, KG_DECODE_ERROR_BINARY, "control characters");
  decode_fails ("\xFF\xFEZ", 3, KG_DECODE_ERROR_ENCODING, "UTF-16LE");
}

static void
test_title (void)
{
  static const char headline[] = "Acme to close Lyon office\nAcme will close its office.";
  static const char sentence[] = "Acme will close its office.\nMore text.";
  static const char single[] = "Just one line without a break";
  g_autofree char *a = kg_guess_title (headline, strlen (headline));
  g_autofree char *b = kg_guess_title (sentence, strlen (sentence));
  g_autofree char *c = kg_guess_title (single, strlen (single));

  g_assert_cmpstr (a, ==, "Acme to close Lyon office");
  g_assert_null (b);
  g_assert_null (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/decode/utf8", test_utf8);
  g_test_add_func ("/extract/decode/utf16-bom", test_utf16_with_bom);
  g_test_add_func ("/extract/decode/windows-1252", test_windows_1252_fallback);
  g_test_add_func ("/extract/decode/invalid-utf8-in-middle", test_invalid_utf8_in_middle);
  g_test_add_func ("/extract/decode/refused", test_refused);
  g_test_add_func ("/extract/decode/title", test_title);
  return g_test_run ();
}
