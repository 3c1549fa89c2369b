//! A server that refused a command: the reply classified, then tailored to the settings (the
//! port, STARTTLS, the sign-in, the sender and recipient).

use super::{Context, auth};
use crate::diagnosis::classify::{classify_reply, for_reply};
use crate::diagnosis::{Change, Diagnosis, DiagnosisId as D};
use crate::event::Step;
use crate::reply::Reply;
use crate::settings::Security;

impl Context<'_> {
    /// The server refused the command at `step` with `reply`.
    pub(super) fn rejected(&self, step: Step, reply: &Reply) -> Diagnosis {
        if step == Step::Auth && self.refused_dotnets_login(reply) {
            return auth::login_form_refused(&reply.display());
        }
        let id = classify_reply(Some(step), reply);
        if matches!(id, D::AuthRequired | D::RelayDenied) && self.credentials_never_used() {
            return self
                .auth_not_offered(
                    self.report.tls.is_some(),
                    self.report.server.offers("STARTTLS"),
                )
                .explain_more(crate::en!(
                    "The server then refused the message, so your `userName` and `password` were \
                     never used: this server or port is probably not the one your provider meant \
                     for them."
                ))
                .with_reply(reply.display());
        }
        let diagnosis = for_reply(id, reply, self.provider).with_reply(reply.display());
        let settings = self.settings;
        let user = settings.user_name.trim();
        match id {
            D::TlsRequired if settings.effective_security() == Security::StartTls => diagnosis.explain_more(crate::en!(
                "The test already asked for STARTTLS, so the server may expect it on another port: check \
                 `port` against your provider's instructions."
            )),
            D::TlsRequired => {
                let mut changes = vec![self.starttls()];
                if [25, 465].contains(&self.port()) {
                    changes.push(Change::Port(587));
                }
                diagnosis.with_change(self.suggest(changes))
            }
            D::AuthRequiresTls => diagnosis.with_change(self.suggest(vec![self.starttls()])),
            D::AuthNotOffered if self.port() == 25 => diagnosis.with_change(self.submission()),
            D::AuthRequired | D::RelayDenied if settings.default_credentials => diagnosis.step_first(crate::en!(
                "Set `defaultCredentials` to `false`: while it is `true`, web.config ignores `userName` and \
                 `password`."
            )),
            D::AuthRequired | D::RelayDenied if !settings.wants_auth() => diagnosis.explain_more(
                crate::en!("Your settings have no `userName`, so the test did not sign in."),
            ),
            D::RelayDenied => diagnosis.explain_more(crate::en!(
                "The test signed in as {user}, so this server does not let that account send to outside \
                 addresses: ask your provider which server and port to use.",
                user = user,
            )),
            D::SenderRejected => self.sender_rejected(diagnosis),
            D::RecipientRejected if !settings.recipient().is_empty() => {
                diagnosis.with_summary(crate::en!(
                    "The server refused the test recipient {recipient}",
                    recipient = settings.recipient(),
                ))
            }
            D::ServiceUnavailable if step == Step::Ehlo => diagnosis.step_first(crate::en!(
                "Set `clientDomain` to your website's full domain name (for example `www.example.com`): the \
                 server did not accept the name this computer introduced itself with."
            )),
            _ => diagnosis,
        }
    }

    /// The website has a user name, yet the server offered no sign-in at all (encrypted, or
    /// with no encryption to offer): the credentials were never sent.
    fn credentials_never_used(&self) -> bool {
        let encrypted = self.report.tls.is_some();
        self.settings.wants_auth()
            && (encrypted || !self.report.server.offers("STARTTLS"))
            && !self.settings.default_credentials
            && self.report.server.auth_mechanisms.is_empty()
            && self.report.sign_in_failure.is_none()
    }

    /// ASP.NET asked `AUTH login <user name>` of a server that offers LOGIN, and the server
    /// refused the command itself (a syntax or "unrecognised" reply, not a wrong password).
    fn refused_dotnets_login(&self, reply: &Reply) -> bool {
        self.dotnet()
            && [500, 501, 504].contains(&reply.code)
            && self
                .report
                .server
                .auth_mechanisms
                .iter()
                .any(|m| m.eq_ignore_ascii_case("LOGIN"))
    }

    /// Names the sender and the sign-in when they differ (many servers let an account send only
    /// as itself).
    fn sender_rejected(&self, diagnosis: Diagnosis) -> Diagnosis {
        let settings = self.settings;
        let user = settings.user_name.trim();
        let from = settings.from.trim();
        if settings.wants_auth()
            && user.contains('@')
            && !from.is_empty()
            && !from.eq_ignore_ascii_case(user)
        {
            diagnosis.explain_more(crate::en!(
                "The sender (`from`) is {from}, while the sign-in (`userName`) is {user}.",
                from = from,
                user = user,
            ))
        } else {
            diagnosis
        }
    }
}
