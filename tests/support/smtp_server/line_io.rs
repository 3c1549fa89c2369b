//! Line-oriented reading and reply writing over any stream (plain TCP or TLS).

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// Longest accepted line, without its line ending; a longer line closes the connection.
pub const MAX_LINE: usize = 10_000;

/// A buffered stream speaking CRLF lines.
pub struct LineIo<S> {
    inner: BufReader<S>,
    line_pause: Option<Duration>,
    byte_pause: Option<Duration>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> LineIo<S> {
    /// Wraps `stream`; `line_pause` is the pause between lines of multi-line replies.
    pub fn new(stream: S, line_pause: Option<Duration>) -> Self {
        LineIo {
            inner: BufReader::new(stream),
            line_pause,
            byte_pause: None,
        }
    }

    /// From now on, every reply is written one byte per `pause` (a server on a dying link).
    pub fn trickle(&mut self, pause: Duration) {
        self.byte_pause = Some(pause);
    }

    /// The next line without its line ending, or `None` on EOF, error or an over-long line.
    pub async fn read_line(&mut self) -> Option<String> {
        let mut buf = Vec::new();
        let limit = (MAX_LINE + 2) as u64;
        match (&mut self.inner)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .await
        {
            Ok(n) if n > 0 && buf.ends_with(b"\n") => {}
            _ => return None,
        }
        buf.pop();
        if buf.ends_with(b"\r") {
            buf.pop();
        }
        (buf.len() <= MAX_LINE).then(|| String::from_utf8_lossy(&buf).into_owned())
    }

    /// Writes reply lines, each followed by CRLF, pausing between them if configured.
    pub async fn reply<L: AsRef<str>>(&mut self, lines: &[L]) -> std::io::Result<()> {
        for (index, line) in lines.iter().enumerate() {
            if index > 0
                && let Some(pause) = self.line_pause
            {
                tokio::time::sleep(pause).await;
            }
            let mut bytes = line.as_ref().as_bytes().to_vec();
            bytes.extend_from_slice(b"\r\n");
            self.write_raw(&bytes).await?;
        }
        Ok(())
    }

    /// Writes raw bytes (one at a time, with pauses, after [`Self::trickle`]).
    pub async fn write_raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let stream = self.inner.get_mut();
        let Some(pause) = self.byte_pause else {
            stream.write_all(bytes).await?;
            return stream.flush().await;
        };
        for byte in bytes {
            stream.write_all(&[*byte]).await?;
            stream.flush().await?;
            tokio::time::sleep(pause).await;
        }
        Ok(())
    }

    /// Orderly close of the sending side (TLS `close_notify`, then FIN).
    pub async fn shutdown(&mut self) {
        let _ = self.inner.get_mut().shutdown().await;
    }

    /// Reads and discards everything until the client closes or the connection fails.
    pub async fn drain(&mut self) {
        let _ = tokio::io::copy(&mut self.inner, &mut tokio::io::sink()).await;
    }

    /// The stream, dropping anything buffered but unread (as a server must after STARTTLS).
    pub fn into_inner(self) -> S {
        self.inner.into_inner()
    }
}
