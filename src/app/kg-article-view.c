/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kg-article-view.h"
#include "kg-ui-util.h"

/*
 * The articles themselves, mentions underlined in their type's colour.
 * Clicking a mention selects its entity; clicking anywhere else in a
 * sentence (or selecting text) tells the window which sentences to light up.
 */

typedef struct
{
  int    start;     /* buffer character offsets */
  int    end;
  guint  entity;
} Mention;

struct _KgArticleView
{
  GtkBox         parent_instance;

  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  KgGraph       *graph;
  gboolean       dirty;
  GArray        *doc_base;    /* int: buffer offset where each document's text starts */
  GArray        *mentions;    /* Mention, sorted by start */
  guint          shown_entity;
};

enum { ENTITY_ACTIVATED, SENTENCE_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KgArticleView, kg_article_view, GTK_TYPE_BOX)

static void
create_tags (KgArticleView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextTag *tag;

  while ((tag = gtk_text_tag_table_lookup (table, "title")) != NULL)
    gtk_text_tag_table_remove (table, tag);
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    {
      g_autofree char *name = g_strdup_printf ("mention-%u", t);

      if ((tag = gtk_text_tag_table_lookup (table, name)) != NULL)
        gtk_text_tag_table_remove (table, tag);
    }
  if ((tag = gtk_text_tag_table_lookup (table, "sentence")) != NULL)
    gtk_text_tag_table_remove (table, tag);
  if ((tag = gtk_text_tag_table_lookup (table, "entity")) != NULL)
    gtk_text_tag_table_remove (table, tag);

  gtk_text_buffer_create_tag (self->buffer, "title", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.3, "pixels-below-lines", 12, NULL);
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    {
      g_autofree char *name = g_strdup_printf ("mention-%u", t);
      GdkRGBA color;

      kg_ui_type_rgba (t, &color);
      gtk_text_buffer_create_tag (self->buffer, name, "underline", PANGO_UNDERLINE_DOUBLE,
                                  "underline-rgba", &color, NULL);
    }
  /* Colours that read in both styles: a translucent accent. */
  gtk_text_buffer_create_tag (self->buffer, "sentence", "background-rgba",
                              &(GdkRGBA) { 0.96, 0.76, 0.07, 0.30 }, NULL);
  gtk_text_buffer_create_tag (self->buffer, "entity", "weight", PANGO_WEIGHT_BOLD,
                              "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.25 }, NULL);
}

static int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const Mention *ma = a, *mb = b;

  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

typedef struct
{
  KgSpan span;
  guint  entity;
} ByteMention;

static int
compare_byte_mentions (gconstpointer a, gconstpointer b)
{
  const ByteMention *ma = a, *mb = b;

  if (ma->span.doc != mb->span.doc)
    return ma->span.doc < mb->span.doc ? -1 : 1;
  return ma->span.start < mb->span.start ? -1 : ma->span.start > mb->span.start;
}

/* Byte offsets to buffer offsets in one forward walk per document. */
static void
index_mentions (KgArticleView *self)
{
  g_autoptr(GArray) bytes = g_array_new (FALSE, FALSE, sizeof (ByteMention));
  guint cur_doc = G_MAXUINT;
  gsize cur_byte = 0;
  int cur_char = 0;

  for (guint e = 0; e < kg_graph_get_n_entities (self->graph); e++)
    {
      KgEntity *entity = kg_graph_get_entity (self->graph, e);

      for (guint i = 0; i < entity->mentions->len; i++)
        {
          ByteMention m = { g_array_index (entity->mentions, KgSpan, i), e };
          g_array_append_val (bytes, m);
        }
    }
  g_array_sort (bytes, compare_byte_mentions);
  for (guint i = 0; i < bytes->len; i++)
    {
      ByteMention *m = &g_array_index (bytes, ByteMention, i);
      KgDocument *doc = kg_graph_get_document (self->graph, m->span.doc);
      Mention out;

      if (m->span.end > doc->text_len || m->span.start >= m->span.end)
        continue;
      if (m->span.doc != cur_doc)
        cur_doc = m->span.doc, cur_byte = 0, cur_char = 0;
      cur_char += g_utf8_strlen (doc->text + cur_byte, m->span.start - cur_byte);
      cur_byte = m->span.start;
      out.start = g_array_index (self->doc_base, int, m->span.doc) + cur_char;
      out.end = out.start + g_utf8_strlen (doc->text + m->span.start, m->span.end - m->span.start);
      out.entity = m->entity;
      g_array_append_val (self->mentions, out);
    }
  g_array_sort (self->mentions, compare_mentions);
}

static void
apply_mention_tags (KgArticleView *self)
{
  for (guint i = 0; i < self->mentions->len; i++)
    {
      Mention *m = &g_array_index (self->mentions, Mention, i);
      KgEntity *e = kg_graph_get_entity (self->graph, m->entity);
      g_autofree char *tag = g_strdup_printf ("mention-%u", e->type);
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, m->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, m->end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, tag, &a, &b);
    }
}

