/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-bytes.h"
#include "kg-tagger-model.h"
#include "kg-words.h"

/*
 * The entity tagger: the averaged perceptron trained by newsgraph-train,
 * mapped from data/extract/tagger.model, decoded with Viterbi one sentence
 * at a time. Word features are summed once per distinct word (news repeats
 * its words), which is what makes tagging fast: the model holds the sums of
 * its training vocabulary, and each thread keeps those of the other words it
 * met, from one document to the next. A sentence's scores and Viterbi are in
 * kg-tagger-decode.c.
 */

/* The arrays of a document, or of its longest sentence, are carved out of
 * one block: they are allocated and freed together, and a g_malloc each
 * cost as much as the small ones' use. Each starts 16-byte aligned. */
#define BLOCK_ALIGN(size) (((size) + 15) & ~(gsize) 15)

/* An array of the block: where its address goes, and its size in bytes. */
typedef struct
{
  gpointer *array;
  gsize     size;
} BlockPart;

/* One block for all the parts, each size written once (here). */
static char *
block_alloc (const BlockPart *parts,
             guint            n_parts)
{
  gsize total = 0;
  char *block, *at;

  for (guint i = 0; i < n_parts; i++)
    total += BLOCK_ALIGN (parts[i].size);
  at = block = g_malloc (total);
  for (guint i = 0; i < n_parts; i++)
    {
      *parts[i].array = at;
      at += BLOCK_ALIGN (parts[i].size);
    }
  return block;
}

/* Per-token arrays for the whole document: a few bytes a token, since a
 * document may be large. */
typedef struct
{
  char    *block;       /* holds them all */
  guint32 *id;          /* word id, for TF_NEEDED tokens */
  guint8  *tf;
  guint16 *shape;       /* _kg_shape_key, for _kg_lower_candidates */
  guint8  *lex_span;    /* read only where has_spans */
  guint8  *has_spans;   /* per sentence: a lexicon span was looked for */
  guint8  *all_caps;    /* per sentence */
  guint   *needed;      /* the TF_NEEDED tokens, in order, from their
                         * sentence's first */
  guint   *needed_end;  /* per sentence: the end of its needed tokens */
  guint    n_needed;
  guint    n_active;    /* tokens decoded */
} DocArrays;

/* The flags and shapes start as the tokenizer's, which the tagger changes. */
static void
doc_arrays_init (DocArrays        *d,
                 const KgAnalysis *analysis)
{
  guint n = analysis->tokens->len, n_sentences = analysis->sentences->len;
  const BlockPart parts[] = {
    { (gpointer *) &d->id, n * sizeof (guint32) },
    { (gpointer *) &d->tf, n + 8 },   /* eight bytes to spare, for flags8 */
    { (gpointer *) &d->shape, n * sizeof (guint16) },
    { (gpointer *) &d->lex_span, n },
    { (gpointer *) &d->has_spans, n_sentences },
    { (gpointer *) &d->all_caps, n_sentences },
    { (gpointer *) &d->needed, n * sizeof (guint) },
    { (gpointer *) &d->needed_end, n_sentences * sizeof (guint) },
  };

  d->block = block_alloc (parts, G_N_ELEMENTS (parts));
  memcpy (d->tf, analysis->token_case, n);
  memset (d->tf + n, 0, 8);
  memcpy (d->shape, analysis->token_shapes, n * sizeof (guint16));
  memset (d->has_spans, 0, n_sentences);
  memset (d->all_caps, 0, n_sentences);
  d->n_needed = 0;
  d->n_active = 0;
}

static void
doc_arrays_clear (DocArrays *d)
{
  g_free (d->block);
}

/* Per-sentence keys, refilled for each sentence. */
typedef struct
{
  char       *block;     /* holds them all */
  KgTagToken *tokens;
  guint32    *lower;
  guint32    *sshape;
  guint      *starts;    /* where lexicon spans may start */
  guint8     *doc_flags; /* KG_DOC_*, of the decoded tokens */
  guint32    *hash;      /* per needed token */
  const KgVocabEntry **entry; /* per needed token, while decoding */
} Scratch;

