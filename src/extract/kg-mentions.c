/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-tagger-private.h"
#include "kg-type-cues.h"

/*
 * From tagger labels to typed mentions: PER, ORG and LOC become person,
 * organization and place (MISC is not an entity), then context decides what
 * is a government: bodies named with government words, "Russian
 * intelligence", "the US government", and a country that acts ("Russia
 * denied …") rather than one that is a location ("in Russia").
 */

enum { CLASS_PER, CLASS_ORG, CLASS_LOC, CLASS_MISC, CLASS_NONE };

/* Words a token must be exactly (case counts), with the set of their first
 * bytes, filled on first use: most tokens start with none of them. */
typedef struct
{
  const char *const *words;   /* NULL-terminated */
  gsize              ready;
  guint64            firsts[4];
} TokenList;

/* Nouns that, after a country or demonym, name its government. */
static const char *const government_heads_words[] = {
  "government", "intelligence", "military", "army", "navy", "police", "authorities",
  "administration", "regime", "parliament", "ministry", "Government", "Intelligence",
  "Military", "Army", "Navy", "Police", "Authorities", "Administration", "Parliament",
  NULL
};
static TokenList government_heads = { government_heads_words };

/* "National … Centre", "Federal … Agency": public bodies by their shape. */
static const char *const public_openers_words[] = {
  "National", "Federal", "State", "Royal", "Central", "Supreme", "Constitutional", NULL
};
static TokenList public_openers = { public_openers_words };
static const char *const public_heads_words[] = {
  "Centre", "Center", "Agency", "Service", "Bureau", "Office", "Council", "Board",
  "Authority", "Commission", "Guard", "Directorate", "Administration", "Court",
  "Assembly", "Committee", "Police", NULL
};
static TokenList public_heads = { public_heads_words };

/* Verbs that make the country before them an actor. */
static const char *const actor_verbs_words[] = {
  "said", "says", "say", "accused", "accuses", "denied", "denies", "ordered", "orders",
  "announced", "announces", "warned", "warns", "banned", "bans", "imposed", "imposes",
  "rejected", "rejects", "agreed", "agrees", "threatened", "threatens", "demanded",
  "demands", "urged", "urges", "called", "calls", "expelled", "expels", "sanctioned",
  "condemned", "condemns", "claimed", "claims", "insisted", "insists", "responded",
  "retaliated", "blamed", "blames", "refused", "refuses", "vowed", "vows", "signed",
  "launched", "plans", "planned", "wants", "wanted", "decided", "approved", "declared",
  "recognised", "recognized", "invaded", "attacked", "deployed", "criticised",
  "criticized", "criticises", "criticizes", "told", "asked", "sought", "seeks",
  "pledged", "promised", "offered", "proposed", "suspended", "halted", "denounced",
  "protested", "summoned", "negotiated", "agreed", "believes", "believed", "argued",
  "argues", "hopes", "hoped", "intends", "retaliates", "sanctions", "supports",
  "supported", "opposed", "opposes", "vetoed", "blocked", "ratified", NULL
};
static TokenList actor_verbs = { actor_verbs_words };

/* Auxiliaries that may stand between the actor and its verb. */
static const char *const auxiliaries_words[] = {
  "has", "had", "have", "will", "would", "could", "can", "may", "might", "must",
  "should", "is", "was", "did", "does", "also", "then", "later", "has also", NULL
};
static TokenList auxiliaries = { auxiliaries_words };

/* Verbs that make the country after them an actor they act upon. */
static const char *const object_verbs_words[] = {
  "accused", "accusing", "accuse", "accuses", "criticised", "criticising", "criticized",
  "criticizing", "urged", "urging", "sanctioned", "blamed", "blaming", "condemned",
  "condemning", "pressed", "pressing", "warned", "warning", "sued", "suing", NULL
};
static TokenList object_verbs = { object_verbs_words };

