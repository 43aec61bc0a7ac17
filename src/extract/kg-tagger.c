/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-tagger-private.h"

/*
 * The entity tagger: the averaged perceptron trained by newsgraph-train,
 * mapped from data/extract/tagger.model, decoded with Viterbi one sentence
 * at a time. Word features are summed once per distinct word of a document
 * (news repeats its words), which is what makes tagging fast.
 */

struct _KgTagger
{
  GMappedFile         *file;
  const KgModelHeader *header;
  const gint16        *table;
  guint32              mask;
  float                unscale;
  KgLexicon           *lexicon;
};

/* One distinct word of a document and its summed word features. */
typedef struct
{
  const char *text;
  guint       length;
  guint32     lower;
  guint32     sshape;
  guint8      cap;
  float       scores[KG_N_OFFSETS][KG_N_LABELS];
} WordEntry;

typedef struct
{
  GArray  *entries;     /* WordEntry */
  guint32 *slots;       /* entry index + 1, or 0 */
  guint    mask;
} WordCache;

void
_kg_tagger_free (KgTagger *tagger)
{
  if (tagger == NULL)
    return;
  g_clear_pointer (&tagger->file, g_mapped_file_unref);
  _kg_lexicon_free (tagger->lexicon);
  g_free (tagger);
}

