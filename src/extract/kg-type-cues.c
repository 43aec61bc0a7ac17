/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-names.h"
#include "kg-type-cues.h"
#include "kg-words.h"

/*
 * The tagger types a name mostly from the name itself, and an unfamiliar
 * name of two capitalised words ("Meridian Metering") looks like a person.
 * Journalists say what an unfamiliar name is, in the words around it:
 *   "Meridian Metering, the company that …", ", a Danish engineering firm,"
 *                                  an apposition with a kind of body;
 *   "Meridian Metering, which is based in …"  "which" is never a person;
 *   "seen by the Alder Courier"    people are not named after "the";
 *   "the Office of Water Standards"  "Office of/for …" is a public body.
 * A cue changes a mention's type only away from person (or from
 * organisation to government), then every mention with the same text
 * follows, and so does the first word said alone ("Meridian's meters")
 * when no person in the document has that word in their name.
 */

/* What a cue says: nothing, or the type the name must have. */
#define NO_CUE KG_N_ENTITY_TYPES

/* Words that may end an apposition's noun phrase: after the kind of body
 * comes a comma, a relative clause ("that", or a pronoun: "the company she
 * founded") or a participle about it. */
static const char *const phrase_ends[] = {
  "that", "which", "whose", "based", "founded", "headquartered", "owned", "run",
  "known", "behind", "in", "from", "with", "and", "he", "she", "it", "they", "we", "i", NULL
};
/* Filtered by the tokens' hashes: most words are none of them. */
static KgWordSet phrase_end_words = { phrase_ends };

/* Words that tie another phrase to the apposition's head ("a spokeswoman
 * for the agency"): the kind of body after them is not what the name is. */
static const char *const phrase_links[] = {
  "of", "for", "at", "to", "on", "by", "as", "about", "the", "a", "an", "his", "her", "its", "their", NULL
};
static KgWordSet phrase_link_words = { phrase_links };

static gboolean
links_phrase (const KgAnalysis *a,
              guint             t)
{
  return kg_token_in_set (a, t, &phrase_link_words);
}

static gboolean
ends_phrase (const KgAnalysis *a,
             guint             t,
             guint             sentence)
{
  if (t >= a->tokens->len || kg_token (a, t)->sentence != sentence)
    return TRUE;
  if (kg_token (a, t)->kind == KG_TOKEN_PUNCT)
    return TRUE;
  return kg_token_in_set (a, t, &phrase_end_words);
}

/* ", the company that …", ", a Danish engineering firm,": the type the
 * head noun of an apposition right after the name gives, or NO_CUE. */
static KgEntityType
apposition_cue (const KgAnalysis *a,
                const KgMention  *m)
{
  static const KgWordList *organisation_cache, *government_cache;
  const KgWordList *organisations, *governments;
  guint t = m->end_token, sentence = kg_token (a, m->first_token)->sentence;

  if (!(kg_token_is (a, t + 1, "the") || kg_token_is (a, t + 1, "a") || kg_token_is (a, t + 1, "an")))
    return NO_CUE;
  organisations = kg_word_list_once (&organisation_cache, "anaphor-organizations");
  governments = kg_word_list_once (&government_cache, "anaphor-governments");
  if (organisations == NULL || governments == NULL)
    return NO_CUE;
  /* The head noun comes within a few words (adjectives, a nationality). */
  for (guint k = t + 2; k < t + 7 && !ends_phrase (a, k, sentence) && !links_phrase (a, k); k++)
    {
      if (!ends_phrase (a, k + 1, sentence))
        continue;
      if (kg_word_list_has (governments, kg_token_text (a, k), kg_token_len (a, k)))
        return KG_ENTITY_GOVERNMENT;
      if (kg_word_list_has (organisations, kg_token_text (a, k), kg_token_len (a, k)))
        return KG_ENTITY_ORGANIZATION;
      return NO_CUE;
    }
  return NO_CUE;
}

/* "X, which": not a person. Lower-case "the" right before a name that ends
 * its phrase ("seen by the Alder Courier."): not a person either. The name
 * must end there: in "the Clara Barton camp" the article is the camp's, and
 * sentence-initial "The" may belong to the name ("The Times"). */
static gboolean
not_a_person (const KgAnalysis *a,
              const KgMention  *m)
{
  guint after = m->end_token;

  if (kg_token_is (a, after, ",") && kg_token_is (a, after + 1, "which"))
    return TRUE;
  return m->first_token > 0 && kg_token_len (a, m->first_token - 1) == 3 &&
         strncmp (kg_token_text (a, m->first_token - 1), "the", 3) == 0 &&
         (after >= a->tokens->len || kg_token (a, after)->kind == KG_TOKEN_PUNCT ||
          kg_token_is_possessive (a, after));
}

/* "Office of Fair Trading", "Office for National Statistics". */
static gboolean
public_office (const KgAnalysis *a,
               const KgMention  *m)
{
  return m->end_token - m->first_token >= 3 && kg_token_len (a, m->first_token) == 6 &&
         strncmp (kg_token_text (a, m->first_token), "Office", 6) == 0 &&
         (kg_token_is (a, m->first_token + 1, "of") || kg_token_is (a, m->first_token + 1, "for"));
}

