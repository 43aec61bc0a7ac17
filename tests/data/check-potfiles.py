#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES must name every source file with user-visible strings (or
translators never see them) and only files that exist (or newsgraph-pot
fails). Prints TAP.
usage: check-potfiles.py SOURCE_ROOT"""

import os
import re
import sys

from tap import Tap

MARKED = {
    ".c": re.compile(r"\b(?:N_|_|C_|NC_|g_dgettext|ngettext)\s*\("),
    ".ui": re.compile(r'translatable="yes"'),
}
ALWAYS = ("src/main.c",)


def listed_files(root):
    with open(os.path.join(root, "po", "POTFILES"), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def marked_files(root):
    found = set(ALWAYS)
    for top in ("src", "ui"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                pattern = MARKED.get(os.path.splitext(name)[1])
                path = os.path.join(folder, name)
                if pattern is None:
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    if pattern.search(f.read()):
                        found.add(os.path.relpath(path, root))
    for name in os.listdir(os.path.join(root, "data")):
        if name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
            found.add("data/" + name)
    return found


def main():
    root = sys.argv[1]
    listed = listed_files(root)
    tap = Tap()
    for path in listed:
        tap.case("POTFILES entry %s exists" % path, os.path.isfile(os.path.join(root, path)))
    tap.case("POTFILES names each file once", len(listed) == len(set(listed)))
    for path in sorted(marked_files(root)):
        tap.case("%s has translatable strings and is in POTFILES" % path, path in listed)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
