/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-aliases-private.h"
#include "kg-names.h"

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
  guint        first_form; /* every cleaned form seen, in order: a chain of */
  guint        last_form;  /* Form links (index + 1), 0 for none */
  guint        n_words;
  guint        name_id;    /* name's id until choose_name() */
  guint        entity;     /* the graph's entity once written */
} Group;

/* A form of a group's name (interned), and the link (index + 1) to the
 * group's next: the forms of all groups share one array, where a GPtrArray
 * a group cost more to make and free than the rest of the group. */
typedef struct
{
  const char *name;
  guint       next;
  guint       n_words;   /* of name, counted once a name */
} Form;

static inline const Form *
form_at (const Form *forms,
         guint       link)
{
  return &forms[link - 1];
}

/* Groups by name: multi-word names per type_class(), one-word names per
 * class + 2. */
#define N_NAME_CLASSES 4

typedef struct
{
  guint counts[KG_N_ENTITY_TYPES];
} TagCounts;

typedef struct
{
  KgAnalysis *analysis;
  const KgWordList *titles;
  const KgWordList *suffixes;
  /* Every name of the document once, with an id: equal names are one
   * pointer, and what is known of a name is an array indexed by its id,
   * so nothing is hashed, copied or freed per mention past interning. */
  KgNameSet  *strings;
  guint       n_names;    /* the mentions' names: ids below this */
  GString    *scratch;
  GArray     *name_ids;   /* per mention: guint, its name's id */
  GArray     *short_forms;   /* per name: guint8, see kg_is_short_form() */
  /* Per mention, in one block made once the mentions are all known: */
  guint       n_mentions;
  const char **names;     /* cleaned name, interned (the block's start) */
  guint      *n_words;
  guint      *group_of;   /* group index */
  /* Plain arrays, stored into directly: an append to a GArray is a call
   * and a copy, a good part of the cost of a mention. */
  Group      *groups;     /* at most one a mention: never grown */
  guint       n_groups;
  Form       *forms;      /* of all groups */
  guint       n_forms;
  guint       forms_size;
  /* Per name, in one zeroed block (by_name is its start): */
  guint      *by_name;    /* [class * n_names + name id] → group index + 1 */
  guint      *acronyms;   /* [name id] → group index + 1, from "Long Name (LN)" */
  guint      *words_of_name;   /* [name id] → its words, 0 before counted */
  /* Indexes, so that a long document costs no more than its names: */
  KgNameIndex orgs;       /* initials and short forms → multi-word organisation group */
  KgNameIndex company_first_words;   /* → multi-word company, for organisations only */
  KgNameIndex org_slips;  /* short forms and full names, for slips */
  /* People by surname: the mentions of full person names, in text order
   * and by their last word's name id, the ones of id i from
   * by_surname[surname_start[i]] to by_surname[surname_start[i + 1]] (a
   * counting sort: no array a surname). */
  guint      *surname_start;
  guint       n_surname_ids;
  guint      *by_surname;
  KgNameIndex surname_slips;
  TagCounts  *word_tags;  /* [name id]: how the one-word mentions of the name were tagged */
} Resolver;

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
      /* memcmp() of a fixed four bytes is one load and compare, not a call;
       * the same answer as strncmp(), since the four bytes sought hold no NUL. */
      else if (m->end - m->start > 5 && memcmp (t + m->end - 4, "\u2019s", 4) == 0)
        m->end -= 4;
    }
}

static Group *
group_at (Resolver *self,
          guint     index)
{
  return &self->groups[index];
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
  return self->names[m];
}

static guint
name_id_of (Resolver *self,
            guint     m)
{
  return g_array_index (self->name_ids, guint, m);
}

static guint
add_group (Resolver *self,
           guint     m)
{
  Group group = { .name = name_of (self, m), .n_words = self->n_words[m],
                  .name_id = name_id_of (self, m), .entity = KG_NO_ENTITY };

  self->groups[self->n_groups] = group;
  return self->n_groups++;
}

