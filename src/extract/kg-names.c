/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-names.h"

struct _KgNameIndex
{
  GHashTable   *values;    /* name → GINT_TO_POINTER (value), keys in the chunk; made on first add */
  GHashTable   *buckets;   /* "<first byte><length>" → GPtrArray of names; made on first use */
  /* The names, copied once and freed at once: an index lives for one
   * document, and most documents add a few dozen names. */
  GStringChunk *keys;
};

guint
kg_name_count_words (const char *name)
{
  guint n = 1;

  for (const char *p = name; *p; p++)
    n += *p == ' ';
  return n;
}

gsize
kg_name_acronym_into (const char *word,
                      char        buf[KG_NAME_MAX_ACRONYM + 1])
{
  gsize n = 0;

  for (const char *p = word; *p; p++)
    {
      if (g_ascii_isupper (*p))
        {
          if (n == KG_NAME_MAX_ACRONYM)
            return 0;
          buf[n++] = *p;
        }
      else if (*p != '.' && *p != '&')
        return 0;
    }
  buf[n] = '\0';
  return n >= 2 ? n : 0;
}

char *
kg_name_acronym_letters (const char *word)
{
  char buf[KG_NAME_MAX_ACRONYM + 1];

  return kg_name_acronym_into (word, buf) > 0 ? g_strdup (buf) : NULL;
}

/* The initials into buf; size when they do not fit. Words are what lies
 * between single spaces, as g_strsplit() cuts them. */
static gsize
initials_into (const char *name,
               gboolean    skip_first,
               char       *buf,
               gsize       size)
{
  gsize n = 0;

  for (const char *word = name; word != NULL;)
    {
      const char *space = strchr (word, ' ');

      if (!(skip_first && word == name) && g_ascii_isupper (*word))
        {
          if (n + 1 >= size)
            return size;
          buf[n++] = *word;
        }
      word = space != NULL ? space + 1 : NULL;
    }
  buf[n] = '\0';
  return n;
}

char *
kg_name_initials (const char *name,
                  gboolean    skip_first)
{
  /* Never more initials than bytes. */
  gsize size = strlen (name) + 1;
  char *initials = g_malloc (size);

  initials_into (name, skip_first, initials, size);
  return initials;
}

gboolean
kg_name_is_acronym_of (const char *acronym,
                       const char *name)
{
  char letters[KG_NAME_MAX_ACRONYM + 1], full[KG_NAME_MAX_ACRONYM + 2], rest[KG_NAME_MAX_ACRONYM + 2];
  gsize n;

  /* Initials longer than any acronym match none: buffers of one more
   * letter tell them apart without the whole. */
  if ((n = kg_name_acronym_into (acronym, letters)) == 0 || kg_name_count_words (name) < 2)
    return FALSE;
  return (initials_into (name, FALSE, full, sizeof full) == n && strcmp (letters, full) == 0)
         || (initials_into (name, TRUE, rest, sizeof rest) == n && n >= 2 && strcmp (letters, rest) == 0);
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
  /* The tables come with the first name: a document builds several
   * indexes, and most stay empty. */
  return g_new0 (KgNameIndex, 1);
}

void
kg_name_index_free (KgNameIndex *index)
{
  if (index == NULL)
    return;
  g_clear_pointer (&index->buckets, g_hash_table_unref);
  g_clear_pointer (&index->values, g_hash_table_unref);
  g_clear_pointer (&index->keys, g_string_chunk_free);
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
  gpointer stored, old;
  char *key;
  GPtrArray *bucket;
  gsize length;

  if (*name == '\0')
    return;
  if (index->values == NULL)
    {
      index->values = g_hash_table_new (g_str_hash, g_str_equal);
      index->keys = g_string_chunk_new (512);
    }
  else if (g_hash_table_lookup_extended (index->values, name, &stored, &old))
    {
      if (GPOINTER_TO_INT (old) != value)
        g_hash_table_insert (index->values, stored, GINT_TO_POINTER (KG_NAME_AMBIGUOUS));
      return;
    }
  length = strlen (name);
  key = g_string_chunk_insert_len (index->keys, name, length);
  g_hash_table_insert (index->values, key, GINT_TO_POINTER (value));
  if (length < KG_MIN_TYPO_LENGTH)
    return;
  if (index->buckets == NULL)
    index->buckets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  bucket = g_hash_table_lookup (index->buckets, bucket_key (name[0], length));
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (index->buckets, bucket_key (name[0], length), bucket);
    }
  g_ptr_array_add (bucket, key);
}

