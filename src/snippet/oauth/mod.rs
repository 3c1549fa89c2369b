//! Ready-to-paste OAuth 2 (XOAUTH2) configuration for each platform, for the day password
//! sign-in stops (Microsoft 365 switches it off by default at the end of December 2026), and
//! the Microsoft app registration as a checklist with PowerShell to copy
//! ([`microsoft_app_setup`]).
//!
//! Secrets (the client secret, a refresh token) are always placeholders
//! ([`CLIENT_SECRET_PLACEHOLDER`], [`REFRESH_TOKEN_PLACEHOLDER`]); the tested password is never
//! written. Every value is escaped for its language (`super::escape`), every line ends in `\n`.
//!
//! Facts used here, with their sources (each platform's module lists its own):
//! - Microsoft: app-only (client credentials) token from
//!   `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token` with the scope
//!   `https://outlook.office365.com/.default`; delegated scope `https://outlook.office.com/SMTP.Send`
//!   plus `offline_access` for a refresh token. "Authenticate an IMAP, POP or SMTP connection
//!   using OAuth",
//!   <https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>
//!   (source: MicrosoftDocs/office-developer-exchange-docs,
//!   `docs/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth.md`).
//! - Google: XOAUTH2 scope `https://mail.google.com/` (PHPMailer's `get_oauth_token.php`, MailKit's
//!   `GMailOAuth2.md`); token endpoint `https://oauth2.googleapis.com/token`
//!   (<https://developers.google.com/identity/protocols/oauth2/web-server>); app-only needs a
//!   Workspace service account with domain-wide delegation, which these snippets do not set up.
//! - System.Net.Mail has no OAuth (dotnet/runtime issue 76253; DE0005,
//!   <https://github.com/dotnet/platform-compat/blob/master/docs/DE0005.md>).

mod django;
mod laravel;
mod mailkit;
mod nodemailer;
mod notes;
mod php_token;
mod phpmailer;
mod setup;
mod symfony;
mod web_config;
mod wordpress;

pub use crate::oauth::OAuthApp;
pub use setup::{SetupStep, microsoft_app_setup};

use super::{Format, Snippet};
use crate::oauth::{OAuthFlow, OAuthProvider};
use crate::settings::{Security, Settings};

/// What goes in place of the app's client secret.
pub const CLIENT_SECRET_PLACEHOLDER: &str = "YOUR-CLIENT-SECRET-HERE";
/// What goes in place of a refresh token (delegated sign-in).
pub const REFRESH_TOKEN_PLACEHOLDER: &str = "YOUR-REFRESH-TOKEN-HERE";
/// What goes in place of an empty Directory (tenant) ID.
pub const TENANT_PLACEHOLDER: &str = "YOUR-TENANT-ID-HERE";
/// What goes in place of an empty Application (client) ID.
pub const CLIENT_ID_PLACEHOLDER: &str = "YOUR-CLIENT-ID-HERE";
/// What goes in place of the mailbox when the settings name none.
pub const MAILBOX_PLACEHOLDER: &str = "YOUR-MAILBOX-HERE";

/// Microsoft's app-only scope for SMTP (client credentials).
const MICROSOFT_APP_SCOPE: &str = "https://outlook.office365.com/.default";
/// Microsoft's delegated scopes for SMTP, with a refresh token.
const MICROSOFT_DELEGATED_SCOPE: &str = "https://outlook.office.com/SMTP.Send offline_access";
/// Google's scope for SMTP (XOAUTH2).
const GOOGLE_SCOPE: &str = "https://mail.google.com/";
/// Google's token endpoint.
const GOOGLE_TOKEN_URL: &str = "https://oauth2.googleapis.com/token";

/// The OAuth configuration for `format`, for the tested host/port/security and the mailbox in
/// `settings.user_name` (the sender: `settings.from`).
///
/// Secrets (client secret, refresh token) are always placeholders, never real values: the
/// tested password is not used at all. `includes_password` is always false.
pub fn render_oauth(format: Format, settings: &Settings, app: &OAuthApp) -> Snippet {
    let ctx = Ctx::new(settings, app);
    let (platform, text, warnings) = match format {
        Format::WebConfig => web_config::render(ctx, settings),
        Format::MailKit => mailkit::render(ctx),
        Format::PhpMailer => phpmailer::render(ctx),
        Format::Nodemailer => nodemailer::render(ctx),
        Format::WordPress => wordpress::render(ctx),
        Format::Laravel => laravel::render(ctx),
        Format::Symfony => symfony::render(ctx),
        Format::Django => django::render(ctx),
    };
    Snippet {
        format,
        platform: platform.to_owned(),
        text,
        warnings,
        includes_password: false,
    }
}

/// The settings and the app, worked out once for every platform.
pub(super) struct Ctx {
    /// Who issues the tokens.
    provider: OAuthProvider,
    /// The flow asked for (Google: always delegated, see [`Ctx::flow`]).
    asked_flow: OAuthFlow,
    /// The server, trimmed (the provider's when the settings name none).
    host: String,
    /// The tested port.
    port: u32,
    /// The tested security.
    security: Security,
    /// The mailbox that signs in: `user_name`, else `from`, else a placeholder.
    mailbox: String,
    /// The sender: `from`, else the mailbox.
    from: String,
    /// The tenant or [`TENANT_PLACEHOLDER`].
    tenant: String,
    /// The client id or [`CLIENT_ID_PLACEHOLDER`].
    client_id: String,
    /// Whether the snippet signs in to the tested SMTP server (false: a web API instead).
    via_smtp: bool,
    /// What the user must know, the placement first (pushed by each platform).
    warnings: Vec<String>,
}

