/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kg-decode.h"
#include "kg-extract.h"
#include "kg-input.h"
#include "kg-layout.h"

/*
 * One entry for every kind of file the reader can open: graph documents
 * (.json), Graphviz files (.dot, .gv), web pages (.html, .htm: the text
 * without markup) and everything else as an article.
 */

typedef enum
{
  INPUT_ARTICLE,
  INPUT_GRAPH,
  INPUT_DOT,
  INPUT_HTML,
} InputKind;

static InputKind
input_kind (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    return INPUT_GRAPH;
  if (g_str_has_suffix (lower, ".dot") || g_str_has_suffix (lower, ".gv"))
    return INPUT_DOT;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
      || g_str_has_suffix (lower, ".xhtml"))
    return INPUT_HTML;
  return INPUT_ARTICLE;
}

static const struct
{
  const char *name;
  const char *text;
} html_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", " " }, { "ndash", "–" }, { "mdash", "—" }, { "lsquo", "‘" },
  { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" }, { "hellip", "…" },
  { "laquo", "«" }, { "raquo", "»" }, { "eacute", "é" }, { "egrave", "è" },
  { "aacute", "á" }, { "oacute", "ó" }, { "uuml", "ü" }, { "ouml", "ö" },
  { "auml", "ä" }, { "szlig", "ß" }, { "ccedil", "ç" }, { "ntilde", "ñ" },
  { "euro", "€" }, { "pound", "£" }, { "copy", "©" },
};

/* An entity at p ("&amp;", "&#233;", "&#xE9;"): appends what it stands for
 * and returns its length, or 0 when p starts no entity we know. */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  /* An entity is short: looking further for its ';' would make a text of
   * many '&' and no ';' quadratic. */
  const char *semi = memchr (p, ';', strnlen (p, 13));
  gsize len;

  if (semi == NULL)
    return 0;
  len = semi - p + 1;
  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      char *end;
      guint64 c = g_ascii_strtoull (p + (hex ? 3 : 2), &end, hex ? 16 : 10);

      /* Checked before the cast, which would wrap 0x100000041 to 'A'. */
      if (end != semi || c == 0 || c > 0x10FFFF || !g_unichar_validate ((gunichar) c))
        return 0;
      g_string_append_unichar (out, (gunichar) c);
      return len;
    }
  for (guint i = 0; i < G_N_ELEMENTS (html_entities); i++)
    if (strlen (html_entities[i].name) == len - 2 && strncmp (p + 1, html_entities[i].name, len - 2) == 0)
      {
        g_string_append (out, html_entities[i].text);
        return len;
      }
  return 0;
}

static gboolean
tag_is (const char *tag,
        gsize       len,
        const char *name)
{
  gsize n = strlen (name);

  return len >= n && g_ascii_strncasecmp (tag, name, n) == 0
         && (len == n || !g_ascii_isalnum (tag[n]));
}

/* Block-level tags end a line, so paragraphs stay paragraphs. */
static gboolean
tag_breaks_line (const char *tag,
                 gsize       len)
{
  static const char *const blocks[] = {
    "p", "/p", "br", "div", "/div", "h1", "h2", "h3", "h4", "h5", "h6", "/h1", "/h2",
    "/h3", "/h4", "/h5", "/h6", "li", "/li", "tr", "/tr", "blockquote", "/blockquote",
    "title", "/title", "article", "section", "header", "footer", NULL
  };

  for (guint i = 0; blocks[i] != NULL; i++)
    if (tag_is (tag, len, blocks[i]))
      return TRUE;
  return FALSE;
}

/* Skips past the element whose content is not text (script, style…). */
static const char *
skip_element (const char *p,
              const char *name)
{
  g_autofree char *close = g_strdup_printf ("</%s", name);
  const char *end = p;

  while ((end = strchr (end, '<')) != NULL)
    {
      if (g_ascii_strncasecmp (end, close, strlen (close)) == 0)
        {
          const char *gt = strchr (end, '>');
          return gt != NULL ? gt + 1 : end + strlen (end);
        }
      end++;
    }
  return p + strlen (p);
}