static void
assign (Resolver *self,
        guint     m,
        guint     group)
{
  Group *g = group_at (self, group);
  const char *name = name_of (self, m);
  Form form = { name, 0, self->n_words[m] };

  self->group_of[m] = group;
  g->votes[mention_at (self, m)->type]++;
  if (self->n_words[m] > 1)
    g->long_votes[mention_at (self, m)->type]++;
  /* Names are interned: a form seen before is the same pointer. */
  for (guint f = g->first_form; f != 0; f = form_at (self->forms, f)->next)
    if (form_at (self->forms, f)->name == name)
      return;
  /* Room for a form a mention was made at first; slips moved to another
   * group may need more. */
  if (self->n_forms == self->forms_size)
    {
      self->forms_size = MAX (16, self->forms_size * 2);
      self->forms = g_renew (Form, self->forms, self->forms_size);
    }
  self->forms[self->n_forms++] = form;
  if (g->last_form != 0)
    self->forms[g->last_form - 1].next = self->n_forms;
  else
    g->first_form = self->n_forms;
  g->last_form = self->n_forms;
}

/* The group of mention m's name and that class, made on first use. */
static guint
named_group (Resolver *self,
             guint     m,
             guint     class)
{
  guint *found = &self->by_name[class * self->n_names + name_id_of (self, m)];

  if (*found == 0)
    *found = add_group (self, m) + 1;
  return *found - 1;
}

/* Every multi-word name is a group, one per name and class. */
static void
group_long_names (Resolver *self)
{
  for (guint m = 0; m < self->n_mentions; m++)
    if (self->n_words[m] >= 2)
      assign (self, m, named_group (self, m, type_class (mention_at (self, m)->type)));
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
      guint long_m = 0, short_m = 0;

      if (!kg_token_is (a, outer->end_token, "(") || inner->first_token != outer->end_token + 1
          || !kg_token_is (a, inner->end_token, ")"))
        continue;
      if (kg_name_is_acronym_of (inner_name, outer_name))
        acronym = inner_name, long_m = m, short_m = m + 1;
      else if (kg_name_is_acronym_of (outer_name, inner_name))
        acronym = outer_name, long_m = m + 1, short_m = m;
      if (acronym != NULL && self->acronyms[name_id_of (self, short_m)] == 0)
        self->acronyms[name_id_of (self, short_m)] = self->group_of[long_m] + 1;
    }
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

/* A company is also called by its first word alone ("Meridian" for
 * "Meridian Metering", "Goldman" for "Goldman Sachs") when that word is a
 * name of its own: capitalised and not a mere initial. Only companies:
 * "US" stands for the country's government, not for "US Department of
 * Homeland Security". Where two companies share the word, the index
 * answers neither; and only a word already read as an organisation is
 * taken for one ("said Epps, owner of Epps Aviation" is a person). */
static gboolean
is_company_first_word (const Group *group,
                       gsize        length)
{
  return length >= 3 && g_ascii_isupper (group->name[0])
         && group->long_votes[KG_ENTITY_ORGANIZATION] > group->long_votes[KG_ENTITY_GOVERNMENT];
}

/* People by the last word of their full names (see surname_start). */
static void
index_surnames (Resolver *self)
{
  guint n = self->n_mentions;
  g_autofree guint *surname_of = g_new (guint, n);
  guint *start;

  for (guint k = 0; k < n; k++)
    {
      /* The type and the word count first: only people's names of two
       * words or more are searched for their last space. */
      surname_of[k] = mention_at (self, k)->type == KG_ENTITY_PERSON && self->n_words[k] >= 2
                      ? kg_name_set_add (self->strings, strrchr (name_of (self, k), ' ') + 1, -1)
                      : KG_NAME_SET_NONE;
    }
  self->n_surname_ids = kg_name_set_size (self->strings);
  /* Counts at [id + 2], so that after the sums and the fill [id] is where
   * id's mentions begin. */
  start = self->surname_start = g_new0 (guint, self->n_surname_ids + 2);
  for (guint k = 0; k < n; k++)
    if (surname_of[k] != KG_NAME_SET_NONE && start[surname_of[k] + 2]++ == 0)
      kg_name_index_add_id (&self->surname_slips, surname_of[k], 0);
  for (guint i = 2; i < self->n_surname_ids + 2; i++)
    start[i] += start[i - 1];
  self->by_surname = g_new (guint, start[self->n_surname_ids + 1]);
  for (guint k = 0; k < n; k++)
    if (surname_of[k] != KG_NAME_SET_NONE)
      self->by_surname[start[surname_of[k] + 1]++] = k;
}

/* The organisation group g by the initials of its name (see
 * kg_name_initials_into()), when they are two or more. */
