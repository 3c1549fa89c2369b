#!/usr/bin/env bash
# The project's whole check, exactly what CI runs: formatting, lints, the core built without the
# GUI, every test, the tests against real programs, and short fuzz runs.
#
#   scripts/check.sh            run everything this machine can run; say what it cannot
#   scripts/check.sh --install  first install what the tests need (Debian packages, as root;
#                               cargo-fuzz), so that nothing is left out. CI runs this.
#
# What the tests need beyond Rust, and who sets it up:
# - a private Postfix + Dovecot (Debian packages; scripts/postfix-test-server.sh), started here
#   on 127.0.0.1:12525/12587/12465 and stopped at the end;
#   Dovecot checks OAuth tokens (JWTs) itself;
# - oauth2-mock-server (npm, pinned in scripts/oauth-mock-server/; Node.js >= 20.19), a real
#   authorization server whose tokens that Dovecot accepts (scripts/oauth-mock-server.sh);
# - a private Secret Service (dbus, gnome-keyring), run by scripts/with-keyring.sh;
# - Microsoft's System.Net.Mail for the differential tests (scripts/dotnet-oracle.sh: Python
#   packages from PyPI and OpenSSL 1.1 built from the openssl-src crate, cached in
#   target/dotnet-oracle; 1-4 minutes the first time; needs python3 with venv, no root);
# - a software Vulkan for the window's image snapshots (mesa-vulkan-drivers);
# - Xvfb, AT-SPI and pyatspi, to drive the window as a screen reader does (scripts/atspi-check.sh);
# - cargo-fuzz for the fuzz runs;
# - Wine, mingw-w64 and NSIS, and the Rust targets for Windows and macOS, for the Windows
#   build's tests under Wine, its installer and the install smoke test, and the macOS
#   type-check (scripts/windows.sh).
# The tests that need Postfix or the keyring are #[ignore]d in a plain `cargo test` (they show as
# ignored, never as passed) and run here with --ignored. Whatever is missing is listed at the end;
# under CI (CI=true) anything missing fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
missing=()
need() { missing+=("$1"); }
# Tool output that only matters when it fails goes to a log here, shown then.
logs=target/check-logs
mkdir -p "$logs"
quietly() { # name, command...
    local name=$1
    shift
    if ! "$@" >"$logs/$name.log" 2>&1; then
        tail -n 60 "$logs/$name.log" >&2
        echo "failed: $* (whole log: $logs/$name.log)" >&2
        exit 1
    fi
}
# A whole run rebuilds nothing it could reuse: cargo's incremental caches (several GB across the
# Linux and Windows builds) would only fill the disk (README, "Set up": disk space).
export CARGO_INCREMENTAL=0

install=false
for arg in "$@"; do
    case "$arg" in
        --install) install=true ;;
        *) echo "usage: $0 [--install]" >&2; exit 2 ;;
    esac
done

apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
        install -y --no-install-recommends "$@" </dev/null >/dev/null \
        || { apt-get -o DPkg::Lock::Timeout=600 update </dev/null >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
                install -y --no-install-recommends "$@" </dev/null >/dev/null; }
}

if $install; then
    if [[ "$(id -u)" != 0 ]]; then
        echo "--install needs root (it installs Debian packages): sudo $0 --install" >&2
        exit 2
    fi
    step "installing Postfix, Dovecot and tools for the real-server tests (apt; up to a minute)"
    quietly postfix-install scripts/postfix-test-server.sh install
    step "installing oauth2-mock-server 8.2.3 for the OAuth tests (npm ci; seconds)"
    quietly oauth-mock-install scripts/oauth-mock-server.sh install
    step "installing D-Bus and GNOME Keyring for the real keyring tests"
    apt_install dbus gnome-keyring libsecret-tools
    step "installing a software Vulkan (lavapipe) for the window's image snapshots"
    apt_install mesa-vulkan-drivers libvulkan1
    step "installing a Japanese font (IPA Gothic) for the window in Japanese"
    apt_install fonts-ipafont-gothic
    step "installing Xvfb and AT-SPI for driving the window as a screen reader does"
    apt_install xvfb xauth at-spi2-core python3-pyatspi dbus libgl1 libglx-mesa0 \
        libgl1-mesa-dri libxkbcommon-x11-0 xclip xdotool
    step "installing Wine, mingw-w64 and NSIS, and the Windows and macOS Rust targets (scripts/windows.sh install)"
    scripts/windows.sh install
    rustup component add clippy rustfmt >/dev/null 2>&1 || true
    if ! command -v cargo-fuzz >/dev/null 2>&1; then
        step "installing cargo-fuzz (about a minute)"
        cargo install cargo-fuzz --locked >/dev/null 2>&1
    fi
