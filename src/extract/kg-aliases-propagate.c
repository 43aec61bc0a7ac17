/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-aliases-private.h"
#include "kg-names.h"

/*
 * Before names are grouped (kg-aliases.c): a one-word form the tagger found
 * somewhere in the document (a whole one-word name, a surname, a short form
 * or a defined acronym) is a mention wherever else it stands untagged.
 */

const char *
kg_mention_name (const KgAnalysis *a,
                 const KgMention  *m,
                 GString          *scratch)
{
  const char *text = a->text;
  char *name;
  gsize n = 0;
  gboolean space = FALSE;

  /* Never longer than the text: room is made once. */
  g_string_set_size (scratch, m->end - m->start);
  name = scratch->str;
  for (gsize i = m->start; i < m->end; i++)
    {
      char c = text[i];

      /* Every ASCII space is at most ' ': one compare tells most bytes. */
      if ((guchar) c <= ' ' && g_ascii_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && n > 0)
        name[n++] = ' ';
      space = FALSE;
      name[n++] = c;
    }
  name[n] = '\0';
  return name;
}

gboolean
kg_is_short_form (const KgWordList *suffixes,
                  const char       *word,
                  gsize             n,
                  const char       *name)
{
  const char *rest;

  if (strncmp (name, word, n) != 0 || name[n] != ' ')
    return FALSE;
  rest = name + n + 1;
  while (*rest)
    {
      const char *space = rest + strcspn (rest, " ");

      if (!kg_word_list_has (suffixes, rest, space - rest))
        return FALSE;
      rest = *space ? space + 1 : space;
    }
  return TRUE;
}

/* The forms to look for, and the type of each (by the form's id). */
typedef struct
{
  KgNameSet *names;
  GArray    *types;   /* KgEntityType */
} Forms;

/* A name form the tagger found once, to look for where it missed it: the
 * last type it was found with counts. */
static void
add_form (Forms        *forms,
          const char   *text,
          gsize         length,
          KgEntityType  type)
{
  guint id;

  if (length < 2 || !g_unichar_isupper (g_utf8_get_char (text)))
    return;
  id = kg_name_set_add (forms->names, text, length);
  if (id >= forms->types->len)
    g_array_set_size (forms->types, id + 1);
  g_array_index (forms->types, KgEntityType, id) = type;
}

/* The one-word forms a journalist repeats: whole one-word names, surnames
 * of people and short forms of organisations, and acronyms given in
 * parentheses after a name even where the tagger left them out. */
static void
collect_forms (const KgAnalysis *a,
               const KgWordList *suffixes,
               GString          *scratch,
               Forms            *forms,
               KgNameSet        *strings,
               GArray           *name_ids)
{
  g_array_set_size (name_ids, a->mentions->len);
  for (guint m = 0; m < a->mentions->len; m++)
    {
      const KgMention *mention = &g_array_index (a->mentions, KgMention, m);
      const char *name = kg_mention_name (a, mention, scratch);
      const char *space = strrchr (name, ' ');
      guint t = mention->end_token;

      g_array_index (name_ids, guint, m) = kg_name_set_add (strings, name, -1);

      if (space == NULL)
        add_form (forms, name, strlen (name), mention->type);
      else if (mention->type == KG_ENTITY_PERSON)
        add_form (forms, space + 1, strlen (space + 1), mention->type);
      else if (mention->type != KG_ENTITY_PLACE)
        {
          gsize first = strchr (name, ' ') - name;

          if (kg_is_short_form (suffixes, name, first, name))
            add_form (forms, name, first, mention->type);
        }
      if (space != NULL && kg_token_is (a, t, "(") && kg_token_is (a, t + 2, ")"))
        {
          g_autofree char *word = g_strndup (kg_token_text (a, t + 1), kg_token_len (a, t + 1));

          if (kg_name_is_acronym_of (word, name))
            add_form (forms, word, strlen (word), mention->type);
        }
    }
}

/* Merges the mentions from n on, added in text order, into the ones
 * before, which are in text order too: no two start alike, since the added
 * ones stand where no mention was. Their name ids move with them. */
