//! A failed session → a diagnosis tailored to the settings and to what the server showed, with a
//! one-click change when one would help. Changes never switch certificate checks off and never
//! send a password unencrypted.

use super::classify::{classify_reply, for_reply};
use super::provider::{self, Provider};
use super::texts::{NOT_YET_VALID, base, variant};
use super::{Change, Diagnosis, DiagnosisId as D, SuggestedChange};
use crate::event::Step;
use crate::reply::Reply;
use crate::session::{CertProblem, SessionError, SessionReport};
use crate::settings::{Security, Settings, Target};

/// Diagnoses the error that ended a session.
pub(super) fn diagnose_error(
    settings: &Settings,
    report: &SessionReport,
    error: &SessionError,
) -> Diagnosis {
    let banner = report.server.banner.as_deref().unwrap_or_default();
    let replied = error
        .reply()
        .map(|reply| reply.lines.join(" "))
        .unwrap_or_default();
    let ctx = Context {
        settings,
        report,
        provider: provider::detect(&settings.host, &[banner, &replied]),
    };
    match error {
        SessionError::DnsNotFound { host, .. } => ctx.dns_not_found(host),
        SessionError::ConnectionRefused { address } => ctx.refused(address),
        SessionError::ConnectTimeout { address, secs } => ctx.connect_timeout(address, *secs),
        SessionError::ConnectFailed { address, detail } => ctx.connect_failed(address, detail),
        SessionError::NoGreeting {
            secs,
            port_speaks_tls,
        } => ctx.no_greeting(*secs, *port_speaks_tls),
        SessionError::NotSmtp { received, .. } => not_smtp(received),
        SessionError::Rejected { step, reply } => ctx.rejected(*step, reply),
        SessionError::StartTlsNotOffered => ctx.starttls_not_offered(),
        SessionError::TlsHandshake {
            detail,
            certificate,
            plain_banner,
            ..
        } => match certificate {
            Some(CertProblem::NameMismatch {
                expected,
                presented,
            }) => ctx.name_mismatch(expected, presented),
            Some(CertProblem::Untrusted) => ctx.untrusted(),
            Some(CertProblem::Expired) => ctx.expired(),
            Some(CertProblem::NotYetValid) => not_yet_valid(),
            Some(CertProblem::Other(_)) | None => match plain_banner {
                Some(banner) => ctx.tls_on_plain_port(banner),
                None => handshake_failed(detail),
            },
        },
        SessionError::AuthNotOffered {
            encrypted,
            starttls_offered,
        } => ctx.auth_not_offered(*encrypted, *starttls_offered),
        SessionError::AuthMechanismUnsupported {
            offered,
            target_name,
        } => mechanism_unsupported(offered, target_name),
        SessionError::AuthNotFinished { .. } => login_not_finished(),
        SessionError::TlsOutdated { .. } => base(D::TlsOutdated),
        SessionError::PlaintextPasswordRefused { starttls_offered } => {
            ctx.password_unencrypted(*starttls_offered)
        }
        SessionError::ConnectionLost { step } => ctx.connection_lost(*step),
        SessionError::Timeout { step, secs } => ctx.timeout(*step, *secs),
        SessionError::Cancelled { .. } => base(D::Cancelled),
        SessionError::CaFile { path, detail } => ca_file(path, detail),
        SessionError::Protocol { step, detail } => protocol(*step, detail),
    }
}

/// What the diagnosis may look at besides the error.
struct Context<'a> {
    settings: &'a Settings,
    report: &'a SessionReport,
    provider: Option<&'static Provider>,
}

