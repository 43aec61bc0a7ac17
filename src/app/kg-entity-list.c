/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kg-entity-item.h"
#include "kg-entity-list.h"
#include "kg-ui-util.h"

/*
 * The entities grouped by type, most mentioned first, with the filters the
 * canvas follows. The list is the accessible route to everything on the
 * canvas: selecting a row selects the node.
 */

struct _KgEntityList
{
  GtkBox             parent_instance;

  GtkSearchEntry    *search_entry;
  GtkGrid           *type_grid;
  GtkSpinButton     *min_spin;
  GtkListView       *list_view;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkCheckButton    *type_buttons[KG_N_ENTITY_TYPES];
  GtkLabel          *type_dots[KG_N_ENTITY_TYPES];

  KgGraph           *graph;
  GListStore        *store;
  GtkSingleSelection *selection;
  gboolean          *hidden;
  gboolean          *matches;
  char              *query;      /* case-folded, or NULL */
  GPtrArray         *items;      /* per entity: its row, made once per graph */
  char             **keys;       /* per entity: collation key of the name */
  gboolean           updating;
};

enum { ENTITY_SELECTED, FILTERS_CHANGED, SEARCH_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KgEntityList, kg_entity_list, GTK_TYPE_BOX)

static gboolean
entity_matches (KgEntity *e, const char *query)
{
  if (kg_ui_match_score (e->name, query) > 0)
    return TRUE;
  for (guint i = 0; i < e->aliases->len; i++)
    if (kg_ui_match_score (g_ptr_array_index (e->aliases, i), query) > 0)
      return TRUE;
  return FALSE;
}

static void
compute_filters (KgEntityList *self)
{
  guint n = self->graph != NULL ? kg_graph_get_n_entities (self->graph) : 0;
  guint min = gtk_spin_button_get_value_as_int (self->min_spin);

  g_clear_pointer (&self->hidden, g_free);
  g_clear_pointer (&self->matches, g_free);
  self->hidden = g_new0 (gboolean, MAX (n, 1));
  if (self->query != NULL)
    self->matches = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      KgEntity *e = kg_graph_get_entity (self->graph, i);

      /* A graph written by another tool may not count mentions at all:
       * its entities are there, so mentioned at least once. */
      self->hidden[i] = !gtk_check_button_get_active (self->type_buttons[e->type])
                        || MAX (kg_entity_get_n_mentions (e), 1) < min;
      if (self->matches != NULL)
        self->matches[i] = entity_matches (e, self->query);
    }
}

static int
compare_entities (gconstpointer a, gconstpointer b, gpointer data)
{
  KgEntityList *self = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  KgEntity *ea = kg_graph_get_entity (self->graph, ia);
  KgEntity *eb = kg_graph_get_entity (self->graph, ib);

  if (ea->type != eb->type)
    return ea->type < eb->type ? -1 : 1;
  if (kg_entity_get_n_mentions (ea) != kg_entity_get_n_mentions (eb))
    return kg_entity_get_n_mentions (ea) > kg_entity_get_n_mentions (eb) ? -1 : 1;
  return strcmp (self->keys[ia], self->keys[ib]);
}

/* Rows and collation keys once per graph: filtering and searching then
 * only choose among them. */
static void
prepare_graph (KgEntityList *self)
{
  guint n = self->graph != NULL ? kg_graph_get_n_entities (self->graph) : 0;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_strfreev);
  self->items = g_ptr_array_new_full (n, g_object_unref);
  self->keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->items, kg_entity_item_new_entity (i));
      self->keys[i] = g_utf8_collate_key (kg_graph_get_entity (self->graph, i)->name, -1);
    }
}

static void
rebuild_rows (KgEntityList *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = self->graph != NULL ? kg_graph_get_n_entities (self->graph) : 0;

  for (guint i = 0; i < n; i++)
    if (!self->hidden[i] && (self->matches == NULL || self->matches[i]))
      g_array_append_val (shown, i);
  g_array_sort_with_data (shown, compare_entities, self);
  for (guint i = 0; i < shown->len;)
    {
      KgEntityType type = kg_graph_get_entity (self->graph, g_array_index (shown, guint, i))->type;
      guint end = i;

      while (end < shown->len && kg_graph_get_entity (self->graph, g_array_index (shown, guint, end))->type == type)
        end++;
      g_ptr_array_add (rows, kg_entity_item_new_heading (type, end - i));
      for (; i < end; i++)
        g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (self->items, g_array_index (shown, guint, i))));
    }
  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  self->updating = FALSE;
  adw_status_page_set_title (self->empty_page, self->graph == NULL ? _("No Graph Open")
                             : self->query != NULL ? _("No Matches") : _("No Entities"));
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "list" : "empty");
}

