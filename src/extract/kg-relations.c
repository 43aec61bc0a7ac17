/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-relations-private.h"

/*
 * Relations a name's neighbours state outright: titles and appositions
 * ("Jo Example, managing director of Acme"; "Acme vice president Jo
 * Example") give roles, "Acme partner Beta" a partnership, "Norland's
 * Water Agency" a body of a government. Locations are read in
 * kg-locations.c, verbs between two names in one clause in kg-actions.c.
 * Every relation keeps its sentence.
 */

static const char *const honorifics_words[] = {
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
  "lord", "lady", "partner", NULL
};
static KgWordSet honorifics = { honorifics_words };

/* Those that stand before a name without being a title. */
static const char *const name_honorifics_words[] = {
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady", NULL
};
static KgWordSet name_honorifics = { name_honorifics_words };

static const char *const prepositions_words[] = {
  "of", "in", "at", "for", "with", "to", "from", "by", "on", "about", "against", "into",
  "over", "under", "between", "among", "after", "before", "during", "via", "than", NULL
};
KgWordSet kg_prepositions = { prepositions_words };

static const char *const clause_words_words[] = {
  "when", "while", "but", "which", "who", "whom", "whose", "where", "because", "although",
  "though", "after", "before", "since", "unless", "until", "whereas", "if", NULL
};
KgWordSet kg_clause_words = { clause_words_words };
KgHashedSet kg_clause_hashed = { &kg_clause_words };

static const char *const determiners_words[] = {
  "the", "a", "an", "its", "their", "his", "her", "another", NULL
};
static KgWordSet determiners = { determiners_words };

static const char *const links_words[] = {
  "is", "was", "as", "became", "becomes", "remains", "who", "to", "be", "will", "now", "named",
  "appointed", "elected", "also", "still", "currently", NULL
};
static KgWordSet links = { links_words };

static gboolean role_title_of (KgRelationReader *r, const KgMention *person, guint t, guint hi);

/* A noun naming someone by what they do ("an ecologist at", "a researcher
 * for"): after an article, a word with an agent's ending. */
static gboolean
is_agent_noun (const KgAnalysis *a,
               guint             t)
{
  static const char *const endings[] = { "ist", "er", "or", "ian", "ant", "ent", "man", "woman", NULL };
  const char *p = kg_token_text (a, t);
  gsize n = kg_token_len (a, t);

  if (kg_token (a, t)->kind != KG_TOKEN_WORD || !g_ascii_islower (*p) || n < 5)
    return FALSE;
  for (guint i = 0; endings[i]; i++)
    {
      gsize e = strlen (endings[i]);

      if (n > e && strncmp (p + n - e, endings[i], e) == 0)
        return TRUE;
    }
  return FALSE;
}



gboolean
kg_is_determiner (const KgAnalysis *a,
                  guint             t)
{
  return kg_token_in_set (a, t, &determiners);
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
  /* The model skips a sentence the relation already has as evidence. */
  kg_relation_add_evidence (relation, r->doc->index, s->start, s->end);
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

  if (n == 0 || (n == 1 && kg_token_in_set (a, last, &honorifics)))
    return G_MAXUINT;
  first = last + 1 - n;
  while (first > lo && first + 3 > last + 1 - n && kg_token (a, first - 1)->kind == KG_TOKEN_WORD
         && r->mention_of[first - 1] < 0
         && (capitals || g_unichar_islower (g_utf8_get_char (kg_token_text (a, first - 1))))
         && !kg_is_preposition (a, first - 1) && !kg_token_in_set (a, first - 1, &kg_clause_words)
         && !kg_token_in_set (a, first - 1, &determiners) && !kg_token_in_set (a, first - 1, &links)
         && !kg_token_is_possessive (a, first - 1)
         /* "said station chief", "that investigated President": a verb
          * or a relative clause is no part of the title */
         && kg_word_list_match_back (r->speech, a, first - 1, lo) == 0
         && !kg_token_is (a, first - 1, "that"))
    first--;
  return first;
}

/* The organisation, government or place that heads the noun phrase
 * starting at token t ("the board of Acme", "Beta partner Acme Labs"): the
 * last one before a comma or a clause break. */
