/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-relations-private.h"

/*
 * Relations a verb states: a subject and an object named in one clause
 * with a verb between them ("Acme sued Beta", "the ministry ordered
 * departments to remove the vendor's software"); a speaker and those they
 * speak about, in reported speech ("…, Reuters reported") and in their
 * quotations; and "ties between A and B". Names that merely share a long
 * sentence are never related: the verb must tie them within a clause.
 */

/* Words in -ed that are not verbs of action. */
static const char *const not_verbs_words[] = {
  "need", "indeed", "hundred", "based", "used", "united", "limited", "related", "speed",
  "seed", "feed", "bed", "red", "shed", "breed", "bleed", "greed", "weed", "proceed",
  "succeed", "exceed", "naked", "wicked", "sacred", "rugged", "aged", "beloved",
  "alleged", "supposed", "so-called", "concerned", "interested", "involved", "unnamed",
  "detailed", "advanced", "experienced", "skilled", "talented", "armed", "embattled",
  "increased", "reduced", "expected", "unexpected", "planned", "proposed", "elected",
  "listed", "owned", "undisclosed", "unspecified", NULL
};
static KgWordSet not_verbs = { not_verbs_words };

static KgHashedSet not_verbs_hashed = { &not_verbs };

static const char *const determiners_words[] = {
  "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
  "your", "my", "some", "any", "no", "all", "most", "more", "less", "very", "been", NULL
};
static KgWordSet determiners = { determiners_words };

static const char *const passive_aux_words[] = {
  "was", "were", "is", "are", "been", "being", "be", "get", "got", NULL
};
static KgWordSet passive_aux = { passive_aux_words };

static const char *const stance_verbs_words[] = {
  "criticised", "criticized", "criticising", "criticizing", "accused", "accusing", "blamed",
  "condemned", "praised", "attacked", "warned", "urged", "described", "called", "denied",
  "alleged", "charged", NULL
};
static KgWordSet stance_verbs = { stance_verbs_words };

/* Whether token t is a verb of action, and how many tokens it spans. */
static gboolean
is_action_verb (KgRelationReader *r,
                guint             t,
                guint             hi,
                guint            *len)
{
  const KgAnalysis *a = r->a;
  const char *p = kg_token_text (a, t);
  gsize n = kg_token_len (a, t);

  if (r->quoted[t] || r->mention_of[t] >= 0 || kg_token (a, t)->kind != KG_TOKEN_WORD)
    return FALSE;
  if ((*len = kg_word_list_match (r->verbs, a, t, hi)) > 0)
    return TRUE;
  *len = 1;
  return n >= 4 && p[n - 2] == 'e' && p[n - 1] == 'd' && g_ascii_islower (p[0])
         && !kg_hashed_set_has (&not_verbs_hashed, a, t, r->hashes[t])
         && !(t > 0 && kg_token_in_set (a, t - 1, &determiners));
}

/* Auxiliaries and adverbs between a subject and its verb ("has also"). */
static gboolean
is_filler (KgRelationReader *r,
           guint             t)
{
  const KgAnalysis *a = r->a;

  return r->mention_of[t] < 0 && kg_token (a, t)->kind == KG_TOKEN_WORD
         && g_ascii_islower (*kg_token_text (a, t)) && !kg_is_preposition (a, t)
         && !kg_is_clause_break (a, t) && !kg_token_is (a, t, "and")
         && !kg_token_in_set (a, t, &determiners);
}

/* The entity token t names, when no preposition governs it. */
static guint
subject_at (KgRelationReader *r,
            guint             t,
            guint             lo)
{
  const KgMention *m = kg_relation_reader_mention (r, t);
  guint first = m != NULL ? m->first_token : t;

  if (m != NULL && m->type == KG_ENTITY_PLACE)
    return KG_NO_ENTITY;
  while (first > lo && kg_token_in_set (r->a, first - 1, &determiners))
    first--;
  if (first > lo && kg_is_preposition (r->a, first - 1))
    return KG_NO_ENTITY;
  return kg_entity_at (r->a, r->mention_of, r->quoted, t);
}

