/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include "kg-relations-private.h"

/*
 * Roles a verb states between a person and an organisation: "Jo Example,
 * who heads Acme", "Jo Example covers the courts for the Daily Ledger",
 * "Acme, founded by Jo Example". Read person by person from kg-relations.c.
 */

/* "Jo Example, who heads Acme", "Jo Example founded Acme". */
static void
role_by_verb (KgRelationReader *r,
              const KgMention  *person,
              guint             hi)
{
  static const char *const verbs_words[] = {
    "heads", "headed", "leads", "led", "runs", "ran", "directs", "directed", "chairs", "chaired",
    "founded", "co-founded", "owns", "owned", "joined", "works", "worked", NULL
  };
  static const char *const labels[] = {
    "head", "head", "leader", "leader", "head", "head", "director", "director", "chair", "chair",
    "founder", "co-founder", "owner", "owner", "member", "works for", "works for",
  };
  static KgWordSet verbs = { verbs_words };
  const KgAnalysis *a = r->a;
  guint t = person->end_token;
  const KgMention *where;

  if (kg_token_is (a, t, ","))
    t = kg_skip_short_apposition (r, t + 1, hi);
  if (kg_token_is (a, t, "who"))
    t++;
  else if (t > person->end_token)
    return;
  /* The word's hash rules out most words at one look, before the list. */
  if (!kg_token_in_set (a, t, &verbs))
    return;
  for (guint i = 0; verbs_words[i] != NULL; i++)
    {
      guint k = t + 1;

      if (!kg_token_is (a, t, verbs_words[i]))
        continue;
      if (kg_token_is (a, k, "for") || kg_token_is (a, k, "at") || kg_token_is (a, k, "with"))
        k++;
      else if (g_str_equal (labels[i], "works for"))
        return;
      where = kg_phrase_organisation (r, k, hi);
      if (where != NULL && where->type != KG_ENTITY_PLACE
          && (where->first_token == k || kg_is_determiner (a, k)))
        kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, labels[i], t);
      return;
    }
}

/* A journalist's beat: "Jo Example covers the courts for the Daily
 * Ledger", "Jo Example has written for Acme since 1990". */
static void
role_by_beat (KgRelationReader *r,
              const KgMention  *person,
              guint             hi)
{
  static const char *const beat_words[] = {
    "covers", "covered", "writes", "wrote", "written", "reports", "reported", NULL
  };
  static KgWordSet beat = { beat_words };
  const KgAnalysis *a = r->a;
  guint t = person->end_token;
  const KgMention *where;

  if (kg_token_is (a, t, "has") || kg_token_is (a, t, "had"))
    t++;
  if (!kg_token_in_set (a, t, &beat))
    return;
  for (guint k = t + 1; k < hi && k < t + 8; k++)
    {
      /* What is covered may be named: "covers the White House for …" */
      if (kg_token_is (a, k, ",") || kg_is_clause_break (a, k))
        return;
      if (!kg_token_is (a, k, "for"))
        continue;
      where = kg_phrase_organisation (r, k + 1, hi);
      if (kg_is_actor (where) && (where->first_token == k + 1 || kg_is_determiner (a, k + 1)))
        kg_relation_reader_relate (r, person->entity, where->entity, KG_RELATION_ROLE, "writes for", t);
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

void
kg_read_role_verbs (KgRelationReader *r,
                    const KgMention  *person,
                    guint             hi,
                    gboolean          names_actor)
{
  /* What these relate the person to is named after them in the sentence,
   * and is neither a person nor a place. */
  if (names_actor)
    {
      role_by_verb (r, person, hi);
      role_by_beat (r, person, hi);
    }
  role_by_passive (r, person);
}
