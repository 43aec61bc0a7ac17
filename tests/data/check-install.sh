#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary DESTDIR and checks, one TAP case per
# file, that everything lands where GNOME looks for it, and that the installed
# pieces work: the binary runs, the schema compiles, the catalogues load.
# usage: check-install.sh BUILDDIR PREFIX BINDIR DATADIR MANDIR LOCALEDIR APP_ID VERSION
set -u
build=$1 prefix=$2 bindir=$3 datadir=$4 mandir=$5 localedir=$6 app_id=$7 version=$8

dest=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT
root=$dest$prefix
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# `meson test` builds only what tests name, so let install build the rest
# (catalogues, data) first. meson skips the post-install cache updates when
# DESTDIR is set.
if ! meson install -C "$build" --destdir "$dest" >"$dest.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - meson install --destdir"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

files=(
  "$bindir/newsgraph"
  "$datadir/applications/$app_id.desktop"
  "$datadir/metainfo/$app_id.metainfo.xml"
  "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  "$datadir/mime/packages/$app_id.xml"
  "$mandir/man1/newsgraph.1"
)
while read -r lang; do
  case $lang in ''|\#*) continue ;; esac
  files+=("$localedir/$lang/LC_MESSAGES/newsgraph.mo")
done < "$(dirname "$0")/../../po/LINGUAS"

echo "# installed tree under $prefix:"
(cd "$root" && find . -type f | LC_ALL=C sort | sed 's/^/#   /')

for f in "${files[@]}"; do
  [ -f "$root/$f" ] && [ -s "$root/$f" ]
  ok $? "installed $prefix/$f"
done

[ -x "$root/$bindir/newsgraph" ]
ok $? "$bindir/newsgraph is executable"

out=$("$root/$bindir/newsgraph" --version 2>&1)
[ "$out" = "newsgraph $version" ]
ok $? "installed newsgraph --version prints 'newsgraph $version' (got '$out')"

exec_line=$(grep '^Exec=' "$root/$datadir/applications/$app_id.desktop")
[ "${exec_line#Exec=}" != "$exec_line" ] && [ "$(basename "$(echo "${exec_line#Exec=}" | cut -d' ' -f1)")" = newsgraph ]
ok $? "the desktop file runs the installed binary ($exec_line)"

grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$root/$datadir/metainfo/$app_id.metainfo.xml"
ok $? "the metainfo launches the installed desktop file"

schemas=$dest/compiled
mkdir -p "$schemas"
glib-compile-schemas --strict --targetdir="$schemas" "$root/$datadir/glib-2.0/schemas"
ok $? "the installed schema compiles"

keys=$(gsettings --schemadir "$schemas" list-keys "$app_id" 2>&1 | LC_ALL=C sort | tr '\n' ' ')
[ "$keys" = "details-width layout-engine sidebar-width style window-height window-maximized window-width " ]
ok $? "gsettings lists the window's keys from the installed schema (got: $keys)"

for f in "${files[@]}"; do
  case $f in
    *.mo)
      count=$(($(msgunfmt "$root/$f" 2>/dev/null | grep -c '^msgid ') - 1))
      [ "$count" -gt 0 ]
      ok $? "$f is a catalogue with translations ($count messages)" ;;
  esac
done

echo "1..$n"
exit $failed
