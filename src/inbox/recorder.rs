//! The IMAP exchange as transcript lines, redacted at the source: a stream wrapper that sees
//! every byte async-imap reads and writes.
//!
//! - The client's `LOGIN` line is written as `TAG LOGIN "user" <redacted>`; every other line is
//!   scrubbed of the password in every form it could take (raw, IMAP-quoted, base64), and a
//!   server line that carries it is hidden whole.
//! - A literal the server sends (`{1234}` then that many bytes: the message we fetch) becomes
//!   one note with its size, not its content.
//! - The server may send at most [`MAX_SERVER_BYTES`] in one connection, so a hostile server
//!   cannot fill memory.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Instant;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::event::{Direction, TranscriptLine};
use crate::secret::{HIDDEN_REPLY, Password, REDACTED, SecretForms};

/// The most a server may send in one connection (a test message is a few kilobytes).
pub const MAX_SERVER_BYTES: usize = 16 * 1024 * 1024;
/// A line longer than this is cut in the transcript.
const MAX_SHOWN_LINE: usize = 2000;

/// Called with every transcript line as it happens.
pub type LineSink = Arc<dyn Fn(&TranscriptLine) + Send + Sync>;

/// The transcript of one inbox check, shared by the connection's streams.
#[derive(Clone)]
pub struct Transcript {
    inner: Arc<Mutex<Shared>>,
}

struct Shared {
    lines: Vec<TranscriptLine>,
    start: Instant,
    sink: LineSink,
    user: String,
    /// The password as it may appear in a client line: raw and IMAP-quoted.
    client_secrets: Vec<String>,
    forms: SecretForms,
}

impl Transcript {
    /// An empty transcript for signing in as `user` with `password`; `sink` sees every line.
    pub fn new(user: &str, password: &Password, sink: LineSink) -> Self {
        let mut client_secrets = password.wire_forms(user);
        if !password.is_empty() {
            client_secrets.push(imap_quoted(password.expose()));
        }
        Self {
            inner: Arc::new(Mutex::new(Shared {
                lines: Vec::new(),
                start: Instant::now(),
                sink,
                user: user.to_owned(),
                client_secrets,
                forms: SecretForms::new(password, user),
            })),
        }
    }

    /// Adds a note from the tester.
    pub fn info(&self, text: &str) {
        self.push(Direction::Info, text.to_owned(), false);
    }

    /// Text from the server that is not a transcript line (an error's words), made safe as a
    /// server line is: escaped, and hidden after its tag and status when it carries the
    /// password.
    pub fn server_text(&self, text: &str) -> String {
        self.lock().hide(&crate::untrusted::displayable_str(text))
    }

    /// Whether `text` carries the password in any form (raw, IMAP-quoted, base64).
    pub fn carries_password(&self, text: &str) -> bool {
        self.lock().carries(text)
    }

    /// The last line the server sent, as the transcript shows it.
    pub fn last_server_line(&self) -> Option<String> {
        self.lock()
            .lines
            .iter()
            .rev()
            .find(|line| line.dir == Direction::Server)
            .map(|line| line.text.clone())
    }

    /// Every line so far.
    pub fn lines(&self) -> Vec<TranscriptLine> {
        self.lock().lines.clone()
    }

    fn client_line(&self, raw: &[u8], encrypted: bool) {
        let text = shown_line(raw);
        let text = {
            let shared = self.lock();
            redact_client_line(&text, &shared.user, &shared.client_secrets)
        };
        self.push(Direction::Client, text, encrypted);
    }

    fn server_line(&self, raw: &[u8], encrypted: bool) {
        let text = shown_line(raw);
        let text = self.lock().hide(&text);
        self.push(Direction::Server, text, encrypted);
    }

    fn push(&self, dir: Direction, text: String, encrypted: bool) {
        let mut shared = self.lock();
        let ms = u64::try_from(shared.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        let line = TranscriptLine {
            dir,
            text,
            ms,
            encrypted,
        };
        (shared.sink)(&line);
        shared.lines.push(line);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Shared {
    fn carries(&self, text: &str) -> bool {
        self.forms.appear_in(text)
            || self
                .client_secrets
                .iter()
                .any(|s| text.contains(s.as_str()))
    }

    /// `text` whole, or its tag and status word (`A1 NO`, `* BYE`) and the hidden mark when it
    /// carries the password: cutting out only the password would show where it was.
    fn hide(&self, text: &str) -> String {
        if !self.carries(text) {
            return text.to_owned();
        }
        let words: Vec<&str> = text.splitn(3, ' ').collect();
        let status = ["OK", "NO", "BAD", "BYE", "PREAUTH"];
        let kept = match words.as_slice() {
            [tag, word, ..] if status.iter().any(|s| word.eq_ignore_ascii_case(s)) => {
                format!("{tag} {word} ")
            }
            _ => String::new(),
        };
        format!("{kept}{HIDDEN_REPLY}")
    }
}

/// A stream whose traffic is written to a [`Transcript`].
#[derive(Debug)]
pub struct Recorded<S> {
    inner: S,
    log: TranscriptHandle,
    encrypted: bool,
    read_line: Vec<u8>,
    write_line: Vec<u8>,
    literal_left: usize,
    literal_size: usize,
    read_total: usize,
}

/// [`Transcript`] with a `Debug` (async-imap wants one on the stream).
#[derive(Clone)]
struct TranscriptHandle(Transcript);

impl std::fmt::Debug for TranscriptHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Transcript")
    }
}

impl<S> Recorded<S> {
    /// Records `inner`'s traffic in `log`; `encrypted` marks the lines as sent over TLS.
    pub fn new(inner: S, log: &Transcript, encrypted: bool) -> Self {
        Self {
            inner,
            log: TranscriptHandle(log.clone()),
            encrypted,
            read_line: Vec::new(),
            write_line: Vec::new(),
            literal_left: 0,
            literal_size: 0,
            read_total: 0,
        }
    }