impl Context<'_> {
    fn port(&self) -> u32 {
        self.settings.port
    }

    fn dotnet(&self) -> bool {
        self.settings.target == Target::DotNet
    }

    /// The change that turns STARTTLS on, in the form the settings use.
    fn starttls(&self) -> Change {
        let settings = self.settings;
        let explicit =
            settings.security.is_some() || settings.effective_security() == Security::ImplicitTls;
        if settings.target == Target::Generic && explicit {
            Change::Security(Security::StartTls)
        } else {
            Change::EnableSsl(true)
        }
    }

    /// STARTTLS on the submission port, the combination that works everywhere ASP.NET works.
    fn submission(&self) -> Option<SuggestedChange> {
        self.suggest(vec![self.starttls(), Change::Port(587)])
    }

    /// Keeps only the changes that alter what a session would do.
    fn suggest(&self, changes: Vec<Change>) -> Option<SuggestedChange> {
        let mut current = self.settings.clone();
        let mut kept = Vec::new();
        for change in changes {
            let next = SuggestedChange::new(vec![change.clone()]).apply(&current);
            if behaviour(&next) != behaviour(&current) {
                kept.push(change);
                current = next;
            }
        }
        (!kept.is_empty()).then(|| SuggestedChange::new(kept))
    }

    /// Stopped before the password left unencrypted: STARTTLS protects it where offered.
    fn password_unencrypted(&self, starttls_offered: bool) -> Diagnosis {
        let diagnosis = base(D::PasswordUnencrypted);
        if starttls_offered {
            return diagnosis
                .explain_more(
                    "This server offers STARTTLS (encryption), so the fix is one setting.",
                )
                .with_change(self.suggest(vec![self.starttls()]));
        }
        let allow_once = diagnosis.steps_to_fix.last().cloned().unwrap_or_default();
        diagnosis
            .explain_more("This server offers no encryption on this port.")
            .with_steps([
                "Ask your mail provider for the port that offers encryption (usually `587` with \
                 STARTTLS) and use it."
                    .to_owned(),
                allow_once,
            ])
    }

    fn dns_not_found(&self, host: &str) -> Diagnosis {
        let host = if host.trim().is_empty() {
            self.settings.host.trim()
        } else {
            host.trim()
        };
        let mut diagnosis = base(D::DnsNotFound);
        if !host.is_empty() {
            diagnosis = diagnosis.with_summary(format!(
                "The mail server's name \u{201c}{host}\u{201d} could not be found"
            ));
        }
        if !host.is_empty() && !host.contains('.') {
            diagnosis = diagnosis.step_first(
                "`host` has no dot in it, while mail server names look like `smtp.example.com`: check it \
                 against your provider's instructions.",
            );
        }
        diagnosis
    }

    fn refused(&self, address: &str) -> Diagnosis {
        let mut diagnosis =
            base(D::ConnectionRefused).explain_more(format!("The connection went to {address}."));
        if let Some(diagnosis) = self.provider_port(diagnosis.clone()) {
            return diagnosis;
        }
        if self.port() == 25 {
            diagnosis = diagnosis.with_change(self.submission());
        } else if ![465, 587, 2525].contains(&self.port()) {
            diagnosis = diagnosis.step_first(format!(
                "Port {} is unusual for sending mail: most providers use `587`.",
                self.port()
            ));
        }
        diagnosis
    }

    fn connect_timeout(&self, address: &str, secs: u64) -> Diagnosis {
        let diagnosis = base(D::ConnectionTimeout)
            .explain_more(format!("We waited {secs} seconds for {address}."));
        self.port_25_blocked(diagnosis)
    }

    /// What the provider says about reaching it: a relay only its own hosting may use (GoDaddy's
    /// port 25 relay), or another port when 587 is blocked (2525, 2587).
    fn provider_port(&self, diagnosis: Diagnosis) -> Option<Diagnosis> {
        let provider = self.provider?;
        if let Some(reach) = provider.reach {
            return Some(diagnosis.step_first(reach));
        }
        if self.port() != 587 {
            return None;
        }
        let port = provider.alternative_port(self.port())?;
        let step = provider.alternative_port_step(self.port())?;
        Some(
            diagnosis
                .step_first(step)
                .with_change(self.suggest(vec![Change::Port(port)])),
        )
    }

    /// Port 25 is blocked by many hosts and internet providers; ASP.NET cannot use 465 at all.
    fn port_25_blocked(&self, diagnosis: Diagnosis) -> Diagnosis {
        if let Some(diagnosis) = self.provider_port(diagnosis.clone()) {
            return diagnosis;
        }
        if self.port() == 25 {
            diagnosis
                .explain_more(
                    "Port 25 is commonly blocked by hosting companies and internet providers to stop spam, \
                     so connections to it often go unanswered.",
                )
                .with_change(self.submission())
        } else if self.port() == 465 && self.dotnet() {
            diagnosis.with_change(self.submission())
        } else {
            diagnosis
        }
    }

    fn connect_failed(&self, address: &str, detail: &str) -> Diagnosis {
        let lower = detail.to_lowercase();
        if lower.contains("refused") || lower.contains("reset") {
            return self.refused(address);
        }
        let mut diagnosis = base(D::ConnectionTimeout)
            .with_summary("This computer could not reach the mail server")
            .explain_more(format!(
                "The system reported: \u{201c}{}\u{201d}.",
                detail.trim()
            ));
        if ["unreachable", "no route", "network is down"]
            .iter()
            .any(|w| lower.contains(w))
        {
            diagnosis = diagnosis.step_first(
                "Check that this computer is connected to the internet, then test again.",
            );
        }
        self.port_25_blocked(diagnosis)
    }

    fn no_greeting(&self, secs: u64, port_speaks_tls: bool) -> Diagnosis {
        let diagnosis = base(D::NoGreeting);
        if !port_speaks_tls && self.port() != 465 {
            return diagnosis.explain_more(format!("We waited {secs} seconds."));
        }
        if self.dotnet() {
            diagnosis
                .with_explanation(
                    "This port expects encryption from the very first byte (\"SSL on connect\", typical for \
                     port 465), so the server waits for encryption while the program waits for a greeting. \
                     ASP.NET's mail sender cannot do SSL on connect: your website would wait like this for \
                     100 seconds (its default timeout; the test stopped after its own limit) and then fail \
                     with \"The operation has timed out\".",
                )
                .with_change(self.submission())
        } else {
            diagnosis
                .with_explanation(
                    "This port expects encryption from the very first byte (\"SSL on connect\"), but the test \
                     started unencrypted, so both sides waited for the other.",
                )
                .with_steps([
                    "Choose SSL on connect for this port (called \"SSL\", \"SMTPS\" or \"implicit TLS\" in most \
                     programs).",
                    "Or change `port` to `587` and use STARTTLS (the way a mail server switches to an encrypted \
                     connection).",
                ])
                .with_change(self.suggest(vec![Change::Security(Security::ImplicitTls)]))
        }
    }

    fn rejected(&self, step: Step, reply: &Reply) -> Diagnosis {
        let id = classify_reply(Some(step), reply);
        let diagnosis = for_reply(id, reply, self.provider).with_reply(reply.display());
        let settings = self.settings;
        let user = settings.user_name.trim();
        match id {
            D::TlsRequired if settings.effective_security() == Security::StartTls => diagnosis.explain_more(
                "The test already asked for STARTTLS, so the server may expect it on another port: check \
                 `port` against your provider's instructions.",
            ),
            D::TlsRequired => {
                let mut changes = vec![self.starttls()];
                if [25, 465].contains(&self.port()) {
                    changes.push(Change::Port(587));
                }
                diagnosis.with_change(self.suggest(changes))
            }
            D::AuthRequiresTls => diagnosis.with_change(self.suggest(vec![self.starttls()])),
            D::AuthNotOffered if self.port() == 25 => diagnosis.with_change(self.submission()),
            D::AuthRequired | D::RelayDenied if settings.default_credentials => diagnosis.step_first(
                "Set `defaultCredentials` to `false`: while it is `true`, web.config ignores `userName` and \
                 `password`.",
            ),
            D::AuthRequired | D::RelayDenied if !settings.wants_auth() => {
                diagnosis.explain_more("Your settings have no `userName`, so the test did not sign in.")
            }
            D::RelayDenied => diagnosis.explain_more(format!(
                "The test signed in as {user}, so this server does not let that account send to outside \
                 addresses: ask your provider which server and port to use."
            )),
            D::SenderRejected => {
                let from = settings.from.trim();
                if settings.wants_auth()
                    && user.contains('@')
                    && !from.is_empty()
                    && !from.eq_ignore_ascii_case(user)
                {
                    diagnosis.explain_more(format!(
                        "The sender (`from`) is {from}, while the sign-in (`userName`) is {user}."
                    ))
                } else {
                    diagnosis
                }
            }
            D::RecipientRejected if !settings.recipient().is_empty() => {
                diagnosis.with_summary(format!("The server refused the test recipient {}", settings.recipient()))
            }
            D::ServiceUnavailable if step == Step::Ehlo => diagnosis.step_first(
                "Set `clientDomain` to your website's full domain name (for example `www.example.com`): the \
                 server did not accept the name this computer introduced itself with.",
            ),
            _ => diagnosis,
        }
    }

    fn starttls_not_offered(&self) -> Diagnosis {
        let diagnosis = base(D::StarttlsNotOffered);
        if self.port() == 25 {
            diagnosis.with_change(self.suggest(vec![Change::Port(587)]))
        } else {
            diagnosis
        }
    }

    fn name_mismatch(&self, expected: &str, presented: &[String]) -> Diagnosis {
        let names: Vec<String> = if presented.is_empty() {
            self.report
                .certificate
                .as_ref()
                .map(|c| c.names.clone())
                .unwrap_or_default()
        } else {
            presented.to_vec()
        };
        let expected = if expected.trim().is_empty() {
            self.settings.host.trim()
        } else {
            expected.trim()
        };
        let mut diagnosis = base(D::CertificateNameMismatch);
        if !names.is_empty() {
            diagnosis = diagnosis.explain_more(format!(
                "It is valid for {}, not for {expected}.",
                name_list(&names)
            ));
        }
        let plain: Vec<&String> = names
            .iter()
            .filter(|name| !name.starts_with("*."))
            .collect();
        if let [only] = plain.as_slice() {
            diagnosis = diagnosis
                .step_first(format!("Change `host` to `{only}`."))
                .with_change(self.suggest(vec![Change::Host((*only).clone())]));
        }
        if let Some(provider) = self.provider.filter(|p| p.name == "OVHcloud") {
            diagnosis = diagnosis.step_first(provider.sign_in);
        }
        diagnosis
    }

    fn untrusted(&self) -> Diagnosis {
        let diagnosis = base(D::CertificateUntrusted);
        match &self.report.certificate {
            Some(cert) if cert.self_signed => {
                diagnosis.explain_more("This one is self-signed: the server made it for itself.")
            }
            Some(cert) if !cert.issuer.trim().is_empty() => {
                diagnosis.explain_more(format!("It was issued by {}.", cert.issuer.trim()))
            }
            _ => diagnosis,
        }
    }

    fn expired(&self) -> Diagnosis {
        let diagnosis = base(D::CertificateExpired);
        match &self.report.certificate {
            Some(cert) if !cert.not_after.trim().is_empty() => {
                diagnosis.explain_more(format!("It was valid until {}.", cert.not_after.trim()))
            }
            _ => diagnosis,
        }
    }

    fn tls_on_plain_port(&self, banner: &str) -> Diagnosis {
        base(D::TlsOnPlainPort)
            .with_explanation(
                "The test started encryption straight away (\"SSL on connect\"), but this port greets in plain \
                 text first and then switches with STARTTLS (the way a mail server switches to an encrypted \
                 connection). The two ways do not mix, so the handshake (the exchange that sets up \
                 encryption) failed.",
            )
            .with_reply(banner)
            .with_change(self.suggest(vec![self.starttls()]))
    }

    fn auth_not_offered(&self, encrypted: bool, starttls_offered: bool) -> Diagnosis {
        if !encrypted && starttls_offered {
            return base(D::AuthRequiresTls)
                .with_explanation(
                    "The server offers sign-in only after the connection is encrypted with STARTTLS (the way a \
                     mail server switches to an encrypted connection), so it hid sign-in to protect your \
                     password. `enableSsl=\"true\"` turns STARTTLS on in web.config.",
                )
                .with_change(self.suggest(vec![self.starttls()]));
        }
        let diagnosis = base(D::AuthNotOffered);
        if self.port() == 25 {
            diagnosis.with_change(self.submission())
        } else {
            diagnosis
        }
    }

    fn connection_lost(&self, step: Step) -> Diagnosis {
        let mut diagnosis =
            base(D::ConnectionLost).explain_more(format!("It happened during {}.", step.label()));
        match step {
            Step::Tls | Step::StartTls => {
                diagnosis = diagnosis.step_first(
                    "The connection ended while switching to encryption: check that `port` and `enableSsl` \
                     match your provider's instructions (for ASP.NET, `587` with `enableSsl` set to `true`).",
                );
            }
            Step::Auth => {
                diagnosis = diagnosis.step_first(
                    "Some servers hang up instead of saying the password was refused: check `userName` and \
                     `password`.",
                );
            }
            _ => {}
        }
        if step <= Step::Greeting && self.port() == 465 && self.dotnet() {
            diagnosis = diagnosis.with_change(self.submission());
        }
        diagnosis
    }

    fn timeout(&self, step: Step, secs: u64) -> Diagnosis {
        let diagnosis = base(D::Timeout).explain_more(format!(
            "There was no reply to {} within {secs} seconds.",
            step.label()
        ));
        if step <= Step::Greeting && self.port() == 465 && self.dotnet() {
            diagnosis.with_change(self.submission())
        } else {
            diagnosis
        }
    }
}

