#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without building it (no runtime can be
downloaded here): flatpak-builder must read it without a warning, and the
sandbox and modules must be the ones the project promises. Prints TAP.
usage: check-flatpak.py MANIFEST [FLATPAK-BUILDER]"""

import json
import os
import re
import subprocess
import sys
import tempfile

from tap import Tap

APP_ID = "io.github.newsgraph.Newsgraph"
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
GRAPHVIZ_URL = re.compile(
    r"^https://gitlab\.com/api/v4/projects/4207231/packages/generic/graphviz-releases/"
    r"(\d+\.\d+\.\d+)/graphviz-\1\.tar\.(xz|gz)$")

tap = Tap()
case = tap.case


def check_show_manifest(path, builder):
    if builder is None:
        tap.skip("flatpak-builder --show-manifest", "flatpak-builder not found")
        return
    # flatpak-builder leaves a state directory in its working directory.
    with tempfile.TemporaryDirectory() as scratch:
        run = subprocess.run([builder, "--show-manifest", os.path.abspath(path)],
                             capture_output=True, text=True, cwd=scratch)
    case("flatpak-builder --show-manifest reads it without warnings",
         run.returncode == 0 and run.stderr.strip() == "", run.stderr)


def check_app(manifest):
    case("app id is " + APP_ID, manifest.get("id", manifest.get("app-id")) == APP_ID)
    case("runtime is org.gnome.Platform", manifest.get("runtime") == "org.gnome.Platform")
    case("sdk is org.gnome.Sdk", manifest.get("sdk") == "org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    case("runtime-version is a GNOME release >= 47 (%s)" % version,
         version.isdigit() and int(version) >= 47)
    case("command is newsgraph", manifest.get("command") == "newsgraph")
    args = manifest.get("finish-args", [])
    case("finish-args are exactly " + " ".join(FINISH_ARGS), sorted(args) == sorted(FINISH_ARGS),
         "got " + " ".join(args))
    case("no --filesystem access: files come through portals",
         not any(a.startswith("--filesystem") for a in args))


def check_modules(manifest):
    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    case("modules are graphviz then newsgraph", names == ["graphviz", "newsgraph"], "got %s" % names)
    case("json-glib comes from the runtime", not any("json-glib" in str(n) for n in names))
    by_name = {m.get("name"): m for m in modules if isinstance(m, dict)}

    graphviz = by_name.get("graphviz", {})
    sources = graphviz.get("sources", [])
    archive = sources[0] if len(sources) == 1 and isinstance(sources[0], dict) else {}
    case("graphviz builds from its release tarball",
         archive.get("type") == "archive" and GRAPHVIZ_URL.match(archive.get("url", "")),
         "url: %s" % archive.get("url"))
    case("graphviz tarball has a sha256",
         re.fullmatch(r"[0-9a-f]{64}", archive.get("sha256", "")) is not None)
    case("graphviz registers its plugins with dot -c after install",
         "dot -c" in graphviz.get("post-install", []))

    app = by_name.get("newsgraph", {})
    case("newsgraph builds with meson", app.get("buildsystem") == "meson")
    app_sources = app.get("sources", [])
    case("newsgraph builds from this checkout",
         any(s.get("type") == "dir" and s.get("path") == ".." for s in app_sources))


def main():
    path = sys.argv[1]
    builder = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    check_show_manifest(path, builder)
    check_app(manifest)
    check_modules(manifest)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
