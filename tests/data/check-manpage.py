#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The man page and `newsgraph --help` must document the same options, and
the page must format without groff warnings. Prints TAP.
usage: check-manpage.py NEWSGRAPH MANPAGE [GROFF]"""

import os
import re
import subprocess
import sys

from tap import Tap

tap = Tap()
case = tap.case


def help_options(binary):
    env = dict(os.environ, LC_ALL="C", LANGUAGE="C")
    run = subprocess.run([binary, "--help"], capture_output=True, text=True, env=env)
    case("newsgraph --help exits 0", run.returncode == 0, run.stderr)
    options = set()
    for line in run.stdout.splitlines():
        # "  -e, --export=OUT   Write …" or "  --version   Print …"
        m = re.match(r"^\s+(?:(-\w), )?(--[\w-]+)", line)
        if m:
            options.add(m.group(2))
            if m.group(1):
                options.add(m.group(1))
    return options


def man_options(text):
    # Option tags are the lines after .TP in the OPTIONS section.
    section = re.search(r"^\.SH OPTIONS\n(.*?)^\.SH ", text, re.S | re.M)
    options = set()
    if section is None:
        return options
    lines = section.group(1).splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.startswith(".TP"):
            tag = lines[i + 1].replace("\\-", "-").replace("\\fR", "").replace("\\fP", "")
            options.update(re.findall(r"(?<![\w-])(--[\w-]+|-\w)\b", tag))
    return options


def main():
    binary, manpage = sys.argv[1], sys.argv[2]
    groff = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
    with open(manpage, encoding="utf-8") as f:
        text = f.read()

    documented = man_options(text)
    helped = help_options(binary)
    case("--help lists options", len(helped) > 0)
    for option in sorted(helped):
        case("man page documents %s" % option, option in documented)
    for option in sorted(documented - helped):
        case("man page option %s exists in --help" % option, False)
    for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "INPUT FORMATS",
                    "OUTPUT FORMATS", "EXIT STATUS", "EXAMPLES", "FILES"):
        case("man page has a %s section" % heading, re.search(r"^\.SH \"?%s\"?$" % heading, text, re.M))
    for ext in (".json", ".dot", ".gv", ".graphml", ".gexf", ".svg", ".png", ".pdf", ".txt", ".md", ".html"):
        case("man page names the %s format" % ext, ext in text)

    if groff is None:
        tap.skip("groff formats the page without warnings", "groff not found")
    else:
        run = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", manpage],
                             capture_output=True, text=True)
        case("groff formats the page without warnings",
             run.returncode == 0 and run.stderr == "", run.stderr)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
