#!/usr/bin/env python3
"""A hostile SMTP server for scripts/bench.sh: greets normally, then answers EHLO badly.

Usage: hostile_smtp.py MODE PORT [SECONDS]
  long-line  the EHLO reply is one `250 ` line of 1 MiB (then CRLF)
  endless    the EHLO reply is `250-` lines forever, as fast as the client reads
  refuse     a `421` greeting (the baseline: a client that stops at once)
Listens on 127.0.0.1:PORT for SECONDS (default 120), one thread per connection; prints
"ready" on standard output once listening. Standard library only.
"""

import socket
import sys
import threading
import time

LONG_LINE = b"250 " + b"a" * (1 << 20) + b"\r\n"
ENDLESS_LINE = b"250-X-ENDLESS and there is always one more line of it\r\n" * 64


def read_line(conn):
    """Reads up to and including LF (at most 4 KiB); b"" when the client is gone."""
    line = b""
    while not line.endswith(b"\n") and len(line) < 4096:
        byte = conn.recv(1)
        if not byte:
            return b""
        line += byte
    return line


def serve(conn, mode):
    with conn:
        try:
            if mode == "refuse":
                conn.sendall(b"421 4.3.2 hostile.test Service not available\r\n")
                return
            conn.sendall(b"220 hostile.test ESMTP\r\n")
            if not read_line(conn):
                return
            if mode == "long-line":
                conn.sendall(LONG_LINE)
                read_line(conn)  # wait for the client to go
            else:
                while True:
                    conn.sendall(ENDLESS_LINE)
        except OSError:
            pass  # the client went away: that is how every mode ends


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in ("long-line", "endless", "refuse"):
        sys.exit(__doc__)
    mode, port = sys.argv[1], int(sys.argv[2])
    seconds = float(sys.argv[3]) if len(sys.argv) == 4 else 120.0
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    print("ready", flush=True)
    end = time.time() + seconds
    while time.time() < end:
        listener.settimeout(max(0.1, end - time.time()))
        try:
            conn, _ = listener.accept()
        except OSError:
            continue
        threading.Thread(target=serve, args=(conn, mode), daemon=True).start()


if __name__ == "__main__":
    main()