static void
index_initials (Resolver    *self,
                const Group *group,
                gboolean     skip_first,
                guint        g)
{
  char buf[64];
  g_autofree char *heap = NULL;
  gsize n = kg_name_initials_into (group->name, skip_first, buf, sizeof buf);
  const char *initials = buf;

  /* Never more initials than bytes. */
  if (n == sizeof buf)
    {
      gsize size = strlen (group->name) + 1;

      initials = heap = g_malloc (size);
      n = kg_name_initials_into (group->name, skip_first, heap, size);
    }
  if (n >= 2)
    kg_name_index_add (&self->orgs, initials, n, g);
}

/* Indexes the multi-word groups: organisations by initials and short form,
 * people by surname. */
static void
index_long_names (Resolver *self)
{
  for (guint g = 0; g < self->n_groups; g++)
    {
      Group *group = group_at (self, g);
      const char *space = strchr (group->name, ' ');
      gsize first = space - group->name;

      if (!is_organisation_group (group))
        continue;
      index_initials (self, group, FALSE, g);
      index_initials (self, group, TRUE, g);
      if (is_company_first_word (group, first))
        kg_name_index_add (&self->company_first_words, group->name, first, g);
      if (kg_is_short_form (self->suffixes, self->strings, group->name_id, first, self->short_forms))
        {
          kg_name_index_add (&self->orgs, group->name, first, g);
          kg_name_index_add (&self->org_slips, group->name, first, g);
        }
      kg_name_index_add_id (&self->org_slips, group->name_id, g);
    }
  index_surnames (self);
}

/* The organisation or government group mention m's one-word name stands
 * for: a defined acronym, initials, or a short form. -1 when none or
 * ambiguous. */
static gint
find_long_organisation (Resolver   *self,
                        guint       m,
                        MatchKind   kind)
{
  const char *word = name_of (self, m);
  char letters[KG_NAME_MAX_ACRONYM + 1];
  gint g;

  if (kind == MATCH_TYPO)
    return MAX (kg_name_index_lookup_slip (&self->org_slips, word, NULL), -1);
  if (self->acronyms[name_id_of (self, m)] > 0)
    return self->acronyms[name_id_of (self, m)] - 1;
  if ((g = kg_name_index_lookup_id (&self->orgs, name_id_of (self, m))) != KG_NAME_NONE)
    return MAX (g, -1);
  if (mention_at (self, m)->type == KG_ENTITY_ORGANIZATION
      && (g = kg_name_index_lookup_id (&self->company_first_words, name_id_of (self, m))) != KG_NAME_NONE)
    return MAX (g, -1);
  return kg_name_acronym_into (word, letters) > 0 ? MAX (kg_name_index_lookup (&self->orgs, letters), -1) : -1;
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
  guint id = name_id_of (self, m), lo, hi;

  if (kind == MATCH_TYPO)
    {
      if (kg_name_index_lookup_slip (&self->surname_slips, word, &surname) < 0)
        return -1;
      id = kg_name_set_find (self->strings, surname, -1);
    }
  if (id >= self->n_surname_ids || self->surname_start[id] == self->surname_start[id + 1])
    return -1;
  /* The first mention at or after m, by binary search. */
  lo = self->surname_start[id];
  hi = self->surname_start[id + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->by_surname[mid] < m)
        lo = mid + 1;
      else
        hi = mid;
    }
  return self->group_of[self->by_surname[lo > self->surname_start[id] ? lo - 1 : lo]];
}