static KgEntityType
cue_for (const KgAnalysis *a,
         const KgMention  *m)
{
  KgEntityType said;
  gboolean comma_after;

  if (m->type != KG_ENTITY_PERSON && m->type != KG_ENTITY_ORGANIZATION)
    return NO_CUE;
  if (public_office (a, m))
    return KG_ENTITY_GOVERNMENT;
  /* Most names have no comma after them: the cheap question first. */
  comma_after = kg_token_is (a, m->end_token, ",");
  said = comma_after ? apposition_cue (a, m) : NO_CUE;
  if (said == KG_ENTITY_GOVERNMENT || (said == KG_ENTITY_ORGANIZATION && m->type == KG_ENTITY_PERSON))
    return said;
  if (m->type == KG_ENTITY_PERSON && not_a_person (a, m))
    return KG_ENTITY_ORGANIZATION;
  return NO_CUE;
}

/* What a cue decided for a name: the type its mentions take, and the type
 * they had (a person's mentions always follow). */
typedef struct
{
  KgEntityType from;
  KgEntityType to;
} Retyping;

/* Names → what the first cue for each decided: the names interned, the
 * decisions by the names' ids. Looked up by the mentions' bytes in the
 * text, with no copy of them. */
typedef struct
{
  KgNameSet *names;
  GArray    *decided;   /* Retyping */
} Retypings;

static void
retypings_init (Retypings *table)
{
  table->names = kg_name_set_new ();
  table->decided = g_array_new (FALSE, FALSE, sizeof (Retyping));
}

static void
retypings_clear (Retypings *table)
{
  g_clear_pointer (&table->names, kg_name_set_free);
  g_clear_pointer (&table->decided, g_array_unref);
}

static void
add_retyping (Retypings    *table,
              const char   *key,
              gsize         length,
              KgEntityType  from,
              KgEntityType  to)
{
  Retyping r = { from, to };

  /* The first cue for a name stands: ids are handed out in order, so a
   * name already there has one below the decisions' count. */
  if (kg_name_set_add (table->names, key, length) == table->decided->len)
    g_array_append_val (table->decided, r);
}

static const Retyping *
lookup_retyping (const Retypings *table,
                 const char      *text,
                 gsize            length)
{
  guint id = kg_name_set_find (table->names, text, length);

  return id != KG_NAME_SET_NONE ? &g_array_index (table->decided, Retyping, id) : NULL;
}

/* The words of every person named with several words, but for the names
 * the cues retype: a first word said alone is not a company's when a
 * person has it ("Ada Brightwater" keeps "Brightwater"). */
static KgNameSet *
person_words (const KgAnalysis *a,
              const Retypings  *retyped)
{
  KgNameSet *words = kg_name_set_new ();

  for (guint i = 0; i < a->mentions->len; i++)
    {
      const KgMention *m = &g_array_index (a->mentions, KgMention, i);

      if (m->type != KG_ENTITY_PERSON || m->end_token - m->first_token < 2
          || lookup_retyping (retyped, a->text + m->start, m->end - m->start) != NULL)
        continue;
      for (guint t = m->first_token; t < m->end_token; t++)
        kg_name_set_add (words, kg_token_text (a, t), kg_token_len (a, t));
    }
  return words;
}

/* In two passes, so that a long document costs a look-up a mention: the
 * cues name by name, then every mention of those names (or of a retyped
 * name's first word, said alone) follows. */
void
kg_apply_type_cues (KgAnalysis *analysis)
{
  Retypings retyped = { NULL };       /* name → Retyping */
  Retypings first_words = { NULL };   /* first word of a retyped name → Retyping */
  g_autoptr(KgNameSet) persons = NULL;

  for (guint i = 0; i < analysis->mentions->len; i++)
    {
      const KgMention *m = &g_array_index (analysis->mentions, KgMention, i);
      KgEntityType to = cue_for (analysis, m);

      if (to == NO_CUE)
        continue;
      if (retyped.names == NULL)
        {
          retypings_init (&retyped);
          retypings_init (&first_words);
        }
      add_retyping (&retyped, analysis->text + m->start, m->end - m->start, m->type, to);
      if (m->end_token - m->first_token >= 2)
        add_retyping (&first_words, kg_token_text (analysis, m->first_token),
                      kg_token_len (analysis, m->first_token), m->type, to);
    }
  if (retyped.names == NULL)
    return;
  persons = person_words (analysis, &retyped);
  for (guint i = 0; i < analysis->mentions->len; i++)
    {
      KgMention *m = &g_array_index (analysis->mentions, KgMention, i);
      const char *text = analysis->text + m->start;
      gsize length = m->end - m->start;
      const Retyping *r = lookup_retyping (&retyped, text, length);

      if (r != NULL)
        {
          if (m->type == r->from || m->type == KG_ENTITY_PERSON)
            m->type = r->to;
        }
      else if (m->type == KG_ENTITY_PERSON && m->end_token - m->first_token == 1
               && (r = lookup_retyping (&first_words, text, length)) != NULL
               && kg_name_set_find (persons, text, length) == KG_NAME_SET_NONE)
        m->type = r->to;
    }
  retypings_clear (&retyped);
  retypings_clear (&first_words);
}