static gboolean
token_in (const KgAnalysis *a,
          guint             t,
          TokenList        *list)
{
  const KgToken *token;
  const char *const *words = list->words;
  gsize n;
  guchar c;

  if (t >= a->tokens->len)
    return FALSE;
  if (g_once_init_enter (&list->ready))
    {
      for (guint i = 0; words[i]; i++)
        list->firsts[(guchar) words[i][0] / 64] |= G_GUINT64_CONSTANT (1) << ((guchar) words[i][0] % 64);
      g_once_init_leave (&list->ready, 1);
    }
  token = &g_array_index (a->tokens, KgToken, t);
  n = token->end - token->start;
  c = a->text[token->start];
  if (!(list->firsts[c / 64] & (G_GUINT64_CONSTANT (1) << (c % 64))))
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if ((guchar) words[i][0] == c && strncmp (words[i], a->text + token->start, n) == 0 &&
        words[i][n] == '\0')
      return TRUE;
  return FALSE;
}

/* The lexicons, and what the tagger already knows of each decoded token. */
typedef struct
{
  const KgLexicon *lexicon;
  const guint32   *token_lex;   /* per token: KgLexClass bits, or NULL */
} Lexicons;

static guint
token_lex (const KgAnalysis *a,
           const Lexicons   *lexicon,
           guint             t)
{
  const KgToken *token = &g_array_index (a->tokens, KgToken, t);
  if (lexicon->token_lex != NULL)
    return lexicon->token_lex[t];
  return _kg_lexicon_word_classes (lexicon->lexicon, a->text + token->start, token->end - token->start);
}

static gboolean
token_is_capitalised (const KgAnalysis *a,
                      guint             t)
{
  const KgToken *token = &g_array_index (a->tokens, KgToken, t);
  guchar c = a->text[token->start];

  if (c < 0x80)
    return g_ascii_isupper (c);
  return g_unichar_isupper (g_utf8_get_char (a->text + token->start));
}

typedef struct _Span Span;
static const char *text_of (const KgAnalysis *a, Span *span);

struct _Span
{
  guint first;
  guint end;
  int   cls;
  KgEntityType type;
  guint lex;     /* lexicon classes of the whole span */
  char *text;    /* the tokens joined by spaces, once asked for */
};

static void
span_clear (gpointer data)
{
  g_free (((Span *) data)->text);
}

static gboolean
is_article (const KgAnalysis *a,
            guint             t)
{
  static const char *const articles_words[] = { "the", "The", "THE", NULL };
  static TokenList articles = { articles_words };
  return token_in (a, t, &articles);
}

static gboolean
is_possessive (const KgAnalysis *a,
               guint             t)
{
  static const char *const marks_words[] = { "'s", "’s", "'", "’", "'S", NULL };
  static TokenList marks = { marks_words };
  return token_in (a, t, &marks);
}

static void
trim_span (const KgAnalysis *a,
           const Lexicons   *lexicon,
           Span             *span)
{
  /* "Later Novikov", "The Pentagon": a capitalised common word that opens
   * a sentence is not part of the name. */
  while (span->end - span->first > 1 &&
         (is_article (a, span->first) || (token_lex (a, lexicon, span->first) & (1u << KG_LEX_COMMON))))
    span->first++;
  while (span->end - span->first > 1 && is_possessive (a, span->end - 1))
    span->end--;
  if (span->cls == CLASS_PER)
    while (span->end - span->first > 1 && (token_lex (a, lexicon, span->first) & (1u << KG_LEX_TITLE)))
      span->first++;
}

static gboolean
country_acts (const KgAnalysis *a,
              const Span       *span)
{
  guint next = span->end;

  while (token_in (a, next, &auxiliaries))
    next++;
  if (token_in (a, next, &actor_verbs))
    return TRUE;
  if (span->first > 0)
    {
      guint prev = span->first - 1;
      if (is_article (a, prev) && prev > 0)
        prev--;
      return token_in (a, prev, &object_verbs);
    }
  return FALSE;
}

