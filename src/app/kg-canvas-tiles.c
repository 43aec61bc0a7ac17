/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <math.h>

#include "kg-canvas-private.h"

/*
 * The cached picture on screen, as tiles. Either renderer copies a picture
 * to where it draws from the first time it is drawn: GL uploads a texture,
 * and cairo on X11 uploads an image to the X server. The picture holds up
 * to 36 MB; copying all of it in the frame a zoom brought a new one took
 * 30 to 50 ms of that frame, most of it for parts never seen. Tiles share
 * the picture's pixels and only those in view are copied, four a frame at
 * most while the old picture still shows where they are missing.
 */

/* The side of a tile, in pixels: 1 MB each. */
#define TILE 512
/* New tiles copied in one frame while the old picture still shows. */
#define NEW_TILES_PER_FRAME 4

typedef struct
{
  GtkSnapshot *snapshot;
  cairo_t     *cr;        /* the cairo renderer: one node for the picture */
} Target;

/* A picture's tiles for each renderer: a window moved to another display
 * may change renderer. */
static GQuark
tiles_quark (gboolean cairo)
{
  return g_quark_from_static_string (cairo ? "kg-canvas-cairo-tiles" : "kg-canvas-gl-tiles");
}

static void
free_surface_tile (gpointer tile)
{
  cairo_surface_destroy (tile);
}

/* A tile as an image surface (cairo) or a texture (GL) sharing the
 * picture's pixels: nothing is copied here. */
static gpointer
new_tile (cairo_surface_t *surface, int column, int row, gboolean cairo)
{
  static const cairo_user_data_key_t parent_key;
  int pw = cairo_image_surface_get_width (surface), ph = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int tw = MIN (TILE, pw - column * TILE), th = MIN (TILE, ph - row * TILE);
  guchar *data = cairo_image_surface_get_data (surface) + (gsize) row * TILE * stride + (gsize) column * TILE * 4;
  cairo_surface_t *tile;
  g_autoptr(GBytes) bytes = NULL;

  if (!cairo)
    {
      bytes = g_bytes_new_with_free_func (data, (gsize) (th - 1) * stride + (gsize) tw * 4,
                                          (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (surface));
      return gdk_memory_texture_new (tw, th, GDK_MEMORY_DEFAULT, bytes, stride);
    }
  tile = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, tw, th, stride);
  cairo_surface_set_user_data (tile, &parent_key, cairo_surface_reference (surface),
                               (cairo_destroy_func_t) cairo_surface_destroy);
  return tile;
}

/* Tile (column, row) of a picture, made on first use when `create`. */
static gpointer
picture_tile (GdkTexture *picture, int column, int row, gboolean cairo, gboolean create)
{
  cairo_surface_t *surface = g_object_get_qdata (G_OBJECT (picture), _kg_canvas_surface_quark ());
  int columns = (gdk_texture_get_width (picture) + TILE - 1) / TILE;
  int rows = (gdk_texture_get_height (picture) + TILE - 1) / TILE;
  GPtrArray *tiles = g_object_get_qdata (G_OBJECT (picture), tiles_quark (cairo));
  gpointer *tile;

  if (tiles == NULL)
    {
      tiles = g_ptr_array_new_full (columns * rows, cairo ? free_surface_tile : g_object_unref);
      g_ptr_array_set_size (tiles, columns * rows);
      g_object_set_qdata_full (G_OBJECT (picture), tiles_quark (cairo), tiles, (GDestroyNotify) g_ptr_array_unref);
    }
  tile = &tiles->pdata[row * columns + column];
  if (*tile == NULL && create)
    *tile = new_tile (surface, column, row, cairo);
  return *tile;
}

