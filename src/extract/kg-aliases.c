/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-names.h"
#include "kg-words.h"

/*
 * Mentions → entities. Names are first cleaned (a leading "the", titles and
 * possessives go), then grouped within the document: every multi-word name
 * is a group of its own, and each one-word name joins the group a journalist
 * means by it — the long form it abbreviates (an acronym defined in
 * parentheses or made of the initials), the organisation whose short form it
 * is, the organisation of that very name, the person whose surname it is,
 * or, failing all of those, a long name it misspells by one letter. Only
 * then are the groups written to the graph, since entities cannot be undone.
 */

typedef struct
{
  const char  *name;       /* the fullest form, the entity's name (interned) */
  KgEntityType type;
  guint        votes[KG_N_ENTITY_TYPES];
  guint        long_votes[KG_N_ENTITY_TYPES];   /* of multi-word mentions */
  GPtrArray   *forms;      /* const char*, interned: every cleaned form seen */
  guint        n_words;
  guint        entity;     /* the graph's entity once written */
} Group;

/* Groups by name: multi-word names per type_class(), one-word names per
 * class + 2. */
#define N_NAME_CLASSES 4

typedef struct
{
  KgAnalysis *analysis;
  const KgWordList *titles;
  const KgWordList *suffixes;
  /* Every name of the document, once: equal names are one pointer, so the
   * tables below hash pointers and nothing is copied or freed per name. */
  GStringChunk *strings;
  GString    *scratch;
  GPtrArray  *names;      /* per mention: cleaned name, interned */
  GArray     *n_words;    /* per mention: guint */
  GArray     *group_of;   /* per mention: guint group index */
  GPtrArray  *groups;     /* Group* */
  GHashTable *by_name[N_NAME_CLASSES];   /* interned name → group index + 1 */
  GHashTable *acronyms;   /* interned acronym → group index + 1, from "Long Name (LN)" */
  /* Indexes, so that a long document costs no more than its names: */
  KgNameIndex *orgs;      /* initials and short forms → multi-word organisation group */
  KgNameIndex *org_slips; /* short forms and full names, for slips */
  GHashTable *surnames;   /* last word of a full person name → GArray of mention indexes */
  KgNameIndex *surname_slips;
  GHashTable *word_tags;  /* interned one-word name → index into tag_counts + 1 */
  GArray     *tag_counts; /* guint[KG_N_ENTITY_TYPES] each, how a name was tagged */
} Resolver;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->forms);
  g_free (group);
}

/* Places stay apart from the actors of the same name ("Russia" the country
 * as a location, "Russia" the government); persons, organisations and
 * governments of one multi-word name are one thing tagged inconsistently. */
static guint
type_class (KgEntityType type)
{
  return type == KG_ENTITY_PLACE ? 1 : 0;
}

/* Strips a leading "the", person titles and a trailing possessive from the
 * mention, narrowing its span to the name itself. */
static void
clean_mention (Resolver  *self,
               KgMention *m)
{
  const KgAnalysis *a = self->analysis;
  guint first = m->first_token, end = m->end_token;
  guint n;

  while (end - first > 1 && kg_token_is_possessive (a, end - 1))
    end--;
  if (end - first > 1 && kg_token_is (a, first, "the"))
    first++;
  while (m->type == KG_ENTITY_PERSON && end - first > 1
         && (n = kg_word_list_match (self->titles, a, first, end - 1)) > 0)
    first += n;
  /* "Mr." may come as "Mr" "." */
  while (end - first > 1 && kg_token (a, first)->kind == KG_TOKEN_PUNCT)
    first++;
  m->first_token = first;
  m->end_token = end;
  m->start = kg_token (a, first)->start;
  m->end = kg_token (a, end - 1)->end;
  /* A possessive glued to the word: "Kaspersky's". */
  if (m->end - m->start > 3)
    {
      const char *t = a->text;

      if (t[m->end - 2] == '\'' && t[m->end - 1] == 's')
        m->end -= 2;
      else if (m->end - m->start > 5 && strncmp (t + m->end - 4, "\u2019s", 4) == 0)
        m->end -= 4;
    }
}

/* The mention's text with runs of white space made one space, in the
 * resolver's scratch buffer (valid until the next call). */
static const char *
mention_name (Resolver        *self,
              const KgMention *m)
{
  const char *text = self->analysis->text;
  GString *name = self->scratch;
  gboolean space = FALSE;

  g_string_truncate (name, 0);
  for (gsize i = m->start; i < m->end; i++)
    {
      if (g_ascii_isspace (text[i]))
        space = TRUE;
      else
        {
          if (space && name->len > 0)
            g_string_append_c (name, ' ');
          space = FALSE;
          g_string_append_c (name, text[i]);
        }
    }
  return name->str;
}

