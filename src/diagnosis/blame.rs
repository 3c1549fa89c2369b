//! Which checklist item a diagnosis blames. The diagnosis knows the checklist; the events the
//! session sends know nothing of diagnoses, so the low layer never imports the high one.

use crate::event::ChecklistItem;

use super::DiagnosisId;

impl DiagnosisId {
    /// The item this diagnosis blames: the step whose settings must change, which is not always
    /// the step where the server said no (a server that wants encryption refuses `MAIL FROM`,
    /// but the fault is the connection left unencrypted). `None` when the diagnosis names no
    /// step (a timeout, a lost connection, a cancel): the step that failed is shown as it is.
    pub fn blamed_item(self) -> Option<ChecklistItem> {
        use ChecklistItem as C;
        use DiagnosisId as D;
        match self {
            D::DnsNotFound
            | D::ConnectionRefused
            | D::ConnectionTimeout
            | D::NoGreeting
            | D::NotSmtp
            | D::ServiceUnavailable => Some(C::Connect),
            D::TlsRequired
            | D::StarttlsNotOffered
            | D::TlsOnPlainPort
            | D::TlsHandshakeFailed
            | D::TlsOutdated
            | D::TlsUnavailable
            | D::CertificateNameMismatch
            | D::CertificateUntrusted
            | D::CertificateExpired
            | D::AuthRequiresTls
            | D::PasswordUnencrypted
            | D::OauthNeedsEncryption => Some(C::Secure),
            D::AuthRequired
            | D::AuthNotOffered
            | D::AuthMechanismUnsupported
            | D::AuthFailed
            | D::AppPasswordRequired
            | D::WebLoginRequired
            | D::SmtpAuthDisabled
            | D::BasicAuthDisabled
            | D::AuthTemporaryFailure
            | D::OauthTokenRejected
            | D::OauthNotOffered
            | D::OauthClientSecretWrong
            | D::OauthAppNotFound
            | D::OauthTenantNotFound
            | D::OauthConsentMissing
            | D::OauthSignInFailed => Some(C::SignIn),
            D::RelayDenied
            | D::SenderRejected
            | D::RecipientRejected
            | D::MessageRejected
            | D::AccountBlocked
            | D::RateLimited
            | D::Greylisted
            | D::SendingQuotaExceeded => Some(C::Send),
            D::TemporaryFailure | D::ConnectionLost | D::Timeout | D::Cancelled | D::Unknown => {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_that_wants_encryption_blames_the_secure_connection() {
        assert_eq!(
            DiagnosisId::TlsRequired.blamed_item(),
            Some(ChecklistItem::Secure)
        );
        assert_eq!(
            DiagnosisId::AuthFailed.blamed_item(),
            Some(ChecklistItem::SignIn)
        );
        assert_eq!(DiagnosisId::Cancelled.blamed_item(), None);
    }

    #[test]
    fn every_id_that_names_a_step_is_mapped() {
        let unmapped: Vec<_> = DiagnosisId::ALL
            .into_iter()
            .filter(|id| id.blamed_item().is_none())
            .collect();
        assert_eq!(unmapped.len(), 5, "{unmapped:?}");
    }
}
