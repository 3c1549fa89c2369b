#!/usr/bin/env bash
# Regenerates assets/icon-<size>.png from assets/icon.svg.
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin; Fedora: librsvg2-tools;
# macOS: brew install librsvg). Run it again after every change to the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render-icons: rsvg-convert not found; install librsvg2-bin (Debian/Ubuntu)" >&2
    exit 1
fi

for size in 16 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        assets/icon.svg --output "assets/icon-$size.png"
    echo "assets/icon-$size.png"
done

# The Windows icon (the .exe, the installer, the Start menu): every size in one .ico. Needs
# ImageMagick (Debian: imagemagick).
if command -v convert >/dev/null 2>&1; then
    convert assets/icon-{16,32,48,64,128,256}.png assets/icon.ico
    echo "assets/icon.ico"
else
    echo "render-icons: ImageMagick's convert not found: assets/icon.ico not regenerated" >&2
fi
