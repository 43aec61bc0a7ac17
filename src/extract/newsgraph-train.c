/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "newsgraph-train"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kg-tagger-private.h"

/*
 * Trains the entity tagger: an averaged structured perceptron with Viterbi
 * decoding over CoNLL-2003-style data (one token a line, the tag in the last
 * column, blank lines between sentences, -DOCSTART- between documents).
 *
 *   newsgraph-train [--epochs N] [--bits B] TRAIN.txt MODEL.bin
 */

typedef struct
{
  guint first_token;   /* into the corpus arrays */
  guint n;
  guint doc;
} Sentence;

typedef struct
{
  GPtrArray *words;      /* char*, one per token */
  GByteArray *gold;      /* KgLabel per token */
  GArray *sentences;     /* Sentence */
  GArray *feat_start;    /* guint, per token, into feats; one extra at the end */
  GArray *feats;         /* guint32 table rows */
} Corpus;

static int
label_from_tag (const char *tag,
                int         prev)
{
  static const char *const classes[] = { "PER", "ORG", "LOC", "MISC" };

  if (strcmp (tag, "O") == 0 || strlen (tag) < 3)
    return KG_LABEL_O;
  for (int c = 0; c < 4; c++)
    if (strcmp (tag + 2, classes[c]) == 0)
      {
        int begin = 1 + 2 * c;
        /* IOB1: I- opens a mention unless it continues the same class. */
        if (tag[0] == 'B' || prev <= 0 || KG_LABEL_CLASS (prev) != c)
          return begin;
        return begin + 1;
      }
  return KG_LABEL_O;
}

static gboolean
read_corpus (const char  *path,
             Corpus      *corpus,
             GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint doc = 0, start = 0;
  int prev = KG_LABEL_O;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      gboolean blank = line == NULL || strspn (line, " \t\r") == strlen (line);
      gboolean docstart = line != NULL && g_str_has_prefix (line, "-DOCSTART-");

      if (blank || docstart)
        {
          if (corpus->words->len > start)
            {
              Sentence s = { start, corpus->words->len - start, doc };
              g_array_append_val (corpus->sentences, s);
            }
          start = corpus->words->len;
          prev = KG_LABEL_O;
          doc += docstart;
          if (line == NULL)
            break;
          continue;
        }
      {
        g_auto(GStrv) parts = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
        guint n = g_strv_length (parts);
        guint8 label = label_from_tag (parts[n - 1], prev);
        g_ptr_array_add (corpus->words, g_strdup (parts[0]));
        g_byte_array_append (corpus->gold, &label, 1);
        prev = label;
      }
    }
  return TRUE;
}

static void
fill_sentence (const Corpus     *corpus,
               const Sentence   *s,
               KgTagToken       *tokens,
               KgTagSentence    *ts)
{
  for (guint i = 0; i < s->n; i++)
    {
      const char *w = g_ptr_array_index (corpus->words, s->first_token + i);
      tokens[i].text = w;
      tokens[i].length = strlen (w);
      _kg_word_keys (w, tokens[i].length, &ts->lower[i], &ts->sshape[i], &ts->cap[i]);
    }
  ts->tokens = tokens;
  ts->n = s->n;
  ts->all_caps = _kg_is_all_caps_sentence (tokens, s->n);
}

static void
alloc_sentence (KgTagSentence *ts,
                guint          n)
{
  ts->lex_span = g_new0 (guint8, n);
  ts->doc_flags = g_new0 (guint8, n);
  ts->lower = g_new0 (guint32, n);
  ts->sshape = g_new0 (guint32, n);
  ts->cap = g_new0 (guint8, n);
}

static void
free_sentence (KgTagSentence *ts)
{
  g_free (ts->lex_span);
  g_free (ts->doc_flags);
  g_free (ts->lower);
  g_free (ts->sshape);
  g_free (ts->cap);
  g_free ((gpointer) ts->tokens);
}

/* Features of every token, computed once; a document at a time because of
 * the document flags. */
