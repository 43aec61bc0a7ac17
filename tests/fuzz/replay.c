/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-fuzz"

#include "config.h"

#include "kg-fuzz.h"

/*
 * Runs one fuzz target's seed corpus and every crash the fuzzer ever found
 * (tests/fuzz/regressions/<target>/) through the same entry point, without
 * libFuzzer, so the normal suite keeps them fixed.
 */

static void
test_input (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* Copied so ASan sees reads past the end exactly as under libFuzzer. */
  {
    g_autofree guint8 *exact = g_memdup2 (contents, length);
    LLVMFuzzerTestOneInput (exact, length);
  }
}

static guint
add_folder (const char *kind)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fuzz", kind, KG_FUZZ_TARGET, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz/%s/%s/%s", KG_FUZZ_TARGET, kind,
                                               (char *) g_ptr_array_index (names, i));
      /* Owned by the test run, freed at exit. */
      char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_test_add_data_func_full (test, path, test_input, g_free);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);
  /* An empty seed corpus would make this test pass vacuously. */
  if (add_folder ("corpus") == 0)
    g_error ("no seed corpus for fuzz target %s", KG_FUZZ_TARGET);
  add_folder ("regressions");
  return g_test_run ();
}
