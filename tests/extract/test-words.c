/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-words"

#include "config.h"

#include <string.h>

#include "kg-names.h"
#include "kg-words.h"

/* Word hashes ignore case and read the curly apostrophe as "'", at any
 * length and wherever the word stands in its text. */
static void
test_word_hash (void)
{
  static const char *const pairs[][2] = {
    { "said", "SAID" },
    { "Spokeswoman", "spokeswoman" },
    { "counter-intelligence", "Counter-Intelligence" },
    { "don\u2019t", "don't" },
    { "O\u2019Connor\u2019s", "o'connor's" },
    { "Zo\u00eb", "ZO\u00eb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    g_assert_cmpuint (kg_word_hash (pairs[i][0], strlen (pairs[i][0])), ==,
                      kg_word_hash (pairs[i][1], strlen (pairs[i][1])));
  g_assert_cmpuint (kg_word_hash ("said", 4), !=, kg_word_hash ("sail", 4));
  g_assert_cmpuint (kg_word_hash ("said", 4), !=, kg_word_hash ("said ", 5));
  /* A curly apostrophe cut short is no apostrophe. */
  g_assert_cmpuint (kg_word_hash ("a\xe2\x80", 3), !=, kg_word_hash ("a'", 2));
}

static void
test_token_hashes (void)
{
  static const char text[] = "The spokeswoman SAID: don\u2019t. Said the Spokeswoman";
  g_autoptr(KgAnalysis) a = kg_analysis_new (text, strlen (text));
  guint n;

  kg_tokenize (a);
  n = a->tokens->len;
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (kg_token_hash (a, i), ==, kg_word_hash (kg_token_text (a, i), kg_token_len (a, i)));
  g_assert_cmpuint (kg_token_hash (a, 1), ==, kg_token_hash (a, n - 1));
}

/* Names get one id each, in the order they came. */
static void
test_name_set (void)
{
  g_autoptr(KgNameSet) set = kg_name_set_new ();
  char name[32];

  for (guint i = 0; i < 1000; i++)
    {
      g_snprintf (name, sizeof name, "Name %u", i);
      g_assert_cmpuint (kg_name_set_add (set, name, -1), ==, i);
    }
  g_assert_cmpuint (kg_name_set_add (set, "Name 17 and more", 7), ==, 17);
  g_assert_cmpuint (kg_name_set_find (set, "Name 999", -1), ==, 999);
  g_assert_cmpuint (kg_name_set_find (set, "Name 1000", -1), ==, KG_NAME_SET_NONE);
  g_assert_cmpstr (kg_name_set_get (set, 42), ==, "Name 42");
  g_assert_cmpuint (kg_name_set_size (set), ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/words/word-hash", test_word_hash);
  g_test_add_func ("/words/token-hashes", test_token_hashes);
  g_test_add_func ("/words/name-set", test_name_set);
  return g_test_run ();
}
