/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kg-export-dialog.h"
#include "kg-export.h"

struct _KgExportDialog
{
  GObject               parent_instance;
  GtkWindow            *parent;
  GtkFileChooserNative *chooser;
  char                 *path;
};

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KgExportDialog, kg_export_dialog, G_TYPE_OBJECT)

typedef struct
{
  const char *extension;
  const char *name;
} Format;

/* Every format kg_export_to_file writes. */
static const Format formats[] = {
  { "svg", N_("SVG image") },
  { "png", N_("PNG image") },
  { "pdf", N_("PDF document") },
  { "json", N_("Newsgraph graph (JSON)") },
  { "dot", N_("Graphviz DOT") },
  { "gv", N_("Graphviz DOT (.gv)") },
  { "graphml", N_("GraphML") },
  { "gexf", N_("GEXF (Gephi)") },
};

char *
kg_export_dialog_complete_path (const char *path,
                                const char *extension)
{
  if (kg_export_format_known (path))
    return g_strdup (path);
  return g_strdup_printf ("%s.%s", path, extension);
}

static void
replace_response_cb (AdwMessageDialog *dialog, const char *response, KgExportDialog *self)
{
  if (g_str_equal (response, "replace"))
    g_signal_emit (self, signals[CHOSEN], 0, self->path);
  g_object_unref (self);
}

static void
confirm_replace (KgExportDialog *self)
{
  g_autofree char *name = g_path_get_basename (self->path);
  GtkWidget *dialog = adw_message_dialog_new (self->parent, _("Replace File?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” already exists. Replacing it overwrites its contents."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
response_cb (GtkNativeDialog *chooser, int response, KgExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  GtkFileFilter *filter;
  const char *extension;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen = file != NULL ? g_file_get_path (file) : NULL;
  if (chosen == NULL)
    goto out;
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
  self->path = kg_export_dialog_complete_path (chosen, extension != NULL ? extension : "svg");
  /* The chooser asked about the name it returned, not about one we extended. */
  if (!g_str_equal (self->path, chosen) && g_file_test (self->path, G_FILE_TEST_EXISTS))
    confirm_replace (self);
  else
    g_signal_emit (self, signals[CHOSEN], 0, self->path);
out:
  g_object_unref (self);
}

KgExportDialog *
kg_export_dialog_new (GtkWindow  *parent,
                      const char *base_name)
{
  KgExportDialog *self = g_object_new (KG_TYPE_EXPORT_DIALOG, NULL);
  g_autofree char *name = g_strdup_printf ("%s.svg", base_name != NULL ? base_name : _("graph"));

  self->parent = parent;
  self->chooser = gtk_file_chooser_native_new (_("Export Graph"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", formats[i].extension);

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "extension", (gpointer) formats[i].extension);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      g_object_unref (filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  return self;
}

void
kg_export_dialog_present (KgExportDialog *self)
{
  g_signal_connect (self->chooser, "response", G_CALLBACK (response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
kg_export_dialog_finalize (GObject *object)
{
  KgExportDialog *self = KG_EXPORT_DIALOG (object);

  g_clear_object (&self->chooser);
  g_free (self->path);
  G_OBJECT_CLASS (kg_export_dialog_parent_class)->finalize (object);
}

static void
kg_export_dialog_class_init (KgExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kg_export_dialog_finalize;
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kg_export_dialog_init (KgExportDialog *self)
{
}
