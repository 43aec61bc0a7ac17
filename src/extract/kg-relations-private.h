/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kg-words.h"

G_BEGIN_DECLS

/* What a token may start (kg-relation-events.c). The cues are told by
 * their words' hash filters: a flag may be set for a word that is none. */
enum
{
  KG_EVENT_NAMED        = 1 << 0,   /* within a mention */
  KG_EVENT_NAME_START   = 1 << 1,   /* the first token of the mention there */
  KG_EVENT_LOCATION_CUE = 1 << 2,   /* "based", "born", "office" … */
  KG_EVENT_ACTION_CUE   = 1 << 3,   /* a tie, a speech or a listed action verb */
  KG_EVENT_MAY_NAME     = 1 << 4,   /* a pronoun, "the company" … */
  KG_EVENT_P            = 1 << 5,   /* starts with a "p" ("partner") */
  KG_EVENT_ED           = 1 << 6,   /* four bytes or more, ending in "ed" */
};

typedef struct
{
  guint token;
  guint flags;
} KgTokenEvent;


/* What the relation patterns (kg-relations.c) and the verb-based relations
 * (kg-actions.c) share while reading one document. */
typedef struct
{
  KgAnalysis       *a;
  KgGraph          *graph;
  KgDocument       *doc;
  gint             *mention_of;   /* per token, see kg_mention_index() */
  guint8           *quoted;       /* per token, inside a quotation */
  const KgWordList *titles;
  const KgWordList *speech;
  const KgWordList *verbs;
  const KgWordList *stance;
  /* The document's quotations (const KgQuote *), found in one pass over the
   * graph's. */
  GPtrArray        *quotes;
  /* Word of a ministry's or department's name, in lower case → its first
   * mention; made on the first minister's title (kg-organisations.c). */
  GHashTable       *ministries;
  /* The analysis's tokens and mentions, which stay as they are while the
   * document is read: kg_relation_reader_mention() is asked of every token. */
  guint             n_tokens;
  const KgMention  *mentions;
  /* The tokens with a flag of the sentences read so far, in order
   * (kg-relation-events.c). */
  KgTokenEvent     *events;
  guint             n_events;
  guint8           *sentence_marks;
  const guint8     *cues;     /* see cue_table() in kg-relation-events.c */
  const guint32    *hashes;
  /* The last clause start found (kg-actions.c): from token clause_from,
   * not before clause_lo, the clause starts at clause_first. A sentence's
   * verbs are read in order, and the walk back from the next one stops
   * where it reaches the last one's token. */
  guint             clause_lo;
  guint             clause_from;
  guint             clause_first;
  /* Quotation i's tokens: [quote_ranges[2 i], quote_ranges[2 i + 1]). */
  const guint      *quote_ranges;
} KgRelationReader;

/* Whether token t, in no mention, may be a pronoun or "the company" (a
 * superset of those kg_entity_at() finds an entity at). */
static inline gboolean
kg_relation_reader_may_name (KgRelationReader *r,
                             guint             t)
{
  guint32 h = r->hashes[t];

  return (r->cues[h & 0x3ff] & r->cues[(h >> 10) & 0x3ff] & KG_EVENT_MAY_NAME) != 0;
}
/* kg_word_list_match() of list at token t, whose hash the reader holds:
 * the verb pass asks it of every cue. */
static inline guint
kg_relation_reader_match (KgRelationReader *r,
                          const KgWordList *list,
                          guint             t,
                          guint             hi)
{
  if (list == NULL || t >= hi
      || !kg_word_filter_has (((const KgWordListHead *) (gconstpointer) list)->first_filter, r->hashes[t]))
    return 0;
  return kg_word_list_match_at (list, r->a, t, hi);
}
/* Before and after the events are asked. */
void      kg_relation_reader_start_events (KgRelationReader *r);
void      kg_relation_reader_end_events   (KgRelationReader *r);
/* Appends the events of tokens [first, end), which are those of sentences
 * [first_sentence, end_sentence), when one of these has a name; FALSE
 * when none has, and nothing is appended. */
gboolean  kg_relation_reader_add_events   (KgRelationReader *r,
                                           guint             first_sentence,
                                           guint             end_sentence,
                                           guint             first,
                                           guint             end);
/* Whether the events of sentence i were appended. */
static inline gboolean
kg_relation_reader_has_events (KgRelationReader *r,
                               guint             i)
{
  return r->sentence_marks[i] == 2;
}
/* For a sentence with no name, whose events were not appended: its events
 * into events (room for end - first; the room past r->n_events is enough),
 * and their number; 0 when fewer than
 * two of its tokens may name someone. */
guint     kg_relation_reader_pronoun_events (KgRelationReader *r,
                                             guint             first,
                                             guint             end,
                                             KgTokenEvent     *events);
/* The words that start a pattern of kg_read_locations(), and of
 * kg_find_actions(), as hash filters (see kg_word_filter_has()). */
void      kg_location_cue_filter     (guint64           filter[16]);
void      kg_action_cue_filter       (KgRelationReader *r,
                                      guint64           filter[16]);

/* Adds (or finds) the relation and gives it the sentence of token t as
 * evidence. Nothing when an end is missing or both ends are one entity. */
void      kg_relation_reader_relate  (KgRelationReader *r,
                                      guint             source,
                                      guint             target,
                                      KgRelationKind    kind,
                                      const char       *label,
                                      guint             t);
/* The tokens' hashes (kg_token_hash()), for a loop over every token. */
static inline const guint32 *
kg_token_hashes (KgAnalysis *a)
{
  return a->token_hashes;
}
/* The mention at token t, or NULL. Inline: the patterns ask it of every
 * token. */