static guint
add_group (Resolver   *self,
           const char *name)
{
  Group *group = g_new0 (Group, 1);

  group->name = name;
  group->forms = g_ptr_array_new ();
  group->n_words = kg_name_count_words (name);
  group->entity = KG_NO_ENTITY;
  g_ptr_array_add (self->groups, group);
  return self->groups->len - 1;
}

static Group *
group_at (Resolver *self,
          guint     index)
{
  return g_ptr_array_index (self->groups, index);
}

static KgMention *
mention_at (Resolver *self,
            guint     m)
{
  return &g_array_index (self->analysis->mentions, KgMention, m);
}

static const char *
name_of (Resolver *self,
         guint     m)
{
  return g_ptr_array_index (self->names, m);
}

static void
assign (Resolver *self,
        guint     m,
        guint     group)
{
  Group *g = group_at (self, group);
  const char *name = name_of (self, m);

  g_array_index (self->group_of, guint, m) = group;
  g->votes[mention_at (self, m)->type]++;
  if (g_array_index (self->n_words, guint, m) > 1)
    g->long_votes[mention_at (self, m)->type]++;
  /* Names are interned: a form seen before is the same pointer. */
  for (guint i = 0; i < g->forms->len; i++)
    if (g_ptr_array_index (g->forms, i) == name)
      return;
  g_ptr_array_add (g->forms, (gpointer) name);
}

/* The group of that interned name and class, made on first use. */
static guint
named_group (Resolver   *self,
             const char *name,
             guint       class)
{
  GHashTable **table = &self->by_name[class];
  gpointer found;

  if (*table == NULL)
    *table = g_hash_table_new (g_direct_hash, g_direct_equal);
  found = g_hash_table_lookup (*table, name);
  if (found == NULL)
    {
      found = GUINT_TO_POINTER (add_group (self, name) + 1);
      g_hash_table_insert (*table, (gpointer) name, found);
    }
  return GPOINTER_TO_UINT (found) - 1;
}

/* Every multi-word name is a group, one per name and class. */
static void
group_long_names (Resolver *self)
{
  for (guint m = 0; m < self->names->len; m++)
    if (g_array_index (self->n_words, guint, m) >= 2)
      assign (self, m, named_group (self, name_of (self, m), type_class (mention_at (self, m)->type)));
}

/* "Long Name (LN)" and "LN (Long Name)": the parenthesised one names the
 * other when its capitals are the other's initials. */
static void
find_acronym_definitions (Resolver *self)
{
  const KgAnalysis *a = self->analysis;

  for (guint m = 0; m + 1 < a->mentions->len; m++)
    {
      KgMention *outer = mention_at (self, m);
      KgMention *inner = mention_at (self, m + 1);
      const char *outer_name = name_of (self, m), *inner_name = name_of (self, m + 1);
      const char *acronym = NULL;
      guint long_m = 0;

      if (!kg_token_is (a, outer->end_token, "(") || inner->first_token != outer->end_token + 1
          || !kg_token_is (a, inner->end_token, ")"))
        continue;
      if (kg_name_is_acronym_of (inner_name, outer_name))
        acronym = inner_name, long_m = m;
      else if (kg_name_is_acronym_of (outer_name, inner_name))
        acronym = outer_name, long_m = m + 1;
      if (acronym != NULL && !g_hash_table_contains (self->acronyms, acronym))
        g_hash_table_insert (self->acronyms, (gpointer) acronym,
                             GUINT_TO_POINTER (g_array_index (self->group_of, guint, long_m) + 1));
    }
}

/* "Kaspersky" is the short form of "Kaspersky Lab": the long name is the
 * short one (its first n bytes) followed only by organisation words. */
static gboolean
is_short_form (Resolver   *self,
               const char *word,
               gsize       n,
               const char *name)
{
  const char *rest;

  if (strncmp (name, word, n) != 0 || name[n] != ' ')
    return FALSE;
  rest = name + n + 1;
  while (*rest)
    {
      const char *space = rest + strcspn (rest, " ");

      if (!kg_word_list_has (self->suffixes, rest, space - rest))
        return FALSE;
      rest = *space ? space + 1 : space;
    }
  return TRUE;
}

typedef enum
{
  MATCH_EXACT,
  MATCH_TYPO,
} MatchKind;