static void
rebuild (KgArticleView *self)
{
  GtkTextIter end;

  self->dirty = FALSE;
  gtk_text_buffer_set_text (self->buffer, "", 0);
  g_array_set_size (self->doc_base, 0);
  g_array_set_size (self->mentions, 0);
  create_tags (self);
  if (self->graph == NULL)
    return;
  for (guint d = 0; d < kg_graph_get_n_documents (self->graph); d++)
    {
      KgDocument *doc = kg_graph_get_document (self->graph, d);
      const char *title = doc->title != NULL ? doc->title : doc->path;
      int base;

      gtk_text_buffer_get_end_iter (self->buffer, &end);
      if (d > 0)
        gtk_text_buffer_insert (self->buffer, &end, "\n\n", -1);
      if (title != NULL && doc->title == NULL)
        {
          g_autofree char *basename = g_path_get_basename (title);
          gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, basename, -1, "title", NULL);
          gtk_text_buffer_insert (self->buffer, &end, "\n", -1);
        }
      base = gtk_text_iter_get_offset (&end);
      g_array_append_val (self->doc_base, base);
      gtk_text_buffer_insert (self->buffer, &end, doc->text, doc->text_len);
      /* The first line is the headline when the decoder found one. */
      if (doc->title != NULL && g_str_has_prefix (doc->text, doc->title))
        {
          GtkTextIter a, b;

          gtk_text_buffer_get_iter_at_offset (self->buffer, &a, base);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &b, base + g_utf8_strlen (doc->title, -1));
          gtk_text_buffer_apply_tag_by_name (self->buffer, "title", &a, &b);
        }
    }
  index_mentions (self);
  apply_mention_tags (self);
}

static void
kg_article_view_map (GtkWidget *widget)
{
  KgArticleView *self = KG_ARTICLE_VIEW (widget);

  /* Built when first shown: most readers look at the graph first. */
  if (self->dirty)
    rebuild (self);
  GTK_WIDGET_CLASS (kg_article_view_parent_class)->map (widget);
}

static void
ensure_built (KgArticleView *self)
{
  if (self->dirty)
    rebuild (self);
}

/* ---- lookups ---- */

static const Mention *
mention_at (KgArticleView *self, int offset)
{
  guint lo = 0, hi = self->mentions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const Mention *m = &g_array_index (self->mentions, Mention, mid);

      if (m->start > offset)
        hi = mid;
      else
        lo = mid + 1;
    }
  /* The last mention starting at or before offset; check a few back for overlaps. */
  for (guint k = lo; k > 0 && k + 4 > lo; k--)
    {
      const Mention *m = &g_array_index (self->mentions, Mention, k - 1);

      if (m->start <= offset && offset < m->end)
        return m;
    }
  return NULL;
}

static gssize
doc_at (KgArticleView *self, int offset)
{
  gssize found = -1;

  for (guint d = 0; d < self->doc_base->len; d++)
    if (g_array_index (self->doc_base, int, d) <= offset)
      found = d;
  return found;
}

static void
mark_range (KgArticleView *self, const char *tag, int start, int end, gboolean scroll)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_apply_tag_by_name (self->buffer, tag, &a, &b);
  if (scroll)
    gtk_text_view_scroll_to_iter (self->text_view, &a, 0.1, TRUE, 0.0, 0.3);
}

static void
clear_tag (KgArticleView *self, const char *tag)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (self->buffer, &a, &b);
  gtk_text_buffer_remove_tag_by_name (self->buffer, tag, &a, &b);
}

static void
select_range (KgArticleView *self, guint d, gsize byte_start, gsize byte_end)
{
  KgDocument *doc = kg_graph_get_document (self->graph, d);
  int base = g_array_index (self->doc_base, int, d);
  int start = base + g_utf8_pointer_to_offset (doc->text, doc->text + byte_start);
  int end = base + g_utf8_pointer_to_offset (doc->text, doc->text + byte_end);

  clear_tag (self, "sentence");
  mark_range (self, "sentence", start, end, FALSE);
  g_signal_emit (self, signals[SENTENCE_SELECTED], 0, d, (guint64) byte_start, (guint64) byte_end);
}

static gsize
byte_of (KgArticleView *self, guint d, int offset)
{
  KgDocument *doc = kg_graph_get_document (self->graph, d);
  glong in_doc = offset - g_array_index (self->doc_base, int, d);
  glong n_chars = g_utf8_strlen (doc->text, doc->text_len);

  return g_utf8_offset_to_pointer (doc->text, CLAMP (in_doc, 0, n_chars)) - doc->text;
}

