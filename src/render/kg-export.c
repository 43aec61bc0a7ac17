/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-render"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "kg-export-private.h"
#include "kg-file.h"
#include "kg-layout.h"
#include "kg-render.h"

G_DEFINE_QUARK (kg-export-error-quark, kg_export_error)

typedef enum
{
  FORMAT_JSON,
  FORMAT_DOT,
  FORMAT_GRAPHML,
  FORMAT_GEXF,
  FORMAT_SVG,
  FORMAT_PNG,
  FORMAT_PDF,
} Format;

static const struct
{
  const char *suffix;
  Format      format;
} formats[] = {
  { ".json", FORMAT_JSON }, { ".dot", FORMAT_DOT }, { ".gv", FORMAT_DOT },
  { ".graphml", FORMAT_GRAPHML }, { ".gexf", FORMAT_GEXF }, { ".svg", FORMAT_SVG },
  { ".png", FORMAT_PNG }, { ".pdf", FORMAT_PDF },
};

/* PDF pages cannot be larger (points); bigger drawings are scaled down,
 * which a vector format can afford. */
#define MAX_PDF_SIDE   14400.0
/* cairo cannot make larger images; far below that memory runs out. */
#define MAX_PNG_SIDE   32767
#define MAX_PNG_PIXELS (200.0 * 1000 * 1000)

static gboolean
format_for_path (const char *path,
                 Format     *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

gboolean
kg_export_format_known (const char *path)
{
  Format format;

  return format_for_path (path, &format);
}

static gboolean
fail (GError     **error,
      const char  *path,
      GError      *cause)
{
  g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_FAILED, "%s: %s", path, cause->message);
  g_error_free (cause);
  return FALSE;
}

/* Written whole beside path, then renamed over it (kg-file.c). */
static gboolean
write_atomic (const char  *path,
              const char  *data,
              gsize        length,
              GError     **error)
{
  GError *cause = NULL;

  if (!kg_file_replace_contents (path, data, length, &cause))
    {
      g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_FAILED, "%s", cause->message);
      g_error_free (cause);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_page (cairo_surface_t *surface,
           KgGraph         *graph,
           const KgScene   *scene,
           double           scale,
           gboolean         dark,
           GArray          *items)
{
  cairo_t *cr = cairo_create (surface);
  KgRenderOptions options;

  kg_render_options_init (&options);
  options.dark = dark;
  /* A file is read up close: never leave out detail. */
  options.zoom = MAX (scale, 1.0);
  options.items = items;
  cairo_scale (cr, scale, scale);
  kg_render_page (cr, graph, scene, &options);
  cairo_destroy (cr);
}

static GByteArray *
render_bytes (KgGraph        *graph,
              const KgScene  *scene,
              Format          format,
              double          scale,
              gboolean        dark,
              GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GArray) items = format == FORMAT_SVG ? g_array_new (FALSE, FALSE, sizeof (KgRenderItem)) : NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double w, h;

  kg_render_page_size (scene, TRUE, &w, &h);
  if (format == FORMAT_PNG)
    {
      double pw = ceil (w * scale), ph = ceil (h * scale);
      if (pw > MAX_PNG_SIDE || ph > MAX_PNG_SIDE || pw * ph > MAX_PNG_PIXELS)
        {
          g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_FAILED,
                       "the image would be %.0f × %.0f pixels, too large for PNG: "
                       "use a smaller --scale, SVG or PDF", pw, ph);
          return NULL;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) pw, (int) ph);
      draw_page (surface, graph, scene, scale, dark, NULL);
      status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
    }
  else
    {
      double fit = 1.0;

      if (format == FORMAT_SVG)
        surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, w, h);
      else
        {
          fit = MIN (1.0, MAX_PDF_SIDE / MAX (w, h));
          surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, w * fit, h * fit);
        }
      draw_page (surface, graph, scene, fit, dark, items);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_SVG)
        {
          g_autofree char *annotated = NULL;

          g_byte_array_append (bytes, (const guint8 *) "", 1);
          annotated = _kg_export_annotate_svg ((const char *) bytes->data, graph, scene, items);
          g_byte_array_set_size (bytes, bytes->len - 1);
          if (annotated != NULL)
            {
              g_byte_array_set_size (bytes, 0);
              g_byte_array_append (bytes, (const guint8 *) annotated, strlen (annotated));
            }
        }
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_FAILED, "drawing failed: %s",
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static gboolean
write_format (KgGraph        *graph,
              const KgScene  *scene,
              const char     *path,
              Format          format,
              double          scale,
              gboolean        dark,
              GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GByteArray) bytes = NULL;

  switch (format)
    {
    case FORMAT_DOT:
      text = kg_layout_to_dot (graph, scene, error);
      break;
    case FORMAT_GRAPHML:
      text = kg_export_graphml (graph);
      break;
    case FORMAT_GEXF:
      text = kg_export_gexf (graph, scene);
      break;
    case FORMAT_JSON:
      return kg_graph_save_to_file (graph, path, error);
    case FORMAT_SVG:
    case FORMAT_PNG:
    case FORMAT_PDF:
    default:
      bytes = render_bytes (graph, scene, format, scale, dark, error);
      return bytes != NULL && write_atomic (path, (const char *) bytes->data, bytes->len, error);
    }
  return text != NULL && write_atomic (path, text, strlen (text), error);
}

