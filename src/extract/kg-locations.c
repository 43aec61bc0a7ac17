/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-relations-private.h"

/*
 * Where things are: "based in", "office in", "born in", "of <place>",
 * "<town>, <region>", "<place> native", "<place>'s <company>", and the
 * dateline a wire story opens with. Lists of places ("Oslo, Bergen and
 * Tromsø") say nothing of where each one is.
 */

static const char *const location_cues_words[] = {
  "office", "offices", "headquarters", "plant", "factory", "branch", "base", "campus",
  "store", "site", "facility", "subsidiary", NULL
};
static KgWordSet location_cues = { location_cues_words };
static const char *const based_words[] = { "based", "headquartered", "located", "situated",
                                           "registered", "incorporated", NULL };
static KgWordSet based = { based_words };
static const char *const lives_words[] = { "born", "lives", "lived", "living", "resident",
                                           "native", "grew", NULL };
static KgWordSet lives = { lives_words };

static gboolean in_list (KgRelationReader *r, const KgMention *place);

/* The first place named within a few tokens after t ("in the Norland"). */
static const KgMention *
place_after (KgRelationReader *r,
             guint             t,
             guint             hi)
{
  for (guint k = t; k < hi && k < t + 4; k++)
    {
      const KgMention *m = kg_relation_reader_mention (r, k);

      /* What follows "in" is a place even where it was read as a
       * government ("based in Norland"). */
      if (m != NULL)
        return kg_is_type (m, KG_ENTITY_PLACE) || kg_is_type (m, KG_ENTITY_GOVERNMENT) ? m : NULL;
      if (kg_token (r->a, k)->kind != KG_TOKEN_WORD || kg_is_clause_break (r->a, k))
        return NULL;
    }
  return NULL;
}

/* Who a location cue at token t is about: the nearest organisation,
 * government or person before it in the clause, or "its"/"their". */
static guint
located_owner (KgRelationReader *r,
               guint             t,
               guint             lo,
               gboolean          people)
{
  const KgAnalysis *a = r->a;

  for (guint k = t; k-- > lo && k + 12 > t;)
    {
      const KgMention *m = kg_relation_reader_mention (r, k);

      /* "Acme, which is based in Oslo" */
      if ((kg_token_is (a, k, "which") || kg_token_is (a, k, "who") || kg_token_is (a, k, "that"))
          && k > lo && kg_token_is (a, k - 1, ","))
        continue;
      if (kg_is_clause_break (a, k))
        break;
      if (m != NULL && m->type != KG_ENTITY_PLACE && (people || m->type != KG_ENTITY_PERSON))
        return m->entity;
      if (kg_token_is (a, k, "its") || kg_token_is (a, k, "their"))
        return kg_entity_at (a, r->mention_of, r->quoted, k);
    }
  return KG_NO_ENTITY;
}

/* Relates source to the place and, for "Tromsø, Norland", to the region
 * named after it too. */
void
kg_relation_place (KgRelationReader *r,
              guint             source,
              const KgMention  *place,
              const char       *label,
              guint             t)
{
  const KgMention *next = kg_relation_reader_mention (r, place->end_token + 1);

  kg_relation_reader_relate (r, source, place->entity, KG_RELATION_LOCATED_IN, label, t);
  if (kg_token_is (r->a, place->end_token, ",") && kg_is_type (next, KG_ENTITY_PLACE)
      && !in_list (r, next))
    kg_relation_reader_relate (r, source, next->entity, KG_RELATION_LOCATED_IN, label, t);
}

/* cue: whether token t may be one of the sets' words; m: its mention. */
static void
locations (KgRelationReader *r,
           gboolean          cue,
           const KgMention  *m,
           guint             t,
           guint             lo,
           guint             hi)
{
  const KgAnalysis *a = r->a;
  const KgMention *place;

  if (cue && kg_token_in_set (a, t, &based) && (kg_token_is (a, t + 1, "in") || kg_token_is (a, t + 1, "at"))
      && (place = place_after (r, t + 2, hi)) != NULL)
    kg_relation_place (r, located_owner (r, t, lo, TRUE), place, "based in", t);
  else if (cue && kg_token_in_set (a, t, &lives) && t + 2 < hi
           && (place = place_after (r, t + 1 + (kg_token_is (a, t + 1, "up") ? 1 : 0) + 1, hi)) != NULL)
    kg_relation_place (r, located_owner (r, t, lo, TRUE), place, "lives in", t);
  else if (cue && kg_token_in_set (a, t, &location_cues) && kg_token_is (a, t + 1, "in")
           && (place = place_after (r, t + 2, hi)) != NULL)
    kg_relation_place (r, located_owner (r, t, lo, FALSE), place, "has an office in", t);
  else if (kg_is_type (m, KG_ENTITY_PLACE) && kg_token_in_set (a, m->end_token, &location_cues)
           && t == m->first_token)
    /* "its Oslo office" */
    kg_relation_reader_relate (r, located_owner (r, t, lo, FALSE), m->entity,
                               KG_RELATION_LOCATED_IN, "has an office in", t);
}

