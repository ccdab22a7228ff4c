#!/bin/sh
# Installs zapdesk for the current user, without root:
#   ~/.local/opt/zapdesk        the program
#   ~/.local/bin/zapdesk        the command
#   ~/.local/share/...          the menu entry (and wa.me/whatsapp: links), icons, metainfo
# ./install.sh [--prefix DIR] [--uninstall]     (DIR defaults to ~/.local)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=$HOME/.local
action=install
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift ;;
    --prefix=*) prefix=${1#--prefix=} ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
app=$prefix/opt/zapdesk
share=$prefix/share
files="applications/zapdesk.desktop metainfo/io.github.zapdesk.zapdesk.metainfo.xml
$(cd "$here/share" && find icons -type f)"

refresh() {  # menus and icon caches notice the change (where those tools exist)
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -rf "$app"
  [ -L "$prefix/bin/zapdesk" ] && rm -f "$prefix/bin/zapdesk"
  for f in $files; do rm -f "$share/$f"; done
  refresh
  echo "zapdesk is uninstalled (your accounts, settings and conversations are kept)."
  exit 0
fi

rm -rf "$app"
mkdir -p "$app" "$prefix/bin"
cp -R "$here/zapdesk/." "$app/"
ln -sfn "$app/zapdesk" "$prefix/bin/zapdesk"
for f in $files; do
  mkdir -p "$(dirname "$share/$f")"
  cp "$here/share/$f" "$share/$f"
done
# The menu entry starts this copy, whether or not PREFIX/bin is on the PATH.
sed -i "s|^Exec=zapdesk|Exec=$app/zapdesk|; s|^TryExec=zapdesk|TryExec=$app/zapdesk|" \
  "$share/applications/zapdesk.desktop"
refresh
echo "zapdesk $(basename "$here" | cut -d- -f2) is installed in $app."
echo "Start it from the applications menu, or run: $prefix/bin/zapdesk"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "($prefix/bin is not on your PATH; add it to run plain 'zapdesk'.)" ;;
esac
