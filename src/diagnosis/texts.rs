//! The base text of every diagnosis: a one-sentence summary, a short explanation in which every
//! technical word gets a meaning, and steps in `web.config` terms. The texts live in one file per
//! theme; the classifier starts from them and tailors them to what it saw.

mod auth;
mod connection;
mod oauth;
mod sending;
mod tls;

use super::{Diagnosis, DiagnosisId, SuggestedChange};

pub(super) use auth::AUTH_REQUIRED_IN_DOTNET_LOG;
pub(super) use connection::{
    CANCELLED_BY_PROGRAM, CANNOT_CONNECT, DOTNET_465, DOTNET_TIMED_OUT, HOST_NOT_SET,
    MAIL_READING_SERVER, SILENT_SERVER,
};
pub(super) use sending::{
    ADDRESS_NOT_READABLE, ASCII_LOCAL_PART, NOT_RECOGNISED, OUTER_ONLY, SIGN_IN_ADDRESS_NOT_LISTED,
    UNNAMED_REPLY,
};
pub(super) use tls::{DOTNET_OLD_TLS, NOT_YET_VALID, SECURE_OR_SIGN_IN};

/// Variant texts and the id each one goes with (for the tests that hold every text to the rules).
#[cfg(test)]
pub(super) const VARIANTS: [(DiagnosisId, &Text); 16] = [
    (DiagnosisId::RecipientRejected, &ASCII_LOCAL_PART),
    (DiagnosisId::TlsHandshakeFailed, &DOTNET_OLD_TLS),
    (DiagnosisId::SenderRejected, &ADDRESS_NOT_READABLE),
    (DiagnosisId::Unknown, &UNNAMED_REPLY),
    (DiagnosisId::NoGreeting, &SILENT_SERVER),
    (DiagnosisId::NotSmtp, &MAIL_READING_SERVER),
    (DiagnosisId::AccountBlocked, &SIGN_IN_ADDRESS_NOT_LISTED),
    (DiagnosisId::NoGreeting, &DOTNET_TIMED_OUT),
    (DiagnosisId::Cancelled, &CANCELLED_BY_PROGRAM),
    (DiagnosisId::ConnectionTimeout, &CANNOT_CONNECT),
    (DiagnosisId::DnsNotFound, &HOST_NOT_SET),
    (DiagnosisId::NoGreeting, &DOTNET_465),
    (DiagnosisId::Unknown, &OUTER_ONLY),
    (DiagnosisId::Unknown, &NOT_RECOGNISED),
    (DiagnosisId::CertificateExpired, &NOT_YET_VALID),
    (DiagnosisId::TlsRequired, &SECURE_OR_SIGN_IN),
];

/// One diagnosis text, as written.
#[derive(Debug)]
pub(super) struct Text {
    /// One sentence, no final full stop: what happened, in the user's words.
    pub(super) summary: &'static str,
    /// Why, in one to three sentences.
    pub(super) explanation: &'static str,
    /// What to do, in order (the window numbers them).
    pub(super) steps: &'static [&'static str],
}