fi

# wgpu (the window's image snapshots) complains on every start without a runtime dir.
if [[ -z "${XDG_RUNTIME_DIR:-}" ]]; then
    XDG_RUNTIME_DIR="$(mktemp -d)"
    chmod 700 "$XDG_RUNTIME_DIR"
    export XDG_RUNTIME_DIR
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo check --no-default-features (the core stands without the GUI)"
cargo check --no-default-features

step "cargo doc --no-deps (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

step "setting up the real System.Net.Mail for the differential tests (scripts/dotnet-oracle.sh; about a minute the first time, most of it building OpenSSL 1.1 quietly)"
scripts/dotnet-oracle.sh setup

step "building the test programs (cargo test --no-run; ~4 minutes on 2 cores from scratch, the last minute linking ~35 test programs, when cargo prints nothing)"
cargo test --all-targets --no-run

step "cargo test (every test that needs nothing but this machine; ~1.5 minutes)"
# The window in Japanese needs a Japanese font; without one those tests say so and stop, but
# under CI (which installs it) a missing font is a failure.
if [[ "${CI:-}" == "true" ]]; then
    export MAILTESTER_REQUIRE_JAPANESE_FONT=1
fi
cargo test --all-targets

# The tests against real programs, each with what it needs.
if command -v xvfb-run >/dev/null 2>&1 && /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
    step "the window driven over AT-SPI at full speed, 30 times (scripts/atspi-check.sh)"
    # The window cargo test just built (a plain cargo build would build again for other features).
    MAILTESTER_BIN=target/debug/mailtester scripts/atspi-check.sh --runs 30
else
    need "the AT-SPI check of the window (install: sudo scripts/check.sh --install)"
fi

if [[ -z "${MAILTESTER_POSTFIX_ENV:-}" ]] && command -v postfix >/dev/null 2>&1 \
    && command -v dovecot >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    step "starting a private Postfix + Dovecot for the real-server tests"
    postfix_dir="${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}"
    env_file="$(scripts/postfix-test-server.sh start "$postfix_dir" | tail -n 1)"
    trap 'scripts/oauth-mock-server.sh stop >/dev/null 2>&1 || true; scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true' EXIT
    export MAILTESTER_POSTFIX_ENV="$env_file"
fi
# After Postfix: starting Postfix wipes the key the mock gives its Dovecot.
if [[ -n "${MAILTESTER_POSTFIX_ENV:-}" && -z "${MAILTESTER_OAUTH_MOCK_ENV:-}" ]] \
    && command -v node >/dev/null 2>&1 && [[ -d scripts/oauth-mock-server/node_modules/oauth2-mock-server ]] \
    && [[ "$(id -u)" == 0 ]]; then
    step "starting oauth2-mock-server (its key given to that Postfix's Dovecot)"
    trap 'scripts/oauth-mock-server.sh stop >/dev/null 2>&1 || true; [[ -z "${postfix_dir:-}" ]] || scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true' EXIT
    mock_env="$(scripts/oauth-mock-server.sh start | tail -n 1)"
    export MAILTESTER_OAUTH_MOCK_ENV="$mock_env"
fi
if [[ -n "${MAILTESTER_POSTFIX_ENV:-}" ]]; then
    step "the real-Postfix tests (tests/postfix.rs; OAuth with Dovecot checking the tokens)"
    if [[ -n "${MAILTESTER_OAUTH_MOCK_ENV:-}" ]]; then
        cargo test --test postfix -- --ignored
    else
        cargo test --test postfix -- --ignored --skip oauth_mock
        need "the OAuth tests against oauth2-mock-server (install: sudo scripts/check.sh --install, or scripts/oauth-mock-server.sh install; needs Node.js >= 20.19)"
    fi
else
    need "the real-Postfix tests and the Postfix rows of the differential tests (install: sudo scripts/check.sh --install; starting Postfix needs root)"
