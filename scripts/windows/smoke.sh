#!/usr/bin/env bash
# The install smoke test of the Windows program, under Wine in a fresh prefix, as a user would:
#
#   scripts/windows.sh smoke [--profile release|dev]     (packages first: scripts/windows.sh package)
#
#  1. the installer runs silently (setup.exe /S): files, Start-menu entries, the Apps entry;
#  2. the installed window program starts from the Start-menu's target through `start` (as
#     Explorer does): a window titled "Mail Settings Tester" and no console window; screenshot;
#  3. the same with only OpenGL 1.1 (MESA_GL_VERSION_OVERRIDE=1.1: remote desktop, VMs, Windows
#     Server): the window still opens (wgpu instead of OpenGL); screenshot;
#  4. `mailtester --help`, and the seed case against the test Postfix (MAILTESTER_POSTFIX_ENV):
#     enableSsl=false is told "The server wants an encrypted connection", enableSsl=true works;
#     (and an error at start-up is shown in a message box);
#  5. a profile and its password saved in the Credential Manager survive an uninstall, and
#     the uninstaller's /REMOVEDATA removes them; no file of the program is left.
# Screenshots: target/windows-dist/smoke-*.png. Needs Xvfb, xdotool and ImageMagick.
set -euo pipefail
[[ -n "${SMOKE_TRACE:-}" ]] && set -x
cd "$(dirname "$0")/../.."

profile=release
while [[ $# -gt 0 ]]; do
    case "$1" in
        --profile) profile="$2"; shift ;;
        *) echo "usage: scripts/windows.sh smoke [--profile release|dev]" >&2; exit 2 ;;
    esac
    shift
done
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
out="$PWD/target/windows-dist"
setup="$out/MailSettingsTester-$version-setup.exe"
[[ -f "$setup" ]] || scripts/windows/package.sh --profile "$profile"
tools="$PWD/target/windows-tools"
[[ -f "$tools/bcryptprimitives.dll" ]] || scripts/windows.sh setup

export WINEPREFIX="$PWD/target/wine-smoke"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wine=/usr/lib/wine/wine64
logs="$PWD/target/windows-logs"
mkdir -p "$logs"
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
ok() { echo "smoke: ok: $*"; }

