//! The verdict on one site: the same rules and texts as the single test, applied to what its
//! server showed (or, offline, to the files alone).

use serde::Serialize;

use super::model::{FoundSite, Platform, SiteSettings, Transport};
use super::server::ServerFacts;
use crate::diagnosis::{Diagnosis, DiagnosisId, SuggestedChange, diagnose};
use crate::event::{ServerInfo, Step};
use crate::session::{SessionError, SessionReport};
use crate::settings::{Field, Security, Settings, Severity, Target};

/// What a site's mail will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Fails today.
    Broken,
    /// Works today, breaks on a known date or change.
    AtRisk,
    /// Could not be judged (unreadable settings, a server that did not answer us).
    Unknown,
    /// Nothing found that stops it.
    Ok,
}

impl Verdict {
    /// The word used in every report (`ok`, `broken`, `at_risk`, `unknown`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Broken => "broken",
            Self::AtRisk => "at_risk",
            Self::Unknown => "unknown",
            Self::Ok => "ok",
        }
    }
}

/// The verdict on one site, with its reason and fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// The diagnosis or warning id (`tls_required`, `basic_auth_ending`), or one of the fleet
    /// check's own: `invalid_settings`, `unreadable`, `not_checked`.
    pub id: Option<String>,
    /// One sentence for support staff.
    pub reason: String,
    /// The exact change, in the site's own terms (`enableSsl: false → true`), or the first step
    /// of the fix when no single change does it.
    pub fix: Vec<String>,
    /// The change behind `fix`, when one change fixes it (for the `webconfig update` command).
    #[serde(skip)]
    pub change: Option<SuggestedChange>,
}

/// Ids the fleet check adds to the diagnosis ids.
pub const INVALID_SETTINGS: &str = "invalid_settings";
/// The settings could not be read.
pub const UNREADABLE: &str = "unreadable";
/// Offline, with nothing in the files alone to say.
pub const NOT_CHECKED: &str = "not_checked";
/// The sender put in when a site's files name none (the fleet check never sends; a test of the
/// site needs the real one).
pub const PLACEHOLDER_FROM: &str = "website@example.com";

/// The settings the single test would use for this site (the sender is a placeholder when the
/// files name none: the fleet check never sends).
pub fn settings_of(site: &SiteSettings, platform: Platform) -> Settings {
    let target = if platform == Platform::AspNet {
        Target::DotNet
    } else {
        Target::Generic
    };
    let security = match site.transport {
        Transport::Plain => Security::None,
        Transport::StartTls | Transport::StartTlsIfOffered => Security::StartTls,
        Transport::ImplicitTls => Security::ImplicitTls,
    };
    let from = if site.from.trim().is_empty() {
        PLACEHOLDER_FROM.to_owned()
    } else {
        site.from.clone()
    };
    Settings {
        host: site.host.clone(),
        port: site.port,
        user_name: site.user.clone(),
        password: site.password.clone(),
        enable_ssl: site
            .enable_ssl
            .unwrap_or(site.transport == Transport::StartTls),
        // ASP.NET's own rule (enableSsl, never SSL on connect) is the session's; the other
        // platforms' choice is explicit.
        security: (platform != Platform::AspNet).then_some(security),
        from,
        target,
        framework: site.framework,
        ..Settings::default()
    }
}

/// Judges `found` with what its server showed (`None`: offline, or no server to contact).
pub fn judge(found: &FoundSite, facts: Option<&ServerFacts>) -> Judgement {
    let site = match &found.settings {
        Ok(site) => site,
        Err(why) => return own(Verdict::Unknown, UNREADABLE, why.to_string()),
    };
    let mut settings = settings_of(site, found.platform);
    if let Some(problem) = blocking_problem(&settings) {
        return own(Verdict::Broken, INVALID_SETTINGS, problem);
    }
    let Some(facts) = facts else {
        return offline(&settings);
    };
    let encrypts = match site.transport {
        Transport::Plain => false,
        Transport::StartTls | Transport::ImplicitTls => true,
        Transport::StartTlsIfOffered => facts.seen.before.offers("STARTTLS"),
    };
    if site.transport == Transport::StartTlsIfOffered && !encrypts {
        settings.security = Some(Security::None);
    }
    let mut report = facts.report.clone();
    report.server = if encrypts && facts.seen.tls_up {
        facts.seen.after.clone()
    } else {
        facts.seen.before.clone()
    };
    let error = connection_error(&facts.report, site.transport, encrypts)
        .or_else(|| sign_in_error(&settings, &report.server, &facts.seen.before, encrypts));
    if let Some(error) = error {
        report.error = Some(error);
        return from_diagnosis(&settings, &report);
    }
    if let Some(warning) = crate::warning::password_sign_in_ending(&settings, &report) {
        return at_risk(warning);
    }
    ok(crate::en!(
        "The server answered as this site needs; nothing found that stops its mail."
    ))
}

/// Judges a site with the result of a real sign-in (`--sign-in`): a refusal makes it broken.
pub fn with_sign_in(found: &FoundSite, judged: Judgement, signed_in: &SessionReport) -> Judgement {
    let (Ok(site), Some(_)) = (&found.settings, &signed_in.error) else {
        return judged;
    };
    if judged.verdict == Verdict::Broken {
        return judged;
    }
    from_diagnosis(&settings_of(site, found.platform), signed_in)
}

