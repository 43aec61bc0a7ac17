/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Questions about names that alias resolution asks: acronyms and initials,
 * one-letter slips, and an index that answers both in constant time per
 * name, so a long document costs no more than its names.
 */

/* Names shorter than this are never taken for slips of another. */
#define KG_MIN_TYPO_LENGTH 7

guint        kg_name_count_words     (const char *name);
#define KG_NAME_MAX_ACRONYM 8

/* "N.C.S.C." → "NCSC"; NULL unless the word is all capitals (2 to 8). */
char        *kg_name_acronym_letters (const char *word);
/* The same into buf, without allocating: the number of letters, 0 for none. */
gsize        kg_name_acronym_into    (const char *word,
                                      char        buf[KG_NAME_MAX_ACRONYM + 1]);
/* The capital initials of a name, leaving out "of", "the", "and"; with
 * skip_first, without its first word ("US Department of Homeland Security"
 * is also "DHS"). Into buf, of size bytes: their number, or size when they
 * do not fit (never when size is more than the name's length). */
gsize        kg_name_initials_into   (const char *name,
                                      gboolean    skip_first,
                                      char       *buf,
                                      gsize       size);
gboolean     kg_name_is_acronym_of   (const char *acronym,
                                      const char *name);
/* Whether a and b differ by one edit (optimal string alignment: one letter
 * added, dropped, changed, or two swapped). Equal names do not. */
gboolean     kg_name_within_one_edit (const char *a,
                                      const char *b);

typedef struct _KgNameSet KgNameSet;

/* Names → values. The fields are the index's own: they are here so that
 * an index lives in its owner's struct or on the stack, as a document
 * makes several and most stay empty. */
typedef struct
{
  KgNameSet                *names;     /* shared, not owned */
  struct _KgNameIndexEntry *entries;   /* per name id, size of them */
  guint                     size;
  struct _KgNameBucket     *buckets;   /* made with the first name long enough */
  guint                     bucket_mask;
  guint                     n_buckets;
  /* Of the names in the buckets, bit c: one begins with byte c; bit n:
   * one has n bytes (63: at least 63). */
  guint64                   slip_firsts[4];
  guint64                   slip_lengths;
  gboolean                  exact;     /* no slips looked for: no buckets */
} KgNameIndex;

#define KG_NAME_NONE      (-1)
#define KG_NAME_AMBIGUOUS (-2)

/* An index over the names of the set, which it interns its names into and
 * which must outlive it. */
void         kg_name_index_init        (KgNameIndex *index,
                                        KgNameSet   *names);
/* The same for an index asked only for exact names, never for slips:
 * kg_name_index_lookup_slip() finds nothing in it, and it costs less. */
void         kg_name_index_init_exact  (KgNameIndex *index,
                                        KgNameSet   *names);
void         kg_name_index_clear       (KgNameIndex *index);
/* name (length bytes, or up to its NUL when -1) → value; a name given two
 * different values is ambiguous. Values are never KG_NAME_NONE. */
void         kg_name_index_add         (KgNameIndex *index,
                                        const char  *name,
                                        gssize       length,
                                        gint         value);
/* The same for the set's name of that id (not empty). */
void         kg_name_index_add_id      (KgNameIndex *index,
                                        guint        id,
                                        gint         value);
/* The value of name, KG_NAME_NONE or KG_NAME_AMBIGUOUS. */
gint         kg_name_index_lookup      (KgNameIndex *index,
                                        const char  *name);
/* The same by the set's id of the name (KG_NAME_SET_NONE finds none). */
gint         kg_name_index_lookup_id   (KgNameIndex *index,
                                        guint        id);
/* The value of the one name at least KG_MIN_TYPO_LENGTH long that word
 * misspells by one edit (see kg_name_within_one_edit); *match is set to it.
 * Slips of the first letter are not looked for. */
gint         kg_name_index_lookup_slip (KgNameIndex *index,
                                        const char  *word,
                                        const char **match);

/* Whether a word of length bytes beginning with byte first may be a slip
 * of a name of the index: when not, kg_name_index_lookup_slip() finds
 * none, and the word need not be copied or looked up. */
static inline gboolean
kg_name_index_may_slip (const KgNameIndex *index,
                        guchar             first,
                        gsize              length)
{
  gsize lo = MIN (length, 64) - 1, hi = MIN (length + 1, 63);

  return length > 0 && (index->slip_firsts[first / 64] >> (first % 64) & 1)
         && (index->slip_lengths >> lo & ((G_GUINT64_CONSTANT (2) << (hi - lo)) - 1)) != 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KgNameIndex, kg_name_index_clear)

/* Interned names: each distinct name has one copy and an id, from 0 in the
 * order they were added, so that tables about the names of a document can
 * be arrays. */
#define KG_NAME_SET_NONE G_MAXUINT

KgNameSet   *kg_name_set_new           (void);
void         kg_name_set_free          (KgNameSet       *set);
/* The id of name (length bytes, or up to its NUL when -1), adding it when
 * new. A name holds no NUL. */
guint        kg_name_set_add           (KgNameSet       *set,
                                        const char      *name,
                                        gssize           length);
/* The id of name, or KG_NAME_SET_NONE. */
guint        kg_name_set_find          (const KgNameSet *set,
                                        const char      *name,
                                        gssize           length);

/* A name of a set: its copy, its hash and its length. The set's fields are
 * here so that the questions below, asked a few times a mention, are
 * inline loads rather than calls. */
typedef struct
{
  const char *name;
  guint       hash;
  guint       length;
} KgNameEntry;

struct _KgNameSet
{
  /* The copies, in blocks chained by their first pointer: a copy is a
   * memcpy() where a GStringChunk's cost a call and its checks. */
  char         *blocks;
  char         *next;     /* where the next copy goes */
  gsize         room;     /* bytes left there */
  KgNameEntry  *entries;  /* id → the name; grown by doubling, in place */
  guint         n;
  guint         size;
  guint        *slots;    /* open addressing: id + 1, 0 for an empty slot */
  guint         mask;
};

/* The copy of the name with that id, valid while the set is. */
static inline const char *
kg_name_set_get (const KgNameSet *set,
                 guint            id)
{
  return set->entries[id].name;
}

/* Its length in bytes. */
static inline gsize
kg_name_set_length (const KgNameSet *set,
                    guint            id)
{
  return set->entries[id].length;
}

static inline guint
kg_name_set_size (const KgNameSet *set)
{
  return set->n;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgNameSet, kg_name_set_free)

G_END_DECLS
