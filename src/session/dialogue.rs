//! The SMTP conversation itself: greeting, EHLO, STARTTLS, AUTH, the envelope, DATA, QUIT.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::error::SessionError;
use super::{Session, message};
use crate::event::{ServerInfo, Step};
use crate::reply::Reply;
use crate::secret::REDACTED;
use crate::settings::{Security, Target};

/// The sign-in methods we can speak, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mechanism {
    Plain,
    Login,
}

impl Session<'_> {
    pub(super) async fn greeting(&mut self) -> Result<(), SessionError> {
        self.rec.begin(Step::Greeting);
        let limit = self.plan.timeouts.greeting();
        let reply = match self.read_reply(Step::Greeting, limit).await {
            Err(SessionError::Timeout { secs, .. }) => {
                let port_speaks_tls = self.conn.as_ref().is_some_and(|c| !c.is_tls())
                    && self.probe_speaks_tls().await;
                return Err(SessionError::NoGreeting {
                    secs,
                    port_speaks_tls,
                });
            }
            other => other?,
        };
        if reply.code != 220 {
            return Err(SessionError::Rejected {
                step: Step::Greeting,
                reply,
            });
        }
        self.rec.server_info(ServerInfo {
            banner: Some(reply.lines.join(" ")),
            ..ServerInfo::default()
        });
        self.rec.pass();
        Ok(())
    }

    pub(super) async fn ehlo(&mut self) -> Result<(), SessionError> {
        self.rec.begin(Step::Ehlo);
        self.say_ehlo(Step::Ehlo).await?;
        self.rec.pass();
        Ok(())
    }

    /// EHLO (HELO if the server refuses EHLO), and records the keywords it offers.
    async fn say_ehlo(&mut self, step: Step) -> Result<(), SessionError> {
        let name = self.plan.client_domain.clone();
        let ehlo = format!("EHLO {name}");
        let reply = self.command(step, &ehlo, &ehlo).await?;
        let extensions = if reply.code == 250 {
            reply.lines.iter().skip(1).cloned().collect()
        } else if matches!(reply.code, 500 | 502) {
            self.rec
                .info("the server does not know EHLO; trying the older HELO");
            let helo = format!("HELO {name}");
            let reply = self.command(step, &helo, &helo).await?;
            if reply.code != 250 {
                return Err(SessionError::Rejected { step, reply });
            }
            Vec::new()
        } else {
            return Err(SessionError::Rejected { step, reply });
        };
        let auth_mechanisms = auth_mechanisms(&extensions);
        let banner = self.rec.report.server.banner.clone();
        self.rec.server_info(ServerInfo {
            banner,
            extensions,
            auth_mechanisms,
        });
        Ok(())
    }

    /// STARTTLS when the settings ask for it; records the step as skipped otherwise.
    pub(super) async fn secure(&mut self) -> Result<(), SessionError> {
        match self.plan.security {
            Security::ImplicitTls => Ok(()),
            Security::None => {
                self.rec.skip(Step::StartTls);
                let message = if self.plan.target == Target::DotNet {
                    "enableSsl is false: the connection stays unencrypted"
                } else {
                    "no encryption requested: the connection stays unencrypted"
                };
                self.rec.info(message);
                Ok(())
            }
            Security::StartTls => self.starttls().await,
        }
    }

    async fn starttls(&mut self) -> Result<(), SessionError> {
        self.rec.begin(Step::StartTls);
        if !self.rec.report.server.offers("STARTTLS") {
            self.rec
                .info("the server does not offer STARTTLS on this port");
            return Err(SessionError::StartTlsNotOffered);
        }
        let reply = self.command(Step::StartTls, "STARTTLS", "STARTTLS").await?;
        if reply.code != 220 {
            return Err(SessionError::Rejected {
                step: Step::StartTls,
                reply,
            });
        }
        let conn = self.conn.take().ok_or(SessionError::ConnectionLost {
            step: Step::StartTls,
        })?;
        if conn.has_unread() {
            return Err(SessionError::Protocol {
                step: Step::StartTls,
                detail: "the server sent more data before the TLS handshake (a known attack on STARTTLS)".to_owned(),
            });
        }
        let tcp = conn.into_tcp().ok_or(SessionError::Protocol {
            step: Step::StartTls,
            detail: "STARTTLS on a connection that is already encrypted".to_owned(),
        })?;
        let conn = self.handshake(Step::StartTls, tcp).await?;
        self.conn = Some(conn);
        self.say_ehlo(Step::StartTls).await?;
        self.rec.pass();
        Ok(())
    }

    pub(super) async fn authenticate(&mut self) -> Result<(), SessionError> {
        let Some((user, password)) = self.plan.credentials.clone() else {
            self.rec.skip(Step::Auth);
            self.rec
                .info("no userName: sending without signing in, as the website would");
            return Ok(());
        };
        let offered = self.rec.report.server.auth_mechanisms.clone();
        if offered.is_empty() {
            if self.plan.target == Target::DotNet {
                // System.Net.Mail silently skips AUTH when none is offered; so do we, so that
                // the server's own reply (often "Must issue a STARTTLS command first") shows.
                self.rec.skip(Step::Auth);
                self.rec.info(
                    "the server offers no sign-in (AUTH) here; ASP.NET then sends without signing in, so the test does too",
                );
                return Ok(());
            }
            self.rec.begin(Step::Auth);
            return Err(SessionError::AuthNotOffered {
                encrypted: self.rec.encrypted,
                starttls_offered: self.rec.report.server.offers("STARTTLS"),
            });
        }
        self.rec.begin(Step::Auth);
        let mechanism = self.choose_mechanism(&offered)?;
        match mechanism {
            Mechanism::Plain => {
                let token = STANDARD.encode(format!("\0{user}\0{}", password.expose()));
                let reply = self
                    .command(
                        Step::Auth,
                        &format!("AUTH PLAIN {token}"),
                        &format!("AUTH PLAIN {REDACTED}"),
                    )
                    .await?;
                expect(Step::Auth, reply, 235)?;
            }
            Mechanism::Login => {
                let reply = self.command(Step::Auth, "AUTH LOGIN", "AUTH LOGIN").await?;
                expect(Step::Auth, reply, 334)?;
                let reply = self
                    .command(Step::Auth, &STANDARD.encode(&user), REDACTED)
                    .await?;
                expect(Step::Auth, reply, 334)?;
                let reply = self
                    .command(Step::Auth, &STANDARD.encode(password.expose()), REDACTED)
                    .await?;
                expect(Step::Auth, reply, 235)?;
            }
        }
        self.rec.pass();
        Ok(())
    }

    fn choose_mechanism(&mut self, offered: &[String]) -> Result<Mechanism, SessionError> {
        let has = |name: &str| offered.iter().any(|m| m.eq_ignore_ascii_case(name));
        let (choice, target_name) = match self.plan.target {
            // System.Net.Mail has Negotiate, NTLM, Digest and LOGIN; of these we speak LOGIN.
            Target::DotNet => (
                has("LOGIN").then_some(Mechanism::Login),
                "ASP.NET (System.Net.Mail)",
            ),
            Target::Generic => (
                if has("PLAIN") {
                    Some(Mechanism::Plain)
                } else if has("LOGIN") {
                    Some(Mechanism::Login)
                } else {
                    None
                },
                "this tester (PLAIN or LOGIN)",
            ),
        };
        if let Some(mechanism) = choice {
            if self.plan.target == Target::DotNet {
                if has("NTLM") || has("GSSAPI") {
                    self.rec.info(
                        "note: the server also offers Windows sign-in (NTLM/Negotiate), which ASP.NET tries before LOGIN; this test can only check LOGIN",
                    );
                }
                self.rec.info(
                    "signing in with AUTH LOGIN, as ASP.NET does with a user name and password",
                );
            }
            return Ok(mechanism);
        }
        Err(SessionError::AuthMechanismUnsupported {
            offered: offered.to_vec(),
            target_name: target_name.to_owned(),
        })
    }

    pub(super) async fn send_message(&mut self) -> Result<(), SessionError> {
        let from = self.plan.from.to_string();
        let to = self.plan.to.to_string();
        self.rec.begin(Step::MailFrom);
        let mail = format!("MAIL FROM:<{from}>");
        let reply = self.command(Step::MailFrom, &mail, &mail).await?;
        expect(Step::MailFrom, reply, 250)?;

        self.rec.begin(Step::RcptTo);
        let rcpt = format!("RCPT TO:<{to}>");
        let reply = self.command(Step::RcptTo, &rcpt, &rcpt).await?;
        if reply.code != 251 {
            expect(Step::RcptTo, reply, 250)?;
        }

        self.rec.begin(Step::Data);
        let reply = self.command(Step::Data, "DATA", "DATA").await?;
        expect(Step::Data, reply, 354)?;
        let built = message::build(self.plan).map_err(|detail| SessionError::Protocol {
            step: Step::Data,
            detail,
        })?;
        let lines = message::data_lines(&built.bytes);
        let mut block = lines.join("\r\n");
        block.push_str("\r\n.");
        for line in &lines {
            self.rec.client(line);
        }
        self.send_line(Step::Data, &block, ".").await?;
        let reply = self
            .read_reply(Step::Data, self.plan.timeouts.command())
            .await?;
        expect(Step::Data, reply, 250)?;
        self.rec.report.message_id = Some(built.message_id);
        self.rec.pass();
        Ok(())
    }

    /// Ends the session with QUIT. The server's answer does not matter any more.
    pub(super) async fn quit(&mut self) -> Result<(), SessionError> {
        self.rec.begin(Step::Quit);
        match self.command(Step::Quit, "QUIT", "QUIT").await {
            Ok(_) | Err(SessionError::ConnectionLost { .. } | SessionError::Timeout { .. }) => {
                self.rec.pass();
                Ok(())
            }
            Err(other) => Err(other),
        }
    }
}

