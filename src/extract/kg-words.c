/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-bytes.h"
#include "kg-words.h"

struct _KgWordList
{
  KgWordListHead head;   /* first: see kg-words.h */
  GHashTable *phrases;   /* lower-case phrase, words joined by one space */
  guint8     *firsts;    /* bit per word id: the first word of a phrase */
  guint8     *singles;   /* bit per word id: a phrase of that one word */
  guint32     n_ids;     /* the bits above cover ids below this */
  guint       max_words;
};

/* The lists the stages read; kg_word_lists_load() checks them all. */
static const char *const list_names[] = {
  "speech-verbs", "role-titles", "action-verbs", "short-form-words", "anaphor-organizations", "anaphor-governments", "stance-words", NULL
};

static GMutex lists_lock;
static GHashTable *lists;   /* name → KgWordList, never freed: shared read-only */
/* Every word of every list loaded (lower-case) → its id, from 1: the id of
 * a token's word answers every list's question. */
static GHashTable *list_words;
/* Two bits per word of list_words, so most tokens (no list has them) are
 * told apart without a lookup. */
static guint8 list_words_filter[65536 / 8];
/* The same words by their kg_word_hash(), open addressing: a token's hash
 * is already known, so its id costs no folding and no string hash. */
typedef struct
{
  guint32     hash;
  guint32     id;      /* 0: an empty slot */
  const char *word;    /* folded, owned by list_words */
} WordSlot;
static WordSlot *word_slots;
static guint32 word_slot_mask;

static void
word_slot_put (WordSlot   *slots,
               guint32     mask,
               WordSlot    entry)
{
  guint32 slot = entry.hash & mask;

  while (slots[slot].id != 0)
    slot = (slot + 1) & mask;
  slots[slot] = entry;
}

/* Adds a word; the table stays at most half full. */
static void
word_slots_add (const char *word,
                guint32     hash,
                guint32     id)
{
  if (word_slots == NULL || id * 2 > word_slot_mask)
    {
      guint32 size = word_slot_mask ? (word_slot_mask + 1) * 2 : 1024;
      WordSlot *slots = g_new0 (WordSlot, size);

      for (guint32 k = 0; word_slots && k <= word_slot_mask; k++)
        if (word_slots[k].id != 0)
          word_slot_put (slots, size - 1, word_slots[k]);
      g_free (word_slots);
      word_slots = slots;
      word_slot_mask = size - 1;
    }
  word_slot_put (word_slots, word_slot_mask, (WordSlot) { hash, id, word });
}

static void
filter_add (guint64 *filter,
            guint32  h)
{
  guint32 a = h & 0x3ff, b = (h >> 10) & 0x3ff;

  filter[a / 64] |= G_GUINT64_CONSTANT (1) << (a % 64);
  filter[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
}

static gboolean
list_filter_has (guint32 h)
{
  return (list_words_filter[(h & 0xffff) / 8] & (1u << (h % 8)))
         && (list_words_filter[(h >> 16) / 8] & (1u << ((h >> 16) % 8)));
}

static guint32
intern_word (const char *word)
{
  guint32 id = GPOINTER_TO_UINT (g_hash_table_lookup (list_words, word));

  if (id == 0)
    {
      guint32 h = kg_word_hash (word, strlen (word));

      list_words_filter[(h & 0xffff) / 8] |= 1u << (h % 8);
      list_words_filter[(h >> 16) / 8] |= 1u << ((h >> 16) % 8);
      char *copy = g_strdup (word);

      id = g_hash_table_size (list_words) + 1;
      g_hash_table_insert (list_words, copy, GUINT_TO_POINTER (id));
      word_slots_add (copy, h, id);
    }
  return id;
}

static inline gboolean
has_bit (const guint8 *bits,
         guint32       n_ids,
         guint32       id)
{
  return id < n_ids && (bits[id / 8] & (1u << (id % 8))) != 0;
}

/* Lower-cases word into buf and folds the curly apostrophe to "'"; returns
 * the bytes written, or 0 when it does not fit. */
static gsize
fold_word (const char *word,
           gsize       length,
           char       *buf,
           gsize       size)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (n + 1 >= size)
        return 0;
      if ((guchar) word[i] == 0xe2 && i + 2 < length
          && (guchar) word[i + 1] == 0x80 && (guchar) word[i + 2] == 0x99)
        {
          buf[n++] = '\'';
          i += 2;
        }
      else
        buf[n++] = kg_ascii_lower (word[i]);
    }
  buf[n] = '\0';
  return n;
}

