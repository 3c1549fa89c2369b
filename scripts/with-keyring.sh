#!/usr/bin/env bash
# Runs CMD against a real, private Secret Service: a new D-Bus session bus with GNOME Keyring
# unlocked by a throw-away password, its keyring files in a temporary folder (never your own
# keyrings), all stopped and removed when CMD ends. Exports MAILTESTER_KEYRING_TEST=1 so the
# real-keyring tests (tests/keyring.rs) run.
#
#   scripts/with-keyring.sh cargo test --test keyring
#
# Needs the Debian packages `dbus gnome-keyring` (and `libsecret-tools` for the secret-tool
# check in the tests).
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is missing (Debian: apt-get install dbus gnome-keyring libsecret-tools)" >&2
        exit 2
    fi
done

# First pass: start a private session bus and run this script again inside it.
if [[ -z "${MAILTESTER_KEYRING_BUS:-}" ]]; then
    # dbus-daemon cannot raise its file limit in a container and says so: harmless, filtered.
    exec dbus-run-session -- env MAILTESTER_KEYRING_BUS=1 "$0" "$@" \
        2> >(grep --line-buffered -v 'Failed to set fd limit' >&2)
fi
unset MAILTESTER_KEYRING_BUS

home="$(mktemp -d "${TMPDIR:-/tmp}/mailtester-keyring.XXXXXX")"
mkdir -m 700 "$home/data" "$home/run"
daemon=""
cleanup() {
    if [[ -n "$daemon" ]]; then
        kill "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
    fi
    rm -rf "$home"
}
trap cleanup EXIT

# The daemon reads the keyring password on stdin, creates and unlocks the "login" keyring with
# it, and owns org.freedesktop.secrets on this bus until we stop it.
printf '%s' "mailtester-test-keyring" |
    XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" \
        gnome-keyring-daemon --foreground --unlock --components=secrets >"$home/daemon.log" 2>&1 &
daemon=$!

has_secret_service() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q "boolean true"
}
for _ in $(seq 200); do
    has_secret_service && break
    if ! kill -0 "$daemon" 2>/dev/null; then
        break
    fi
    sleep 0.05
done
if ! has_secret_service; then
    echo "$0: gnome-keyring-daemon did not start the Secret Service:" >&2
    cat "$home/daemon.log" >&2
    exit 1
fi

export MAILTESTER_KEYRING_TEST=1
"$@"