/* How the one-word mentions of each name were tagged. */
static void
count_word_tags (Resolver *self)
{
  for (guint k = 0; k < self->n_mentions; k++)
    if (self->n_words[k] == 1)
      self->word_tags[name_id_of (self, k)].counts[mention_at (self, k)->type]++;
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
  const guint *counts = self->word_tags[name_id_of (self, m)].counts;
  gboolean once;
  gint g;

  /* A name mostly read as an actor is one even where it was read as a
   * place, if it is the short form of an organisation named in full. */
  if (mention_at (self, m)->type == KG_ENTITY_PLACE
      && counts[KG_ENTITY_PLACE] * 2 > counts[KG_ENTITY_PERSON] + counts[KG_ENTITY_ORGANIZATION]
                                       + counts[KG_ENTITY_GOVERNMENT] + counts[KG_ENTITY_PLACE])
    return -1;
  if ((g = find_long_organisation (self, m, MATCH_EXACT)) >= 0)
    return g;
  if (mention_at (self, m)->type == KG_ENTITY_PLACE)
    return -1;
  /* A name used several times is no slip of the keyboard. */
  once = counts[KG_ENTITY_PERSON] + counts[KG_ENTITY_ORGANIZATION] + counts[KG_ENTITY_GOVERNMENT] <= 1;
  if (once && (g = find_long_organisation (self, m, MATCH_TYPO)) >= 0)
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
  g_auto(KgNameIndex) words = { 0 };

  kg_name_index_init (&words, self->strings);

  for (guint g = 0; g < self->n_groups; g++)
    if (group_at (self, g)->n_words == 1 && group_at (self, g)->votes[KG_ENTITY_PLACE] == 0)
      kg_name_index_add_id (&words, group_at (self, g)->name_id, g);
  for (guint m = 0; m < self->n_mentions; m++)
    {
      guint gm = self->group_of[m];
      Group *group = group_at (self, gm);
      guint total = 0;
      gint g;

      for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
        total += group->votes[t];
      if (group->n_words != 1 || total != 1 || group->votes[KG_ENTITY_PLACE] > 0)
        continue;
      g = kg_name_index_lookup_slip (&words, group->name, NULL);
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
  for (guint m = 0; m < self->n_mentions; m++)
    {
      gint g;

      if (self->n_words[m] != 1)
        continue;
      g = resolve_word (self, m);
      if (g < 0)
        g = named_group (self, m, type_class (mention_at (self, m)->type) + 2);
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
choose_name (Group      *group,
             const Form *forms)
{
  for (guint f = group->first_form; f != 0; f = form_at (forms, f)->next)
    {
      const char *form = form_at (forms, f)->name;
      guint n = form_at (forms, f)->n_words;
      char letters[KG_NAME_MAX_ACRONYM + 1];

      /* The name itself (the same pointer: names are interned) is not
       * longer than itself: not measured. */
      if (n > group->n_words || (n == group->n_words && form != group->name
                                 && strlen (form) > strlen (group->name)
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
write_group (KgGraph    *graph,
             Group      *group,
             const Form *forms)
{
  KgEntity *entity = kg_graph_find_entity (graph, group->name, group->type);
  const char *named = NULL;   /* a new entity's name: never its own alias */

  /* The form that is the name (the same pointer: names are interned) was
   * just looked for. */
  for (guint f = group->first_form; entity == NULL && f != 0; f = form_at (forms, f)->next)
    if (form_at (forms, f)->name != group->name)
      entity = kg_graph_find_entity (graph, form_at (forms, f)->name, group->type);
  /* The name was just looked for: none has it. */
  if (entity == NULL)
    entity = kg_graph_add_entity (graph, NULL, named = group->name, group->type);
  else if (group->n_words > kg_name_count_words (entity->name))
    kg_graph_rename_entity (graph, entity, group->name);
  for (guint f = group->first_form; f != 0; f = form_at (forms, f)->next)
    if (form_at (forms, f)->name != named)
      kg_graph_add_alias (graph, entity, form_at (forms, f)->name);
  return entity;
}

/* Per group, the first group written to the same entity: groups may
 * find one entity of an earlier document, and then share it. */
static guint *
entity_owners (Resolver *self)
{
  guint n = self->n_groups, mask = 15;
  g_autofree guint *slots = NULL;   /* entity index's slot → group + 1 */
  guint *owner = g_new (guint, n);

  while (mask + 1 < n * 2)
    mask = mask * 2 + 1;
  slots = g_new0 (guint, mask + 1);
  for (guint g = 0; g < n; g++)
    {
      guint entity = group_at (self, g)->entity, i = entity & mask;

      while (slots[i] != 0 && group_at (self, slots[i] - 1)->entity != entity)
        i = (i + 1) & mask;
      if (slots[i] == 0)
        slots[i] = g + 1;
      owner[g] = slots[i] - 1;
    }
  return owner;
}

/* The mentions go to their entities one entity at a time, each entity's
 * in text order (a counting sort): one growth of an entity's array rather
 * than one a mention. */
static void
write_mentions (Resolver *self,
                KgGraph  *graph,
                guint     doc)
{
  guint n_groups = self->n_groups, n_mentions = self->analysis->mentions->len;
  g_autofree guint *owner = entity_owners (self);
  g_autofree guint *next = g_new0 (guint, n_groups + 1);   /* an owner's next span */
  g_autofree KgSpan *spans = g_new (KgSpan, n_mentions);

  for (guint m = 0; m < n_mentions; m++)
    next[owner[self->group_of[m]] + 1]++;
  for (guint g = 0; g < n_groups; g++)
    next[g + 1] += next[g];
  for (guint m = 0; m < n_mentions; m++)
    {
      KgMention *mention = mention_at (self, m);
      guint g = owner[self->group_of[m]];

      mention->entity = group_at (self, g)->entity;
      mention->type = group_at (self, g)->type;
      spans[next[g]++] = (KgSpan) { doc, mention->start, mention->end };
    }
  /* next[g] is now where group g's spans end, and those of g - 1 begin. */
  for (guint g = 0, begin = 0; g < n_groups; begin = next[g], g++)
    if (next[g] > begin)
      kg_entity_add_mentions (kg_graph_get_entity (graph, group_at (self, g)->entity),
                              spans + begin, next[g] - begin);
}

static void
resolver_init (Resolver   *self,
               KgAnalysis *analysis)
{
  static const KgWordList *titles, *suffixes;

  self->analysis = analysis;
  self->titles = kg_word_list_once (&titles, "role-titles");
  self->suffixes = kg_word_list_once (&suffixes, "short-form-words");
  self->strings = kg_name_set_new ();
  self->scratch = g_string_new (NULL);
  self->name_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->short_forms = g_array_new (FALSE, TRUE, sizeof (guint8));
  kg_name_index_init_exact (&self->orgs, self->strings);
  kg_name_index_init_exact (&self->company_first_words, self->strings);
  kg_name_index_init (&self->org_slips, self->strings);
  kg_name_index_init (&self->surname_slips, self->strings);
}

/* Once every mention's name has an id: the tables about mentions and
 * names, a block each rather than an allocation a table. */
static void
resolver_size_tables (Resolver *self)
{
  guint n_mentions = self->n_mentions = self->analysis->mentions->len;
  guint n = self->n_names = kg_name_set_size (self->strings);

  /* A group a mention at most, and a form (but for slips moved to another
   * group, which the array grows for): room made once, not grown. */
  self->groups = g_new (Group, n_mentions);
  self->forms = g_new (Form, n_mentions);
  self->forms_size = n_mentions;
  self->names = g_malloc (n_mentions * (sizeof (char *) + 2 * sizeof (guint)));
  self->n_words = (guint *) (gpointer) (self->names + n_mentions);
  self->group_of = self->n_words + n_mentions;
  self->by_name = g_malloc0 (n * (N_NAME_CLASSES + 2 + sizeof (TagCounts) / sizeof (guint)) * sizeof (guint));
  self->acronyms = self->by_name + N_NAME_CLASSES * n;
  self->words_of_name = self->acronyms + n;
  self->word_tags = (TagCounts *) (gpointer) (self->words_of_name + n);
}

/* Each mention's name, and its number of words, counted once a name:
 * names repeat. */
static void
name_mentions (Resolver *self)
{
  guint *words_of_name = self->words_of_name;

  for (guint m = 0; m < self->n_mentions; m++)
    {
      guint id = name_id_of (self, m);

      self->names[m] = kg_name_set_get (self->strings, id);
      if (words_of_name[id] == 0)
        words_of_name[id] = kg_name_count_words (self->names[m]);
      self->n_words[m] = words_of_name[id];
    }
  for (guint m = 0; m < self->n_mentions; m++)
    self->group_of[m] = G_MAXUINT;
}

static void
resolver_clear (Resolver *self)
{
  g_free (self->names);
  g_array_unref (self->name_ids);
  g_array_unref (self->short_forms);
  g_free (self->groups);
  g_free (self->forms);
  g_free (self->by_name);
  kg_name_index_clear (&self->orgs);
  kg_name_index_clear (&self->company_first_words);
  kg_name_index_clear (&self->org_slips);
  g_free (self->surname_start);
  g_free (self->by_surname);
  kg_name_index_clear (&self->surname_slips);
  g_string_free (self->scratch, TRUE);
  kg_name_set_free (self->strings);
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
  /* Propagation names each mention, and interns the names. */
  kg_propagate_mentions (analysis, self.suffixes, self.scratch, self.strings, self.name_ids, self.short_forms);
  resolver_size_tables (&self);
  name_mentions (&self);
  group_long_names (&self);
  find_acronym_definitions (&self);
  index_long_names (&self);
  count_word_tags (&self);
  group_words (&self);

  for (guint g = 0; g < self.n_groups; g++)
    {
      Group *group = group_at (&self, g);

      choose_name (group, self.forms);
      group->type = group_type (group);
      group->entity = write_group (graph, group, self.forms)->index;
    }
  write_mentions (&self, graph, doc->index);
  resolver_clear (&self);
}