const KgMention *
kg_phrase_organisation (KgRelationReader *r,
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
          /* "the Example Bank of Oslo": the bank, which is in Oslo. */
          if (m->type == KG_ENTITY_PLACE && kg_is_actor (found))
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
      if (n > 0 && !(n == 1 && kg_token_in_set (a, j, &honorifics)))
        {
          /* ", Circuit Judge Jo Example said": the title is the next one's. */
          if (kg_is_type (kg_relation_reader_mention (r, j + n), KG_ENTITY_PERSON))
            return TRUE;
          relate_role (r, person, where, k, j + n);
          return TRUE;
        }
      /* "Acme's former chief executive", "Acme's Northwest regional
       * reporter", also where the region was read as a place. */
      if (k > where->end_token && kg_is_type (kg_relation_reader_mention (r, j), KG_ENTITY_PLACE))
        {
          j = kg_relation_reader_mention (r, j)->end_token - 1;
          continue;
        }
      if (r->mention_of[j] >= 0 || kg_token (a, j)->kind != KG_TOKEN_WORD
          || kg_is_preposition (a, j))
        break;
    }
  /* "an Oslo architect" */
  if (where->type == KG_ENTITY_PLACE && k == where->end_token && k < hi
           && kg_token (a, k)->kind == KG_TOKEN_WORD && g_ascii_islower (*kg_token_text (a, k)))
    relate_role (r, person, where, k, k + 1);
  return TRUE;
}

/* Whether token t (in the text), whose first byte in lower case is c, is
 * "of", "at", "for" or "with", which tie a title to what it is of: told
 * first by that letter, as the titles' words are read one by one. */
static inline gboolean
is_title_tie (const KgAnalysis *a,
              guint             t,
              char              c)
{
  if (c != 'o' && c != 'a' && c != 'f' && c != 'w')
    return FALSE;
  return kg_token_is (a, t, "of") || kg_token_is (a, t, "at") || kg_token_is (a, t, "for")
         || kg_token_is (a, t, "with");
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

  /* The title may come second: "a spokesman for reform and president of
   * the Example Foundation". */
  for (guint k = t, start = t; k < hi && k < t + 12; k++)
    {
      char c = kg_ascii_lower (*kg_token_text (a, k));

      if (is_title_tie (a, k, c))
        {
          /* Asked here, of the few tokens that get this far. */
          gboolean article = t > 0 && (kg_token_is (a, t - 1, "a") || kg_token_is (a, t - 1, "an"));
          const KgMention *where;
          guint first;

          if (k == start || ((first = title_ending_at (r, k - 1, start, TRUE)) != start
                             && !(article && is_agent_noun (a, k - 1) && (first = k - 1) >= start)))
            return FALSE;
          where = kg_phrase_organisation (r, k + 1, hi);
          /* "a spokeswoman for the agency", also where a place follows
           * ("… for the agency in Oslo"): the place is the agency's. */
          if (where == NULL || where->type == KG_ENTITY_PLACE)
            {
              guint e = kg_token_is (a, k + 1, "the") && k + 2 < hi && r->mention_of[k + 2] < 0
                        ? kg_entity_at (a, r->mention_of, r->quoted, k + 2) : KG_NO_ENTITY;

              if (e != KG_NO_ENTITY)
                {
                  g_autofree char *label = span_text (r, first, k);

                  kg_relation_reader_relate (r, person->entity, e, KG_RELATION_ROLE, label, k);
                  return TRUE;
                }
            }
          if (where == NULL)
            {
              /* Past what the first title is of, to an "and" and the next. */
              while (k + 1 < hi && k < t + 10 && !kg_token_is (a, k, "and")
                     && r->mention_of[k] < 0 && kg_token (a, k)->kind == KG_TOKEN_WORD)
                k++;
              if (!kg_token_is (a, k, "and"))
                return FALSE;
              start = k + 1;
              continue;
            }
          if (!(where->type == KG_ENTITY_PLACE && kg_token_is (a, k, "of")))
            relate_role (r, person, where, first, k);
          return TRUE;
        }
      /* "Jo Example, a guest from Oslo," */
      if (c == 'f' && kg_token_is (a, k, "from") && k > t && r->mention_of[k + 1] >= 0)
        {
          const KgMention *where = kg_relation_reader_mention (r, k + 1);

          if (where->type == KG_ENTITY_PLACE && (k + 1 == hi || !kg_is_preposition (a, where->end_token)))
            kg_relation_place (r, person->entity, where, "from", k);
          return where->type == KG_ENTITY_PLACE;
        }
      if (r->mention_of[k] >= 0 || kg_token (a, k)->kind != KG_TOKEN_WORD)
        return FALSE;
    }
  return FALSE;
}

