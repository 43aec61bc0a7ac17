/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kg-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "kg-canvas-private.h"
#include "kg-window-private.h"

/*
 * kg-bench-view FILE.dot [FRAMES]
 *
 * The window as a reader gets it: a KgApplication whose window opens FILE
 * through kg_window_open_files() (what the Open dialog and the command line
 * do). Prints, one "key value" per line:
 *   open-ms      from the call to the end of the first frame showing the graph
 *   pan-*        frames while the view moves 15 px a frame at zoom 1
 *   zoom-*       frames while it zooms in by 5 % a frame from the fitted view,
 *                then out again
 *   peak-rss-mb  getrusage's ru_maxrss at the end
 * It fails when the canvas hides any node. KG_BENCH_FRAMES=1 prints every
 * frame to stderr.
 * A frame's interval is the time between the ends of two frames (what the
 * reader sees); its work is the time from before-paint to after-paint (what
 * the app spent on it). Run under Xvfb; GSK_RENDERER picks the renderer.
 */

typedef enum
{
  PHASE_WAIT,     /* the empty window's first frames */
  PHASE_OPENING,
  PHASE_SETTLE,
  PHASE_PAN,
  PHASE_ZOOM_SETTLE,
  PHASE_ZOOM,
  PHASE_DONE,
} Phase;

typedef struct
{
  GApplication *app;
  KgWindow     *window;
  GFile        *file;
  guint         n_frames;
  Phase         phase;
  guint         frame;
  gint64        t_open;
  gint64        t_phase;
  gint64        t_before_paint;
  gint64        t_last_paint;
  GArray       *intervals;   /* double ms */
  GArray       *work;
  gboolean      ticking;
} Bench;

static gint64
now (void)
{
  return g_get_monotonic_time ();
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *name, GArray *values)
{
  double median, worst;

  if (values->len == 0)
    {
      g_print ("%s-frames 0\n", name);
      return;
    }
  g_array_sort (values, compare_double);
  median = g_array_index (values, double, values->len / 2);
  worst = g_array_index (values, double, values->len - 1);
  g_print ("%s-median-ms %.1f\n%s-worst-ms %.1f\n", name, median, name, worst);
}

static void
finish_phase (Bench *b, const char *name)
{
  g_print ("%s-frames %u\n", name, b->intervals->len);
  print_stats (name, b->intervals);
  {
    g_autofree char *work = g_strconcat (name, "-work", NULL);
    print_stats (work, b->work);
  }
  g_array_set_size (b->intervals, 0);
  g_array_set_size (b->work, 0);
  b->frame = 0;
}

static KgCanvas *
canvas_of (Bench *b)
{
  return kg_window_get_canvas (b->window);
}

/* Drives the view once per frame while a phase runs. */
static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Bench *b = data;
  KgCanvas *canvas = canvas_of (b);
  double w = gtk_widget_get_width (GTK_WIDGET (canvas)), h = gtk_widget_get_height (GTK_WIDGET (canvas));

  if (b->phase == PHASE_PAN)
    {
      canvas->tx -= 15;
      gtk_widget_queue_draw (GTK_WIDGET (canvas));
    }
  else if (b->phase == PHASE_ZOOM)
    kg_canvas_zoom_at (canvas, b->frame < b->n_frames / 2 ? 1.05 : 1 / 1.05, w / 2, h / 2);
  return G_SOURCE_CONTINUE;
}

static void
start_ticking (Bench *b)
{
  if (b->ticking)
    return;
  b->ticking = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (canvas_of (b)), tick_cb, b, NULL);
}

/* Frames of a canvas with nothing drawn measure nothing. */
static void
exit_unless_all_shown (KgCanvas *canvas)
{
  KgGraph *graph = kg_canvas_get_graph (canvas);
  guint shown = 0, n = kg_canvas_get_scene (canvas)->n_nodes;

  for (guint i = 0; i < kg_graph_get_n_entities (graph); i++)
    shown += kg_canvas_is_entity_visible (canvas, i);
  if (shown < n)
    {
      g_printerr ("kg-bench-view: %u of %u nodes are shown\n", shown, n);
      exit (1);
    }
}

static gboolean
open_cb (gpointer data)
{
  Bench *b = data;

  b->phase = PHASE_OPENING;
  b->t_open = now ();
  kg_window_open_files (b->window, &b->file, 1);
  return G_SOURCE_REMOVE;
}

static void
before_paint_cb (GdkFrameClock *clock, Bench *b)
{
  b->t_before_paint = now ();
}

