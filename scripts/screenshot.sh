#!/usr/bin/env bash
# Takes the README screenshot: the real `mailtester` window under Xvfb, at its default size and
# in the light theme, as a returning site owner sees it: their web.config says
# host="mail.example.com" port="587" enableSsl="false" with a user name; they type the password
# (the window never stores it) and press Enter against a real Postfix that requires STARTTLS.
# The window then blames "Secure connection" and offers the one-click fix. Writes
# assets/screenshot.png.
#
# Needs (Debian): xvfb xauth xdotool imagemagick libgl1 libglx-mesa0 libgl1-mesa-dri
#                 libxkbcommon-x11-0, and Postfix via scripts/postfix-test-server.sh install.
# Run as root: Postfix listens on 127.0.0.1:587 (so the form shows the real port) and
# mail.example.com points at it in /etc/hosts for the run only.
# Usage: scripts/screenshot.sh [OUTPUT.png]   (MAILTESTER_BIN overrides target/debug/mailtester)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/screenshot.png}"
bin="${MAILTESTER_BIN:-target/debug/mailtester}"
[[ -x "$bin" ]] || cargo build
[[ "$(id -u)" == 0 ]] || { echo "run as root (port 587 and /etc/hosts)" >&2; exit 2; }

host="mail.example.com"
port=587
postfix_dir="$PWD/target/postfix-screenshot"
hosts_line="127.0.0.1 $host"
data_home="$(mktemp -d)"
cleanup() {
    scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true
    rm -rf "$data_home"
    # Only the line this run added goes away.
    if [[ -n "${added_hosts_line:-}" ]]; then
        grep -vxF "$hosts_line" /etc/hosts > /etc/hosts.screenshot && cat /etc/hosts.screenshot > /etc/hosts
        rm -f /etc/hosts.screenshot
    fi
}
trap cleanup EXIT
env_file="$(MAILTESTER_POSTFIX_PLAIN_PORT=13525 MAILTESTER_POSTFIX_SUBMISSION_PORT=$port \
    MAILTESTER_POSTFIX_SMTPS_PORT=13465 scripts/postfix-test-server.sh start "$postfix_dir" | tail -n 1)"
# shellcheck disable=SC1090
source "$env_file"
if ! grep -qxF "$hosts_line" /etc/hosts; then
    echo "$hosts_line" >> /etc/hosts
    added_hosts_line=1
fi

# A returning user: the form as eframe stored it last time (RON; the password is never stored)
# and the light theme, which most Windows site owners use.
mkdir -p "$data_home/mail-settings-tester"
form="(settings:(host:\\\"$host\\\",port:$port,user_name:\\\"shop@example.com\\\",enable_ssl:false,from:\\\"shop@example.com\\\",client_domain:\\\"shop-web01.example.com\\\",ca_file:Some(\\\"$MAILTESTER_POSTFIX_CA\\\")),port_text:\\\"$port\\\",ca_text:\\\"$MAILTESTER_POSTFIX_CA\\\",preset:\\\"other\\\")"
printf '{"form":"%s","theme":"Light"}\n' "$form" > "$data_home/mail-settings-tester/app.ron"

XDG_DATA_HOME="$data_home" OUT="$out" BIN="$bin" xvfb-run -a -s '-screen 0 1280x820x24' bash -c '
    "$BIN" >/dev/null 2>&1 &
    app=$!
    window="$(xdotool search --sync --onlyvisible --name "Mail Settings Tester" | head -n 1)"
    xdotool windowmove "$window" 0 0
    sleep 1   # let the first frames settle (a screenshot, not a test)
    xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
    # Keyboard only, as in the window Tab order: Open web.config…, Explain…, Check a folder of
    # sites…, Language, Theme, Profile, Save profile…, Provider, Server, Find my settings…, Port, User
    # name, Sign-in, then Password.
    xdotool key --delay 60 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
    xdotool type --delay 40 "correct horse battery"
    xdotool key Return
    sleep 3   # the test against the local Postfix takes well under a second
    eval "$(xdotool getwindowgeometry --shell "$window")"
    import -window root -crop "${WIDTH}x${HEIGHT}+0+0" +repage "$OUT"
    kill "$app"
'
echo "wrote $out"
