#!/usr/bin/env bash
# Builds the Windows downloads on Linux: the installer (NSIS) and the portable zip.
#
#   scripts/windows.sh package [--profile release|dev]     (release by default)
#
# Output, in target/windows-dist/:
#   MailSettingsTester-<version>-setup.exe     installs for the current user, Start-menu entry
#   MailSettingsTester-<version>-portable.zip  the same files, to unzip anywhere
# Both hold:
#   Mail Settings Tester.exe   the window (a Windows-subsystem program: no console window)
#   mailtester.exe             the command line (a console program), the same build
#   README.txt, LICENSE.txt, icon.ico
# The two .exe are one build: the window's copy has its PE "subsystem" field set to Windows
# GUI (what `editbin /SUBSYSTEM:WINDOWS` does), so Explorer opens no console for it.
# CI packages the debug build (--profile dev) it already has, to save a 9-minute release build.
set -euo pipefail
cd "$(dirname "$0")/../.."

profile=release
while [[ $# -gt 0 ]]; do
    case "$1" in
        --profile) profile="$2"; shift ;;
        *) echo "usage: scripts/windows.sh package [--profile release|dev]" >&2; exit 2 ;;
    esac
    shift
done
target=x86_64-pc-windows-gnu
folder=$([[ "$profile" == dev ]] && echo debug || echo "$profile")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
out=target/windows-dist
stage="$out/stage"
logs=target/windows-logs
mkdir -p "$logs"

command -v makensis >/dev/null || { echo "makensis is missing: sudo scripts/windows.sh install" >&2; exit 2; }
command -v zip >/dev/null || { echo "zip is missing: sudo scripts/windows.sh install" >&2; exit 2; }

echo "building mailtester.exe ($profile; a release build takes about 9 minutes on 2 cores)"
cargo build --target "$target" --profile "$profile" --bin mailtester
exe="target/$target/$folder/mailtester.exe"

rm -rf "$stage"
mkdir -p "$stage"
# Without debug information (a release build has none; a debug build's is most of its size).
x86_64-w64-mingw32-strip -o "$stage/mailtester.exe" "$exe"
cp "$stage/mailtester.exe" "$stage/Mail Settings Tester.exe"
cp assets/icon.ico "$stage/icon.ico"

# The window's copy: PE optional header field Subsystem (offset 68) = 2, Windows GUI.
gui="$stage/Mail Settings Tester.exe"
pe=$(od -An -tu4 -j 60 -N 4 "$gui" | tr -d ' ')
signature=$(od -An -c -j "$pe" -N 4 "$gui" | tr -d ' ')
[[ "$signature" == 'PE\0\0' ]] || { echo "not a PE file: $gui" >&2; exit 1; }
subsystem_at=$((pe + 4 + 20 + 68))
current=$(od -An -tu2 -j "$subsystem_at" -N 2 "$gui" | tr -d ' ')
[[ "$current" == 3 ]] || { echo "expected a console program (subsystem 3), found $current" >&2; exit 1; }
printf '\x02\x00' | dd of="$gui" bs=1 seek="$subsystem_at" conv=notrunc status=none

# Text files for Notepad: CRLF line ends.
crlf() { sed 's/$/\r/' "$1" >"$2"; }
cat >"$stage/README.txt.lf" <<EOF
Mail Settings Tester $version

Start "Mail Settings Tester" from the Start menu (or "Mail Settings Tester.exe" in this
folder). Type your website's mail settings exactly as web.config names them (host, port,
userName, password, enableSsl), or use "Open web.config..." to read them from your site, and
press "Send test email". If the test fails, the window says in plain words what is wrong and
what to change; when it works, it gives you the web.config block to paste.

The command line, for support staff and scripts: open "Mail Settings Tester (command line)"
from the Start menu, or a terminal in this folder, and type

    mailtester --help
    mailtester explain "530 5.7.0 Must issue a STARTTLS command first"
    mailtester send --host smtp.example.com --port 587 --enable-ssl true --from site@example.com

Passwords are never saved in a file: only, when you ask, in the Windows Credential Manager.
Uninstall from Settings > Apps (or "Programs and Features"); your saved profiles and
passwords are kept unless you tick the box that removes them.

More: https://github.com/ (project page) - README.md in the source.
EOF
crlf "$stage/README.txt.lf" "$stage/README.txt"
rm "$stage/README.txt.lf"
{
    echo "Mail Settings Tester is dual-licensed under the MIT license or the Apache License 2.0,"
    echo "at your option. See https://opensource.org/licenses/MIT and"
    echo "https://www.apache.org/licenses/LICENSE-2.0."
} >"$stage/LICENSE.txt.lf"
crlf "$stage/LICENSE.txt.lf" "$stage/LICENSE.txt"
rm "$stage/LICENSE.txt.lf"

setup="$out/MailSettingsTester-$version-setup.exe"
zipfile="$out/MailSettingsTester-$version-portable.zip"
echo "making the installer with NSIS"
fast=()
[[ "$profile" == dev ]] && fast=(-DFAST=1)
if ! makensis -V2 "${fast[@]}" -DVERSION="$version" -DSTAGE="$PWD/$stage" -DOUTFILE="$PWD/$setup" \
    dist/windows/installer.nsi >"$logs/makensis.log" 2>&1; then
    tail -n 40 "$logs/makensis.log" >&2
    exit 1
fi
echo "making the portable zip"
rm -f "$zipfile"
level=-9
[[ "$profile" == dev ]] && level=-1
(cd "$stage" && zip -q "$level" -X "$PWD/../$(basename "$zipfile")" \
    "Mail Settings Tester.exe" mailtester.exe icon.ico README.txt LICENSE.txt)
ls -l "$setup" "$zipfile"
