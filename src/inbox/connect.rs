//! The connection to the mailbox server: TCP, then TLS at once (`imaps://`) or after STARTTLS
//! (`imap://`), every step bounded by the step limit and the cancel token, every byte recorded.

use std::future::Future;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_util::sync::CancellationToken;

use super::address::ImapSecurity;
use super::recorder::{Recorded, Transcript};
use super::request::{InboxError, InboxRequest};
use crate::session::tls::{self, TlsSetup};
use crate::session::wait::{Waited, bounded};

/// The encrypted, recorded stream async-imap talks over.
pub type ImapStream = Recorded<TlsStream<TcpStream>>;
/// An IMAP client before sign-in.
pub type Client = async_imap::Client<ImapStream>;

/// The longest greeting or STARTTLS answer line we read by hand.
const MAX_LINE: usize = 8 * 1024;

/// One connection attempt's context.
pub struct Link<'a> {
    /// What to connect to.
    pub request: &'a InboxRequest,
    /// Where the exchange is written.
    pub log: &'a Transcript,
    /// The user's stop.
    pub cancel: &'a CancellationToken,
}

impl Link<'_> {
    /// `host:port`, for messages.
    pub fn server(&self) -> String {
        format!(
            "{}:{}",
            self.request.mailbox.host, self.request.mailbox.port
        )
    }

    /// Runs one step within the step limit; `what` names it if it times out.
    pub async fn step<T>(
        &self,
        what: &str,
        future: impl Future<Output = T>,
    ) -> Result<T, InboxError> {
        match bounded(self.cancel, self.request.step_limit, future).await {
            Waited::Done(value) => Ok(value),
            Waited::TimedOut => Err(InboxError::Timeout {
                server: self.server(),
                what: what.to_owned(),
            }),
            Waited::Cancelled => Err(InboxError::Cancelled),
        }
    }

    /// A connected, encrypted client, greeting read, ready to sign in.
    pub async fn open(&self) -> Result<Client, InboxError> {
        let tcp = self.tcp().await?;
        match self.request.mailbox.security {
            ImapSecurity::Tls => {
                let mut stream = Recorded::new(self.handshake(tcp).await?, self.log, true);
                self.greeting(&mut stream).await?;
                Ok(Client::new(stream))
            }
            ImapSecurity::StartTls => {
                let mut plain = Recorded::new(tcp, self.log, false);
                self.greeting(&mut plain).await?;
                self.starttls(&mut plain).await?;
                let stream =
                    Recorded::new(self.handshake(plain.into_inner()).await?, self.log, true);
                Ok(Client::new(stream))
            }
        }
    }

    async fn tcp(&self) -> Result<TcpStream, InboxError> {
        let mailbox = &self.request.mailbox;
        let connect_error = |detail: String| InboxError::Connect {
            server: self.server(),
            detail,
        };
        let addresses: Vec<_> = self
            .step(
                crate::en!("the server's address"),
                tokio::net::lookup_host((mailbox.host.as_str(), mailbox.port)),
            )
            .await?
            .map_err(|err| {
                connect_error(crate::en!("the name could not be found: {err}", err = err))
            })?
            .collect();
        let mut last = crate::en!("the name has no address").to_owned();
        for address in addresses {
            self.log
                .info(&format!("Connecting to {} ({address})", self.server()));
            match self
                .step(crate::en!("the connection"), TcpStream::connect(address))
                .await
            {
                Ok(Ok(stream)) => return Ok(stream),
                Ok(Err(err)) => last = err.to_string(),
                Err(InboxError::Timeout { .. }) => crate::en!("no answer").clone_into(&mut last),
                Err(other) => return Err(other),
            }
        }
        Err(connect_error(last))
    }

    async fn handshake(&self, tcp: TcpStream) -> Result<TlsStream<TcpStream>, InboxError> {
        let tls_error = |detail: String| InboxError::Tls {
            server: self.server(),
            detail,
        };
        let host = &self.request.mailbox.host;
        let setup = TlsSetup::new(
            self.request.ca_pem.as_deref(),
            self.request.accept_invalid_certs,
            tls::Trust::PublicRoots,
        )
        .map_err(|why| {
            tls_error(crate::en!(
                "the extra certificate authority: {why}",
                why = why
            ))
        })?;
        let name = tls::server_name(host).map_err(tls_error)?;
        match self
            .step(
                crate::en!("the secure connection"),
                setup.connector.connect(name, tcp),
            )
            .await?
        {
            Ok(stream) => {
                let version = stream.get_ref().1.protocol_version();
                let label = version.map_or_else(|| "TLS".to_owned(), tls::version_label);
                self.log.info(&format!("Encrypted with {label}"));
                Ok(stream)
            }
            Err(err) => {
                let observed = setup.take_observed();
                let problem = match &observed.verdict {
                    Some(Err(verdict)) => tls::cert_problem(verdict, host, None),
                    _ => None,
                };
                Err(tls_error(problem.map_or_else(
                    || crate::untrusted::displayable_str(&err.to_string()),
                    |p| {
                        crate::en!(
                            "the server's certificate is refused: {problem}",
                            problem = p.words()
                        )
                    },
                )))
            }
        }
    }

    async fn greeting<S: tokio::io::AsyncRead + Unpin>(
        &self,
        stream: &mut Recorded<S>,
    ) -> Result<(), InboxError> {
        let line = self.line(stream, crate::en!("its greeting")).await?;
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("* OK") || upper.starts_with("* PREAUTH") {
            Ok(())
        } else if upper.starts_with("* BYE") {
            Err(InboxError::Protocol {
                server: self.server(),
                detail: crate::en!("it said {line}", line = line),
            })
        } else {
            Err(InboxError::NotImap {
                server: self.server(),
                said: line,
            })
        }
    }

    async fn starttls(&self, stream: &mut Recorded<TcpStream>) -> Result<(), InboxError> {
        self.step("STARTTLS", stream.write_all(b"A0 STARTTLS\r\n"))
            .await?
            .map_err(|err| self.broken(&err))?;
        // Untagged lines (a CAPABILITY) may come first; a server that never answers is bounded
        // by the step limit of each line.
        for _ in 0..32 {
            let line = self
                .line(stream, crate::en!("the answer to STARTTLS"))
                .await?;
            if line.len() >= 3 && line[..3].eq_ignore_ascii_case("A0 ") {
                return if line[3..].to_ascii_uppercase().starts_with("OK") {
                    Ok(())
                } else {
                    Err(InboxError::NoStartTls {
                        server: self.server(),
                    })
                };
            }
        }
        Err(InboxError::NoStartTls {
            server: self.server(),
        })
    }

    /// One line read byte by byte (nothing is read past it, so TLS can start right after).
    async fn line<S: tokio::io::AsyncRead + Unpin>(
        &self,
        stream: &mut Recorded<S>,
        what: &str,
    ) -> Result<String, InboxError> {
        let read = async {
            let mut line = Vec::new();
            while line.len() < MAX_LINE {
                let byte = stream.read_u8().await?;
                if byte == b'\n' {
                    break;
                }
                line.push(byte);
            }
            Ok::<_, std::io::Error>(line)
        };
        let line = self
            .step(what, read)
            .await?
            .map_err(|err| self.broken(&err))?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        Ok(self.log.server_text(&String::from_utf8_lossy(line)))
    }

    /// The error for a connection that broke.
    pub fn broken(&self, err: &dyn std::fmt::Display) -> InboxError {
        InboxError::Protocol {
            server: self.server(),
            detail: self.log.server_text(&err.to_string()),
        }
    }
}
