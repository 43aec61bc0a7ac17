/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-names.h"

struct _KgNameIndex
{
  GHashTable *values;    /* name → GINT_TO_POINTER (value), owned keys */
  GHashTable *buckets;   /* "<first byte><length>" → GPtrArray of names (borrowed) */
};

guint
kg_name_count_words (const char *name)
{
  guint n = 1;

  for (const char *p = name; *p; p++)
    n += *p == ' ';
  return n;
}

char *
kg_name_acronym_letters (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p; p++)
    {
      if (g_ascii_isupper (*p))
        g_string_append_c (s, *p);
      else if (*p != '.' && *p != '&')
        {
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  if (s->len < 2 || s->len > 8)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

char *
kg_name_initials (const char *name,
                  gboolean    skip_first)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = skip_first && words[0] ? 1 : 0; words[i]; i++)
    if (g_ascii_isupper (words[i][0]))
      g_string_append_c (s, words[i][0]);
  return g_string_free (s, FALSE);
}

gboolean
kg_name_is_acronym_of (const char *acronym,
                       const char *name)
{
  g_autofree char *letters = kg_name_acronym_letters (acronym);
  g_autofree char *full = NULL;
  g_autofree char *rest = NULL;

  if (letters == NULL || kg_name_count_words (name) < 2)
    return FALSE;
  full = kg_name_initials (name, FALSE);
  rest = kg_name_initials (name, TRUE);
  return strcmp (letters, full) == 0 || (strlen (rest) >= 2 && strcmp (letters, rest) == 0);
}

gboolean
kg_name_within_one_edit (const char *a,
                         const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0;

  if (la > lb + 1 || lb > la + 1)
    return FALSE;
  while (i < la && i < lb && a[i] == b[i])
    i++;
  if (i == la && i == lb)
    return FALSE;   /* equal */
  if (la == lb)
    return strcmp (a + i + 1, b + i + 1) == 0
           || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp (a + i + 2, b + i + 2) == 0);
  return la > lb ? strcmp (a + i + 1, b + i) == 0 : strcmp (a + i, b + i + 1) == 0;
}

KgNameIndex *
kg_name_index_new (void)
{
  KgNameIndex *index = g_new0 (KgNameIndex, 1);

  index->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->buckets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  return index;
}

void
kg_name_index_free (KgNameIndex *index)
{
  if (index == NULL)
    return;
  g_hash_table_unref (index->buckets);
  g_hash_table_unref (index->values);
  g_free (index);
}

/* Names by first byte and length: a slip keeps the first letter and
 * changes the length by one at most. */
static gpointer
bucket_key (char  first,
            gsize length)
{
  return GSIZE_TO_POINTER ((gsize) (guchar) first | length << 8);
}

void
kg_name_index_add (KgNameIndex *index,
                   const char  *name,
                   gint         value)
{
  gpointer old;
  char *key;
  GPtrArray *bucket;

  if (*name == '\0')
    return;
  if (g_hash_table_lookup_extended (index->values, name, NULL, &old))
    {
      if (GPOINTER_TO_INT (old) != value)
        g_hash_table_insert (index->values, g_strdup (name), GINT_TO_POINTER (KG_NAME_AMBIGUOUS));
      return;
    }
  key = g_strdup (name);
  g_hash_table_insert (index->values, key, GINT_TO_POINTER (value));
  if (strlen (name) < KG_MIN_TYPO_LENGTH)
    return;
  bucket = g_hash_table_lookup (index->buckets, bucket_key (name[0], strlen (name)));
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (index->buckets, bucket_key (name[0], strlen (name)), bucket);
    }
  g_ptr_array_add (bucket, key);
}

gint
kg_name_index_lookup (KgNameIndex *index,
                      const char  *name)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (index->values, name, NULL, &value))
    return KG_NAME_NONE;
  return GPOINTER_TO_INT (value);
}

gint
kg_name_index_lookup_slip (KgNameIndex *index,
                           const char  *word,
                           const char **match)
{
  gsize n = strlen (word);
  gint found = KG_NAME_NONE;

  if (n + 1 < KG_MIN_TYPO_LENGTH)
    return KG_NAME_NONE;
  for (gsize len = n - 1; len <= n + 1; len++)
    {
      GPtrArray *bucket = g_hash_table_lookup (index->buckets, bucket_key (word[0], len));

      for (guint i = 0; bucket != NULL && i < bucket->len; i++)
        {
          const char *name = g_ptr_array_index (bucket, i);
          gint value = kg_name_index_lookup (index, name);

          if (!kg_name_within_one_edit (word, name))
            continue;
          if (found != KG_NAME_NONE && found != value)
            return KG_NAME_AMBIGUOUS;
          found = value;
          if (match != NULL)
            *match = name;
        }
    }
  return found;
}
