/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kg-layout-private.h"

/* Attributes that make Graphviz read files (images, shapes, fonts, style
 * sheets). They are emptied right after parsing, before anything else looks
 * at the graph. */
static const char *const file_attributes[] = {
  "image", "shapefile", "imagepath", "fontpath", "fontnames", "stylesheet", NULL
};

/* Larger DOT files are not something a reader opens by hand. */
#define MAX_DOT_SIZE (256 * 1024 * 1024)
/* More nodes than this would take minutes and gigabytes to import and
 * hours to lay out; the file is refused once parsed (kg-layout.h). */
#define MAX_DOT_NODES 100000

static void
clear_in_subgraphs (Agraph_t *g,
                    Agsym_t  *sym)
{
  agxset (g, sym, (char *) "");
  for (Agraph_t *sub = agfstsubg (g); sub != NULL; sub = agnxtsubg (sub))
    clear_in_subgraphs (sub, sym);
}

static void
drop_file_attributes (Agraph_t *g)
{
  for (guint i = 0; file_attributes[i] != NULL; i++)
    {
      char *name = (char *) file_attributes[i];
      Agsym_t *sym;

      if ((sym = agattr (g, AGRAPH, name, NULL)) != NULL)
        {
          agattr (g, AGRAPH, name, (char *) "");
          clear_in_subgraphs (g, sym);
        }
      if ((sym = agattr (g, AGNODE, name, NULL)) != NULL)
        {
          agattr (g, AGNODE, name, (char *) "");
          for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
            agxset (n, sym, (char *) "");
        }
      if ((sym = agattr (g, AGEDGE, name, NULL)) != NULL)
        {
          agattr (g, AGEDGE, name, (char *) "");
          for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
            for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
              agxset (e, sym, (char *) "");
        }
    }
}

/* HTML-like labels: the text without tags, the common entities decoded. */
static char *
html_label_text (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (out, *p);
    }
  /* g_markup_* would fail on the first unknown entity; decode by hand. */
  {
    static const char *const names[][2] = {
      { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&amp;", "&" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *tmp = NULL;
        g_auto(GStrv) parts = g_strsplit (out->str, names[i][0], -1);
        tmp = g_strjoinv (names[i][1], parts);
        g_string_assign (out, tmp);
      }
  }
  return g_string_free (out, FALSE);
}

/* An attribute's value, or NULL when the file never declares it. Looking
 * the symbol up once per file instead of per object matters on big files. */
static const char *
value_of (void    *obj,
          Agsym_t *sym)
{
  return sym != NULL ? agxget (obj, sym) : NULL;
}

static char *
object_label (void       *obj,
              Agsym_t    *sym,
              const char *fallback)
{
  const char *label = value_of (obj, sym);

  if (label == NULL || label[0] == '\0' || g_str_equal (label, "\\N"))
    return g_strdup (fallback != NULL ? fallback : "");
  if (aghtmlstr ((char *) label))
    return html_label_text (label);
  return _kg_layout_unescape_label (label, fallback);
}

static KgEntityType
guess_type (const char *type,
            const char *name)
{
  static const char *const government_words[] = {
    "Ministry", "Department", "Government", "Agency", "Parliament", "Council",
    "Senate", "Congress", "Commission", "Army", "Police", NULL
  };
  KgEntityType t;

  if (type != NULL && kg_entity_type_from_string (type, &t))
    return t;
  for (guint i = 0; government_words[i] != NULL; i++)
    if (strstr (name, government_words[i]) != NULL)
      return KG_ENTITY_GOVERNMENT;
  return KG_ENTITY_ORGANIZATION;
}

/* "x,y" or "x,y!" in points, y up. */
static gboolean
parse_point (const char *text,
             double     *x,
             double     *y)
{
  char *end;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  *x = g_ascii_strtod (text, &end);
  if (end == text || *end != ',')
    return FALSE;
  text = end + 1;
  *y = g_ascii_strtod (text, &end);
  return end != text;
}

static double
top_of_box (Agraph_t *g)
{
  const char *bb = agget (g, (char *) "bb");
  double v[4];
  char *end;

  if (bb == NULL)
    return 0;
  for (int i = 0; i < 4; i++)
    {
      v[i] = g_ascii_strtod (bb, &end);
      if (end == bb)
        return 0;
      bb = *end == ',' ? end + 1 : end;
    }
  return v[3];
}

/* What Newsgraph wrote of a node beyond its label (kg-layout-dot.c): the
 * other names it goes by, one a line, and how often it was mentioned. Other
 * programs' files may hold anything under these names: what is not a count
 * is no count. */
