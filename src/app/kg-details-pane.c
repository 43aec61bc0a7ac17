/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kg-details-pane.h"
#include "kg-ui-util.h"

/*
 * What the selection is and where it comes from: for an entity every
 * sentence that mentions it and every quote it spoke, for a relation the
 * sentences it was read from, with the words in question marked.
 */

#define MAX_SENTENCES 200
#define MAX_ROWS 100

struct _KgDetailsPane
{
  GtkBox      parent_instance;

  GtkStack   *stack;
  GtkWidget  *scroller;
  GtkBox     *content;
  KgGraph    *graph;
};

enum { ENTITY_ACTIVATED, RELATION_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KgDetailsPane, kg_details_pane, GTK_TYPE_BOX)

/* ---- building blocks ---- */

static GtkWidget *
add_label (KgDetailsPane *self, const char *markup, const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content, label);
  return label;
}

static void
add_heading (KgDetailsPane *self, const char *text, guint count)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s <span alpha=\"60%%\">%u</span>", text, count);
  GtkWidget *label = add_label (self, markup, "heading");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 18);
}

static void
add_more (KgDetailsPane *self, guint more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_label (self, markup, "dim-label");
}

static void
jump_clicked_cb (GtkButton *button, KgDetailsPane *self)
{
  guint entity = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "entity"));

  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, entity);
}

static void
add_jump_button (KgDetailsPane *self, const char *prefix, guint entity)
{
  KgEntity *e = kg_graph_get_entity (self->graph, entity);
  g_autofree char *color = kg_ui_type_color_hex (e->type);
  g_autofree char *markup = g_markup_printf_escaped ("%s<span foreground=\"%s\">●</span> %s",
                                                     prefix, color, e->name);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new ();
  g_autofree char *tip = g_strdup_printf (_("Go to %s"), e->name);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, tip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "kg-jump");
  g_object_set_data (G_OBJECT (button), "entity", GUINT_TO_POINTER (entity));
  g_signal_connect (button, "clicked", G_CALLBACK (jump_clicked_cb), self);
  gtk_box_append (self->content, button);
}

static void
add_title (KgDetailsPane *self, const char *title, KgEntityType type, const char *subtitle)
{
  g_autofree char *color = kg_ui_type_color_hex (type);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  /* The dot keeps its full colour; only the words are dimmed. */
  g_autofree char *sub_markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> <span alpha=\"65%%\">%s</span>",
                                                         color, subtitle);

  add_label (self, title_markup, "title-2");
  add_label (self, sub_markup, NULL);
}

/* One sentence of a document, the marks on it, and where it came from. */
static void
add_sentence (KgDetailsPane *self, KgDocument *doc, KgRange range, GArray *marks)
{
  g_autofree char *markup = kg_ui_markup_with_marks (doc->text, range.start, range.end, marks);
  GtkWidget *label = add_label (self, markup, "kg-sentence");

  if (kg_graph_get_n_documents (self->graph) > 1)
    gtk_widget_set_tooltip_text (label, doc->title != NULL ? doc->title : doc->path);
}

static KgRange
sentence_of (KgDocument *doc, KgSpan span)
{
  gssize s = kg_document_find_sentence (doc, span.start);

  if (s < 0)
    return (KgRange) { span.start, span.end };
  return g_array_index (doc->sentences, KgRange, s);
}

static void
append_mark (GArray *marks, KgSpan span, KgEntityType type)
{
  KgMark mark = { span.start, span.end, type };

  g_array_append_val (marks, mark);
}

/* ---- entity ---- */

static void
add_relations (KgDetailsPane *self, guint entity)
{
  g_autoptr(GArray) rel = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < kg_graph_get_n_relations (self->graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (self->graph, i);

      if (r->source == entity || r->target == entity)
        g_array_append_val (rel, i);
    }
  if (rel->len == 0)
    return;
  add_heading (self, _("Relations"), rel->len);
  for (guint k = 0; k < MIN (rel->len, MAX_ROWS); k++)
    {
      KgRelation *r = kg_graph_get_relation (self->graph, g_array_index (rel, guint, k));
      const char *label = r->label != NULL && *r->label ? r->label : kg_ui_kind_name (r->kind);
      gboolean outgoing = r->source == entity;
      g_autofree char *prefix = outgoing ? g_markup_printf_escaped ("%s → ", label)
                                         : g_markup_printf_escaped ("%s ← ", label);

      add_jump_button (self, prefix, outgoing ? r->target : r->source);
    }
  if (rel->len > MAX_ROWS)
    add_more (self, rel->len - MAX_ROWS);
}

