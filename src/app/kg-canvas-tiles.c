/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-app"

#include "config.h"

#include <math.h>

#include "kg-canvas-private.h"

/*
 * The cached picture for a GL renderer, as tiles. GL uploads a texture
 * whole the first time it is drawn; the picture holds up to 36 MB, and
 * uploading all of it in the frame a zoom brought a new one took longer
 * than a frame on a software rasteriser, and kept a second copy of the
 * parts never seen. Tiles share the picture's pixels, only those in view
 * are uploaded, and a new picture's tiles come a few a frame over the
 * stretched old one.
 */

/* The side of a tile, in pixels: 1 MB each. */
#define TILE 512
/* New tiles uploaded in one frame while the old picture still shows. */
#define NEW_TILES_PER_FRAME 4

static GQuark
tiles_quark (void)
{
  return g_quark_from_static_string ("kg-canvas-tiles");
}

/* Tile (column, row) of a picture as a texture of its own, made on first
 * use when `create`. It shares the surface's pixels: nothing is copied. */
static GdkTexture *
picture_tile (GdkTexture *picture, int column, int row, gboolean create)
{
  cairo_surface_t *surface = g_object_get_qdata (G_OBJECT (picture), _kg_canvas_surface_quark ());
  int pw = cairo_image_surface_get_width (surface), ph = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int columns = (pw + TILE - 1) / TILE, rows = (ph + TILE - 1) / TILE;
  GPtrArray *tiles = g_object_get_qdata (G_OBJECT (picture), tiles_quark ());
  GdkTexture **tile;

  if (tiles == NULL)
    {
      tiles = g_ptr_array_new_full (columns * rows, g_object_unref);
      g_ptr_array_set_size (tiles, columns * rows);
      g_object_set_qdata_full (G_OBJECT (picture), tiles_quark (), tiles, (GDestroyNotify) g_ptr_array_unref);
    }
  tile = (GdkTexture **) &g_ptr_array_index (tiles, row * columns + column);
  if (*tile == NULL && create)
    {
      int tw = MIN (TILE, pw - column * TILE), th = MIN (TILE, ph - row * TILE);
      const guchar *data = cairo_image_surface_get_data (surface)
                           + (gsize) row * TILE * stride + (gsize) column * TILE * 4;
      g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (data, (gsize) (th - 1) * stride + (gsize) tw * 4,
                                                             (GDestroyNotify) cairo_surface_destroy,
                                                             cairo_surface_reference (surface));

      *tile = gdk_memory_texture_new (tw, th, GDK_MEMORY_DEFAULT, bytes, stride);
    }
  return *tile;
}

/* The tiles of `picture` in view, its corner at widget point (x, y), k
 * widget units a pixel. At most *budget tiles are made (none when budget
 * is 0, unlimited when NULL); the places of those left out are added to
 * `missing` when given. */
static void
append_tiles (GtkSnapshot *snapshot, GdkTexture *picture, double x, double y, double k,
              double w, double h, int *budget, GArray *missing)
{
  int pw = gdk_texture_get_width (picture), ph = gdk_texture_get_height (picture);
  double side = TILE * k;
  int c0 = MAX (0, (int) floor (-x / side)), r0 = MAX (0, (int) floor (-y / side));
  int c1 = MIN ((pw - 1) / TILE, (int) floor ((w - x) / side));
  int r1 = MIN ((ph - 1) / TILE, (int) floor ((h - y) / side));

  for (int row = r0; row <= r1; row++)
    for (int column = c0; column <= c1; column++)
      {
        GdkTexture *tile = picture_tile (picture, column, row, FALSE);
        graphene_rect_t rect = GRAPHENE_RECT_INIT (x + column * side, y + row * side,
                                                   MIN (TILE, pw - column * TILE) * k,
                                                   MIN (TILE, ph - row * TILE) * k);

        if (tile == NULL && (budget == NULL || *budget > 0))
          {
            tile = picture_tile (picture, column, row, TRUE);
            if (budget != NULL)
              (*budget)--;
          }
        if (tile != NULL)
          gtk_snapshot_append_texture (snapshot, tile, &rect);
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

void
_kg_canvas_snapshot_tiles (KgCanvas    *self,
                           GtkSnapshot *snapshot,
                           double       x,
                           double       y,
                           double       w,
                           double       h,
                           double       k)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int budget = NEW_TILES_PER_FRAME;
  g_autoptr(GArray) missing = NULL;
  double px, py, pk;

  if (self->previous == NULL)
    {
      append_tiles (snapshot, self->cache, x, y, k, w, h, NULL, NULL);
      return;
    }
  /* Where the new picture's tiles are still to come, the old one as GL
   * has it: drawing both everywhere would double the cost of the frame. */
  missing = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  append_tiles (snapshot, self->cache, x, y, k, w, h, &budget, missing);
  if (missing->len == 0)
    {
      g_clear_object (&self->previous);
      return;
    }
  kg_canvas_scene_to_widget (self, self->previous_x, self->previous_y, &px, &py);
  pk = self->zoom / (self->previous_zoom * scale);
  for (guint i = 0; i < missing->len; i++)
    {
      gtk_snapshot_push_clip (snapshot, &g_array_index (missing, graphene_rect_t, i));
      append_tiles (snapshot, self->previous, px, py, pk, w, h, &(int) { 0 }, NULL);
      gtk_snapshot_pop (snapshot);
    }
  gtk_widget_add_tick_callback (GTK_WIDGET (self), next_frame_cb, NULL, NULL);
}
