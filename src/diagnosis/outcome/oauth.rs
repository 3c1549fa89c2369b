//! Signing in with an OAuth token: refused (and why, as far as the reply and the token's own
//! claims allow), not offered, or held back from an unencrypted connection.

use super::Context;
use crate::diagnosis::classify_reply;
use crate::diagnosis::texts::base;
use crate::diagnosis::{Diagnosis, DiagnosisId as D};
use crate::event::Step;
use crate::oauth::token::TokenError;
use crate::oauth::{OAuthChallenge, SaslMechanism, TokenClaims, now_unix};
use crate::reply::Reply;

/// Exchange Online as a token audience: its URL, or its well-known application id.
const EXCHANGE_AUDIENCES: [&str; 3] = [
    "https://outlook.office365.com",
    "https://outlook.office.com",
    "00000002-0000-0ff1-ce00-000000000000",
];

/// What Microsoft 365 needs before an app may send with app-only OAuth, in one step.
const MICROSOFT_APP_CHECKS: &str = crate::en!(
    "In Microsoft 365, an app that sends as itself needs all of: the permission SMTP.SendAsApp \
     (Office 365 Exchange Online) with admin consent; a service principal made with \
     New-ServicePrincipal using the Enterprise application's object ID (not the App \
     registration's); Add-MailboxPermission for the mailbox in `userName`; and \"Authenticated \
     SMTP\" on for that mailbox."
);

impl Context<'_> {
    /// The token was refused: a policy reply keeps its own diagnosis (SMTP AUTH switched off
    /// blocks OAuth too); otherwise the most certain cause the claims and the reply show.
    pub(super) fn oauth_rejected(
        &self,
        mechanism: SaslMechanism,
        challenge: Option<&OAuthChallenge>,
        reply: &Reply,
    ) -> Diagnosis {
        let policy = classify_reply(Some(Step::Auth), reply);
        if matches!(
            policy,
            D::SmtpAuthDisabled | D::AuthTemporaryFailure | D::AccountBlocked | D::RateLimited
        ) {
            return self.rejected(Step::Auth, reply);
        }
        let diagnosis = base(D::OauthTokenRejected).with_reply(reply.display());
        let claims = TokenClaims::peek(self.settings.access_token.expose());
        let diagnosis = match &claims {
            Some(claims) => self.tailored_to_claims(diagnosis, claims, challenge),
            None => diagnosis,
        };
        let diagnosis = match challenge {
            Some(challenge) => from_challenge(diagnosis, mechanism, challenge),
            None => diagnosis,
        };
        if self.microsoft() {
            diagnosis.step_last(MICROSOFT_APP_CHECKS)
        } else {
            diagnosis
        }
    }

    /// Whether the server is Microsoft's (its host name, greeting or replies say so).
    fn microsoft(&self) -> bool {
        self.provider
            .is_some_and(|p| p.id == "microsoft365" || p.id == "outlook")
    }

    /// Tailors the diagnosis to the first thing the token's claims prove wrong.
    fn tailored_to_claims(
        &self,
        diagnosis: Diagnosis,
        claims: &TokenClaims,
        challenge: Option<&OAuthChallenge>,
    ) -> Diagnosis {
        let user = self.settings.user_name.trim();
        if let Some(ago) = claims.expired_for(now_unix()) {
            let ago = humantime::format_duration(std::time::Duration::from_secs(
                u64::try_from(ago).unwrap_or(0),
            ));
            return diagnosis
                .with_summary(crate::en!("The sign-in token has expired"))
                .with_explanation(crate::en!(
                    "Tokens are valid for a short time (about an hour). This one expired {ago} ago, \
                     so the server refused it.",
                    ago = ago,
                ))
                .step_first(crate::en!(
                    "Get a new token (sign in again) and test again at once."
                ));
        }
        if let Some(named) = claims.user.as_deref()
            && !named.eq_ignore_ascii_case(user)
        {
            return diagnosis
                .with_summary(crate::en!("The sign-in token is for another mailbox"))
                .with_explanation(crate::en!(
                    "The token was issued for {named}, and the test signed in as {user}. A token \
                     only signs in the mailbox it was issued for.",
                    named = named,
                    user = user,
                ))
                .step_first(crate::en!(
                    "Set `userName` to {named}, or sign in as {user} to get a token for it.",
                    named = named,
                    user = user,
                ));
        }
        if let Some(scope) = challenge
            .map(|c| c.scope.trim())
            .filter(|s| s.contains("://"))
            && !scope.split_whitespace().any(|s| claims.has(s))
        {
            return diagnosis
                .with_summary(crate::en!(
                    "The sign-in token lacks the permission this server asks for"
                ))
                .with_explanation(crate::en!(
                    "The server wants a token with the scope (permission) {scope}, and this one \
                     carries {carried}.",
                    scope = scope,
                    carried = list_or_none(&claims.permissions),
                ))
                .step_first(crate::en!(
                    "Ask for a token with the scope {scope}.",
                    scope = scope,
                ));
        }
        if self.microsoft() {
            return microsoft_claims(diagnosis, claims);
        }
        if !claims.permissions.is_empty() && !claims.permissions.iter().any(|p| sends_mail(p)) {
            return diagnosis
                .with_summary(crate::en!("The sign-in token does not allow sending mail"))
                .with_explanation(crate::en!(
                    "A token carries permissions (scopes), and this one carries {carried}: none \
                     of them is for sending mail (SMTP).",
                    carried = claims.permissions.join(", "),
                ))
                .step_first(crate::en!(
                    "Ask for a token with the mail-sending scope your provider names (Microsoft \
                     365: SMTP.Send or SMTP.SendAsApp; Google: https://mail.google.com/)."
                ));
        }
        diagnosis
    }
}