/// The error the site's own connection would meet, from a probe that tried STARTTLS (or TLS on
/// connect): what went wrong before STARTTLS applies to every site; what went wrong in it only
/// to sites that use it.
fn connection_error(
    probe: &SessionReport,
    transport: Transport,
    encrypts: bool,
) -> Option<SessionError> {
    if let Some(error) = &probe.error {
        let before_starttls = matches!(
            error.step(),
            Step::Resolve | Step::Connect | Step::Tls | Step::Greeting | Step::Ehlo
        );
        let applies = match error {
            SessionError::StartTlsNotOffered => transport == Transport::StartTls,
            _ => before_starttls || encrypts,
        };
        return applies.then(|| error.clone());
    }
    let problem = probe
        .accepted_certificate_problem
        .as_ref()
        .filter(|_| encrypts)?;
    Some(SessionError::TlsHandshake {
        step: if transport == Transport::ImplicitTls {
            Step::Tls
        } else {
            Step::StartTls
        },
        detail: problem.words(),
        certificate: Some(problem.clone()),
        plain_banner: None,
        alert: None,
    })
}

/// What signing in would meet, from what the server offers on the site's connection.
fn sign_in_error(
    settings: &Settings,
    offered: &ServerInfo,
    before_tls: &ServerInfo,
    encrypts: bool,
) -> Option<SessionError> {
    if !settings.wants_auth() {
        return None;
    }
    let mechanisms = &offered.auth_mechanisms;
    let starttls_offered = before_tls.offers("STARTTLS");
    if mechanisms.is_empty() {
        return Some(SessionError::AuthNotOffered {
            encrypted: encrypts,
            starttls_offered,
        });
    }
    let usable: &[&str] = if settings.target == Target::DotNet {
        &["LOGIN", "NTLM", "GSSAPI"]
    } else {
        &["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"]
    };
    if !mechanisms
        .iter()
        .any(|m| usable.iter().any(|u| m.eq_ignore_ascii_case(u)))
    {
        return Some(SessionError::AuthMechanismUnsupported {
            offered: mechanisms.clone(),
            target_name: if settings.target == Target::DotNet {
                "ASP.NET (System.Net.Mail)".to_owned()
            } else {
                crate::en!("this website's mail program").to_owned()
            },
        });
    }
    (!encrypts).then_some(SessionError::PlaintextPasswordRefused { starttls_offered })
}

/// The judgement for a report that holds an error, through the single test's diagnosis.
fn from_diagnosis(settings: &Settings, report: &SessionReport) -> Judgement {
    let Some(diagnosis) = diagnose(settings, report) else {
        return ok(crate::en!(
            "The server answered as this site needs; nothing found that stops its mail."
        ));
    };
    let verdict = match diagnosis.id {
        // Our own connection may be what failed (a firewall between us and the server).
        DiagnosisId::ConnectionTimeout
        | DiagnosisId::Timeout
        | DiagnosisId::ConnectionLost
        | DiagnosisId::Cancelled
        | DiagnosisId::TemporaryFailure => Verdict::Unknown,
        // It works, and the password crosses the network readable: a server that starts to
        // require encryption (or a listener on the way) ends it.
        DiagnosisId::PasswordUnencrypted => Verdict::AtRisk,
        _ => Verdict::Broken,
    };
    Judgement {
        verdict,
        id: Some(diagnosis.id.as_str()),
        fix: fix_of(settings, &diagnosis),
        change: diagnosis.suggested_change,
        reason: diagnosis.summary,
    }
}

/// The exact change when there is one, else the first step.
fn fix_of(settings: &Settings, diagnosis: &Diagnosis) -> Vec<String> {
    match &diagnosis.suggested_change {
        Some(change) => change.describe(settings),
        None => diagnosis.steps_to_fix.iter().take(1).cloned().collect(),
    }
}

/// What the files alone say: settings that cannot work, and Microsoft 365 with a password.
fn offline(settings: &Settings) -> Judgement {
    let report = SessionReport::default();
    if settings.target == Target::DotNet && settings.enable_ssl && settings.port == 465 {
        let mut report = report.clone();
        report.error = Some(SessionError::NoGreeting {
            secs: crate::diagnosis::DEFAULT_TIMEOUT_SECS,
            port_speaks_tls: true,
        });
        // Not seen but foretold: say so, rather than "the server never said hello".
        return Judgement {
            reason: crate::en!(
                "Port 465 expects SSL on connect, which ASP.NET cannot do: it will wait for a \
                 greeting that never comes"
            )
            .to_owned(),
            ..from_diagnosis(settings, &report)
        };
    }
    if let Some(warning) = crate::warning::password_sign_in_ending(settings, &report) {
        return at_risk(warning);
    }
    own(
        Verdict::Unknown,
        NOT_CHECKED,
        crate::en!("Nothing in the files stops it; the server was not contacted (--offline).")
            .to_owned(),
    )
}

/// A problem that stops any test of these settings (no host, a port out of range, ...).
fn blocking_problem(settings: &Settings) -> Option<String> {
    settings
        .problems()
        .into_iter()
        .find(|p| {
            p.severity == Severity::Error
                && matches!(p.field, Field::Host | Field::Port | Field::UserName)
        })
        .map(|p| p.message)
}

/// At risk, for the reason `warning` gives; its first way out is the fix.
fn at_risk(warning: crate::warning::Warning) -> Judgement {
    Judgement {
        verdict: Verdict::AtRisk,
        id: Some(warning.id.as_str().to_owned()),
        reason: warning.summary,
        fix: warning.ways_out.into_iter().take(1).collect(),
        change: None,
    }
}

fn own(verdict: Verdict, id: &str, reason: String) -> Judgement {
    Judgement {
        verdict,
        id: Some(id.to_owned()),
        reason,
        fix: Vec::new(),
        change: None,
    }
}

fn ok(reason: &str) -> Judgement {
    Judgement {
        verdict: Verdict::Ok,
        id: None,
        reason: reason.to_owned(),
        fix: Vec::new(),
        change: None,
    }
}

#[cfg(test)]
#[path = "judge_tests.rs"]
mod tests;
