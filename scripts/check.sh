#!/usr/bin/env bash
# The project's whole check, exactly what CI runs: formatting, lints, the core built without the
# GUI, and every test, including the differential tests against Microsoft's own System.Net.Mail
# (set up by scripts/dotnet-oracle.sh: Python packages from PyPI and OpenSSL 1.1 built from the
# openssl-src crate, cached in target/dotnet-oracle; about 2-5 minutes the first time).
# When Postfix is installed (scripts/postfix-test-server.sh install) and we are root, a private
# Postfix + Dovecot is started for the real-server tests and stopped after.
# When dbus and gnome-keyring are installed, the tests run inside scripts/with-keyring.sh (a
# private, unlocked Secret Service) so the real keyring tests run too.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

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

if [[ -z "${MAILTESTER_POSTFIX_ENV:-}" ]] && command -v postfix >/dev/null 2>&1 \
    && command -v dovecot >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    step "starting a private Postfix + Dovecot for the real-server tests"
    postfix_dir="${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}"
    env_file="$(scripts/postfix-test-server.sh start "$postfix_dir" | tail -n 1)"
    trap 'scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true' EXIT
    export MAILTESTER_POSTFIX_ENV="$env_file"
fi
if [[ -z "${MAILTESTER_POSTFIX_ENV:-}" ]]; then
    echo "note: no Postfix available: the real-server tests will be skipped (CI runs them)."
fi

step "setting up the real System.Net.Mail for the differential tests (scripts/dotnet-oracle.sh; cached in target/)"
scripts/dotnet-oracle.sh setup

if command -v dbus-run-session >/dev/null 2>&1 && command -v dbus-send >/dev/null 2>&1 \
    && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    step "cargo test (inside a private D-Bus session with GNOME Keyring: scripts/with-keyring.sh)"
    scripts/with-keyring.sh cargo test --all-targets
else
    echo "note: no dbus + gnome-keyring: the real keyring tests will be skipped (CI runs them)."
    step "cargo test"
    cargo test --all-targets
fi

step "the differential tests: our --target dotnet against Microsoft's System.Net.Mail (tests/dotnet_fidelity.rs)"
cargo test --test dotnet_fidelity -- --ignored

if [[ -z "${MAILTESTER_SKIP_FUZZ:-}" ]] && command -v cargo-fuzz >/dev/null 2>&1; then
    step "cargo fuzz run webconfig for 30 s (fuzz/; MAILTESTER_SKIP_FUZZ=1 skips it)"
    mkdir -p fuzz/target/corpus-webconfig
    if ! (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none webconfig \
        target/corpus-webconfig corpus/webconfig -- -max_total_time=30 -seed=1) \
        >fuzz/target/fuzz-webconfig.log 2>&1; then
        tail -n 60 fuzz/target/fuzz-webconfig.log
        echo "the fuzz run failed: the input is in fuzz/artifacts/webconfig/ (full log: fuzz/target/fuzz-webconfig.log)"
        exit 1
    fi
    tail -n 1 fuzz/target/fuzz-webconfig.log
else
    echo "note: cargo-fuzz is not installed: the fuzz run is skipped (the mutation tests ran)."
fi
