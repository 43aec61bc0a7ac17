/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include "kg-relations-private.h"

/*
 * Relations between organisations, governments and places that a name's
 * neighbours state: partners ("Acme partner Beta"), bodies of a government
 * or parts of a company ("Norland's Water Agency", "Beta, a unit of
 * Acme"). Read sentence by sentence from kg-relations.c.
 */

static const char *const unit_words_words[] = {
  "unit", "subsidiary", "division", "arm", "part", "branch", "member", "department",
  "agency", NULL
};
static KgWordSet unit_words = { unit_words_words };

/* "Acme partner Beta", "Acme's partners Beta", "Beta, a partner of Acme",
 * "Beta partnered with Acme". */
void
kg_relate_partners (KgRelationReader *r,
                    guint             t,
                    guint             lo,
                    guint             hi)
{
  const KgAnalysis *a = r->a;
  const KgMention *before = NULL, *after = NULL;

  /* Every word below starts so; most tokens do not. */
  if (kg_ascii_lower (*kg_token_text (a, t)) != 'p')
    return;
  if (kg_token_is (a, t, "partner") || kg_token_is (a, t, "partners"))
    {
      guint k = t > lo ? t - 1 : t;

      if (k > lo && kg_token_is_possessive (a, k))
        k--;
      before = kg_relation_reader_mention (r, k);
      after = kg_relation_reader_mention (r, t + 1);
      if (kg_is_actor (before) && kg_is_actor (after))
        {
          kg_relation_reader_relate (r, after->entity, before->entity, KG_RELATION_PARTNER,
                                     "partner", t);
          return;
        }
      /* "Beta, a partner of Acme" */
      if (t >= lo + 3 && kg_token_is (a, t + 1, "of") && kg_token_is (a, t - 2, ","))
        {
          before = kg_relation_reader_mention (r, t - 3);
          after = kg_phrase_organisation (r, t + 2, hi);
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
      after = kg_phrase_organisation (r, t + 2, hi);
    }
  if (kg_is_actor (before) && kg_is_actor (after))
    kg_relation_reader_relate (r, before->entity, after->entity, KG_RELATION_PARTNER, "partner", t);
}

/* "Norland's Water Agency" (a body of its government), "Norland's Acme"
 * (a company there), "Acme's Beta Labs" (a part of a company). */
void
kg_relate_possessive (KgRelationReader *r,
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
  /* "Norland's Acme": a company of a country (or its government) is there. */
  if ((owner->type == KG_ENTITY_PLACE || owner->type == KG_ENTITY_GOVERNMENT)
      && owned->type == KG_ENTITY_ORGANIZATION)
    kg_relation_reader_relate (r, owned->entity, owner->entity, KG_RELATION_LOCATED_IN, "based in", t);
  else if (owner->type != KG_ENTITY_PERSON
           && !(owner->type == KG_ENTITY_ORGANIZATION && owned->type == KG_ENTITY_GOVERNMENT))
    kg_relation_reader_relate (r, owned->entity, owner->entity, KG_RELATION_PART_OF, "part of", t);
}

/* "Beta, a unit of Acme", "Beta, a government agency of Norland". */
void
kg_relate_unit (KgRelationReader *r,
                const KgMention  *part,
                guint             hi)
{
  const KgAnalysis *a = r->a;
  guint t = part->end_token;
  const KgMention *whole;

  if (!kg_is_actor (part) || !kg_token_is (a, t, ",")
      || !(kg_token_is (a, t + 1, "a") || kg_token_is (a, t + 1, "the") || kg_token_is (a, t + 1, "an")))
    return;
  t += 2;
  if (t + 1 < hi && kg_token (a, t)->kind == KG_TOKEN_WORD && r->mention_of[t] < 0
      && !kg_token_in_set (a, t, &unit_words))
    t++;   /* "a government agency of", "a wholly owned subsidiary of" */
  if (!kg_token_in_set (a, t, &unit_words) || !kg_token_is (a, t + 1, "of"))
    return;
  whole = kg_phrase_organisation (r, t + 2, hi);
  if (kg_is_actor (whole))
    kg_relation_reader_relate (r, part->entity, whole->entity, KG_RELATION_PART_OF, "part of", t);
}

/* Words before "minister" that say its rank, not its portfolio. */
static const char *const rank_words_words[] = {
  "prime", "deputy", "former", "acting", "junior", "senior", "shadow", "first", "chief",
  "interim", "cabinet", "state", NULL
};
static KgWordSet rank_words = { rank_words_words };

static gboolean
is_ministry (const KgAnalysis *a,
             const KgMention  *m)
{
  for (guint t = m->first_token; t < m->end_token; t++)
    if (kg_token_is (a, t, "ministry") || kg_token_is (a, t, "department"))
      return TRUE;
  return FALSE;
}

/* The document's ministries and departments by each word of their names,
 * so that a title costs a look-up a word, not a pass over the mentions. */
static GHashTable *
index_ministries (const KgAnalysis *a)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < a->mentions->len; i++)
    {
      const KgMention *m = &g_array_index (a->mentions, KgMention, i);

      if (m->type != KG_ENTITY_GOVERNMENT || !is_ministry (a, m))
        continue;
      for (guint t = m->first_token; t < m->end_token; t++)
        {
          g_autofree char *word = g_ascii_strdown (kg_token_text (a, t), kg_token_len (a, t));

          /* The first mention of a ministry with the word answers. */
          if (!g_hash_table_contains (index, word))
            g_hash_table_insert (index, g_steal_pointer (&word), (gpointer) m);
        }
    }
  return index;
}

const KgMention *
kg_ministry_of_title (KgRelationReader *r,
                      guint             first,
                      guint             last)
{
  const KgAnalysis *a = r->a;

  if (!kg_token_is (a, last, "minister") && !kg_token_is (a, last, "secretary"))
    return NULL;
  if (r->ministries == NULL)
    r->ministries = index_ministries (a);
  for (guint k = first; k < last; k++)
    {
      g_autofree char *word = NULL;
      const KgMention *m;

      if (kg_token_in_set (a, k, &rank_words))
        continue;
      word = g_ascii_strdown (kg_token_text (a, k), kg_token_len (a, k));
      if ((m = g_hash_table_lookup (r->ministries, word)) != NULL)
        return m;
    }
  return NULL;
}
