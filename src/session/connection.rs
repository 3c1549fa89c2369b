//! The byte stream under the dialogue: plain TCP or TLS, read line by line with hard limits.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

/// Longest reply line we accept (RFC 5321 allows 512; real servers stay far below this).
pub const MAX_LINE_BYTES: usize = 8192;

/// The connection, before or after encryption.
pub enum Stream {
    /// Plain TCP.
    Plain(TcpStream),
    /// TLS over TCP (implicit or after STARTTLS).
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Plain(tcp) => Pin::new(tcp).poll_read(cx, buf),
            Self::Tls(tls) => Pin::new(tls.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Self::Plain(tcp) => Pin::new(tcp).poll_write(cx, buf),
            Self::Tls(tls) => Pin::new(tls.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Plain(tcp) => Pin::new(tcp).poll_flush(cx),
            Self::Tls(tls) => Pin::new(tls.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Self::Plain(tcp) => Pin::new(tcp).poll_shutdown(cx),
            Self::Tls(tls) => Pin::new(tls.as_mut()).poll_shutdown(cx),
        }
    }
}

/// What reading a line produced, short of a line.
#[derive(Debug)]
pub enum ReadError {
    /// The peer closed the connection.
    Closed,
    /// The connection broke.
    Io(io::Error),
    /// The bytes cannot be SMTP (shown in printable form).
    NotSmtp(String),
    /// A line longer than [`MAX_LINE_BYTES`].
    TooLong,
}

/// A stream plus the bytes read but not yet consumed.
pub struct Connection {
    stream: Stream,
    buffer: Vec<u8>,
    /// Whether the peer is known to have closed or broken the connection.
    pub broken: bool,
}

impl Connection {
    /// Wraps a freshly opened stream.
    pub fn new(stream: Stream) -> Self {
        Self {
            stream,
            buffer: Vec::with_capacity(1024),
            broken: false,
        }
    }

    /// Whether the stream is TLS.
    pub fn is_tls(&self) -> bool {
        matches!(self.stream, Stream::Tls(_))
    }

    /// The TLS session, when encrypted.
    pub fn tls(&self) -> Option<&rustls::ClientConnection> {
        match &self.stream {
            Stream::Tls(tls) => Some(tls.get_ref().1),
            Stream::Plain(_) => None,
        }
    }

    /// Whether bytes arrived that nobody asked for yet.
    pub fn has_unread(&self) -> bool {
        !self.buffer.is_empty()
    }

    /// Gives up the plain TCP stream (for STARTTLS). `None` if already encrypted.
    pub fn into_tcp(self) -> Option<TcpStream> {
        match self.stream {
            Stream::Plain(tcp) => Some(tcp),
            Stream::Tls(_) => None,
        }
    }

    /// Reads one line (without CR LF). Not bounded in time: callers wrap it in a timeout.
    pub async fn read_line(&mut self) -> Result<String, ReadError> {
        loop {
            if let Some(end) = self.buffer.iter().position(|b| *b == b'\n') {
                let mut line: Vec<u8> = self.buffer.drain(..=end).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                // The line end can arrive in the same read as the bytes past the limit.
                if line.len() > MAX_LINE_BYTES {
                    self.broken = true;
                    return Err(ReadError::TooLong);
                }
                return Ok(crate::untrusted::displayable(&line));
            }
            if !plausible_reply_start(&self.buffer) {
                self.broken = true;
                return Err(ReadError::NotSmtp(printable(&self.buffer)));
            }
            // A full line and its CR may be waiting for their LF.
            if self.buffer.len() > MAX_LINE_BYTES + 1 {
                self.broken = true;
                return Err(ReadError::TooLong);
            }
            let mut chunk = [0_u8; 4096];
            match self.stream.read(&mut chunk).await {
                Ok(0) => {
                    self.broken = true;
                    return Err(ReadError::Closed);
                }
                Ok(n) => self
                    .buffer
                    .extend_from_slice(chunk.get(..n).unwrap_or_default()),
                Err(err) => {
                    self.broken = true;
                    return Err(ReadError::Io(err));
                }
            }
        }
    }

    /// Writes `bytes` and flushes. Not bounded in time: callers wrap it in a timeout.
    pub async fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        let result = async {
            self.stream.write_all(bytes).await?;
            self.stream.flush().await
        }
        .await;
        if result.is_err() {
            self.broken = true;
        }
        result
    }
}

/// Whether `buffer` (the start of a line) can still become an SMTP reply line: up to three
/// digits first. Anything odd later in the line (a NUL, an escape sequence) is SMTP all the
/// same, as System.Net.Mail reads it, and is shown escaped.
fn plausible_reply_start(buffer: &[u8]) -> bool {
    buffer.iter().take(3).all(u8::is_ascii_digit)
}

/// A short rendering of received bytes that is safe to show, for messages and the transcript.
pub fn printable(bytes: &[u8]) -> String {
    let shown = crate::untrusted::displayable(bytes.get(..60).unwrap_or(bytes));
    if bytes.len() > 60 {
        format!("{shown}...")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_starts() {
        assert!(plausible_reply_start(b""));
        assert!(plausible_reply_start(b"22"));
        assert!(plausible_reply_start(b"220 mail ESMTP"));
        assert!(!plausible_reply_start(b"HTTP/1.1"));
        assert!(!plausible_reply_start(b"\x16\x03\x01"));
        assert!(
            plausible_reply_start(b"220 \x00\x01"),
            "SMTP with a NUL, shown escaped"
        );
    }

    #[test]
    fn printable_hides_binary() {
        assert_eq!(printable(b"\x16\x03\x01ab"), "\\x16\\x03\\x01ab");
        assert!(printable(&[b'x'; 100]).ends_with("..."));
    }
}
