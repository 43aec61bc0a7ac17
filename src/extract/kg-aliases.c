/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

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

#define MIN_TYPO_LENGTH 7

typedef struct
{
  char        *name;       /* the fullest form, the entity's name */
  KgEntityType type;
  guint        votes[KG_N_ENTITY_TYPES];
  guint        long_votes[KG_N_ENTITY_TYPES];   /* of multi-word mentions */
  GPtrArray   *forms;      /* char*, every cleaned form seen */
  guint        n_words;
  guint        entity;     /* the graph's entity once written */
} Group;

typedef struct
{
  KgAnalysis *analysis;
  const KgWordList *titles;
  const KgWordList *suffixes;
  GPtrArray  *names;      /* per mention: cleaned name */
  GArray     *n_words;    /* per mention: guint */
  GArray     *group_of;   /* per mention: guint group index */
  GPtrArray  *groups;     /* Group* */
  GHashTable *multi;      /* "<class>\x1f<name>" → group index + 1 */
  GHashTable *acronyms;   /* acronym → group index + 1, from "Long Name (LN)" */
} Resolver;

static void
group_free (Group *group)
{
  g_free (group->name);
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

static guint
count_words (const char *name)
{
  guint n = 1;

  for (const char *p = name; *p; p++)
    n += *p == ' ';
  return n;
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

/* The mention's text with runs of white space made one space. */
static char *
mention_name (const KgAnalysis *a,
              const KgMention  *m)
{
  GString *s = g_string_sized_new (m->end - m->start);
  gboolean space = FALSE;

  for (gsize i = m->start; i < m->end; i++)
    {
      if (g_ascii_isspace (a->text[i]))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, a->text[i]);
        }
    }
  return g_string_free (s, FALSE);
}

/* "N.C.S.C." → "NCSC"; NULL unless the word is all capitals (2 to 8). */
static char *
acronym_letters (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p; p++)
    {
      if (g_ascii_isupper (*p))
        g_string_append_c (s, *p);
      else if (*p != '.' && *p != '&')
        {
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  if (s->len < 2 || s->len > 8)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* The capital initials of a multi-word name, leaving out "of", "the", "and";
 * with skip_first, without its first word ("US Department of Homeland
 * Security" is also "DHS"). */
static char *
initials (const char *name,
          gboolean    skip_first)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = skip_first ? 1 : 0; words[i]; i++)
    if (g_ascii_isupper (words[i][0]))
      g_string_append_c (s, words[i][0]);
    else if (words[i][0] == '&')
      continue;
  return g_string_free (s, FALSE);
}

static gboolean
is_acronym_of (const char *acronym,
               const char *name)
{
  g_autofree char *letters = acronym_letters (acronym);
  g_autofree char *full = NULL;
  g_autofree char *rest = NULL;

  if (letters == NULL || count_words (name) < 2)
    return FALSE;
  full = initials (name, FALSE);
  rest = initials (name, TRUE);
  return strcmp (letters, full) == 0 || (strlen (rest) >= 2 && strcmp (letters, rest) == 0);
}

/* Optimal string alignment distance, stopping once it exceeds 1. */
static gboolean
within_one_edit (const char *a,
                 const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0;

  if (la > lb + 1 || lb > la + 1)
    return FALSE;
  while (i < la && i < lb && a[i] == b[i])
    i++;
  if (i == la && i == lb)
    return FALSE;   /* equal */
  if (la == lb)
    return strcmp (a + i + 1, b + i + 1) == 0
           || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp (a + i + 2, b + i + 2) == 0);
  return la > lb ? strcmp (a + i + 1, b + i) == 0 : strcmp (a + i, b + i + 1) == 0;
}

