/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-tokenizer-private.h"

/*
 * The words the tokenizer (kg-tokenizer.c) knows by name: abbreviations,
 * which a dot does not always end a sentence after, and the words that
 * start one after an abbreviation.
 */

/* Abbreviations that precede a name and never end a sentence. */
static const char *const title_abbrevs[] = {
  "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt",
  "Sgt", "Maj", "Adm", "Rev", "Hon", "St", "Mt", "Messrs", "Pres", "Supt", "Det",
  "Insp", "Cmdr", "Cpl", "Pte", "Fr", "Brig", "Cdr", "Amb", "Atty", "Sr", "Jr",
  "vs", "v", "Ft", "Mme", "Mlle", "Gens", "Sens", "Reps", "Lt.Col", NULL
};

/* Abbreviations that may also close a sentence ("… of Acme Inc. The firm"). */
static const char *const other_abbrevs[] = {
  "Inc", "Ltd", "Corp", "Co", "Bros", "Plc", "plc", "Esq", "etc", "al", "approx",
  "dept", "Dept", "est", "fig", "govt", "Govt", "Jan", "Feb", "Mar", "Apr", "Jun",
  "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "Calif",
  "Mass", "Conn", "Ariz", "Fla", "Ill", "Mich", "Minn", "Penn", "Wash", "Va", "Ga",
  "Ala", "Ark", "Colo", "Del", "Ind", "Kan", "Ky", "La", "Md", "Miss", "Mo", "Mont",
  "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Wis", "Wyo", "Ont", "Que",
  "cf", "ca", "pp", "vol", "Vol", "Nos", "No", "op", "Cie", "AG", "Ltda", "Pty", NULL
};

/* Words that, capitalised after an abbreviation, start a new sentence. */
static const char *const sentence_starters[] = {
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "But", "And", "This",
  "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "On", "At",
  "As", "If", "When", "While", "After", "Before", "Since", "For", "So", "Yet", "Mr",
  "Mrs", "Ms", "Dr", "Some", "Many", "Most", "One", "Two", "Last", "Meanwhile",
  "However", "Also", "Still", "Now", "Then", "What", "Who", "Why", "How", NULL
};

/* The lists as one set, built once: a word ends most sentences, so the
 * lookup is on the hot path. A word ending in a dot that is longer than
 * any abbreviation ends its sentence without one. */
typedef struct
{
  GHashTable *table;
  gsize       longest_abbrev;
  guint16     lengths[256];   /* by first byte, a bit a length below 16 */
} WordSets;

static const WordSets *
word_sets (void)
{
  static WordSets *sets;

  if (g_once_init_enter (&sets))
    {
      WordSets *built = g_new0 (WordSets, 1);
      const char *const *lists[] = { title_abbrevs, other_abbrevs, sentence_starters };

      built->table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l][i]; i++)
          {
            guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (built->table, lists[l][i]));
            g_hash_table_insert (built->table, (gpointer) lists[l][i], GUINT_TO_POINTER (bits | (1u << l)));
            if (strlen (lists[l][i]) < 16)
              built->lengths[(guchar) lists[l][i][0]] |= 1u << strlen (lists[l][i]);
            if (lists[l] != sentence_starters)
              built->longest_abbrev = MAX (built->longest_abbrev, strlen (lists[l][i]));
          }
      g_assert (built->longest_abbrev == KG_LONGEST_ABBREV);
      g_once_init_leave (&sets, built);
    }
  return sets;
}

guint
_kg_word_lists (const char *word,
                gsize       length)
{
  const WordSets *sets = word_sets ();
  char buf[16];
  gboolean all_upper = length >= 2;
  guint bits;

  /* Both look-ups keep the first byte and the length: most words ending a
   * sentence have none of the lists' shapes. */
  G_STATIC_ASSERT (sizeof buf == 16);
  if (length == 0 || length >= sizeof buf || !(sets->lengths[(guchar) word[0]] & (1u << length)))
    return 0;
  memcpy (buf, word, length);
  buf[length] = '\0';
  bits = GPOINTER_TO_UINT (g_hash_table_lookup (sets->table, buf));
  /* Headlines in capitals: "ST. LOUIS", "MR. SMITH". */
  for (gsize i = 0; i < length; i++)
    all_upper &= g_ascii_isupper (buf[i]);
  if (!all_upper)
    return bits;
  for (gsize i = 1; i < length; i++)
    buf[i] = g_ascii_tolower (buf[i]);
  return bits | GPOINTER_TO_UINT (g_hash_table_lookup (sets->table, buf));
}