static void
sentence_tokens (const KgAnalysis *analysis,
                 const KgSentence *sentence,
                 KgTagToken       *out)
{
  for (guint t = sentence->first_token; t < sentence->end_token; t++)
    {
      const KgToken *token = &g_array_index (analysis->tokens, KgToken, t);
      out[t - sentence->first_token].text = analysis->text + token->start;
      out[t - sentence->first_token].length = token->end - token->start;
    }
}

/* sentence_tokens() for the tokens at the offsets in which from first. */
static void
some_tokens (const KgAnalysis *analysis,
             guint             first,
             const guint      *which,
             guint             n,
             KgTagToken       *out)
{
  const KgToken *tokens = (const KgToken *) analysis->tokens->data;

  for (guint k = 0; k < n; k++)
    {
      const KgToken *token = &tokens[first + which[k]];
      out[which[k]].text = analysis->text + token->start;
      out[which[k]].length = token->end - token->start;
    }
}

/* Decodes only the stretches that can hold a name: capitalised tokens,
 * short gaps between them ("Bank of England") and all of a headline in
 * capitals. Everything else is O at no cost, which is most of a text. The
 * tokens around a decoded one are needed too, as its features' neighbours. */
/* TF_COMMON for "I" (when the lexicon has it), else 0. */
static inline guint8
common_i (const char *text,
          gsize       length,
          guint8      tf)
{
  return length == 1 && text[0] == 'I' && (tf & TF_UPPER) ? TF_COMMON : 0;
}

/* The flags of the (up to) eight tokens from i, the first in the lowest
 * byte, 0 past n: one load, as the flags (doc_arrays_init) have eight
 * bytes to spare at their end. */
static inline guint64
flags8 (const guint8 *tf,
        guint         i,
        guint         n)
{
  guint64 x = _kg_bytes_load ((const char *) tf + i);

  return n - i >= 8 ? x : x & ((G_GUINT64_CONSTANT (1) << (8 * (n - i))) - 1);
}

/* The next token (from i, the first of a block of eight) whose byte in
 * marks is not 0, taking it out of marks. */
static inline guint
next_marked (guint    i,
             guint64 *marks)
{
  guint k = i + __builtin_ctzll (*marks) / 8;

  *marks &= *marks - 1;
  return k;
}

/* Token i is decoded: so is the gap of three at most since the last one
 * decoded, and its neighbours are needed. */
static inline void
mark_token (guint8 *tf,
            guint   n,
            guint   i,
            int     last)
{
  tf[i] |= TF_ACTIVE | TF_NEEDED;
  if (i > 0)
    tf[i - 1] |= TF_NEEDED;
  if (i + 1 < n)
    tf[i + 1] |= TF_NEEDED;
  if ((int) i - last <= 3)
    for (int j = last + 1; j < (int) i; j++)
      tf[j] |= TF_ACTIVE | TF_NEEDED;
}

static void
mark_active (guint8   *tf,
             guint     n,
             gboolean  all_caps)
{
  int last = -100;

  /* Eight tokens at a time, and only the capitals (not common words) one by
   * one: the flags marked are none of those read. */
  G_STATIC_ASSERT (TF_UPPER == 1 && TF_COMMON == TF_UPPER << 5);
  for (guint block = 0; block < n; block += 8)
    {
      guint64 x = flags8 (tf, block, n);
      guint64 marks = all_caps ? KG_BYTES (1) >> (8 * (8 - MIN (n - block, 8)))
                               : x & ~(x >> 5) & KG_BYTES (TF_UPPER);

      while (marks != 0)
        {
          guint i = next_marked (block, &marks);

          mark_token (tf, n, i, last);
          last = i;
        }
    }
}

/* A word's lexicon classes: those its entry in the model's vocabulary
 * holds, as the tagger reads them for the tokens it decodes, which saves
 * lower-casing it for the lexicon; the lexicon's for the other words. */