/* Whether tokens [first, end) name a government body by their words. */
static gboolean
names_government_body (const KgAnalysis *a,
                       const Lexicons   *lexicon,
                       guint             lex,
                       guint             first,
                       guint             end)
{
  if (lex & (1u << KG_LEX_GOVERNMENT))
    return TRUE;
  if (end - first >= 2 && token_in (a, first, &public_openers) && token_in (a, end - 1, &public_heads))
    return TRUE;
  for (guint t = first; t < end; t++)
    if (token_is_capitalised (a, t) && (token_lex (a, lexicon, t) & (1u << KG_LEX_GOVERNMENT)))
      return TRUE;
  return FALSE;
}

static void
type_span (const KgAnalysis *a,
           const Lexicons   *lexicon,
           Span             *span)
{
  guint lex = span->lex = span->end - span->first == 1 ? token_lex (a, lexicon, span->first)
                                   : _kg_lexicon_phrase_classes (lexicon->lexicon, text_of (a, span));

  switch (span->cls)
    {
    case CLASS_PER:
      span->type = KG_ENTITY_PERSON;
      break;
    case CLASS_ORG:
      span->type = names_government_body (a, lexicon, lex, span->first, span->end)
                   ? KG_ENTITY_GOVERNMENT : KG_ENTITY_ORGANIZATION;
      break;
    case CLASS_LOC:
      if ((lex & (1u << KG_LEX_COUNTRY)) && country_acts (a, span))
        span->type = KG_ENTITY_GOVERNMENT;
      else if (lex & (1u << KG_LEX_GOVERNMENT))   /* "the White House said" */
        span->type = KG_ENTITY_GOVERNMENT;
      else
        span->type = KG_ENTITY_PLACE;
      break;
    default:
      span->type = KG_N_ENTITY_TYPES;
    }
}

/* "Russian intelligence", "the US government", "US Department of Homeland
 * Security": a country or demonym joined to what follows it. */
static void
join_governments (const KgAnalysis *a,
                  const Lexicons   *lexicon,
                  GArray           *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      guint lex = span->lex;
      Span *next = i + 1 < spans->len ? &g_array_index (spans, Span, i + 1) : NULL;

      if (!(lex & ((1u << KG_LEX_COUNTRY) | (1u << KG_LEX_DEMONYM))))
        continue;
      if (next && next->first == span->end && next->type == KG_ENTITY_GOVERNMENT)
        {
          span->end = next->end;
          g_clear_pointer (&span->text, g_free);
          span->type = KG_ENTITY_GOVERNMENT;
          g_array_remove_index (spans, i + 1);
        }
      else if (next && next->type == KG_ENTITY_GOVERNMENT && is_possessive (a, span->end) &&
               next->first == span->end + 1)
        span->type = KG_ENTITY_GOVERNMENT;   /* "the UK's National Cyber Security Centre" */
      else if ((lex & (1u << KG_LEX_COUNTRY)) && is_possessive (a, span->end) &&
               token_in (a, span->end + 1, &government_heads))
        span->type = KG_ENTITY_GOVERNMENT;   /* "Russia's government" */
      else if (token_in (a, span->end, &government_heads) &&
               !(next && next->first == span->end))
        {
          span->end++;
          g_clear_pointer (&span->text, g_free);
          span->type = KG_ENTITY_GOVERNMENT;
        }
    }
}

static char *
span_text (const KgAnalysis *a,
           const Span       *span,
           guint             end)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;
  gsize size = 0, at = 0;
  char *text;

  for (guint t = span->first; t < end; t++)
    size += tokens[t].end - tokens[t].start + 1;
  text = g_malloc (MAX (size, 1));
  for (guint t = span->first; t < end; t++)
    {
      if (t > span->first)
        text[at++] = ' ';
      memcpy (text + at, a->text + tokens[t].start, tokens[t].end - tokens[t].start);
      at += tokens[t].end - tokens[t].start;
    }
  text[at] = '\0';
  return text;
}

static const char *
text_of (const KgAnalysis *a,
         Span             *span)
{
  if (span->text == NULL)
    span->text = span_text (a, span, span->end);
  return span->text;
}

