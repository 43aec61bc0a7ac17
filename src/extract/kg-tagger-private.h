/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "kg-analysis.h"
#include "kg-tokenizer-private.h"

G_BEGIN_DECLS

/*
 * What the tagger (kg-tagger.c) and its trainer (newsgraph-train.c) share:
 * the label set, the lexicons and the features. Both go through the same
 * functions, so a model always sees at run time the features it was
 * trained on.
 */

typedef enum
{
  KG_LABEL_O,
  KG_LABEL_B_PER, KG_LABEL_I_PER,
  KG_LABEL_B_ORG, KG_LABEL_I_ORG,
  KG_LABEL_B_LOC, KG_LABEL_I_LOC,
  KG_LABEL_B_MISC, KG_LABEL_I_MISC,
  KG_N_LABELS
} KgLabel;

#define KG_LABEL_IS_BEGIN(l) ((l) != KG_LABEL_O && ((l) - 1) % 2 == 0)
#define KG_LABEL_CLASS(l)    (((l) - 1) / 2)   /* 0 PER, 1 ORG, 2 LOC, 3 MISC */

/* A lexicon class, one data file each. */
typedef enum
{
  KG_LEX_GIVEN_NAME,
  KG_LEX_TITLE,
  KG_LEX_ORG_SUFFIX,
  KG_LEX_GOVERNMENT,
  KG_LEX_COUNTRY,
  KG_LEX_DEMONYM,
  KG_LEX_PLACE,
  KG_LEX_ORG_WORD,
  KG_LEX_COMMON,
  KG_LEX_SURNAME,
  KG_N_LEX
} KgLexClass;

#define KG_MAX_LEX_WORDS 5
/* Not a list: the word opens a multi-word entry of some list. */
#define KG_LEX_STARTS_PHRASE (1u << 31)

typedef struct _KgLexicon KgLexicon;

/* A token as the features see it: its text and where it stands. */
typedef struct
{
  const char *text;
  guint       length;
} KgTagToken;

/* Per sentence: the tokens and what the feature functions work out once. */
typedef struct
{
  const KgTagToken *tokens;
  guint             n;
  gboolean          all_caps;    /* a headline written in capitals */
  guint8           *lex_span;    /* per token: 0, or 1 + 2 * class + inside;
                                  * NULL when all are 0 (features only) */
  guint8           *doc_flags;   /* per token, KG_DOC_* */
  guint32          *lower;       /* per token: hash of the lower-case form */
  guint32          *sshape;      /* per token: hash of the short shape */
  guint8           *cap;         /* per token: 1 capitalised, 2 all lower */
} KgTagSentence;

enum
{
  KG_DOC_TITLE_MID = 1 << 0,   /* the word appears capitalised mid-sentence */
  KG_DOC_LOWER     = 1 << 1,   /* the word appears in lower case */
};

#define KG_WINDOW        1                         /* tokens each side */
#define KG_N_OFFSETS     (2 * KG_WINDOW + 1)
#define KG_MAX_WORD_FEATURES 40
#define KG_MAX_POS_FEATURES  24

#define KG_MAX_KEY 48

/* The ASCII capitals of n bytes of text lower-cased into out, eight bytes
 * a step, then one at a time; FALSE when a byte is not ASCII (out is then
 * of no use). */