static guint
word_classes (const KgTagger   *tagger,
              const KgTagToken *token)
{
  gint32 v = _kg_vocab_lookup (tagger, token->text, token->length, _kg_hash_word (token->text, token->length));

  return v >= 0 ? tagger->vocab[v].lex : _kg_lexicon_word_classes (tagger->lexicon, token->text, token->length);
}

/* "The", "But", "In" opening a sentence and "I" anywhere are capitalised
 * by the rules of writing, not because they name anything. mark_common_i
 * marks "I" already, unless the sentence was rewritten in capitals since
 * (rewritten). */
static void
mark_common (const KgTagger   *tagger,
             const KgTagToken *tokens,
             guint8           *tf,
             guint             n,
             gboolean          rewritten)
{
  if ((tf[0] & TF_UPPER) && (word_classes (tagger, &tokens[0]) & (1u << KG_LEX_COMMON)))
    tf[0] |= TF_COMMON;
  if (!tagger->common_i || !rewritten)
    return;
  for (guint i = 1; i < n; i++)
    tf[i] |= common_i (tokens[i].text, tokens[i].length, tf[i]);
}

/* A small map from lower-case hashes to document flags. A slot is taken
 * when its flags have FLAG_USED: only those bytes are cleared for each
 * document, not the keys. */
typedef struct
{
  guint32 *keys;
  guint8  *flags;
  guint32  mask;
} FlagMap;

#define FLAG_USED 0x80
G_STATIC_ASSERT (((KG_DOC_TITLE_MID | KG_DOC_LOWER) & FLAG_USED) == 0);

static guint8 *
flag_slot (FlagMap  *map,
           guint32   key,
           gboolean  insert)
{
  guint32 slot = (key * 0x9e3779b1u) & map->mask;

  key |= 1;
  for (;; slot = (slot + 1) & map->mask)
    {
      if (!(map->flags[slot] & FLAG_USED))
        {
          if (!insert)
            return NULL;
          map->keys[slot] = key;
          map->flags[slot] = FLAG_USED;
          return &map->flags[slot];
        }
      if (map->keys[slot] == key)
        return &map->flags[slot];
    }
}

/* The same flags as _kg_doc_flags, looking only at what decoding needs:
 * the flags of the decoded words' lower case in map, which fill_decode_keys
 * hands to each decoded token. */
static void
doc_flags (const KgTagger    *tagger,
           const KgWordCache *cache,
           const KgAnalysis  *analysis,
           const DocArrays   *d,
           FlagMap           *result)
{
  guint n = analysis->tokens->len, size = 64;
  FlagMap map;
  /* Which (first letter, length) the decoded words have, so that most lower
   * case words are passed over without hashing them. */
  KgShapeSet shapes;

  _kg_shape_set_init (&shapes);
  while (size < d->n_active * 2 + 2)
    size *= 2;
  /* One block, the keys first (aligned): the flags are cleared only. */
  map.keys = g_malloc (size * (sizeof (guint32) + 1));
  map.flags = (guint8 *) (map.keys + size);
  memset (map.flags, 0, size);
  map.mask = size - 1;
  for (guint s = 0, k = 0; s < analysis->sentences->len; s++)
    {
      const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
      /* The decoded tokens are among the needed ones. */
      for (; k < d->needed_end[s]; k++)
        if (d->tf[sent->first_token + d->needed[k]] & TF_ACTIVE)
          {
            guint t = sent->first_token + d->needed[k];
            const KgVocabEntry *entry = _kg_word_entry (tagger, cache, d->id[t]);
            const KgToken *token = &g_array_index (analysis->tokens, KgToken, t);
            guint8 *f = flag_slot (&map, entry->lower, TRUE);

            /* Words in lower case start with a letter; the others are
             * always hashed below. */
            _kg_shape_set_add (&shapes, analysis->text[token->start], token->end - token->start);
            if (entry->cap == 1 && t > sent->first_token && !d->all_caps[s])
              *f |= KG_DOC_TITLE_MID;
          }
    }
  for (guint first = 0; first < n; first += KG_LOWER_BLOCK)
    {
      guint candidates[KG_LOWER_BLOCK];
      guint n_candidates = _kg_lower_candidates (d->shape, &shapes, first, MIN (n, first + KG_LOWER_BLOCK),
                                                 candidates);

      for (guint k = 0; k < n_candidates; k++)
        {
          guint t = candidates[k];
          guint32 lower = d->tf[t] & TF_NEEDED ? _kg_word_entry (tagger, cache, d->id[t])->lower
                                               : _kg_lower_word_hash (analysis, t, d->tf[t]);
          guint8 *f;

          if ((f = flag_slot (&map, lower, FALSE)) != NULL)
            *f |= KG_DOC_LOWER;
        }
    }
  *result = map;
}