impl Ctx {
    fn new(settings: &Settings, app: &OAuthApp) -> Self {
        let host = match settings.host.trim() {
            "" => default_host(app.provider).to_owned(),
            host => host.to_owned(),
        };
        let mailbox = [settings.user_name.trim(), settings.from.trim()]
            .into_iter()
            .find(|v| !v.is_empty())
            .unwrap_or(MAILBOX_PLACEHOLDER)
            .to_owned();
        let from = match settings.from.trim() {
            "" => mailbox.clone(),
            from => from.to_owned(),
        };
        Self {
            provider: app.provider,
            asked_flow: app.flow,
            host,
            port: settings.port,
            security: settings.effective_security(),
            mailbox,
            from,
            tenant: or_placeholder(&app.tenant, TENANT_PLACEHOLDER),
            client_id: or_placeholder(&app.client_id, CLIENT_ID_PLACEHOLDER),
            via_smtp: true,
            warnings: Vec::new(),
        }
    }

    /// The flow the snippet uses: Google's SMTP has no app-only sign-in without a Workspace
    /// service account, so Google is always delegated.
    fn flow(&self) -> OAuthFlow {
        match self.provider {
            OAuthProvider::Google => OAuthFlow::Delegated,
            OAuthProvider::Microsoft => self.asked_flow,
        }
    }

    /// Whether the snippet signs in as the app itself (Microsoft's client credentials).
    fn app_only(&self) -> bool {
        self.flow() == OAuthFlow::AppOnly
    }

    /// The token endpoint.
    fn token_url(&self) -> String {
        match self.provider {
            OAuthProvider::Microsoft => format!(
                "https://login.microsoftonline.com/{}/oauth2/v2.0/token",
                super::escape::url_component(&self.tenant)
            ),
            OAuthProvider::Google => GOOGLE_TOKEN_URL.to_owned(),
        }
    }

    /// Microsoft's authority (for MSAL).
    fn authority(&self) -> String {
        format!(
            "https://login.microsoftonline.com/{}",
            super::escape::url_component(&self.tenant)
        )
    }

    /// The scope(s) to ask for, space-separated.
    fn scope(&self) -> &'static str {
        match (self.provider, self.flow()) {
            (OAuthProvider::Google, _) => GOOGLE_SCOPE,
            (OAuthProvider::Microsoft, OAuthFlow::AppOnly) => MICROSOFT_APP_SCOPE,
            (OAuthProvider::Microsoft, OAuthFlow::Delegated) => MICROSOFT_DELEGATED_SCOPE,
        }
    }

    /// The provider's name for people.
    fn who(&self) -> &'static str {
        match self.provider {
            OAuthProvider::Microsoft => "Microsoft",
            OAuthProvider::Google => "Google",
        }
    }

    /// The host for a comment: the tested one when it is a plain name, else a description
    /// (a comment cannot escape anything).
    fn host_in_comment(&self) -> String {
        comment_safe(&self.host).map_or_else(
            || "the tested server".to_owned(),
            |host| format!("{host}:{}", self.port),
        )
    }
}

/// The provider's SMTP server, for settings without a host.
fn default_host(provider: OAuthProvider) -> &'static str {
    match provider {
        OAuthProvider::Microsoft => "smtp.office365.com",
        OAuthProvider::Google => "smtp.gmail.com",
    }
}

fn or_placeholder(value: &str, placeholder: &str) -> String {
    match value.trim() {
        "" => placeholder.to_owned(),
        value => value.to_owned(),
    }
}

/// `value` when it can stand in a comment of any language (letters, digits, `. - _ : [ ] @`,
/// no `--`), else `None`.
fn comment_safe(value: &str) -> Option<&str> {
    let plain = !value.is_empty()
        && !value.contains("--")
        && !value.ends_with('-')
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-_:[]@".contains(c));
    plain.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_take_only_plain_values() {
        assert_eq!(
            comment_safe("smtp.office365.com"),
            Some("smtp.office365.com")
        );
        for value in ["xn--bcher-kva.example", "a?>b", "a\nb", "", "host-", "a b"] {
            assert_eq!(comment_safe(value), None, "{value:?}");
        }
    }

    #[test]
    fn google_is_always_delegated() {
        let app = OAuthApp {
            provider: OAuthProvider::Google,
            flow: OAuthFlow::AppOnly,
            ..OAuthApp::default()
        };
        let ctx = Ctx::new(&Settings::default(), &app);
        assert_eq!(ctx.flow(), OAuthFlow::Delegated);
        assert_eq!(ctx.host, "smtp.gmail.com");
        assert_eq!(ctx.mailbox, MAILBOX_PLACEHOLDER);
        assert_eq!(ctx.scope(), GOOGLE_SCOPE);
    }

    #[test]
    fn the_tenant_is_url_encoded_in_the_token_url() {
        let app = OAuthApp {
            tenant: "a/b?c".into(),
            ..OAuthApp::default()
        };
        let ctx = Ctx::new(&Settings::default(), &app);
        assert_eq!(
            ctx.token_url(),
            "https://login.microsoftonline.com/a%2Fb%3Fc/oauth2/v2.0/token"
        );
    }
}
