//! The SMTP conversation itself: greeting, EHLO, STARTTLS, AUTH, the envelope, DATA, QUIT.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::Session;
use super::error::SessionError;
use crate::event::{ServerInfo, Step};
use crate::reply::Reply;
use crate::secret::REDACTED;
use crate::settings::{Security, SignIn, Target};

mod send;

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
    ///
    /// System.Net.Mail falls back to HELO only for the first EHLO (the one after STARTTLS must
    /// succeed), and after HELO it assumes the server takes AUTH LOGIN.
    async fn say_ehlo(&mut self, step: Step) -> Result<(), SessionError> {
        let name = self.plan.client_domain.clone();
        let ehlo = format!("EHLO {name}");
        let reply = self.command(step, &ehlo, &ehlo).await?;
        let dotnet = self.plan.target == Target::DotNet;
        let helo_allowed = !dotnet || step == Step::Ehlo;
        let (extensions, helo) = if reply.code == 250 {
            (reply.lines.iter().skip(1).cloned().collect(), false)
        } else if matches!(reply.code, 500 | 502) && helo_allowed {
            self.rec
                .info("the server does not know EHLO; trying the older HELO");
            let helo = format!("HELO {name}");
            let reply = self.command(step, &helo, &helo).await?;
            if reply.code != 250 {
                return Err(SessionError::Rejected { step, reply });
            }
            (Vec::new(), true)
        } else {
            return Err(SessionError::Rejected { step, reply });
        };
        let mut auth_mechanisms = auth_mechanisms(&extensions);
        if helo && dotnet {
            self.rec
                .info("after HELO, ASP.NET assumes the server takes AUTH LOGIN; so does the test");
            auth_mechanisms.push("LOGIN".to_owned());
        }
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
                detail: crate::en!(
                    "the server sent more data before the TLS handshake (a known attack on STARTTLS)"
                )
                .to_owned(),
            });
        }
        let tcp = conn.into_tcp().ok_or(SessionError::Protocol {
            step: Step::StartTls,
            detail: crate::en!("STARTTLS on a connection that is already encrypted").to_owned(),
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
        if self.plan.settings.sign_in == SignIn::OAuth {
            return self.authenticate_oauth(&user, &password).await;
        }
        if self.plan.target == Target::DotNet {
            return self.authenticate_like_dotnet(&user, &password).await;
        }
        let offered = self.rec.report.server.auth_mechanisms.clone();
        if offered.is_empty() {
            self.rec.begin(Step::Auth);
            return Err(SessionError::AuthNotOffered {
                encrypted: self.rec.encrypted,
                starttls_offered: self.rec.report.server.offers("STARTTLS"),
            });
        }
        self.rec.begin(Step::Auth);
        self.guard_plaintext_password()?;
        let has = |name: &str| offered.iter().any(|m| m.eq_ignore_ascii_case(name));
        if has("PLAIN") {
            let token = STANDARD.encode(format!("\0{user}\0{}", password.expose()));
            let reply = self
                .command(
                    Step::Auth,
                    &format!("AUTH PLAIN {token}"),
                    &format!("AUTH PLAIN {REDACTED}"),
                )
                .await?;
            expect(Step::Auth, reply, 235)?;
        } else if has("LOGIN") {
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
        } else {
            return Err(SessionError::AuthMechanismUnsupported {
                offered,
                target_name: crate::en!("this tester (PLAIN or LOGIN)").to_owned(),
            });
        }
        self.rec.pass();
        Ok(())
    }

    /// Signs in exactly as System.Net.Mail does with a user name and password: `AUTH login`
    /// (lower case) with the user name as initial response, then the password in answer to
    /// whatever `334` comes back. When that does not end in `235` it does not give up: it
    /// carries on without signing in, and so do we (the failure is kept in the report), so
    /// that the outcome is the website's own. Of its other methods (NTLM, Negotiate) we can
    /// only say that it would try them first.
    async fn authenticate_like_dotnet(
        &mut self,
        user: &str,
        password: &crate::secret::Password,
    ) -> Result<(), SessionError> {
        let offered = self.rec.report.server.auth_mechanisms.clone();
        let has = |name: &str| offered.iter().any(|m| m.eq_ignore_ascii_case(name));
        if has("NTLM") || has("GSSAPI") {
            self.rec.info(
                "note: the server also offers Windows sign-in (NTLM/Negotiate), which ASP.NET tries before LOGIN; this test can only check LOGIN",
            );
        }
        if offered.is_empty() {
            // System.Net.Mail silently skips AUTH when none is offered; so do we, so that
            // the server's own reply (often "Must issue a STARTTLS command first") shows.
            self.rec.skip(Step::Auth);
            self.rec.info(
                "the server offers no sign-in (AUTH) here; ASP.NET then sends without signing in, so the test does too",
            );
            return Ok(());
        }
        self.rec.begin(Step::Auth);
        if !has("LOGIN") {
            self.rec.info("the server does not offer AUTH LOGIN, the one method ASP.NET can use with a user name and password");
            self.went_on_unauthenticated(SessionError::AuthMechanismUnsupported {
                offered,
                target_name: "ASP.NET (System.Net.Mail)".to_owned(),
            });
            return Ok(());
        }
        self.guard_plaintext_password()?;
        self.rec
            .info("signing in with AUTH LOGIN, as ASP.NET does with a user name and password");
        let first = format!("AUTH login {}", STANDARD.encode(user));
        let mut reply = self
            .command(Step::Auth, &first, &format!("AUTH login {REDACTED}"))
            .await?;
        let mut password_sent = false;
        while reply.code == 334 {
            if password_sent {
                return Err(SessionError::AuthNotFinished { reply });
            }
            reply = self
                .command(Step::Auth, &STANDARD.encode(password.expose()), REDACTED)
                .await?;
            password_sent = true;
            if reply.code == 235 {
                self.rec.pass();
                return Ok(());
            }
        }
        self.went_on_unauthenticated(SessionError::Rejected {
            step: Step::Auth,
            reply,
        });
        Ok(())
    }

    /// Stops before the password would cross an unencrypted connection, unless the user
    /// allowed it for this test; when allowed, says so in the transcript and the report.
    fn guard_plaintext_password(&mut self) -> Result<(), SessionError> {
        if self.rec.encrypted {
            return Ok(());
        }
        let starttls_offered = self.rec.report.server.offers("STARTTLS");
        if !self.plan.allow_plaintext_password {
            self.rec.info(
                "stopping before the password is sent: the connection is not encrypted, so anyone on the way could read it",
            );
            return Err(SessionError::PlaintextPasswordRefused { starttls_offered });
        }
        let website = if self.plan.target == Target::DotNet {
            " (your website sends it the same way: enableSsl is false)"
        } else {
            ""
        };
        self.rec.info(&format!(
            "warning: the password now crosses the network UNENCRYPTED, as you allowed for this test{website}"
        ));
        self.rec.report.password_sent_unencrypted = true;
        Ok(())
    }

    /// Keeps a failed sign-in in the report and goes on as System.Net.Mail does.
    fn went_on_unauthenticated(&mut self, failure: SessionError) {
        self.rec.fail();
        self.rec.info(
            "ASP.NET goes on without signing in after this; so does the test, to show what your website would be told",
        );
        self.rec.report.sign_in_failure = Some(failure);
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