static void
extract_features (Corpus          *corpus,
                  const KgLexicon *lexicon,
                  guint32          mask)
{
  guint n_sent = corpus->sentences->len;
  guint s0 = 0;

  while (s0 < n_sent)
    {
      guint doc = g_array_index (corpus->sentences, Sentence, s0).doc;
      guint s1 = s0;
      g_autofree KgTagSentence *ts = NULL;

      while (s1 < n_sent && g_array_index (corpus->sentences, Sentence, s1).doc == doc)
        s1++;
      ts = g_new0 (KgTagSentence, s1 - s0);
      for (guint s = s0; s < s1; s++)
        {
          Sentence *sent = &g_array_index (corpus->sentences, Sentence, s);
          alloc_sentence (&ts[s - s0], sent->n);
          fill_sentence (corpus, sent, g_new0 (KgTagToken, sent->n), &ts[s - s0]);
          _kg_lexicon_mark_spans (lexicon, &ts[s - s0]);
        }
      _kg_doc_flags (ts, s1 - s0);
      for (guint s = s0; s < s1; s++)
        {
          KgTagSentence *t = &ts[s - s0];
          for (guint i = 0; i < t->n; i++)
            {
              guint32 buf[KG_MAX_WORD_FEATURES + KG_MAX_POS_FEATURES];
              guint start = corpus->feats->len;
              g_array_append_val (corpus->feat_start, start);
              for (int k = -KG_WINDOW; k <= KG_WINDOW; k++)
                {
                  int j = (int) i + k;
                  const char *w = j < 0 ? _kg_boundary_word (-1) : j >= (int) t->n ? _kg_boundary_word (1) : NULL;
                  guint m = w ? _kg_word_features (lexicon, w, strlen (w), k, buf)
                              : _kg_word_features (lexicon, t->tokens[j].text, t->tokens[j].length, k, buf);
                  for (guint f = 0; f < m; f++)
                    buf[f] &= mask;
                  g_array_append_vals (corpus->feats, buf, m);
                }
              {
                guint m = _kg_position_features (t, i, buf);
                for (guint f = 0; f < m; f++)
                  buf[f] &= mask;
                g_array_append_vals (corpus->feats, buf, m);
              }
            }
          free_sentence (t);
        }
      s0 = s1;
    }
  g_array_append_val (corpus->feat_start, corpus->feats->len);
}

typedef struct
{
  float *w;       /* current weights: rows × labels, then transitions */
  float *u;       /* sum of c × update, for averaging */
  gsize  n_table;
  float  c;
} Perceptron;

static void
emissions (const Perceptron *p,
           const Corpus     *corpus,
           const Sentence   *s,
           float            *out)
{
  const guint *starts = (const guint *) corpus->feat_start->data;
  const guint32 *feats = (const guint32 *) corpus->feats->data;

  memset (out, 0, sizeof (float) * s->n * KG_N_LABELS);
  for (guint i = 0; i < s->n; i++)
    {
      guint t = s->first_token + i;
      for (guint f = starts[t]; f < starts[t + 1]; f++)
        {
          const float *row = p->w + (gsize) feats[f] * KG_N_LABELS;
          for (int l = 0; l < KG_N_LABELS; l++)
            out[i * KG_N_LABELS + l] += row[l];
        }
    }
}

static inline void
bump (Perceptron *p,
      gsize       index,
      float       delta)
{
  p->w[index] += delta;
  p->u[index] += p->c * delta;
}

static void
update (Perceptron   *p,
        const Corpus *corpus,
        const Sentence *s,
        const guint8 *gold,
        const guint8 *pred)
{
  const guint *starts = (const guint *) corpus->feat_start->data;
  const guint32 *feats = (const guint32 *) corpus->feats->data;
  gsize trans = p->n_table;

  for (guint i = 0; i < s->n; i++)
    {
      guint t = s->first_token + i;
      int gp = i > 0 ? gold[i - 1] : KG_N_LABELS;
      int pp = i > 0 ? pred[i - 1] : KG_N_LABELS;

      if (gold[i] != pred[i])
        for (guint f = starts[t]; f < starts[t + 1]; f++)
          {
            bump (p, (gsize) feats[f] * KG_N_LABELS + gold[i], 1);
            bump (p, (gsize) feats[f] * KG_N_LABELS + pred[i], -1);
          }
      if (gold[i] != pred[i] || gp != pp)
        {
          bump (p, trans + gp * KG_N_LABELS + gold[i], 1);
          bump (p, trans + pp * KG_N_LABELS + pred[i], -1);
        }
    }
}

