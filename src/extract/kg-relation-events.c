/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kg-relations-private.h"

/*
 * Every pattern of kg-relations.c, kg-locations.c and kg-actions.c starts
 * at a name, a cue word, a word in "p" (partners) or one in "-ed" (a verb):
 * about one token in four. One pass over a sentence's tokens finds them
 * all, so that each pattern's loop visits only these, where four loops
 * over every token looked at each token again. A sentence without a name
 * is not read at all, but for kg_find_actions() (see
 * kg_relation_reader_pronoun_events()).
 */

/* The three cue filters (see kg_word_filter_has()) as one table: entry i
 * holds the flag of every filter with bit i set, so that the flags whose
 * filters have both bits of a hash are table[a] & table[b], two loads for
 * the three filters. The filters are the same for every document (the
 * sets and lists are fixed once loaded): made once. */
static const guint8 *
cue_table (KgRelationReader *r)
{
  static guint8 table[1024];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      guint64 location[16], action[16], may_name[16];
      const guint64 *filters[] = { location, action, may_name };
      const guint8 flags[] = { KG_EVENT_LOCATION_CUE, KG_EVENT_ACTION_CUE, KG_EVENT_MAY_NAME };

      kg_location_cue_filter (location);
      kg_action_cue_filter (r, action);
      kg_may_name_filter (may_name);
      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
          if (filters[f][i / 64] & (G_GUINT64_CONSTANT (1) << (i % 64)))
            table[i] |= flags[f];
      g_once_init_leave (&ready, 1);
    }
  return table;
}

/* What one pass over tokens reads, in locals: a store of an event could
 * change the reader, as far as the compiler knows, and every token would
 * load its fields again. */
typedef struct
{
  const KgToken   *tokens;
  const char      *text;
  const guint32   *hashes;
  const gint      *mention_of;
  const KgMention *mentions;
  const guint8    *cues;
} Pass;

static Pass
pass_of (KgRelationReader *r)
{
  return (Pass) {
    (const KgToken *) (gpointer) r->a->tokens->data, r->a->text, r->hashes, r->mention_of,
    r->mentions, r->cues,
  };
}

/* The flags of token t: what it may start. */
static inline guint
token_flags (const Pass *pass,
             guint       t)
{
  const KgToken *token = &pass->tokens[t];
  const char *p = pass->text + token->start;
  gsize n = token->end - token->start;
  guint32 hash = pass->hashes[t];
  gint m = pass->mention_of[t];
  guint flags = pass->cues[hash & 0x3ff] & pass->cues[(hash >> 10) & 0x3ff];

  if (m >= 0)
    flags |= KG_EVENT_NAMED | (pass->mentions[m].first_token == t ? KG_EVENT_NAME_START : 0);
  flags |= (*p | 0x20) == 'p' ? KG_EVENT_P : 0;
  /* The last two bytes at one load ("ed" in the text's byte order). */
  if (n >= 4)
    {
      guint16 end;

      memcpy (&end, p + n - 2, 2);
      flags |= end == GUINT16_FROM_LE ('e' | 'd' << 8) ? KG_EVENT_ED : 0;
    }
  return flags;
}

/* The events of tokens [first, end) into events; returns their number. */
static guint
find_events (KgRelationReader *r,
             guint             first,
             guint             end,
             KgTokenEvent     *events)
{
  Pass pass = pass_of (r);
  guint n = 0;

  for (guint t = first; t < end; t++)
    {
      guint flags = token_flags (&pass, t);

      if (flags != 0)
        events[n++] = (KgTokenEvent) { t, flags };
    }
  return n;
}

void
kg_relation_reader_start_events (KgRelationReader *r)
{
  const KgToken *tokens = (const KgToken *) (gpointer) r->a->tokens->data;

  r->cues = cue_table (r);
  r->hashes = kg_token_hashes (r->a);
  r->events = g_new (KgTokenEvent, r->n_tokens + 1);
  r->n_events = 0;
  const KgMention *mentions = r->mentions;
  guint n_mentions = r->a->mentions->len, n_tokens = r->n_tokens;
  guint8 *marks;

  /* 1: a token of the sentence is in a mention; 2: its events are found.
   * The loop reads locals: a byte store could change the reader, as far
   * as the compiler knows. */
  r->sentence_marks = marks = g_new0 (guint8, r->a->sentences->len);
  for (guint m = 0; m < n_mentions; m++)
    for (guint t = mentions[m].first_token; t < mentions[m].end_token && t < n_tokens; t++)
      marks[tokens[t].sentence] = 1;
}

void
kg_relation_reader_end_events (KgRelationReader *r)
{
  g_clear_pointer (&r->events, g_free);
  g_clear_pointer (&r->sentence_marks, g_free);
}

gboolean
kg_relation_reader_add_events (KgRelationReader *r,
                               guint             first_sentence,
                               guint             end_sentence,
                               guint             first,
                               guint             end)
{
  gboolean named = FALSE;

  for (guint i = first_sentence; i < end_sentence; i++)
    named |= r->sentence_marks[i] != 0;
  if (!named)
    return FALSE;
  for (guint i = first_sentence; i < end_sentence; i++)
    r->sentence_marks[i] = 2;
  r->n_events += find_events (r, first, end, r->events + r->n_events);
  return TRUE;
}

guint
kg_relation_reader_pronoun_events (KgRelationReader *r,
                                   guint             first,
                                   guint             end,
                                   KgTokenEvent     *events)
{
  /* In locals: kg_token_may_name() could change the reader, as far as the
   * compiler knows, and every token would load them again. */
  const guint8 *cues = r->cues;
  const guint32 *hashes = r->hashes;
  guint named = 0;

  /* No token of the sentence is in a mention: only two pronouns or the
   * like may make one relation, and few sentences have them. */
  for (guint t = first; t < end && named < 2; t++)
    named += (cues[hashes[t] & 0x3ff] & cues[(hashes[t] >> 10) & 0x3ff] & KG_EVENT_MAY_NAME)
             && kg_token_may_name (r->a, r->mention_of, t);
  if (named < 2)
    return 0;
  return find_events (r, first, end, events);
}

/* The word sets by hash (KgHashedSet), which the clause breaks the events
 * lead to are told with. */
static gint
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  guint32 x = ((const KgWordOfHash *) a)->hash, y = ((const KgWordOfHash *) b)->hash;

  return x < y ? -1 : x > y;
}

void
kg_hashed_set_prepare (KgHashedSet *hashed)
{
  const char *const *words = hashed->set->words;

  if (!g_once_init_enter (&hashed->ready))
    return;
  kg_word_set_prepare (hashed->set);
  while (words[hashed->n] != NULL)
    hashed->n++;
  hashed->table = g_new (KgWordOfHash, hashed->n);
  for (guint i = 0; i < hashed->n; i++)
    hashed->table[i] = (KgWordOfHash) { kg_word_hash (words[i], strlen (words[i])), i };
  qsort (hashed->table, hashed->n, sizeof hashed->table[0], compare_hashes);
  g_once_init_leave (&hashed->ready, 1);
}

gboolean
kg_hashed_set_find (KgHashedSet      *hashed,
                    const KgAnalysis *a,
                    guint             t,
                    guint32           hash)
{
  guint lo = 0, hi = hashed->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (hashed->table[mid].hash < hash)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Words whose hashes are alike are side by side. */
  for (; lo < hashed->n && hashed->table[lo].hash == hash; lo++)
    if (kg_token_is (a, t, hashed->set->words[hashed->table[lo].word]))
      return TRUE;
  return FALSE;
}