/// The text for `id`.
pub(super) fn text(id: DiagnosisId) -> &'static Text {
    use DiagnosisId as D;
    match id {
        D::DnsNotFound => &connection::DNS_NOT_FOUND,
        D::ConnectionRefused => &connection::CONNECTION_REFUSED,
        D::ConnectionTimeout => &connection::CONNECTION_TIMEOUT,
        D::NoGreeting => &connection::NO_GREETING,
        D::NotSmtp => &connection::NOT_SMTP,
        D::ServiceUnavailable => &connection::SERVICE_UNAVAILABLE,
        D::ConnectionLost => &connection::CONNECTION_LOST,
        D::Timeout => &connection::TIMEOUT,
        D::Cancelled => &connection::CANCELLED,
        D::TlsRequired => &tls::TLS_REQUIRED,
        D::StarttlsNotOffered => &tls::STARTTLS_NOT_OFFERED,
        D::TlsOnPlainPort => &tls::TLS_ON_PLAIN_PORT,
        D::TlsHandshakeFailed => &tls::TLS_HANDSHAKE_FAILED,
        D::TlsOutdated => &tls::TLS_OUTDATED,
        D::TlsUnavailable => &tls::TLS_UNAVAILABLE,
        D::CertificateNameMismatch => &tls::CERTIFICATE_NAME_MISMATCH,
        D::CertificateUntrusted => &tls::CERTIFICATE_UNTRUSTED,
        D::CertificateExpired => &tls::CERTIFICATE_EXPIRED,
        D::AuthRequired => &auth::AUTH_REQUIRED,
        D::AuthNotOffered => &auth::AUTH_NOT_OFFERED,
        D::AuthRequiresTls => &auth::AUTH_REQUIRES_TLS,
        D::PasswordUnencrypted => &auth::PASSWORD_UNENCRYPTED,
        D::AuthMechanismUnsupported => &auth::AUTH_MECHANISM_UNSUPPORTED,
        D::AuthFailed => &auth::AUTH_FAILED,
        D::AppPasswordRequired => &auth::APP_PASSWORD_REQUIRED,
        D::WebLoginRequired => &auth::WEB_LOGIN_REQUIRED,
        D::SmtpAuthDisabled => &auth::SMTP_AUTH_DISABLED,
        D::BasicAuthDisabled => &auth::BASIC_AUTH_DISABLED,
        D::AuthTemporaryFailure => &auth::AUTH_TEMPORARY_FAILURE,
        D::OauthTokenRejected => &oauth::OAUTH_TOKEN_REJECTED,
        D::OauthNotOffered => &oauth::OAUTH_NOT_OFFERED,
        D::OauthNeedsEncryption => &oauth::OAUTH_NEEDS_ENCRYPTION,
        D::OauthClientSecretWrong => &oauth::OAUTH_CLIENT_SECRET_WRONG,
        D::OauthAppNotFound => &oauth::OAUTH_APP_NOT_FOUND,
        D::OauthTenantNotFound => &oauth::OAUTH_TENANT_NOT_FOUND,
        D::OauthConsentMissing => &oauth::OAUTH_CONSENT_MISSING,
        D::OauthSignInFailed => &oauth::OAUTH_SIGN_IN_FAILED,

        D::RelayDenied => &sending::RELAY_DENIED,
        D::SenderRejected => &sending::SENDER_REJECTED,
        D::RecipientRejected => &sending::RECIPIENT_REJECTED,
        D::MessageRejected => &sending::MESSAGE_REJECTED,
        D::AccountBlocked => &sending::ACCOUNT_BLOCKED,
        D::RateLimited => &sending::RATE_LIMITED,
        D::Greylisted => &sending::GREYLISTED,
        D::SendingQuotaExceeded => &sending::SENDING_QUOTA_EXCEEDED,
        D::TemporaryFailure => &sending::TEMPORARY_FAILURE,
        D::Unknown => &sending::UNKNOWN,
    }
}

/// The untailored diagnosis for `id`.
pub(super) fn base(id: DiagnosisId) -> Diagnosis {
    variant(id, text(id))
}

/// A diagnosis with `id` told by another text (one of the variants).
pub(super) fn variant(id: DiagnosisId, text: &Text) -> Diagnosis {
    Diagnosis {
        id,
        summary: text.summary.to_owned(),
        explanation: text.explanation.to_owned(),
        steps_to_fix: text.steps.iter().map(|step| (*step).to_owned()).collect(),
        suggested_change: None,
        server_reply: None,
    }
}

