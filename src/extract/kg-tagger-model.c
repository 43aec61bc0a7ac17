/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-tagger-model.h"

/*
 * The tagger's model, mapped from data/extract/tagger.model, and the word
 * caches: word features are summed once per distinct word (news repeats its
 * words), the model holds the sums of its training vocabulary, and each
 * thread keeps those of the other words it met, from one document to the
 * next.
 */


static void
word_cache_clear (KgWordCache *cache)
{
  g_clear_pointer (&cache->entries, g_array_unref);
  g_clear_pointer (&cache->texts, g_ptr_array_unref);
  g_clear_pointer (&cache->strings, g_string_chunk_free);
  g_clear_pointer (&cache->slots, g_free);
}

static void
word_cache_free (KgWordCache *cache)
{
  word_cache_clear (cache);
  g_free (cache);
}

static GPrivate word_cache_key = G_PRIVATE_INIT ((GDestroyNotify) word_cache_free);

/* This thread's cache for tagger, emptied when it was another's. */
KgWordCache *
_kg_word_cache_get (const KgTagger *tagger)
{
  KgWordCache *cache = g_private_get (&word_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (KgWordCache, 1);
      g_private_set (&word_cache_key, cache);
    }
  if (cache->entries != NULL && cache->serial == tagger->serial)
    return cache;
  word_cache_clear (cache);
  cache->entries = g_array_sized_new (FALSE, FALSE, sizeof (KgVocabEntry), 128);
  cache->texts = g_ptr_array_sized_new (128);
  cache->strings = g_string_chunk_new (4096);
  cache->slots = g_new0 (guint32, 256);
  cache->mask = 255;
  cache->serial = tagger->serial;
  return cache;
}

void
_kg_tagger_free (KgTagger *tagger)
{
  if (tagger == NULL)
    return;
  g_clear_pointer (&tagger->file, g_mapped_file_unref);
  _kg_lexicon_free (tagger->lexicon);
  g_free (tagger);
}

static gboolean
model_is_valid (const KgModelHeader *header,
                gsize                size)
{
  gsize table, need;
  const KgVocabEntry *vocab;

  if (size < sizeof (KgModelHeader) || memcmp (header->magic, KG_MODEL_MAGIC, 8) != 0 ||
      header->n_labels != KG_N_LABELS || header->hash_bits < 8 || header->hash_bits > 28 ||
      header->n_vocab > (1u << 26) || header->vocab_slots > (1u << 28) ||
      (header->vocab_slots & (header->vocab_slots - 1)) != 0 || header->vocab_slots <= header->n_vocab)
    return FALSE;
  table = ((gsize) KG_N_LABELS << header->hash_bits) * sizeof (gint16);
  need = sizeof (KgModelHeader) + table + header->n_vocab * sizeof (KgVocabEntry) +
         header->vocab_slots * sizeof (guint32) + header->strings_size;
  if (size != need)
    return FALSE;
  vocab = (const KgVocabEntry *) ((const char *) (header + 1) + table);
  for (guint i = 0; i < header->n_vocab; i++)
    if (vocab[i].text_offset > header->strings_size ||
        vocab[i].length > header->strings_size - vocab[i].text_offset)
      return FALSE;
  return TRUE;
}

static gint n_loaded;

