/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-screenshots"

#include "config.h"

#include <stdio.h>

#include "kg-test-util.h"

/*
 * Writes the README's pictures of the main views into the folder given:
 * run through tools/screenshots, under Xvfb.
 */

static const char *out_dir;

static void
shoot (KgWindow *window, const char *name)
{
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  kg_test_iterate (300);
  /* The picture whole and sharp: after a zoom its tiles come a few a frame. */
  kg_test_wait_for (kg_test_canvas_settled, kg_window_get_canvas (window), 10000);
  kg_test_iterate (50);
  /* A window still settling a new layout may have no frame to give yet. */
  for (guint tries = 0; tries < 20 && !kg_test_save_png (GTK_WIDGET (window), path, &error); tries++)
    {
      g_clear_error (&error);
      kg_test_iterate (100);
    }
  if (error != NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("screenshots: %s\n", error->message);
      exit (1);
    }
  g_print ("%s\n", path);
}

static gssize
find_entity (KgGraph *graph, const char *name)
{
  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    if (g_str_equal (kg_graph_get_entity (graph, i)->name, name))
      return i;
  return -1;
}

/* The person with the most quotes: the view that shows quotes best. */
static gssize
most_quoted (KgGraph *graph)
{
  g_autofree guint *count = g_new0 (guint, kg_graph_get_n_entities (graph) + 1);
  gssize best = -1;

  for (guint i = 0; i < kg_graph_get_n_quotes (graph); i++)
    {
      guint s = kg_graph_get_quote (graph, i)->speaker;

      if (s != KG_NO_ENTITY && (best < 0 || ++count[s] > count[best]))
        best = s;
    }
  return best;
}

/* The sentence of the first article that most relations were read from. */
static guint
telling_sentence (KgGraph *graph)
{
  KgDocument *doc = kg_graph_get_document (graph, 0);
  g_autofree guint *count = g_new0 (guint, doc->sentences->len + 1);
  guint best = 0;

  for (guint i = 0; i < kg_graph_get_n_relations (graph); i++)
    {
      KgRelation *r = kg_graph_get_relation (graph, i);

      for (guint k = 0; k < r->evidence->len; k++)
        {
          KgSpan s = g_array_index (r->evidence, KgSpan, k);
          gssize n = s.doc == 0 ? kg_document_find_sentence (doc, s.start) : -1;

          if (n >= 0 && ++count[n] > count[best])
            best = n;
        }
    }
  return best;
}

/* Selects entity and centres it at a zoom where its labels read. */
static void
show_entity (KgWindow *window, guint entity)
{
  KgCanvas *canvas = kg_window_get_canvas (window);

  kg_canvas_select (canvas, KG_ITEM_ENTITY, entity);
  /* The details pane may take another width: let the panes settle first. */
  kg_test_iterate (300);
  kg_canvas_center_on_entity (canvas, entity);
}

int
main (int argc, char **argv)
{
  g_autofree char *article = NULL;
  g_autoptr(GError) error = NULL;
  KgWindow *window;
  KgGraph *graph;
  gssize person;
  const char *paths[2];

  if (!kg_test_init_display (&argc, &argv))
    return 1;
  if (argc < 2)
    {
      g_printerr ("usage: %s OUTPUT-DIR [ARTICLE]\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];
  g_mkdir_with_parents (out_dir, 0755);
  article = argc > 2 ? g_strdup (argv[2]) : kg_test_seed_article ();
  paths[0] = article;
  paths[1] = NULL;

  window = kg_test_window_new (1280, 800);
  if (!kg_window_load_files_sync (window, paths, &error))
    {
      g_printerr ("screenshots: %s\n", error->message);
      return 1;
    }
  graph = kg_window_get_graph (window);
  shoot (window, "window.png");

  person = most_quoted (graph);
  if (person < 0)
    person = find_entity (graph, "Anton Shingarev");
  if (person >= 0)
    show_entity (window, person);
  shoot (window, "evidence.png");

  /* A Graphviz file has no article to show. */
  if (kg_graph_get_n_documents (graph) > 0)
    {
      kg_canvas_select (kg_window_get_canvas (window), KG_ITEM_NONE, 0);
      kg_window_set_article_visible (window, TRUE);
      kg_test_iterate (200);
      kg_article_view_select_sentence (kg_window_get_article_view (window), 0, telling_sentence (graph));
      shoot (window, "article.png");
    }

  kg_window_set_article_visible (window, FALSE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (person >= 0)
    show_entity (window, person);
  shoot (window, "dark.png");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
