/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-layout"

#include "config.h"

#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>

#include "kg-layout-private.h"
#include "kg-style.h"

/* Graphviz's layout plugins, linked into the program (see meson.build). */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;

static GMutex gv_mutex;
static GVC_t *gv_context;
static GString *gv_messages;
static PangoLayout *measure_layout;

static int
collect_message (char *text)
{
  if (gv_messages != NULL)
    g_string_append (gv_messages, text);
  return 0;
}

/* Graphviz measures edge labels with this, so the room it leaves is the room
 * render's Pango text needs. Only called with the lock held. */
static boolean
measure_text (textspan_t  *span,
              char       **fontpath)
{
  double w, h;

  if (measure_layout == NULL)
    measure_layout = kg_style_create_layout ();
  kg_style_measure (measure_layout, span->str != NULL ? span->str : "",
                    span->font != NULL && span->font->size > 0 ? span->font->size : KG_STYLE_EDGE_FONT_SIZE,
                    &w, &h);
  span->size.x = w;
  span->size.y = h;
  span->yoffset_layout = 0;
  span->yoffset_centerline = 0.2 * h;
  span->layout = NULL;
  span->free_layout = NULL;
  if (fontpath != NULL)
    *fontpath = NULL;
  return TRUE;
}

static gvtextlayout_engine_t text_engine = { measure_text };
static gvplugin_installed_t text_types[] = {
  { 0, "textlayout", 100, &text_engine, NULL },
  { 0, NULL, 0, NULL, NULL },
};
static gvplugin_api_t text_apis[] = {
  { API_textlayout, text_types },
  { (api_t) 0, NULL },
};
static gvplugin_library_t text_library = { (char *) "newsgraph_text", text_apis };

void
_kg_layout_lock (void)
{
  g_mutex_lock (&gv_mutex);
  if (gv_messages == NULL)
    gv_messages = g_string_new (NULL);
  g_string_truncate (gv_messages, 0);
  /* Warnings and errors go to the collector, never to stderr. */
  agseterrf (collect_message);
  agseterr (AGWARN);
  agreseterrors ();
}

void
_kg_layout_unlock (void)
{
  g_mutex_unlock (&gv_mutex);
}

GVC_t *
_kg_layout_context (void)
{
  if (gv_context == NULL)
    {
      /* As a preloaded table rather than gvAddLibrary(): Graphviz picks its
       * text measurer while the context is made, so ours must be there. */
      static const lt_symlist_t builtins[] = {
        { "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
        { "gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library },
        { "gvplugin_newsgraph_text_LTX_library", &text_library },
        { NULL, NULL },
      };
      gv_context = gvContextPlugins (builtins, 0);
    }
  return gv_context;
}

char *
_kg_layout_take_messages (void)
{
  g_autofree char *text = NULL;

  if (gv_messages == NULL || gv_messages->len == 0)
    return NULL;
  /* Graphviz quotes the input it stumbled on, cut at a byte count: the
   * message may end inside a UTF-8 character, or hold bytes that were
   * never text. The reader gets U+FFFD in their place. */
  text = g_strstrip (g_utf8_make_valid (gv_messages->str, gv_messages->len));
  g_string_truncate (gv_messages, 0);
  /* Graphviz sends "Error", ": " and the text as separate pieces. */
  return g_steal_pointer (&text);
}

char *
_kg_layout_escape_label (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
_kg_layout_unescape_label (const char *label,
                           const char *node_name)
{
  GString *out = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n':
        case 'l':
        case 'r':
          g_string_append_c (out, '\n');
          break;
        case 'N':
          g_string_append (out, node_name != NULL ? node_name : "");
          break;
        case 'G':
        case 'E':
        case 'H':
        case 'T':
        case 'L':
          /* Names of other objects: nothing a node title needs. */
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}