static inline gboolean
_kg_ascii_lower_into (const char *text,
                      gsize       n,
                      char       *out)
{
  guint64 high = 0;
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 w = _kg_bytes_load (text + i);

      high |= w;
      w = GUINT64_TO_LE (_kg_bytes_lower (w));
      memcpy (out + i, &w, sizeof w);
    }
  for (; i < n; i++)
    {
      guchar c = text[i];

      high |= c;
      out[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  return !(high & KG_BYTES (0x80));
}

/* Lower case of word into buf (at most KG_MAX_KEY bytes); the length. */
gsize       _kg_lower_into            (const char       *word,
                                       gsize             length,
                                       char             *buf);

KgLexicon  *_kg_lexicon_load          (GError          **error);
void        _kg_lexicon_free          (KgLexicon        *lexicon);
/* Bit set of KgLexClass for a single word (any case). */
guint       _kg_lexicon_word_classes  (const KgLexicon  *lexicon,
                                       const char       *word,
                                       gsize             length);
/* Fills sentence->lex_span by longest match of multi-word entries. */
void        _kg_lexicon_mark_spans    (const KgLexicon  *lexicon,
                                       KgTagSentence    *sentence);
/* The same, the entries starting only at the tokens of starts (in order):
 * the capitalised ones (cap 1) that may start a phrase, which is all that
 * _kg_lexicon_mark_spans would try, so cap is not needed then. */
void        _kg_lexicon_mark_spans_from (const KgLexicon *lexicon,
                                         KgTagSentence   *sentence,
                                         const guint     *starts,
                                         guint            n_starts);
/* The set of KgLexClass an exact (case-insensitive) phrase belongs to. */
guint       _kg_lexicon_phrase_classes (const KgLexicon *lexicon,
                                        const char      *phrase);
/* The same for a phrase already in lower case. (The one above lower-cases
 * an ASCII phrase of fewer than KG_PHRASE_KEY bytes on the stack, others
 * in a new string.) */
#define KG_PHRASE_KEY 128
guint       _kg_lexicon_lower_phrase_classes (const KgLexicon *lexicon,
                                              const char      *lower,
                                              gsize            length);

/* Features of a word by itself, as seen from offset (-KG_WINDOW..KG_WINDOW):
 * already mixed with the offset, not yet reduced to a table row. */
guint       _kg_word_features         (const KgLexicon  *lexicon,
                                       const char       *word,
                                       gsize             length,
                                       int               offset,
                                       guint32          *out);
/* Features that depend on the token's place in its sentence and document. */
guint       _kg_position_features     (const KgTagSentence *sentence,
                                       guint             i,
                                       guint32          *out);
/* Document flags: fills each sentence's doc_flags from all of them. */
void        _kg_doc_flags             (KgTagSentence    *sentences,
                                       guint             n_sentences);
gboolean    _kg_is_all_caps_sentence  (const KgTagToken *tokens,
                                       guint             n);

const char *_kg_boundary_word         (int               side);
/* The hash of the lower-case form, as _kg_word_keys computes it. */
guint32     _kg_lower_hash            (const char       *word,
                                       gsize             length);
/* The per-token keys the position features combine. */
void        _kg_word_keys             (const char       *word,
                                       gsize             length,
                                       guint32          *lower,
                                       guint32          *sshape,
                                       guint8           *cap);

/* The model file: a header, transition scores, then a hashed weight table of
 * (1 << hash_bits) rows of KG_N_LABELS int16 scaled by 1/scale. */
#define KG_MODEL_MAGIC "KGTAG006"
typedef struct
{
  char    magic[8];
  guint32 n_labels;
  guint32 hash_bits;
  float   scale;
  guint32 n_vocab;        /* KgVocabEntry after the table */
  guint32 vocab_slots;    /* then this many guint32: entry index + 1, or 0 */
  guint32 strings_size;   /* then the words' bytes */
  float   transitions[KG_N_LABELS + 1][KG_N_LABELS];   /* last row: start */
} KgModelHeader;

/* A word whose word features are summed in advance (the training
 * vocabulary), so most tokens cost one lookup. */
typedef struct
{
  guint32 text_offset;    /* into the strings */
  guint32 length;
  guint32 lower;
  guint32 sshape;
  guint32 cap;
  guint32 filled;         /* bit k: scores[k] is summed (all, on disk) */
  guint32 lex;            /* KgLexClass bits of the word */
  char    head[12];       /* the word's first bytes, zero-padded */
  float   scores[KG_N_OFFSETS][KG_N_LABELS];
} KgVocabEntry;

/* FNV-1a from h over length bytes: the same steps, four to a turn of the
 * loop, which otherwise costs as much as the step itself, and the last
 * three at most as two and one, without a loop. */
static inline guint32
_kg_fnv_bytes (guint32     h,
               const char *text,
               gsize       length)
{
  const guchar *p = (const guchar *) text;
  gsize i = 0;

  for (; i + 4 <= length; i += 4)
    {
      h = (h ^ p[i]) * 16777619u;
      h = (h ^ p[i + 1]) * 16777619u;
      h = (h ^ p[i + 2]) * 16777619u;
      h = (h ^ p[i + 3]) * 16777619u;
    }
  if (length & 2)
    {
      h = (h ^ p[i]) * 16777619u;
      h = (h ^ p[i + 1]) * 16777619u;
      i += 2;
    }
  if (length & 1)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static inline guint32
_kg_hash_word (const char *text,
               gsize       length)
{
  return _kg_fnv_bytes (2166136261u, text, length);
}

/* The hash of n bytes keyed by a feature template (T_* in
 * kg-position-features.h). */
static inline guint32
_kg_template_hash (guint32     template,
                   const char *s,
                   gsize       n)
{
  return _kg_fnv_bytes (2166136261u ^ (template * 16777619u), s, n);
}

/* The lower-case form's feature template (T_LOWER, which kg-features.c
 * checks it equals). */
#define KG_TEMPLATE_LOWER 3

/* _kg_lower_hash for a word already in lower case and in ASCII (a
 * TF_LOWER_WORD token without TF_UNICODE), without looking at it first;
 * inline, as the document flags ask it of many words. */
static inline guint32
_kg_plain_lower_hash (const char *word,
                      gsize       length)
{
  return _kg_template_hash (KG_TEMPLATE_LOWER, word, MIN (length, KG_MAX_KEY));
}

#define KG_ALL_OFFSETS ((1u << KG_N_OFFSETS) - 1)

/* Fills entry's keys (when entry->filled is 0) and the summed word-feature
 * scores of the offsets in the bit set, from a weight table. */
void        _kg_vocab_entry_fill      (KgVocabEntry     *entry,
                                       const KgLexicon  *lexicon,
                                       const gint16     *table,
                                       guint32           mask,
                                       float             unscale,
                                       const char       *word,
                                       gsize             length,
                                       guint             offsets);

/* Four labels' scores at once (GCC and Clang vector extensions); the nine
 * labels are two of them and one more. Each lane does the operations a
 * loop over the labels would, in the same order, so the sums are the same
 * to the bit. */
typedef float  KgScores4 __attribute__ ((vector_size (16)));
typedef gint32 KgMask4   __attribute__ ((vector_size (16)));
G_STATIC_ASSERT (KG_N_LABELS == 9);

static inline KgScores4
_kg_scores4_load (const float *p)
{
  KgScores4 v;
  memcpy (&v, p, sizeof v);
  return v;
}

static inline void
_kg_scores4_store (float     *p,
                   KgScores4  v)
{
  memcpy (p, &v, sizeof v);
}

/* Transition scores with the forbidden moves made impossible, for Viterbi. */
void        _kg_mask_transitions      (const float      *transitions,
                                       float            *masked);
/* Viterbi over n tokens given emission scores [n][KG_N_LABELS] and masked
 * transitions; the tokens open the sentence unless after_o, and end it
 * unless before_o. */
void        _kg_viterbi               (const float      *transitions,
                                       gboolean          after_o,
                                       gboolean          before_o,
                                       const float      *emissions,
                                       guint             n,
                                       guint8           *labels);
gboolean    _kg_transition_allowed    (int               prev,
                                       int               cur);

/* What one look at a token's bytes tells (the tokenizer's KG_CASE_*), and
 * what the tagger adds (kg-tagger.c). */
enum
{
  TF_UPPER      = KG_CASE_UPPER,
  TF_LOWER_WORD = KG_CASE_LOWER_WORD,
  TF_ACTIVE     = 1 << 2,   /* decoded: may be part of a name */
  TF_NEEDED     = 1 << 3,   /* within the window of a decoded token */
  TF_UNICODE    = KG_CASE_UNICODE,
  TF_COMMON     = 1 << 5,   /* capitalised only as a sentence's first word */
};

/* Headlines in title case (kg-headlines.c). */
gboolean    _kg_is_title_case         (const KgTagToken *tokens,
                                       const guint8     *tf,
                                       guint             n);
void        _kg_to_capitals           (KgTagToken       *tokens,
                                       guint8           *tf,
                                       guint             n,
                                       GStringChunk     *chunk);
/* The capitalised words of the title-case candidates that the document
 * writes in lower case too, for _kg_headline_words. */
typedef struct _KgLowerWords KgLowerWords;
KgLowerWords *_kg_lower_case_words    (const KgAnalysis *analysis,
                                       const guint16    *keys,
                                       const guint8     *tf,
                                       const guint8     *candidate);
void        _kg_lower_words_free      (KgLowerWords     *words);
/* _kg_lower_hash of a word in lower case (TF_LOWER_WORD) token t. */
static inline guint32
_kg_lower_word_hash (const KgAnalysis *analysis,
                     guint             t,
                     guint8            tf)
{
  const KgToken *token = &g_array_index (analysis->tokens, KgToken, t);
  const char *text = analysis->text + token->start;

  return tf & TF_UNICODE ? _kg_lower_hash (text, token->end - token->start)
                         : _kg_plain_lower_hash (text, token->end - token->start);
}

/* Which shape keys (_kg_shape_key) some words have: a byte a key, 1 when
 * a word has it, so that a token's costs one load. */
typedef struct
{
  guint8 has[KG_SHAPE_ROWS * 64];
} KgShapeSet;

/* None yet, but KG_SHAPE_ALWAYS. */
static inline void
_kg_shape_set_init (KgShapeSet *set)
{
  memset (set->has, 0, sizeof set->has);
  memset (set->has + KG_SHAPE_ALWAYS, 1, 64);
}

/* Adds the key a word in lower case would have, the same letters as the
 * word of first and length: none when it does not start with a letter. */
static inline void
_kg_shape_set_add (KgShapeSet *set,
                   guchar      first,
                   gsize       length)
{
  /* Only letters land in a-z this way: g_ascii_tolower without the call. */
  guchar c = first | 0x20;

  if (c >= 'a' && c <= 'z')
    set->has[((c - 'a') << 6) | MIN (length, 48)] = 1;
}

/* The tokens of [first, end) that are words in lower case a decoded word
 * may have: those whose shape key (keys, per token) is in shapes. At most
 * KG_LOWER_BLOCK. */
#define KG_LOWER_BLOCK 256
guint       _kg_lower_candidates      (const guint16    *keys,
                                       const KgShapeSet *shapes,
                                       guint             first,
                                       guint             end,
                                       guint            *candidates);
gboolean    _kg_headline_words        (const KgTagToken *tokens,
                                       const guint8     *tf,
                                       guint             n,
                                       KgLowerWords     *lower);

/* The tagger itself (kg-tagger.c). */
KgTagger   *_kg_tagger_load           (const char       *path,
                                       GError          **error);
void        _kg_tagger_free           (KgTagger         *tagger);
const KgLexicon *_kg_tagger_lexicon   (const KgTagger   *tagger);
/* Tags every token of analysis with a KgLabel, and gives the lexicon
 * classes (KgLexClass bits) of every token that may be part of a name. */
void        _kg_tag_classes           (KgAnalysis       *analysis,
                                       const KgTagger   *tagger,
                                       guint8           *labels,
                                       guint32          *token_lex);

G_END_DECLS