/* The keys of a sentence's needed tokens, for decoding: the others'
 * token_lex stays 0 (as _kg_tag_classes clears it) and no feature reads
 * their keys. */
static void
fill_decode_keys (const KgTagger    *tagger,
                  const KgWordCache *cache,
                  const DocArrays   *d,
                  const guint       *needed,
                  guint              n_needed,
                  guint              first,
                  FlagMap           *flags,
                  guint32           *token_lex,
                  Scratch           *scratch)
{
  for (guint k = 0; k < n_needed; k++)
    {
      guint i = needed[k], t = first + i;
      const KgVocabEntry *entry = _kg_word_entry (tagger, cache, d->id[t]);

      scratch->entry[i] = entry;
      scratch->lower[i] = entry->lower;
      scratch->sshape[i] = entry->sshape;
      /* Every decoded word's lower case is in the map. */
      if (d->tf[t] & TF_ACTIVE)
        scratch->doc_flags[i] = *flag_slot (flags, entry->lower, FALSE) & ~FLAG_USED;
      token_lex[t] = entry->lex;
    }
}

/* The capitalised tokens of n flags, and the words (capitalised or in
 * lower case): eight flags at a time, after the pass that sets them. */
static void
count_words (const guint8 *tf,
             guint         n,
             guint        *capitalised,
             guint        *words)
{
  G_STATIC_ASSERT (TF_UPPER == 1 && TF_LOWER_WORD == 2);
  *capitalised = *words = 0;
  for (guint block = 0; block < n; block += 8)
    {
      guint64 x = flags8 (tf, block, n);

      *capitalised += _kg_bytes_count (x, TF_UPPER);
      *words += _kg_bytes_count ((x | x >> 1) & KG_BYTES (TF_UPPER), TF_UPPER);
    }
}

/* Whether tokens [f, f + n) may be written in capitals, by their flags:
 * a word in lower case in ASCII holds a small letter at least, and a word
 * with a capital or a token not in ASCII at most a capital a byte (the
 * bytes of the latter into *unicode). Most sentences are settled here
 * without their text. */
static gboolean
may_be_capitals (const KgAnalysis *analysis,
                 const guint8     *tf,
                 guint             f,
                 guint             n,
                 gsize            *unicode)
{
  const KgToken *tokens = (const KgToken *) analysis->tokens->data;
  gsize lower_words = 0, upper_bytes = 0;

  G_STATIC_ASSERT (TF_UPPER == 1 && TF_UNICODE == TF_UPPER << 4 && TF_LOWER_WORD << 3 == TF_UNICODE);
  *unicode = 0;
  for (guint block = 0; block < n; block += 8)
    {
      guint64 x = flags8 (tf + f, block, n), marks = (x | x >> 4) & KG_BYTES (TF_UPPER);

      lower_words += _kg_bytes_count (x & ~(x >> 3), TF_LOWER_WORD);
      while (marks != 0)
        {
          guint t = f + next_marked (block, &marks);
          gsize length = tokens[t].end - tokens[t].start;

          if (tf[t] & TF_UNICODE)
            *unicode += length;
          else
            upper_bytes += length;
        }
    }
  return lower_words * 4 < upper_bytes + *unicode;
}

