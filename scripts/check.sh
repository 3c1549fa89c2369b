#!/usr/bin/env bash
# The project's whole check, exactly what CI runs: formatting, lints, the core built without the
# GUI, and every test. When Postfix is installed (scripts/postfix-test-server.sh install) and we
# are root, a private Postfix + Dovecot is started for the real-server tests and stopped after.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

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

step "cargo test"
cargo test --all-targets