static void
add_quotes (KgDetailsPane *self, guint entity)
{
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < kg_graph_get_n_quotes (self->graph); i++)
    if (kg_graph_get_quote (self->graph, i)->speaker == entity)
      g_array_append_val (quotes, i);
  if (quotes->len == 0)
    return;
  add_heading (self, _("Quotes"), quotes->len);
  for (guint k = 0; k < MIN (quotes->len, MAX_ROWS); k++)
    {
      KgQuote *q = kg_graph_get_quote (self->graph, g_array_index (quotes, guint, k));
      g_autofree char *markup = g_markup_printf_escaped ("“%s”", q->text);

      add_label (self, markup, "kg-quote");
    }
  if (quotes->len > MAX_ROWS)
    add_more (self, quotes->len - MAX_ROWS);
}

static void
add_mentions (KgDetailsPane *self, KgEntity *e)
{
  guint shown = 0, n_sentences = 0;
  guint i = 0;

  /* Mentions in the same sentence are shown once, all of them marked. */
  while (i < e->mentions->len)
    {
      KgSpan first = g_array_index (e->mentions, KgSpan, i);
      KgDocument *doc = kg_graph_get_document (self->graph, first.doc);
      KgRange range = sentence_of (doc, first);
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (KgMark));

      for (; i < e->mentions->len; i++)
        {
          KgSpan span = g_array_index (e->mentions, KgSpan, i);

          if (span.doc != first.doc || span.start < range.start || span.end > range.end)
            break;
          append_mark (marks, span, e->type);
        }
      if (marks->len == 0)
        {
          i++;
          continue;
        }
      if (n_sentences++ == 0)
        add_heading (self, _("Mentions"), e->mentions->len);
      if (shown < MAX_SENTENCES)
        {
          add_sentence (self, doc, range, marks);
          shown++;
        }
    }
  if (n_sentences > shown)
    add_more (self, n_sentences - shown);
  /* Counted by the file the graph came from (a Graphviz file), which did
   * not keep their text: say so, rather than leave the count unexplained. */
  if (e->unlisted_mentions > 0)
    {
      g_autofree char *markup = g_markup_printf_escaped (
          g_dngettext (GETTEXT_PACKAGE, "%u mention counted in the file this graph was read from, without its text",
                       "%u mentions counted in the file this graph was read from, without their text",
                       e->unlisted_mentions),
          e->unlisted_mentions);
      add_label (self, markup, "dim-label");
    }
}

void
kg_details_pane_show_entity (KgDetailsPane *self,
                             guint          entity)
{
  KgEntity *e;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (KG_IS_DETAILS_PANE (self));
  kg_details_pane_clear (self);
  if (self->graph == NULL || entity >= kg_graph_get_n_entities (self->graph))
    return;
  e = kg_graph_get_entity (self->graph, entity);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u mention", "%s · %u mentions",
                                           kg_entity_get_n_mentions (e)),
                              kg_ui_type_name (e->type), kg_entity_get_n_mentions (e));
  add_title (self, e->name, e->type, subtitle);
  if (e->aliases->len > 0)
    {
      g_autoptr(GString) aliases = g_string_new (NULL);
      g_autofree char *markup = NULL;

      for (guint i = 0; i < e->aliases->len; i++)
        g_string_append_printf (aliases, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (e->aliases, i));
      markup = g_markup_printf_escaped (_("Also called %s"), aliases->str);
      add_label (self, markup, NULL);
    }
  add_quotes (self, entity);
  add_relations (self, entity);
  add_mentions (self, e);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* ---- relation ---- */

static void
mark_entity_in (KgGraph *graph, guint entity, guint doc, KgRange range, GArray *marks)
{
  KgEntity *e = kg_graph_get_entity (graph, entity);

  for (guint i = 0; i < e->mentions->len; i++)
    {
      KgSpan span = g_array_index (e->mentions, KgSpan, i);

      if (span.doc == doc && span.start >= range.start && span.end <= range.end)
        append_mark (marks, span, e->type);
    }
}