/* The clause's subject: the first name in [lo, hi) no preposition governs. */
static guint
clause_subject (KgRelationReader *r,
                guint             lo,
                guint             hi)
{
  for (guint t = lo; t < hi; t++)
    {
      const KgMention *m = kg_relation_reader_mention (r, t);

      if (r->quoted[t])
        continue;
      if (m != NULL && m->type != KG_ENTITY_PLACE && !kg_token_is_possessive (r->a, m->end_token)
          && subject_at (r, t, lo) != KG_NO_ENTITY)
        return m->entity;
      if (m != NULL)
        t = m->end_token - 1;
    }
  return KG_NO_ENTITY;
}

/* The start of the clause around token t (exclusive of its break). */
static guint
clause_start (KgRelationReader *r,
              guint             t,
              guint             lo)
{
  guint from = t;

  /* Each step depends on t alone: reaching the token the last walk (with
   * the same lo) started from, this one ends where that one did. */
  while (t > lo && !(t == r->clause_from && lo == r->clause_lo))
    {
      if (kg_token_is (r->a, t - 1, ")"))
        {
          while (t > lo && !kg_token_is (r->a, t - 1, "("))
            t--;
          if (t > lo)
            t--;
          continue;
        }
      if (kg_is_clause_break_hashed (r->a, t - 1, r->hashes[t - 1]))
        break;
      t--;
    }
  if (t > lo && t == r->clause_from && lo == r->clause_lo)
    t = r->clause_first;
  r->clause_lo = lo;
  r->clause_from = from;
  r->clause_first = t;
  return t;
}

static const char *const relative_pronouns_words[] = { "who", "which", "that", NULL };
static KgWordSet relative_pronouns = { relative_pronouns_words };

/* Who does what the verb at v says. */
static guint
verb_subject (KgRelationReader *r,
              guint             v,
              guint             lo)
{
  const KgAnalysis *a = r->a;
  guint start = clause_start (r, v, lo), k = v;

  while (k > start && k + 4 > v && is_filler (r, k - 1))
    k--;
  if (k > lo && kg_token_in_set (a, k - 1, &relative_pronouns)
      && k >= lo + 3 && kg_token_is (a, k - 2, ","))
    return subject_at (r, k - 3, lo);
  if (k == start || k == lo)
    return KG_NO_ENTITY;
  if (kg_token_is (a, k - 1, ",") || kg_token_is (a, k - 1, ")"))
    return clause_subject (r, start, k - 1);
  return subject_at (r, k - 1, start);
}

static gboolean
ends_object_search (KgRelationReader *r,
                    guint             t)
{
  return kg_is_clause_break_hashed (r->a, t, r->hashes[t]) || kg_token_is (r->a, t, ",")
         || kg_token_is (r->a, t, "and")
         || kg_token_is (r->a, t, "that") || r->quoted[t];
}

/* What the verb at v acts on: the first person, organisation or government
 * named after it in its clause; *to_verb is set for "ordered … to remove". */
static guint
verb_object (KgRelationReader *r,
             guint             v,
             guint             hi,
             guint            *to_verb)
{
  const KgAnalysis *a = r->a;

  *to_verb = G_MAXUINT;
  for (guint t = v; t < hi && t < v + 14; t++)
    {
      const KgMention *m = kg_relation_reader_mention (r, t);
      guint e;

      if (ends_object_search (r, t))
        return KG_NO_ENTITY;
      if (m != NULL)
        return m->type == KG_ENTITY_PLACE ? KG_NO_ENTITY : m->entity;
      if (kg_token_is (a, t, "to") && t + 1 < hi && r->mention_of[t + 1] < 0
          && g_ascii_islower (*kg_token_text (a, t + 1)) && !kg_token_in_set (a, t + 1, &determiners))
        *to_verb = t + 1;
      /* Past a mention: a pronoun or "the company", which most words
       * are not, as their hash tells. */
      if (kg_relation_reader_may_name (r, t)
          && (e = kg_entity_at (a, r->mention_of, r->quoted, t)) != KG_NO_ENTITY
          && kg_token_is (a, t > 0 ? t - 1 : t, "the"))
        return e;
    }
  return KG_NO_ENTITY;
}

/* Room for a verb's label on the stack: the graph copies it, and few are
 * longer. */
#define LABEL_ROOM 64

/* The verb's words, and " to " and to_verb's after them unless it is
 * G_MAXUINT: in room when they fit, else in a new string put in *heap. */