static gboolean
is_plain_type (KgEntityType type)
{
  return type == KG_ENTITY_PERSON || type == KG_ENTITY_ORGANIZATION || type == KG_ENTITY_PLACE;
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

/* A name seen once that is a typo of a name seen more often ("Kasperksy")
 * takes that name's type. */
static void
follow_typos (GArray     *spans,
              GHashTable *votes)
{
  g_autoptr(GPtrArray) common = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  /* Only names seen at least twice can be what a typo meant. */
  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((const guint *) value)[majority (value)] >= 2 && strlen (key) >= 5)
      g_ptr_array_add (common, key);
  if (common->len == 0)
    return;
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      const char *text = span->text;
      gsize n = text ? strlen (text) : 0;

      if (!is_plain_type (span->type) || n < 6 || strchr (text, ' ') != NULL ||
          ((const guint *) g_hash_table_lookup (votes, text))[span->type] > 1)
        continue;
      for (guint c = 0; c < common->len; c++)
        {
          const char *other = g_ptr_array_index (common, c);
          gsize m = strlen (other);
          if (m + 1 >= n && m <= n + 1 && one_edit_apart (text, other))
            {
              span->type = majority (g_hash_table_lookup (votes, other));
              break;
            }
        }
    }
}

static gboolean
is_acronym (const char *text)
{
  gsize n = strlen (text);

  if (n < 2 || n > 8)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/* The initials of a span's capitalised words: "National Cyber Security
 * Centre" → "NCSC"; skip leaves out the first word ("US Department of
 * Homeland Security" → "DHS"). */
static gsize
initials (const KgAnalysis *a,
          const Span       *span,
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
  g_autoptr(GHashTable) long_forms = NULL;

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span->end - span->first == 1 && span->type != KG_N_ENTITY_TYPES && is_acronym (text_of (a, span)))
        {
          if (long_forms == NULL)
            long_forms = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (long_forms, span->text, NULL);
        }
    }
  if (long_forms == NULL)
    return;
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      char acronym[16];
      gpointer key;

      if (span->end - span->first < 2 || span->type == KG_N_ENTITY_TYPES)
        continue;
      for (guint skip = 0; skip < 2; skip++)
        if (initials (a, span, skip, acronym, sizeof acronym) >= 2 &&
            g_hash_table_lookup_extended (long_forms, acronym, &key, NULL))
          g_hash_table_insert (long_forms, key, GUINT_TO_POINTER (span->type + 1));
    }
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      gpointer type;

      if (span->end - span->first == 1 && span->type != KG_N_ENTITY_TYPES && is_acronym (text_of (a, span)) &&
          (type = g_hash_table_lookup (long_forms, span->text)) != NULL)
        span->type = GPOINTER_TO_UINT (type) - 1;
    }
}

/* One name, one type within a document: "Kaspersky Lab" makes every bare
 * "Kaspersky" the company, a surname alone is the person named in full
 * elsewhere, and otherwise a name takes the type most of its
 * mentions have. Governments are left alone: that type comes from context. */
static void
harmonise_types (const KgAnalysis *a,
                 const Lexicons   *lexicon,
                 GArray           *spans)
{
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  follow_acronyms (a, spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      if (span->type == KG_ENTITY_ORGANIZATION && span->end - span->first >= 2 &&
          (token_lex (a, lexicon, span->end - 1) & (1u << KG_LEX_ORG_SUFFIX)))
        g_hash_table_add (stems, span_text (a, span, span->end - 1));
      if (span->type == KG_ENTITY_PERSON && span->end - span->first >= 2)
        {
          Span last = { span->end - 1, span->end, 0, 0, 0, NULL };
          g_hash_table_add (surnames, span_text (a, &last, span->end));
        }
    }
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      const char *text = text_of (a, span);
      guint *count;

      if (!is_plain_type (span->type))
        continue;
      if (g_hash_table_contains (stems, text))
        span->type = KG_ENTITY_ORGANIZATION;
      else if (span->end - span->first == 1 && g_hash_table_contains (surnames, text))
        span->type = KG_ENTITY_PERSON;   /* "Shingarev" after "Anton Shingarev" */
      count = g_hash_table_lookup (votes, text);
      if (count == NULL)
        g_hash_table_insert (votes, (gpointer) text, (count = g_new0 (guint, KG_N_ENTITY_TYPES)));
      count[span->type]++;
    }
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      const guint *count = g_hash_table_lookup (votes, span->text);

      if (is_plain_type (span->type) && count[majority (count)] > count[span->type])
        span->type = majority (count);
    }
  follow_typos (spans, votes);
}