fi

step "the differential tests: our --target dotnet against Microsoft's System.Net.Mail (tests/dotnet_fidelity.rs)"
cargo test --test dotnet_fidelity -- --ignored

if command -v dbus-run-session >/dev/null 2>&1 && command -v dbus-send >/dev/null 2>&1 \
    && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    step "the real keyring tests (tests/keyring.rs, inside scripts/with-keyring.sh)"
    scripts/with-keyring.sh cargo test --test keyring -- --ignored
else
    need "the real keyring tests (install: sudo scripts/check.sh --install, or apt-get install dbus gnome-keyring libsecret-tools)"
fi

# The Windows program, built here and run under Wine, and the macOS type-check.
if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 && [[ -x /usr/lib/wine/wine64 ]] \
    && command -v makensis >/dev/null 2>&1 \
    && rustup target list --installed 2>/dev/null | grep -q x86_64-pc-windows-gnu; then
    step "Windows: clippy -D warnings on the Windows build, every target (scripts/windows.sh clippy; ~2 minutes)"
    scripts/windows.sh clippy
    if rustup target list --installed 2>/dev/null | grep -q aarch64-apple-darwin; then
        step "macOS: clippy -D warnings as a type-check (scripts/windows.sh check-macos; ~2 minutes)"
        scripts/windows.sh check-macos
    else
        need "the macOS type-check (install: rustup target add aarch64-apple-darwin)"
    fi
    step "Windows: every test suite of the Windows build under Wine (scripts/windows.sh test; ~6 minutes, the first ~1.5 of them linking in silence)"
    scripts/windows.sh setup
    scripts/windows.sh test
    step "Windows: the installer and the portable zip (debug build), then the install smoke test under Wine"
    scripts/windows.sh package --profile dev
    scripts/windows.sh smoke --profile dev
else
    need "the Windows build, its tests under Wine and the install smoke test (install: sudo scripts/windows.sh install)"
fi

fuzz() { # target, seconds
    local target=$1 seconds=$2
    mkdir -p "fuzz/target/corpus-$target"
    if ! (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" \
        "target/corpus-$target" "corpus/$target" -- -max_total_time="$seconds" -seed=1) \
        >"fuzz/target/fuzz-$target.log" 2>&1; then
        tail -n 60 "fuzz/target/fuzz-$target.log"
        echo "the $target fuzz run failed: the input is in fuzz/artifacts/$target/ (log: fuzz/target/fuzz-$target.log)"
        exit 1
    fi
    echo "$target: $(tail -n 1 "fuzz/target/fuzz-$target.log")"
}
if [[ -n "${MAILTESTER_SKIP_FUZZ:-}" ]]; then
    echo "note: MAILTESTER_SKIP_FUZZ is set: the fuzz runs are skipped (the mutation tests ran)."
elif command -v cargo-fuzz >/dev/null 2>&1; then
    step "short fuzz runs (fuzz/; MAILTESTER_SKIP_FUZZ=1 skips them; the first build takes ~5 minutes and prints nothing: its log is fuzz/target/fuzz-webconfig.log)"
    fuzz webconfig 30
    fuzz reply 20
    fuzz explain 20
    fuzz certificate 20
    fuzz received 20
else
    need "the fuzz runs (install: cargo install cargo-fuzz --locked)"
fi

# The suites whose one test is a whole table: their own figures.
printf '\nSuites counted as one test above:\n'
for table in target/tmp/diagnosis-corpus.md target/tmp/dotnet-fidelity.md target/tmp/dotnet-corpus.md; do
    if [[ -f "$table" ]]; then
        printf '  - %s: %s\n' "$(basename "$table" .md)" "$(head -n 1 "$table")"
    fi
done
printf 'target/ now holds %s (fuzz/target %s).\n' \
    "$(du -sh target 2>/dev/null | cut -f1)" "$(du -sh fuzz/target 2>/dev/null | cut -f1)"

if ((${#missing[@]})); then
    printf '\nNOT RUN on this machine:\n'
    printf '  - %s\n' "${missing[@]}"
    if [[ "${CI:-}" == "true" ]]; then
        echo "CI must run everything: run scripts/check.sh --install first." >&2
        exit 1
    fi
else
    printf '\nEverything ran.\n'
fi