KgTagger *
_kg_tagger_load (const char  *path,
                 GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  const KgModelHeader *header;
  gsize size;
  KgTagger *tagger;

  if (file == NULL)
    return NULL;
  size = g_mapped_file_get_length (file);
  header = (const KgModelHeader *) g_mapped_file_get_contents (file);
  if (size < sizeof (KgModelHeader) || memcmp (header->magic, KG_MODEL_MAGIC, 8) != 0 ||
      header->n_labels != KG_N_LABELS || header->hash_bits < 8 || header->hash_bits > 28 ||
      size != sizeof (KgModelHeader) + ((gsize) KG_N_LABELS << header->hash_bits) * sizeof (gint16))
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
  tagger->file = g_steal_pointer (&file);
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

static inline void
add_row (const KgTagger *tagger,
         guint32         feature,
         float          *out)
{
  const gint16 *row = tagger->table + (gsize) (feature & tagger->mask) * KG_N_LABELS;
  for (int l = 0; l < KG_N_LABELS; l++)
    out[l] += row[l] * tagger->unscale;
}

static void
fill_entry (const KgTagger *tagger,
            WordEntry      *entry)
{
  guint32 feats[KG_MAX_WORD_FEATURES];

  _kg_word_keys (entry->text, entry->length, &entry->lower, &entry->sshape, &entry->cap);
  memset (entry->scores, 0, sizeof entry->scores);
  for (int k = -KG_WINDOW; k <= KG_WINDOW; k++)
    {
      guint n = _kg_word_features (tagger->lexicon, entry->text, entry->length, k, feats);
      for (guint f = 0; f < n; f++)
        add_row (tagger, feats[f], entry->scores[k + KG_WINDOW]);
    }
}

static guint32
hash_word (const char *text,
           guint       length)
{
  guint32 h = 2166136261u;
  for (guint i = 0; i < length; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  return h;
}

static void
cache_grow (WordCache *cache)
{
  guint size = (cache->mask + 1) * 2;

  g_free (cache->slots);
  cache->slots = g_new0 (guint32, size);
  cache->mask = size - 1;
  for (guint e = 0; e < cache->entries->len; e++)
    {
      WordEntry *entry = &g_array_index (cache->entries, WordEntry, e);
      guint32 slot = hash_word (entry->text, entry->length) & cache->mask;
      while (cache->slots[slot] != 0)
        slot = (slot + 1) & cache->mask;
      cache->slots[slot] = e + 1;
    }
}

static guint
cache_lookup (const KgTagger *tagger,
              WordCache      *cache,
              const char     *text,
              guint           length)
{
  guint32 slot = hash_word (text, length) & cache->mask;
  WordEntry entry;

  for (;; slot = (slot + 1) & cache->mask)
    {
      guint32 e = cache->slots[slot];
      WordEntry *old;

      if (e == 0)
        break;
      old = &g_array_index (cache->entries, WordEntry, e - 1);
      if (old->length == length && memcmp (old->text, text, length) == 0)
        return e - 1;
    }
  entry.text = text;
  entry.length = length;
  fill_entry (tagger, &entry);
  g_array_append_val (cache->entries, entry);
  cache->slots[slot] = cache->entries->len;
  if (cache->entries->len * 2 > cache->mask)
    cache_grow (cache);
  return cache->entries->len - 1;
}

void
_kg_tag_classes (KgAnalysis     *analysis,
                 const KgTagger *tagger,
                 guint8         *labels)
{
  guint n_tokens = analysis->tokens->len;
  guint n_sent = analysis->sentences->len;
  g_autofree KgTagToken *tokens = g_new (KgTagToken, n_tokens);
  g_autofree guint *word = g_new (guint, n_tokens);
  g_autofree guint8 *lex_span = g_new0 (guint8, n_tokens);
  g_autofree guint8 *doc_flags = g_new0 (guint8, n_tokens);
  g_autofree guint32 *lower = g_new (guint32, n_tokens);
  g_autofree guint32 *sshape = g_new (guint32, n_tokens);
  g_autofree guint8 *cap = g_new (guint8, n_tokens);
  g_autofree KgTagSentence *sentences = g_new0 (KgTagSentence, n_sent);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (WordEntry), 1024);
  WordCache cache = { entries, g_new0 (guint32, 2048), 2047 };
  guint bos, eos;
  gsize max_len = 0;
  g_autofree float *em = NULL;

  for (guint t = 0; t < n_tokens; t++)
    {
      const KgToken *token = &g_array_index (analysis->tokens, KgToken, t);
      const WordEntry *entry;

      tokens[t].text = analysis->text + token->start;
      tokens[t].length = token->end - token->start;
      word[t] = cache_lookup (tagger, &cache, tokens[t].text, tokens[t].length);
      entry = &g_array_index (entries, WordEntry, word[t]);
      lower[t] = entry->lower;
      sshape[t] = entry->sshape;
      cap[t] = entry->cap;
    }
  bos = cache_lookup (tagger, &cache, _kg_boundary_word (-1), strlen (_kg_boundary_word (-1)));
  eos = cache_lookup (tagger, &cache, _kg_boundary_word (1), strlen (_kg_boundary_word (1)));
  for (guint s = 0; s < n_sent; s++)
    {
      const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
      guint f = sent->first_token;
      KgTagSentence ts = { tokens + f, sent->end_token - f, FALSE, lex_span + f, doc_flags + f,
                           lower + f, sshape + f, cap + f };

      ts.all_caps = _kg_is_all_caps_sentence (ts.tokens, ts.n);
      _kg_lexicon_mark_spans (tagger->lexicon, &ts);
      sentences[s] = ts;
      max_len = MAX (max_len, ts.n);
    }
  _kg_doc_flags (sentences, n_sent);
  em = g_new (float, max_len * KG_N_LABELS + 1);
  for (guint s = 0; s < n_sent; s++)
    {
      const KgTagSentence *ts = &sentences[s];
      guint f = g_array_index (analysis->sentences, KgSentence, s).first_token;

      for (guint i = 0; i < ts->n; i++)
        {
          float *out = em + i * KG_N_LABELS;
          guint32 feats[KG_MAX_POS_FEATURES];
          guint n;

          memset (out, 0, sizeof (float) * KG_N_LABELS);
          for (int k = -KG_WINDOW; k <= KG_WINDOW; k++)
            {
              int j = (int) i + k;
              guint e = j < 0 ? bos : j >= (int) ts->n ? eos : word[f + j];
              const float *v = g_array_index (entries, WordEntry, e).scores[k + KG_WINDOW];
              for (int l = 0; l < KG_N_LABELS; l++)
                out[l] += v[l];
            }
          n = _kg_position_features (ts, i, feats);
          for (guint p = 0; p < n; p++)
            add_row (tagger, feats[p], out);
        }
      _kg_viterbi (&tagger->header->transitions[0][0], em, ts->n, labels + f);
    }
  g_free (cache.slots);
}

const KgLexicon *
_kg_tagger_lexicon (const KgTagger *tagger)
{
  return tagger->lexicon;
}