/// Turns a reply with the wrong code into the step's error.
fn expect(step: Step, reply: Reply, code: u16) -> Result<Reply, SessionError> {
    if reply.code == code {
        Ok(reply)
    } else {
        Err(SessionError::Rejected { step, reply })
    }
}

/// The mechanisms named by `AUTH ...` (or the old `AUTH=...`) EHLO keywords.
fn auth_mechanisms(extensions: &[String]) -> Vec<String> {
    let mut mechanisms: Vec<String> = Vec::new();
    for extension in extensions {
        let upper = extension.to_ascii_uppercase();
        let rest = upper
            .strip_prefix("AUTH ")
            .or_else(|| upper.strip_prefix("AUTH="));
        if let Some(rest) = rest {
            for mechanism in rest.split_whitespace() {
                if !mechanisms.iter().any(|m| m == mechanism) {
                    mechanisms.push(mechanism.to_owned());
                }
            }
        }
    }
    mechanisms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_keywords_both_forms() {
        let extensions = vec![
            "PIPELINING".to_owned(),
            "AUTH PLAIN LOGIN".to_owned(),
            "AUTH=LOGIN XOAUTH2".to_owned(),
        ];
        assert_eq!(
            auth_mechanisms(&extensions),
            vec!["PLAIN", "LOGIN", "XOAUTH2"]
        );
    }
}