/* Whether the sentence is a headline in capitals: its letters counted. */
static gboolean
in_capitals (const KgAnalysis *analysis,
             const KgSentence *sent,
             gsize             unicode,
             Scratch          *scratch)
{
  const KgToken *tokens = (const KgToken *) analysis->tokens->data;
  guint upper = 0, lower = 0;

  for (guint t = sent->first_token; t < sent->end_token; t++)
    _kg_token_case (analysis->text + tokens[t].start, tokens[t].end - tokens[t].start,
                    analysis->length - tokens[t].start, &upper, &lower);
  /* Those tokens hold at most a capital a byte: when the small letters of
   * the others outweigh that, the sentence is not in capitals. */
  if (unicode > 0 && lower * 4 < upper + unicode)
    {
      sentence_tokens (analysis, sent, scratch->tokens);
      return _kg_is_all_caps_sentence (scratch->tokens, sent->end_token - sent->first_token);
    }
  return unicode == 0 && upper >= 2 && lower * 4 < upper;
}

/* Whether the sentence is a headline in capitals; TRUE when it may be one
 * in title case. The flags settle both for most sentences, without the
 * tokens' text. */
static gboolean
classify_sentence (const KgAnalysis *analysis,
                   DocArrays        *d,
                   guint             s,
                   Scratch          *scratch)
{
  const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
  guint f = sent->first_token, n = sent->end_token - f;
  guint capitalised, words;
  gsize unicode;

  d->all_caps[s] = may_be_capitals (analysis, d->tf, f, n, &unicode) && in_capitals (analysis, sent, unicode, scratch);
  /* Title case wants two thirds of the words capitalised, whatever the
   * others are. */
  if (d->all_caps[s] || n < 4)
    return FALSE;
  count_words (d->tf + f, n, &capitalised, &words);
  if (capitalised < 4 || capitalised * 3 < words * 2)
    return FALSE;
  sentence_tokens (analysis, sent, scratch->tokens);
  return _kg_is_title_case (scratch->tokens, d->tf + f, n);
}

/* "I" past a sentence's first word is capitalised by the rules of writing
 * (when the lexicon has it): found among the capitalised tokens. */
static void
mark_common_i (const KgAnalysis *analysis,
               guint8           *tf)
{
  const GArray *capitalised = kg_capitalised_tokens ((KgAnalysis *) analysis);
  const KgToken *tokens = (const KgToken *) analysis->tokens->data;

  for (guint k = 0; k < capitalised->len; k++)
    {
      guint t = g_array_index (capitalised, guint, k);
      guint8 common = common_i (analysis->text + tokens[t].start, tokens[t].end - tokens[t].start, tf[t]);

      /* The word first, which rules out most tokens without their
       * sentence. */
      if (common != 0 && t > g_array_index (analysis->sentences, KgSentence, tokens[t].sentence).first_token)
        tf[t] |= common;
    }
}

/* The shape keys of a sentence rewritten in capitals: from its new flags
 * and its text as written, as the document flags look at it. */
static void
reshape (const KgAnalysis *analysis,
         DocArrays        *d,
         guint             first,
         guint             n)
{
  const KgToken *tokens = (const KgToken *) analysis->tokens->data;

  for (guint t = first; t < first + n; t++)
    d->shape[t] = _kg_shape_key (analysis->text + tokens[t].start, tokens[t].end - tokens[t].start, d->tf[t]);
}

