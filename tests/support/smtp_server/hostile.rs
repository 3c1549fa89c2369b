//! The hostile behaviours: banners that are not SMTP, raw and endless replies, a huge line, a
//! handshake cut short. Each one ends when the client goes away, so no task outlives its test.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

use super::config::{Banner, Fault, Stage};
use super::line_io::LineIo;

const HTTP_400: &[u8] = b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n\
Content-Length: 12\r\nConnection: close\r\n\r\nBad Request\n";
const GARBAGE: &[u8] = b"\xff\xfe\x00\x80\xc3\x28\x1b[0m\xa0\xa1\xf0\x28\x8c\xbc\r\n";

/// What an injected fault did with the command that triggered it.
pub enum Hit {
    /// Nothing: answer the command as usual.
    Missed,
    /// The fault answered it: read the next command.
    Replied,
    /// The connection must end.
    Close,
}

/// The banners written before any TLS: `true` when the SMTP dialogue should follow.
pub async fn opening(raw: &mut LineIo<TcpStream>, banner: &Banner) -> bool {
    match banner {
        Banner::Silent => raw.drain().await,
        Banner::Http => {
            if raw.write_raw(HTTP_400).await.is_ok() {
                raw.shutdown().await;
            }
        }
        Banner::Garbage => {
            if raw.write_raw(GARBAGE).await.is_ok() {
                raw.drain().await;
            }
        }
        Banner::Normal(_) | Banner::Lines(_) | Banner::Bytes(_) | Banner::Slow(..) => {
            return true;
        }
    }
    false
}

/// A greeting of raw bytes: `true` when it is a `2xx` and the dialogue goes on; otherwise the
/// socket stays open (as an IMAP or POP3 server waits for its own commands) until the client
/// closes it.
pub async fn raw_greeting<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut LineIo<S>,
    bytes: &[u8],
) -> bool {
    if io.write_raw(bytes).await.is_err() {
        return false;
    }
    if bytes.first() == Some(&b'2') {
        return true;
    }
    io.drain().await;
    false
}

/// Applies a fault that answers `stage`'s command in its own way.
pub async fn reply_fault<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut LineIo<S>,
    fault: Fault,
    stage: Stage,
) -> Hit {
    match fault {
        Fault::RawReplyAt(at, bytes) if at == stage => match io.write_raw(bytes).await {
            Ok(()) => Hit::Replied,
            Err(_) => Hit::Close,
        },
        Fault::LongLineAt(at, len) if at == stage => match long_line(io, len).await {
            Ok(()) => Hit::Replied,
            Err(_) => Hit::Close,
        },
        Fault::EndlessReplyAt(at) if at == stage => {
            endless(io).await;
            Hit::Close
        }
        Fault::SlowBytesFrom(at, pause) if at == stage => {
            io.trickle(pause);
            Hit::Missed
        }
        _ => Hit::Missed,
    }
}

/// `250 ` and `len` letters, then CRLF, in one write (so the client gets it in full chunks).
async fn long_line<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut LineIo<S>,
    len: usize,
) -> std::io::Result<()> {
    let mut line = Vec::with_capacity(len + 6);
    line.extend_from_slice(b"250 ");
    line.resize(len + 4, b'a');
    line.extend_from_slice(b"\r\n");
    io.write_raw(&line).await
}

/// `250-` lines, as fast as the client takes them, until writing fails.
async fn endless<S: AsyncRead + AsyncWrite + Unpin>(io: &mut LineIo<S>) {
    let mut count: u64 = 0;
    loop {
        count += 1;
        let line = format!("250-X-ENDLESS-{count} and there is always one more line");
        if io.reply(&[line]).await.is_err() {
            return;
        }
    }
}

/// Reads what the client sends first in a TLS handshake (its `ClientHello`), for at most a few
/// seconds, so the connection can be closed half-way through the handshake.
pub async fn read_client_hello(tcp: &mut TcpStream) {
    let mut hello = [0_u8; 512];
    let _ = tokio::time::timeout(Duration::from_secs(5), tcp.read(&mut hello)).await;
}

/// Writes one TLS record: a fatal `handshake_failure` alert (RFC 8446 6.2: level 2,
/// description 40), as a server does when it shares no protocol version or cipher with the
/// client.
pub async fn send_fatal_alert(tcp: &mut TcpStream) {
    const ALERT: [u8; 7] = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28];
    let _ = tcp.write_all(&ALERT).await;
    let _ = tcp.flush().await;
}