/* Past ", 46," and ", R-Ky.," (an age, a party and state): token t follows
 * a comma; returns where the apposition proper starts. */
guint
kg_skip_short_apposition (KgRelationReader *r,
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

/* The organisation or government named last before token t in its
 * sentence (and not before lo), outside quotations. */
static guint
actor_before (KgRelationReader *r,
              guint             t,
              guint             lo)
{
  const KgAnalysis *a = r->a;
  guint sentence = kg_token (a, t)->sentence;

  for (guint j = t; j-- > lo && kg_token (a, j)->sentence == sentence;)
    if (!r->quoted[j] && kg_is_actor (kg_relation_reader_mention (r, j)))
      return kg_relation_reader_mention (r, j)->entity;
  return KG_NO_ENTITY;
}

/* "Acme will cut jobs, said Jo Example, a spokeswoman." and "…, a company
 * official": one who speaks for an organisation speaks for the one the
 * sentence is about. */
static gboolean
role_of_speaker (KgRelationReader *r,
                 const KgMention  *person,
                 guint             t,
                 guint             hi)
{
  static const char *const agents_words[] = {
    "spokesman", "spokeswoman", "spokesperson", "official", "executive", "employee",
    "representative", "lawyer", "attorney", NULL
  };
  static KgWordSet agents = { agents_words };
  const KgAnalysis *a = r->a;
  guint k = t, e = KG_NO_ENTITY;
  g_autofree char *label = NULL;

  while (k < hi && k < t + 3 && !kg_token_in_set (a, k, &agents) && kg_token (a, k)->kind == KG_TOKEN_WORD
         && r->mention_of[k] < 0)
    k++;
  if (k >= hi || !kg_token_in_set (a, k, &agents)
      || !(k + 1 == hi || kg_token_is (a, k + 1, ",") || kg_token_is (a, k + 1, ".")))
    return FALSE;
  e = actor_before (r, person->first_token, 0);
  if (e == KG_NO_ENTITY)
    return FALSE;
  label = span_text (r, k, k + 1);
  kg_relation_reader_relate (r, person->entity, e, KG_RELATION_ROLE, label, k);
  return TRUE;
}

/* "Jo Example, the longest-serving member, is correspondent for Acme": past
 * an apposition that holds no title, to the verb "is" and the title after. */
static gboolean
role_after_apposition (KgRelationReader *r,
                       const KgMention  *person,
                       guint             t,
                       guint             hi)
{
  const KgAnalysis *a = r->a;
  guint k = t;

  while (k < hi && k < t + 10 && !kg_token_is (a, k, ",") && !kg_is_clause_break (a, k)
         && !kg_is_type (kg_relation_reader_mention (r, k), KG_ENTITY_PERSON))
    k++;
  if (!kg_token_is (a, k, ",") || !(kg_token_is (a, k + 1, "is") || kg_token_is (a, k + 1, "was")))
    return FALSE;
  k += 2;
  while (k < hi && kg_token_in_set (a, k, &determiners))
    k++;
  return k < hi && (role_named_first (r, person, k, hi) || role_title_of (r, person, k, hi));
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
    t = kg_skip_short_apposition (r, t + 1, hi);
  while (t < hi && kg_token_in_set (a, t, &links))
    t++;
  if (comma && (kg_token_is (a, t, "its") || kg_token_is (a, t, "their")))
    {
      /* "Jo Example, its chief executive," */
      guint n = kg_word_list_match (r->titles, a, t + 1, hi);

      if (n > 0 && !kg_token_in_set (a, t + 1, &honorifics))
        {
          g_autofree char *label = span_text (r, t + 1, t + 1 + n);

          kg_relation_reader_relate (r, person->entity, kg_entity_at (a, r->mention_of, r->quoted, t),
                                     KG_RELATION_ROLE, label, t);
          return;
        }
    }
  while (t < hi && kg_token_in_set (a, t, &determiners))
    t++;
  if (t >= hi)
    return;
  if ((comma || t > person->end_token) && role_named_first (r, person, t, hi))
    return;
  if (kg_token_is_possessive (a, t))
    return;
  if (role_title_of (r, person, t, hi))
    return;
  if (comma && role_of_speaker (r, person, t, hi))
    return;
  if (comma && role_after_apposition (r, person, t, hi))
    return;
  if (t > person->end_token + 1 || (t > person->end_token && !comma))
    return;
  /* "Jo Example and Kim Example of the Institute": both are of it. */
  if (kg_token_is (a, t, "and") && kg_is_type (kg_relation_reader_mention (r, t + 1), KG_ENTITY_PERSON))
    t = kg_relation_reader_mention (r, t + 1)->end_token;
  /* A bare "of", "at" or "with" ties a person to the body they belong to
   * ("Jo Example of the Example Institute", "… with the Example Fund",
   * "… of Oslo's Example Institute"). */
  if ((kg_token_is (a, t, "of") || kg_token_is (a, t, "at") || kg_token_is (a, t, "with"))
      && (where = kg_phrase_organisation (r, t + 1, hi)) != NULL && where->type != KG_ENTITY_PLACE
      && (where->first_token == t + 1 || kg_token_in_set (a, t + 1, &determiners)
          || (kg_token_is_possessive (a, where->first_token - 1) && r->mention_of[t + 1] >= 0
              && kg_relation_reader_mention (r, t + 1)->end_token + 1 == where->first_token)))
    kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, "member", t);
}