/// What decides a session's behaviour (so a change that leaves it alone is not suggested).
fn behaviour(settings: &Settings) -> (Security, u32, String, Target) {
    (
        settings.effective_security(),
        settings.port,
        settings
            .host
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase(),
        settings.target,
    )
}

/// At most six names, then how many more.
fn name_list(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(6).map(String::as_str).collect();
    let list = shown.join(", ");
    if names.len() > shown.len() {
        format!("{list} and {} more", names.len() - shown.len())
    } else {
        list
    }
}

fn not_smtp(received: &str) -> Diagnosis {
    let lower = received.to_lowercase();
    let diagnosis = base(D::NotSmtp).with_reply(received);
    if lower.starts_with("http/") || lower.contains("<html") {
        diagnosis.explain_more("It answered like a web server.")
    } else if lower.starts_with("ssh-") {
        diagnosis.explain_more("It answered like a remote login service (SSH).")
    } else {
        diagnosis
    }
}

fn not_yet_valid() -> Diagnosis {
    variant(D::CertificateExpired, &NOT_YET_VALID)
}

fn handshake_failed(detail: &str) -> Diagnosis {
    let detail = detail.trim();
    let lower = detail.to_lowercase();
    let mut diagnosis = base(D::TlsHandshakeFailed);
    if !detail.is_empty() {
        diagnosis = diagnosis.explain_more(format!(
            "The encryption library reported: \u{201c}{detail}\u{201d}."
        ));
    }
    if lower.contains("protocol version") || lower.contains("protocolversion") {
        diagnosis = diagnosis.step_first(
            "The server seems to know only old encryption versions (TLS 1.0 or 1.1): ask your mail provider \
             to enable TLS 1.2 or newer.",
        );
    }
    diagnosis
}