# The display, before Wine starts: its desktop process picks the display driver once.
display_number=$((90 + RANDOM % 9))
Xvfb ":$display_number" -screen 0 1366x768x24 -nolisten tcp >"$logs/smoke-xvfb.log" 2>&1 &
xvfb=$!
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=":$display_number"
for _ in $(seq 1 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done

# A fresh prefix: a first install, on a machine that never saw the program.
/usr/lib/wine/wineserver -k 2>/dev/null || true
rm -rf "$WINEPREFIX"
"$wine" wineboot --init >"$logs/smoke-wineboot.log" 2>&1
# Test-only: Wine 8 lacks ProcessPrng, which every Rust program calls; Windows has it.
cp "$tools/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
user_dir="$WINEPREFIX/drive_c/users/$(id -un)"
install_dir="$user_dir/AppData/Local/Programs/Mail Settings Tester"
start_menu="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
win_install='C:\users\'"$(id -un)"'\AppData\Local\Programs\Mail Settings Tester'

# The uninstaller copies itself to a temporary folder and works from there: wait for it.
wait_gone() { for _ in $(seq 1 300); do [[ -e "$1" ]] || return 0; sleep 0.1; done; }

# 1. Install.
"$wine" "$setup" /S
for file in "Mail Settings Tester.exe" mailtester.exe uninstall.exe README.txt icon.ico; do
    [[ -f "$install_dir/$file" ]] || fail "$file is not installed in $install_dir"
done
[[ -f "$start_menu/Mail Settings Tester.lnk" ]] || fail "no Start-menu entry"
[[ -f "$start_menu/Mail Settings Tester (command line).lnk" ]] || fail "no command-line entry"
"$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MailSettingsTester' \
    /v DisplayVersion 2>/dev/null | grep -q "$version" || fail "no Apps entry"
ok "installed in $win_install, with its Start-menu entries and its Apps entry"

# 2 and 3. The window, as Explorer starts it; then with OpenGL 1.1 only.
open_window() { # name, how (start: as Explorer does; direct: its output kept), environment
    local name=$1 how=$2
    shift 2
    if [[ "$how" == start ]]; then
        env "$@" "$wine" start /wait "$win_install\\Mail Settings Tester.exe" \
            >"$logs/smoke-$name.log" 2>&1 &
    else
        env "$@" MAILTESTER_REPORT_FIRST_FRAME=1 "$wine" "$win_install\\Mail Settings Tester.exe" \
            >"$logs/smoke-$name.log" 2>&1 &
    fi
    local started=$!
    local window=""
    for _ in $(seq 1 600); do
        window=$(xdotool search --onlyvisible --name '^Mail Settings Tester$' 2>/dev/null | head -n 1 || true)
        [[ -n "$window" ]] && break
        sleep 0.1
    done
    [[ -n "$window" ]] || { cat "$logs/smoke-$name.log" >&2; fail "$name: no window"; }
    # Let it draw its first frames, then look.
    sleep 2
    # The first window fits a 1366x768 screen above a 40-pixel taskbar.
    eval "$(xdotool getwindowgeometry --shell "$window")"
    ((WIDTH <= 1366 && HEIGHT <= 728)) || fail "$name: the window is ${WIDTH}x${HEIGHT}, too big for 1366x768"
    import -window root "$out/smoke-$name.png"
    local colours
    colours=$(convert "$out/smoke-$name.png" -format %k info:)
    ((colours > 50)) || fail "$name: the window is blank ($colours colours)"
    # Nothing else on screen: no console window beside it.
    local others
    others=$(xdotool search --onlyvisible --name . 2>/dev/null | grep -vx "$window" | while read -r id; do
        xdotool getwindowname "$id"
    done | grep -v '^$' || true)
    [[ -z "$others" ]] || fail "$name: other windows opened beside it: $others"
    xdotool windowclose "$window" 2>/dev/null || true
    /usr/lib/wine/wineserver -k 2>/dev/null || true
    wait "$started" 2>/dev/null || true
    ok "$name: the window opened alone, ${WIDTH}x${HEIGHT} ($colours colours): $out/smoke-$name.png"
}
open_window window start
open_window window-opengl-1.1 direct MESA_GL_VERSION_OVERRIDE=1.1
grep -q "OpenGL could not draw the window" "$logs/smoke-window-opengl-1.1.log" \
    || fail "with OpenGL 1.1, OpenGL was not refused: $(cat "$logs/smoke-window-opengl-1.1.log")"
grep -q "renderer: Vulkan" "$logs/smoke-window-opengl-1.1.log" || fail "Vulkan did not take over"
ok "with OpenGL 1.1 only, OpenGL was refused and Vulkan drew the window"

# An error at start-up (here: a renderer this computer does not have, as on a machine with no
# usable graphics at all) is shown in a message box, not lost.
MAILTESTER_RENDERER=metal "$wine" "$win_install\\Mail Settings Tester.exe" \
    >"$logs/smoke-start-up-error.log" 2>&1 &
failing=$!
box=""
for _ in $(seq 1 300); do
    box=$(xdotool search --onlyvisible --name '^Mail Settings Tester$' 2>/dev/null | head -n 1 || true)
    [[ -n "$box" ]] && break
    sleep 0.1
done
[[ -n "$box" ]] || fail "no message box for a start-up error: $(cat "$logs/smoke-start-up-error.log")"
sleep 1
import -window root "$out/smoke-start-up-error.png"
kill -0 "$failing" 2>/dev/null || fail "the program ended without waiting for the message box to be read"
/usr/lib/wine/wineserver -k 2>/dev/null || true
wait "$failing" 2>/dev/null || true
grep -q "could not open" "$logs/smoke-start-up-error.log" || fail "the error was not printed either"
ok "a start-up error is shown in a message box: $out/smoke-start-up-error.png"

# 4. The command line, and the seed case against the test Postfix.
cli() { "$wine" "$win_install\\mailtester.exe" "$@"; }
export PW='Secr3t&<"pass' # the test Postfix's password for its user
cli --help | grep -q "Usage: mailtester" || fail "--help"
ok "mailtester --help"
if [[ -n "${MAILTESTER_POSTFIX_ENV:-}" ]]; then
    # shellcheck disable=SC1090
    . "$MAILTESTER_POSTFIX_ENV"
    ca=$("$wine" winepath -w "$MAILTESTER_POSTFIX_CA" 2>/dev/null)
    seed=(send --host "$MAILTESTER_POSTFIX_HOST" --port "$MAILTESTER_POSTFIX_SUBMISSION_PORT"
        --user "$MAILTESTER_POSTFIX_USER" --password-env PW --from "$MAILTESTER_POSTFIX_USER"
        --ca-file "$ca" --client-domain shop-web01.example --timeout 10)
    set +e
    cli "${seed[@]}" --enable-ssl false >"$logs/smoke-seed.log" 2>&1
    code=$?
    set -e
    grep -q "The server wants an encrypted connection" "$logs/smoke-seed.log" \
        || { cat "$logs/smoke-seed.log" >&2; fail "the seed case was not explained (exit $code)"; }
    grep -q "530 5.7.0 Must issue a STARTTLS command first" "$logs/smoke-seed.log" \
        || fail "the server's own words are missing"
    ! grep -qF "$PW" "$logs/smoke-seed.log" || fail "the password was printed"
    cli "${seed[@]}" --enable-ssl true >"$logs/smoke-seed-fixed.log" 2>&1 \
        || { cat "$logs/smoke-seed-fixed.log" >&2; fail "enableSsl=true did not work"; }
    grep -q 'enableSsl="true"' "$logs/smoke-seed-fixed.log" || fail "no snippet after success"
    ok "the seed case against Postfix: tls_required (exit $code), then sent with enableSsl=true"

    # 5. What an uninstall keeps, and what /REMOVEDATA removes.
    cli profile save shop --host "$MAILTESTER_POSTFIX_HOST" \
        --port "$MAILTESTER_POSTFIX_SUBMISSION_PORT" --enable-ssl true \
        --user "$MAILTESTER_POSTFIX_USER" --password-env PW --save-password \
        --from "$MAILTESTER_POSTFIX_USER" >"$logs/smoke-profile.log" 2>&1 \
        || { cat "$logs/smoke-profile.log" >&2; fail "profile save"; }
else
    echo "smoke: note: MAILTESTER_POSTFIX_ENV is not set: the seed case is skipped (check.sh sets it)"
    cli profile save shop --host smtp.example.com --port 587 --user site@example.com \
        --password-env PW --save-password --from site@example.com \
        >"$logs/smoke-profile.log" 2>&1 </dev/null \
        || { cat "$logs/smoke-profile.log" >&2; fail "profile save"; }
fi
profiles="$user_dir/AppData/Roaming/mail-settings-tester/config/profiles.toml"
saved_passwords() { "$wine" reg query 'HKCU\Software\Wine\Credential Manager' 2>/dev/null | grep -c 'mail-settings-tester' || true; }
[[ -f "$profiles" ]] || fail "no profiles file at $profiles"
(($(saved_passwords) > 0)) || fail "the password is not in the Credential Manager"
"$wine" "$win_install\\uninstall.exe" /S
wait_gone "$install_dir"
[[ ! -e "$install_dir" ]] || fail "files are left in $install_dir: $(ls "$install_dir")"
[[ ! -f "$start_menu/Mail Settings Tester.lnk" ]] || fail "the Start-menu entry is left"
[[ -f "$profiles" ]] || fail "the uninstall removed the profiles without being asked"
(($(saved_passwords) > 0)) || fail "the uninstall removed the saved password without being asked"
ok "uninstalled: no file left; the profile and the saved password kept"
"$wine" "$setup" /S
"$wine" "$win_install\\uninstall.exe" /S /REMOVEDATA
wait_gone "$install_dir"
[[ ! -e "$install_dir" ]] || fail "files are left in $install_dir"
grep -q '\[profiles\.' "$profiles" 2>/dev/null && fail "/REMOVEDATA left the profiles"
(($(saved_passwords) == 0)) || fail "/REMOVEDATA left the saved password"
ok "uninstalled with /REMOVEDATA: profiles and saved passwords removed"
# The throw-away prefix (700 MB) goes once everything passed; a failure keeps it to look at.
/usr/lib/wine/wineserver -w 2>/dev/null || true
rm -rf "$WINEPREFIX"
echo "smoke: all passed"