/* Whether the multi-word group reads as an organisation or government. */
static gboolean
is_organisation_group (const Group *group)
{
  return group->n_words >= 2
         && group->long_votes[KG_ENTITY_PERSON] <= group->long_votes[KG_ENTITY_ORGANIZATION]
                                                   + group->long_votes[KG_ENTITY_GOVERNMENT]
         && group->long_votes[KG_ENTITY_PLACE] == 0;
}

/* Indexes the multi-word groups: organisations by initials and short form,
 * people by surname. */
static void
index_long_names (Resolver *self)
{
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = group_at (self, g);
      const char *space = strchr (group->name, ' ');
      g_autofree char *full = NULL, *rest = NULL;

      if (!is_organisation_group (group))
        continue;
      full = kg_name_initials (group->name, FALSE);
      rest = kg_name_initials (group->name, TRUE);
      if (strlen (full) >= 2)
        kg_name_index_add (self->orgs, full, g);
      if (strlen (rest) >= 2)
        kg_name_index_add (self->orgs, rest, g);
      if (is_short_form (self, group->name, space - group->name, group->name))
        {
          g_autofree char *first = g_strndup (group->name, space - group->name);

          kg_name_index_add (self->orgs, first, g);
          kg_name_index_add (self->org_slips, first, g);
        }
      kg_name_index_add (self->org_slips, group->name, g);
    }
  for (guint k = 0; k < self->names->len; k++)
    {
      const char *name = name_of (self, k);
      const char *last = strrchr (name, ' ');
      GArray *mentions;

      if (mention_at (self, k)->type != KG_ENTITY_PERSON || last == NULL)
        continue;
      mentions = g_hash_table_lookup (self->surnames, last + 1);
      if (mentions == NULL)
        {
          mentions = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (self->surnames, (gpointer) (last + 1), mentions);
          kg_name_index_add (self->surname_slips, last + 1, 0);
        }
      g_array_append_val (mentions, k);
    }
}

/* The organisation or government group a one-word name stands for: a
 * defined acronym, initials, or a short form. -1 when none or ambiguous. */
static gint
find_long_organisation (Resolver   *self,
                        const char *word,
                        MatchKind   kind)
{
  char letters[KG_NAME_MAX_ACRONYM + 1];
  gpointer p;
  gint g;

  if (kind == MATCH_TYPO)
    return MAX (kg_name_index_lookup_slip (self->org_slips, word, NULL), -1);
  if ((p = g_hash_table_lookup (self->acronyms, word)) != NULL)
    return GPOINTER_TO_UINT (p) - 1;
  if ((g = kg_name_index_lookup (self->orgs, word)) != KG_NAME_NONE)
    return MAX (g, -1);
  return kg_name_acronym_into (word, letters) > 0 ? MAX (kg_name_index_lookup (self->orgs, letters), -1) : -1;
}

/* The person group whose surname the word is (or misspells), nearest before
 * the mention, else the first after. */
static gint
find_person (Resolver   *self,
             guint       m,
             const char *word,
             MatchKind   kind)
{
  const char *surname = word;
  GArray *mentions;
  guint lo = 0, hi;

  if (kind == MATCH_TYPO
      && kg_name_index_lookup_slip (self->surname_slips, word, &surname) < 0)
    return -1;
  mentions = g_hash_table_lookup (self->surnames, surname);
  if (mentions == NULL)
    return -1;
  /* The first mention at or after m, by binary search. */
  hi = mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (mentions, guint, mid) < m)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_array_index (self->group_of, guint,
                        g_array_index (mentions, guint, lo > 0 ? lo - 1 : 0));
}

typedef struct
{
  guint counts[KG_N_ENTITY_TYPES];
} TagCounts;

/* How the one-word mentions of that name were tagged. */
static guint *
word_tags (Resolver   *self,
           const char *word)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->word_tags, word));

  return i > 0 ? g_array_index (self->tag_counts, TagCounts, i - 1).counts : NULL;
}

static void
count_word_tags (Resolver *self)
{
  for (guint k = 0; k < self->names->len; k++)
    {
      guint *counts;

      if (g_array_index (self->n_words, guint, k) != 1)
        continue;
      counts = word_tags (self, name_of (self, k));
      if (counts == NULL)
        {
          g_array_set_size (self->tag_counts, self->tag_counts->len + 1);
          g_hash_table_insert (self->word_tags, (gpointer) name_of (self, k),
                               GUINT_TO_POINTER (self->tag_counts->len));
          counts = word_tags (self, name_of (self, k));
        }
      counts[mention_at (self, k)->type]++;
    }
}

