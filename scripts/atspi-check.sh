#!/usr/bin/env bash
# Drives the real window through the accessibility interface (AT-SPI), as a screen reader
# does, and fails if any action is lost: each run starts a fresh `mailtester` under Xvfb, fills
# the form through EditableText, presses "Send test email" through Action at full speed, and
# checks that a test reached a local SMTP responder with every value that was set
# (scripts/atspi_drive.py does the driving; it prints one line per run and a total). Then one
# more window proves Copy and Paste through the real X11 clipboard (scripts/clipboard_drive.py).
# One run more drives the window in German (`--lang de`), finding each widget by its German name.
#
# Everything runs in a private D-Bus session (dbus-run-session) with its own AT-SPI bus, a
# throw-away display (xvfb-run -a) and temporary XDG/config folders: nothing persists.
#
# Needs (Debian): xvfb xauth at-spi2-core python3-pyatspi dbus libgl1 libglx-mesa0
#                 libgl1-mesa-dri libxkbcommon-x11-0 xclip xdotool   (--install installs them)
# Usage: scripts/atspi-check.sh [--install] [--runs N] [--pause SECONDS] [--keep]
#   --runs N       how many fresh windows to drive (30)
#   --pause S      wait S seconds between actions (0: full speed, the real check)
#   --keep         keep each run's folder (the app's log) under /tmp
#   MAILTESTER_BIN a binary to drive instead of building target/debug/mailtester
set -euo pipefail
cd "$(dirname "$0")/.."

runs=30
install=false
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --install) install=true ;;
        --runs) runs="$2"; shift ;;
        --keep) extra+=(--keep) ;;
        --pause) extra+=(--pause "$2"); shift ;;
        *) echo "usage: $0 [--install] [--runs N] [--pause SECONDS] [--keep]" >&2; exit 2 ;;
    esac
    shift
done

packages=(xvfb xauth at-spi2-core python3-pyatspi dbus libgl1 libglx-mesa0 libgl1-mesa-dri
    libxkbcommon-x11-0 xclip xdotool)
if [[ "$install" == true ]]; then
    missing=()
    for package in "${packages[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        apt-get -o DPkg::Lock::Timeout=600 update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
            --no-install-recommends "${missing[@]}"
    fi
fi

# Debian's python: pyatspi is a Debian package, not on PyPI, and a pyenv python cannot see it.
python=/usr/bin/python3
"$python" -c 'import pyatspi' 2>/dev/null || {
    echo "python3-pyatspi is missing: run $0 --install" >&2
    exit 2
}
launcher=""
for candidate in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
    [[ -x "$candidate" ]] && launcher="$candidate" && break
done
[[ -n "$launcher" ]] || { echo "at-spi-bus-launcher not found: run $0 --install" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run not found: run $0 --install" >&2; exit 2; }
for tool in xclip xdotool; do
    command -v "$tool" >/dev/null || { echo "$tool not found: run $0 --install" >&2; exit 2; }
done

# The window as the tree has it now (a no-op when the debug build is current).
if [[ -z "${MAILTESTER_BIN:-}" ]]; then
    cargo build --bin mailtester
fi
bin="$(realpath "${MAILTESTER_BIN:-target/debug/mailtester}")"

# A private home for the session: the AT-SPI bus socket (XDG_RUNTIME_DIR), GSettings and Mesa's
# shader cache all land here and are removed at the end.
session_home="$(mktemp -d)"
chmod 700 "$session_home"
trap 'rm -rf "$session_home"' EXIT
mkdir -p "$session_home"/{runtime,config,cache,data}

# Inside the session: start the AT-SPI bus, switch accessibility on (what a desktop does when a
# screen reader starts; accesskit watches this property and connects when it turns true), then
# drive the window.
inner='
set -euo pipefail
"$LAUNCHER" --launch-immediately >/dev/null 2>&1 &
launcher_pid=$!
trap "kill $launcher_pid 2>/dev/null || true" EXIT
# Wait until it owns org.a11y.Bus (else the first call would have D-Bus start a second one).
for _ in $(seq 1 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null |
        grep -q "boolean true" && break
    sleep 0.05
done
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled \
    variant:boolean:true >/dev/null
"$PYTHON" scripts/atspi_drive.py --bin "$BIN" --runs "$RUNS" "$@"
# Once more in German: the widgets found by their German names (assets/i18n/de.ftl).
"$PYTHON" scripts/atspi_drive.py --bin "$BIN" --runs 1 --lang de "$@"
# Copy and Paste through the real X11 clipboard (xclip reads and writes it, xdotool types Ctrl+V).
"$PYTHON" scripts/clipboard_drive.py "$BIN"
# OAuth sign-in: the Sign-in list, its fields by name, a pasted token kept off the wire and the tree.
"$PYTHON" scripts/oauth_drive.py "$BIN"
'
# Harmless noise, filtered out: the D-Bus daemons cannot raise their file limit, and libatspi
# does not know the signature of accesskit's cache signals (it reads the tree without them).
XDG_RUNTIME_DIR="$session_home/runtime" XDG_CONFIG_HOME="$session_home/config" \
    XDG_CACHE_HOME="$session_home/cache" XDG_DATA_HOME="$session_home/data" \
    GSETTINGS_BACKEND=memory NO_AT_BRIDGE=0 LANGUAGE= LC_ALL= LC_MESSAGES= LANG=C.UTF-8 \
    LAUNCHER="$launcher" PYTHON="$python" BIN="$bin" RUNS="$runs" \
    dbus-run-session -- xvfb-run -a -s '-screen 0 1280x820x24' \
    bash -c "$inner" inner "${extra[@]}" 2> >(grep -v -e 'Failed to set fd limit' -e 'dbind-WARNING' -e '^$' >&2)
