#!/usr/bin/env bash
# Takes the README screenshot: the real `mailtester` window under Xvfb, as a returning user
# whose web.config has enableSsl="false" presses Enter against a real Postfix that requires
# STARTTLS. Writes assets/screenshot.png.
#
# Needs (Debian): xvfb xauth xdotool imagemagick libgl1 libglx-mesa0 libgl1-mesa-dri
#                 libxkbcommon-x11-0, and Postfix via scripts/postfix-test-server.sh install.
# Usage: scripts/screenshot.sh [OUTPUT.png]   (MAILTESTER_BIN overrides target/debug/mailtester)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/screenshot.png}"
bin="${MAILTESTER_BIN:-target/debug/mailtester}"
[[ -x "$bin" ]] || cargo build

postfix_dir="$PWD/target/postfix-screenshot"
env_file="$(MAILTESTER_POSTFIX_PLAIN_PORT=13525 MAILTESTER_POSTFIX_SUBMISSION_PORT=13587 \
    MAILTESTER_POSTFIX_SMTPS_PORT=13465 scripts/postfix-test-server.sh start "$postfix_dir" | tail -n 1)"
trap 'scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC1090
source "$env_file"

# A returning user: the form as eframe stored it last time (RON, the password never stored).
data_home="$(mktemp -d)"
mkdir -p "$data_home/mail-settings-tester"
form="(settings:(host:\\\"shop-mail.test.example\\\",port:$MAILTESTER_POSTFIX_SUBMISSION_PORT,enable_ssl:false,from:\\\"shop@test.example\\\",to:\\\"user@test.example\\\",client_domain:\\\"shop-web01.test.example\\\",ca_file:Some(\\\"$MAILTESTER_POSTFIX_CA\\\")),port_text:\\\"$MAILTESTER_POSTFIX_SUBMISSION_PORT\\\",ca_text:\\\"$MAILTESTER_POSTFIX_CA\\\",preset:\\\"other\\\")"
printf '{"form":"%s"}\n' "$form" > "$data_home/mail-settings-tester/app.ron"
# shop-mail.test.example must reach the private Postfix: point it at loopback for this run only.
hosts_line="127.0.0.1 shop-mail.test.example"
grep -qF "$hosts_line" /etc/hosts 2>/dev/null || echo "$hosts_line" >> /etc/hosts

XDG_DATA_HOME="$data_home" OUT="$out" BIN="$bin" xvfb-run -a -s '-screen 0 1280x820x24' bash -c '
    "$BIN" >/dev/null 2>&1 &
    app=$!
    window="$(xdotool search --sync --onlyvisible --name "Mail Settings Tester" | head -n 1)"
    xdotool windowsize "$window" 1280 820 windowmove "$window" 0 0
    sleep 1   # let the first frames settle after the resize (a screenshot, not a test)
    xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
    xdotool key --window "$window" Return
    sleep 3   # the test against the local Postfix takes well under a second
    import -window root "$OUT"
    kill "$app"
'
rm -rf "$data_home"
echo "wrote $out"