static void
merge_added_mentions (GArray *mentions,
                      GArray *name_ids,
                      guint   n)
{
  guint k = mentions->len - n, i = n, j = k, out = mentions->len;
  g_autofree KgMention *added = g_memdup2 (&g_array_index (mentions, KgMention, n), k * sizeof (KgMention));
  g_autofree guint *added_ids = g_memdup2 (&g_array_index (name_ids, guint, n), k * sizeof (guint));

  while (j > 0)
    {
      --out;
      if (i > 0 && g_array_index (mentions, KgMention, i - 1).start > added[j - 1].start)
        {
          --i;
          g_array_index (mentions, KgMention, out) = g_array_index (mentions, KgMention, i);
          g_array_index (name_ids, guint, out) = g_array_index (name_ids, guint, i);
        }
      else
        {
          --j;
          g_array_index (mentions, KgMention, out) = added[j];
          g_array_index (name_ids, guint, out) = added_ids[j];
        }
    }
}

/* The type + 1 of the organisation or government name that the word slips
 * from, or 0. Apart from the loop over the tokens, whose every turn would
 * otherwise free the long word's (mostly NULL) pointer. */
static gint
slip_type (KgNameIndex *slips,
           const char  *text,
           gsize        length)
{
  g_autofree char *long_word = NULL;
  char buf[128];
  const char *word = buf;

  /* No allocation for the word of most tokens. */
  if (length < sizeof buf)
    {
      memcpy (buf, text, length);
      buf[length] = '\0';
    }
  else
    word = long_word = g_strndup (text, length);
  return MAX (kg_name_index_lookup_slip (slips, word, NULL), 0);
}

void
kg_propagate_mentions (KgAnalysis       *a,
                       const KgWordList *suffixes,
                       GString          *scratch,
                       KgNameSet        *strings,
                       GArray           *name_ids)
{
  g_autoptr(KgNameSet) names = kg_name_set_new ();
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (KgEntityType));
  Forms forms = { names, types };
  g_autoptr(KgNameIndex) slips = kg_name_index_new (names);
  g_autofree gint *covered = NULL;
  const GArray *capitalised;
  guint n = a->mentions->len;

  collect_forms (a, suffixes, scratch, &forms, strings, name_ids);
  if (kg_name_set_size (names) == 0)
    return;
  covered = kg_mention_index (a);
  /* Slips are looked for among organisations' and governments' names; the
   * index holds the type + 1. */
  for (guint id = 0; id < kg_name_set_size (names); id++)
    if (g_array_index (types, KgEntityType, id) == KG_ENTITY_ORGANIZATION
        || g_array_index (types, KgEntityType, id) == KG_ENTITY_GOVERNMENT)
      kg_name_index_add_id (slips, id, g_array_index (types, KgEntityType, id) + 1);
  /* Only a capitalised token may be a name: the others are passed over
   * without a look. */
  capitalised = kg_capitalised_tokens (a);
  for (guint k = 0; k < capitalised->len; k++)
    {
      guint t = g_array_index (capitalised, guint, k);
      KgMention mention = { 0 };
      gsize length;
      const char *text;
      guint id;
      gint type;

      if (covered[t] >= 0 || !kg_token_is_capitalised (a, t))
        continue;
      length = kg_token_len (a, t);
      text = kg_token_text (a, t);
      if (length > 3 && text[length - 2] == '\'' && text[length - 1] == 's')
        length -= 2;
      if ((id = kg_name_set_find (names, text, length)) != KG_NAME_SET_NONE)
        type = g_array_index (types, KgEntityType, id) + 1;
      else
        type = slip_type (slips, text, length);
      if (type == 0)
        continue;
      mention.start = kg_token (a, t)->start;
      mention.end = mention.start + length;
      mention.first_token = t;
      mention.end_token = t + 1;
      mention.type = type - 1;
      mention.entity = KG_NO_ENTITY;
      g_array_append_val (a->mentions, mention);
      id = kg_name_set_add (strings, kg_mention_name (a, &mention, scratch), -1);
      g_array_append_val (name_ids, id);
    }
  if (a->mentions->len > n)
    merge_added_mentions (a->mentions, name_ids, n);
}