/// Small builders the classifier uses to tailor a base text.
impl Diagnosis {
    /// Replaces the summary.
    pub(super) fn with_summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = summary.into();
        self
    }

    /// Replaces the explanation.
    pub(super) fn with_explanation(mut self, explanation: impl Into<String>) -> Self {
        self.explanation = explanation.into();
        self
    }

    /// Adds a sentence (or two) to the explanation.
    pub(super) fn explain_more(mut self, more: impl AsRef<str>) -> Self {
        let more = more.as_ref().trim();
        if !more.is_empty() {
            if !self.explanation.is_empty() {
                self.explanation.push(' ');
            }
            self.explanation.push_str(more);
        }
        self
    }

    /// Replaces the steps.
    pub(super) fn with_steps<S: Into<String>>(
        mut self,
        steps: impl IntoIterator<Item = S>,
    ) -> Self {
        self.steps_to_fix = steps.into_iter().map(Into::into).collect();
        self
    }

    /// Puts a step first (unless it is already there).
    pub(super) fn step_first(mut self, step: impl Into<String>) -> Self {
        let step = step.into();
        if !self.steps_to_fix.contains(&step) {
            self.steps_to_fix.insert(0, step);
        }
        self
    }

    /// Adds a step at the end (unless it is already there).
    pub(super) fn step_last(mut self, step: impl Into<String>) -> Self {
        let step = step.into();
        if !self.steps_to_fix.contains(&step) {
            self.steps_to_fix.push(step);
        }
        self
    }

    /// Sets the one-click change.
    pub(super) fn with_change(mut self, change: Option<SuggestedChange>) -> Self {
        self.suggested_change = change;
        self
    }

    /// Sets the server's own words.
    pub(super) fn with_reply(mut self, reply: impl Into<String>) -> Self {
        let reply = reply.into();
        self.server_reply = (!reply.trim().is_empty()).then_some(reply);
        self
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Words that talk down to the reader or put the blame on them.
    const FORBIDDEN: [&str; 12] = [
        "simply",
        "just do",
        "obviously",
        "your fault",
        "your mistake",
        "you forgot",
        "you typed",
        "you failed",
        "you made",
        "incorrectly",
        "should have",
        "easy",
    ];

    fn all_texts() -> Vec<(DiagnosisId, String)> {
        DiagnosisId::ALL
            .iter()
            .map(|id| (*id, text(*id)))
            .chain(VARIANTS)
            .flat_map(|(id, text)| {
                let mut out = vec![
                    (id, text.summary.to_owned()),
                    (id, text.explanation.to_owned()),
                ];
                out.extend(text.steps.iter().map(|step| (id, (*step).to_owned())));
                out
            })
            .collect()
    }

    #[test]
    fn every_id_has_summary_explanation_and_steps() {
        for id in DiagnosisId::ALL {
            let diagnosis = base(id);
            assert_eq!(diagnosis.id, id);
            assert!(!diagnosis.summary.trim().is_empty(), "{id:?} summary");
            assert!(
                !diagnosis.explanation.trim().is_empty(),
                "{id:?} explanation"
            );
            assert!(!diagnosis.steps_to_fix.is_empty(), "{id:?} steps");
            assert!(
                diagnosis.steps_to_fix.iter().all(|s| !s.trim().is_empty()),
                "{id:?}"
            );
        }
    }

    #[test]
    fn summaries_are_one_sentence() {
        for id in DiagnosisId::ALL {
            assert_one_sentence(text(id).summary);
        }
    }

    /// Shared with the classifier's tests: tailored summaries must stay one sentence too.
    pub(in crate::diagnosis) fn assert_one_sentence(summary: &str) {
        assert!(!summary.trim().is_empty());
        for stop in [". ", "! ", "? ", "\n"] {
            assert!(!summary.contains(stop), "more than one sentence: {summary}");
        }
        assert!(
            !summary.ends_with('.'),
            "headline with a full stop: {summary}"
        );
    }

    /// Shared with the classifier's tests.
    pub(in crate::diagnosis) fn assert_kind(diagnosis: &Diagnosis) {
        assert_one_sentence(&diagnosis.summary);
        let mut all = vec![diagnosis.summary.clone(), diagnosis.explanation.clone()];
        all.extend(diagnosis.steps_to_fix.iter().cloned());
        for text in all {
            let lower = text.to_lowercase();
            for word in FORBIDDEN {
                assert!(
                    !lower.contains(word),
                    "{:?} says {word:?}: {text}",
                    diagnosis.id
                );
            }
        }
    }

    #[test]
    fn no_text_talks_down_or_blames() {
        for (id, text) in all_texts() {
            let lower = text.to_lowercase();
            for word in FORBIDDEN {
                assert!(!lower.contains(word), "{id:?} says {word:?}: {text}");
            }
        }
        for id in DiagnosisId::ALL {
            assert_kind(&base(id));
        }
        for (id, text) in VARIANTS {
            assert_kind(&variant(id, text));
            assert!(!text.steps.is_empty());
        }
    }

    #[test]
    fn explanations_are_short() {
        for id in DiagnosisId::ALL {
            let sentences = text(id).explanation.matches(". ").count() + 1;
            assert!(
                sentences <= 3,
                "{id:?} explanation has {sentences} sentences"
            );
        }
    }

    #[test]
    fn steps_speak_web_config() {
        let config_words = [
            "`host`",
            "`port`",
            "`enableSsl`",
            "`userName`",
            "`password`",
            "`from`",
        ];
        let mentions = DiagnosisId::ALL
            .iter()
            .filter(|id| {
                text(**id)
                    .steps
                    .iter()
                    .any(|step| config_words.iter().any(|word| step.contains(word)))
            })
            .count();
        assert!(
            mentions >= 20,
            "only {mentions} ids name a web.config attribute in their steps"
        );
    }

    #[test]
    fn builders_tailor_without_duplicates() {
        let diagnosis = base(DiagnosisId::TlsRequired)
            .with_summary("S")
            .explain_more("More.")
            .step_first("First.")
            .step_first("First.")
            .step_last("Last.")
            .with_reply("530 5.7.0 x");
        assert_eq!(diagnosis.summary, "S");
        assert!(diagnosis.explanation.ends_with(" More."));
        assert_eq!(
            diagnosis.steps_to_fix.first().map(String::as_str),
            Some("First.")
        );
        assert_eq!(
            diagnosis.steps_to_fix.last().map(String::as_str),
            Some("Last.")
        );
        assert_eq!(
            diagnosis
                .steps_to_fix
                .iter()
                .filter(|s| *s == "First.")
                .count(),
            1
        );
        assert_eq!(diagnosis.server_reply.as_deref(), Some("530 5.7.0 x"));
    }
}
