/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-aliases-private.h"
#include "kg-bytes.h"
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

/* Whether the n bytes at s are a name as they stand (see
 * kg_mention_name()): no byte below ' ', and spaces only one at a time
 * between words. Eight bytes at a time: a byte below 0x20 borrows into
 * its top bit, and a space's top bit is set in sp. */
static gboolean
is_plain_name (const char *s,
               gsize       n)
{
  guint64 before = 0;   /* 0x80 when the byte before the word is a space */
  gsize i = 0;

  if (n == 0 || s[0] == ' ' || s[n - 1] == ' ')
    return FALSE;
  for (; i + 8 <= n; i += 8)
    {
      guint64 x = _kg_bytes_load (s + i), z = x ^ KG_BYTES (' ');
      guint64 sp = ~(((z & KG_BYTES (0x7f)) + KG_BYTES (0x7f)) | z | KG_BYTES (0x7f));

      if (((x - KG_BYTES (0x20)) & ~x & KG_BYTES (0x80)) || (sp & (sp << 8 | before)))
        return FALSE;
      before = sp >> 56;
    }
  for (; i < n; i++)
    {
      if ((guchar) s[i] < ' ' || (s[i] == ' ' && before))
        return FALSE;
      before = s[i] == ' ';
    }
  return TRUE;
}

guint
kg_mention_name_id (const KgAnalysis *a,
                    const KgMention  *m,
                    GString          *scratch,
                    KgNameSet        *names)
{
  const char *text = a->text + m->start;
  gsize n = m->end - m->start;

  /* Most names are their text as it stands: not copied first. */
  if (is_plain_name (text, n))
    return kg_name_set_add (names, text, n);
  return kg_name_set_add (names, kg_mention_name (a, m, scratch), -1);
}

gboolean
kg_is_short_form (const KgWordList *suffixes,
                  KgNameSet        *names,
                  guint             id,
                  gsize             first,
                  GArray           *memo)
{
  const char *rest = kg_name_set_get (names, id) + first + 1;
  guint8 *known;

  /* Names repeat, and propagation and grouping ask of the same ones. The
   * set grows meanwhile: the memo grows ahead of it. */
  if (id >= memo->len)
    g_array_set_size (memo, MAX (kg_name_set_size (names), MAX (64, memo->len * 2)));
  known = &g_array_index (memo, guint8, id);
  if (*known != 0)
    return *known == 2;
  *known = 2;
  while (*rest)
    {
      const char *space = rest + strcspn (rest, " ");

      if (!kg_word_list_has (suffixes, rest, space - rest))
        {
          *known = 1;
          break;
        }
      rest = *space ? space + 1 : space;
    }
  return *known == 2;
}

/* The forms to look for, and the type of each, by their ids among the
 * document's names: a one-word name is its own form, hashed once. */
typedef struct
{
  KgNameSet *names;
  guint8    *types;   /* KgEntityType + 1, 0 for a name that is no form */
  guint      size;
  /* The forms' lengths (up to 63) and first bytes, as bits: most
   * capitalised words ("The", "But") are passed over without hashing. */
  guint64    lengths;
  guint64    firsts[4];
} Forms;

/* Whether some form may have that length and first byte. */
static gboolean
may_be_form (const Forms *forms,
             const char  *text,
             gsize        length)
{
  guchar first = text[0];

  return (forms->lengths >> MIN (length, 63) & 1) && (forms->firsts[first / 64] >> (first % 64) & 1);
}

/* A name form the tagger found once, to look for where it missed it: the
 * last type it was found with counts. id is the form's id in the names
 * when known, else KG_NAME_SET_NONE. */
static void
add_form (Forms        *forms,
          const char   *text,
          gsize         length,
          guint         id,
          KgEntityType  type)
{
  guchar first = text[0];

  /* An ASCII first letter, as most are, is tested without decoding it:
   * the only uppercase letters below 0x80 are A to Z. */
  if (length < 2 || (first < 0x80 ? !g_ascii_isupper (first) : !g_unichar_isupper (g_utf8_get_char (text))))
    return;
  if (id == KG_NAME_SET_NONE)
    id = kg_name_set_add (forms->names, text, length);
  if (id >= forms->size)
    {
      guint old = forms->size;

      forms->size = MAX (64, old * 2);
      while (forms->size <= id)
        forms->size *= 2;
      forms->types = g_realloc (forms->types, forms->size);
      memset (forms->types + old, 0, forms->size - old);
    }
  forms->types[id] = type + 1;
  forms->lengths |= G_GUINT64_CONSTANT (1) << MIN (length, 63);
  forms->firsts[first / 64] |= G_GUINT64_CONSTANT (1) << (first % 64);
}

/* The type + 1 of the form of that id, 0 for none. */
static guint
form_type (const Forms *forms,
           guint        id)
{
  return id < forms->size ? forms->types[id] : 0;
}

/* The one-word forms a journalist repeats: whole one-word names, surnames
 * of people and short forms of organisations, and acronyms given in
 * parentheses after a name even where the tagger left them out. */
