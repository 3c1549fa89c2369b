//! The notes every OAuth snippet shares: what OAuth is, which placeholders to replace, and
//! the provider's conditions.

use super::{
    CLIENT_ID_PLACEHOLDER, CLIENT_SECRET_PLACEHOLDER, Ctx, GOOGLE_SCOPE, MAILBOX_PLACEHOLDER,
    REFRESH_TOKEN_PLACEHOLDER, TENANT_PLACEHOLDER,
};
use crate::oauth::{OAuthFlow, OAuthProvider};
use crate::settings::Security;

impl Ctx {
    /// The notes every OAuth snippet shares, after the placement: what OAuth is, which
    /// placeholders to replace, and the provider's conditions.
    pub(super) fn common_notes(&mut self, uses_tenant: bool, uses_refresh_token: bool) {
        let who = self.who();
        self.warnings.push(if self.app_only() {
            crate::en!(
                "OAuth means signing in through {who} instead of with the mailbox password: the \
                 site asks {who} for a short-lived token with the app's ID and secret (no person \
                 signs in), and signs in with that token.",
                who = who
            )
        } else {
            crate::en!(
                "OAuth means signing in through {who}'s own page instead of with a password: the \
                 mailbox's owner signs in once, the site keeps a refresh token and uses it to get \
                 short-lived tokens.",
                who = who
            )
        });
        self.warnings.push(crate::en!(
            "Replace {placeholder} with the app's client secret. It is left out so that the \
             snippet can be shared safely; keep it out of files you share or commit (an \
             environment variable or a secret store is better).",
            placeholder = CLIENT_SECRET_PLACEHOLDER
        ));
        if uses_refresh_token && !self.app_only() {
            self.warnings.push(crate::en!(
                "Replace {placeholder} with the refresh token you get when the mailbox's owner \
                 signs in to the app once (keep it as secret as a password).",
                placeholder = REFRESH_TOKEN_PLACEHOLDER
            ));
        }
        if self.client_id == CLIENT_ID_PLACEHOLDER {
            self.warnings.push(match self.provider {
                OAuthProvider::Microsoft => crate::en!(
                    "Replace {placeholder} with the app's client ID (Application (client) ID, on \
                     the app's Overview page in the Microsoft Entra admin centre).",
                    placeholder = CLIENT_ID_PLACEHOLDER
                ),
                OAuthProvider::Google => crate::en!(
                    "Replace {placeholder} with the app's client ID (from the OAuth client in the \
                     Google Cloud console, APIs & Services → Credentials).",
                    placeholder = CLIENT_ID_PLACEHOLDER
                ),
            });
        }
        if uses_tenant && self.tenant == TENANT_PLACEHOLDER {
            self.warnings.push(crate::en!(
                "Replace {placeholder} with the Directory (tenant) ID from the app's Overview \
                 page (or your domain, such as example.onmicrosoft.com).",
                placeholder = TENANT_PLACEHOLDER
            ));
        }
        if self.mailbox == MAILBOX_PLACEHOLDER {
            self.warnings.push(crate::en!(
                "Replace {placeholder} with the mailbox address the site sends from.",
                placeholder = MAILBOX_PLACEHOLDER
            ));
        }
        self.provider_notes();
    }

    fn provider_notes(&mut self) {
        if self.provider == OAuthProvider::Google && self.asked_flow == OAuthFlow::AppOnly {
            self.warnings.push(
                crate::en!(
                    "Google has no app-only sign-in for an ordinary mailbox: that needs a Google \
                     Workspace service account with domain-wide delegation, set up by the \
                     Workspace admin. This signs in as the mailbox (delegated) instead."
                )
                .to_owned(),
            );
        }
        if !self.via_smtp {
            if self.provider == OAuthProvider::Google {
                self.warnings.push(GOOGLE_TESTING.to_owned());
            }
            return;
        }
        match (self.provider, self.flow()) {
            (OAuthProvider::Microsoft, OAuthFlow::AppOnly) => self.warnings.push(
                crate::en!(
                    "App-only sign-in needs a one-time setup by your Microsoft 365 admin: the \
                     permission SMTP.SendAsApp, admin consent, and the app's access to this \
                     mailbox in Exchange (see the setup steps)."
                )
                .to_owned(),
            ),
            (OAuthProvider::Microsoft, OAuthFlow::Delegated) => self.warnings.push(
                crate::en!(
                    "The app registration needs the delegated permission SMTP.Send, and the \
                     refresh token must be asked for with the scopes \
                     https://outlook.office.com/SMTP.Send and offline_access."
                )
                .to_owned(),
            ),
            (OAuthProvider::Google, _) => self.warnings.push(crate::en!(
                "The Google OAuth client needs the scope {scope}. While the Google OAuth consent \
                 screen is in \"Testing\", refresh tokens expire after 7 days: publish the app \
                 before relying on this.",
                scope = GOOGLE_SCOPE
            )),
        }
        if self.provider == OAuthProvider::Microsoft {
            self.warnings.push(
                crate::en!(
                    "SMTP sign-in (SMTP AUTH) must stay switched on for the mailbox, also with \
                     OAuth: Set-CASMailbox -SmtpClientAuthenticationDisabled $false."
                )
                .to_owned(),
            );
        }
        if self.security == Security::None {
            self.warnings.push(
                crate::en!(
                    "The tested connection was not encrypted: OAuth tokens must not cross the \
                     network unencrypted, so this uses STARTTLS. Test port 587 with STARTTLS (or \
                     465 with SSL on connect) before relying on it."
                )
                .to_owned(),
            );
        }
    }
}

/// Google's refresh tokens while the consent screen is in testing.
const GOOGLE_TESTING: &str = crate::en!(
    "While the Google OAuth consent screen is in \"Testing\", refresh tokens expire after 7 days: \
     publish the app before relying on this."
);