static const char *
verb_label (KgRelationReader *r,
            guint             v,
            guint             len,
            guint             to_verb,
            char              room[LABEL_ROOM],
            char            **heap)
{
  const KgAnalysis *a = r->a;
  gsize size = 0, at = 0;
  char *out;

  for (guint t = v; t < v + len; t++)
    size += kg_token_len (a, t) + 1;
  if (to_verb != G_MAXUINT)
    size += 4 + kg_token_len (a, to_verb);
  out = size < LABEL_ROOM ? room : (*heap = g_malloc (size + 1));
  for (guint t = v; t < v + len; t++)
    {
      if (at > 0)
        out[at++] = ' ';
      memcpy (out + at, kg_token_text (a, t), kg_token_len (a, t));
      at += kg_token_len (a, t);
    }
  if (to_verb != G_MAXUINT)
    {
      memcpy (out + at, " to ", 4);
      memcpy (out + at + 4, kg_token_text (a, to_verb), kg_token_len (a, to_verb));
      at += 4 + kg_token_len (a, to_verb);
    }
  out[at] = '\0';
  return out;
}

static void
action_at (KgRelationReader *r,
           const KgSentence *s,
           guint             v,
           guint             len)
{
  const KgAnalysis *a = r->a;
  guint subject, object, to_verb;
  char room[LABEL_ROOM];
  g_autofree char *heap = NULL;

  /* "Beta was sued by Acme" */
  if (v > s->first_token && kg_token_is (a, v + len, "by") && kg_token_in_set (a, v - 1, &passive_aux))
    {
      const KgMention *agent = kg_relation_reader_mention (r, v + len + 1);

      if (agent == NULL || agent->type == KG_ENTITY_PLACE)
        return;
      kg_relation_reader_relate (r, agent->entity, verb_subject (r, v - 1, s->first_token),
                                 KG_RELATION_ACTION, verb_label (r, v, len, G_MAXUINT, room, &heap), v);
      return;
    }
  /* The object first: most verbs have none, and it is found at less
   * cost than the subject. No relation, and no label to write, with one
   * end missing. */
  object = verb_object (r, v + len, s->end_token, &to_verb);
  if (object == KG_NO_ENTITY)
    return;
  subject = verb_subject (r, v, s->first_token);
  if (subject == KG_NO_ENTITY || object == subject)
    return;
  kg_relation_reader_relate (r, subject, object, KG_RELATION_ACTION,
                             verb_label (r, v, len, to_verb, room, &heap), v);
}

static const char *
speech_label (KgRelationReader *r,
              guint             v)
{
  if (kg_token_in_set (r->a, v, &stance_verbs))
    return NULL;
  if (kg_token_is (r->a, v, "reported") || kg_token_is (r->a, v, "reports"))
    return "reported on";
  return "commented on";
}

/* Relates speaker to everyone named in [lo, hi) outside quotations but
 * places, stopping at a ";" or ":" when stop_at_colon; returns how many
 * were named. */
static guint
relate_named (KgRelationReader *r,
              guint             speaker,
              const char       *label,
              guint             v,
              guint             lo,
              guint             hi,
              gboolean          stop_at_colon)
{
  /* In locals: the relations added between names could change the reader,
   * as far as the compiler knows, and every token would load it again. */
  const KgToken *tokens = (const KgToken *) (gpointer) r->a->tokens->data;
  const char *text = r->a->text;
  const gint *mention_of = r->mention_of;
  const guint8 *quoted = r->quoted;
  const KgMention *mentions = r->mentions;
  guint n = 0;

  hi = MIN (hi, r->n_tokens);
  for (guint t = lo; t < hi; t++)
    {
      const KgMention *m;

      /* The clause's end is found in the same pass, not in one before. */
      if (stop_at_colon && tokens[t].end - tokens[t].start == 1
          && (text[tokens[t].start] == ';' || text[tokens[t].start] == ':'))
        break;
      if (mention_of[t] < 0)
        continue;
      m = &mentions[mention_of[t]];
      if (quoted[t] || m->first_token != t || m->type == KG_ENTITY_PLACE || m->entity == speaker)
        continue;
      kg_relation_reader_relate (r, speaker, m->entity, KG_RELATION_ACTION, label, v);
      n++;
    }
  return n;
}

