/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-relations-private.h"

/*
 * Relations a name's neighbours state outright: titles and appositions
 * ("Jo Example, managing director of Acme"; "Acme vice president Jo
 * Example") give roles, "Acme partner Beta" a partnership, "Norland's
 * Water Agency" a body of a government, "based in", "office in", "of
 * <place>" and "<town>, <region>" a location. Verbs between two names in
 * one clause are read in kg-actions.c. Every relation keeps its sentence.
 */

static const char *const honorifics[] = {
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
  "lord", "lady", "partner", NULL
};

static const char *const prepositions[] = {
  "of", "in", "at", "for", "with", "to", "from", "by", "on", "about", "against", "into",
  "over", "under", "between", "among", "after", "before", "during", "via", "than", NULL
};

static const char *const clause_words[] = {
  "when", "while", "but", "which", "who", "whom", "whose", "where", "because", "although",
  "though", "after", "before", "since", "unless", "until", "whereas", "if", NULL
};

static const char *const determiners[] = {
  "the", "a", "an", "its", "their", "his", "her", NULL
};

static const char *const links[] = {
  "is", "was", "as", "became", "becomes", "remains", "who", "to", "be", "will", "now", "named",
  "appointed", "elected", "also", "still", "currently", NULL
};

static gboolean role_title_of (KgRelationReader *r, const KgMention *person, guint t, guint hi);

static const char *const location_cues[] = {
  "office", "offices", "headquarters", "plant", "factory", "branch", "base", "campus",
  "store", "site", "facility", "subsidiary", NULL
};

static const char *const unit_words[] = {
  "unit", "subsidiary", "division", "arm", "part", "branch", "member", "department",
  "agency", NULL
};

gboolean
kg_is_preposition (const KgAnalysis *a,
                   guint             t)
{
  return kg_token_is_any (a, t, prepositions);
}

gboolean
kg_is_clause_break (const KgAnalysis *a,
                    guint             t)
{
  const KgToken *token = kg_token (a, t);
  const char *p = kg_token_text (a, t);

  if (token->kind == KG_TOKEN_QUOTE)
    return TRUE;
  if (token->kind == KG_TOKEN_PUNCT)
    return *p == ';' || *p == ':' || *p == '(' || *p == ')' || *p == '.' || *p == '?' || *p == '!';
  return kg_token_is_any (a, t, clause_words);
}

const KgMention *
kg_relation_reader_mention (KgRelationReader *r,
                            guint             t)
{
  if (t >= r->a->tokens->len || r->mention_of[t] < 0)
    return NULL;
  return &g_array_index (r->a->mentions, KgMention, r->mention_of[t]);
}

void
kg_relation_reader_relate (KgRelationReader *r,
                           guint             source,
                           guint             target,
                           KgRelationKind    kind,
                           const char       *label,
                           guint             t)
{
  const KgSentence *s;
  KgRelation *relation;

  if (source == KG_NO_ENTITY || target == KG_NO_ENTITY || source == target)
    return;
  s = &g_array_index (r->a->sentences, KgSentence, kg_token (r->a, t)->sentence);
  relation = kg_graph_find_relation (r->graph, source, target, kind, label);
  if (relation == NULL)
    relation = kg_graph_add_relation (r->graph, NULL, source, target, kind, label);
  for (guint i = 0; i < relation->evidence->len; i++)
    {
      const KgSpan *e = &g_array_index (relation->evidence, KgSpan, i);

      if (e->doc == r->doc->index && e->start == s->start)
        return;
    }
  kg_relation_add_evidence (relation, r->doc->index, s->start, s->end);
}

static gboolean
is_actor (const KgMention *m)
{
  return m != NULL && (m->type == KG_ENTITY_ORGANIZATION || m->type == KG_ENTITY_GOVERNMENT);
}

static gboolean
is_type (const KgMention *m,
         KgEntityType     type)
{
  return m != NULL && m->type == type;
}

