# SPDX-License-Identifier: GPL-3.0-or-later
"""A few lines of TAP for the check-*.py scripts: meson counts each case."""


class Tap:
    def __init__(self):
        self.cases = []

    def case(self, name, passed, detail=""):
        self.cases.append((name, bool(passed), detail))

    def skip(self, name, reason):
        self.cases.append(("%s # SKIP %s" % (name, reason), True, ""))

    def finish(self):
        """Prints the plan and the cases; returns the exit status."""
        failed = False
        for number, (name, passed, detail) in enumerate(self.cases, 1):
            print("%s %d - %s" % ("ok" if passed else "not ok", number, name))
            if not passed:
                failed = True
                for line in str(detail).splitlines():
                    print("# " + line)
        print("1..%d" % len(self.cases))
        return 1 if failed else 0