static void
train (Perceptron   *p,
       const Corpus *corpus,
       guint         epochs,
       guint         seed)
{
  guint n = corpus->sentences->len;
  g_autofree guint *order = g_new (guint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  float em[1024 * KG_N_LABELS];
  float trans[(KG_N_LABELS + 1) * KG_N_LABELS];
  guint8 pred[1024];

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint e = 0; e < epochs; e++)
    {
      guint errors = 0, tokens = 0;

      for (guint i = n - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1), tmp = order[i];
          order[i] = order[j];
          order[j] = tmp;
        }
      for (guint k = 0; k < n; k++)
        {
          const Sentence *s = &g_array_index (corpus->sentences, Sentence, order[k]);
          const guint8 *gold = corpus->gold->data + s->first_token;

          if (s->n > 1024)
            continue;
          emissions (p, corpus, s, em);
          _kg_mask_transitions (p->w + p->n_table, trans);
          _kg_viterbi (trans, FALSE, FALSE, em, s->n, pred);
          for (guint i = 0; i < s->n; i++)
            errors += pred[i] != gold[i];
          tokens += s->n;
          if (memcmp (pred, gold, s->n) != 0)
            update (p, corpus, s, gold, pred);
          p->c += 1;
        }
      g_printerr ("epoch %u: %u of %u tokens wrong\n", e + 1, errors, tokens);
    }
}

/* The distinct words of the corpus and the sentence boundaries. */
static GPtrArray *
vocabulary (const Corpus *corpus)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *words = g_ptr_array_new ();

  g_ptr_array_add (words, (gpointer) _kg_boundary_word (-1));
  g_ptr_array_add (words, (gpointer) _kg_boundary_word (1));
  for (guint i = 0; i < corpus->words->len; i++)
    {
      char *w = g_ptr_array_index (corpus->words, i);
      if (g_hash_table_add (seen, w))
        g_ptr_array_add (words, w);
    }
  return words;
}

/* Appends the vocabulary section: entries, slots, strings. */
static void
append_vocabulary (GByteArray      *data,
                   const GPtrArray *words,
                   const KgLexicon *lexicon,
                   guint32          mask,
                   float            unscale)
{
  const KgModelHeader *header = (const KgModelHeader *) data->data;
  const gint16 *table = (const gint16 *) (header + 1);
  guint slots = 1;
  g_autofree guint32 *slot = NULL;
  g_autofree KgVocabEntry *entries = g_new0 (KgVocabEntry, words->len);
  g_autoptr(GString) strings = g_string_new (NULL);

  while (slots < words->len * 3)
    slots *= 2;
  slot = g_new0 (guint32, slots);
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      gsize n = strlen (w);
      guint32 h = _kg_hash_word (w, n) & (slots - 1);

      _kg_vocab_entry_fill (&entries[i], lexicon, table, mask, unscale, w, n, KG_ALL_OFFSETS);
      entries[i].text_offset = strings->len;
      g_string_append_len (strings, w, n);
      while (slot[h] != 0)
        h = (h + 1) & (slots - 1);
      slot[h] = i + 1;
    }
  g_byte_array_append (data, (guint8 *) entries, sizeof (KgVocabEntry) * words->len);
  g_byte_array_append (data, (guint8 *) slot, sizeof (guint32) * slots);
  g_byte_array_append (data, (guint8 *) strings->str, strings->len);
  header = (const KgModelHeader *) data->data;
  ((KgModelHeader *) header)->n_vocab = words->len;
  ((KgModelHeader *) header)->vocab_slots = slots;
  ((KgModelHeader *) header)->strings_size = strings->len;
}

