/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-extract"

#include "config.h"

#include <string.h>

#include "kg-bytes.h"
#include "kg-mentions-private.h"
#include "kg-type-cues.h"
#include "kg-words.h"

/*
 * From tagger labels to typed mentions: PER, ORG and LOC become person,
 * organization and place (MISC is not an entity), then context decides what
 * is a government: bodies named with government words, "Russian
 * intelligence", "the US government", and a country that acts ("Russia
 * denied …") rather than one that is a location ("in Russia").
 */

enum { CLASS_PER, CLASS_ORG, CLASS_LOC, CLASS_MISC, CLASS_NONE };

#define TOKEN_LIST_MAX 128

/* Words a token must be exactly (case counts), with the sets of their
 * first bytes and of their lengths (below 64), filled on first use: most
 * tokens start with none of them, or are not as long. The others are
 * compared with the words of their first byte only, chained from head. */
typedef struct
{
  const char *const *words;   /* NULL-terminated */
  gsize              ready;
  guint64            firsts[4];
  guint64            lengths;
  guint8             head[256];              /* word index + 1, or 0 */
  guint8             next[TOKEN_LIST_MAX];   /* the same */
  guint8             length[TOKEN_LIST_MAX];
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

/* The sets and chains of list, on its first use (g_once_init_enter). */
static G_GNUC_NO_INLINE void
token_list_fill (TokenList *list)
{
  const char *const *words = list->words;

  for (guint i = 0; words[i]; i++)
    {
      guchar first = words[i][0];

      list->firsts[first / 64] |= G_GUINT64_CONSTANT (1) << (first % 64);
      g_assert (strlen (words[i]) < 64 && i + 1 < TOKEN_LIST_MAX);
      list->lengths |= G_GUINT64_CONSTANT (1) << strlen (words[i]);
      list->length[i] = strlen (words[i]);
      list->next[i] = list->head[first];
      list->head[first] = i + 1;
    }
  g_once_init_leave (&list->ready, 1);
}

/* Whether the n bytes of text are one of the words of list: those that
 * start with its first byte. */
static G_GNUC_NO_INLINE gboolean
token_is_one_of (const char      *text,
                 gsize            n,
                 const TokenList *list)
{
  for (guint i = list->head[(guchar) text[0]]; i != 0; i = list->next[i - 1])
    if (list->length[i - 1] == n && memcmp (list->words[i - 1], text, n) == 0)
      return TRUE;
  return FALSE;
}

/* Inline, as the first byte or the length rules out most tokens: no call
 * then. */
static inline gboolean
token_in (const KgAnalysis *a,
          guint             t,
          TokenList        *list)
{
  const KgToken *token;
  gsize n;
  guchar c;

  if (t >= a->tokens->len)
    return FALSE;
  if (g_once_init_enter (&list->ready))
    token_list_fill (list);
  token = &g_array_index (a->tokens, KgToken, t);
  n = token->end - token->start;
  c = a->text[token->start];
  if (!(list->firsts[c / 64] & (G_GUINT64_CONSTANT (1) << (c % 64))) || n >= 64 ||
      !(list->lengths & (G_GUINT64_CONSTANT (1) << n)))
    return FALSE;
  return token_is_one_of (a->text + token->start, n, list);
}

/* Marks tokens [first, end) covered: most names are of a word or two,
 * set without a call. */
static inline void
cover (guint8 *covered,
       guint   first,
       guint   end)
{
  switch (end - first)
    {
    case 2:
      covered[first + 1] = 1;
      G_GNUC_FALLTHROUGH;
    case 1:
      covered[first] = 1;
      G_GNUC_FALLTHROUGH;
    case 0:
      break;
    default:
      memset (covered + first, 1, end - first);
    }
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
trim_span (const KgAnalysis     *a,
           const KgSpanLexicons *lexicon,
           KgNameSpan           *span)
{
  /* "Later Novikov", "The Pentagon": a capitalised common word that opens
   * a sentence is not part of the name. */
  while (span->end - span->first > 1 &&
         (is_article (a, span->first) || (_kg_span_token_lex (a, lexicon, span->first) & (1u << KG_LEX_COMMON))))
    span->first++;
  while (span->end - span->first > 1 && is_possessive (a, span->end - 1))
    span->end--;
  if (span->cls == CLASS_PER)
    while (span->end - span->first > 1 && (_kg_span_token_lex (a, lexicon, span->first) & (1u << KG_LEX_TITLE)))
      span->first++;
}

static gboolean
country_acts (const KgAnalysis *a,
              const KgNameSpan *span)
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
names_government_body (const KgAnalysis     *a,
                       const KgSpanLexicons *lexicon,
                       guint                 lex,
                       guint                 first,
                       guint                 end)
{
  if (lex & (1u << KG_LEX_GOVERNMENT))
    return TRUE;
  if (end - first >= 2 && token_in (a, first, &public_openers) && token_in (a, end - 1, &public_heads))
    return TRUE;
  for (guint t = first; t < end; t++)
    if (token_is_capitalised (a, t) && (_kg_span_token_lex (a, lexicon, t) & (1u << KG_LEX_GOVERNMENT)))
      return TRUE;
  return FALSE;
}

static void
type_span (const KgAnalysis     *a,
           const KgSpanLexicons *lexicon,
           KgNameSpan           *span)
{
  guint lex = span->lex = span->end - span->first == 1 ? _kg_span_token_lex (a, lexicon, span->first)
                                   : _kg_range_phrase_classes (a, lexicon->lexicon, span->first, span->end);

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
join_governments (const KgAnalysis     *a,
                  const KgSpanLexicons *lexicon,
                  GArray               *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      guint lex = span->lex;
      KgNameSpan *next = i + 1 < spans->len ? &g_array_index (spans, KgNameSpan, i + 1) : NULL;

      if (!(lex & ((1u << KG_LEX_COUNTRY) | (1u << KG_LEX_DEMONYM))))
        continue;
      if (next && next->first == span->end && next->type == KG_ENTITY_GOVERNMENT)
        {
          span->end = next->end;
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
          span->type = KG_ENTITY_GOVERNMENT;
        }
    }
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

/* Merges the spans from n on, added in text order where no span was, into
 * the ones before, in text order too: no two start alike, so this is the
 * order sorting gives, without a comparison call for each pair. */
static void
merge_added_spans (GArray *spans,
                   guint   n)
{
  KgNameSpan *all = (KgNameSpan *) spans->data;
  guint k = spans->len - n, i = n, j = k, out = spans->len;
  g_autofree KgNameSpan *added = g_memdup2 (all + n, k * sizeof (KgNameSpan));

  while (j > 0)
    all[--out] = i > 0 && all[i - 1].first > added[j - 1].first ? all[--i] : added[--j];
}

/* A name the tagger found once is the same name where it missed it:
 * "Later Novikov denied it" after "Novikov said". */
static gboolean
propagate_names (const KgAnalysis     *a,
                 const KgSpanLexicons *lexicon,
                 const GArray         *capitalised,
                 GArray               *spans)
{
  /* Names → their type + 1, and NAME_OPENS on the first words of names. */
  KgNameTable names;
  g_autofree guint8 *covered = g_new0 (guint8, a->tokens->len);
  guint n_spans = spans->len;
  enum { NAME_TYPE = 0xff, NAME_OPENS = 0x100 };
  /* The lengths of the first words of names by their capital (A to Z):
   * most capitalised words left open start no known name, and are passed
   * over without a look-up. */
  guint64 opens[26] = { 0 };

  _kg_name_table_init (&names, a, 2 * n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      const KgToken *first = &g_array_index (a->tokens, KgToken, span->first);
      guchar c = a->text[first->start];
      KgNameSlot *slot;

      cover (covered, span->first, span->end);
      if (!_kg_is_plain_type (span->type))
        continue;
      slot = _kg_name_table_range (&names, span->first, span->end, TRUE);
      slot->value = (slot->value & ~NAME_TYPE) | (span->type + 1);
      /* A name of one word is its own first word: the same slot. */
      if (span->end > span->first + 1)
        slot = _kg_name_table_range (&names, span->first, span->first + 1, TRUE);
      slot->value |= NAME_OPENS;
      if (c >= 'A' && c <= 'Z')
        opens[c - 'A'] |= G_GUINT64_CONSTANT (1) << MIN (first->end - first->start, 63);
    }
  /* A name found covers its words, which are then passed over. */
  for (guint k = 0; k < capitalised->len; k++)
    {
      guint t = g_array_index (capitalised, guint, k);
      const KgToken *token = &g_array_index (a->tokens, KgToken, t);
      guchar c = a->text[token->start];
      KgNameSlot *slot;

      if (covered[t] || token->end - token->start >= 64 ||
          (c >= 'A' && c <= 'Z' && !(opens[c - 'A'] & (G_GUINT64_CONSTANT (1) << (token->end - token->start)))) ||
          (slot = _kg_name_table_range (&names, t, t + 1, FALSE)) == NULL || !(slot->value & NAME_OPENS))
        continue;
      for (guint len = 4; len >= 1; len--)
        {
          KgNameSpan span = { t, t + len, 0, KG_N_ENTITY_TYPES, 0 };

          if (t + len > a->tokens->len || memchr (covered + t, 1, len) != NULL ||
              g_array_index (a->tokens, KgToken, t + len - 1).sentence != token->sentence ||
              (slot = _kg_name_table_range (&names, t, t + len, FALSE)) == NULL || !(slot->value & NAME_TYPE))
            continue;
          span.type = (slot->value & NAME_TYPE) - 1;
          span.lex = _kg_range_phrase_classes (a, lexicon->lexicon, t, t + len);
          g_array_append_val (spans, span);
          cover (covered, t, t + len);
          break;
        }
    }
  _kg_name_table_clear (&names);
  if (spans->len == n_spans)
    return FALSE;
  merge_added_spans (spans, n_spans);
  return TRUE;
}

/* "Mr Novikov", "President Abdou Diouf": capitalised words after a title
 * that the tagger left out are a person's name. */
static gboolean
names_after_titles (const KgAnalysis     *a,
                    const KgSpanLexicons *lexicon,
                    const GArray         *capitalised,
                    GArray               *spans)
{
  g_autofree guint8 *covered = g_new0 (guint8, a->tokens->len);
  guint n_spans = spans->len;

  for (guint i = 0; i < n_spans; i++)
    {
      const KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      cover (covered, span->first, span->end);
    }
  /* A name after a title covers the words it takes, which are then passed
   * over. */
  for (guint k = 0; k < capitalised->len; k++)
    {
      guint t = g_array_index (capitalised, guint, k);
      KgNameSpan span = { t, t, CLASS_PER, KG_ENTITY_PERSON, 0 };
      guint sentence;

      if (t == 0 || covered[t] || covered[t - 1] || !token_in (a, t - 1, &person_titles))
        continue;
      sentence = g_array_index (a->tokens, KgToken, t).sentence;
      while (span.end < a->tokens->len && span.end - t < 3 && !covered[span.end] &&
             g_array_index (a->tokens, KgToken, span.end).sentence == sentence &&
             token_is_capitalised (a, span.end) && !token_in (a, span.end, &person_titles) &&
             !(_kg_span_token_lex (a, lexicon, span.end) & ((1u << KG_LEX_TITLE) | (1u << KG_LEX_COMMON))) &&
             g_array_index (a->tokens, KgToken, span.end).kind == KG_TOKEN_WORD)
        span.end++;
      if (span.end == t)
        continue;
      g_array_append_val (spans, span);
      cover (covered, t, span.end);
    }
  if (spans->len == n_spans)
    return FALSE;
  merge_added_spans (spans, n_spans);
  return TRUE;
}

static GArray *
spans_from_labels (const KgAnalysis *a,
                   const guint8     *labels)
{
  const KgToken *tokens = (const KgToken *) a->tokens->data;
  guint n = a->tokens->len, n_spans = 0;
  GArray *spans;

  for (guint t = 0; t < n; t++)
    n_spans += labels[t] != KG_LABEL_O;
  /* At most one span a labelled token: written in place, not appended. */
  spans = g_array_sized_new (FALSE, FALSE, sizeof (KgNameSpan), n_spans + 1);
  g_array_set_size (spans, n_spans);
  n_spans = 0;
  for (guint t = 0; t < n; )
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, n_spans);

      /* Most of a text is O: eight labels at a time, and straight to the
       * first of them that is not. */
      G_STATIC_ASSERT (KG_LABEL_O == 0);
      if (t + 8 <= n)
        {
          guint64 w = _kg_bytes_load ((const char *) labels + t);

          if (w == 0)
            {
              t += 8;
              continue;
            }
          t += __builtin_ctzll (w) / 8;
        }
      else if (labels[t] == KG_LABEL_O)
        {
          t++;
          continue;
        }
      *span = (KgNameSpan) { t, t + 1, KG_LABEL_CLASS (labels[t]), KG_N_ENTITY_TYPES, 0 };
      while (span->end < n && !KG_LABEL_IS_BEGIN (labels[span->end]) && labels[span->end] != KG_LABEL_O &&
             KG_LABEL_CLASS (labels[span->end]) == span->cls && tokens[span->end].sentence == tokens[t].sentence)
        span->end++;
      n_spans++;
      t = span->end;
    }
  g_array_set_size (spans, n_spans);
  return spans;
}

void
kg_tag_entities (KgAnalysis     *analysis,
                 const KgTagger *tagger)
{
  KgSpanLexicons lexicons;
  const KgSpanLexicons *lexicon = &lexicons;
  g_autofree guint8 *labels = NULL;
  g_autofree guint32 *token_lex = NULL;
  g_autoptr(GArray) spans = NULL;
  const GArray *capitalised;
  guint n_mentions = 0;

  g_return_if_fail (analysis != NULL);
  g_return_if_fail (tagger != NULL);

  g_array_set_size (analysis->mentions, 0);
  if (analysis->tokens->len == 0)
    return;
  labels = g_new (guint8, analysis->tokens->len);
  token_lex = g_new (guint32, analysis->tokens->len);
  _kg_tag_classes (analysis, tagger, labels, token_lex);
  lexicons.lexicon = _kg_tagger_lexicon (tagger);
  lexicons.token_lex = token_lex;
  spans = spans_from_labels (analysis, labels);
  for (guint i = 0; i < spans->len; i++)
    {
      KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      trim_span (analysis, lexicon, span);
      type_span (analysis, lexicon, span);
    }
  _kg_harmonise_types (analysis, lexicon, spans);
  /* Again when names were added after titles; the names found again keep
   * the type their text already has. */
  capitalised = kg_capitalised_tokens (analysis);
  if (names_after_titles (analysis, lexicon, capitalised, spans))
    _kg_harmonise_types (analysis, lexicon, spans);
  propagate_names (analysis, lexicon, capitalised, spans);
  join_governments (analysis, lexicon, spans);
  g_array_set_size (analysis->mentions, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const KgNameSpan *span = &g_array_index (spans, KgNameSpan, i);
      const KgToken *tokens = (const KgToken *) analysis->tokens->data;

      if (span->type == KG_N_ENTITY_TYPES)
        continue;
      g_array_index (analysis->mentions, KgMention, n_mentions++) = (KgMention) {
        tokens[span->first].start, tokens[span->end - 1].end, span->first, span->end, span->type, KG_NO_ENTITY
      };
    }
  g_array_set_size (analysis->mentions, n_mentions);
  kg_apply_type_cues (analysis);
}