fn mechanism_unsupported(offered: &[String], target_name: &str) -> Diagnosis {
    let target = if target_name.trim().is_empty() {
        "ASP.NET"
    } else {
        target_name.trim()
    };
    let list = if offered.is_empty() {
        "no sign-in method".to_owned()
    } else {
        offered.join(", ")
    };
    let mut diagnosis = base(D::AuthMechanismUnsupported).with_explanation(format!(
        "This server offers {list}, and {target} can use none of them (ASP.NET's mail sender knows only LOGIN, \
         NTLM, Digest and Negotiate). The same settings can work in other programs, but will fail from your \
         website."
    ));
    if !offered.is_empty()
        && offered
            .iter()
            .all(|m| m.to_ascii_uppercase().contains("OAUTH"))
    {
        diagnosis = diagnosis.explain_more(
            "XOAUTH2 and OAUTHBEARER mean OAuth (signing in through the provider's own page).",
        );
    }
    diagnosis
}

/// The server asked for the user name again after the password: it ignores the user name that
/// ASP.NET sends together with `AUTH login`, so ASP.NET can never sign in to it.
fn login_not_finished() -> Diagnosis {
    base(D::AuthMechanismUnsupported)
        .with_summary("This server does not understand how ASP.NET signs in")
        .with_explanation(
            "ASP.NET sends the user name together with its sign-in command (AUTH LOGIN), and then the \
             password. This server ignored the user name and asked for it again after the password, so \
             the sign-in can never finish from your website, whatever the password.",
        )
        .with_steps([
            "Ask your mail provider whether the server can accept AUTH LOGIN with an initial response \
             (RFC 4954), or for another server name to send through.",
            "Or send through another mail service (your hosting company's, or a sending service such as \
             SendGrid or Mailgun).",
        ])
}

