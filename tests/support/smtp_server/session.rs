//! One connection: raw banners, implicit TLS or STARTTLS, and the SMTP command dialogue.

use std::io;
use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

use super::config::{Banner, Fault, HOST, ServerConfig, Stage};
use super::hostile::{self, Hit};
use super::line_io::LineIo;
use super::log::Observations;

/// Reply to `MAIL FROM` and `AUTH` before TLS when `require_tls` is set.
pub const MUST_STARTTLS: &str = "530 5.7.0 Must issue a STARTTLS command first";

/// What a command handler tells the dialogue loop.
pub enum Flow {
    Continue,
    Close,
    StartTls,
}

/// How a dialogue on one stream ended.
enum Next<S> {
    Close,
    StartTls(S),
}

/// Per-connection state.
#[allow(clippy::struct_excessive_bools)] // independent facts of the SMTP state machine
pub struct Session {
    pub config: Arc<ServerConfig>,
    pub log: Arc<Observations>,
    pub encrypted: bool,
    pub greeted: bool,
    pub authenticated: bool,
    pub(super) has_sender: bool,
    pub(super) recipients: usize,
}

/// Handles one accepted connection until it ends; every stream is dropped on return.
pub async fn serve(
    tcp: TcpStream,
    config: Arc<ServerConfig>,
    tls: TlsAcceptor,
    log: Arc<Observations>,
) {
    let mut session = Session {
        config,
        log,
        encrypted: false,
        greeted: false,
        authenticated: false,
        has_sender: false,
        recipients: 0,
    };
    session.run(tcp, &tls).await;
}

/// Writes one reply and continues; `\n` in `reply` separates the lines of a multi-line reply.
pub async fn say<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut LineIo<S>,
    reply: &str,
) -> io::Result<Flow> {
    let lines: Vec<&str> = reply.split('\n').collect();
    io.reply(&lines).await?;
    Ok(Flow::Continue)
}

/// Whether a reply's last line has the wanted first digit.
pub(super) fn is_positive(lines: &[String], digit: char) -> bool {
    lines.last().is_some_and(|line| line.starts_with(digit))
}

pub(super) fn reply_or(custom: Option<&Vec<String>>, default: &str) -> Vec<String> {
    custom.cloned().unwrap_or_else(|| vec![default.to_owned()])
}

impl Session {
    async fn run(&mut self, tcp: TcpStream, tls: &TlsAcceptor) {
        let mut raw = LineIo::new(tcp, None);
        if !hostile::opening(&mut raw, &self.config.banner).await {
            return;
        }
        let tcp = raw.into_inner();
        if self.config.implicit_tls {
            if let Some(stream) = self.handshake(tcp, tls).await {
                self.dialogue(stream, true).await;
            }
        } else if let Next::StartTls(tcp) = self.dialogue(tcp, true).await
            && let Some(stream) = self.handshake(tcp, tls).await
        {
            self.dialogue(stream, false).await;
        }
    }

    async fn handshake(
        &mut self,
        mut tcp: TcpStream,
        tls: &TlsAcceptor,
    ) -> Option<TlsStream<TcpStream>> {
        if self.config.fault == Some(Fault::DropInTlsHandshake) {
            hostile::read_client_hello(&mut tcp).await;
            return None;
        }
        if self.config.fault == Some(Fault::AlertInTlsHandshake) {
            hostile::read_client_hello(&mut tcp).await;
            hostile::send_fatal_alert(&mut tcp).await;
            return None;
        }
        let stream = tls.accept(tcp).await.ok()?;
        self.log.update(|record| record.tls_handshakes += 1);
        // RFC 3207: after TLS the client starts over with EHLO.
        self.encrypted = true;
        self.greeted = false;
        self.authenticated = false;
        self.reset_transaction();
        Some(stream)
    }