/* Whether the place mention starts or continues a list ("Oslo, Bergen and
 * Tromsø"): then the commas between them say nothing of where each is. */
static gboolean
in_list (KgRelationReader *r,
         const KgMention  *place)
{
  const KgAnalysis *a = r->a;
  guint after = place->end_token, before = place->first_token;

  if (kg_token_is (a, after, "and") || kg_token_is (a, after, "or"))
    return TRUE;
  if (kg_token_is (a, after, ",") && (kg_token_is (a, after + 1, "and") || kg_token_is (a, after + 1, "or")))
    return TRUE;
  return before >= 2 && kg_token_is (a, before - 1, ",")
         && kg_is_type (kg_relation_reader_mention (r, before - 2), KG_ENTITY_PLACE)
         && kg_is_type (kg_relation_reader_mention (r, after + 1), KG_ENTITY_PLACE);
}

/* "Acme of Oslo", "Jo Example of Oslo", "the museum (, ) in Oslo", "Rome is
 * in Lazio", and "Tromsø, Norland", "the Depot, Tromsø, Norland" (a town
 * in its region, a site in its town). */
static void
located_after_name (KgRelationReader *r,
                    const KgMention  *m,
                    guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = m->end_token;
  const KgMention *place;

  if (kg_token_is (a, t, "of") && (place = kg_relation_reader_mention (r, t + 1)) != NULL)
    {
      if (kg_is_type (place, KG_ENTITY_PLACE) && m->type != KG_ENTITY_PLACE)
        kg_relation_reader_relate (r, m->entity, place->entity, KG_RELATION_LOCATED_IN,
                                   m->type == KG_ENTITY_PERSON ? "from" : "based in", t);
      return;
    }
  if (m->type != KG_ENTITY_PERSON)
    {
      guint k = t;

      if (kg_token_is (a, k, ",") || kg_token_is (a, k, "is") || kg_token_is (a, k, "are"))
        k++;
      if (kg_token_is (a, k, "in") && (place = place_after (r, k + 1, hi)) != NULL)
        {
          kg_relation_reader_relate (r, m->entity, place->entity, KG_RELATION_LOCATED_IN, "in", t);
          return;
        }
    }
  /* After a town, its region may have been read as a government. */
  if (m->type != KG_ENTITY_PERSON && kg_token_is (a, t, ",")
      && (place = kg_relation_reader_mention (r, t + 1)) != NULL
      && (kg_is_type (place, KG_ENTITY_PLACE)
          || (m->type == KG_ENTITY_PLACE && kg_is_type (place, KG_ENTITY_GOVERNMENT)))
      && !in_list (r, place) && !(m->type == KG_ENTITY_PLACE && in_list (r, m)))
    {
      const KgMention *next = kg_relation_reader_mention (r, place->end_token + 1);

      kg_relation_reader_relate (r, m->entity, place->entity, KG_RELATION_LOCATED_IN, "in", t);
      if (m->type != KG_ENTITY_PLACE && kg_token_is (a, place->end_token, ",")
          && kg_is_type (next, KG_ENTITY_PLACE) && !in_list (r, next))
        kg_relation_reader_relate (r, m->entity, next->entity, KG_RELATION_LOCATED_IN, "in", t);
    }
}

/* "PY1204232594": capitals and digits, as wire services number stories. */
static gboolean
is_wire_code (const KgAnalysis *a,
              guint             t)
{
  const char *p = kg_token_text (a, t);
  gsize n = kg_token_len (a, t);
  gboolean digit = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (p[i]))
        digit = TRUE;
      else if (!g_ascii_isupper (p[i]))
        return FALSE;
    }
  return digit && n >= 6;
}

/* "Oslo native Jo Example", "Jo Example, an Oslo native," and "a native
 * of Oslo": where a person comes from. */