/* Word ids and lexicon spans of one sentence. */
static void
prepare_sentence (const KgAnalysis *analysis,
                  const KgTagger   *tagger,
                  KgWordCache      *cache,
                  DocArrays        *d,
                  guint             s,
                  Scratch          *scratch,
                  GStringChunk    **chunk,
                  gboolean          candidate,
                  KgLowerWords     *lower)
{
  const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
  guint f = sent->first_token, n = sent->end_token - f;
  guint *needed = d->needed + d->n_needed, n_needed = 0, n_active = 0;
  const guint8 *tf = d->tf + f;
  guint n_starts = 0;
  gboolean rewritten = FALSE;
  /* Most sentences want the text of their first token and of the needed
   * ones only: the others' is read when the lexicon's spans are. */
  gboolean all_tokens = lower != NULL && candidate;

  if (all_tokens)
    sentence_tokens (analysis, sent, scratch->tokens);
  else
    some_tokens (analysis, f, &(guint) { 0 }, 1, scratch->tokens);
  if (all_tokens && _kg_headline_words (scratch->tokens, d->tf + f, n, lower))
    {
      /* Made for the first headline rewritten, as most documents have
       * none. */
      if (*chunk == NULL)
        *chunk = g_string_chunk_new (256);
      _kg_to_capitals (scratch->tokens, d->tf + f, n, *chunk);
      d->all_caps[s] = rewritten = TRUE;
      reshape (analysis, d, f, n);
    }
  mark_common (tagger, scratch->tokens, d->tf + f, n, rewritten);
  mark_active (d->tf + f, n, d->all_caps[s]);
  /* Eight tokens at a time, the needed ones (the decoded among them)
   * taken one by one. */
  for (guint block = 0; block < n; block += 8)
    {
      guint64 x = flags8 (tf, block, n), marks = x & KG_BYTES (TF_NEEDED);

      n_active += _kg_bytes_count (x, TF_ACTIVE);
      while (marks != 0)
        needed[n_needed++] = next_marked (block, &marks);
    }
  d->n_active += n_active;
  d->n_needed += n_needed;
  d->needed_end[s] = d->n_needed;
  if (!all_tokens)
    some_tokens (analysis, f, needed, n_needed, scratch->tokens);
  /* Hash every word first and ask for its slots (in the model and in the
   * cache of the other words), then for its entry, so that the look-ups of
   * a sentence wait on memory together. */
  for (guint k = 0; k < n_needed; k++)
    {
      const KgTagToken *token = &scratch->tokens[needed[k]];

      scratch->hash[k] = _kg_hash_word (token->text, token->length);
      __builtin_prefetch (&tagger->slots[scratch->hash[k] & tagger->slot_mask]);
      __builtin_prefetch (&cache->slots[scratch->hash[k] & cache->mask]);
    }
  for (guint k = 0; k < n_needed; k++)
    {
      guint32 e = tagger->slots[scratch->hash[k] & tagger->slot_mask], c;

      if (e != 0)
        __builtin_prefetch (&tagger->vocab[e - 1]);
      else if ((c = cache->slots[scratch->hash[k] & cache->mask]) != 0)
        __builtin_prefetch (&g_array_index (cache->entries, KgVocabEntry, c - 1));
    }
  for (guint k = 0; k < n_needed; k++)
    {
      guint t = f + needed[k];
      const KgVocabEntry *entry;

      d->id[t] = _kg_word_id_hashed (tagger, cache, scratch->tokens[needed[k]].text, scratch->tokens[needed[k]].length,
                                 scratch->hash[k], (d->tf[t] & TF_ACTIVE) != 0);
      /* Spans start at a capitalised word that may open a lexicon entry:
       * a needed one, as the others are not capitalised or common. */
      entry = _kg_word_entry (tagger, cache, d->id[t]);
      if (entry->cap == 1 && (entry->lex & KG_LEX_STARTS_PHRASE))
        scratch->starts[n_starts++] = needed[k];
    }
  /* The spans are not read otherwise (has_spans). */
  if (n_starts > 0)
    {
      KgTagSentence ts = { scratch->tokens, n, d->all_caps[s], d->lex_span + f };

      if (!all_tokens)
        sentence_tokens (analysis, sent, scratch->tokens);
      _kg_lexicon_mark_spans_from (tagger->lexicon, &ts, scratch->starts, n_starts);
      d->has_spans[s] = TRUE;
    }
}

/* Room for the longest sentence, and em for its scores. */
static void
scratch_init (Scratch  *scratch,
              gsize     max_len,
              float   **em)
{
  const BlockPart parts[] = {
    { (gpointer *) &scratch->tokens, max_len * sizeof (KgTagToken) },
    { (gpointer *) &scratch->lower, max_len * sizeof (guint32) },
    { (gpointer *) &scratch->sshape, max_len * sizeof (guint32) },
    { (gpointer *) &scratch->starts, max_len * sizeof (guint) },
    { (gpointer *) &scratch->hash, max_len * sizeof (guint32) },
    /* and the boundaries' on either side: entry[-1] and entry[max_len] */
    { (gpointer *) &scratch->entry, (max_len + 2) * sizeof (const KgVocabEntry *) },
    { (gpointer *) &scratch->doc_flags, max_len },
    { (gpointer *) em, max_len * KG_N_LABELS * sizeof (float) },
  };

  scratch->block = block_alloc (parts, G_N_ELEMENTS (parts));
  scratch->entry++;
}