void
kg_details_pane_show_relation (KgDetailsPane *self,
                               guint          relation)
{
  KgRelation *r;
  g_autofree char *title = NULL;

  g_return_if_fail (KG_IS_DETAILS_PANE (self));
  kg_details_pane_clear (self);
  if (self->graph == NULL || relation >= kg_graph_get_n_relations (self->graph))
    return;
  r = kg_graph_get_relation (self->graph, relation);
  title = kg_ui_relation_text (self->graph, relation);
  add_title (self, title, kg_graph_get_entity (self->graph, r->source)->type, kg_ui_kind_name (r->kind));
  add_heading (self, _("Between"), 2);
  add_jump_button (self, "", r->source);
  add_jump_button (self, "", r->target);
  if (r->evidence->len > 0)
    add_heading (self, _("Evidence"), r->evidence->len);
  for (guint i = 0; i < MIN (r->evidence->len, MAX_SENTENCES); i++)
    {
      KgSpan span = g_array_index (r->evidence, KgSpan, i);
      KgDocument *doc = kg_graph_get_document (self->graph, span.doc);
      KgRange range = sentence_of (doc, span);
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (KgMark));

      range.start = MIN (range.start, span.start);
      range.end = MAX (range.end, span.end);
      mark_entity_in (self->graph, r->source, span.doc, range, marks);
      mark_entity_in (self->graph, r->target, span.doc, range, marks);
      add_sentence (self, doc, range, marks);
    }
  if (r->evidence->len > MAX_SENTENCES)
    add_more (self, r->evidence->len - MAX_SENTENCES);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* ---- a sentence ---- */

static void
relation_clicked_cb (GtkButton *button, KgDetailsPane *self)
{
  guint relation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "relation"));

  g_signal_emit (self, signals[RELATION_ACTIVATED], 0, relation);
}

static void
add_relation_button (KgDetailsPane *self, guint relation)
{
  g_autofree char *text = kg_ui_relation_text (self->graph, relation);
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "kg-jump");
  g_object_set_data (G_OBJECT (button), "relation", GUINT_TO_POINTER (relation));
  g_signal_connect (button, "clicked", G_CALLBACK (relation_clicked_cb), self);
  gtk_box_append (self->content, button);
}

void
kg_details_pane_show_sentence (KgDetailsPane  *self,
                               guint           doc,
                               gsize           start,
                               gsize           end,
                               const gboolean *entities,
                               const gboolean *relations)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (KgMark));
  guint n_e = kg_graph_get_n_entities (self->graph), n_r = kg_graph_get_n_relations (self->graph);
  guint count = 0;
  KgDocument *d;

  g_return_if_fail (KG_IS_DETAILS_PANE (self));
  kg_details_pane_clear (self);
  if (self->graph == NULL || doc >= kg_graph_get_n_documents (self->graph))
    return;
  d = kg_graph_get_document (self->graph, doc);
  for (guint i = 0; i < n_e; i++)
    if (entities[i])
      mark_entity_in (self->graph, i, doc, (KgRange) { start, end }, marks);
  add_label (self, _("From This Passage"), "title-2");
  add_sentence (self, d, (KgRange) { start, MIN (end, d->text_len) }, marks);
  for (guint i = 0; i < n_e; i++)
    count += entities[i] != FALSE;
  if (count > 0)
    add_heading (self, _("Entities"), count);
  for (guint i = 0; i < n_e; i++)
    if (entities[i])
      add_jump_button (self, "", i);
  count = 0;
  for (guint i = 0; i < n_r; i++)
    count += relations[i] != FALSE;
  if (count > 0)
    add_heading (self, _("Relations"), count);
  for (guint i = 0; i < n_r; i++)
    if (relations[i])
      add_relation_button (self, i);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* ---- the rest ---- */

void
kg_details_pane_clear (KgDetailsPane *self)
{
  GtkWidget *child;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  gtk_adjustment_set_value (adj, 0);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
kg_details_pane_set_graph (KgDetailsPane *self,
                           KgGraph       *graph)
{
  g_return_if_fail (KG_IS_DETAILS_PANE (self));
  kg_details_pane_clear (self);
  g_set_object (&self->graph, graph);
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

char *
kg_details_pane_dup_text (KgDetailsPane *self)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (self->content), out);
  return g_string_free (out, FALSE);
}

static void
kg_details_pane_dispose (GObject *object)
{
  KgDetailsPane *self = KG_DETAILS_PANE (object);

  g_clear_object (&self->graph);
  gtk_widget_dispose_template (GTK_WIDGET (object), KG_TYPE_DETAILS_PANE);
  G_OBJECT_CLASS (kg_details_pane_parent_class)->dispose (object);
}

static void
kg_details_pane_class_init (KgDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kg_details_pane_dispose;
  /* A relation's end or a related entity was clicked: go there. */
  signals[ENTITY_ACTIVATED] = g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[RELATION_ACTIVATED] = g_signal_new ("relation-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/newsgraph/Newsgraph/kg-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, KgDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, KgDetailsPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, KgDetailsPane, content);
}

static void
kg_details_pane_init (KgDetailsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