static guint
add_group (Resolver   *self,
           const char *name)
{
  Group *group = g_new0 (Group, 1);

  group->name = g_strdup (name);
  group->forms = g_ptr_array_new_with_free_func (g_free);
  group->n_words = count_words (name);
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
  gboolean seen = FALSE;

  g_array_index (self->group_of, guint, m) = group;
  g->votes[mention_at (self, m)->type]++;
  if (g_array_index (self->n_words, guint, m) > 1)
    g->long_votes[mention_at (self, m)->type]++;
  for (guint i = 0; i < g->forms->len && !seen; i++)
    seen = strcmp (g_ptr_array_index (g->forms, i), name) == 0;
  if (!seen)
    g_ptr_array_add (g->forms, g_strdup (name));
}

static char *
multi_key (guint       class,
           const char *name)
{
  return g_strdup_printf ("%u\x1f%s", class, name);
}

/* Every multi-word name is a group, one per name and class. */
static void
group_long_names (Resolver *self)
{
  for (guint m = 0; m < self->names->len; m++)
    {
      g_autofree char *key = NULL;
      gpointer found;

      if (g_array_index (self->n_words, guint, m) < 2)
        continue;
      key = multi_key (type_class (mention_at (self, m)->type), name_of (self, m));
      found = g_hash_table_lookup (self->multi, key);
      if (found == NULL)
        {
          found = GUINT_TO_POINTER (add_group (self, name_of (self, m)) + 1);
          g_hash_table_insert (self->multi, g_steal_pointer (&key), found);
        }
      assign (self, m, GPOINTER_TO_UINT (found) - 1);
    }
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
      if (is_acronym_of (inner_name, outer_name))
        acronym = inner_name, long_m = m;
      else if (is_acronym_of (outer_name, inner_name))
        acronym = outer_name, long_m = m + 1;
      if (acronym != NULL && !g_hash_table_contains (self->acronyms, acronym))
        g_hash_table_insert (self->acronyms, g_strdup (acronym),
                             GUINT_TO_POINTER (g_array_index (self->group_of, guint, long_m) + 1));
    }
}

/* "Kaspersky" is the short form of "Kaspersky Lab": the long name is the
 * short one followed only by organisation words. */
static gboolean
is_short_form (Resolver   *self,
               const char *word,
               const char *name)
{
  gsize n = strlen (word);
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

static gboolean
word_matches (const char *word,
              const char *form,
              MatchKind   kind)
{
  if (kind == MATCH_EXACT)
    return strcmp (word, form) == 0;
  return strlen (form) >= MIN_TYPO_LENGTH && strlen (word) >= MIN_TYPO_LENGTH - 1
         && within_one_edit (word, form);
}

/* The organisation or government group a one-word name stands for: a
 * defined acronym, initials, or a short form. -1 when none or ambiguous. */
static gint
find_long_organisation (Resolver   *self,
                        const char *word,
                        MatchKind   kind)
{
  gint found = -1;
  gpointer p;

  if (kind == MATCH_EXACT && (p = g_hash_table_lookup (self->acronyms, word)) != NULL)
    return GPOINTER_TO_UINT (p) - 1;
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = group_at (self, g);
      gboolean hit;
      g_autofree char *short_form = NULL;

      if (group->n_words < 2
          || group->long_votes[KG_ENTITY_PERSON] > group->long_votes[KG_ENTITY_ORGANIZATION]
                                                   + group->long_votes[KG_ENTITY_GOVERNMENT]
          || group->long_votes[KG_ENTITY_PLACE] > 0)
        continue;
      hit = kind == MATCH_EXACT && is_acronym_of (word, group->name);
      if (!hit)
        {
          const char *space = strchr (group->name, ' ');

          short_form = g_strndup (group->name, space - group->name);
          hit = word_matches (word, short_form, kind) && is_short_form (self, short_form, group->name);
        }
      if (kind == MATCH_TYPO && !hit)
        hit = word_matches (word, group->name, kind);
      if (hit && found >= 0 && (guint) found != g)
        return -1;
      if (hit)
        found = g;
    }
  return found;
}

/* The person group whose surname (or, for a name tagged as a person, first
 * name) the word is, nearest before the mention, else the first after. */
