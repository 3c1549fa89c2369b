"""OAuth sign-in in the real window, driven over AT-SPI as a screen reader would.

Run by scripts/atspi-check.sh (inside its private D-Bus session, AT-SPI bus and Xvfb) after the
form runs; uses atspi_drive's responder and helpers. One fresh window:
  1. the "Sign-in" list opens and "Microsoft 365 (OAuth)" is chosen: the Tenant, Client ID and
     Client secret fields and both "Who signs in" choices are there, named;
  2. "A person, in the browser": "Sign in with Microsoft…" is there and Client secret is gone;
  3. "Access token": a token is pasted into its (hidden) field, "Use SSL" unticked and the test
     sent to the responder (no encryption): the window says the token was not sent, the
     responder saw no AUTH, and the token is nowhere in the accessibility tree.
Prints one line per step; exit status 0 when all three held.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import atspi_drive as drive
from clipboard_drive import labels, node, press, wait_for

TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJhdHNwaSJ9.YXRzcGktdG9rZW4tc2lnbmF0dXJl"


def choose_sign_in(app, choice):
    def listed():
        return next((n for (role, name), n in drive.collect(app).items()
                     if name == choice and role == "toggle button"), None)
    press(app, "combo box", "Sign-in")
    try:
        item = wait_for(f"{choice!r} in the open list", listed, timeout=3)
    except AssertionError:
        press(app, "combo box", "Sign-in")
        item = wait_for(f"{choice!r} in the open list", listed)
    if not item.queryAction().doAction(0):
        raise AssertionError(f"{choice}: the press was refused")
    wait_for(f"Sign-in showing {choice!r}",
             lambda: drive.collect(app).get(("combo box", "Sign-in")) is not None
             and choice in everything(app))


def everything(app):
    """Every name and text in the window's tree."""
    parts = []
    for (role, name), found in drive.collect(app).items():
        parts.append(name)
        if role in ("entry", "password text", "label"):
            parts.append(drive.text_of(found))
    return "\n".join(parts)


def run(binary, responder, start_timeout):
    home = tempfile.mkdtemp(prefix="mailtester-oauth-")
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
                  ("entry", "User name"): drive.USER, ("entry", "From"): drive.FROM}
        for key, value in values.items():
            widgets[key].queryEditableText().setTextContents(value)

        # 1. Microsoft 365, the app signing in as itself.
        choose_sign_in(app, "Microsoft 365 (OAuth)")
        for role, name in [("entry", "Tenant"), ("entry", "Client ID"),
                           ("password text", "Client secret"),
                           ("radio button", "The website, as an app"),
                           ("radio button", "A person, in the browser")]:
            wait_for(f"{role} {name!r}", lambda: drive.collect(app).get((role, name)))
        steps.append("Microsoft 365 (OAuth): Tenant, Client ID, Client secret and both choices are named")

        # 2. A person signs in.
        press(app, "radio button", "A person, in the browser")
        wait_for("Sign in with Microsoft…",
                 lambda: drive.collect(app).get(("push button", "Sign in with Microsoft…")))
        if ("password text", "Client secret") in drive.collect(app):
            raise AssertionError("Client secret is still there for a person's sign-in")
        steps.append("A person, in the browser: Sign in with Microsoft… is a button; no client secret")

        # 3. A pasted token never crosses an unencrypted connection, nor shows in the tree.
        choose_sign_in(app, "Access token")
        token = wait_for("the Access token field",
                         lambda: drive.collect(app).get(("password text", "Access token")))
        token.queryEditableText().setTextContents(TOKEN)
        node(app, "check box", "Use SSL").queryAction().doAction(0)
        before = responder.count()
        press(app, "push button", "Send test email")
        wait_for("the diagnosis",
                 lambda: "The token was not sent because the connection is not encrypted" in labels(app))
        if responder.count() <= before:
            raise AssertionError("the test never reached the responder")
        with responder.lock:
            if responder.auths:
                raise AssertionError(f"the responder was sent AUTH {responder.auths}")
        if TOKEN in everything(app) or TOKEN.split(".")[2] in everything(app):
            raise AssertionError("the token is in the accessibility tree")
        steps.append("Access token over no encryption: not sent, explained, and not in the tree")
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
    ok, steps = run(binary, responder, 60.0)
    for step in steps:
        print(f"oauth: {step}", flush=True)
    print(f"oauth-check: {'ok' if ok else 'FAILED'}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