static void
draw_tile (Target *target, gpointer tile, const graphene_rect_t *rect, double k)
{
  cairo_t *cr = target->cr;

  if (cr == NULL)
    {
      gtk_snapshot_append_texture (target->snapshot, tile, rect);
      return;
    }
  cairo_save (cr);
  cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
  cairo_clip (cr);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_scale (cr, k, k);
  cairo_set_source_surface (cr, tile, 0, 0);
  /* Stretched while a zoom goes on: the cheap filter, it lasts a moment;
   * padding keeps the tiles' edges from fading into their neighbours. */
  cairo_pattern_set_filter (cairo_get_source (cr), k == 1.0 ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The tiles of `picture` in view, its corner at widget point (x, y), k
 * widget units a pixel. At most *budget tiles are made (none when budget
 * is 0, unlimited when NULL); the places of those left out are added to
 * `missing` when given. */
static void
append_tiles (Target *target, GdkTexture *picture, double x, double y, double k,
              double w, double h, int *budget, GArray *missing)
{
  int pw = gdk_texture_get_width (picture), ph = gdk_texture_get_height (picture);
  gboolean cairo = target->cr != NULL;
  double side = TILE * k;
  int c0 = MAX (0, (int) floor (-x / side)), r0 = MAX (0, (int) floor (-y / side));
  int c1 = MIN ((pw - 1) / TILE, (int) floor ((w - x) / side));
  int r1 = MIN ((ph - 1) / TILE, (int) floor ((h - y) / side));

  for (int row = r0; row <= r1; row++)
    for (int column = c0; column <= c1; column++)
      {
        gpointer tile = picture_tile (picture, column, row, cairo, FALSE);
        graphene_rect_t rect = GRAPHENE_RECT_INIT (x + column * side, y + row * side,
                                                   MIN (TILE, pw - column * TILE) * k,
                                                   MIN (TILE, ph - row * TILE) * k);

        if (tile == NULL && (budget == NULL || *budget > 0))
          {
            tile = picture_tile (picture, column, row, cairo, TRUE);
            if (budget != NULL)
              (*budget)--;
          }
        if (tile != NULL)
          draw_tile (target, tile, &rect, k);
        else if (missing != NULL)
          g_array_append_val (missing, rect);
      }
}

static gboolean
next_frame_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

/* How many widget units a pixel of a picture made at zoom takes now. */
static double
widget_units_per_pixel (KgCanvas *self, double zoom)
{
  return self->zoom / (zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

/* Where the new picture's tiles are still to come, the old one as it was
 * copied: drawing both everywhere would double the cost of the frame. */
static void
append_previous (KgCanvas *self, Target *target, GArray *missing, double w, double h)
{
  double px, py, pk = widget_units_per_pixel (self, self->previous_zoom);

  kg_canvas_scene_to_widget (self, self->previous_x, self->previous_y, &px, &py);
  for (guint i = 0; i < missing->len; i++)
    {
      graphene_rect_t *rect = &g_array_index (missing, graphene_rect_t, i);

      if (target->cr != NULL)
        {
          cairo_save (target->cr);
          cairo_rectangle (target->cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
          cairo_clip (target->cr);
        }
      else
        gtk_snapshot_push_clip (target->snapshot, rect);
      append_tiles (target, self->previous, px, py, pk, w, h, &(int) { 0 }, NULL);
      if (target->cr != NULL)
        cairo_restore (target->cr);
      else
        gtk_snapshot_pop (target->snapshot);
    }
}

void
_kg_canvas_snapshot_tiles (KgCanvas    *self,
                           GtkSnapshot *snapshot,
                           gboolean     cairo,
                           double       x,
                           double       y,
                           double       w,
                           double       h)
{
  Target target = { snapshot, NULL };
  double k = widget_units_per_pixel (self, self->cache_zoom);
  int budget = NEW_TILES_PER_FRAME;
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  if (cairo)
    target.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  append_tiles (&target, self->cache, x, y, k, w, h, self->previous != NULL ? &budget : NULL, missing);
  if (missing->len == 0)
    g_clear_object (&self->previous);
  else
    {
      append_previous (self, &target, missing, w, h);
      gtk_widget_add_tick_callback (GTK_WIDGET (self), next_frame_cb, NULL, NULL);
    }
  g_clear_pointer (&target.cr, cairo_destroy);
}
