"""Copy and Paste through the real X11 clipboard, driven over AT-SPI as a screen reader would.

Run by scripts/atspi-check.sh (inside its private D-Bus session, AT-SPI bus and Xvfb) after the
form runs; uses atspi_drive's responder and helpers. One fresh window:
  1. a test that succeeds against the responder (no sign-in), then "Copy" on the web.config
     block: `xclip -o -selection clipboard` must print exactly the block the window shows;
  2. "Copy transcript": the clipboard holds the transcript, with the responder's greeting;
  3. another program (xclip) puts an error message on the clipboard, "Explain an error
     message…", "Paste and explain": the box holds that text and the diagnosis shows;
  4. Ctrl+V typed into the emptied box (xdotool, a real X key event) pastes what another
     program copied.
Prints one line per step; exit status 0 when all four held.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

import atspi_drive as drive

STARTTLS_ERROR = "530 5.7.0 Must issue a STARTTLS command first"
PASTED_BY_KEY = "535 5.7.8 Username and Password not accepted. Learn more at"


def clipboard_text():
    """What the X11 CLIPBOARD selection holds now (xclip asks its owner, as any program would)."""
    done = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True,
                          timeout=10)
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def put_on_clipboard(text):
    """Another program copies `text`: xclip owns the selection until someone else takes it."""
    # xclip stays in the background to serve the selection; it complains when Xvfb goes away.
    subprocess.run(["xclip", "-i", "-selection", "clipboard"], input=text.encode(), check=True,
                   timeout=10, stderr=subprocess.DEVNULL)


def wait_for(what, check, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


def node(app, role, name):
    found = drive.collect(app).get((role, name))
    if found is None:
        raise AssertionError(f"{role} {name!r} is not in the window")
    return found


def press(app, role, name):
    if not node(app, role, name).queryAction().doAction(0):
        raise AssertionError(f"{name}: the press was refused")


def labels(app):
    return [name for (role, name) in drive.collect(app) if role == "label"]


def run(binary, responder, start_timeout):
    home = tempfile.mkdtemp(prefix="mailtester-clipboard-")
    env = dict(os.environ)
    for var in ("MAILTESTER_CONFIG_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = os.path.join(home, var.lower())
        os.makedirs(env[var])
    log = open(os.path.join(home, "app.log"), "wb")
    process = subprocess.Popen([binary], env=env, stdout=log, stderr=subprocess.STDOUT)
    steps = []
    try:
        app, widgets = drive.find_app(process.pid, time.monotonic() + start_timeout)
        if app is None:
            raise AssertionError(f"the window did not show up; see {home}/app.log")
        values = {("entry", "Server"): "127.0.0.1", ("entry", "Port"): str(responder.port),
                  ("entry", "From"): drive.FROM, ("entry", "Send the test to"): drive.TO}
        for key, value in values.items():
            widgets[key].queryEditableText().setTextContents(value)
        widgets[drive.SSL].queryAction().doAction(0)
        widgets[drive.SEND].queryAction().doAction(0)
        wait_for("the success card", lambda: drive.result_shown(app) == "Your settings work")

        # 1. Copy the web.config block.
        press(app, "push button", "Copy")
        block = wait_for("the clipboard holding <mailSettings>",
                         lambda: (clipboard_text() or "") if "<mailSettings>" in (clipboard_text() or "") else None)
        expected = f'host="127.0.0.1"'
        if expected not in block or f'port="{responder.port}"' not in block:
            raise AssertionError(f"the copied block is not the tested settings: {block!r}")
        if "<system.net>" not in block.splitlines()[0]:
            raise AssertionError(f"the copied block does not start with <system.net>: {block!r}")
        wait_for("the Copied notice", lambda: any(l.startswith("Copied the") for l in labels(app)))
        steps.append(f"Copy: the clipboard holds the web.config block ({len(block)} characters)")

        # 2. Copy the transcript.
        press(app, "push button", "Copy transcript")
        transcript = wait_for("the clipboard holding the transcript",
                              lambda: (clipboard_text() or "") if "responder.test ESMTP" in (clipboard_text() or "") else None)
        steps.append(f"Copy transcript: the clipboard holds {len(transcript.splitlines())} lines")

        # 3. Another program copies an error; Paste and explain.
        put_on_clipboard(STARTTLS_ERROR)
        press(app, "push button", "Explain an error message…")
        box = wait_for("the Explain box", lambda: drive.collect(app).get(
            ("entry", "Paste the error your website logged (or the mail server's reply):")))
        press(app, "push button", "Paste and explain")
        wait_for("the pasted text in the box", lambda: drive.text_of(box) == STARTTLS_ERROR)
        wait_for("the diagnosis", lambda: "The server wants an encrypted connection" in labels(app))
        steps.append("Paste and explain: the box holds what xclip copied, explained as tls_required")

        # 4. Ctrl+V, a real key event, into the emptied box.
        put_on_clipboard(PASTED_BY_KEY)
        box.queryEditableText().setTextContents("")
        # The window gets the keyboard (Xvfb has no window manager to give it), then a click into
        # the box (where the accessibility tree says it is), as a user would.
        subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(process.pid),
                        "--name", "Mail Settings Tester", "windowfocus", "--sync"],
                       check=True, timeout=10)
        x, y, width, height = box.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        subprocess.run(["xdotool", "mousemove", str(x + width // 2), str(y + height // 2),
                        "click", "1"], check=True, timeout=10)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+v"], check=True, timeout=10)
        try:
            wait_for("Ctrl+V's text in the box", lambda: drive.text_of(box) == PASTED_BY_KEY)
        except AssertionError:
            raise AssertionError(f"Ctrl+V: the box at {x},{y} {width}x{height} holds {drive.text_of(box)!r}")
        steps.append("Ctrl+V: the box holds what xclip copied")
        return True, steps
    except AssertionError as err:
        steps.append(f"FAILED: {err}")
        return False, steps
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(home, ignore_errors=True)


def main(binary):
    responder = drive.Responder()
    pyatspi.Registry.getDesktop(0).childCount
    ok, steps = run(binary, responder, 60.0)
    for step in steps:
        print(f"clipboard: {step}", flush=True)
    print(f"clipboard-check: {'ok' if ok else 'FAILED'}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