/* "Acme vice president Jo Example", "Acme's chief executive, Jo Example",
 * "Ohio Gov. Jo Example". */
static void
role_before_person (KgRelationReader *r,
                    const KgMention  *person,
                    guint             lo)
{
  const KgAnalysis *a = r->a;
  guint last = person->first_token, first, k, n;
  const KgMention *where;

  if (last <= lo + 1)
    return;
  last--;
  /* "the head of Acme, Dr. Jo Example": past an honorific left out of the
   * name. */
  if (kg_token_in_set (a, last, &name_honorifics) && last > lo + 1)
    last--;
  if (kg_token_is (a, last, ",") && last > lo)
    last--;
  if (kg_token_is (a, last + 1, ",") && (where = kg_relation_reader_mention (r, last)) != NULL)
    {
      /* "the head of Acme, Dr. Jo Example" */
      k = where->first_token;
      while (k > lo && kg_token_in_set (a, k - 1, &determiners))
        k--;
      /* A place here is an office held, not a home: "the 13th president
       * of the United States, Jo Example". */
      if (k > lo + 1 && (kg_token_is (a, k - 1, "of") || kg_token_is (a, k - 1, "at")
                         || kg_token_is (a, k - 1, "for"))
          && where->type != KG_ENTITY_PLACE
          && (first = title_ending_at (r, k - 2, lo, FALSE)) != G_MAXUINT)
        relate_role (r, person, where, first, k - 1);
      return;
    }
  first = title_ending_at (r, last, lo, TRUE);
  if (first != G_MAXUINT && (where = kg_ministry_of_title (r, first, last)) != NULL)
    {
      relate_role (r, person, where, first, last + 1);
      return;
    }
  if (first == G_MAXUINT || first == lo)
    return;
  k = first - 1;
  if (kg_token_is_possessive (a, k) && k > lo)
    k--;
  if (kg_token_is (a, k, ")"))
    {
      /* "Acme (Example Holdings) chairman Jo Example": both names */
      if ((where = kg_relation_reader_mention (r, k - 1)) != NULL)
        relate_role (r, person, where, first, last + 1);
      while (k > lo && !kg_token_is (a, k, "("))
        k--;
      if (k > lo)
        k--;
    }
  else if (kg_token_is (a, k, ",") && k > lo + 1)
    {
      /* "another Acme employee, attorney Jo Example" */
      guint other = title_ending_at (r, k - 1, lo, FALSE);

      if (other != G_MAXUINT && other > lo)
        k = other - 1 - (kg_token_is_possessive (a, other - 1) ? 1 : 0);
    }
  where = kg_relation_reader_mention (r, k);
  if (where != NULL)
    relate_role (r, person, where, first, last + 1);
  else if ((n = kg_word_list_match_back (r->speech, a, k, lo)) > 0 && k + 1 >= lo + n + 1
           && (kg_token_is (a, k - n, ",") || kg_token (a, k - n)->kind == KG_TOKEN_QUOTE)
           && (person->end_token >= r->a->tokens->len || kg_token_is (a, person->end_token, ",")
               || kg_token_is (a, person->end_token, ".") || kg_token (a, person->end_token)->sentence
                                                             != kg_token (a, person->first_token)->sentence))
    {
      /* "The agency will appeal, said station chief Jo Example.": one who
       * speaks with a title speaks for the organisation the sentence is
       * about. */
      guint e = actor_before (r, k, lo);
      g_autofree char *label = span_text (r, first, last + 1);

      kg_relation_reader_relate (r, person->entity, e, KG_RELATION_ROLE, label, first);
    }
  else if ((k > lo && kg_token_is (a, k - 1, "the") && kg_token_is_possessive (a, k + 1))
           || kg_token_is (a, k, "its") || kg_token_is (a, k, "their"))
    {
      /* "the company's chief executive, Jo Example"; "Its managing
       * director, Jo Example": the organisation last written about. */
      guint e = kg_entity_at (a, r->mention_of, r->quoted, k);
      g_autofree char *label = span_text (r, first, last + 1);

      if (e != KG_NO_ENTITY)
        kg_relation_reader_relate (r, person->entity, e, KG_RELATION_ROLE, label, first);
    }
}