    async fn dialogue<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        stream: S,
        greet: bool,
    ) -> Next<S> {
        let mut io = LineIo::new(stream, self.line_pause());
        if greet && !self.greet(&mut io).await {
            return Next::Close;
        }
        loop {
            let Some(line) = io.read_line().await else {
                return Next::Close;
            };
            self.log.update(|record| record.commands.push(line.clone()));
            let (verb, arg) = line.split_once(' ').unwrap_or((line.as_str(), ""));
            let stage = Stage::of_verb(verb);
            if let Some(stage) = stage {
                match self.fault_hits(&mut io, stage).await {
                    Hit::Missed => {}
                    Hit::Replied => continue,
                    Hit::Close => return Next::Close,
                }
            }
            match self
                .command(&mut io, &verb.to_ascii_uppercase(), arg.trim())
                .await
            {
                Ok(Flow::Continue) if stage.is_some() && self.drops_after(stage) => {
                    return Next::Close;
                }
                Ok(Flow::Continue) => {}
                Ok(Flow::StartTls) => return Next::StartTls(io.into_inner()),
                Ok(Flow::Close) | Err(_) => return Next::Close,
            }
        }
    }

    /// Writes the banner; `false` when the connection should end (write error or reject).
    async fn greet<S: AsyncRead + AsyncWrite + Unpin>(&self, io: &mut LineIo<S>) -> bool {
        let lines = match &self.config.banner {
            Banner::Normal(line) => vec![line.clone()],
            Banner::Lines(lines) => lines.clone(),
            Banner::Slow(line, pause) => {
                io.trickle(*pause);
                vec![line.clone()]
            }
            Banner::Bytes(bytes) => return hostile::raw_greeting(io, bytes).await,
            Banner::Silent | Banner::Http | Banner::Garbage => Vec::new(),
        };
        if io.reply(&lines).await.is_err() {
            return false;
        }
        if !is_positive(&lines, '2') {
            io.shutdown().await;
            return false;
        }
        true
    }

    /// Applies the fault injected at `stage`, if any.
    pub(super) async fn fault_hits<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        io: &mut LineIo<S>,
        stage: Stage,
    ) -> Hit {
        match self.config.fault {
            Some(Fault::DropAt(at)) if at == stage => Hit::Close,
            Some(Fault::StallAt(at)) if at == stage => {
                // Never answer again, but keep listening: tests see what the client sends
                // after giving up (a QUIT after a cancel, for instance).
                while let Some(line) = io.read_line().await {
                    self.log.update(|record| record.commands.push(line.clone()));
                }
                Hit::Close
            }
            Some(fault) => hostile::reply_fault(io, fault, stage).await,
            None => Hit::Missed,
        }
    }

    /// Whether the connection ends right after answering `stage`'s command.
    pub(super) fn drops_after(&self, stage: Option<Stage>) -> bool {
        matches!(self.config.fault, Some(Fault::DropAfter(at)) if Some(at) == stage)
    }

    fn line_pause(&self) -> Option<std::time::Duration> {
        match self.config.fault {
            Some(Fault::SlowLines(pause)) => Some(pause),
            _ => None,
        }
    }

    /// Whether AUTH is advertised (and accepted) at this point of the connection.
    pub fn auth_advertised(&self) -> bool {
        !self.config.auth_mechanisms.is_empty() && (self.encrypted || self.config.auth_before_tls)
    }

    pub(super) fn reset_transaction(&mut self) {
        self.has_sender = false;
        self.recipients = 0;
    }

    async fn command<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
        verb: &str,
        arg: &str,
    ) -> io::Result<Flow> {
        match verb {
            "EHLO" => self.ehlo(io, arg).await,
            "HELO" if arg.is_empty() => say(io, "501 5.5.4 Syntax: HELO hostname").await,
            "HELO" => {
                self.reset_transaction();
                self.greeted = true;
                say(io, &format!("250 {HOST}")).await
            }
            "STARTTLS" => self.starttls(io).await,
            "AUTH" => self.auth(io, arg).await,
            "MAIL" => self.mail(io).await,
            "RCPT" => self.rcpt(io, arg).await,
            "DATA" => self.data(io).await,
            "RSET" => {
                self.reset_transaction();
                say(io, "250 2.0.0 Ok").await
            }
            "NOOP" => say(io, "250 2.0.0 Ok").await,
            "QUIT" => {
                io.reply(&["221 2.0.0 Bye"]).await?;
                io.shutdown().await;
                Ok(Flow::Close)
            }
            _ => say(io, "502 5.5.2 Error: command not recognized").await,
        }
    }

    async fn ehlo<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
        name: &str,
    ) -> io::Result<Flow> {
        if name.is_empty() {
            return say(io, "501 5.5.4 Syntax: EHLO hostname").await;
        }
        self.reset_transaction();
        if let Some(lines) = &self.config.ehlo_reply {
            self.greeted = is_positive(lines, '2');
            io.reply(lines).await?;
            return Ok(Flow::Continue);
        }
        self.greeted = true;
        let greeting = self
            .config
            .ehlo_greeting
            .clone()
            .unwrap_or_else(|| format!("{HOST} greets {name}"));
        let mut items = vec![
            greeting,
            "PIPELINING".to_owned(),
            "SIZE 10240000".to_owned(),
        ];
        if self.config.offer_starttls && !self.encrypted {
            items.push("STARTTLS".to_owned());
        }
        if self.auth_advertised() {
            items.push(format!("AUTH {}", self.config.auth_mechanisms.join(" ")));
        }
        items.push("ENHANCEDSTATUSCODES".to_owned());
        items.push("8BITMIME".to_owned());
        items.extend(self.config.ehlo_extra.iter().cloned());
        let last = items.len() - 1;
        let lines: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(index, item)| format!("250{}{item}", if index == last { ' ' } else { '-' }))
            .collect();
        io.reply(&lines).await?;
        Ok(Flow::Continue)
    }

    async fn starttls<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
    ) -> io::Result<Flow> {
        if self.encrypted {
            return say(io, "503 5.5.1 Error: TLS already active").await;
        }
        if !self.config.offer_starttls {
            return say(io, "502 5.5.2 Error: command not recognized").await;
        }
        let reply = self
            .config
            .starttls_reply
            .clone()
            .unwrap_or_else(|| "220 2.0.0 Ready to start TLS".to_owned());
        io.reply(&[&reply]).await?;
        Ok(if reply.starts_with('2') {
            Flow::StartTls
        } else {
            Flow::Continue
        })
    }
}