KgTagger *
_kg_tagger_load (const char  *path,
                 GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  const KgModelHeader *header;
  KgTagger *tagger;

  if (file == NULL)
    return NULL;
  header = (const KgModelHeader *) g_mapped_file_get_contents (file);
  if (!model_is_valid (header, g_mapped_file_get_length (file)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: not a tagger model of this version (rebuild it with tools/train-tagger)", path);
      return NULL;
    }
  tagger = g_new0 (KgTagger, 1);
  tagger->lexicon = _kg_lexicon_load (error);
  if (tagger->lexicon == NULL)
    {
      g_free (tagger);
      return NULL;
    }
  tagger->header = header;
  tagger->table = (const gint16 *) (header + 1);
  tagger->mask = ((guint32) 1 << header->hash_bits) - 1;
  tagger->unscale = 1.0f / header->scale;
  tagger->vocab = (const KgVocabEntry *) (tagger->table + ((gsize) KG_N_LABELS << header->hash_bits));
  tagger->slots = (const guint32 *) (tagger->vocab + header->n_vocab);
  tagger->slot_mask = header->vocab_slots - 1;
  tagger->n_vocab = header->n_vocab;
  tagger->strings = (const char *) (tagger->slots + header->vocab_slots);
  _kg_mask_transitions (&header->transitions[0][0], tagger->transitions);
  tagger->file = g_steal_pointer (&file);
  tagger->serial = (guint) g_atomic_int_add (&n_loaded, 1) + 1;
  tagger->common_i = (_kg_lexicon_word_classes (tagger->lexicon, "I", 1) & (1u << KG_LEX_COMMON)) != 0;
  return tagger;
}

const KgTagger *
kg_tagger_get_default (GError **error)
{
  static KgTagger *tagger;
  G_LOCK_DEFINE_STATIC (tagger);
  KgTagger *result;

  G_LOCK (tagger);
  if (tagger == NULL)
    {
      g_autofree char *path = kg_find_data_file ("extract/tagger.model");
      tagger = _kg_tagger_load (path, error);
    }
  result = tagger;
  G_UNLOCK (tagger);
  return result;
}

static void
cache_grow (KgWordCache *cache)
{
  guint size = (cache->mask + 1) * 2;

  g_free (cache->slots);
  cache->slots = g_new0 (guint32, size);
  cache->mask = size - 1;
  for (guint e = 0; e < cache->entries->len; e++)
    {
      const KgVocabEntry *entry = &g_array_index (cache->entries, KgVocabEntry, e);
      guint32 slot = _kg_hash_word (g_ptr_array_index (cache->texts, e), entry->length) & cache->mask;
      while (cache->slots[slot] != 0)
        slot = (slot + 1) & cache->mask;
      cache->slots[slot] = e + 1;
    }
}

guint32
_kg_word_id_cached (const KgTagger *tagger,
                    KgWordCache    *cache,
                    const char     *text,
                    guint           length,
                    guint32         hash,
                    gboolean        center)
{
  guint offsets = center ? KG_ALL_OFFSETS : KG_ALL_OFFSETS & ~(1u << KG_WINDOW);
  guint32 slot = hash & cache->mask;
  KgVocabEntry entry;

  for (;; slot = (slot + 1) & cache->mask)
    {
      guint32 e = cache->slots[slot];
      if (e == 0)
        break;
      KgVocabEntry *old = &g_array_index (cache->entries, KgVocabEntry, e - 1);
      /* The head first, as in the vocabulary: most words are no longer. */
      if (old->length == length && _kg_same_head (old->head, text, length) &&
          (length <= sizeof old->head || memcmp (g_ptr_array_index (cache->texts, e - 1), text, length) == 0))
        {
          if ((old->filled & offsets) != offsets)
            _kg_vocab_entry_fill (old, tagger->lexicon, tagger->table, tagger->mask, tagger->unscale,
                                  text, length, offsets);
          return tagger->n_vocab + e - 1;
        }
    }
  entry.filled = 0;
  _kg_vocab_entry_fill (&entry, tagger->lexicon, tagger->table, tagger->mask, tagger->unscale,
                        text, length, offsets);
  g_array_append_val (cache->entries, entry);
  g_ptr_array_add (cache->texts, g_string_chunk_insert_len (cache->strings, text, length));
  cache->slots[slot] = cache->entries->len;
  if (cache->entries->len * 2 > cache->mask)
    cache_grow (cache);
  return tagger->n_vocab + cache->entries->len - 1;
}

guint32
_kg_word_id (const KgTagger *tagger,
             KgWordCache    *cache,
             const char     *text,
             guint           length,
             gboolean        center)
{
  return _kg_word_id_hashed (tagger, cache, text, length, _kg_hash_word (text, length), center);
}

void
_kg_word_cache_trim (KgWordCache *cache)
{
  if (cache->entries->len > KG_WORD_CACHE_MAX)
    word_cache_clear (cache);
}

const KgLexicon *
_kg_tagger_lexicon (const KgTagger *tagger)
{
  return tagger->lexicon;
}