static gint
find_person (Resolver   *self,
             guint       m,
             const char *word,
             MatchKind   kind)
{
  gint before = -1, after = -1;

  for (guint k = 0; k < self->names->len; k++)
    {
      const KgMention *other = mention_at (self, k);
      const char *name = name_of (self, k);
      const char *last;

      if (other->type != KG_ENTITY_PERSON || g_array_index (self->n_words, guint, k) < 2)
        continue;
      last = strrchr (name, ' ') + 1;
      if (!word_matches (word, last, kind))
        continue;
      if (k < m)
        before = g_array_index (self->group_of, guint, k);
      else if (after < 0)
        after = g_array_index (self->group_of, guint, k);
    }
  return before >= 0 ? before : after;
}

/* How the mentions of one one-word name were tagged. */
static void
count_tags (Resolver   *self,
            const char *word,
            guint       counts[KG_N_ENTITY_TYPES])
{
  memset (counts, 0, sizeof (guint) * KG_N_ENTITY_TYPES);
  for (guint k = 0; k < self->names->len; k++)
    if (g_array_index (self->n_words, guint, k) == 1 && strcmp (name_of (self, k), word) == 0)
      counts[mention_at (self, k)->type]++;
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
  guint counts[KG_N_ENTITY_TYPES];
  gint g;

  count_tags (self, word, counts);
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
  if (names_organisation (counts))
    return -1;
  if ((g = find_person (self, m, word, MATCH_EXACT)) >= 0)
    return g;
  if (counts[KG_ENTITY_PERSON] + counts[KG_ENTITY_ORGANIZATION] + counts[KG_ENTITY_GOVERNMENT] > 1)
    return -1;   /* a name used several times is no slip of the keyboard */
  if ((g = find_long_organisation (self, word, MATCH_TYPO)) >= 0)
    return g;
  return find_person (self, m, word, MATCH_TYPO);
}

/* The one-word group of that name and class, made on first use. */
static guint
word_group (Resolver   *self,
            const char *word,
            guint       class)
{
  g_autofree char *key = multi_key (class + 2, word);
  gpointer found = g_hash_table_lookup (self->multi, key);

  if (found == NULL)
    {
      found = GUINT_TO_POINTER (add_group (self, word) + 1);
      g_hash_table_insert (self->multi, g_steal_pointer (&key), found);
    }
  return GPOINTER_TO_UINT (found) - 1;
}

/* A one-word organisation name that is a slip for another one-word name
 * used more often ("Kasperksy" for "Kaspersky"). */
