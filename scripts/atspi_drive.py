"""Drives the real `mailtester` window over AT-SPI, as a screen reader does, and counts lost actions.

Run by scripts/atspi-check.sh inside a private D-Bus session with the AT-SPI bus and Xvfb
running; needs Debian's python3-pyatspi (use /usr/bin/python3, not a pyenv python).

Each run starts a fresh window (fresh config and data folders), reads the form from the
accessibility tree once, then, at full speed (no waiting between calls, nothing re-read):
  - sets Server, Port, User name, From, "Send the test to" and Password through EditableText,
  - unticks "Use SSL" through Action,
  - presses "Send test email" through Action.
A tiny SMTP responder on 127.0.0.1 (started here) tells when a test starts. The run passes when a
test started, the window shows its result (a diagnosis or the success card), and every value
set is in the form, with "Use SSL" unticked. Anything else is a lost action, named in the run's
line. Exit status: 0 when no run lost anything, 1 otherwise.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import pyatspi

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

USER = "shop@example.test"
PASSWORD = "S3cret!pw"
FROM = "site@example.test"
TO = "owner@example.test"


class Responder:
    """A minimal SMTP server on 127.0.0.1: counts connections (each is a test that started) and
    answers like a server that signs anyone in (LOGIN, PLAIN, XOAUTH2; all before encryption,
    which it does not offer) and accepts every message. Keeps the verb and mechanism of every
    AUTH it is sent."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.lock = threading.Lock()
        self.connections = 0
        self.auths = []
        threading.Thread(target=self._accept, daemon=True).start()

    def count(self):
        with self.lock:
            return self.connections

    def _accept(self):
        while True:
            conn, _ = self.sock.accept()
            with self.lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        conn.settimeout(30)
        reader = conn.makefile("rb")

        def send(line):
            conn.sendall(line.encode() + b"\r\n")

        def readline():
            line = reader.readline()
            if not line:
                raise EOFError
            return line.decode("utf-8", "replace").rstrip("\r\n")

        try:
            send("220 responder.test ESMTP")
            while True:
                parts = readline().split()
                verb = parts[0].upper() if parts else ""
                if verb in ("EHLO", "HELO"):
                    send("250-responder.test\r\n250-AUTH LOGIN PLAIN XOAUTH2\r\n250 8BITMIME")
                elif verb == "AUTH":
                    mechanism = parts[1].upper() if len(parts) > 1 else ""
                    with self.lock:
                        self.auths.append(mechanism)
                    if mechanism == "LOGIN" and len(parts) < 3:
                        send("334 VXNlcm5hbWU6")
                        readline()
                    if mechanism == "LOGIN":
                        send("334 UGFzc3dvcmQ6")
                        readline()
                    elif len(parts) < 3:
                        send("334 ")
                        readline()
                    send("235 2.7.0 Authentication successful")
                elif verb == "DATA":
                    send("354 End data with <CR><LF>.<CR><LF>")
                    while readline() != ".":
                        pass
                    send("250 2.0.0 queued")
                elif verb == "QUIT":
                    send("221 2.0.0 bye")
                    return
                else:
                    send("250 OK")
        except (OSError, EOFError):
            return
        finally:
            conn.close()


def message_id(text):
    """The catalogue's id of an English text (as tests/i18n/extract.rs makes it): its first
    words and an FNV-1a hash of the whole."""
    h = 0x811C9DC5
    for byte in text.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    words = [w.lower() for w in re.split(r"[^A-Za-z0-9]", text) if w][:5]
    slug = "-".join(words)[:40].rstrip("-")
    if slug[:1].isalpha():
        return f"{slug}-{h:08x}"
    return f"t-{slug}-{h:08x}".replace("--", "-")


def translator(lang):
    """English label -> the label in `lang`, read from assets/i18n/<lang>.ftl (one-line
    messages; a `{ $name }` part stays as `{name}`)."""
    if lang in (None, "en"):
        return lambda text: text
    messages = {}
    with open(os.path.join(ROOT, "assets", "i18n", f"{lang}.ftl"), encoding="utf-8") as f:
        for line in f:
            match = re.match(r"^([a-z][a-z0-9-]*) = (.*)$", line.rstrip("\n"))
            if match:
                messages[match.group(1)] = re.sub(r"\{ \$([a-z_]+) \}", r"{\1}", match.group(2))

    def tr(text):
        found = messages.get(message_id(text))
        if found is None:
            raise SystemExit(f"no {lang} translation of {text!r}")
        return found

    return tr


def find_app(pid, deadline):
    """The nodes of the window of process `pid`, once it shows "Send test email"."""
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        desktop.clear_cache()  # libatspi may keep a list of applications from before the start
        for i in range(desktop.childCount):
            try:
                app = desktop.getChildAtIndex(i)
                if app is not None and app.get_process_id() == pid:
                    widgets = collect(app)
                    if SEND in widgets:
                        return app, widgets
            except Exception:  # the app is still coming up: try again
                pass
        time.sleep(0.05)
    return None, None


def collect(node, found=None, depth=0):
    """Every named node under `node`, by (role, name); the first of each is kept."""
    if found is None:
        found = {}
    if depth > 60:
        return found
    try:
        key = (node.getRoleName(), node.name)
        found.setdefault(key, node)
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                collect(child, found, depth + 1)
    except Exception:
        pass
    return found


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception as err:  # a node that no longer exists
        return f"<gone: {type(err).__name__}>"