static char *
span_text (KgRelationReader *r,
           guint             first,
           guint             end)
{
  const KgAnalysis *a = r->a;
  GString *s = g_string_new (NULL);

  for (guint t = first; t < end; t++)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_len (s, kg_token_text (a, t), kg_token_len (a, t));
    }
  return g_string_free (s, FALSE);
}

/* A title that ends at token last: its first token, or G_MAXUINT. Up to
 * three modifiers before it belong to it ("former", "acting", "senior";
 * with capitals, "a former Democratic member of"). */
static guint
title_ending_at (KgRelationReader *r,
                 guint             last,
                 guint             lo,
                 gboolean          capitals)
{
  const KgAnalysis *a = r->a;
  guint n = kg_word_list_match_back (r->titles, a, last, lo);
  guint first;

  if (n == 0 || (n == 1 && kg_token_is_any (a, last, honorifics)))
    return G_MAXUINT;
  first = last + 1 - n;
  while (first > lo && first + 3 > last + 1 - n && kg_token (a, first - 1)->kind == KG_TOKEN_WORD
         && r->mention_of[first - 1] < 0
         && (capitals || g_unichar_islower (g_utf8_get_char (kg_token_text (a, first - 1))))
         && !kg_is_preposition (a, first - 1) && !kg_token_is_any (a, first - 1, clause_words)
         && !kg_token_is_any (a, first - 1, determiners) && !kg_token_is_any (a, first - 1, links))
    first--;
  return first;
}

/* The organisation, government or place that heads the noun phrase
 * starting at token t ("the board of Acme", "Beta partner Acme Labs"): the
 * last one before a comma or a clause break. */
static const KgMention *
phrase_organisation (KgRelationReader *r,
                     guint             t,
                     guint             hi)
{
  const KgMention *found = NULL;

  for (guint k = t; k < hi && k < t + 8; k++)
    {
      const KgMention *m = kg_relation_reader_mention (r, k);

      if (kg_token_is (r->a, k, ",") || kg_is_clause_break (r->a, k) || kg_token_is (r->a, k, "and")
          || (kg_is_preposition (r->a, k) && !kg_token_is (r->a, k, "of") && found != NULL))
        break;
      if (m != NULL)
        {
          if (m->type == KG_ENTITY_PERSON)
            break;
          found = m;
          k = m->end_token - 1;
        }
    }
  return found;
}

/* A position in an organisation or government is a role; "mayor of
 * Tromsø", "an Oslo architect" place the person there. */
static void
relate_role (KgRelationReader *r,
             const KgMention  *person,
             const KgMention  *where,
             guint             first,
             guint             end)
{
  g_autofree char *label = span_text (r, first, end);

  if (where->type == KG_ENTITY_PLACE)
    kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_LOCATED_IN, "from", first);
  else if (where->type != KG_ENTITY_PERSON)
    kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, label, first);
}

/* "Jo Example, Acme's chief executive", "…, the Acme founder", "…, an Oslo
 * architect", "…, Kim Example's spokesman at Acme". */
static gboolean
role_named_first (KgRelationReader *r,
                  const KgMention  *person,
                  guint             t,
                  guint             hi)
{
  const KgAnalysis *a = r->a;
  const KgMention *where = kg_relation_reader_mention (r, t);
  guint k;

  if (where == NULL)
    return FALSE;
  k = where->end_token + (kg_token_is_possessive (a, where->end_token) ? 1 : 0);
  if (where->type == KG_ENTITY_PERSON)
    return k > where->end_token && role_title_of (r, person, k, hi);
  for (guint j = k; j < hi && j < k + 3; j++)
    {
      guint n = kg_word_list_match (r->titles, a, j, hi);
      if (n > 0 && !(n == 1 && kg_token_is_any (a, j, honorifics)))
        {
          relate_role (r, person, where, k, j + n);
          return TRUE;
        }
      /* "Acme's former chief executive" */
      if (r->mention_of[j] >= 0 || kg_token (a, j)->kind != KG_TOKEN_WORD
          || !g_ascii_islower (*kg_token_text (a, j)))
        break;
    }
  /* "an Oslo architect" */
  if (where->type == KG_ENTITY_PLACE && k == where->end_token && k < hi
           && kg_token (a, k)->kind == KG_TOKEN_WORD && g_ascii_islower (*kg_token_text (a, k)))
    relate_role (r, person, where, k, k + 1);
  return TRUE;
}