static void
record_frame (Bench *b, gint64 t)
{
  double interval = (t - b->t_last_paint) / 1000.0;
  double work = (t - b->t_before_paint) / 1000.0;

  /* The first frame of a phase follows an idle time: not an interval. */
  if (b->frame > 0)
    g_array_append_val (b->intervals, interval);
  if (g_getenv ("KG_BENCH_FRAMES") != NULL)
    g_printerr ("frame %u %.1f work %.1f zoom %.3f cache %.3f rendering %d\n", b->frame, interval, work, kg_canvas_get_zoom (canvas_of (b)), canvas_of (b)->cache_zoom, canvas_of (b)->rendering);
  g_array_append_val (b->work, work);
  b->frame++;
}

static void
after_paint_cb (GdkFrameClock *clock, Bench *b)
{
  gint64 t = now ();
  KgCanvas *canvas = canvas_of (b);

  switch (b->phase)
    {
    case PHASE_WAIT:
      if (++b->frame == 3)
        {
          b->frame = 0;
          g_idle_add (open_cb, b);
        }
      break;
    case PHASE_OPENING:
      if (kg_canvas_get_scene (canvas) != NULL && kg_canvas_is_drawn (canvas))
        {
          g_print ("renderer %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (b->window))));
          g_print ("nodes %u\n", kg_canvas_get_scene (canvas)->n_nodes);
          exit_unless_all_shown (canvas);
          g_print ("open-ms %.1f\n", (t - b->t_open) / 1000.0);
          /* Reading zoom, then a pause for the drawing to settle. */
          kg_canvas_zoom_at (canvas, 1.0 / kg_canvas_get_zoom (canvas),
                             gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0,
                             gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0);
          b->phase = PHASE_SETTLE;
          b->t_phase = t;
          start_ticking (b);
        }
      break;
    case PHASE_SETTLE:
    case PHASE_ZOOM_SETTLE:
      if (t - b->t_phase > 500000)
        {
          b->phase = b->phase == PHASE_SETTLE ? PHASE_PAN : PHASE_ZOOM;
          b->frame = 0;
        }
      break;
    case PHASE_PAN:
      record_frame (b, t);
      if (b->frame > b->n_frames)
        {
          finish_phase (b, "pan");
          kg_canvas_zoom_fit (canvas);
          b->phase = PHASE_ZOOM_SETTLE;
          b->t_phase = t;
        }
      break;
    case PHASE_ZOOM:
      record_frame (b, t);
      if (b->frame > b->n_frames)
        {
          struct rusage usage;

          finish_phase (b, "zoom");
          getrusage (RUSAGE_SELF, &usage);
          g_print ("peak-rss-mb %.0f\n", usage.ru_maxrss / 1024.0);
          b->phase = PHASE_DONE;
          g_application_quit (b->app);
        }
      break;
    case PHASE_DONE:
    default:
      break;
    }
  b->t_last_paint = t;
}

static gboolean
redraw_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Bench *b = data;

  if (b->phase != PHASE_WAIT)
    return G_SOURCE_REMOVE;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
window_realized_cb (GtkWidget *window, Bench *b)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), b);
  /* The empty window does not animate: make it draw a few frames. */
  gtk_widget_add_tick_callback (window, redraw_cb, b, NULL);
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Bench *b)
{
  if (b->window != NULL || !KG_IS_WINDOW (window))
    return;
  b->window = KG_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), b);
}

static gboolean
timeout_cb (gpointer data)
{
  Bench *b = data;

  g_printerr ("kg-bench-view: gave up in phase %d after 180 s\n", b->phase);
  exit (1);
}

int
main (int argc, char **argv)
{
  Bench b = { 0 };
  g_autoptr(KgApplication) app = NULL;
  char *args[] = { argv[0], NULL };

  if (argc < 2)
    {
      g_printerr ("usage: kg-bench-view FILE.dot [FRAMES]\n");
      return 2;
    }
  b.file = g_file_new_for_commandline_arg (argv[1]);
  b.n_frames = argc > 2 ? atoi (argv[2]) : 90;
  b.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  b.work = g_array_new (FALSE, FALSE, sizeof (double));
  app = kg_application_new ();
  b.app = G_APPLICATION (app);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &b);
  g_timeout_add_seconds (180, timeout_cb, &b);
  g_application_run (G_APPLICATION (app), 1, args);
  g_object_unref (b.file);
  g_array_unref (b.intervals);
  g_array_unref (b.work);
  return b.phase == PHASE_DONE ? 0 : 1;
}
