#!/bin/sh
# Remove AuraX Desktop as install.sh put it: exactly the files it recorded, and the
# program's folder. Your history, settings and results are kept (they live in your
# data folder: see Help -> Open the data folder).
set -eu
prefix=${AURAX_PREFIX:-"$HOME/.local"}
target="$prefix/lib/aurax-desktop"
manifest="$target/installed-files.txt"
quiet=${1:-}

if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: AuraX Desktop is not installed under $prefix." >&2
    exit 1
fi
icons="$prefix/share/icons/hicolor"
while IFS= read -r path; do
    case "$path" in
        "$prefix"/*) rm -f "$path" ;;
        *) echo "uninstall.sh: skipped $path (outside $prefix)" >&2; continue ;;
    esac
    # Icon folders this install made and left empty (never hicolor itself).
    folder=$(dirname "$path")
    while [ "${folder#"$icons"/}" != "$folder" ] && rmdir "$folder" 2>/dev/null; do
        folder=$(dirname "$folder")
    done
done < "$manifest"
rm -rf "$target"
# Caches this install did not create are brought up to date without its files.
if [ -e "$prefix/share/applications/mimeinfo.cache" ]; then
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$prefix/share/applications" || true
fi
if [ -e "$icons/icon-theme.cache" ]; then
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$icons" || true
fi
[ "$quiet" = "--quiet" ] || echo "AuraX Desktop was removed. Your history and settings are kept."