void
_kg_tag_classes (KgAnalysis     *analysis,
                 const KgTagger *tagger,
                 guint8         *labels,
                 guint32        *token_lex)
{
  guint n_tokens = analysis->tokens->len;
  guint n_sent = analysis->sentences->len;
  KgWordCache *cache = _kg_word_cache_get (tagger);
  float *em;
  Scratch scratch;
  DocArrays d;
  FlagMap flags;
  /* Holds the capitalised words of headlines while they are tagged. */
  g_autoptr(GStringChunk) chunk = NULL;
  KgLowerWords *lower = NULL;
  g_autofree guint8 *candidate = g_new0 (guint8, n_sent + 1);
  gboolean maybe_title = FALSE;
  guint32 bos, eos;
  const KgVocabEntry *bos_entry, *eos_entry;
  gsize max_len = 1;

  for (guint s = 0; s < n_sent; s++)
    max_len = MAX (max_len, g_array_index (analysis->sentences, KgSentence, s).end_token -
                            g_array_index (analysis->sentences, KgSentence, s).first_token);
  scratch_init (&scratch, max_len, &em);
  doc_arrays_init (&d, analysis);
  /* Only the tokens that may be part of a name get theirs. */
  memset (token_lex, 0, n_tokens * sizeof *token_lex);
  if (tagger->common_i)
    mark_common_i (analysis, d.tf);
  for (guint s = 0; s < n_sent; s++)
    maybe_title |= candidate[s] = classify_sentence (analysis, &d, s, &scratch);
  if (maybe_title)
    lower = _kg_lower_case_words (analysis, d.shape, d.tf, candidate);
  for (guint s = 0; s < n_sent; s++)
    prepare_sentence (analysis, tagger, cache, &d, s, &scratch, &chunk, candidate[s], lower);
  bos = _kg_word_id (tagger, cache, _kg_boundary_word (-1), strlen (_kg_boundary_word (-1)), FALSE);
  eos = _kg_word_id (tagger, cache, _kg_boundary_word (1), strlen (_kg_boundary_word (1)), FALSE);
  /* No word is added from here on: the entries stay where they are. */
  bos_entry = _kg_word_entry (tagger, cache, bos);
  eos_entry = _kg_word_entry (tagger, cache, eos);
  doc_flags (tagger, cache, analysis, &d, &flags);
  /* Once for the document, not a sentence at a time: most tokens are
   * never decoded. */
  memset (labels, KG_LABEL_O, n_tokens);
  for (guint s = 0; s < n_sent; s++)
    {
      const KgSentence *sent = &g_array_index (analysis->sentences, KgSentence, s);
      guint f = sent->first_token, from = s > 0 ? d.needed_end[s - 1] : 0;
      KgTagSentence ts;

      /* Nothing decoded: its labels stay O. */
      if (d.needed_end[s] == from)
        continue;
      /* No spans to read for most sentences. */
      ts = (KgTagSentence) { NULL, sent->end_token - f, d.all_caps[s], d.has_spans[s] ? d.lex_span + f : NULL,
                             scratch.doc_flags, scratch.lower, scratch.sshape };
      fill_decode_keys (tagger, cache, &d, d.needed + from, d.needed_end[s] - from, f, &flags, token_lex,
                        &scratch);
      _kg_decode_sentence (tagger, &ts, scratch.entry, d.tf + f, d.needed + from, d.needed_end[s] - from, bos_entry,
                       eos_entry, em, labels + f);
    }
  doc_arrays_clear (&d);
  g_free (scratch.block);
  g_free (flags.keys);
  g_clear_pointer (&lower, _kg_lower_words_free);
  _kg_word_cache_trim (cache);
}