/* Whether events [lo, hi) name what is neither a person nor a place. */
static gboolean
names_actor (KgRelationReader *r,
             guint             lo,
             guint             hi)
{
  for (guint i = lo; i < hi; i++)
    if (r->events[i].flags & KG_EVENT_NAMED)
      {
        KgEntityType type = r->mentions[r->mention_of[r->events[i].token]].type;

        if (type != KG_ENTITY_PERSON && type != KG_ENTITY_PLACE)
          return TRUE;
      }
  return FALSE;
}

/* Whether events [lo, hi) hold two names, or a word that may name someone
 * (a pronoun, "the company"): what a person's roles after their name and
 * the verbs around it need besides the person. */
static gboolean
names_other (KgRelationReader *r,
             guint             lo,
             guint             hi)
{
  gint first = -1;

  for (guint i = lo; i < hi; i++)
    {
      guint flags = r->events[i].flags;
      gint m = r->mention_of[r->events[i].token];

      if ((flags & KG_EVENT_MAY_NAME) || ((flags & KG_EVENT_NAMED) && first >= 0 && m != first))
        return TRUE;
      if (flags & KG_EVENT_NAMED)
        first = m;
    }
  return FALSE;
}

/* [lo, hi): the sentence's events. */
static void
read_sentence (KgRelationReader *r,
               const KgSentence *s,
               guint             lo,
               guint             hi)
{
  guint named = 0;
  gint actor = -1;   /* names_actor(), asked at the first person */
  gint other = -1;   /* names_other(), likewise */

  /* Every pattern here starts from a name in the sentence. */
  for (guint i = lo; i < hi && !named; i++)
    named = r->events[i].flags & KG_EVENT_NAMED;
  if (!named)
    return;
  kg_read_locations (r, s, lo, hi);
  for (guint i = lo; i < hi; i++)
    {
      guint t = r->events[i].token, flags = r->events[i].flags;
      const KgMention *m;

      /* Every word kg_relate_partners() reads ("partner", "partnered" …)
       * starts so; most words in "p" do not, told without a call. */
      if ((flags & KG_EVENT_P) && kg_token_len (r->a, t) >= 7
          && g_ascii_strncasecmp (kg_token_text (r->a, t), "partner", 7) == 0)
        kg_relate_partners (r, t, s->first_token, s->end_token);
      if (!(flags & KG_EVENT_NAME_START))
        continue;
      m = &r->mentions[r->mention_of[t]];
      if (m->type == KG_ENTITY_PERSON)
        {
          if (other < 0)
            other = names_other (r, lo, hi);
          if (other)
            role_after_person (r, m, s->end_token);
          /* Before the name, a title may tie the person to a ministry
           * named anywhere in the document: read in any sentence. */
          role_before_person (r, m, s->first_token);
          if (other)
            {
              if (actor < 0)
                actor = names_actor (r, lo, hi);
              kg_read_role_verbs (r, m, s->end_token, actor);
            }
        }
      kg_relate_possessive (r, m, s->end_token);
      /* "Beta, a unit of Acme": an organisation or government, a comma. */
      if (kg_is_actor (m) && kg_token_is (r->a, m->end_token, ","))
        kg_relate_unit (r, m, s->end_token);
    }
}

