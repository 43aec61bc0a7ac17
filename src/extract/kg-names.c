/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-bytes.h"
#include "kg-names.h"

/* The names of an index that may be slips of a word (first byte and length
 * alike, see bucket_key): the first and last of them (name id + 1), chained
 * in the order they were added through next. */
typedef struct _KgNameBucket
{
  gsize key;     /* 0 for an empty slot: names here are never that short */
  guint first;
  guint last;
} Bucket;

/* Values by the ids of the set the index shares, and buckets in open
 * addressing: the document's names are interned once for all its indexes,
 * and a name's id finds its value in each without hashing it again. */
typedef struct _KgNameIndexEntry
{
  gint  value;   /* less KG_NAME_NONE: 0 for a name not in the index, so
                  * that new entries are zeroed bytes */
  guint next;    /* the next name of its bucket (id + 1), or 0 */
} IndexEntry;

guint
kg_name_count_words (const char *name)
{
  guint n = 1;

  /* Most names have no space or one: strchr() skips the bytes between at
   * once. */
  for (const char *p = strchr (name, ' '); p != NULL; p = strchr (p + 1, ' '))
    n++;
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

/* Words are what lies between single spaces, as g_strsplit() cuts them. */
gsize
kg_name_initials_into (const char *name,
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
  return (kg_name_initials_into (name, FALSE, full, sizeof full) == n && strcmp (letters, full) == 0)
         || (kg_name_initials_into (name, TRUE, rest, sizeof rest) == n && n >= 2 && strcmp (letters, rest) == 0);
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

void
kg_name_index_init (KgNameIndex *index,
                    KgNameSet   *names)
{
  /* The tables come with the first name: a document builds several
   * indexes, and most stay empty. */
  *index = (KgNameIndex) { .names = names };
}

void
kg_name_index_init_exact (KgNameIndex *index,
                          KgNameSet   *names)
{
  *index = (KgNameIndex) { .names = names, .exact = TRUE };
}

void
kg_name_index_clear (KgNameIndex *index)
{
  g_clear_pointer (&index->entries, g_free);
  g_clear_pointer (&index->buckets, g_free);
  index->size = index->bucket_mask = index->n_buckets = 0;
  memset (index->slip_firsts, 0, sizeof index->slip_firsts);
  index->slip_lengths = 0;
}

/* Names by first byte and length: a slip keeps the first letter and
 * changes the length by one at most. */
static gsize
bucket_key (char  first,
            gsize length)
{
  return (gsize) (guchar) first | length << 8;
}

/* The bucket of key, or the empty slot where it would go. */
static Bucket *
bucket_slot (const KgNameIndex *index,
             gsize              key)
{
  for (guint slot = (guint) (key * 0x9e3779b1u) & index->bucket_mask;; slot = (slot + 1) & index->bucket_mask)
    if (index->buckets[slot].key == key || index->buckets[slot].key == 0)
      return &index->buckets[slot];
}

/* Doubles the buckets' slots (or makes the first sixteen). */
static void
buckets_grow (KgNameIndex *index)
{
  Bucket *old = index->buckets;
  guint old_size = old != NULL ? index->bucket_mask + 1 : 0;

  index->bucket_mask = old != NULL ? old_size * 2 - 1 : 15;
  index->buckets = g_new0 (Bucket, index->bucket_mask + 1);
  for (guint i = 0; i < old_size; i++)
    if (old[i].key != 0)
      *bucket_slot (index, old[i].key) = old[i];
  g_free (old);
}

/* Chains name id into the bucket of its first byte and length. */
static void
bucket_add (KgNameIndex *index,
            gsize        key,
            guint        id)
{
  Bucket *bucket;

  if (index->buckets == NULL || (index->n_buckets + 1) * 2 > index->bucket_mask)
    buckets_grow (index);
  bucket = bucket_slot (index, key);
  if (bucket->key == 0)
    {
      *bucket = (Bucket) { key, id + 1, id + 1 };
      index->n_buckets++;
      return;
    }
  index->entries[bucket->last - 1].next = id + 1;
  bucket->last = id + 1;
}

/* Room for the values of ids below n, the new ones none. */
static void
entries_reserve (KgNameIndex *index,
                 guint        n)
{
  guint old = index->size;

  if (n <= old)
    return;
  index->size = MAX (16, old * 2);
  while (index->size < n)
    index->size *= 2;
  index->entries = g_renew (IndexEntry, index->entries, index->size);
  memset (index->entries + old, 0, (index->size - old) * sizeof *index->entries);
}

void
kg_name_index_add (KgNameIndex *index,
                   const char  *name,
                   gssize       length,
                   gint         value)
{
  if (length < 0)
    length = strlen (name);
  if (length > 0)
    kg_name_index_add_id (index, kg_name_set_add (index->names, name, length), value);
}

void
kg_name_index_add_id (KgNameIndex *index,
                      guint        id,
                      gint         value)
{
  const char *name = kg_name_set_get (index->names, id);
  gsize length = kg_name_set_length (index->names, id);

  if (length == 0)
    return;
  /* Room for every name the set holds now, not just up to id: the ids
   * come in no order, and growing a step at a time cost a reallocation
   * every few names. */
  entries_reserve (index, MAX (id + 1, kg_name_set_size (index->names)));
  if (index->entries[id].value != 0)
    {
      gint *old = &index->entries[id].value;

      if (*old != value - KG_NAME_NONE)
        *old = KG_NAME_AMBIGUOUS - KG_NAME_NONE;
      return;
    }
  index->entries[id].value = value - KG_NAME_NONE;
  if (length >= KG_MIN_TYPO_LENGTH && !index->exact)
    {
      guchar first = name[0];

      bucket_add (index, bucket_key (name[0], length), id);
      index->slip_firsts[first / 64] |= G_GUINT64_CONSTANT (1) << (first % 64);
      index->slip_lengths |= G_GUINT64_CONSTANT (1) << MIN (length, 63);
    }
}

gint
kg_name_index_lookup (KgNameIndex *index,
                      const char  *name)
{
  return kg_name_index_lookup_id (index, kg_name_set_find (index->names, name, -1));
}

gint
kg_name_index_lookup_id (KgNameIndex *index,
                         guint        id)
{
  return id < index->size ? index->entries[id].value + KG_NAME_NONE : KG_NAME_NONE;
}

gint
kg_name_index_lookup_slip (KgNameIndex *index,
                           const char  *word,
                           const char **match)
{
  gsize n = strlen (word);
  gint found = KG_NAME_NONE;

  if (n + 1 < KG_MIN_TYPO_LENGTH || index->buckets == NULL || !kg_name_index_may_slip (index, word[0], n))
    return KG_NAME_NONE;
  for (gsize len = n - 1; len <= n + 1; len++)
    {
      const Bucket *bucket = bucket_slot (index, bucket_key (word[0], len));

      for (guint id = bucket->first; bucket->key != 0 && id != 0; id = index->entries[id - 1].next)
        {
          const char *name = kg_name_set_get (index->names, id - 1);
          gint value = index->entries[id - 1].value + KG_NAME_NONE;

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

/* A NUL-terminated copy of the n bytes of name, valid while the set is. */
static const char *
name_set_copy (KgNameSet  *set,
               const char *name,
               gsize       n)
{
  char *copy;

  if (n + 1 > set->room)
    {
      gsize size = MAX (1024, sizeof (char *) + n + 1);
      char *block = g_malloc (size);

      memcpy (block, &set->blocks, sizeof set->blocks);
      set->blocks = block;
      set->next = block + sizeof (char *);
      set->room = size - sizeof (char *);
    }
  copy = set->next;
  memcpy (copy, name, n);
  copy[n] = '\0';
  set->next += n + 1;
  set->room -= n + 1;
  return copy;
}

KgNameSet *
kg_name_set_new (void)
{
  KgNameSet *set = g_new0 (KgNameSet, 1);

  set->mask = 127;
  set->slots = g_new0 (guint, set->mask + 1);
  /* Room for as many names as the slots take before they grow: a
   * document's names, mostly, without moving them. */
  set->size = (set->mask + 1) / 2;
  set->entries = g_new (KgNameEntry, set->size);
  return set;
}

void
kg_name_set_free (KgNameSet *set)
{
  if (set == NULL)
    return;
  while (set->blocks != NULL)
    {
      char *block = set->blocks;

      memcpy (&set->blocks, block, sizeof set->blocks);
      g_free (block);
    }
  g_free (set->entries);
  g_free (set->slots);
  g_free (set);
}

#define HASH_MULT G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* Eight bytes at a time, never past the name: the last eight (or four)
 * overlap the ones before, and the length goes in first so that overlaps
 * of different lengths differ. Names are compared in full anyway. */
static guint
name_hash (const char *name,
           gsize       length)
{
  guint64 h = (length + 1) * HASH_MULT;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    h = (h ^ _kg_bytes_load (name + i)) * HASH_MULT;
  if (length >= 8 && i < length)
    h = (h ^ _kg_bytes_load (name + length - 8)) * HASH_MULT;
  else if (length >= 4 && length < 8)
    {
      guint32 head, tail;

      memcpy (&head, name, 4);
      memcpy (&tail, name + length - 4, 4);
      h = (h ^ ((guint64) tail << 32 | head)) * HASH_MULT;
    }
  else if (length > 0 && length < 4)
    h = (h ^ ((guchar) name[0] | (guchar) name[length / 2] << 8 | (guchar) name[length - 1] << 16)) * HASH_MULT;
  return (guint32) (h >> 32) ^ (guint32) h;
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
      const KgNameEntry *entry;

      if (id == 0)
        return slot;
      entry = &set->entries[id - 1];
      /* No name holds a NUL: equal lengths and bytes are equal names. */
      if (entry->hash == hash && entry->length == length && memcmp (entry->name, name, length) == 0)
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
  for (guint id = 0; id < set->n; id++)
    {
      guint slot = set->entries[id].hash & set->mask;

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
  if (set->n == set->size)
    {
      set->size = MAX (16, set->size * 2);
      set->entries = g_renew (KgNameEntry, set->entries, set->size);
    }
  set->entries[set->n++] = (KgNameEntry) { name_set_copy (set, name, n), hash, n };
  set->slots[slot] = set->n;
  if (set->n * 2 > set->mask)
    name_set_grow (set);
  return set->n - 1;
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