/* "managing director of Acme" starting at token t: a title (with its
 * modifiers) and the organisation after "of", "at", "for" or "with". */
static gboolean
role_title_of (KgRelationReader *r,
               const KgMention  *person,
               guint             t,
               guint             hi)
{
  const KgAnalysis *a = r->a;

  for (guint k = t; k < hi && k < t + 7; k++)
    {
      if (kg_token_is (a, k, "of") || kg_token_is (a, k, "at") || kg_token_is (a, k, "for")
          || kg_token_is (a, k, "with"))
        {
          const KgMention *where;
          guint first;

          if (k == t || (first = title_ending_at (r, k - 1, t, TRUE)) != t)
            return FALSE;
          where = phrase_organisation (r, k + 1, hi);
          if (where == NULL)
            return FALSE;
          relate_role (r, person, where, first, k);
          return TRUE;
        }
      /* "Jo Example, a guest from Oslo," */
      if (kg_token_is (a, k, "from") && k > t && r->mention_of[k + 1] >= 0)
        {
          const KgMention *where = kg_relation_reader_mention (r, k + 1);

          if (where->type == KG_ENTITY_PLACE && (k + 1 == hi || !kg_is_preposition (a, where->end_token)))
            kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_LOCATED_IN, "from", k);
          return where->type == KG_ENTITY_PLACE;
        }
      if (r->mention_of[k] >= 0 || kg_token (a, k)->kind != KG_TOKEN_WORD)
        return FALSE;
    }
  return FALSE;
}

/* Past ", 46," and ", R-Ky.," (an age, a party and state): token t follows
 * a comma; returns where the apposition proper starts. */
static guint
skip_short_apposition (KgRelationReader *r,
                       guint             t,
                       guint             hi)
{
  for (guint k = t; k < hi && k < t + 5; k++)
    {
      if (kg_token_is (r->a, k, ","))
        return k > t ? k + 1 : t;
      if (kg_token (r->a, k)->kind == KG_TOKEN_WORD && g_ascii_islower (*kg_token_text (r->a, k)))
        return t;
    }
  return t;
}

/* "Jo Example, (the) managing director of Acme", "Jo Example is chief
 * executive at Acme", "named Jo Example publisher of the Courier", "Jo
 * Example at the Institute of Physics". */
static void
role_after_person (KgRelationReader *r,
                   const KgMention  *person,
                   guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = person->end_token;
  gboolean comma = kg_token_is (a, t, ",");
  const KgMention *where;

  if (comma)
    t = skip_short_apposition (r, t + 1, hi);
  while (t < hi && kg_token_is_any (a, t, links))
    t++;
  while (t < hi && kg_token_is_any (a, t, determiners))
    t++;
  if (t >= hi)
    return;
  if ((comma || t > person->end_token) && role_named_first (r, person, t, hi))
    return;
  if (role_title_of (r, person, t, hi) || t > person->end_token + 1 || (t > person->end_token && !comma))
    return;
  /* A bare "of" or "at" ties a person to the body they belong to. */
  if ((kg_token_is (a, t, "of") || kg_token_is (a, t, "at"))
      && (where = phrase_organisation (r, t + 1, hi)) != NULL && where->type != KG_ENTITY_PLACE
      && (where->first_token == t + 1 || kg_token_is_any (a, t + 1, determiners)))
    kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, "member", t);
}