    /// The stream itself (for the TLS handshake after STARTTLS).
    pub fn into_inner(self) -> S {
        self.inner
    }

    fn server_bytes(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            if self.literal_left > 0 {
                let taken = self.literal_left.min(bytes.len());
                self.literal_left -= taken;
                bytes = &bytes[taken..];
                if self.literal_left == 0 {
                    let note = format!("({} bytes of message data, not shown)", self.literal_size);
                    self.log.0.push(Direction::Info, note, self.encrypted);
                }
                continue;
            }
            let (line, rest) = match bytes.iter().position(|&b| b == b'\n') {
                Some(end) => (&bytes[..=end], &bytes[end + 1..]),
                None => (bytes, &[][..]),
            };
            self.read_line.extend_from_slice(line);
            bytes = rest;
            if self.read_line.ends_with(b"\n") || self.read_line.len() > 64 * 1024 {
                let line = std::mem::take(&mut self.read_line);
                self.log.0.server_line(&line, self.encrypted);
                if let Some(size) = literal_size(&line) {
                    self.literal_left = size;
                    self.literal_size = size;
                }
            }
        }
    }

    fn client_bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_line.push(byte);
            if byte == b'\n' {
                let line = std::mem::take(&mut self.write_line);
                self.log.0.client_line(&line, self.encrypted);
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Recorded<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            let new = &buf.filled()[before..];
            this.read_total = this.read_total.saturating_add(new.len());
            if this.read_total > MAX_SERVER_BYTES {
                return Poll::Ready(Err(io::Error::other(crate::en!(
                    "the server sent more than {mib} MiB",
                    mib = MAX_SERVER_BYTES / (1024 * 1024)
                ))));
            }
            let new = new.to_vec();
            this.server_bytes(&new);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Recorded<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(written)) = polled {
            this.client_bytes(&buf[..written]);
        }
        polled
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// `N` when `line` ends with an IMAP literal announcement `{N}` (or `{N+}`).
fn literal_size(line: &[u8]) -> Option<usize> {
    let line = line.strip_suffix(b"\n")?;
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = line.strip_suffix(b"}")?;
    let open = line.iter().rposition(|&b| b == b'{')?;
    let digits = std::str::from_utf8(&line[open + 1..]).ok()?;
    digits.trim_end_matches('+').parse().ok()
}

/// A line as the transcript shows it: without its line end, safe to show, cut when very long.
fn shown_line(raw: &[u8]) -> String {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let mut text = crate::untrusted::displayable(raw);
    if text.chars().count() > MAX_SHOWN_LINE {
        text = text.chars().take(MAX_SHOWN_LINE).collect::<String>() + " …(cut)";
    }
    text
}

/// A client line with the password out of it: `LOGIN` and `AUTHENTICATE` lose everything after
/// the command (the user name is put back from what we know), any other line is scrubbed.
fn redact_client_line(text: &str, user: &str, secrets: &[String]) -> String {
    let mut words = text.splitn(3, ' ');
    let tag = words.next().unwrap_or_default();
    let command = words.next().unwrap_or_default();
    if command.eq_ignore_ascii_case("LOGIN") {
        return format!("{tag} LOGIN {} {REDACTED}", imap_quoted(user));
    }
    if command.eq_ignore_ascii_case("AUTHENTICATE") {
        return format!("{tag} AUTHENTICATE {REDACTED}");
    }
    crate::secret::scrub(text, secrets)
}

/// `text` as an IMAP quoted string, as async-imap writes it.
fn imap_quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_lines_keep_the_user_and_lose_the_password() {
        let secrets = vec!["s3cret\"x".to_owned(), imap_quoted("s3cret\"x")];
        let line = redact_client_line("A1 LOGIN \"u@x\" \"s3cret\\\"x\"", "u@x", &secrets);
        assert_eq!(line, "A1 LOGIN \"u@x\" <redacted>");
        let other = redact_client_line("A2 SELECT s3cret\"x", "u@x", &secrets);
        assert_eq!(other, "A2 SELECT <redacted>");
    }

    #[test]
    fn literals_are_recognised() {
        assert_eq!(
            literal_size(b"* 1 FETCH (UID 4 BODY[] {1234}\r\n"),
            Some(1234)
        );
        assert_eq!(literal_size(b"A1 OK {7+}\r\n"), Some(7));
        assert_eq!(literal_size(b"* OK hello\r\n"), None);
        assert_eq!(literal_size(b"* OK {x}\r\n"), None);
    }
}
