//! Signing in with an OAuth 2 access token: XOAUTH2 or OAUTHBEARER, chosen from what the
//! server offers, never over an unencrypted connection, with the server's error challenge
//! decoded and answered as each mechanism requires.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::Session;
use super::error::SessionError;
use crate::event::Step;
use crate::oauth::{SaslMechanism, bearer_string, parse_challenge, xoauth2_string};
use crate::reply::Reply;
use crate::secret::{Password, REDACTED};

/// The longest command line we send with the token inside (Postfix's `line_length_limit`, the
/// smallest limit among common servers). A longer one goes after an empty `334` instead, where
/// servers accept much longer lines (Postfix: `smtpd_sasl_response_limit`, 12288).
pub(super) const MAX_INITIAL_RESPONSE_LINE: usize = 2048;

impl Session<'_> {
    /// Signs in as `user` with the access `token`.
    pub(super) async fn authenticate_oauth(
        &mut self,
        user: &str,
        token: &Password,
    ) -> Result<(), SessionError> {
        self.rec.begin(Step::Auth);
        let mechanism = self.oauth_mechanism()?;
        if !self.rec.encrypted {
            self.rec.info(
                "stopping before the token is sent: the connection is not encrypted, so anyone on the way could use it",
            );
            return Err(SessionError::TokenUnencrypted {
                starttls_offered: self.rec.report.server.offers("STARTTLS"),
            });
        }
        let client_string = match mechanism {
            SaslMechanism::Xoauth2 => xoauth2_string(user, token.expose()),
            SaslMechanism::OAuthBearer => {
                bearer_string(user, &self.plan.host, self.plan.port, token.expose())
            }
        };
        let encoded = STANDARD.encode(client_string);
        let name = mechanism.wire_name();
        let initial = format!("AUTH {name} {encoded}");
        let reply = if initial.len() + 2 <= MAX_INITIAL_RESPONSE_LINE {
            self.rec
                .info(&format!("signing in with {name} (an OAuth access token)"));
            self.command(Step::Auth, &initial, &format!("AUTH {name} {REDACTED}"))
                .await?
        } else {
            self.rec.info(&format!(
                "signing in with {name}; the token is too long for one command line, so it goes after the server's go-ahead"
            ));
            let command = format!("AUTH {name}");
            let go_ahead = self.command(Step::Auth, &command, &command).await?;
            if go_ahead.code != 334 || !challenge_text(&go_ahead).is_empty() {
                return self.oauth_outcome(mechanism, go_ahead).await;
            }
            self.command(Step::Auth, &encoded, REDACTED).await?
        };
        self.oauth_outcome(mechanism, reply).await
    }

    /// What the server's answer to the token means: `235` signed in; a `334` error challenge
    /// (decoded, shown, and answered as the mechanism requires before the final reply); any
    /// other reply a refusal at once (Microsoft's `535 5.7.3`).
    async fn oauth_outcome(
        &mut self,
        mechanism: SaslMechanism,
        reply: Reply,
    ) -> Result<(), SessionError> {
        if reply.code == 235 {
            self.rec.pass();
            return Ok(());
        }
        if reply.code != 334 {
            return Err(SessionError::OAuthRejected {
                mechanism,
                challenge: None,
                reply,
            });
        }
        let challenge = parse_challenge(&challenge_text(&reply)).map(Box::new);
        if let Some(challenge) = &challenge {
            let json = serde_json::to_string(challenge).unwrap_or_default();
            self.rec
                .info(&format!("the server's answer, decoded: {json}"));
        }
        let acknowledgement = mechanism.error_acknowledgement();
        let shown = if acknowledgement.is_empty() {
            "(empty line: the token was refused, tell me why and finish)"
        } else {
            acknowledgement
        };
        let last = self.command(Step::Auth, acknowledgement, shown).await?;
        Err(SessionError::OAuthRejected {
            mechanism,
            challenge,
            reply: last,
        })
    }

    /// The mechanism to use: the one asked for, or the first we prefer that the server offers.
    fn oauth_mechanism(&mut self) -> Result<SaslMechanism, SessionError> {
        let offered = self.rec.report.server.auth_mechanisms.clone();
        let has = |m: SaslMechanism| {
            offered
                .iter()
                .any(|o| o.eq_ignore_ascii_case(m.wire_name()))
        };
        let wanted = self.plan.settings.sasl;
        let chosen = match wanted {
            Some(m) => has(m).then_some(m),
            None => SaslMechanism::PREFERENCE.into_iter().find(|m| has(*m)),
        };
        chosen.ok_or_else(|| {
            self.rec
                .info("the server does not offer OAuth sign-in here, so no token was sent");
            SessionError::OAuthNotOffered {
                offered,
                wanted,
                encrypted: self.rec.encrypted,
                starttls_offered: self.rec.report.server.offers("STARTTLS"),
            }
        })
    }
}

/// The text of a `334` challenge (servers put the base64 after the code).
fn challenge_text(reply: &Reply) -> String {
    reply.lines.concat().trim().to_owned()
}