static gboolean
save_model (const Perceptron  *p,
            const Corpus      *corpus,
            const KgLexicon   *lexicon,
            guint              bits,
            const char        *path,
            GError           **error)
{
  gsize rows = (gsize) 1 << bits;
  gsize n = rows * KG_N_LABELS;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GPtrArray) words = vocabulary (corpus);
  KgModelHeader *header;
  gint16 *table;
  float max = 0, scale;
  guint used = 0;

  g_byte_array_set_size (data, sizeof (KgModelHeader) + n * sizeof (gint16));
  memset (data->data, 0, data->len);
  header = (KgModelHeader *) data->data;
  table = (gint16 *) (header + 1);
  for (gsize i = 0; i < n; i++)
    max = MAX (max, fabsf (p->w[i] - p->u[i] / p->c));
  scale = max > 0 ? 32000.0f / max : 1.0f;
  memcpy (header->magic, KG_MODEL_MAGIC, 8);
  header->n_labels = KG_N_LABELS;
  header->hash_bits = bits;
  header->scale = scale;
  for (int a = 0; a <= KG_N_LABELS; a++)
    for (int b = 0; b < KG_N_LABELS; b++)
      {
        gsize i = p->n_table + a * KG_N_LABELS + b;
        header->transitions[a][b] = p->w[i] - p->u[i] / p->c;
      }
  for (gsize i = 0; i < n; i++)
    {
      table[i] = (gint16) lrintf ((p->w[i] - p->u[i] / p->c) * scale);
      used += table[i] != 0;
    }
  g_printerr ("%u of %" G_GSIZE_FORMAT " weights non-zero, largest %.2f; %u words\n",
              used, n, max, words->len);
  append_vocabulary (data, words, lexicon, rows - 1, 1.0f / scale);
  return g_file_set_contents (path, (const char *) data->data, data->len, error);
}

static void
corpus_clear (Corpus *corpus)
{
  g_ptr_array_unref (corpus->words);
  g_byte_array_unref (corpus->gold);
  g_array_unref (corpus->sentences);
  g_array_unref (corpus->feat_start);
  g_array_unref (corpus->feats);
}

static gboolean
run (const char  *train_path,
     const char  *model_path,
     int          epochs,
     int          bits,
     int          seed,
     int          runs,
     GError     **error)
{
  Corpus corpus = { g_ptr_array_new_with_free_func (g_free), g_byte_array_new (),
                    g_array_new (FALSE, FALSE, sizeof (Sentence)),
                    g_array_new (FALSE, FALSE, sizeof (guint)),
                    g_array_new (FALSE, FALSE, sizeof (guint32)) };
  KgLexicon *lexicon = NULL;
  Perceptron p = { 0 };
  g_autofree float *sum = NULL;
  gsize size;
  gboolean ok = FALSE;

  if (!read_corpus (train_path, &corpus, error) || (lexicon = _kg_lexicon_load (error)) == NULL)
    goto out;
  g_printerr ("%u sentences, %u tokens\n", corpus.sentences->len, corpus.words->len);
  extract_features (&corpus, lexicon, ((guint32) 1 << bits) - 1);
  p.n_table = ((gsize) 1 << bits) * KG_N_LABELS;
  size = p.n_table + (KG_N_LABELS + 1) * KG_N_LABELS;
  p.w = g_new0 (float, size);
  p.u = g_new0 (float, size);
  sum = g_new0 (float, size);
  /* Several passes over the data in different orders, their averaged
   * weights averaged again: steadier than any one order. */
  for (int r = 0; r < runs; r++)
    {
      memset (p.w, 0, size * sizeof (float));
      memset (p.u, 0, size * sizeof (float));
      p.c = 1;
      train (&p, &corpus, epochs, seed + r);
      for (gsize i = 0; i < size; i++)
        sum[i] += (p.w[i] - p.u[i] / p.c) / runs;
    }
  memcpy (p.w, sum, size * sizeof (float));
  memset (p.u, 0, size * sizeof (float));
  p.c = 1;
  ok = save_model (&p, &corpus, lexicon, bits, model_path, error);

out:
  g_free (p.w);
  g_free (p.u);
  _kg_lexicon_free (lexicon);
  corpus_clear (&corpus);
  return ok;
}

int
main (int argc, char **argv)
{
  int epochs = 12, bits = 20, seed = 20031, runs = 1;
  GOptionEntry entries[] = {
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Passes over the data", "N" },
    { "bits", 0, 0, G_OPTION_ARG_INT, &bits, "log2 of the weight table rows", "B" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the shuffling", "S" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Trainings in different orders, averaged", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("TRAIN.txt MODEL.bin");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || bits < 12 || bits > 24 ||
      runs < 1 || epochs < 1)
    {
      g_printerr ("newsgraph-train: %s\n", error ? error->message : "usage: newsgraph-train TRAIN.txt MODEL.bin");
      return 2;
    }
  if (!run (argv[1], argv[2], epochs, bits, seed, runs, &error))
    {
      g_printerr ("newsgraph-train: %s\n", error->message);
      return 1;
    }
  return 0;
}