static void
filters_changed_cb (KgEntityList *self)
{
  compute_filters (self);
  rebuild_rows (self);
  g_signal_emit (self, signals[FILTERS_CHANGED], 0);
}

static void
search_changed_cb (KgEntityList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_utf8_casefold (stripped, -1);
  compute_filters (self);
  rebuild_rows (self);
  g_signal_emit (self, signals[SEARCH_CHANGED], 0);
}

static void
search_activate_cb (KgEntityList *self)
{
  gssize best = kg_entity_list_best_match (self);

  if (best >= 0)
    g_signal_emit (self, signals[ENTITY_SELECTED], 0, (guint) best);
}

static void
selection_changed_cb (KgEntityList *self)
{
  KgEntityItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->updating || item == NULL || kg_entity_item_is_heading (item))
    return;
  g_signal_emit (self, signals[ENTITY_SELECTED], 0, kg_entity_item_get_entity (item));
}

/* ---- rows ---- */

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, KgEntityList *self)
{
  KgEntityItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (dot);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  gboolean heading = kg_entity_item_is_heading (item);
  KgEntity *e = heading ? NULL : kg_graph_get_entity (self->graph, kg_entity_item_get_entity (item));
  KgEntityType type = heading ? kg_entity_item_get_type_ (item) : e->type;
  g_autofree char *color = kg_ui_type_color_hex (type);
  g_autofree char *dot_markup = g_strdup_printf ("<span foreground=\"%s\">●</span>", color);
  g_autofree char *n = g_strdup_printf ("%u", heading ? kg_entity_item_get_count (item) : kg_entity_get_n_mentions (e));

  gtk_list_item_set_selectable (list_item, !heading);
  gtk_list_item_set_activatable (list_item, !heading);
  gtk_label_set_markup (GTK_LABEL (dot), dot_markup);
  gtk_widget_set_visible (dot, !heading);
  gtk_label_set_text (GTK_LABEL (name), heading ? kg_ui_type_plural (type) : e->name);
  gtk_label_set_text (GTK_LABEL (count), n);
  /* No count where the file did not count mentions: not "0". */
  gtk_widget_set_visible (count, heading || kg_entity_get_n_mentions (e) > 0);
  if (heading)
    gtk_widget_add_css_class (name, "heading");
  else
    gtk_widget_remove_css_class (name, "heading");
  gtk_widget_set_margin_top (box, heading ? 8 : 0);
  gtk_widget_set_tooltip_text (box, heading ? NULL : kg_ui_type_name (type));
}

static void
add_type_buttons (KgEntityList *self)
{
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    {
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_label_new (NULL);
      g_autofree char *tip = g_strdup_printf (_("Show %s"), kg_ui_type_plural (t));

      self->type_dots[t] = GTK_LABEL (dot);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), gtk_label_new (kg_ui_type_plural (t)));
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (filters_changed_cb), self);
      gtk_grid_attach (self->type_grid, button, t % 2, t / 2, 1, 1);
      self->type_buttons[t] = GTK_CHECK_BUTTON (button);
    }
}

/* Type colours differ between light and dark. */
static void
color_type_dots (KgEntityList *self)
{
  for (guint t = 0; t < KG_N_ENTITY_TYPES; t++)
    {
      g_autofree char *color = kg_ui_type_color_hex (t);
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span>", color);

      gtk_label_set_markup (self->type_dots[t], markup);
    }
}

static void
dark_changed_cb (KgEntityList *self)
{
  color_type_dots (self);
  rebuild_rows (self);
}

/* ---- class ---- */

static void
kg_entity_list_dispose (GObject *object)
{
  KgEntityList *self = KG_ENTITY_LIST (object);

  g_clear_object (&self->graph);
  g_clear_object (&self->store);
  g_clear_pointer (&self->hidden, g_free);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (object), KG_TYPE_ENTITY_LIST);
  G_OBJECT_CLASS (kg_entity_list_parent_class)->dispose (object);
}