static void
merge_word_typos (Resolver *self)
{
  for (guint m = 0; m < self->names->len; m++)
    {
      guint gm = g_array_index (self->group_of, guint, m);
      Group *group = group_at (self, gm);
      guint total = 0;

      for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
        total += group->votes[t];
      if (group->n_words != 1 || total != 1 || group->votes[KG_ENTITY_PLACE] > 0)
        continue;
      for (guint g = 0; g < self->groups->len; g++)
        {
          Group *other = group_at (self, g);

          if (g != gm && other->n_words == 1 && other->votes[KG_ENTITY_PLACE] == 0
              && word_matches (group->name, other->name, MATCH_TYPO))
            {
              group->votes[mention_at (self, m)->type]--;
              assign (self, m, g);
              break;
            }
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
        g = word_group (self, name_of (self, m), type_class (mention_at (self, m)->type));
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
      guint n = count_words (form);
      g_autofree char *letters = acronym_letters (form);

      if (n > group->n_words || (n == group->n_words && strlen (form) > strlen (group->name)
                                 && letters == NULL))
        {
          g_free (group->name);
          group->name = g_strdup (form);
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
  else if (count_words (group->name) > count_words (entity->name))
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
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->n_words = g_array_new (FALSE, FALSE, sizeof (guint));
  self->group_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->multi = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
resolver_clear (Resolver *self)
{
  g_ptr_array_unref (self->names);
  g_array_unref (self->n_words);
  g_array_unref (self->group_of);
  g_ptr_array_unref (self->groups);
  g_hash_table_unref (self->multi);
  g_hash_table_unref (self->acronyms);
}

/* A name form the tagger found once, to look for where it missed it. */
static void
add_form (GHashTable   *forms,
          const char   *text,
          gsize         length,
          KgEntityType  type)
{
  if (length >= 2 && g_unichar_isupper (g_utf8_get_char (text)))
    g_hash_table_insert (forms, g_strndup (text, length), GUINT_TO_POINTER (type + 1));
}

/* The one-word forms a journalist repeats: whole one-word names, surnames
 * of people and short forms of organisations, and acronyms given in
 * parentheses after a name even where the tagger left them out. */
static GHashTable *
collect_forms (Resolver *self)
{
  const KgAnalysis *a = self->analysis;
  GHashTable *forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint m = 0; m < a->mentions->len; m++)
    {
      const KgMention *mention = mention_at (self, m);
      g_autofree char *name = mention_name (a, mention);
      const char *space = strrchr (name, ' ');
      guint t = mention->end_token;

      if (space == NULL)
        add_form (forms, name, strlen (name), mention->type);
      else if (mention->type == KG_ENTITY_PERSON)
        add_form (forms, space + 1, strlen (space + 1), mention->type);
      else if (mention->type != KG_ENTITY_PLACE)
        {
          const char *first_space = strchr (name, ' ');
          g_autofree char *first = g_strndup (name, first_space - name);

          if (is_short_form (self, first, name))
            add_form (forms, first, strlen (first), mention->type);
        }
      if (space != NULL && kg_token_is (a, t, "(") && kg_token_is (a, t + 2, ")"))
        {
          g_autofree char *word = g_strndup (kg_token_text (a, t + 1), kg_token_len (a, t + 1));

          if (is_acronym_of (word, name))
            add_form (forms, word, strlen (word), mention->type);
        }
    }
  return forms;
}

/* The type of an organisation form the word misspells by one letter. */
static gpointer
find_typo_form (GHashTable *forms,
                const char *word)
{
  GHashTableIter iter;
  gpointer key, value;

  if (strlen (word) < MIN_TYPO_LENGTH - 1)
    return NULL;
  g_hash_table_iter_init (&iter, forms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) - 1 != KG_ENTITY_PERSON
        && GPOINTER_TO_UINT (value) - 1 != KG_ENTITY_PLACE
        && word_matches (word, key, MATCH_TYPO))
      return value;
  return NULL;
}

static gint
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const KgMention *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Adds a one-token mention wherever a known form stands untagged. */
static void
propagate_mentions (Resolver *self)
{
  KgAnalysis *a = self->analysis;
  g_autoptr(GHashTable) forms = collect_forms (self);
  g_autofree gint *covered = kg_mention_index (a);
  guint n = a->mentions->len;

  if (g_hash_table_size (forms) == 0)
    return;
  for (guint t = 0; t < a->tokens->len; t++)
    {
      KgMention mention = { 0 };
      gsize length = kg_token_len (a, t);
      const char *text = kg_token_text (a, t);
      g_autofree char *word = NULL;
      gpointer type;

      if (covered[t] >= 0 || !kg_token_is_capitalised (a, t))
        continue;
      if (length > 3 && text[length - 2] == '\'' && text[length - 1] == 's')
        length -= 2;
      word = g_strndup (text, length);
      if ((type = g_hash_table_lookup (forms, word)) == NULL
          && (type = find_typo_form (forms, word)) == NULL)
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
    g_array_sort (a->mentions, compare_mentions);
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
      char *name = mention_name (analysis, mention_at (&self, m));
      guint n = count_words (name), none = G_MAXUINT;

      g_ptr_array_add (self.names, name);
      g_array_append_val (self.n_words, n);
      g_array_append_val (self.group_of, none);
    }
  group_long_names (&self);
  find_acronym_definitions (&self);
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