static gboolean
check_scale (double       scale,
             const char  *path,
             GError     **error)
{
  if (isfinite (scale) && scale > 0 && scale <= 16)
    return TRUE;
  g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_FAILED,
               "%s: the scale must be above 0 and at most 16, not %g", path, scale);
  return FALSE;
}

/* The format path names, if it names one and the scale is sane. */
static gboolean
check_request (const char  *path,
               double       scale,
               Format      *format,
               GError     **error)
{
  if (!format_for_path (path, format))
    {
      g_set_error (error, KG_EXPORT_ERROR, KG_EXPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: unknown export format (use .json, .dot, .gv, .graphml, .gexf, .svg, .png or .pdf)",
                   path);
      return FALSE;
    }
  return check_scale (scale, path, error);
}

gboolean
kg_export_scene_to_file (KgGraph        *graph,
                         const KgScene  *scene,
                         const char     *path,
                         double          scale,
                         gboolean        dark,
                         GError        **error)
{
  GError *cause = NULL;
  Format format;

  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  if (!check_request (path, scale, &format, error))
    return FALSE;
  if (!write_format (graph, scene, path, format, scale, dark, &cause))
    return fail (error, path, cause);
  return TRUE;
}

static gboolean
all_positioned (KgGraph *graph)
{
  guint n = kg_graph_get_n_entities (graph);

  for (guint i = 0; i < n; i++)
    if (!kg_graph_get_entity (graph, i)->has_position)
      return FALSE;
  return n > 0;
}

gboolean
kg_export_to_file (KgGraph     *graph,
                   const char  *path,
                   const char  *engine,
                   double       scale,
                   GError     **error)
{
  g_autoptr(KgScene) scene = NULL;
  GError *cause = NULL;
  Format format;

  g_return_val_if_fail (KG_IS_GRAPH (graph), FALSE);

  if (!check_request (path, scale, &format, error))
    return FALSE;
  if (format == FORMAT_JSON || format == FORMAT_GRAPHML)
    return kg_export_scene_to_file (graph, NULL, path, scale, FALSE, error);
  /* A graph opened from a laid-out file keeps its drawing unless the user
   * asks for an engine. */
  if (engine == NULL && all_positioned (graph))
    scene = kg_layout_from_positions (graph, NULL, &cause);
  else
    scene = kg_layout_run (graph, engine, NULL, NULL, &cause);
  if (scene == NULL)
    return fail (error, path, cause);
  return kg_export_scene_to_file (graph, scene, path, scale, FALSE, error);
}
