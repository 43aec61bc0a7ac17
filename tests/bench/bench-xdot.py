#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""xdot's figures on the files Newsgraph's benchmark opens, for comparison.

    bench-xdot.py LAID.dot [FRAMES]

Opens the laid-out DOT file in xdot's DotWidget the way xdot does (the file
goes through a Graphviz filter producing xdot; `neato -n2` keeps the saved
positions), then pans 15 px a frame at xdot's default zoom. Prints
"key value" lines like kg-bench-view: open-ms (set_dotcode to the end of the
first draw), pan-median-ms / pan-worst-ms (intervals between the ends of two
frames) and pan-draw-median-ms (the draw handler alone). Run under Xvfb with
the system's Python (xdot is a Debian package).
"""

import os
import statistics
import sys
import tempfile
import time

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gtk  # noqa: E402
from xdot.ui.window import DotWidget  # noqa: E402


def now():
    return time.monotonic()


class Bench:
    def __init__(self, path, frames, filter_path):
        self.path = path
        self.frames = frames
        self.window = Gtk.Window()
        self.window.set_default_size(1280, 800)
        self.widget = DotWidget()
        self.widget.set_filter(filter_path)
        self.window.add(self.widget)
        self.phase = "wait"
        self.frame = 0
        self.t_open = None
        self.t_last = None
        self.intervals = []
        self.draws = []
        # DotWidget draws in its own "draw" handler through _draw_graph.
        draw_graph = self.widget._draw_graph

        def timed_draw_graph(cr, rect):
            t = now()
            draw_graph(cr, rect)
            if self.phase == "pan":
                self.draws.append((now() - t) * 1000)

        self.widget._draw_graph = timed_draw_graph
        self.window.connect("realize", self.realized)
        self.window.show_all()

    def realized(self, window):
        window.get_frame_clock().connect("after-paint", self.after_paint)

    def open(self):
        with open(self.path, "rb") as f:
            code = f.read()
        self.phase = "opening"
        self.t_open = now()
        self.widget.set_dotcode(code)
        self.widget.queue_draw()
        return False

    def after_paint(self, clock):
        t = now()
        if self.phase == "wait":
            self.frame += 1
            if self.frame == 2:
                GLib.idle_add(self.open)
            else:
                self.widget.queue_draw()
        elif self.phase == "opening":
            print("open-ms %.1f" % ((t - self.t_open) * 1000))
            self.phase = "pan"
            self.frame = 0
            self.widget.add_tick_callback(self.tick)
        elif self.phase == "pan":
            if self.frame > 0:
                self.intervals.append((t - self.t_last) * 1000)
            self.frame += 1
            if self.frame > self.frames:
                self.finish()
        self.t_last = t

    def tick(self, widget, clock):
        if self.phase != "pan":
            return False
        widget.x += 15 / widget.zoom_ratio
        widget.queue_draw()
        return True

    def finish(self):
        self.phase = "done"
        print("pan-frames %d" % len(self.intervals))
        print("pan-median-ms %.1f" % statistics.median(self.intervals))
        print("pan-worst-ms %.1f" % max(self.intervals))
        print("pan-draw-median-ms %.1f" % statistics.median(self.draws))
        Gtk.main_quit()


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: bench-xdot.py LAID.dot [FRAMES]\n")
        return 2
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    with tempfile.TemporaryDirectory() as tmp:
        # xdot runs its filter as FILTER -Txdot; this one keeps the positions.
        filter_path = os.path.join(tmp, "neato-n2")
        with open(filter_path, "w") as f:
            f.write('#!/bin/sh\nexec neato -n2 "$@"\n')
        os.chmod(filter_path, 0o755)
        Bench(sys.argv[1], frames, filter_path)
        GLib.timeout_add_seconds(600, lambda: sys.exit("bench-xdot: gave up after 600 s"))
        Gtk.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