/* The words of line between single spaces, in place, as g_strsplit_set()
 * on " \t" and g_strjoinv() would put them after g_strstrip(): every line
 * of every list is read at the first extraction, and an allocation a word
 * was most of that. Returns how many words there are. */
static guint
join_words (char *line)
{
  char *out = line;
  guint n = 0;

  for (const char *c = g_strstrip (line); *c; c++)
    if (*c == ' ' || *c == '\t')
      {
        if (out > line && out[-1] != ' ')
          *out++ = ' ';
      }
    else
      {
        n += out == line || out[-1] == ' ';
        *out++ = *c;
      }
  *out = '\0';
  return n;
}

static KgWordList *
word_list_parse (const char *contents)
{
  KgWordList *list = g_new0 (KgWordList, 1);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (guint32));

  list->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (list_words == NULL)
    list_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; lines[i]; i++)
    {
      char *hash = strchr (lines[i], '#');
      char buf[256];
      gsize used;
      guint n;

      if (hash)
        *hash = '\0';
      n = join_words (lines[i]);
      if (n == 0)
        continue;
      if ((used = fold_word (lines[i], strlen (lines[i]), buf, sizeof buf)) == 0)
        continue;
      g_hash_table_add (list->phrases, g_strdup (buf));
      /* The first word's id, and with a phrase of one word a second bit. */
      buf[strcspn (buf, " ")] = '\0';
      filter_add (list->head.first_filter, kg_word_hash (buf, strlen (buf)));
      g_array_append_val (firsts, (guint32) { intern_word (buf) * 2 + (n == 1) });
      for (char *word = buf + strlen (buf) + 1; word < buf + used; word += strlen (word) + 1)
        {
          word[strcspn (word, " ")] = '\0';
          intern_word (word);
        }
      list->max_words = MAX (list->max_words, n);
    }
  list->n_ids = g_hash_table_size (list_words) + 1;
  list->firsts = g_malloc0 (list->n_ids / 8 + 1);
  list->singles = g_malloc0 (list->n_ids / 8 + 1);
  for (guint i = 0; i < firsts->len; i++)
    {
      guint32 code = g_array_index (firsts, guint32, i), id = code / 2;

      list->firsts[id / 8] |= 1u << (id % 8);
      if (code & 1)
        list->singles[id / 8] |= 1u << (id % 8);
    }
  return list;
}

const KgWordList *
kg_word_list_get (const char  *name,
                  GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lists_lock);
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  KgWordList *list;

  if (lists == NULL)
    lists = g_hash_table_new (g_str_hash, g_str_equal);
  list = g_hash_table_lookup (lists, name);
  if (list != NULL)
    return list;

  /* Built only on a miss: the callers ask for their lists often. */
  relative = g_strdup_printf ("extract/%s.txt", name);
  path = kg_find_data_file (relative);
  if (!g_file_get_contents (path, &contents, NULL, error))
    {
      g_prefix_error (error, "Cannot read the word list %s: ", path);
      return NULL;
    }
  list = word_list_parse (contents);
  g_hash_table_insert (lists, g_strdup (name), list);
  return list;
}

gboolean
kg_word_lists_load (GError **error)
{
  /* Asked twice for every document: once all are loaded, without the lock
   * and the look-ups by name. */
  static gint loaded;

  if (g_atomic_int_get (&loaded))
    return TRUE;
  for (guint i = 0; list_names[i]; i++)
    if (kg_word_list_get (list_names[i], error) == NULL)
      return FALSE;
  g_atomic_int_set (&loaded, 1);
  return TRUE;
}

gboolean
kg_word_list_has (const KgWordList *list,
                  const char       *phrase,
                  gssize            length)
{
  char buf[256];

  if (list == NULL)
    return FALSE;
  if (length < 0)
    length = strlen (phrase);
  return fold_word (phrase, length, buf, sizeof buf) > 0
         && g_hash_table_contains (list->phrases, buf);
}

