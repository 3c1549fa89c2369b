#!/usr/bin/env bash
# The Windows program, built and tested on Linux (and the macOS type-check):
#
#   scripts/windows.sh install        Debian packages and Rust targets (root; CI runs it)
#   scripts/windows.sh setup          a private Wine prefix with the test-only helpers
#   scripts/windows.sh clippy         clippy -D warnings for Windows, every target
#   scripts/windows.sh check-macos    clippy -D warnings for macOS (type-check only; nothing links)
#   scripts/windows.sh test           every test suite of the Windows build under Wine
#   scripts/windows.sh package [--profile P]
#                                     the installer and the portable zip (dist/windows/)
#   scripts/windows.sh smoke [--profile P]
#                                     install under Wine, start it, screenshot, --help, the seed
#                                     case against the test Postfix (MAILTESTER_POSTFIX_ENV)
#
# Wine runs in its own prefix under target/wine-prefix (never ~/.wine). Two test-only helpers
# are built there with mingw and never shipped: bcryptprimitives.dll, a stand-in for the
# ProcessPrng that Rust's standard library calls and Wine 8 lacks, and clipboard.exe, a plain
# Win32 program that reads and writes the clipboard (to prove Copy and Paste).
# Noisy tool output goes to target/windows-logs/ and is shown only when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOWS_TARGET=x86_64-pc-windows-gnu
MACOS_TARGET=aarch64-apple-darwin
root="$PWD"
export WINEPREFIX="${WINEPREFIX:-$root/target/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# The Windows build's programs without symbol tables: each of the ~30 test programs is a third
# smaller (155 MB → 105 MB; README, "Set up": disk space). A panic still names its file and line;
# a backtrace under Wine shows addresses (it showed little more before).
export CARGO_PROFILE_DEV_STRIP="${CARGO_PROFILE_DEV_STRIP:-symbols}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}" # no Mono/Gecko prompts
tools="$root/target/windows-tools"
logs="$root/target/windows-logs"
mkdir -p "$logs"

say() { printf '%s\n' "$*"; }
# Runs a command with its output in a log file; shows the log's end only when it fails.
quietly() {
    local name=$1
    shift
    if ! "$@" >"$logs/$name.log" 2>&1; then
        tail -n 60 "$logs/$name.log" >&2
        say "failed: $* (whole log: $logs/$name.log)" >&2
        return 1
    fi
}

install() {
    [[ "$(id -u)" == 0 ]] || { say "install needs root: sudo $0 install" >&2; exit 2; }
    say "installing Wine, mingw-w64, NSIS and zip (Debian packages; about a minute)"
    quietly apt-install bash -c 'DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
        install -y --no-install-recommends wine wine64 gcc-mingw-w64-x86-64 nsis zip unzip \
        xvfb xauth x11-utils xdotool imagemagick openssl </dev/null \
        || { apt-get -o DPkg::Lock::Timeout=600 update </dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
                --no-install-recommends wine wine64 gcc-mingw-w64-x86-64 nsis zip unzip \
                xvfb xauth x11-utils xdotool imagemagick openssl </dev/null; }'
    say "adding the Rust targets $WINDOWS_TARGET and $MACOS_TARGET"
    quietly rustup-targets rustup target add "$WINDOWS_TARGET" "$MACOS_TARGET"
}

wine64() {
    local wine
    for wine in /usr/lib/wine/wine64 "$(command -v wine64 || true)" "$(command -v wine || true)"; do
        [[ -n "$wine" && -x "$wine" ]] && { "$wine" "$@"; return; }
    done
    say "Wine is not installed: sudo $0 install" >&2
    return 127
}

setup() {
    command -v x86_64-w64-mingw32-gcc >/dev/null || { say "mingw-w64 is missing: sudo $0 install" >&2; exit 2; }
    mkdir -p "$tools"
    if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
        say "creating the Wine prefix $WINEPREFIX (about 20 s the first time)"
        quietly wineboot wine64 wineboot --init
    fi
    x86_64-w64-mingw32-gcc -shared -O2 -o "$tools/bcryptprimitives.dll" \
        scripts/windows/processprng.c scripts/windows/processprng.def -lbcrypt
    x86_64-w64-mingw32-gcc -municode -O2 -o "$tools/clipboard.exe" scripts/windows/clipboard.c
    cp "$tools/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
    # A crashing program ends at once instead of waiting for Wine's debugger (which hangs
    # without a desktop to show it on).
    quietly no-debugger wine64 reg add \
        'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Debugger /d false /f
    say "Wine prefix ready: $WINEPREFIX (ProcessPrng stand-in, clipboard.exe in $tools)"
}