/* "Jo Example, who heads Acme", "Jo Example founded Acme". */
static void
role_by_verb (KgRelationReader *r,
              const KgMention  *person,
              guint             hi)
{
  static const struct { const char *verb; const char *label; } verbs[] = {
    { "heads", "head" }, { "headed", "head" }, { "leads", "leader" }, { "led", "leader" },
    { "runs", "head" }, { "ran", "head" }, { "directs", "director" }, { "directed", "director" },
    { "chairs", "chair" }, { "chaired", "chair" }, { "founded", "founder" },
    { "co-founded", "co-founder" }, { "owns", "owner" }, { "owned", "owner" },
    { "joined", "member" }, { "works", "works for" }, { "worked", "works for" },
  };
  const KgAnalysis *a = r->a;
  guint t = person->end_token;
  const KgMention *where;

  if (kg_token_is (a, t, ",") && kg_token_is (a, t + 1, "who"))
    t += 2;
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      guint k = t + 1;

      if (!kg_token_is (a, t, verbs[i].verb))
        continue;
      if (kg_token_is (a, k, "for") || kg_token_is (a, k, "at") || kg_token_is (a, k, "with"))
        k++;
      else if (g_str_equal (verbs[i].label, "works for"))
        return;
      where = phrase_organisation (r, k, hi);
      if (where != NULL && where->type != KG_ENTITY_PLACE
          && (where->first_token == k || kg_token_is_any (a, k, determiners)))
        kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, verbs[i].label, t);
      return;
    }
}

/* "Acme, founded by Jo Example", "the foundation headed by Jo Example". */
static void
role_by_passive (KgRelationReader *r,
                 const KgMention  *person)
{
  static const struct { const char *verb; const char *label; } verbs[] = {
    { "headed", "head" }, { "led", "leader" }, { "run", "head" }, { "directed", "director" },
    { "chaired", "chair" }, { "founded", "founder" }, { "co-founded", "co-founder" },
    { "owned", "owner" },
  };
  const KgAnalysis *a = r->a;
  guint t = person->first_token;

  if (t < 2 || !kg_token_is (a, t - 1, "by"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      guint k = t - 2;
      const KgMention *where;

      /* "founded in 1977 by" */
      if (k >= 2 && kg_token_is (a, k - 1, "in") && kg_token (a, k)->kind == KG_TOKEN_NUMBER)
        k -= 2;
      if (!kg_token_is (a, k, verbs[i].verb) || k == 0)
        continue;
      k--;
      while (k > 0 && (kg_token_is (a, k, "was") || kg_token_is (a, k, "is") || kg_token_is (a, k, ",")
                       || kg_token_is (a, k, "been") || kg_token_is (a, k, "has")))
        k--;
      where = kg_relation_reader_mention (r, k);
      if (where != NULL && where->type != KG_ENTITY_PLACE && where->type != KG_ENTITY_PERSON)
        kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, verbs[i].label, t);
      return;
    }
}

/* "Acme vice president Jo Example", "Acme's chief executive, Jo Example",
 * "Ohio Gov. Jo Example". */
static void
role_before_person (KgRelationReader *r,
                    const KgMention  *person,
                    guint             lo)
{
  const KgAnalysis *a = r->a;
  guint last = person->first_token, first, k;
  const KgMention *where;

  if (last <= lo + 1)
    return;
  last--;
  if (kg_token_is (a, last, ",") && last > lo)
    last--;
  if (kg_token_is (a, last + 1, ",") && (where = kg_relation_reader_mention (r, last)) != NULL)
    {
      /* "the head of Acme, Dr. Jo Example" */
      k = where->first_token;
      while (k > lo && kg_token_is_any (a, k - 1, determiners))
        k--;
      if (k > lo + 1 && (kg_token_is (a, k - 1, "of") || kg_token_is (a, k - 1, "at")
                         || kg_token_is (a, k - 1, "for"))
          && (first = title_ending_at (r, k - 2, lo, FALSE)) != G_MAXUINT)
        relate_role (r, person, where, first, k - 1);
      return;
    }
  first = title_ending_at (r, last, lo, TRUE);
  if (first == G_MAXUINT || first == lo)
    return;
  k = first - 1;
  if (kg_token_is_possessive (a, k) && k > lo)
    k--;
  if (kg_token_is (a, k, ")"))
    {
      /* "Acme (Example Holdings) chairman Jo Example" */
      while (k > lo && !kg_token_is (a, k, "("))
        k--;
      if (k > lo)
        k--;
    }
  where = kg_relation_reader_mention (r, k);
  if (where != NULL)
    relate_role (r, person, where, first, last + 1);
}