/* Honorifics and offices that are followed by a person's name. */
static const char *const person_titles_words[] = {
  "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady",
  "Prof", "Prof.", "Professor", "President", "Senator", "Sen.", "Rep.", "Representative", "Gov.",
  "Governor", "Mayor", "Judge", "Justice", "General", "Gen.", "Col.", "Colonel", "Capt.", "Captain",
  "Sgt.", "Rev.", "Reverend", "Pope", "King", "Queen", "Prince", "Princess", "Chancellor",
  "Minister", "Premier", "Ambassador", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Sheikh",
  "Ayatollah", "Imam", "Coach", "Chairman", "Chairwoman", "president", "senator", "minister",
  "chancellor", "premier", "ambassador", "governor", "mayor", "judge", "chairman", "coach", NULL
};
static TokenList person_titles = { person_titles_words };

static gint
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* A name the tagger found once is the same name where it missed it:
 * "Later Novikov denied it" after "Novikov said". */
static gboolean
propagate_names (const KgAnalysis *a,
                 const Lexicons   *lexicon,
                 GArray           *spans)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) firsts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint8 *covered = g_new0 (guint8, a->tokens->len);
  guint n_spans = spans->len;

  for (guint i = 0; i < n_spans; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span first = { span->first, span->first + 1, 0, 0, 0, NULL };

      memset (covered + span->first, 1, span->end - span->first);
      if (!is_plain_type (span->type))
        continue;
      g_hash_table_insert (names, (gpointer) text_of (a, span), GUINT_TO_POINTER (span->type + 1));
      g_hash_table_add (firsts, span_text (a, &first, first.end));
    }
  for (guint t = 0; t < a->tokens->len; t++)
    {
      const KgToken *token = &g_array_index (a->tokens, KgToken, t);
      char word[64];

      if (covered[t] || !token_is_capitalised (a, t) || token->end - token->start >= sizeof word)
        continue;
      /* Most capitalised words left open start no known name. */
      memcpy (word, a->text + token->start, token->end - token->start);
      word[token->end - token->start] = '\0';
      if (!g_hash_table_contains (firsts, word))
        continue;
      for (guint len = 4; len >= 1; len--)
        {
          Span span = { t, t + len, 0, KG_N_ENTITY_TYPES, 0, NULL };
          g_autofree char *text = NULL;
          gpointer type;

          if (t + len > a->tokens->len || memchr (covered + t, 1, len) != NULL ||
              g_array_index (a->tokens, KgToken, t + len - 1).sentence != token->sentence)
            continue;
          text = span_text (a, &span, span.end);
          if ((type = g_hash_table_lookup (names, text)) == NULL)
            continue;
          span.type = GPOINTER_TO_UINT (type) - 1;
          span.lex = _kg_lexicon_phrase_classes (lexicon->lexicon, text);
          span.text = g_steal_pointer (&text);
          g_array_append_val (spans, span);
          memset (covered + t, 1, len);
          t += len - 1;
          break;
        }
    }
  if (spans->len == n_spans)
    return FALSE;
  g_array_sort (spans, compare_spans);
  return TRUE;
}

/* "Mr Novikov", "President Abdou Diouf": capitalised words after a title
 * that the tagger left out are a person's name. */
