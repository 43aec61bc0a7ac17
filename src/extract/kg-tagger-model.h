/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-tagger-private.h"

G_BEGIN_DECLS

/*
 * The tagger's model as kg-tagger-model.c maps it, and the summed word
 * features of the words it met (kg-tagger.c decodes with both).
 */

struct _KgTagger
{
  GMappedFile         *file;
  const KgModelHeader *header;
  const gint16        *table;
  guint32              mask;
  float                unscale;
  const KgVocabEntry  *vocab;
  const guint32       *slots;
  guint32              slot_mask;
  guint32              n_vocab;   /* the header's, one load nearer */
  const char          *strings;
  KgLexicon           *lexicon;
  float                transitions[(KG_N_LABELS + 1) * KG_N_LABELS];
  guint                serial;    /* tells the word caches which model */
  gboolean             common_i;  /* "I" is on the common words' list */
};

/* Words missing from the model's vocabulary, per thread: what a word's
 * entry holds depends only on the word and the model. */
typedef struct
{
  GArray       *entries;   /* KgVocabEntry */
  GPtrArray    *texts;     /* const char*, in strings */
  GStringChunk *strings;
  guint32      *slots;     /* entry index + 1, or 0 */
  guint32       mask;
  guint         serial;    /* of the tagger the entries come from */
} KgWordCache;

/* Past this many words a cache starts again after a document, so that it
 * stays a few megabytes. */
#define KG_WORD_CACHE_MAX 16384

/* This thread's cache for tagger, emptied when it was another's. */
KgWordCache *_kg_word_cache_get   (const KgTagger *tagger);
/* Empties the cache when it holds more than KG_WORD_CACHE_MAX words. */
void         _kg_word_cache_trim  (KgWordCache    *cache);
/* _kg_word_id_hashed() for a word missing from the vocabulary. */
guint32      _kg_word_id_cached   (const KgTagger *tagger,
                                   KgWordCache    *cache,
                                   const char     *text,
                                   guint           length,
                                   guint32         hash,
                                   gboolean        center);

/* Whether the first MIN (length, 12) bytes of text are those of head:
 * compared in a few loads of four or eight bytes, overlapping, which only
 * read bytes of both (memcmp with a length not known in advance is a
 * call). */
static inline gboolean
_kg_same_head (const char *head,
               const char *text,
               guint       length)
{
  G_STATIC_ASSERT (sizeof ((KgVocabEntry *) NULL)->head == 12);
  if (length >= 8)
    {
      guint tail = MIN (length, 12) - 4;

      return memcmp (head, text, 8) == 0 && memcmp (head + tail, text + tail, 4) == 0;
    }
  if (length >= 4)
    return memcmp (head, text, 4) == 0 && memcmp (head + length - 4, text + length - 4, 4) == 0;
  for (guint k = 0; k < length; k++)
    if (head[k] != text[k])
      return FALSE;
  return TRUE;
}

/* The word's index in the vocabulary, or -1. Inline, as the vocabulary
 * holds most words and the tagger asks for every needed token's. */
static inline gint32
_kg_vocab_lookup (const KgTagger *tagger,
                  const char     *text,
                  guint           length,
                  guint32         hash)
{
  for (guint32 slot = hash & tagger->slot_mask; ; slot = (slot + 1) & tagger->slot_mask)
    {
      guint32 e = tagger->slots[slot];
      const KgVocabEntry *entry;

      if (e == 0)
        return -1;
      entry = &tagger->vocab[e - 1];
      /* The head saves a visit to the strings for most words. */
      if (entry->length == length &&
          _kg_same_head (entry->head, text, length) &&
          (length <= sizeof entry->head ||
           memcmp (tagger->strings + entry->text_offset, text, length) == 0))
        return e - 1;
    }
}

/* The word's id: an index into the vocabulary, or past it into the cache.
 * A word missing from the vocabulary gets the scores of its own position
 * only when it is decoded (center), not when it is just a neighbour. */
static inline guint32
_kg_word_id_hashed (const KgTagger *tagger,
                    KgWordCache    *cache,
                    const char     *text,
                    guint           length,
                    guint32         hash,
                    gboolean        center)
{
  gint32 v = _kg_vocab_lookup (tagger, text, length, hash);

  return v >= 0 ? (guint32) v : _kg_word_id_cached (tagger, cache, text, length, hash, center);
}
guint32      _kg_word_id          (const KgTagger *tagger,
                                   KgWordCache    *cache,
                                   const char     *text,
                                   guint           length,
                                   gboolean        center);

static inline const KgVocabEntry *
_kg_word_entry (const KgTagger    *tagger,
                const KgWordCache *cache,
                guint32            id)
{
  if (id < tagger->n_vocab)
    return &tagger->vocab[id];
  return &g_array_index (cache->entries, KgVocabEntry, id - tagger->n_vocab);
}

/* Labels the decoded tokens (TF_ACTIVE in tf) of a sentence, whose
 * needed tokens (the decoded ones and their neighbours, in order) have
 * entries: emission scores into em (KG_N_LABELS a token), then Viterbi
 * over each stretch (kg-tagger-decode.c). Labels of the others are left.
 * entry has room for one more at either end, where bos and eos go. */
void         _kg_decode_sentence  (const KgTagger      *tagger,
                                   const KgTagSentence *ts,
                                   const KgVocabEntry **entry,
                                   const guint8        *tf,
                                   const guint         *needed,
                                   guint                n_needed,
                                   const KgVocabEntry  *bos,
                                   const KgVocabEntry  *eos,
                                   float               *em,
                                   guint8              *labels);

G_END_DECLS