/* "Acme partner Beta", "Acme's partners Beta", "Beta, a partner of Acme",
 * "Beta partnered with Acme". */
static void
partners (KgRelationReader *r,
          guint             t,
          guint             lo,
          guint             hi)
{
  const KgAnalysis *a = r->a;
  const KgMention *before = NULL, *after = NULL;

  if (kg_token_is (a, t, "partner") || kg_token_is (a, t, "partners"))
    {
      guint k = t > lo ? t - 1 : t;

      if (k > lo && kg_token_is_possessive (a, k))
        k--;
      before = kg_relation_reader_mention (r, k);
      after = kg_relation_reader_mention (r, t + 1);
      if (is_actor (before) && is_actor (after))
        {
          kg_relation_reader_relate (r, after->entity, before->entity, KG_RELATION_PARTNER,
                                     "partner", t);
          return;
        }
      /* "Beta, a partner of Acme" */
      if (t >= lo + 3 && kg_token_is (a, t + 1, "of") && kg_token_is (a, t - 2, ","))
        {
          before = kg_relation_reader_mention (r, t - 3);
          after = phrase_organisation (r, t + 2, hi);
        }
    }
  else if ((kg_token_is (a, t, "partnered") || kg_token_is (a, t, "partnering"))
           && kg_token_is (a, t + 1, "with") && t > lo)
    {
      guint k = t - 1;

      while (k > lo && r->mention_of[k] < 0 && kg_token (a, k)->kind == KG_TOKEN_WORD
             && !kg_is_clause_break (a, k))
        k--;
      before = kg_relation_reader_mention (r, k);
      after = phrase_organisation (r, t + 2, hi);
    }
  if (is_actor (before) && is_actor (after))
    kg_relation_reader_relate (r, before->entity, after->entity, KG_RELATION_PARTNER, "partner", t);
}

/* "Norland's Water Agency" (a body of its government), "Norland's Acme"
 * (a company there), "Acme's Beta Labs" (a part of a company); "Beta, a
 * unit of Acme". */
static void
possessive_of (KgRelationReader *r,
               const KgMention  *owner,
               guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = owner->end_token;
  const KgMention *owned;

  if (!kg_token_is_possessive (a, t))
    return;
  owned = kg_relation_reader_mention (r, t + 1);
  if (owned != NULL && owned->type == KG_ENTITY_PERSON && owner->type == KG_ENTITY_PLACE)
    kg_relation_reader_relate (r, owned->entity, owner->entity, KG_RELATION_LOCATED_IN, "from", t);
  if (owned == NULL || owned->type == KG_ENTITY_PERSON || owned->type == KG_ENTITY_PLACE)
    return;
  if (owner->type == KG_ENTITY_PLACE && owned->type == KG_ENTITY_ORGANIZATION)
    kg_relation_reader_relate (r, owned->entity, owner->entity, KG_RELATION_LOCATED_IN, "based in", t);
  else if (owner->type != KG_ENTITY_PERSON
           && !(owner->type == KG_ENTITY_ORGANIZATION && owned->type == KG_ENTITY_GOVERNMENT))
    kg_relation_reader_relate (r, owned->entity, owner->entity, KG_RELATION_PART_OF, "part of", t);
}