clippy() {
    cargo clippy --target "$WINDOWS_TARGET" --all-targets -- -D warnings
}

check_macos() {
    # ring's build script compiles C; for a type-check a compiler that writes empty objects is
    # enough (nothing is linked). Linking, a .app and signing need a Mac.
    local fake="$root/target/macos-fake-cc"
    mkdir -p "$fake"
    cat >"$fake/cc" <<'EOF'
#!/bin/sh
# Stand-in C compiler for type-checking the macOS target on Linux: writes empty outputs.
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        -o) out="$2"; shift ;;
    esac
    shift
done
[ -n "$out" ] && : >"$out"
exit 0
EOF
    printf '#!/bin/sh\n[ "$1" = "crs" ] || [ "$1" = "cq" ] || [ "$1" = "cr" ] || true\n: >"$2"\n' >"$fake/ar"
    chmod +x "$fake/cc" "$fake/ar"
    CC_aarch64_apple_darwin="$fake/cc" AR_aarch64_apple_darwin="$fake/ar" \
        cargo clippy --target "$MACOS_TARGET" --all-targets -- -D warnings
}

# An SMTP server that speaks only TLS 1.0/1.1 (Python's ssl), started here on Linux for the
# Windows build's tests/outdated_tls.rs (a Windows program under Wine cannot start python3).
start_old_tls_server() {
    local dir="$root/target/old-tls-server"
    mkdir -p "$dir"
    if [[ ! -f "$dir/key.pem" ]]; then
        quietly old-tls-cert openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
            -subj /CN=localhost -keyout "$dir/key.pem" -out "$dir/cert.pem"
    fi
    coproc OLD_TLS { exec python3 tests/fixtures/servers/old_tls_smtp.py "$dir/cert.pem" "$dir/key.pem"; }
    local port
    read -r port <&"${OLD_TLS[0]}"
    export MAILTESTER_OLD_TLS_SERVER="127.0.0.1:$port"
}

# Xvfb says "X connection to :99 broken" when xvfb-run ends it under Wine's windows: harmless,
# filtered. The pipeline fails when the command fails (pipefail).
under_xvfb() {
    xvfb-run -a -s '-screen 0 1280x1024x24' "$@" 2>&1 |
        { grep --line-buffered -v '^X connection to :[0-9]* broken' || true; }
}

run_tests() {
    [[ -f "$tools/bcryptprimitives.dll" ]] || setup
    export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$root/scripts/windows/wine-run"
    export MAILTESTER_WINDOWS_CLIPBOARD_TOOL="$tools/clipboard.exe"
    start_old_tls_server
    trap 'kill "${OLD_TLS_PID:-}" 2>/dev/null || true' EXIT
    # Wine keeps one wineserver for the prefix; it ends a few seconds after the last program.
    under_xvfb cargo test --target "$WINDOWS_TARGET" --all-targets "$@"
    say "the keyring tests against Wine's Credential Manager (tests/keyring.rs)"
    MAILTESTER_KEYRING_TEST=1 under_xvfb \
        cargo test --target "$WINDOWS_TARGET" --test keyring "$@" -- --ignored
    say "the real window and the Windows clipboard (tests/windows_window.rs)"
    under_xvfb cargo test --target "$WINDOWS_TARGET" --test windows_window "$@" -- --ignored
}

command=${1:-}
[[ $# -gt 0 ]] && shift
case "$command" in
    install) install ;;
    setup) setup ;;
    clippy) clippy ;;
    check-macos) check_macos ;;
    test) run_tests "$@" ;;
    package) scripts/windows/package.sh "$@" ;;
    smoke) scripts/windows/smoke.sh "$@" ;;
    *)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