/// Microsoft's tokens: for Exchange Online, with the permission that fits the flow.
fn microsoft_claims(diagnosis: Diagnosis, claims: &TokenClaims) -> Diagnosis {
    let for_exchange = claims.audience.iter().any(|aud| {
        EXCHANGE_AUDIENCES
            .iter()
            .any(|known| aud.trim_end_matches('/').eq_ignore_ascii_case(known))
    });
    if !for_exchange {
        return diagnosis
            .with_summary(crate::en!(
                "The sign-in token is for another Microsoft service"
            ))
            .with_explanation(crate::en!(
                "The token is meant for {audience}, and the mail server accepts only tokens meant \
                 for Exchange Online.",
                audience = list_or_none(&claims.audience),
            ))
            .step_first(crate::en!(
                "Ask for the token with the scope https://outlook.office365.com/.default (an app \
                 sending as itself) or https://outlook.office.com/SMTP.Send (a person signed in)."
            ));
    }
    let needed = if claims.app_only {
        "SMTP.SendAsApp"
    } else {
        "SMTP.Send"
    };
    if claims.has(needed) {
        return diagnosis;
    }
    let carried = list_or_none(&claims.permissions);
    // One sentence per kind of permission, so no placeholder stands next to another.
    let explanation = if claims.app_only {
        crate::en!(
            "Exchange Online lets a token send mail only with the application permission \
             {needed}; this one carries {carried}.",
            needed = needed,
            carried = carried,
        )
    } else {
        crate::en!(
            "Exchange Online lets a token send mail only with the delegated permission {needed}; \
             this one carries {carried}.",
            needed = needed,
            carried = carried,
        )
    };
    diagnosis
        .with_summary(crate::en!(
            "The sign-in token lacks the permission {needed}",
            needed = needed,
        ))
        .with_explanation(explanation)
        .step_first(crate::en!(
            "In App registrations → your app → API permissions, add {needed} (Office 365 Exchange \
             Online), grant admin consent, then get a new token.",
            needed = needed,
        ))
}

/// What the server's error challenge adds (Google's and Dovecot's JSON).
fn from_challenge(
    diagnosis: Diagnosis,
    mechanism: SaslMechanism,
    challenge: &OAuthChallenge,
) -> Diagnosis {
    let meaning = match challenge.status.trim() {
        "400" => crate::en!("it could not read the sign-in (often a user name it does not know)"),
        "401" | "invalid_token" => {
            crate::en!("the token is not valid (expired, revoked, or not for this mailbox)")
        }
        "403" => crate::en!("the token is valid but does not allow sending mail as this mailbox"),
        _ => crate::en!("it refused the token"),
    };
    let mechanism = mechanism.wire_name();
    let scope = challenge.scope.trim();
    diagnosis.explain_more(if scope.is_empty() {
        crate::en!(
            "The server's answer to {mechanism} says {meaning}.",
            mechanism = mechanism,
            meaning = meaning,
        )
    } else {
        crate::en!(
            "The server's answer to {mechanism} says {meaning}; it takes tokens with the scope \
             {scope}.",
            mechanism = mechanism,
            meaning = meaning,
            scope = scope,
        )
    })
}