/* Whether text, folded as fold_word() does, is the folded word. */
static gboolean
folds_to (const char *text,
          gsize       length,
          const char *word)
{
  gsize k = 0;

  for (gsize i = 0; i < length; i++, k++)
    {
      char c = kg_ascii_lower (text[i]);

      if ((guchar) text[i] == 0xe2 && i + 2 < length
          && (guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == 0x99)
        {
          c = '\'';
          i += 2;
        }
      if (word[k] != c)
        return FALSE;
    }
  return word[k] == '\0';
}

/* After the tokens' hashes, their block holds a guint16 per token: the id
 * of its word in list_words, or WORD_ID_UNKNOWN until asked (and for an id
 * that does not fit). The stages ask about most tokens several times, from
 * several lists; one block keeps it freed with the hashes. */
#define WORD_ID_UNKNOWN G_MAXUINT16

static guint16 *
token_word_ids (const KgAnalysis *analysis)
{
  return (guint16 *) (gpointer) (analysis->token_hashes + analysis->n_token_hashes + 1);
}

static guint32
lookup_word_id (const KgAnalysis *analysis,
                guint             i,
                guint32           h)
{
  if (!list_filter_has (h) || word_slots == NULL)
    return 0;
  for (guint32 slot = h & word_slot_mask; word_slots[slot].id != 0; slot = (slot + 1) & word_slot_mask)
    if (word_slots[slot].hash == h
        && folds_to (kg_token_text (analysis, i), kg_token_len (analysis, i), word_slots[slot].word))
      return word_slots[slot].id;
  return 0;
}

/* token_word_id() the first time token i is asked about. */
static G_GNUC_NO_INLINE guint32
token_word_id_lookup (const KgAnalysis *analysis,
                      guint             i)
{
  guint32 h = kg_token_hash (analysis, i), id;
  guint16 *ids = token_word_ids (analysis);

  id = lookup_word_id (analysis, i, h);
  if (id < WORD_ID_UNKNOWN)
    ids[i] = id;
  return id;
}

/* The id of token i's word in list_words, 0 when no list has it: inline,
 * as most are asked about before and cost a load. */
static inline guint32
token_word_id (const KgAnalysis *analysis,
               guint             i)
{
  guint16 id;

  id = token_word_ids (analysis)[i];
  return id != WORD_ID_UNKNOWN ? id : token_word_id_lookup (analysis, i);
}

/* Whether tokens [first, first + n) spell a phrase of list: every word must
 * be a list word and the first one must start a phrase of this list before
 * the words are put together and looked up. */
static gboolean
tokens_in_list (const KgWordList *list,
                const KgAnalysis *analysis,
                guint             first,
                guint             n)
{
  char buf[256];
  gsize used = 0;

  for (guint i = first; i < first + n; i++)
    {
      guint32 id = token_word_id (analysis, i);

      if (id == 0 || (i == first && !has_bit (list->firsts, list->n_ids, id)))
        return FALSE;
    }
  if (n == 1)
    return has_bit (list->singles, list->n_ids, token_word_id (analysis, first));
  for (guint i = first; i < first + n; i++)
    {
      gsize w;

      if (i > first)
        {
          if (used + 2 >= sizeof buf)
            return FALSE;
          buf[used++] = ' ';
        }
      w = fold_word (kg_token_text (analysis, i), kg_token_len (analysis, i),
                     buf + used, sizeof buf - used);
      if (w == 0)
        return FALSE;
      used += w;
    }
  return g_hash_table_contains (list->phrases, buf);
}

guint
kg_word_list_match_at (const KgWordList *list,
                       const KgAnalysis *analysis,
                       guint             first,
                       guint             hi)
{
  guint longest;

  if (!has_bit (list->firsts, list->n_ids, token_word_id (analysis, first)))
    return 0;
  /* No phrase goes past a word no list has. */
  longest = MIN (list->max_words, hi - first);
  for (guint k = 1; k < longest; k++)
    if (token_word_id (analysis, first + k) == 0)
      longest = k;
  for (guint n = longest; n > 0; n--)
    if (tokens_in_list (list, analysis, first, n))
      return n;
  return 0;
}

guint
kg_word_list_match_back (const KgWordList *list,
                         const KgAnalysis *analysis,
                         guint             last,
                         guint             lo)
{
  if (list == NULL || last < lo || token_word_id (analysis, last) == 0)
    return 0;
  for (guint n = MIN (list->max_words, last - lo + 1); n > 0; n--)
    if (tokens_in_list (list, analysis, last + 1 - n, n))
      return n;
  return 0;
}

/* The hash of a word with a curly apostrophe, which hashes as "'". */
guint32
kg_word_hash_folded (const char *word,
                     gsize       length)
{
  char stack[64];
  /* Words are short: no allocation for most. */
  g_autofree char *heap = length > sizeof stack ? g_malloc (length) : NULL;
  char *folded = heap != NULL ? heap : stack;
  gsize n = 0;
  gboolean high;

  for (gsize i = 0; i < length; i++)
    {
      char c = word[i];

      if ((guchar) c == 0xe2 && i + 2 < length && (guchar) word[i + 1] == 0x80 && (guchar) word[i + 2] == 0x99)
        {
          c = '\'';
          i += 2;
        }
      folded[n++] = c;
    }
  return _kg_hash_text (folded, n, n, &high);
}

guint32
kg_word_hash (const char *word,
              gsize       length)
{
  return kg_word_hash_within (word, length, length);
}

gsize
kg_token_hashes_size (guint n)
{
  /* n + 1 hashes, then n + 1 word ids (see token_word_ids()). */
  return (n + 1) * (sizeof (guint32) + sizeof (guint16));
}

void
kg_analysis_take_hashes (KgAnalysis *analysis,
                         guint32    *hashes,
                         guint       n)
{
  guint16 *ids;

  g_free (analysis->token_hashes);
  analysis->token_hashes = hashes;
  analysis->token_hashes[n] = 0;
  analysis->n_token_hashes = n;
  ids = token_word_ids (analysis);
  memset (ids, 0xff, n * sizeof *ids);
  G_STATIC_ASSERT (WORD_ID_UNKNOWN == 0xffff);
  ids[n] = 0;
}

void
kg_word_set_prepare (KgWordSet *set)
{
  if (!g_once_init_enter (&set->ready))
    return;
  for (guint k = 0; set->words[k]; k++)
    filter_add (set->filter, kg_word_hash (set->words[k], strlen (set->words[k])));
  g_once_init_leave (&set->ready, 1);
}

gboolean
kg_token_is_capitalised_utf8 (const KgAnalysis *analysis,
                              guint             i)
{
  return g_unichar_isupper (g_utf8_get_char (kg_token_text (analysis, i)));
}

const GArray *
kg_capitalised_tokens (KgAnalysis *analysis)
{
  return analysis->capitalised;
}

gboolean
kg_token_is_possessive_mark (const KgAnalysis *analysis,
                             guint             i)
{
  static const char *const forms_words[] = { "'s", "\u2019s", "'", "\u2019", NULL };
  static KgWordSet forms = { forms_words };

  return kg_token_in_set (analysis, i, &forms);
}

guint
kg_token_at (const KgAnalysis *analysis,
             gsize             offset)
{
  guint lo = 0, hi = analysis->tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (kg_token (analysis, mid)->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gint *
kg_mention_index (const KgAnalysis *analysis)
{
  gint *index = g_new (gint, analysis->tokens->len + 1);

  /* -1 is all ones in every byte: one memset rather than a store a token. */
  memset (index, 0xff, (analysis->tokens->len + 1) * sizeof *index);
  for (guint m = 0; m < analysis->mentions->len; m++)
    {
      const KgMention *mention = &g_array_index (analysis->mentions, KgMention, m);

      for (guint t = mention->first_token; t < mention->end_token && t < analysis->tokens->len; t++)
        index[t] = m;
    }
  return index;
}

static const char *const prepositions_words[] = { "on", "in", "at", "to", "with", "by", "from", "of", "for", NULL };
static KgWordSet prepositions = { prepositions_words };
static const char *const person_pronouns_words[] = { "he", "she", "his", "her", NULL };
static KgWordSet person_pronouns = { person_pronouns_words };
static const char *const group_pronouns_words[] = { "it", "they", "we", "its", "their", NULL };
static KgWordSet group_pronouns = { group_pronouns_words };

/* Whether the four tokens of mention_of from p are all in no mention
 * (-1, or any negative): two to a load, by their sign bits. */
static inline gboolean
in_no_mention4 (const gint *p)
{
  const guint64 signs = G_GUINT64_CONSTANT (0x8000000080000000);
  guint64 w[2];

  G_STATIC_ASSERT (sizeof (gint) == 4);
  memcpy (w, p, sizeof w);
  return (w[0] & w[1] & signs) == signs;
}

/* The entity of the last mention before token t (outside quotations) whose
 * type is one of types (a bit mask). */
static guint
antecedent (const KgAnalysis *a,
            const gint       *mention_of,
            const guint8     *quoted,
            guint             t,
            guint             types)
{
  /* A few paragraphs back at most: further, "he" means someone else. */
  guint lo = t > 400 ? t - 400 : 0, sentence = kg_token (a, t)->sentence;
  gint found = -1;

  for (guint k = t; k > lo;)
    {
      const KgMention *m;

      /* Most tokens are in no mention: four of them at a time. */
      if (k - lo >= 4 && in_no_mention4 (mention_of + k - 4))
        {
          k -= 4;
          continue;
        }
      k--;
      if (mention_of[k] < 0 || quoted[k])
        continue;
      m = &g_array_index (a->mentions, KgMention, mention_of[k]);
      if (!(types & (1u << m->type)))
        continue;
      /* "On Twitter, he said": a name after a preposition is no subject. */
      if ((types & (1u << KG_ENTITY_PERSON)) && kg_token (a, k)->sentence == sentence
          && m->first_token > 0
          && kg_token_in_set (a, m->first_token - 1, &prepositions))
        continue;
      /* In an earlier sentence, the one written about is the first named
       * there, its subject, rather than the last. */
      if (found >= 0 && kg_token (a, k)->sentence != kg_token (a, found)->sentence)
        break;
      found = k;
      if (kg_token (a, k)->sentence == sentence)
        break;
    }
  return found >= 0 ? g_array_index (a->mentions, KgMention, mention_of[found]).entity : KG_NO_ENTITY;
}

static const KgWordList *organisation_anaphors, *government_anaphors;

/* person_pronouns and group_pronouns together: kg_token_may_name() asks of
 * every token whether it is either, and one filter answers most. */
static const char *const pronouns_words[] = { "he", "she", "his", "her", "it", "they", "we", "its", "their", NULL };
static KgWordSet pronouns = { pronouns_words };

void
kg_word_filter_union (guint64           filter[16],
                      KgWordSet        *set,
                      const KgWordList *first,
                      const KgWordList *second)
{
  const KgWordList *more[] = { first, second };

  kg_word_set_prepare (set);
  memcpy (filter, set->filter, sizeof set->filter);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    if (more[i] != NULL)
      for (guint k = 0; k < 16; k++)
        filter[k] |= ((const KgWordListHead *) (gconstpointer) more[i])->first_filter[k];
}

void
kg_may_name_filter (guint64 filter[16])
{
  kg_word_filter_union (filter, &pronouns,
                        kg_word_list_once (&organisation_anaphors, "anaphor-organizations"),
                        kg_word_list_once (&government_anaphors, "anaphor-governments"));
}

gboolean
kg_token_may_name (const KgAnalysis *a,
                   const gint       *mention_of,
                   guint             t)
{
  return mention_of[t] >= 0 || kg_token_in_set (a, t, &pronouns)
         || (t > 0 && kg_token_is (a, t - 1, "the")
             && (kg_word_list_match (kg_word_list_once (&organisation_anaphors, "anaphor-organizations"), a, t, t + 1)
                 || kg_word_list_match (kg_word_list_once (&government_anaphors, "anaphor-governments"), a, t, t + 1)));
}

guint
kg_entity_at (const KgAnalysis *a,
              const gint       *mention_of,
              const guint8     *quoted,
              guint             t)
{
  if (mention_of[t] >= 0)
    return g_array_index (a->mentions, KgMention, mention_of[t]).entity;
  if (kg_token_in_set (a, t, &person_pronouns))
    return antecedent (a, mention_of, quoted, t, 1u << KG_ENTITY_PERSON);
  if (kg_token_in_set (a, t, &group_pronouns))
    return antecedent (a, mention_of, quoted, t,
                       1u << KG_ENTITY_ORGANIZATION | 1u << KG_ENTITY_GOVERNMENT);
  if (t > 0 && kg_token_is (a, t - 1, "the")
      && kg_word_list_match (kg_word_list_once (&organisation_anaphors, "anaphor-organizations"), a, t, t + 1))
    return antecedent (a, mention_of, quoted, t, 1u << KG_ENTITY_ORGANIZATION);
  if (t > 0 && kg_token_is (a, t - 1, "the")
      && kg_word_list_match (kg_word_list_once (&government_anaphors, "anaphor-governments"), a, t, t + 1))
    return antecedent (a, mention_of, quoted, t, 1u << KG_ENTITY_GOVERNMENT);
  return KG_NO_ENTITY;
}
