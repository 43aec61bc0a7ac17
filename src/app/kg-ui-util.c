/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kg-render.h"
#include "kg-ui-util.h"

const char *
kg_ui_type_name (KgEntityType type)
{
  switch (type)
    {
    case KG_ENTITY_PERSON: return _("Person");
    case KG_ENTITY_ORGANIZATION: return _("Organisation");
    case KG_ENTITY_GOVERNMENT: return _("Government");
    case KG_ENTITY_PLACE: return _("Place");
    case KG_N_ENTITY_TYPES: default: return "";
    }
}

const char *
kg_ui_type_plural (KgEntityType type)
{
  switch (type)
    {
    case KG_ENTITY_PERSON: return _("People");
    case KG_ENTITY_ORGANIZATION: return _("Organisations");
    case KG_ENTITY_GOVERNMENT: return _("Governments");
    case KG_ENTITY_PLACE: return _("Places");
    case KG_N_ENTITY_TYPES: default: return "";
    }
}

const char *
kg_ui_kind_name (KgRelationKind kind)
{
  switch (kind)
    {
    case KG_RELATION_ROLE: return _("Role");
    case KG_RELATION_PART_OF: return _("Part of");
    case KG_RELATION_PARTNER: return _("Partner");
    case KG_RELATION_LOCATED_IN: return _("Located in");
    case KG_RELATION_ACTION: return _("Action");
    case KG_N_RELATION_KINDS: default: return "";
    }
}

void
kg_ui_type_rgba (KgEntityType type, GdkRGBA *rgba)
{
  double rgb[3];

  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  float h, s, v, r, g, b;

  /* The node fills are pale so labels read on them; dots, underlines and
   * marks on a plain background need the same hue, stronger. */
  kg_render_type_color (type, dark, rgb);
  gtk_rgb_to_hsv (rgb[0], rgb[1], rgb[2], &h, &s, &v);
  s = dark ? MAX (s, 0.45f) : MAX (s, 0.7f);
  v = dark ? MAX (v, 0.9f) : MIN (v, 0.72f);
  gtk_hsv_to_rgb (h, s, v, &r, &g, &b);
  *rgba = (GdkRGBA) { r, g, b, 1.0 };
}

char *
kg_ui_type_color_hex (KgEntityType type)
{
  GdkRGBA c;

  kg_ui_type_rgba (type, &c);
  return g_strdup_printf ("#%02x%02x%02x", (int) (c.red * 255 + 0.5),
                          (int) (c.green * 255 + 0.5), (int) (c.blue * 255 + 0.5));
}

char *
kg_ui_entity_summary_markup (KgGraph *graph, guint entity)
{
  KgEntity *e = kg_graph_get_entity (graph, entity);

  return g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "<b>%s</b>\n%s · %u mention",
                                               "<b>%s</b>\n%s · %u mentions", kg_entity_get_n_mentions (e)),
                                  e->name, kg_ui_type_name (e->type), kg_entity_get_n_mentions (e));
}

char *
kg_ui_relation_text (KgGraph *graph, guint relation)
{
  KgRelation *r = kg_graph_get_relation (graph, relation);
  const char *label = r->label != NULL && *r->label ? r->label : kg_ui_kind_name (r->kind);

  return g_strdup_printf ("%s — %s → %s", kg_graph_get_entity (graph, r->source)->name,
                          label, kg_graph_get_entity (graph, r->target)->name);
}

char *
kg_ui_relation_summary_markup (KgGraph *graph, guint relation)
{
  KgRelation *r = kg_graph_get_relation (graph, relation);
  g_autofree char *text = kg_ui_relation_text (graph, relation);

  return g_markup_printf_escaped ("<b>%s</b>\n%s", text, kg_ui_kind_name (r->kind));
}

static int
compare_marks (gconstpointer a, gconstpointer b)
{
  const KgMark *ma = a, *mb = b;

  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

char *
kg_ui_markup_with_marks (const char *text, gsize start, gsize end, GArray *marks)
{
  GString *out = g_string_new (NULL);
  gsize pos = start;

  g_array_sort (marks, compare_marks);
  for (guint i = 0; i < marks->len; i++)
    {
      KgMark *m = &g_array_index (marks, KgMark, i);
      g_autofree char *color = NULL;
      g_autofree char *piece = NULL;

      /* Overlapping marks: the earlier one wins. */
      if (m->start < pos || m->end > end || m->start >= m->end)
        continue;
      piece = g_markup_escape_text (text + pos, m->start - pos);
      g_string_append (out, piece);
      g_clear_pointer (&piece, g_free);
      color = kg_ui_type_color_hex (m->type);
      piece = g_markup_escape_text (text + m->start, m->end - m->start);
      g_string_append_printf (out, "<span weight=\"bold\" underline=\"single\" underline_color=\"%s\">%s</span>",
                              color, piece);
      pos = m->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + pos, end - pos);
    g_string_append (out, rest);
  }
  return g_string_free (out, FALSE);
}

int
kg_ui_match_score (const char *name, const char *query_folded)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  const char *found;

  if (*query_folded == '\0')
    return 0;
  if (strcmp (folded, query_folded) == 0)
    return 3;
  found = strstr (folded, query_folded);
  if (found == NULL)
    return 0;
  return found == folded ? 2 : 1;
}