/// Whether a scope or role is one for sending mail: Microsoft's `SMTP.*`, Google's whole-mail
/// scope, or any scope naming SMTP; `.default` stands for whatever the app was granted.
fn sends_mail(permission: &str) -> bool {
    let lower = permission.to_ascii_lowercase();
    lower.contains("smtp") || lower == "https://mail.google.com/" || lower.ends_with("/.default")
}

/// `a, b` or "no permission at all".
fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        crate::en!("none").to_owned()
    } else {
        items.join(", ")
    }
}

impl Context<'_> {
    /// No OAuth on offer: before encryption the server may hide it (turn STARTTLS on).
    pub(super) fn oauth_not_offered(
        &self,
        offered: &[String],
        encrypted: bool,
        starttls_offered: bool,
    ) -> Diagnosis {
        if !encrypted && starttls_offered {
            return self.oauth_unencrypted(true);
        }
        let offers = if offered.is_empty() {
            crate::en!("no sign-in at all").to_owned()
        } else {
            offered.join(", ")
        };
        base(D::OauthNotOffered).explain_more(crate::en!("It offers {offers}.", offers = offers))
    }

    /// The token stays home on an unencrypted connection; STARTTLS fixes it where offered.
    pub(super) fn oauth_unencrypted(&self, starttls_offered: bool) -> Diagnosis {
        let diagnosis = base(D::OauthNeedsEncryption);
        if starttls_offered {
            diagnosis
                .explain_more(crate::en!(
                    "This server offers STARTTLS (encryption), so the fix is one setting."
                ))
                .with_change(self.suggest(vec![self.starttls()]))
        } else {
            diagnosis
        }
    }
}

/// The provider's sign-in service gave no token: its error in plain words (Microsoft's
/// `AADSTS` numbers name the cause), never as a mail-server failure.
pub(super) fn token_failure(error: &TokenError) -> Diagnosis {
    let codes = error.aadsts_codes();
    let has = |code: u32| codes.contains(&code);
    let id = match error {
        TokenError::Refused { .. } if has(7_000_215) || has(7_000_222) => D::OauthClientSecretWrong,
        TokenError::Refused { .. } if has(700_016) => D::OauthAppNotFound,
        TokenError::Refused { .. } if has(90_002) || has(900_023) => D::OauthTenantNotFound,
        TokenError::Refused { .. } if has(65_001) || has(650_057) => D::OauthConsentMissing,
        TokenError::Refused { error, .. } if error == "invalid_client" && codes.is_empty() => {
            D::OauthClientSecretWrong
        }
        _ => D::OauthSignInFailed,
    };
    let mut diagnosis = base(id).with_reply(error.to_string());
    if has(7_000_222) {
        diagnosis = diagnosis.with_summary(crate::en!("The app's client secret has expired"));
    }
    match error {
        TokenError::Refused { error, .. } if error == "not_signed_in" => diagnosis
            .with_summary(crate::en!("Nobody has signed in yet"))
            .with_explanation(crate::en!(
                "This test signs in as a person, so someone must first sign in to the mailbox \
                 on Microsoft's or Google's own page. The sign-in is then kept in your system's \
                 keyring and renewed by itself."
            ))
            .with_steps([
                crate::en!(
                    "Press \"Sign in with Microsoft…\" (or Google) under Sign-in and sign in as \
                     the mailbox in `userName`."
                ),
                crate::en!("Then test again."),
            ]),
        TokenError::Refused { error, .. } if error == "cancelled" => diagnosis
            .with_summary(crate::en!("The sign-in was cancelled"))
            .with_steps([crate::en!("Sign in again, then test again.")]),
        TokenError::Unreachable { .. } => diagnosis
            .with_summary(crate::en!(
                "The provider's sign-in service could not be reached"
            ))
            .with_steps([
                crate::en!(
                    "Check this computer's internet connection (and a proxy or firewall that may \
                     block login.microsoftonline.com)."
                ),
                crate::en!("Test again."),
            ]),
        TokenError::BadAuthority { .. } => diagnosis
            .with_summary(crate::en!("The sign-in service's address cannot be used"))
            .with_steps([crate::en!(
                "Use https://login.microsoftonline.com (the default) as the sign-in address."
            )]),
        _ => diagnosis,
    }
}