/* An organisation of the name exists when the name is tagged so at least
 * half as often as a person: the person readings then come from a
 * namesake ("Eugene Kaspersky" beside the company "Kaspersky"). */
static gboolean
names_organisation (const guint counts[KG_N_ENTITY_TYPES])
{
  guint org = counts[KG_ENTITY_ORGANIZATION] + counts[KG_ENTITY_GOVERNMENT];

  return org > 0 && org * 2 >= counts[KG_ENTITY_PERSON];
}

static gint
resolve_word (Resolver *self,
              guint     m)
{
  const char *word = name_of (self, m);
  const guint *counts = word_tags (self, word);
  gboolean once;
  gint g;

  /* A name mostly read as an actor is one even where it was read as a
   * place, if it is the short form of an organisation named in full. */
  if (mention_at (self, m)->type == KG_ENTITY_PLACE
      && counts[KG_ENTITY_PLACE] * 2 > counts[KG_ENTITY_PERSON] + counts[KG_ENTITY_ORGANIZATION]
                                       + counts[KG_ENTITY_GOVERNMENT] + counts[KG_ENTITY_PLACE])
    return -1;
  if ((g = find_long_organisation (self, word, MATCH_EXACT)) >= 0)
    return g;
  if (mention_at (self, m)->type == KG_ENTITY_PLACE)
    return -1;
  /* A name used several times is no slip of the keyboard. */
  once = counts[KG_ENTITY_PERSON] + counts[KG_ENTITY_ORGANIZATION] + counts[KG_ENTITY_GOVERNMENT] <= 1;
  if (once && (g = find_long_organisation (self, word, MATCH_TYPO)) >= 0)
    return g;
  if (names_organisation (counts))
    return -1;
  if ((g = find_person (self, m, word, MATCH_EXACT)) >= 0)
    return g;
  return once ? find_person (self, m, word, MATCH_TYPO) : -1;
}

/* A one-word name used once that is a slip for another one-word name
 * ("Kasperksy" for "Kaspersky"). */
static void
merge_word_typos (Resolver *self)
{
  g_autoptr(KgNameIndex) words = kg_name_index_new ();

  for (guint g = 0; g < self->groups->len; g++)
    if (group_at (self, g)->n_words == 1 && group_at (self, g)->votes[KG_ENTITY_PLACE] == 0)
      kg_name_index_add (words, group_at (self, g)->name, g);
  for (guint m = 0; m < self->names->len; m++)
    {
      guint gm = g_array_index (self->group_of, guint, m);
      Group *group = group_at (self, gm);
      guint total = 0;
      gint g;

      for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
        total += group->votes[t];
      if (group->n_words != 1 || total != 1 || group->votes[KG_ENTITY_PLACE] > 0)
        continue;
      g = kg_name_index_lookup_slip (words, group->name, NULL);
      if (g >= 0 && (guint) g != gm)
        {
          group->votes[mention_at (self, m)->type]--;
          assign (self, m, g);
        }
    }
}

static void
group_words (Resolver *self)
{
  for (guint m = 0; m < self->names->len; m++)
    {
      gint g;

      if (g_array_index (self->n_words, guint, m) != 1)
        continue;
      g = resolve_word (self, m);
      if (g < 0)
        g = named_group (self, name_of (self, m), type_class (mention_at (self, m)->type) + 2);
      assign (self, m, g);
    }
  merge_word_typos (self);
}

/* The group's type: a vote of its multi-word mentions when it has any (a
 * full name is tagged more surely than a bare one), else of all, where a
 * one-word organisation outvotes the person readings of its name (see
 * names_organisation). */
static KgEntityType
group_type (const Group *group)
{
  guint votes[KG_N_ENTITY_TYPES], total = 0;
  KgEntityType best = KG_ENTITY_ORGANIZATION;

  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    total += group->long_votes[t];
  memcpy (votes, total > 0 ? group->long_votes : group->votes, sizeof votes);
  if (names_organisation (votes))
    votes[KG_ENTITY_PERSON] = 0;
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    if (votes[t] > votes[best])
      best = t;
  return best;
}

/* The fullest form: most words, then longest. */
static void
choose_name (Group *group)
{
  for (guint i = 0; i < group->forms->len; i++)
    {
      const char *form = g_ptr_array_index (group->forms, i);
      guint n = kg_name_count_words (form);
      char letters[KG_NAME_MAX_ACRONYM + 1];

      if (n > group->n_words || (n == group->n_words && strlen (form) > strlen (group->name)
                                 && kg_name_acronym_into (form, letters) == 0))
        {
          group->name = form;
          group->n_words = n;
        }
    }
}