gint
kg_name_index_lookup (KgNameIndex *index,
                      const char  *name)
{
  gpointer value;

  if (index->values == NULL || !g_hash_table_lookup_extended (index->values, name, NULL, &value))
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

  if (n + 1 < KG_MIN_TYPO_LENGTH || index->buckets == NULL)
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

struct _KgNameSet
{
  GStringChunk *strings;
  GPtrArray    *names;    /* id → the copy */
  GArray       *hashes;   /* id → guint, see name_hash() */
  guint        *slots;    /* open addressing: id + 1, 0 for an empty slot */
  guint         mask;
};

KgNameSet *
kg_name_set_new (void)
{
  KgNameSet *set = g_new0 (KgNameSet, 1);

  set->strings = g_string_chunk_new (1024);
  set->names = g_ptr_array_new ();
  set->hashes = g_array_new (FALSE, FALSE, sizeof (guint));
  set->mask = 63;
  set->slots = g_new0 (guint, set->mask + 1);
  return set;
}

void
kg_name_set_free (KgNameSet *set)
{
  if (set == NULL)
    return;
  g_string_chunk_free (set->strings);
  g_ptr_array_unref (set->names);
  g_array_unref (set->hashes);
  g_free (set->slots);
  g_free (set);
}

/* g_str_hash()'s, over a length. */
static guint
name_hash (const char *name,
           gsize       length)
{
  guint h = 5381;

  for (gsize i = 0; i < length; i++)
    h = (h << 5) + h + (guchar) name[i];
  return h;
}

/* The slot that holds the name, or the empty one where it would go. */
static guint
name_set_slot (const KgNameSet *set,
               const char      *name,
               gsize            length,
               guint            hash)
{
  for (guint slot = hash & set->mask;; slot = (slot + 1) & set->mask)
    {
      guint id = set->slots[slot];
      const char *stored;

      if (id == 0)
        return slot;
      stored = g_ptr_array_index (set->names, id - 1);
      if (g_array_index (set->hashes, guint, id - 1) == hash
          && strncmp (stored, name, length) == 0 && stored[length] == '\0')
        return slot;
    }
}

/* Doubles the slots when half are taken. */
static void
name_set_grow (KgNameSet *set)
{
  guint size = (set->mask + 1) * 2;

  g_free (set->slots);
  set->slots = g_new0 (guint, size);
  set->mask = size - 1;
  for (guint id = 0; id < set->names->len; id++)
    {
      guint slot = g_array_index (set->hashes, guint, id) & set->mask;

      while (set->slots[slot] != 0)
        slot = (slot + 1) & set->mask;
      set->slots[slot] = id + 1;
    }
}

guint
kg_name_set_add (KgNameSet  *set,
                 const char *name,
                 gssize      length)
{
  gsize n = length < 0 ? strlen (name) : (gsize) length;
  guint hash = name_hash (name, n), slot = name_set_slot (set, name, n, hash);

  if (set->slots[slot] != 0)
    return set->slots[slot] - 1;
  g_ptr_array_add (set->names, g_string_chunk_insert_len (set->strings, name, n));
  g_array_append_val (set->hashes, hash);
  set->slots[slot] = set->names->len;
  if (set->names->len * 2 > set->mask)
    name_set_grow (set);
  return set->names->len - 1;
}

guint
kg_name_set_find (const KgNameSet *set,
                  const char      *name,
                  gssize           length)
{
  gsize n = length < 0 ? strlen (name) : (gsize) length;
  guint slot = name_set_slot (set, name, n, name_hash (name, n));

  return set->slots[slot] != 0 ? set->slots[slot] - 1 : KG_NAME_SET_NONE;
}

const char *
kg_name_set_get (const KgNameSet *set,
                 guint            id)
{
  return g_ptr_array_index (set->names, id);
}

guint
kg_name_set_size (const KgNameSet *set)
{
  return set->names->len;
}
