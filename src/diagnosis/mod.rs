//! Plain-language diagnosis: what went wrong, why, and what to change in `web.config` terms.
//!
//! [`diagnose`] is a pure function of the settings and the session report; [`explain_text`]
//! reads a pasted error message (a .NET exception, a PHPMailer or Nodemailer error, a raw reply)
//! and lands on the same ids, so support staff get the same answer either way.

mod aspnet;
mod blame;
mod change;
mod classify;
mod explain;
mod outcome;
mod pasted;
mod provider;
#[cfg(test)]
mod provider_advice_tests;
mod scan;
mod site;
mod texts;

use serde::Serialize;

pub use aspnet::{
    DEFAULT_TIMEOUT_SECS, DotNetException, HostOs, aspnet_exception, exception_heading,
    predict_exception,
};
pub use change::{Change, SuggestedChange};
pub use classify::classify_reply;
pub use explain::explain_text;
pub use site::LEGACY_SSL_STEP;

use crate::event::Step;
use crate::session::{SessionError, SessionReport};
use crate::settings::{Framework, Settings, Target};

/// The other ways an engine text can read once a diagnosis was put in a site's terms
/// (ASP.NET 2.0–3.5, ASP.NET Core) or in a pasted log's words (and PHPMailer's names): the
/// translation catalogue needs each as a message of its own.
pub fn text_variants(text: &str) -> Vec<String> {
    let mut variants: Vec<String> = site::site_term_variants(text);
    for pasted in pasted::pasted_variants(text) {
        let site = site::site_term_variants(&pasted);
        variants.push(pasted);
        variants.extend(site);
    }
    let mut unique = Vec::new();
    for variant in variants {
        if variant != text && !variant.is_empty() && !unique.contains(&variant) {
            unique.push(variant);
        }
    }
    unique
}

/// Stable identifiers: the window, `--json` and the tests rely on them never changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each id is documented by its text in `texts.rs`
pub enum DiagnosisId {
    DnsNotFound,
    ConnectionRefused,
    ConnectionTimeout,
    NoGreeting,
    NotSmtp,
    ServiceUnavailable,
    TlsRequired,
    StarttlsNotOffered,
    TlsOnPlainPort,
    TlsHandshakeFailed,
    TlsOutdated,
    TlsUnavailable,
    CertificateNameMismatch,
    CertificateUntrusted,
    CertificateExpired,
    AuthRequired,
    AuthNotOffered,
    AuthRequiresTls,
    PasswordUnencrypted,
    AuthMechanismUnsupported,
    AuthFailed,
    AppPasswordRequired,
    WebLoginRequired,
    SmtpAuthDisabled,
    BasicAuthDisabled,
    AuthTemporaryFailure,
    OauthTokenRejected,
    OauthNotOffered,
    OauthNeedsEncryption,
    OauthClientSecretWrong,
    OauthAppNotFound,
    OauthTenantNotFound,
    OauthConsentMissing,
    OauthSignInFailed,
    RelayDenied,
    SenderRejected,
    RecipientRejected,
    MessageRejected,
    AccountBlocked,
    RateLimited,
    Greylisted,
    SendingQuotaExceeded,
    TemporaryFailure,
    ConnectionLost,
    Timeout,
    Cancelled,
    Unknown,
}

impl DiagnosisId {
    /// Every id, in the order above.
    pub const ALL: [Self; 47] = [
        Self::DnsNotFound,
        Self::ConnectionRefused,
        Self::ConnectionTimeout,
        Self::NoGreeting,
        Self::NotSmtp,
        Self::ServiceUnavailable,
        Self::TlsRequired,
        Self::StarttlsNotOffered,
        Self::TlsOnPlainPort,
        Self::TlsHandshakeFailed,
        Self::TlsOutdated,
        Self::TlsUnavailable,
        Self::CertificateNameMismatch,
        Self::CertificateUntrusted,
        Self::CertificateExpired,
        Self::AuthRequired,
        Self::AuthNotOffered,
        Self::AuthRequiresTls,
        Self::PasswordUnencrypted,
        Self::AuthMechanismUnsupported,
        Self::AuthFailed,
        Self::AppPasswordRequired,
        Self::WebLoginRequired,
        Self::SmtpAuthDisabled,
        Self::BasicAuthDisabled,
        Self::AuthTemporaryFailure,
        Self::OauthTokenRejected,
        Self::OauthNotOffered,
        Self::OauthNeedsEncryption,
        Self::OauthClientSecretWrong,
        Self::OauthAppNotFound,
        Self::OauthTenantNotFound,
        Self::OauthConsentMissing,
        Self::OauthSignInFailed,
        Self::RelayDenied,
        Self::SenderRejected,
        Self::RecipientRejected,
        Self::MessageRejected,
        Self::AccountBlocked,
        Self::RateLimited,
        Self::Greylisted,
        Self::SendingQuotaExceeded,
        Self::TemporaryFailure,
        Self::ConnectionLost,
        Self::Timeout,
        Self::Cancelled,
        Self::Unknown,
    ];

    /// The id as a string (`tls_required`).
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// What went wrong, in words a site owner understands, and what to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// Stable id.
    pub id: DiagnosisId,
    /// One sentence: what happened, in the user's words.
    pub summary: String,
    /// Why, in one to three sentences; technical words get a short meaning.
    pub explanation: String,
    /// Numbered steps, in `web.config` terms.
    pub steps_to_fix: Vec<String>,
    /// A change that can be applied and retried automatically.
    pub suggested_change: Option<SuggestedChange>,
    /// The server's own words, for support staff (never the headline).
    pub server_reply: Option<String>,
}

/// Diagnoses a finished session. Returns `None` when the session reached its goal with
/// nothing to fix.
///
/// When the ASP.NET session went on after a failed sign-in (as System.Net.Mail does), the
/// sign-in is the cause to fix first: if the server then refused the sender or the recipient,
/// and also if it accepted the message anyway (it takes mail for its own mailboxes without a
/// sign-in, and will refuse mail to anyone else).
pub fn diagnose(settings: &Settings, report: &SessionReport) -> Option<Diagnosis> {
    let diagnosis = diagnose_in_web_config_terms(settings, report)?;
    let diagnosis = site::without_settled_steps(diagnosis, settings);
    Some(site::in_site_terms(
        diagnosis,
        settings.target,
        settings.framework,
    ))
}

/// What a pasted error message means, in the terms of a site on `framework` (`explain_text`
/// speaks web.config of .NET Framework 4.x).
pub fn explain_for_site(text: &str, framework: Framework) -> Diagnosis {
    site::in_site_terms(explain_text(text), Target::DotNet, framework)
}

fn diagnose_in_web_config_terms(settings: &Settings, report: &SessionReport) -> Option<Diagnosis> {
    let Some(error) = report.error.as_ref() else {
        let failure = report.sign_in_failure.as_ref()?;
        return Some(
            classify::diagnose_error(settings, report, failure).explain_more(crate::en!(
                "Even so, this test message went through: after the refusal ASP.NET sends without \
                 signing in, and this server accepts that for mail to its own mailboxes. Mail to \
                 any other address (your customers) will be refused until the sign-in works, and \
                 your website's log will show no error for this one."
            )),
        );
    };
    let cause = match (&report.sign_in_failure, error) {
        (
            Some(sign_in),
            SessionError::Rejected {
                step: Step::MailFrom | Step::RcptTo,
                ..
            },
        ) => sign_in,
        _ => error,
    };
    Some(classify::diagnose_error(settings, report, cause))
}