static void
unit_of (KgRelationReader *r,
         const KgMention  *part,
         guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = part->end_token;
  const KgMention *whole;

  if (!is_actor (part) || !kg_token_is (a, t, ",")
      || !(kg_token_is (a, t + 1, "a") || kg_token_is (a, t + 1, "the") || kg_token_is (a, t + 1, "an")))
    return;
  t += 2;
  if (t + 1 < hi && kg_token (a, t)->kind == KG_TOKEN_WORD && r->mention_of[t] < 0
      && !kg_token_is_any (a, t, unit_words))
    t++;   /* "a government agency of", "a wholly owned subsidiary of" */
  if (!kg_token_is_any (a, t, unit_words) || !kg_token_is (a, t + 1, "of"))
    return;
  whole = phrase_organisation (r, t + 2, hi);
  if (is_actor (whole))
    kg_relation_reader_relate (r, part->entity, whole->entity, KG_RELATION_PART_OF, "part of", t);
}

/* The first place named within a few tokens after t ("in the Norland"). */
static const KgMention *
place_after (KgRelationReader *r,
             guint             t,
             guint             hi)
{
  for (guint k = t; k < hi && k < t + 4; k++)
    {
      const KgMention *m = kg_relation_reader_mention (r, k);

      if (m != NULL)
        return is_type (m, KG_ENTITY_PLACE) ? m : NULL;
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

static void
locations (KgRelationReader *r,
           guint             t,
           guint             lo,
           guint             hi)
{
  static const char *const based[] = { "based", "headquartered", "located", "situated",
                                       "registered", "incorporated", NULL };
  static const char *const lives[] = { "born", "lives", "lived", "living", "resident",
                                       "native", "grew", NULL };
  const KgAnalysis *a = r->a;
  const KgMention *m = kg_relation_reader_mention (r, t), *place;

  if (kg_token_is_any (a, t, based) && (kg_token_is (a, t + 1, "in") || kg_token_is (a, t + 1, "at"))
      && (place = place_after (r, t + 2, hi)) != NULL)
    kg_relation_reader_relate (r, located_owner (r, t, lo, FALSE), place->entity,
                               KG_RELATION_LOCATED_IN, "based in", t);
  else if (kg_token_is_any (a, t, lives) && t + 2 < hi
           && (place = place_after (r, t + 1 + (kg_token_is (a, t + 1, "up") ? 1 : 0) + 1, hi)) != NULL)
    kg_relation_reader_relate (r, located_owner (r, t, lo, TRUE), place->entity,
                               KG_RELATION_LOCATED_IN, "lives in", t);
  else if (kg_token_is_any (a, t, location_cues) && kg_token_is (a, t + 1, "in")
           && (place = place_after (r, t + 2, hi)) != NULL)
    kg_relation_reader_relate (r, located_owner (r, t, lo, FALSE), place->entity,
                               KG_RELATION_LOCATED_IN, "has an office in", t);
  else if (is_type (m, KG_ENTITY_PLACE) && kg_token_is_any (a, m->end_token, location_cues)
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
         && is_type (kg_relation_reader_mention (r, before - 2), KG_ENTITY_PLACE)
         && is_type (kg_relation_reader_mention (r, after + 1), KG_ENTITY_PLACE);
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
      if (is_type (place, KG_ENTITY_PLACE) && m->type != KG_ENTITY_PLACE)
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
  if (m->type != KG_ENTITY_PERSON && kg_token_is (a, t, ",")
      && (place = kg_relation_reader_mention (r, t + 1)) != NULL && is_type (place, KG_ENTITY_PLACE)
      && !in_list (r, place) && !(m->type == KG_ENTITY_PLACE && in_list (r, m)))
    {
      const KgMention *next = kg_relation_reader_mention (r, place->end_token + 1);

      kg_relation_reader_relate (r, m->entity, place->entity, KG_RELATION_LOCATED_IN, "in", t);
      if (m->type != KG_ENTITY_PLACE && kg_token_is (a, place->end_token, ",")
          && is_type (next, KG_ENTITY_PLACE) && !in_list (r, next))
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
  if (!is_type (person, KG_ENTITY_PERSON) && place->first_token >= lo + 3)
    {
      guint k = place->first_token - 1;

      if (kg_token_is_any (a, k, determiners))
        k--;
      if (kg_token_is (a, k, ","))
        person = kg_relation_reader_mention (r, k - 1);
    }
  if (is_type (person, KG_ENTITY_PERSON))
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

  if (!is_actor (m) || !kg_token_is (a, t, ",") || !kg_token_is_any (a, t + 1, determiners))
    return;
  place = kg_relation_reader_mention (r, t + 2);
  if (is_type (place, KG_ENTITY_PLACE) && place->end_token < hi
      && kg_token (a, place->end_token)->kind == KG_TOKEN_WORD
      && g_ascii_islower (*kg_token_text (a, place->end_token)))
    kg_relation_reader_relate (r, m->entity, place->entity, KG_RELATION_LOCATED_IN, "based in", t);
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

static void
read_sentence (KgRelationReader *r,
               const KgSentence *s)
{
  dateline (r, s);
  for (guint t = s->first_token; t < s->end_token; t++)
    {
      const KgMention *m = kg_relation_reader_mention (r, t);

      partners (r, t, s->first_token, s->end_token);
      locations (r, t, s->first_token, s->end_token);
      if (m == NULL || m->first_token != t)
        continue;
      if (m->type == KG_ENTITY_PERSON)
        {
          role_after_person (r, m, s->end_token);
          role_before_person (r, m, s->first_token);
          role_by_verb (r, m, s->end_token);
          role_by_passive (r, m);
        }
      possessive_of (r, m, s->end_token);
      if (m->type == KG_ENTITY_PLACE)
        native_of (r, m, s->first_token, s->end_token);
      unit_of (r, m, s->end_token);
      located_after_name (r, m, s->end_token);
      organisation_apposition (r, m, s->end_token);
    }
}

static gboolean *
quoted_tokens (KgAnalysis *a,
               KgGraph    *graph,
               KgDocument *doc)
{
  gboolean *quoted = g_new0 (gboolean, a->tokens->len + 1);

  for (guint i = 0; i < kg_graph_get_n_quotes (graph); i++)
    {
      const KgQuote *q = kg_graph_get_quote (graph, i);

      if (q->span.doc != doc->index)
        continue;
      for (guint t = kg_token_at (a, q->span.start); t < a->tokens->len
           && kg_token (a, t)->start < q->span.end; t++)
        quoted[t] = TRUE;
    }
  return quoted;
}

void
kg_find_relations (KgAnalysis *analysis,
                   KgGraph    *graph,
                   KgDocument *doc)
{
  g_autofree gint *mention_of = kg_mention_index (analysis);
  g_autofree gboolean *quoted = quoted_tokens (analysis, graph, doc);
  KgRelationReader r = {
    analysis, graph, doc, mention_of, quoted,
    kg_word_list_get ("role-titles", NULL),
    kg_word_list_get ("speech-verbs", NULL),
    kg_word_list_get ("action-verbs", NULL),
    kg_word_list_get ("stance-words", NULL),
  };

  for (guint i = 0; i < analysis->sentences->len; i++)
    {
      KgSentence s = g_array_index (analysis->sentences, KgSentence, i);

      /* A sentence that starts with a comma continues the one before (a
       * break after "R-Ky." or "Inc."): read them as one. */
      while (i + 1 < analysis->sentences->len
             && kg_token_is (analysis, g_array_index (analysis->sentences, KgSentence, i + 1).first_token, ","))
        s.end_token = g_array_index (analysis->sentences, KgSentence, ++i).end_token;
      read_sentence (&r, &s);
    }
  kg_find_actions (&r);
}