/* The graph's entity for a group: one that already has any of its forms
 * (an earlier document), renamed when this document has a fuller name. */
static KgEntity *
write_group (KgGraph *graph,
             Group   *group)
{
  KgEntity *entity = kg_graph_find_entity (graph, group->name, group->type);

  for (guint i = 0; entity == NULL && i < group->forms->len; i++)
    entity = kg_graph_find_entity (graph, g_ptr_array_index (group->forms, i), group->type);
  if (entity == NULL)
    entity = kg_graph_ensure_entity (graph, group->name, group->type);
  else if (kg_name_count_words (group->name) > kg_name_count_words (entity->name))
    kg_graph_rename_entity (graph, entity, group->name);
  for (guint i = 0; i < group->forms->len; i++)
    kg_graph_add_alias (graph, entity, g_ptr_array_index (group->forms, i));
  return entity;
}

static void
resolver_init (Resolver   *self,
               KgAnalysis *analysis)
{
  self->analysis = analysis;
  self->titles = kg_word_list_get ("role-titles", NULL);
  self->suffixes = kg_word_list_get ("short-form-words", NULL);
  self->strings = g_string_chunk_new (1024);
  self->scratch = g_string_new (NULL);
  self->names = g_ptr_array_new ();
  self->n_words = g_array_new (FALSE, FALSE, sizeof (guint));
  self->group_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->acronyms = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->orgs = kg_name_index_new ();
  self->org_slips = kg_name_index_new ();
  /* Keys point into the interned names. */
  self->surnames = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
  self->surname_slips = kg_name_index_new ();
  self->word_tags = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->tag_counts = g_array_new (FALSE, TRUE, sizeof (TagCounts));
}

static void
resolver_clear (Resolver *self)
{
  g_ptr_array_unref (self->names);
  g_array_unref (self->n_words);
  g_array_unref (self->group_of);
  g_ptr_array_unref (self->groups);
  for (guint i = 0; i < N_NAME_CLASSES; i++)
    g_clear_pointer (&self->by_name[i], g_hash_table_unref);
  g_hash_table_unref (self->acronyms);
  kg_name_index_free (self->orgs);
  kg_name_index_free (self->org_slips);
  g_hash_table_unref (self->surnames);
  kg_name_index_free (self->surname_slips);
  g_hash_table_unref (self->word_tags);
  g_array_unref (self->tag_counts);
  g_string_free (self->scratch, TRUE);
  g_string_chunk_free (self->strings);
}

/* A name form the tagger found once, to look for where it missed it. */
static void
add_form (Resolver     *self,
          GHashTable   *forms,
          const char   *text,
          gsize         length,
          KgEntityType  type)
{
  if (length >= 2 && g_unichar_isupper (g_utf8_get_char (text)))
    g_hash_table_insert (forms, g_string_chunk_insert_len (self->strings, text, length),
                         GUINT_TO_POINTER (type + 1));
}

/* The one-word forms a journalist repeats: whole one-word names, surnames
 * of people and short forms of organisations, and acronyms given in
 * parentheses after a name even where the tagger left them out. */
static GHashTable *
collect_forms (Resolver *self)
{
  const KgAnalysis *a = self->analysis;
  /* Keys are in self->strings; a repeated form keeps its first copy. */
  GHashTable *forms = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint m = 0; m < a->mentions->len; m++)
    {
      const KgMention *mention = mention_at (self, m);
      const char *name = mention_name (self, mention);
      const char *space = strrchr (name, ' ');
      guint t = mention->end_token;

      if (space == NULL)
        add_form (self, forms, name, strlen (name), mention->type);
      else if (mention->type == KG_ENTITY_PERSON)
        add_form (self, forms, space + 1, strlen (space + 1), mention->type);
      else if (mention->type != KG_ENTITY_PLACE)
        {
          gsize first = strchr (name, ' ') - name;

          if (is_short_form (self, name, first, name))
            add_form (self, forms, name, first, mention->type);
        }
      if (space != NULL && kg_token_is (a, t, "(") && kg_token_is (a, t + 2, ")"))
        {
          g_autofree char *word = g_strndup (kg_token_text (a, t + 1), kg_token_len (a, t + 1));

          if (kg_name_is_acronym_of (word, name))
            add_form (self, forms, word, strlen (word), mention->type);
        }
    }
  return forms;
}

