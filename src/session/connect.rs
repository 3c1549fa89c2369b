//! Resolve, connect, and the TLS handshake (implicit or after STARTTLS).

use std::net::{IpAddr, SocketAddr};

use tokio::net::TcpStream;

use super::Session;
use super::connection::{Connection, Stream};
use super::error::SessionError;
use super::eyeballs::{Attempts, spoken};
use super::tls::{TlsSetup, cert_problem, server_name, speaks_only_old_tls, version_label};
use super::wait::{Waited, bounded};
use crate::certificate::CertificateInfo;
use crate::event::{SessionEvent, Step, TlsInfo};
use crate::settings::Security;

impl Session<'_> {
    /// Resolve + Connect (+ the implicit TLS handshake).
    pub(super) async fn connect(&mut self) -> Result<(), SessionError> {
        let addresses = self.resolve().await?;
        let tcp = self.open(&addresses).await?;
        self.name_this_end(&tcp);
        if self.plan.security == Security::ImplicitTls {
            self.rec.begin(Step::Tls);
            let conn = self.handshake(Step::Tls, tcp).await?;
            self.conn = Some(conn);
        } else {
            self.conn = Some(Connection::new(Stream::Plain(tcp)));
        }
        Ok(())
    }

    async fn resolve(&mut self) -> Result<Vec<SocketAddr>, SessionError> {
        let (host, port) = (self.plan.host.as_str(), self.plan.port);
        self.rec.begin(Step::Resolve);
        if !self.plan.addresses.is_empty() {
            let list: Vec<String> = self
                .plan
                .addresses
                .iter()
                .map(ToString::to_string)
                .collect();
            self.rec.info(&format!(
                "{host} is {} (looked up already)",
                list.join(", ")
            ));
            return Ok(self
                .plan
                .addresses
                .iter()
                .map(|ip| SocketAddr::new(*ip, port))
                .collect());
        }
        if let Ok(ip) = host.parse::<IpAddr>() {
            self.rec
                .info(&format!("{host} is an IP address: nothing to look up"));
            return Ok(vec![SocketAddr::new(ip, port)]);
        }
        let limit = self.plan.timeouts.connect();
        let cancel = self.cancel.clone();
        let not_found = |detail: String| SessionError::DnsNotFound {
            host: host.to_owned(),
            detail,
        };
        let addresses: Vec<SocketAddr> =
            match bounded(&cancel, limit, tokio::net::lookup_host((host, port))).await {
                Waited::Done(Ok(found)) => found.collect(),
                Waited::Done(Err(err)) => {
                    self.rec.info(&format!("could not find {host}: {err}"));
                    return Err(not_found(err.to_string()));
                }
                Waited::TimedOut => {
                    return Err(not_found(crate::en!(
                        "no answer from DNS within {secs} s",
                        secs = limit.as_secs(),
                    )));
                }
                Waited::Cancelled => {
                    return Err(SessionError::Cancelled {
                        step: Step::Resolve,
                    });
                }
            };
        if addresses.is_empty() {
            return Err(not_found(crate::en!("the name has no address").to_owned()));
        }
        let list: Vec<String> = addresses.iter().map(|a| a.ip().to_string()).collect();
        self.rec.info(&format!("{host} is {}", list.join(", ")));
        Ok(addresses)
    }

    /// Connects to one of `addresses` (RFC 8305, "Happy Eyeballs", see `eyeballs`): the
    /// families take turns, and an attempt without an answer after 250 ms gets the next address
    /// tried beside it, so an address that drops packets (often IPv6) cannot use up the whole
    /// limit. The first connection wins and the others are dropped; all of it within the
    /// connect limit, and a cancel ends it at once.
    async fn open(&mut self, addresses: &[SocketAddr]) -> Result<TcpStream, SessionError> {
        self.rec.begin(Step::Connect);
        let limit = self.plan.timeouts.connect();
        let cancel = self.cancel.clone();
        let mut attempts = Attempts::new(addresses);
        if attempts.order.is_empty() {
            return Err(SessionError::ConnectFailed {
                address: self.plan.host.clone(),
                detail: crate::en!("no address to connect to").to_owned(),
            });
        }
        match bounded(&cancel, limit, attempts.race(&mut self.rec)).await {
            Waited::Done(Some((address, tcp))) => {
                // Small commands must not wait for Nagle's algorithm.
                let _ = tcp.set_nodelay(true);
                self.rec.info(&format!("connected to {}", spoken(address)));
                self.addr = Some(address);
                Ok(tcp)
            }
            Waited::Done(None) => Err(attempts.all_failed(&mut self.rec)),
            Waited::TimedOut => Err(attempts.out_of_time(&mut self.rec, limit)),
            Waited::Cancelled => Err(SessionError::Cancelled {
                step: Step::Connect,
            }),
        }
    }

    /// When the EHLO name is this end's address (a generic client on a computer without a full
    /// domain name, RFC 5321 4.1.4), takes it from the connection just opened.
    fn name_this_end(&mut self, tcp: &TcpStream) {
        let plan = self.plan;
        let Ok(local) = tcp.local_addr() else {
            return;
        };
        if let Some(name) = plan.client_domain.connected_from(local.ip()) {
            self.rec.info(&format!(
                "this computer has no full domain name, so it introduces itself by its address on this connection: {name}"
            ));
        }
    }

    /// The TLS configuration, built once per session (reads the extra CA file, if any).
    async fn tls_setup(&mut self, step: Step) -> Result<TlsSetup, SessionError> {
        if let Some(setup) = &self.tls {
            return Ok(setup.clone());
        }
        let extra = match &self.plan.ca_file {
            Some(path) => {
                Some(
                    tokio::fs::read(path)
                        .await
                        .map_err(|err| SessionError::CaFile {
                            path: path.display().to_string(),
                            detail: err.to_string(),
                        })?,
                )
            }
            None => None,
        };
        let setup = TlsSetup::new(
            extra.as_deref(),
            self.plan.accept_invalid_certs,
            super::tls::Trust::for_target(self.plan.target),
        )
        .map_err(|detail| match &self.plan.ca_file {
            Some(path) => SessionError::CaFile {
                path: path.display().to_string(),
                detail,
            },
            None => SessionError::TlsHandshake {
                step,
                detail,
                certificate: None,
                plain_banner: None,
                alert: None,
            },
        })?;
        self.tls = Some(setup.clone());
        Ok(setup)
    }

    /// Runs a TLS handshake over `tcp` and reports version, cipher and certificate.
    pub(super) async fn handshake(
        &mut self,
        step: Step,
        tcp: TcpStream,
    ) -> Result<Connection, SessionError> {
        let setup = self.tls_setup(step).await?;
        let host = self.plan.host.clone();
        let name = server_name(&host).map_err(|detail| SessionError::TlsHandshake {
            step,
            detail,
            certificate: None,
            plain_banner: None,
            alert: None,
        })?;
        self.rec.info(&format!(
            "TLS handshake, checking the certificate is valid for {host}"
        ));
        let limit = self.plan.timeouts.command();
        let cancel = self.cancel.clone();
        let outcome = bounded(&cancel, limit, setup.connector.connect(name, tcp)).await;
        let observed = setup.take_observed();
        let leaf = observed
            .chain
            .first()
            .and_then(|der| CertificateInfo::from_der(der));
        if let Some(cert) = &leaf {
            self.report_certificate(cert);
        }
        let problem = match &observed.verdict {
            Some(Err(err)) => cert_problem(err, &host, leaf.as_ref()),
            _ => None,
        };
        match outcome {
            Waited::Done(Ok(stream)) => {
                if let Some(problem) = problem {
                    self.rec.info(&format!(
                        "warning: the certificate is not valid ({problem:?}); continuing only because invalid certificates are allowed"
                    ));
                    self.rec.report.accepted_certificate_problem = Some(problem);
                }
                self.rec.encrypted = true;
                let conn = Connection::new(Stream::Tls(Box::new(stream)));
                if let Some(tls) = conn.tls() {
                    let info = TlsInfo {
                        version: tls
                            .protocol_version()
                            .map(version_label)
                            .unwrap_or_default(),
                        cipher: tls
                            .negotiated_cipher_suite()
                            .map(|suite| format!("{:?}", suite.suite()))
                            .unwrap_or_default(),
                    };
                    self.rec.info(&format!(
                        "encrypted with {} ({})",
                        info.version, info.cipher
                    ));
                    self.rec.event(SessionEvent::Tls(info));
                }
                Ok(conn)
            }
            Waited::Done(Err(err)) => {
                // The TLS library's words can quote the server's certificate names.
                let detail = crate::untrusted::displayable_str(&err.to_string());
                self.rec.info(&format!("TLS handshake failed: {detail}"));
                if speaks_only_old_tls(&err) {
                    self.rec.info(
                        "the server offers only TLS 1.0 or 1.1, outdated versions this test refuses",
                    );
                    return Err(SessionError::TlsOutdated { step, detail });
                }
                let plain_banner = if problem.is_none() && step == Step::Tls {
                    self.probe_plain_banner().await
                } else {
                    None
                };
                Err(SessionError::TlsHandshake {
                    step,
                    detail,
                    certificate: problem,
                    plain_banner,
                    alert: super::tls::alert_received(&err),
                })
            }
            Waited::TimedOut => Err(self.timeout(step, limit)),
            Waited::Cancelled => Err(SessionError::Cancelled { step }),
        }
    }

    fn report_certificate(&mut self, cert: &CertificateInfo) {
        self.rec.info(&format!(
            "certificate for {} issued by {}, valid until {}",
            cert.names.join(", "),
            cert.issuer,
            cert.not_after
        ));
        self.rec
            .info(&format!("certificate SHA-256 {}", cert.sha256));
        self.rec.event(SessionEvent::Certificate(cert.clone()));
    }
}