static void
collect_forms (const KgAnalysis *a,
               const KgWordList *suffixes,
               GString          *scratch,
               Forms            *forms,
               GArray           *name_ids,
               GArray           *short_forms)
{
  g_array_set_size (name_ids, a->mentions->len);
  for (guint m = 0; m < a->mentions->len; m++)
    {
      const KgMention *mention = &g_array_index (a->mentions, KgMention, m);
      guint id = kg_mention_name_id (a, mention, scratch, forms->names);
      const char *name = kg_name_set_get (forms->names, id);
      const char *space = strrchr (name, ' ');
      guint t = mention->end_token;

      g_array_index (name_ids, guint, m) = id;
      if (space == NULL)
        add_form (forms, name, kg_name_set_length (forms->names, id), id, mention->type);
      else if (mention->type == KG_ENTITY_PERSON)
        add_form (forms, space + 1, strlen (space + 1), KG_NAME_SET_NONE, mention->type);
      else if (mention->type != KG_ENTITY_PLACE)
        {
          gsize first = strchr (name, ' ') - name;

          if (kg_is_short_form (suffixes, forms->names, id, first, short_forms))
            add_form (forms, name, first, KG_NAME_SET_NONE, mention->type);
        }
      if (space != NULL && kg_token_is (a, t, "(") && kg_token_is (a, t + 2, ")"))
        {
          g_autofree char *word = g_strndup (kg_token_text (a, t + 1), kg_token_len (a, t + 1));

          if (kg_name_is_acronym_of (word, name))
            add_form (forms, word, strlen (word), KG_NAME_SET_NONE, mention->type);
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

  /* Too short to be taken for a slip, or of no first byte and length a
   * slip could have: not copied to be looked up. */
  if (length + 1 < KG_MIN_TYPO_LENGTH || !kg_name_index_may_slip (slips, text[0], length))
    return 0;
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

/* The type + 1 of the form (or slip of one) the capitalised token t
 * writes, or 0; *length is how much of it is the name. */
static gint
token_form_type (const KgAnalysis *a,
                 const Forms      *forms,
                 KgNameIndex      *slips,
                 guint             t,
                 gsize            *length)
{
  const char *text = kg_token_text (a, t);
  gsize n = kg_token_len (a, t);
  gint type;

  if (n > 3 && text[n - 2] == '\'' && text[n - 1] == 's')
    n -= 2;
  *length = n;
  type = may_be_form (forms, text, n) ? form_type (forms, kg_name_set_find (forms->names, text, n)) : 0;
  return type != 0 ? type : slip_type (slips, text, n);
}

/* A mention of the form (type + 1) wherever a capitalised token outside
 * the mentions writes one. Mentions are in text order and do not overlap,
 * as the tokens are in order: one walk over both tells the ones covered. */
static void
add_untagged_forms (KgAnalysis  *a,
                    const Forms *forms,
                    KgNameIndex *slips,
                    GString     *scratch,
                    GArray      *name_ids)
{
  const GArray *capitalised = kg_capitalised_tokens (a);
  guint n = a->mentions->len, m = 0;

  for (guint k = 0; k < capitalised->len; k++)
    {
      guint t = g_array_index (capitalised, guint, k), id;
      KgMention mention;
      gsize length;
      gint type;

      while (m < n && g_array_index (a->mentions, KgMention, m).end_token <= t)
        m++;
      if ((m < n && g_array_index (a->mentions, KgMention, m).first_token <= t)
          || !kg_token_is_capitalised (a, t)
          || (type = token_form_type (a, forms, slips, t, &length)) == 0)
        continue;
      /* Zeroed only here: most tokens add none. */
      memset (&mention, 0, sizeof mention);
      mention.start = kg_token (a, t)->start;
      mention.end = mention.start + length;
      mention.first_token = t;
      mention.end_token = t + 1;
      mention.type = type - 1;
      mention.entity = KG_NO_ENTITY;
      g_array_append_val (a->mentions, mention);
      id = kg_mention_name_id (a, &mention, scratch, forms->names);
      g_array_append_val (name_ids, id);
    }
}

void
kg_propagate_mentions (KgAnalysis       *a,
                       const KgWordList *suffixes,
                       GString          *scratch,
                       KgNameSet        *strings,
                       GArray           *name_ids,
                       GArray           *short_forms)
{
  Forms forms = { strings, NULL, 0, 0, { 0 } };
  g_auto(KgNameIndex) slips = { 0 };
  guint n = a->mentions->len;

  kg_name_index_init (&slips, strings);
  collect_forms (a, suffixes, scratch, &forms, name_ids, short_forms);
  if (forms.size == 0)
    return;
  /* Slips are looked for among organisations' and governments' names; the
   * index holds the type + 1. */
  for (guint id = 0; id < forms.size; id++)
    if (forms.types[id] == KG_ENTITY_ORGANIZATION + 1 || forms.types[id] == KG_ENTITY_GOVERNMENT + 1)
      kg_name_index_add_id (&slips, id, forms.types[id]);
  add_untagged_forms (a, &forms, &slips, scratch, name_ids);
  g_free (forms.types);
  if (a->mentions->len > n)
    merge_added_mentions (a->mentions, name_ids, n);
}