/* Merges the mentions from n on, added in text order, into the ones
 * before, which are in text order too: no two start alike, since the added
 * ones stand where no mention was. */
static void
merge_added_mentions (GArray *mentions,
                      guint   n)
{
  guint k = mentions->len - n, i = n, j = k, out = mentions->len;
  g_autofree KgMention *added = g_memdup2 (&g_array_index (mentions, KgMention, n), k * sizeof (KgMention));

  while (j > 0)
    {
      if (i > 0 && g_array_index (mentions, KgMention, i - 1).start > added[j - 1].start)
        g_array_index (mentions, KgMention, --out) = g_array_index (mentions, KgMention, --i);
      else
        g_array_index (mentions, KgMention, --out) = added[--j];
    }
}

/* Adds a one-token mention wherever a known form stands untagged. */
static void
propagate_mentions (Resolver *self)
{
  KgAnalysis *a = self->analysis;
  g_autoptr(GHashTable) forms = collect_forms (self);
  g_autoptr(KgNameIndex) slips = kg_name_index_new ();
  g_autofree gint *covered = kg_mention_index (a);
  guint n = a->mentions->len;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (forms) == 0)
    return;
  /* Slips are looked for among organisations' and governments' names. */
  g_hash_table_iter_init (&iter, forms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) - 1 == KG_ENTITY_ORGANIZATION
        || GPOINTER_TO_UINT (value) - 1 == KG_ENTITY_GOVERNMENT)
      kg_name_index_add (slips, key, GPOINTER_TO_INT (value));
  for (guint t = 0; t < a->tokens->len; t++)
    {
      KgMention mention = { 0 };
      gsize length = kg_token_len (a, t);
      const char *text = kg_token_text (a, t);
      g_autofree char *long_word = NULL;
      char buf[128];
      const char *word = buf;
      gpointer type;

      if (covered[t] >= 0 || !kg_token_is_capitalised (a, t))
        continue;
      if (length > 3 && text[length - 2] == '\'' && text[length - 1] == 's')
        length -= 2;
      /* No allocation for the word of most tokens. */
      if (length < sizeof buf)
        {
          memcpy (buf, text, length);
          buf[length] = '\0';
        }
      else
        word = long_word = g_strndup (text, length);
      if ((type = g_hash_table_lookup (forms, word)) == NULL
          && (type = GINT_TO_POINTER (MAX (kg_name_index_lookup_slip (slips, word, NULL), 0))) == NULL)
        continue;
      mention.start = kg_token (a, t)->start;
      mention.end = mention.start + length;
      mention.first_token = t;
      mention.end_token = t + 1;
      mention.type = GPOINTER_TO_UINT (type) - 1;
      mention.entity = KG_NO_ENTITY;
      g_array_append_val (a->mentions, mention);
    }
  if (a->mentions->len > n)
    merge_added_mentions (a->mentions, n);
}

void
kg_resolve_entities (KgAnalysis *analysis,
                     KgGraph    *graph,
                     KgDocument *doc)
{
  Resolver self = { 0 };

  resolver_init (&self, analysis);
  for (guint m = 0; m < analysis->mentions->len; m++)
    clean_mention (&self, mention_at (&self, m));
  propagate_mentions (&self);
  for (guint m = 0; m < analysis->mentions->len; m++)
    {
      const char *name = g_string_chunk_insert_const (self.strings, mention_name (&self, mention_at (&self, m)));
      guint n = kg_name_count_words (name), none = G_MAXUINT;

      g_ptr_array_add (self.names, (gpointer) name);
      g_array_append_val (self.n_words, n);
      g_array_append_val (self.group_of, none);
    }
  group_long_names (&self);
  find_acronym_definitions (&self);
  index_long_names (&self);
  count_word_tags (&self);
  group_words (&self);

  for (guint g = 0; g < self.groups->len; g++)
    {
      Group *group = group_at (&self, g);

      choose_name (group);
      group->type = group_type (group);
      group->entity = write_group (graph, group)->index;
    }
  for (guint m = 0; m < analysis->mentions->len; m++)
    {
      KgMention *mention = mention_at (&self, m);
      Group *group = group_at (&self, g_array_index (self.group_of, guint, m));
      KgEntity *entity = kg_graph_get_entity (graph, group->entity);

      mention->entity = group->entity;
      mention->type = entity->type;
      kg_entity_add_mention (entity, doc->index, mention->start, mention->end);
    }
  resolver_clear (&self);
}