fn ca_file(path: &str, detail: &str) -> Diagnosis {
    base(D::CertificateUntrusted)
        .with_summary("The extra certificate file could not be used")
        .with_explanation(format!(
            "The file {path}, given as \"Extra CA file\" (`--ca-file`: authorities your organisation \
             trusts besides the public ones), could not be used: {}. The test stopped before trusting \
             any server.",
            detail.trim()
        ))
        .with_steps([
            "Check that the file exists at that path and that this program may read it.",
            "Check that it is a PEM file: a text file that starts with `-----BEGIN CERTIFICATE-----`.",
            "If the server has a certificate from a public authority, empty \"Extra CA file\" under \
             Advanced.",
        ])
}

fn protocol(step: Step, detail: &str) -> Diagnosis {
    if step <= Step::Greeting {
        return base(D::NotSmtp).explain_more(format!("What arrived: {}.", detail.trim()));
    }
    base(D::Unknown)
        .with_summary("The server broke the rules of the mail conversation")
        .with_explanation(format!(
            "During {}, the server did something mail servers must not do: {}. This is a problem on the \
             server's side, not in your settings.",
            step.label(),
            detail.trim()
        ))
        .with_steps([
            "Test again in a few minutes.",
            "Send the transcript to your mail provider: it shows exactly what the server sent.",
            "If a security program or proxy on this network handles mail, it may be the cause: ask whoever \
             manages the network.",
        ])
}

#[cfg(test)]
mod tests;