static KgRange
sentence_range (KgDocument *doc, gsize byte)
{
  gssize s = kg_document_find_sentence (doc, byte);

  if (s < 0)
    return (KgRange) { byte, byte };
  return g_array_index (doc->sentences, KgRange, s);
}

void
kg_article_view_click_offset (KgArticleView *self,
                              int            offset)
{
  const Mention *m;
  gssize d;
  KgRange range;

  g_return_if_fail (KG_IS_ARTICLE_VIEW (self));
  ensure_built (self);
  if ((m = mention_at (self, offset)) != NULL)
    {
      g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, m->entity);
      return;
    }
  if ((d = doc_at (self, offset)) < 0)
    return;
  range = sentence_range (kg_graph_get_document (self->graph, d), byte_of (self, d, offset));
  if (range.end > range.start)
    select_range (self, d, range.start, range.end);
}

/* A dragged selection: every sentence it touches, in one document. */
static void
selection_made (KgArticleView *self, int start, int end)
{
  gssize d = doc_at (self, start);
  KgDocument *doc;
  KgRange first, last;

  if (d < 0 || doc_at (self, end) != d)
    return;
  doc = kg_graph_get_document (self->graph, d);
  first = sentence_range (doc, byte_of (self, d, start));
  last = sentence_range (doc, byte_of (self, d, MAX (end - 1, start)));
  if (MAX (first.end, last.end) > first.start)
    select_range (self, d, first.start, MAX (first.end, last.end));
}

static void
released_cb (GtkGestureClick *gesture, int n_press, double x, double y, KgArticleView *self)
{
  GtkTextIter iter, a, b;
  int bx, by;

  if (self->graph == NULL || n_press != 1)
    return;
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    {
      selection_made (self, gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b));
      return;
    }
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    kg_article_view_click_offset (self, gtk_text_iter_get_offset (&iter));
}

/* ---- API ---- */

void
kg_article_view_set_graph (KgArticleView *self,
                           KgGraph       *graph)
{
  g_return_if_fail (KG_IS_ARTICLE_VIEW (self));
  g_set_object (&self->graph, graph);
  self->dirty = TRUE;
  self->shown_entity = G_MAXUINT;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

void
kg_article_view_show_entity (KgArticleView *self,
                             guint          entity)
{
  gboolean first = TRUE;

  g_return_if_fail (KG_IS_ARTICLE_VIEW (self));
  ensure_built (self);
  clear_tag (self, "entity");
  self->shown_entity = entity;
  for (guint i = 0; i < self->mentions->len; i++)
    {
      Mention *m = &g_array_index (self->mentions, Mention, i);

      if (m->entity != entity)
        continue;
      mark_range (self, "entity", m->start, m->end, first);
      first = FALSE;
    }
}

void
kg_article_view_select_sentence (KgArticleView *self,
                                 guint          doc,
                                 guint          sentence)
{
  KgDocument *d;
  KgRange range;
  int base;

  g_return_if_fail (KG_IS_ARTICLE_VIEW (self));
  ensure_built (self);
  if (self->graph == NULL || doc >= kg_graph_get_n_documents (self->graph))
    return;
  d = kg_graph_get_document (self->graph, doc);
  if (sentence >= d->sentences->len)
    return;
  range = g_array_index (d->sentences, KgRange, sentence);
  select_range (self, doc, range.start, range.end);
  base = g_array_index (self->doc_base, int, doc);
  mark_range (self, "sentence", base + g_utf8_pointer_to_offset (d->text, d->text + range.start),
              base + g_utf8_pointer_to_offset (d->text, d->text + range.end), TRUE);
}

GtkTextView *
kg_article_view_get_text_view (KgArticleView *self)
{
  return self->text_view;
}

/* The underline colours follow the style. */
static void
dark_changed_cb (KgArticleView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
kg_article_view_dispose (GObject *object)
{
  KgArticleView *self = KG_ARTICLE_VIEW (object);

  g_clear_object (&self->graph);
  g_clear_pointer (&self->doc_base, g_array_unref);
  g_clear_pointer (&self->mentions, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), KG_TYPE_ARTICLE_VIEW);
  G_OBJECT_CLASS (kg_article_view_parent_class)->dispose (object);
}

static void
kg_article_view_class_init (KgArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kg_article_view_dispose;
  widget_class->map = kg_article_view_map;
  signals[ENTITY_ACTIVATED] = g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_UINT);
  /* (document, start byte, end byte) of the selected sentences. */
  signals[SENTENCE_SELECTED] = g_signal_new ("sentence-selected", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT64, G_TYPE_UINT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/newsgraph/Newsgraph/kg-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KgArticleView, text_view);
}

static void
kg_article_view_init (KgArticleView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  self->doc_base = g_array_new (FALSE, FALSE, sizeof (int));
  self->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  self->shown_entity = G_MAXUINT;
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  create_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}