static gboolean
names_after_titles (const KgAnalysis *a,
                    const Lexicons   *lexicon,
                    GArray           *spans)
{
  g_autofree guint8 *covered = g_new0 (guint8, a->tokens->len);
  guint n_spans = spans->len;

  for (guint i = 0; i < n_spans; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      memset (covered + span->first, 1, span->end - span->first);
    }
  for (guint t = 1; t < a->tokens->len; t++)
    {
      Span span = { t, t, CLASS_PER, KG_ENTITY_PERSON, 0, NULL };
      guint sentence = g_array_index (a->tokens, KgToken, t).sentence;

      if (covered[t] || covered[t - 1] || !token_is_capitalised (a, t) ||
          !token_in (a, t - 1, &person_titles))
        continue;
      while (span.end < a->tokens->len && span.end - t < 3 && !covered[span.end] &&
             g_array_index (a->tokens, KgToken, span.end).sentence == sentence &&
             token_is_capitalised (a, span.end) && !token_in (a, span.end, &person_titles) &&
             !(token_lex (a, lexicon, span.end) & ((1u << KG_LEX_TITLE) | (1u << KG_LEX_COMMON))) &&
             g_array_index (a->tokens, KgToken, span.end).kind == KG_TOKEN_WORD)
        span.end++;
      if (span.end == t)
        continue;
      g_array_append_val (spans, span);
      memset (covered + t, 1, span.end - t);
      t = span.end - 1;
    }
  if (spans->len == n_spans)
    return FALSE;
  g_array_sort (spans, compare_spans);
  return TRUE;
}

static GArray *
spans_from_labels (const KgAnalysis *a,
                   const guint8     *labels)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  guint n = a->tokens->len;

  g_array_set_clear_func (spans, span_clear);

  for (guint t = 0; t < n; )
    {
      Span span = { t, t + 1, 0, KG_N_ENTITY_TYPES, 0, NULL };

      if (labels[t] == KG_LABEL_O)
        {
          t++;
          continue;
        }
      span.cls = KG_LABEL_CLASS (labels[t]);
      while (span.end < n && !KG_LABEL_IS_BEGIN (labels[span.end]) && labels[span.end] != KG_LABEL_O &&
             KG_LABEL_CLASS (labels[span.end]) == span.cls &&
             g_array_index (a->tokens, KgToken, span.end).sentence == g_array_index (a->tokens, KgToken, t).sentence)
        span.end++;
      g_array_append_val (spans, span);
      t = span.end;
    }
  return spans;
}

void
kg_tag_entities (KgAnalysis     *analysis,
                 const KgTagger *tagger)
{
  Lexicons lexicons;
  const Lexicons *lexicon = &lexicons;
  g_autofree guint8 *labels = NULL;
  g_autofree guint32 *token_lex = NULL;
  g_autoptr(GArray) spans = NULL;

  g_return_if_fail (analysis != NULL);
  g_return_if_fail (tagger != NULL);

  g_array_set_size (analysis->mentions, 0);
  if (analysis->tokens->len == 0)
    return;
  labels = g_new0 (guint8, analysis->tokens->len);
  token_lex = g_new (guint32, analysis->tokens->len);
  _kg_tag_classes (analysis, tagger, labels, token_lex);
  lexicons.lexicon = _kg_tagger_lexicon (tagger);
  lexicons.token_lex = token_lex;
  spans = spans_from_labels (analysis, labels);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      trim_span (analysis, lexicon, span);
      type_span (analysis, lexicon, span);
    }
  harmonise_types (analysis, lexicon, spans);
  /* Again when names were added after titles; the names found again keep
   * the type their text already has. */
  if (names_after_titles (analysis, lexicon, spans))
    harmonise_types (analysis, lexicon, spans);
  propagate_names (analysis, lexicon, spans);
  join_governments (analysis, lexicon, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      KgMention mention;

      if (span->type == KG_N_ENTITY_TYPES)
        continue;
      mention.start = g_array_index (analysis->tokens, KgToken, span->first).start;
      mention.end = g_array_index (analysis->tokens, KgToken, span->end - 1).end;
      mention.first_token = span->first;
      mention.end_token = span->end;
      mention.type = span->type;
      mention.entity = KG_NO_ENTITY;
      g_array_append_val (analysis->mentions, mention);
    }
  kg_apply_type_cues (analysis);
}
