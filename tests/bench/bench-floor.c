/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a frame costs GTK itself, with no Newsgraph code: a 1280×800 window
 * that asks for a frame on every tick and draws either one colour over the
 * whole window ("fill") or a window-sized picture moved 15 px a frame, as
 * panning a cached scene does ("picture"). tools/bench runs it per renderer,
 * so that the canvas's own figures can be read against the floor the
 * renderer sets on this machine.
 *
 *   kg-bench-floor fill|picture
 *
 * Prints "key value" lines: <mode>-median-ms, <mode>-worst-ms, renderer,
 * <mode>-peak-rss-mb, and <mode>-first-frame-us, the wall-clock time (µs)
 * at the end of the first frame, for the time from process start.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define WIDTH 1280
#define HEIGHT 800
#define MARGIN 480          /* how far the picture moves before it wraps */
#define WARMUP_FRAMES 10
#define MEASURED_FRAMES 90

typedef struct
{
  gboolean    picture;
  GdkTexture *texture;
  guint       frame;
  gint64      last_us;
  GArray     *intervals_ms;   /* double */
  GMainLoop  *loop;
} Floor;

/* A picture with detail everywhere, so no renderer can take a short cut. */
static GdkTexture *
make_texture (void)
{
  gsize stride = (WIDTH + MARGIN) * 4;
  guchar *pixels = g_malloc (stride * HEIGHT);

  for (gsize y = 0; y < HEIGHT; y++)
    for (gsize x = 0; x < WIDTH + MARGIN; x++)
      {
        guchar *p = pixels + y * stride + x * 4;
        p[0] = x * 7;
        p[1] = y * 5;
        p[2] = (x ^ y) & 0xff;
        p[3] = 0xff;
      }
  g_autoptr(GBytes) bytes = g_bytes_new_take (pixels, stride * HEIGHT);
  return gdk_memory_texture_new (WIDTH + MARGIN, HEIGHT, GDK_MEMORY_R8G8B8A8, bytes, stride);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (Floor     *floor,
        GtkWidget *widget)
{
  const char *mode = floor->picture ? "picture" : "fill";
  GArray *ms = floor->intervals_ms;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  qsort (ms->data, ms->len, sizeof (double), compare_doubles);
  g_print ("%s-median-ms %.1f\n", mode, g_array_index (ms, double, ms->len / 2));
  g_print ("%s-worst-ms %.1f\n", mode, g_array_index (ms, double, ms->len - 1));
  g_print ("renderer %s\n", G_OBJECT_TYPE_NAME (renderer));
}

static void
print_peak_rss (const char *mode)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%s-peak-rss-mb %.0f\n", mode, usage.ru_maxrss / 1024.0);
}

static void
first_frame_cb (GdkFrameClock *clock,
                Floor         *floor)
{
  g_print ("%s-first-frame-us %" G_GINT64_FORMAT "\n", floor->picture ? "picture" : "fill", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, floor);
}

static void
realize_cb (GtkWidget *window,
            Floor     *floor)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), floor);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Floor *floor = data;
  gint64 now = g_get_monotonic_time ();

  (void) clock;
  if (floor->frame > WARMUP_FRAMES)
    {
      double ms = (now - floor->last_us) / 1000.0;
      g_array_append_val (floor->intervals_ms, ms);
    }
  floor->last_us = now;
  floor->frame++;
  if (floor->intervals_ms->len >= MEASURED_FRAMES)
    {
      report (floor, widget);
      g_main_loop_quit (floor->loop);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
draw_frame (GtkSnapshot *snapshot,
            Floor       *floor)
{
  if (floor->picture)
    {
      float dx = (floor->frame * 15) % MARGIN;
      gtk_snapshot_append_texture (snapshot, floor->texture,
                                   &GRAPHENE_RECT_INIT (-dx, 0, WIDTH + MARGIN, HEIGHT));
    }
  else
    {
      GdkRGBA colour = { (floor->frame % 50) / 50.0f, 0.5f, 0.7f, 1.0f };
      gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
    }
}

/* A GtkDrawingArea would draw through cairo on every renderer; a widget's
 * own snapshot keeps the renderer's fast paths, as the canvas does. */
typedef struct { GtkWidget parent_instance; Floor *floor; } KgFloorWidget;
typedef struct { GtkWidgetClass parent_class; } KgFloorWidgetClass;
static GType kg_floor_widget_get_type (void);
G_DEFINE_TYPE (KgFloorWidget, kg_floor_widget, GTK_TYPE_WIDGET)

static void
kg_floor_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  draw_frame (snapshot, ((KgFloorWidget *) widget)->floor);
}

static void
kg_floor_widget_class_init (KgFloorWidgetClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = kg_floor_widget_snapshot;
}

static void
kg_floor_widget_init (KgFloorWidget *self)
{
  (void) self;
}

int
main (int    argc,
      char **argv)
{
  Floor floor = { 0 };
  GtkWidget *window, *widget;

  if (argc != 2 || (strcmp (argv[1], "fill") != 0 && strcmp (argv[1], "picture") != 0))
    {
      g_printerr ("usage: kg-bench-floor fill|picture\n");
      return 2;
    }
  gtk_init ();
  floor.picture = strcmp (argv[1], "picture") == 0;
  floor.texture = floor.picture ? make_texture () : NULL;
  floor.intervals_ms = g_array_new (FALSE, FALSE, sizeof (double));
  floor.loop = g_main_loop_new (NULL, FALSE);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  widget = g_object_new (kg_floor_widget_get_type (), NULL);
  ((KgFloorWidget *) widget)->floor = &floor;
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_widget_add_tick_callback (widget, on_tick, &floor, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), &floor);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (floor.loop);
  print_peak_rss (argv[1]);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&floor.texture);
  g_array_unref (floor.intervals_ms);
  g_main_loop_unref (floor.loop);
  return 0;
}