def result_shown(app):
    """The result card's first line, once the window shows one."""
    for role, name in collect(app):
        if role == "label" and (name.startswith(SUPPORT_CODE) or name == WORKED):
            return name
    return None


# What the driver sets, at full speed, in this order (a screen reader may fill the form in any
# order; this one sets the user name before From, so From's row moves while the actions are on
# their way: an error line appears under the password until the password is set).
def labels(tr):
    """The names the driver looks for, in the window's language."""
    global FIELDS, SSL, SEND, SUPPORT_CODE, WORKED
    FIELDS = [
        (("entry", tr("Server")), "127.0.0.1"),
        (("entry", tr("Port")), None),  # the responder's port
        (("entry", tr("User name")), USER),
        (("entry", tr("From")), FROM),
        (("entry", tr("Send the test to")), TO),
        (("password text", tr("Password")), PASSWORD),
    ]
    SSL = ("check box", tr("Use SSL"))
    SEND = ("push button", tr("Send test email"))
    SUPPORT_CODE = tr("Support code: {code}").split("{code}")[0]
    WORKED = tr("Your settings work")


labels(translator(None))


def one_run(args, responder):
    """Returns (ok, line)."""
    started = time.monotonic()
    home = tempfile.mkdtemp(prefix="mailtester-atspi-")
    env = dict(os.environ)
    # The window's language comes from --lang only, never from this machine's settings.
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(var, None)
    env["LANG"] = "C.UTF-8"
    for var in ("MAILTESTER_CONFIG_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = os.path.join(home, var.lower())
        os.makedirs(env[var])
    log = open(os.path.join(home, "app.log"), "wb")
    command = [args.bin] + (["--lang", args.lang] if args.lang else [])
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        app, widgets = find_app(process.pid, time.monotonic() + args.start_timeout)
        if app is None:
            alive = "running" if process.poll() is None else f"exited with {process.returncode}"
            return False, (f"SETUP: window (pid {process.pid}, {alive}) not in the accessibility "
                           f"tree within {args.start_timeout:.0f} s; see {home}/app.log")
        before = responder.count()
        values = {key: (value if value is not None else str(responder.port)) for key, value in FIELDS}

        # Full speed: each call goes out as soon as the previous one returned. The nodes are the
        # ones read before the first action, as a screen reader that read the form would use.
        problems = []
        actions = [("set", key, values[key]) for key, _ in FIELDS]
        actions += [("press", SSL, None), ("press", SEND, None)]
        acted = time.monotonic()
        for kind, key, value in actions:
            node = widgets.get(key)
            try:
                if node is None:
                    raise LookupError("not in the tree")
                if kind == "set":
                    done = node.queryEditableText().setTextContents(value)
                else:
                    done = node.queryAction().doAction(0)
                if not done:
                    problems.append(f"{key[1]}: refused")
            except Exception as err:  # the node the screen reader saw is gone
                problems.append(f"{key[1]}: {type(err).__name__} {err}".splitlines()[0].strip())
            if args.pause:
                time.sleep(args.pause)

        # A test started: the responder got a connection.
        deadline = time.monotonic() + args.result_timeout
        while responder.count() == before and time.monotonic() < deadline:
            time.sleep(0.01)
        started_after = time.monotonic() - acted
        if responder.count() == before:
            problems.append(f"Send test email: no test started within {args.result_timeout:.0f} s")
        # The window shows its result, and every value that was set is in the form.
        shown = None
        while shown is None and time.monotonic() < deadline:
            shown = result_shown(app)
            if shown is None:
                time.sleep(0.05)
        if shown is None and responder.count() > before:
            problems.append("the window shows no result")
        now = collect(app)
        for key, _ in FIELDS:
            if key[0] == "password text":
                continue  # shown as dots
            got = text_of(now[key]) if key in now else "<not in the tree>"
            if got != values[key]:
                problems.append(f"{key[1]}: holds {got!r}, not {values[key]!r}")
        if SSL in now and now[SSL].getState().contains(pyatspi.STATE_CHECKED):
            problems.append(f"{SSL[1]}: still ticked")
        elapsed = time.monotonic() - started
        if problems:
            return False, f"LOST ({elapsed:.1f} s): " + "; ".join(problems)
        return True, (f"ok ({elapsed:.1f} s): {len(actions)} actions, the test started "
                      f"{started_after:.2f} s after the first; result: {shown}")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the mailtester binary")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--start-timeout", type=float, default=60.0)
    parser.add_argument("--result-timeout", type=float, default=10.0)
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds between actions (0: full speed, the real check)")
    parser.add_argument("--keep", action="store_true", help="keep each run's folder (app.log)")
    parser.add_argument("--lang", help="run the window in this language (--lang de) and find "
                        "its widgets by their names in assets/i18n/<lang>.ftl")
    args = parser.parse_args()
    labels(translator(args.lang))

    responder = Responder()
    pyatspi.Registry.getDesktop(0).childCount  # starts the registry before the first window
    lost = setup = 0
    began = time.monotonic()
    for number in range(1, args.runs + 1):
        ok, line = one_run(args, responder)
        if not ok:
            if line.startswith("SETUP"):
                setup += 1
            else:
                lost += 1
        print(f"run {number:2}/{args.runs}: {line}", flush=True)
    print(
        f"atspi-check: {args.runs} runs, {lost} with a lost action, {setup} not started "
        f"({time.monotonic() - began:.0f} s)",
        flush=True,
    )
    return 1 if lost or setup else 0


if __name__ == "__main__":
    sys.exit(main())
