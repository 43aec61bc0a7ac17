/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "newsgraph"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "kg-application.h"
#include "kg-export.h"
#include "kg-input.h"

/*
 * `--export` runs without a display and never initialises GTK: it is what
 * scripts and the evaluation tools call. Everything else opens the window.
 */

static char *export_path;
static char *layout_engine;
static double png_scale = 1.0;
static gboolean show_version;

static const GOptionEntry entries[] = {
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, &export_path,
    N_("Write the graph of FILE… to OUT and exit: .json, .dot, .gv, .graphml, .gexf, .svg, .png or .pdf"), N_("OUT") },
  { "layout", 'l', 0, G_OPTION_ARG_STRING, &layout_engine,
    N_("Layout engine: auto, dot, neato, fdp, sfdp, circo or twopi (default: auto)"), N_("ENGINE") },
  { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &png_scale,
    N_("Scale factor for PNG export (default: 1)"), N_("N") },
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
run_export (char **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KgGraph) graph = NULL;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("newsgraph: --export needs at least one input FILE\n");
      return 1;
    }
  graph = kg_input_load_all ((const char *const *) files, &error);
  if (graph == NULL || !kg_export_to_file (graph, export_path, layout_engine, png_scale, &error))
    {
      g_printerr ("newsgraph: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
run_window (int    argc,
            char **argv)
{
  g_autoptr(KgApplication) app = kg_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("[FILE…] — read who relates to whom in news articles"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("FILE may be an article (.txt, .md, .html), a Newsgraph graph (.json) or a Graphviz file (.dot, .gv);\n"
      "\"-\" reads an article from standard input. Several files make one graph.\n\n"
      "Examples:\n"
      "  newsgraph article.txt\n"
      "  newsgraph --export graph.json article.txt other.txt\n"
      "  newsgraph --export graph.svg --layout sfdp corpus/*.txt"));

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("newsgraph: %s\n", error->message);
      return 1;
    }
  if (show_version)
    {
      g_print ("newsgraph %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (export_path != NULL)
    return run_export (args + 1);
  return run_window (g_strv_length (args), args);
}