static void
kg_entity_list_class_init (KgEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kg_entity_list_dispose;
  signals[ENTITY_SELECTED] = g_signal_new ("entity-selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[FILTERS_CHANGED] = g_signal_new ("filters-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SEARCH_CHANGED] = g_signal_new ("search-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/newsgraph/Newsgraph/kg-entity-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KgEntityList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KgEntityList, type_grid);
  gtk_widget_class_bind_template_child (widget_class, KgEntityList, min_spin);
  gtk_widget_class_bind_template_child (widget_class, KgEntityList, list_view);
  gtk_widget_class_bind_template_child (widget_class, KgEntityList, stack);
  gtk_widget_class_bind_template_child (widget_class, KgEntityList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
}

static void
kg_entity_list_init (KgEntityList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  add_type_buttons (self);
  color_type_dots (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  self->store = g_list_store_new (KG_TYPE_ENTITY_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  compute_filters (self);
  rebuild_rows (self);
}

/* ---- API ---- */

void
kg_entity_list_set_graph (KgEntityList *self,
                          KgGraph      *graph)
{
  g_return_if_fail (KG_IS_ENTITY_LIST (self));
  g_set_object (&self->graph, graph);
  prepare_graph (self);
  compute_filters (self);
  rebuild_rows (self);
}

const gboolean *
kg_entity_list_get_hidden (KgEntityList *self)
{
  return self->hidden;
}

void
kg_entity_list_set_type_visible (KgEntityList *self,
                                 KgEntityType  type,
                                 gboolean      visible)
{
  g_return_if_fail (type < KG_N_ENTITY_TYPES);
  gtk_check_button_set_active (self->type_buttons[type], visible);
}

gboolean
kg_entity_list_get_type_visible (KgEntityList *self,
                                 KgEntityType  type)
{
  g_return_val_if_fail (type < KG_N_ENTITY_TYPES, FALSE);
  return gtk_check_button_get_active (self->type_buttons[type]);
}

void
kg_entity_list_set_min_mentions (KgEntityList *self,
                                 guint         min)
{
  gtk_spin_button_set_value (self->min_spin, min);
}

GtkSearchEntry *
kg_entity_list_get_search_entry (KgEntityList *self)
{
  return self->search_entry;
}

void
kg_entity_list_set_search (KgEntityList *self,
                           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

const gboolean *
kg_entity_list_get_matches (KgEntityList *self)
{
  return self->matches;
}

static int
best_score (KgEntity *e, const char *query)
{
  int score = kg_ui_match_score (e->name, query);

  for (guint i = 0; i < e->aliases->len; i++)
    score = MAX (score, kg_ui_match_score (g_ptr_array_index (e->aliases, i), query));
  return score;
}

gssize
kg_entity_list_best_match (KgEntityList *self)
{
  gssize best = -1;
  int best_s = 0;
  guint best_m = 0;

  if (self->query == NULL || self->graph == NULL)
    return -1;
  for (guint i = 0; i < kg_graph_get_n_entities (self->graph); i++)
    {
      KgEntity *e = kg_graph_get_entity (self->graph, i);
      int s;

      if (self->hidden[i] || !self->matches[i])
        continue;
      /* A whole-name or alias match first, then the most mentioned. */
      s = best_score (e, self->query);
      if (s > best_s || (s == best_s && kg_entity_get_n_mentions (e) > best_m))
        best = i, best_s = s, best_m = kg_entity_get_n_mentions (e);
    }
  return best;
}

void
kg_entity_list_select_entity (KgEntityList *self,
                              guint         entity)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n && entity != G_MAXUINT; i++)
    {
      g_autoptr(KgEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (kg_entity_item_is_heading (item) || kg_entity_item_get_entity (item) != entity)
        continue;
      gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      break;
    }
  self->updating = FALSE;
}

GStrv
kg_entity_list_dup_shown_names (KgEntityList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KgEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (!kg_entity_item_is_heading (item))
        g_strv_builder_add (builder, kg_graph_get_entity (self->graph, kg_entity_item_get_entity (item))->name);
    }
  return g_strv_builder_end (builder);
}
