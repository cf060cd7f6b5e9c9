#!/bin/sh
# Install AuraX Desktop for this user: the program under ~/.local/lib/aurax-desktop,
# the commands aurax-desktop and aurax in ~/.local/bin, and its menu entry and icons.
# No administrator rights, no Python needed. Run it from the unpacked folder:
#     ./install.sh
# Remove it again with ~/.local/lib/aurax-desktop/uninstall.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${AURAX_PREFIX:-"$HOME/.local"}
target="$prefix/lib/aurax-desktop"
manifest="$target/installed-files.txt"
app_id=in.co.aurax.Desktop

if [ ! -x "$here/aurax-desktop" ] || [ ! -x "$here/aurax" ]; then
    echo "install.sh: run me from the unpacked aurax-desktop folder." >&2
    exit 1
fi
if [ -f "$manifest" ]; then
    echo "An earlier install was found; it is replaced."
    sh "$target/uninstall.sh" --quiet
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
if [ "$here" != "$target" ]; then
    rm -rf "$target"
    cp -R "$here" "$target"
fi
: > "$manifest.new"

link() {  # link FROM TO: a symlink, recorded so that uninstall removes exactly it
    ln -sf "$1" "$2"
    echo "$2" >> "$manifest.new"
}
copy() {  # copy FROM TO
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
    echo "$2" >> "$manifest.new"
}

link "$target/aurax-desktop" "$prefix/bin/aurax-desktop"
link "$target/aurax" "$prefix/bin/aurax"
sed "s|^Exec=aurax-desktop|Exec=$target/aurax-desktop|; s|^TryExec=aurax-desktop|TryExec=$target/aurax-desktop|" \
    "$target/share/applications/$app_id.desktop" > "$prefix/share/applications/$app_id.desktop"
echo "$prefix/share/applications/$app_id.desktop" >> "$manifest.new"
copy "$target/share/metainfo/$app_id.metainfo.xml" "$prefix/share/metainfo/$app_id.metainfo.xml"
for icon in $(cd "$target/share/icons" && find . -type f); do
    copy "$target/share/icons/$icon" "$prefix/share/icons/$icon"
done
# The desktop's caches: made anew; recorded when this install is what created them.
for cache in "$prefix/share/applications/mimeinfo.cache" \
             "$prefix/share/icons/hicolor/icon-theme.cache"; do
    [ -e "$cache" ] || echo "$cache" >> "$manifest.new"
done
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
mv "$manifest.new" "$manifest"

echo "AuraX Desktop is installed: find it in your applications menu, or run aurax-desktop."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Note: $prefix/bin is not on your PATH; add it to run aurax from a terminal." ;;
esac