char *
kg_input_html_to_text (const char *html)
{
  static const char *const hidden[] = { "script", "style", "noscript", "template", "svg", "head", NULL };
  GString *out = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *tag = p + 1;
          const char *gt;
          gboolean skipped = FALSE;

          if (g_str_has_prefix (p, "<!--"))
            {
              const char *end = strstr (p + 4, "-->");
              p = end != NULL ? end + 3 : p + strlen (p);
              continue;
            }
          gt = strchr (p, '>');
          if (gt == NULL)
            break;
          for (guint i = 0; hidden[i] != NULL && !skipped; i++)
            if (tag_is (tag, gt - tag, hidden[i]) && gt[-1] != '/')
              {
                p = skip_element (gt + 1, hidden[i]);
                skipped = TRUE;
              }
          if (skipped)
            continue;
          if (tag_breaks_line (tag, gt - tag))
            g_string_append_c (out, '\n');
          p = gt + 1;
        }
      else if (*p == '&')
        {
          gsize n = decode_entity (p, out);
          if (n == 0)
            g_string_append_c (out, *p++);
          else
            p += n;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Collapses the spaces markup leaves: runs of blanks to one, blank lines to
 * one empty line. */
static char *
tidy_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean blank = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t\r", -1);
      g_autofree char *line = NULL;
      GPtrArray *kept = g_ptr_array_new ();

      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0')
          g_ptr_array_add (kept, words[w]);
      g_ptr_array_add (kept, NULL);
      line = g_strjoinv (" ", (char **) kept->pdata);
      g_ptr_array_free (kept, TRUE);
      if (line[0] == '\0')
        {
          if (!blank)
            g_string_append_c (out, '\n');
          blank = TRUE;
          continue;
        }
      g_string_append_printf (out, "%s\n", line);
      blank = FALSE;
    }
  return g_string_free (out, FALSE);
}

static gboolean
load_html (KgGraph     *graph,
           const char  *path,
           GError     **error)
{
  g_autofree char *bytes = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *rest;
  gsize length;

  if (!g_file_get_contents (path, &bytes, &length, &local_error)
      || (decoded = kg_decode_text (bytes, length, &length, &local_error)) == NULL)
    {
      g_set_error (error, KG_EXTRACT_ERROR, KG_EXTRACT_ERROR_FAILED, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  stripped = kg_input_html_to_text (decoded);
  text = tidy_text (stripped);
  /* Markup alone (a script, an unclosed tag) is refused like an empty article. */
  for (rest = text; g_ascii_isspace (*rest); rest++)
    ;
  if (*rest == '\0')
    {
      g_set_error (error, KG_EXTRACT_ERROR, KG_EXTRACT_ERROR_FAILED,
                   "%s: has no text (only markup)", path);
      return FALSE;
    }
  return kg_extract_text (graph, path, text, strlen (text), error);
}

/* Graph documents, DOT files and web pages are read whole: only regular
 * files up to a size, so a FIFO or a link to /dev/zero named x.json cannot
 * make the reader allocate without end. Articles are read in bounded
 * pieces by the extractor. The limits in MB: */
#define MAX_GRAPH_MB 1024
#define MAX_DOT_MB   256     /* as kg_layout_import_dot */

static gboolean
check_whole_file (const char  *path,
                  InputKind    kind,
                  GError     **error)
{
  int limit = kind == INPUT_GRAPH ? MAX_GRAPH_MB : kind == INPUT_DOT ? MAX_DOT_MB
              : KG_MAX_ARTICLE_BYTES / (1024 * 1024);
  GStatBuf st;

  if (kind == INPUT_ARTICLE || g_stat (path, &st) != 0)
    return TRUE;      /* the reader names what is wrong */
  if (S_ISDIR (st.st_mode) || !S_ISREG (st.st_mode))
    g_set_error (error, KG_EXTRACT_ERROR, KG_EXTRACT_ERROR_FAILED, "%s: %s", path,
                 S_ISDIR (st.st_mode) ? "is a folder, not a file" : "is not a regular file (a device or a pipe)");
  else if (st.st_size > (goffset) limit * 1024 * 1024)
    g_set_error (error, KG_EXTRACT_ERROR, KG_EXTRACT_ERROR_FAILED,
                 "%s: is larger than %d MB, the limit for this kind of file", path, limit);
  else
    return TRUE;
  return FALSE;
}

gboolean
kg_input_load (KgGraph     *graph,
               const char  *path,
               GError     **error)
{
  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  if (!check_whole_file (path, input_kind (path), error))
    return FALSE;
  switch (input_kind (path))
    {
    case INPUT_GRAPH:
      {
        g_autoptr(KgGraph) loaded = kg_graph_load_from_file (path, error);
        if (loaded == NULL)
          return FALSE;
        kg_graph_merge (graph, loaded);
        return TRUE;
      }
    case INPUT_DOT:
      return kg_layout_import_dot (graph, path, error);
    case INPUT_HTML:
      return load_html (graph, path, error);
    case INPUT_ARTICLE:
    default:
      return kg_extract_article (graph, path, error);
    }
}

KgGraph *
kg_input_load_all (const char *const  *paths,
                   GError            **error)
{
  g_autoptr(KgGraph) graph = kg_graph_new ();

  for (guint i = 0; paths[i] != NULL; i++)
    if (!kg_input_load (graph, paths[i], error))
      return NULL;
  return g_steal_pointer (&graph);
}