static void
native_of (KgRelationReader *r,
           const KgMention  *place,
           guint             lo,
           guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = place->end_token;
  const KgMention *person = NULL;

  if (!kg_token_is (a, t, "native") && !kg_token_is (a, t, "natives"))
    return;
  person = kg_relation_reader_mention (r, t + 1);
  if (!kg_is_type (person, KG_ENTITY_PERSON) && place->first_token >= lo + 3)
    {
      guint k = place->first_token - 1;

      if (kg_is_determiner (a, k))
        k--;
      if (kg_token_is (a, k, ","))
        person = kg_relation_reader_mention (r, k - 1);
    }
  if (kg_is_type (person, KG_ENTITY_PERSON))
    kg_relation_reader_relate (r, person->entity, place->entity, KG_RELATION_LOCATED_IN, "from", t);
}

/* "Acme, the Norland carmaker": where an organisation is. */
static void
organisation_apposition (KgRelationReader *r,
                         const KgMention  *m,
                         guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = m->end_token;
  const KgMention *place;

  if (!kg_is_actor (m) || !kg_token_is (a, t, ",") || !kg_is_determiner (a, t + 1))
    return;
  place = kg_relation_reader_mention (r, t + 2);
  if (kg_is_type (place, KG_ENTITY_PLACE) && place->end_token < hi
      && kg_token (a, place->end_token)->kind == KG_TOKEN_WORD
      && g_ascii_islower (*kg_token_text (a, place->end_token)))
    {
      kg_relation_reader_relate (r, m->entity, place->entity, KG_RELATION_LOCATED_IN, "based in", t);
      return;
    }
  /* "Acme Farm, a retreat centre in Tromsø" */
  for (guint k = t + 2; k < hi && k < t + 8; k++)
    {
      if (r->mention_of[k] >= 0 || kg_token (a, k)->kind != KG_TOKEN_WORD)
        return;
      if (kg_token_is (a, k, "in") && (place = place_after (r, k + 1, hi)) != NULL)
        {
          kg_relation_place (r, m->entity, place, "based in", k);
          return;
        }
    }
}

/* A dateline: "OSLO (Wire) —", "Tromsø, Norland, May 3 (Wire)", "Oslo
 * WIRE": the service or paper is based where it files from. */
static void
dateline (KgRelationReader *r,
          const KgSentence *s)
{
  const KgAnalysis *a = r->a;
  const KgMention *places[2] = { NULL, NULL }, *m;
  guint t = s->first_token, n = 0;

  if (t < s->end_token && is_wire_code (a, t) && r->mention_of[t] < 0)
    t++;   /* a wire code before the place */
  for (; t < s->end_token && t < s->first_token + 12; t++)
    {
      if ((m = kg_relation_reader_mention (r, t)) != NULL)
        {
          if (m->type == KG_ENTITY_PLACE && n < 2 && (n == 0 || kg_token_is (a, t - 1, ",")))
            places[n++] = m;
          else if (n > 0 && m->type != KG_ENTITY_PERSON && m->type != KG_ENTITY_PLACE)
            {
              for (guint i = 0; i < n; i++)
                kg_relation_reader_relate (r, m->entity, places[i]->entity, KG_RELATION_LOCATED_IN,
                                           "based in", t);
              return;
            }
          else
            return;
          t = m->end_token - 1;
        }
      else if (n == 0 || (kg_token (a, t)->kind == KG_TOKEN_WORD
                          && g_ascii_islower (*kg_token_text (a, t))))
        return;
    }
}

void
kg_location_cue_filter (guint64 filter[16])
{
  kg_word_set_prepare (&based);
  kg_word_set_prepare (&lives);
  kg_word_set_prepare (&location_cues);
  for (guint k = 0; k < G_N_ELEMENTS (based.filter); k++)
    filter[k] = based.filter[k] | lives.filter[k] | location_cues.filter[k];
}

void
kg_read_locations (KgRelationReader *r,
                   const KgSentence *s,
                   guint             lo,
                   guint             hi)
{
  dateline (r, s);
  /* Only a cue word or the start of a name leads anywhere. */
  for (guint i = lo; i < hi; i++)
    {
      guint t = r->events[i].token, flags = r->events[i].flags;
      const KgMention *m;

      if (!(flags & (KG_EVENT_LOCATION_CUE | KG_EVENT_NAME_START)))
        continue;
      m = kg_relation_reader_mention (r, t);
      locations (r, (flags & KG_EVENT_LOCATION_CUE) != 0, m, t, s->first_token, s->end_token);
      if (!(flags & KG_EVENT_NAME_START))
        continue;
      located_after_name (r, m, s->end_token);
      organisation_apposition (r, m, s->end_token);
      if (m->type == KG_ENTITY_PLACE)
        native_of (r, m, s->first_token, s->end_token);
    }
}