/* The quotations of doc, in the graph's order. */
static GPtrArray *
document_quotes (KgGraph    *graph,
                 KgDocument *doc)
{
  guint n;
  const guint *indexes = kg_graph_get_document_quotes (graph, doc->index, &n);
  GPtrArray *quotes = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (quotes, kg_graph_get_quote (graph, indexes[i]));
  return quotes;
}

/* Marks the quotations' tokens, and puts quotation i's tokens [first,
 * end) in ranges[2 i], ranges[2 i + 1], for kg_find_actions(). */
static guint8 *
quoted_tokens (KgAnalysis *a,
               GPtrArray  *quotes,
               guint      *ranges)
{
  /* In locals: a store through a byte pointer could change any of them, as
   * far as the compiler knows, and every token would load them again. */
  const KgToken *tokens = (const KgToken *) (gpointer) a->tokens->data;
  guint n = a->tokens->len;
  guint8 *quoted = g_new0 (guint8, n + 1);

  for (guint i = 0; i < quotes->len; i++)
    {
      const KgQuote *q = g_ptr_array_index (quotes, i);
      gsize end = q->span.end;
      guint t;

      ranges[2 * i] = kg_token_at (a, q->span.start);
      for (t = ranges[2 * i]; t < n && tokens[t].start < end; t++)
        ;
      if (t > ranges[2 * i])
        memset (quoted + ranges[2 * i], TRUE, t - ranges[2 * i]);
      ranges[2 * i + 1] = t;
    }
  return quoted;
}

/* The reader's word lists by name, looked up on the first document only. */
enum { TITLES, SPEECH, VERBS, STANCE, N_LISTS };

static const KgWordList *const *
reader_lists (void)
{
  static const char *const names[N_LISTS] = { "role-titles", "speech-verbs", "action-verbs", "stance-words" };
  static const KgWordList *lists[N_LISTS];

  for (guint i = 0; i < N_LISTS; i++)
    kg_word_list_once (&lists[i], names[i]);
  return lists;
}

void
kg_find_relations (KgAnalysis *analysis,
                   KgGraph    *graph,
                   KgDocument *doc)
{
  g_autofree gint *mention_of = kg_mention_index (analysis);

  kg_find_relations_indexed (analysis, graph, doc, mention_of);
}

void
kg_find_relations_indexed (KgAnalysis *analysis,
                           KgGraph    *graph,
                           KgDocument *doc,
                           gint       *mention_of)
{
  g_autoptr(GPtrArray) quotes = document_quotes (graph, doc);
  g_autofree guint *quote_ranges = g_new (guint, 2 * quotes->len);
  g_autofree guint8 *quoted = quoted_tokens (analysis, quotes, quote_ranges);
  const KgWordList *const *lists = reader_lists ();
  KgRelationReader r = {
    analysis, graph, doc, mention_of, quoted,
    lists[TITLES], lists[SPEECH], lists[VERBS], lists[STANCE],
    quotes, NULL, analysis->tokens->len, (const KgMention *) (gpointer) analysis->mentions->data,
    NULL, 0, NULL, NULL, NULL,
    0, G_MAXUINT, 0, quote_ranges,
  };

  kg_relation_reader_start_events (&r);
  for (guint i = 0; i < analysis->sentences->len; i++)
    {
      KgSentence s = g_array_index (analysis->sentences, KgSentence, i);
      guint first_sentence = i, lo = r.n_events;

      /* A sentence that starts with a comma continues the one before (a
       * break after "R-Ky." or "Inc."): read them as one. */
      while (i + 1 < analysis->sentences->len
             && kg_token_is (analysis, g_array_index (analysis->sentences, KgSentence, i + 1).first_token, ","))
        s.end_token = g_array_index (analysis->sentences, KgSentence, ++i).end_token;
      if (kg_relation_reader_add_events (&r, first_sentence, i + 1, s.first_token, s.end_token))
        read_sentence (&r, &s, lo, r.n_events);
    }
  kg_find_actions (&r);
  g_clear_pointer (&r.ministries, g_hash_table_unref);
  kg_relation_reader_end_events (&r);
}