/* A speaker and whom their reported words name: "…, Reuters reported". */
static void
speech_at (KgRelationReader *r,
           const KgSentence *s,
           guint             v,
           guint             len)
{
  const KgAnalysis *a = r->a;
  guint speaker = kg_speech_subject (a, r->mention_of, r->quoted, v, len, s->first_token, s->end_token);
  const char *label = speech_label (r, v);
  char room[LABEL_ROOM];
  g_autofree char *heap = NULL;

  if (speaker == KG_NO_ENTITY)
    return;
  if (label == NULL)
    label = verb_label (r, v, len, G_MAXUINT, room, &heap);
  /* What was said follows the verb ("X said that …"), or, when the verb
   * ends its clause ("…, Reuters reported."), comes before it. */
  if (relate_named (r, speaker, label, v, v + len, s->end_token, TRUE) == 0
      && (v + len >= s->end_token || kg_token_is (a, v + len, ",") || kg_is_clause_break (a, v + len)))
    relate_named (r, speaker, label, v, s->first_token, v, FALSE);
}

/* "ties between A and B", "links between A and B". */
static const char *const ties_words[] = { "ties", "links", "connections", "relationship", "relations", NULL };
static KgWordSet ties = { ties_words };

static void
ties_at (KgRelationReader *r,
         const KgSentence *s,
         guint             t)
{
  const KgMention *first = NULL, *second = NULL;

  /* The tie words' filter, on the hash the reader holds, rules out nearly
   * every cue (the speech and action verbs); "between" is compared only
   * after it. */
  if (!g_atomic_pointer_get (&ties.ready))
    kg_word_set_prepare (&ties);
  if (!kg_word_filter_has (ties.filter, r->hashes[t]) || !kg_token_is (r->a, t + 1, "between")
      || !kg_token_in_set (r->a, t, &ties))
    return;
  for (guint k = t + 2; k < s->end_token && k < t + 12; k++)
    {
      const KgMention *m = kg_relation_reader_mention (r, k);

      if (m == NULL || m->first_token != k)
        continue;
      if (first == NULL)
        first = m;
      else if (kg_token_is (r->a, m->first_token - 1, "and") || kg_token_is (r->a, k - 1, "and"))
        {
          second = m;
          break;
        }
    }
  if (first != NULL && second != NULL)
    kg_relation_reader_relate (r, first->entity, second->entity, KG_RELATION_ACTION, "has ties to", t);
}

/* Whether a stance word ("criticised") starts in [first, end). */
static gboolean
is_critical (KgRelationReader *r,
             guint             first,
             guint             end)
{
  for (guint t = first; t < end; t++)
    if (kg_relation_reader_match (r, r->stance, t, r->a->tokens->len) > 0)
      return TRUE;
  return FALSE;
}

/* A speaker and everyone their quotation names. */
static void
quote_relations (KgRelationReader *r)
{
  /* A local: the relations added could change the reader, as far as the
   * compiler knows. A quotation's tokens are all the analysis's. */
  const gint *mention_of = r->mention_of;

  for (guint i = 0; i < r->quotes->len; i++)
    {
      const KgQuote *q = g_ptr_array_index (r->quotes, i);
      const char *label = NULL;
      guint first, end;

      if (q->speaker == KG_NO_ENTITY)
        continue;
      first = r->quote_ranges[2 * i];
      end = r->quote_ranges[2 * i + 1];
      for (guint t = first; t < end; t++)
        {
          const KgMention *m;

          if (mention_of[t] < 0)
            continue;
          m = &r->mentions[mention_of[t]];
          if (m->first_token != t || m->type == KG_ENTITY_PLACE)
            continue;
          /* Its words are read for a stance only when the quotation names
           * someone, which most do not. */
          if (label == NULL)
            label = is_critical (r, first, end) ? "criticised" : "spoke about";
          kg_relation_reader_relate (r, q->speaker, m->entity, KG_RELATION_ACTION, label, t);
        }
    }
}

/* Whether two of the sentence's tokens may name someone; events are its
 * events, whose flags tell most words without a call. */