static void
read_node_extras (KgGraph    *graph,
                  KgEntity   *e,
                  const char *aliases,
                  const char *mentions)
{
  guint64 n;

  if (aliases != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (aliases, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          kg_graph_add_alias (graph, e, lines[i]);
    }
  if (mentions != NULL && g_ascii_string_to_unsigned (mentions, 10, 0, G_MAXUINT - e->unlisted_mentions, &n, NULL))
    e->unlisted_mentions += n;
}

static void
read_nodes (Agraph_t   *g,
            KgGraph    *graph,
            GHashTable *entity_of)
{
  double top = top_of_box (g);
  Agsym_t *label = agattr (g, AGNODE, (char *) "label", NULL);
  Agsym_t *type = agattr (g, AGNODE, (char *) "type", NULL);
  Agsym_t *pos = agattr (g, AGNODE, (char *) "pos", NULL);
  Agsym_t *aliases = agattr (g, AGNODE, (char *) "aliases", NULL);
  Agsym_t *mentions = agattr (g, AGNODE, (char *) "mentions", NULL);

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      g_autofree char *name = object_label (n, label, agnameof (n));
      KgEntity *e;
      double x, y;

      if (name[0] == '\0')
        {
          g_free (name);
          name = g_strdup (agnameof (n));
        }
      /* A node named "" has nothing to show or save; its edges go too. */
      if (name[0] == '\0')
        continue;
      e = kg_graph_ensure_entity (graph, name, guess_type (value_of (n, type), name));
      read_node_extras (graph, e, value_of (n, aliases), value_of (n, mentions));
      if (!e->has_position && parse_point (value_of (n, pos), &x, &y))
        {
          e->has_position = TRUE;
          e->x = x;
          e->y = top - y;
        }
      g_hash_table_insert (entity_of, n, GUINT_TO_POINTER (e->index));
    }
}

static void
read_edges (Agraph_t   *g,
            KgGraph    *graph,
            GHashTable *entity_of)
{
  Agsym_t *label_sym = agattr (g, AGEDGE, (char *) "label", NULL);
  Agsym_t *kind_sym = agattr (g, AGEDGE, (char *) "kind", NULL);

  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
      {
        gpointer source_index, target_index;
        guint source, target;
        g_autofree char *label = NULL;
        const char *kind_text = value_of (e, kind_sym);
        KgRelationKind kind = KG_RELATION_ACTION;

        if (!g_hash_table_lookup_extended (entity_of, agtail (e), NULL, &source_index) ||
            !g_hash_table_lookup_extended (entity_of, aghead (e), NULL, &target_index))
          continue;
        source = GPOINTER_TO_UINT (source_index);
        target = GPOINTER_TO_UINT (target_index);
        label = object_label (e, label_sym, NULL);

        if (kind_text != NULL && !kg_relation_kind_from_string (kind_text, &kind))
          kind = KG_RELATION_ACTION;
        if (kg_graph_find_relation (graph, source, target, kind, label) == NULL)
          kg_graph_add_relation (graph, NULL, source, target, kind, label);
      }
}

gboolean
kg_layout_import_dot (KgGraph     *graph,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *messages = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KgGraph) loaded = NULL;
  g_autoptr(GHashTable) entity_of = NULL;
  gsize length;
  Agraph_t *g;

  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  if (length > MAX_DOT_SIZE || memchr (text, '\0', length) != NULL || !g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_PARSE,
                   "%s: not a Graphviz DOT file (binary data, not UTF-8 text, or too large)", path);
      return FALSE;
    }
  loaded = kg_graph_new ();
  entity_of = g_hash_table_new (NULL, NULL);
  _kg_layout_lock ();
  /* The parser's line counter is global and runs on between files, and
   * what follows the closing brace stays in its buffer for the next file. */
  g_strchomp (text);
  agreadline (1);
  g = agmemread (text);
  if (g != NULL && agnnodes (g) > MAX_DOT_NODES)
    {
      g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_PARSE,
                   "%s: has %d nodes; Newsgraph opens graphs of at most %d", path, agnnodes (g), MAX_DOT_NODES);
      agclose (g);
      g_free (_kg_layout_take_messages ());
      _kg_layout_unlock ();
      return FALSE;
    }
  if (g != NULL)
    {
      drop_file_attributes (g);
      read_nodes (g, loaded, entity_of);
      read_edges (g, loaded, entity_of);
      agclose (g);
    }
  messages = _kg_layout_take_messages ();
  _kg_layout_unlock ();
  if (g == NULL)
    {
      g_set_error (error, KG_LAYOUT_ERROR, KG_LAYOUT_ERROR_PARSE, "%s: %s", path,
                   messages != NULL ? messages : "not a Graphviz DOT file");
      return FALSE;
    }
  kg_graph_merge (graph, loaded);
  return TRUE;
}