static inline const KgMention *
kg_relation_reader_mention (KgRelationReader *r,
                            guint             t)
{
  if (t >= r->n_tokens || r->mention_of[t] < 0)
    return NULL;
  return &r->mentions[r->mention_of[t]];
}
/* "Environment minister Jo Example", "Defence Secretary Jo Example": the
 * ministry or department the document names after the portfolio (a title
 * from first to last, ending in "minister" or "secretary"), or NULL. */
const KgMention *kg_ministry_of_title (KgRelationReader *r,
                                       guint             first,
                                       guint             last);
/* Whether token t is a preposition that makes the name after it no subject.
 * Inline: the verbs' subjects ask it of the words before them. */
extern KgWordSet kg_prepositions;
static inline gboolean
kg_is_preposition (const KgAnalysis *a,
                   guint             t)
{
  return kg_token_in_set (a, t, &kg_prepositions);
}
/* Whether token t ends a clause: ; : ( ) a quotation mark, or a word that
 * opens a new one ("when", "but", "which", "after" …). */
extern KgWordSet kg_clause_words;

/* A word set's words in the order of their hashes, made on first use: a
 * token its filter lets through, which is most often one of its words,
 * is compared with the words of its hash only, not with each in turn. */
typedef struct
{
  guint32 hash;
  guint   word;
} KgWordOfHash;

typedef struct
{
  KgWordSet    *set;
  gsize         ready;
  guint         n;
  KgWordOfHash *table;   /* never freed, as the set is not */
} KgHashedSet;

void      kg_hashed_set_prepare      (KgHashedSet      *hashed);
/* Past the filter: whether token t, of that hash, is one of the words. */
gboolean  kg_hashed_set_find         (KgHashedSet      *hashed,
                                      const KgAnalysis *a,
                                      guint             t,
                                      guint32           hash);
/* What kg_token_in_set (a, t, hashed->set) answers; hash: token t's. */
static inline gboolean
kg_hashed_set_has (KgHashedSet      *hashed,
                   const KgAnalysis *a,
                   guint             t,
                   guint32           hash)
{
  if (!g_atomic_pointer_get (&hashed->ready))
    kg_hashed_set_prepare (hashed);
  return kg_word_filter_has (hashed->set->filter, hash) && kg_hashed_set_find (hashed, a, t, hash);
}

extern KgHashedSet kg_clause_hashed;
/* kg_is_clause_break() of token t, given its hash: a walk over many
 * tokens reads the hashes the reader holds. */
static inline gboolean
kg_is_clause_break_hashed (const KgAnalysis *a,
                           guint             t,
                           guint32           hash)
{
  const KgToken *token = kg_token (a, t);
  char c = a->text[token->start];

  if (token->kind == KG_TOKEN_QUOTE)
    return TRUE;
  if (token->kind == KG_TOKEN_PUNCT)
    return c == ';' || c == ':' || c == '(' || c == ')' || c == '.' || c == '?' || c == '!';
  return kg_hashed_set_has (&kg_clause_hashed, a, t, hash);
}
/* Inline: the verbs' clauses are walked back token by token. */
static inline gboolean
kg_is_clause_break (const KgAnalysis *a,
                    guint             t)
{
  return kg_is_clause_break_hashed (a, t, kg_token_hash (a, t));
}

/* Whether token t is "the", "a", "its" … */
gboolean  kg_is_determiner           (const KgAnalysis *a,
                                      guint             t);

static inline gboolean
kg_is_type (const KgMention *m,
            KgEntityType     type)
{
  return m != NULL && m->type == type;
}

/* An organisation or a government. */
static inline gboolean
kg_is_actor (const KgMention *m)
{
  return m != NULL && (m->type == KG_ENTITY_ORGANIZATION || m->type == KG_ENTITY_GOVERNMENT);
}

/* Relates source to the place and, for "Tromsø, Norland", to the region
 * named after it too. */
void      kg_relation_place          (KgRelationReader *r,
                                      guint             source,
                                      const KgMention  *place,
                                      const char       *label,
                                      guint             t);
/* Past ", 46," and ", R-Ky.," after a comma: where the apposition that
 * starts at token t proper starts. */
guint     kg_skip_short_apposition   (KgRelationReader *r,
                                      guint             t,
                                      guint             hi);
/* kg-role-verbs.c: the roles a verb states after or before the person;
 * names_actor: whether the sentence names what is neither a person nor a
 * place, which the verbs after the person need. */
void      kg_read_role_verbs         (KgRelationReader *r,
                                      const KgMention  *person,
                                      guint             hi,
                                      gboolean          names_actor);
/* The organisation, government or place heading the noun phrase at t. */
const KgMention *kg_phrase_organisation (KgRelationReader *r,
                                         guint             t,
                                         guint             hi);
/* kg-organisations.c: "Acme partner Beta" at token t; "Norland's Water
 * Agency" after owner; "Beta, a unit of Acme" after part. */
void      kg_relate_partners         (KgRelationReader *r,
                                      guint             t,
                                      guint             lo,
                                      guint             hi);
void      kg_relate_possessive       (KgRelationReader *r,
                                      const KgMention  *owner,
                                      guint             hi);
void      kg_relate_unit             (KgRelationReader *r,
                                      const KgMention  *part,
                                      guint             hi);
/* lo, hi: the sentence's events (kg_relation_reader_add_events()). */
void      kg_read_locations          (KgRelationReader *r,
                                      const KgSentence *s,
                                      guint             lo,
                                      guint             hi);
void      kg_find_actions            (KgRelationReader *r);

G_END_DECLS
