#!/usr/bin/env bash
# Installs Mail Settings Tester on Linux: the binary, the desktop entry, the AppStream metainfo
# and the icons. Safe to run again (files are simply replaced).
#
#   cargo build --release
#   sudo dist/install.sh            # PREFIX defaults to /usr/local
#   sudo dist/install.sh /usr
#   DESTDIR="$pkgdir" dist/install.sh /usr   # staging for a distribution package
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-${PREFIX:-/usr/local}}"
root="${DESTDIR:-}${prefix}"
app_id=io.github.mailsettingstester.MailSettingsTester
binary=target/release/mailtester

if [[ ! -x "$binary" ]]; then
    echo "install: $binary not found; run 'cargo build --release' first" >&2
    exit 1
fi

install -Dm755 "$binary" "$root/bin/mailtester"
install -Dm644 dist/mail-settings-tester.desktop "$root/share/applications/mail-settings-tester.desktop"
install -Dm644 "dist/$app_id.metainfo.xml" "$root/share/metainfo/$app_id.metainfo.xml"
for size in 16 32 48 64 128 256 512; do
    install -Dm644 "assets/icon-$size.png" \
        "$root/share/icons/hicolor/${size}x${size}/apps/mail-settings-tester.png"
done
install -Dm644 assets/icon.svg "$root/share/icons/hicolor/scalable/apps/mail-settings-tester.svg"

# Refresh the desktop's caches when installing onto this machine (not when staging a package).
if [[ -z "${DESTDIR:-}" ]]; then
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$root/share/icons/hicolor" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$root/share/applications" || true
    fi
fi

echo "Installed Mail Settings Tester under $root"
