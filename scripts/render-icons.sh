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