static gboolean
names_two (KgRelationReader   *r,
           const KgTokenEvent *events,
           guint               n)
{
  guint named = 0;

  for (guint i = 0; i < n && named < 2; i++)
    named += (events[i].flags & KG_EVENT_NAMED)
             || ((events[i].flags & KG_EVENT_MAY_NAME)
                 && kg_token_may_name (r->a, r->mention_of, events[i].token));
  return named >= 2;
}

/* The words that start a tie, a speech verb or a listed action verb, in
 * one filter: most tokens are none, and one look answers for the three. */
void
kg_action_cue_filter (KgRelationReader *r,
                      guint64           cues[16])
{
  kg_word_filter_union (cues, &ties, r->speech, r->verbs);
}

/* Whether the sentence of events names someone speech_at() may relate a
 * speaker to: a name outside quotations that is no place. */
static gboolean
names_spoken_of (KgRelationReader   *r,
                 const KgTokenEvent *events,
                 guint               n)
{
  for (guint e = 0; e < n; e++)
    if ((events[e].flags & KG_EVENT_NAME_START) && !r->quoted[events[e].token]
        && r->mentions[r->mention_of[events[e].token]].type != KG_ENTITY_PLACE)
      return TRUE;
  return FALSE;
}

/* One past the last of events that may be a verb's object or agent (a
 * name but a place's, or a word kg_relation_reader_may_name() takes), 0
 * when none may. */
static guint
objects_end (KgRelationReader   *r,
             const KgTokenEvent *events,
             guint               n)
{
  for (guint e = n; e-- > 0;)
    if ((events[e].flags & KG_EVENT_MAY_NAME)
        || ((events[e].flags & KG_EVENT_NAMED)
            && r->mentions[r->mention_of[events[e].token]].type != KG_ENTITY_PLACE))
      return events[e].token + 1;
  return 0;
}

/* The relations of a sentence that names two: from its cue words and its
 * words in "-ed" (which is_action_verb() also takes). */
static void
read_actions (KgRelationReader   *r,
              const KgSentence   *s,
              const KgTokenEvent *events,
              guint               n)
{
  /* Asked at the first speech verb: -1 until then. Without such a name,
   * the verb's speaker, costly to find, would be related to no one. */
  gint spoken_of = -1;
  /* objects_end(), asked at the first verb: a verb past it has neither
   * object nor agent. */
  guint objects = G_MAXUINT;

  for (guint e = 0; e < n; e++)
    {
      guint t, len;
      gboolean cue = (events[e].flags & KG_EVENT_ACTION_CUE) != 0;

      /* Most of the sentence's events are names, read here for neither. */
      if (!cue && !(events[e].flags & KG_EVENT_ED))
        continue;
      t = events[e].token;
      if (cue)
        ties_at (r, s, t);
      if (r->quoted[t])
        continue;
      if (cue && (len = kg_relation_reader_match (r, r->speech, t, s->end_token)) > 0)
        {
          if (spoken_of < 0)
            spoken_of = names_spoken_of (r, events, n);
          if (spoken_of)
            speech_at (r, s, t, len);
        }
      else
        {
          if (objects == G_MAXUINT)
            objects = objects_end (r, events, n);
          if (t + 1 < objects && is_action_verb (r, t, s->end_token, &len) && t + len < objects)
            action_at (r, s, t, len);
        }
    }
}

void
kg_find_actions (KgRelationReader *r)
{
  const KgAnalysis *a = r->a;
  /* Where a sentence without a name puts its events: room that no named
   * sentence took. */
  KgTokenEvent *spare = r->events + r->n_events;
  guint e = 0;

  for (guint i = 0; i < a->sentences->len; i++)
    {
      const KgSentence *s = &g_array_index (a->sentences, KgSentence, i);
      guint first = e;

      /* Every relation here ties two of the sentence's tokens that name
       * someone: a sentence with fewer is passed over. */
      if (kg_relation_reader_has_events (r, i))
        {
          while (first < r->n_events && r->events[first].token < s->first_token)
            first++;
          for (e = first; e < r->n_events && r->events[e].token < s->end_token; e++)
            ;
          if (names_two (r, r->events + first, e - first))
            read_actions (r, s, r->events + first, e - first);
        }
      else
        {
          guint n = kg_relation_reader_pronoun_events (r, s->first_token, s->end_token, spare);

          if (n > 0)
            read_actions (r, s, spare, n);
        }
    }
  quote_relations (r);
}
