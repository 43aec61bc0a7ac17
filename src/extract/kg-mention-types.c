/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-mentions-private.h"

/*
 * One name, one type within a document: "Kaspersky Lab" makes every bare
 * "Kaspersky" the company, a surname alone is the person named in full
 * elsewhere, an acronym is what it abbreviates, a typo is the name it
 * misspells, and otherwise a name takes the type most of its mentions have.
 * Governments are left alone: that type comes from context.
 */

static gboolean
token_is_acronym (const KgAnalysis *a,
                  guint             t)
{
  const KgToken *token = &g_array_index (a->tokens, KgToken, t);
  gsize n = token->end - token->start;

  if (n < 2 || n > 8)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (a->text[token->start + i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_typed_acronym (const KgAnalysis *a,
                  const KgNameSpan     *span)
{
  return span->end - span->first == 1 && span->type != KG_N_ENTITY_TYPES && token_is_acronym (a, span->first);
}

/* The initials of a span's capitalised words: "National Cyber Security
 * Centre" → "NCSC"; skip leaves out the first word ("US Department of
 * Homeland Security" → "DHS"). */
static gsize
initials (const KgAnalysis *a,
          const KgNameSpan     *span,
          guint             skip,
          char             *out,
          gsize             size)
{
  gsize n = 0;

  for (guint t = span->first + skip; t < span->end && n + 1 < size; t++)
    {
      const KgToken *token = &g_array_index (a->tokens, KgToken, t);
      char c = a->text[token->start];
      if (g_ascii_isupper (c))
        out[n++] = c;
    }
  out[n] = '\0';
  return n;
}

/* An acronym takes the type of the name it abbreviates: "NCSC" after
 * "National Cyber Security Centre" is a government body too. */
static void
follow_acronyms (const KgAnalysis *a,
                 GArray           *spans)
{
  /* The document's acronyms → the type of the last name they abbreviate
   * + 1; only these initials are worth keeping. */
  KgNameTable long_forms = { NULL };
  /* Bit n: an acronym has n letters; bit c - 'A': one begins with c. Most
   * initials fit no acronym by these, and are not looked up. */
  guint32 lengths = 0, firsts = 0;
  gboolean abbreviates = FALSE;

  for (guint i = 0; i < spans->len; i++)
    {
      const KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);

      if (is_typed_acronym (a, span))
        {
          const KgToken *token = &g_array_index (a->tokens, KgToken, span->first);

          if (long_forms.slots == NULL)
            _kg_name_table_init (&long_forms, a, spans->len);
          _kg_name_table_range (&long_forms, span->first, span->end, TRUE);
          lengths |= 1u << (token->end - token->start);
          firsts |= 1u << (a->text[token->start] - 'A');
        }
    }
  if (long_forms.slots == NULL)
    return;
  for (guint i = 0; i < spans->len; i++)
    {
      const KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      char acronym[16];
      KgNameSlot *slot;
      gsize n;

      if (span->end - span->first < 2 || span->type == KG_N_ENTITY_TYPES)
        continue;
      for (guint skip = 0; skip < 2; skip++)
        if ((n = initials (a, span, skip, acronym, sizeof acronym)) >= 2 &&
            (lengths >> n & 1) && (firsts >> (acronym[0] - 'A') & 1) &&
            (slot = _kg_name_table_text (&long_forms, acronym, n)) != NULL)
          {
            slot->value = span->type + 1;
            abbreviates = TRUE;
          }
    }
  /* Mostly, no acronym abbreviates a name here: nothing to retype. */
  for (guint i = 0; abbreviates && i < spans->len; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      KgNameSlot *slot;

      if (is_typed_acronym (a, span) &&
          (slot = _kg_name_table_range (&long_forms, span->first, span->end, FALSE))->value != 0)
        span->type = slot->value - 1;
    }
  _kg_name_table_clear (&long_forms);
}

/* One substitution, insertion, deletion or swap of neighbours apart. */
static gboolean
one_edit_apart (const char *a,
                const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0;

  if (la < lb)
    return one_edit_apart (b, a);
  if (la - lb > 1 || strcmp (a, b) == 0)
    return FALSE;
  while (i < lb && a[i] == b[i])
    i++;
  if (la > lb)
    return strcmp (a + i + 1, b + i) == 0;
  if (strcmp (a + i + 1, b + i + 1) == 0)
    return TRUE;
  return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp (a + i + 2, b + i + 2) == 0;
}

static KgEntityType
majority (const guint *count)
{
  KgEntityType best = KG_ENTITY_PERSON;

  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    if (count[t] > count[best])
      best = t;
  return best;
}

/* The distinct names of the plain spans, numbered in the order they first
 * appear, with the votes of their mentions for each type. */
typedef struct
{
  KgNameTable table;
  guint       n;
  guint      *of_span;   /* per span: its name, or G_MAXUINT */
  guint      *first;     /* per name: where it was first seen */
  guint      *end;
  guint      *votes;     /* per name: KG_N_ENTITY_TYPES counts */
  guint8     *marks;     /* per name: NAME_* */
} Names;

enum { NAME_STEM = 1, NAME_SURNAME = 2 };

static void
names_init (Names            *names,
            const KgAnalysis *a,
            GArray           *spans)
{
  _kg_name_table_init (&names->table, a, spans->len);
  names->n = 0;
  names->of_span = g_new (guint, spans->len);
  names->first = g_new (guint, spans->len);
  names->end = g_new (guint, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      KgNameSlot *slot;

      names->of_span[i] = G_MAXUINT;
      if (!_kg_is_plain_type (span->type))
        continue;
      slot = _kg_name_table_range (&names->table, span->first, span->end, TRUE);
      if (slot->value == 0)
        {
          names->first[names->n] = span->first;
          names->end[names->n] = span->end;
          slot->value = ++names->n;
        }
      names->of_span[i] = slot->value - 1;
    }
  names->votes = g_new0 (guint, (gsize) MAX (names->n, 1) * KG_N_ENTITY_TYPES);
  names->marks = g_new0 (guint8, MAX (names->n, 1));
}

static void
names_clear (Names *names)
{
  _kg_name_table_clear (&names->table);
  g_free (names->of_span);
  g_free (names->first);
  g_free (names->end);
  g_free (names->votes);
  g_free (names->marks);
}

static void
mark_name (Names  *names,
           guint   first,
           guint   end,
           guint8  mark)
{
  KgNameSlot *slot = _kg_name_table_range (&names->table, first, end, FALSE);

  if (slot != NULL)
    names->marks[slot->value - 1] |= mark;
}

static char *
name_text (const KgAnalysis *a,
           const Names      *names,
           guint             id)
{
  char *text = g_malloc (_kg_range_text_length (a, names->first[id], names->end[id]) + 1);

  _kg_range_text (a, names->first[id], names->end[id], text);
  return text;
}

/* The names that typos may have meant, in the order of GLib's hash table of
 * names by their text (as the types were first written with): when two of
 * them fit a typo, the first one wins. */
static void
hash_table_order (const KgAnalysis *a,
                  const Names      *names,
                  GPtrArray        *texts,
                  GArray           *common)
{
  g_autoptr(GHashTable) votes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint8 *is_common = g_new0 (guint8, names->n);
  GHashTableIter iter;
  gpointer key, value;

  for (guint c = 0; c < common->len; c++)
    is_common[g_array_index (common, guint, c)] = 1;
  for (guint id = 0; id < names->n; id++)
    {
      if (g_ptr_array_index (texts, id) == NULL)
        g_ptr_array_index (texts, id) = name_text (a, names, id);
      g_hash_table_insert (votes, g_ptr_array_index (texts, id), GUINT_TO_POINTER (id + 1));
    }
  g_array_set_size (common, 0);
  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (is_common[GPOINTER_TO_UINT (value) - 1])
      {
        guint id = GPOINTER_TO_UINT (value) - 1;
        g_array_append_val (common, id);
      }
}

/* The type of the name the typo text (one word) may misspell, or
 * KG_N_ENTITY_TYPES. With ambiguous, all of common is searched and
 * *ambiguous tells whether two of the names have different types; without,
 * the first name in common wins. */
static KgEntityType
typo_of (const Names *names,
         GPtrArray   *texts,
         GArray      *common,
         const char  *text,
         gsize        n,
         gboolean    *ambiguous)
{
  KgEntityType found = KG_N_ENTITY_TYPES;

  for (guint c = 0; c < common->len; c++)
    {
      guint id = g_array_index (common, guint, c);
      const char *other = g_ptr_array_index (texts, id);
      gsize m = strlen (other);

      if (m + 1 >= n && m <= n + 1 && one_edit_apart (text, other))
        {
          KgEntityType type = majority (names->votes + (gsize) id * KG_N_ENTITY_TYPES);
          if (ambiguous == NULL)
            return type;
          if (found == KG_N_ENTITY_TYPES)
            found = type;
          else if (type != found)
            *ambiguous = TRUE;
        }
    }
  return found;
}

/* A name seen once that is a typo of a name seen more often ("Kasperksy")
 * takes that name's type. */
static void
follow_typos (const KgAnalysis *a,
              const Names      *names,
              GArray           *spans)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_full (names->n, g_free);
  g_autoptr(GArray) common = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_order = FALSE;
  /* Bit m: a common name has m bytes (63: at least 63); a typo is within
   * one byte of it. */
  guint64 lengths = 0;

  /* Only names seen at least twice can be what a typo meant. */
  g_ptr_array_set_size (texts, names->n);
  for (guint id = 0; id < names->n; id++)
    {
      const guint *votes = names->votes + (gsize) id * KG_N_ENTITY_TYPES;
      gsize m;

      if (votes[majority (votes)] >= 2 && (m = _kg_range_text_length (a, names->first[id], names->end[id])) >= 5)
        {
          g_ptr_array_index (texts, id) = name_text (a, names, id);
          g_array_append_val (common, id);
          lengths |= G_GUINT64_CONSTANT (1) << MIN (m, 63);
        }
    }
  if (common->len == 0)
    return;
  for (guint i = 0; i < spans->len; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      const KgToken *token = &g_array_index (a->tokens, KgToken, span->first);
      gsize n = token->end - token->start;
      char buf[64];   /* the word, copied here unless it is longer */
      g_autofree char *long_text = NULL;
      const char *text = buf;
      gboolean ambiguous = FALSE;
      KgEntityType type;

      /* A typo is one word, seen once with its type. */
      if (!_kg_is_plain_type (span->type) || span->end - span->first != 1 || n < 6 ||
          names->votes[(gsize) names->of_span[i] * KG_N_ENTITY_TYPES + span->type] > 1 ||
          (n < 62 && !(lengths & (G_GUINT64_CONSTANT (7) << (n - 1)))))
        continue;
      if (n < sizeof buf)
        {
          memcpy (buf, a->text + token->start, n);
          buf[n] = '\0';
        }
      else
        text = long_text = g_strndup (a->text + token->start, n);
      type = typo_of (names, texts, common, text, n, in_order ? NULL : &ambiguous);
      if (ambiguous)
        {
          /* Which name wins then depends on the order of the search. */
          hash_table_order (a, names, texts, common);
          in_order = TRUE;
          type = typo_of (names, texts, common, text, n, NULL);
        }
      if (type != KG_N_ENTITY_TYPES)
        span->type = type;
    }
}

void
_kg_harmonise_types (const KgAnalysis     *a,
                     const KgSpanLexicons *lexicon,
                     GArray               *spans)
{
  Names names;

  follow_acronyms (a, spans);
  names_init (&names, a, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      if (span->type == KG_ENTITY_ORGANIZATION && span->end - span->first >= 2 &&
          (_kg_span_token_lex (a, lexicon, span->end - 1) & (1u << KG_LEX_ORG_SUFFIX)))
        mark_name (&names, span->first, span->end - 1, NAME_STEM);
      if (span->type == KG_ENTITY_PERSON && span->end - span->first >= 2)
        mark_name (&names, span->end - 1, span->end, NAME_SURNAME);
    }
  for (guint i = 0; i < spans->len; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      guint id = names.of_span[i];

      if (id == G_MAXUINT)
        continue;
      if (names.marks[id] & NAME_STEM)
        span->type = KG_ENTITY_ORGANIZATION;
      else if (span->end - span->first == 1 && (names.marks[id] & NAME_SURNAME))
        span->type = KG_ENTITY_PERSON;   /* "Shingarev" after "Anton Shingarev" */
      names.votes[(gsize) id * KG_N_ENTITY_TYPES + span->type]++;
    }
  for (guint i = 0; i < spans->len; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      const guint *votes;

      if (names.of_span[i] == G_MAXUINT)
        continue;
      votes = names.votes + (gsize) names.of_span[i] * KG_N_ENTITY_TYPES;
      if (votes[majority (votes)] > votes[span->type])
        span->type = majority (votes);
    }
  follow_typos (a, &names, spans);
  names_clear (&names);
}
