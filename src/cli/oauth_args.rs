//! `send`'s OAuth flags: sign in with an access token instead of a password, either one the
//! user already has (`--oauth-token-env`, `--oauth-token-stdin`) or one fetched from Microsoft
//! with the app's client secret (`--oauth microsoft`, the client-credentials flow).

use std::time::Duration;

use clap::{Args, ValueEnum};

use super::resolve::read_password_line;
use crate::oauth::SaslMechanism;
use crate::oauth::token::{
    AccessToken, ClientCredentials, EXCHANGE_APP_SCOPE, MICROSOFT_AUTHORITY, TokenError,
    client_credentials,
};
use crate::secret::Password;
use crate::settings::{Settings, SignIn};

/// The OAuth flags of `send`.
#[derive(Debug, Args, Default)]
pub struct OAuthArgs {
    /// Sign in with OAuth using the access token in this environment variable.
    #[arg(long, value_name = "VAR", help_heading = "Sign in with OAuth", conflicts_with_all = ["oauth_token_stdin", "oauth"])]
    pub oauth_token_env: Option<String>,
    /// Sign in with OAuth using the access token on the first line of standard input.
    #[arg(long, help_heading = "Sign in with OAuth", conflicts_with = "oauth")]
    pub oauth_token_stdin: bool,
    /// Get the token from the provider first (Microsoft: an app signing in as itself with
    /// --tenant, --client-id and its client secret).
    #[arg(long, value_enum, value_name = "PROVIDER", help_heading = "Sign in with OAuth", requires_all = ["tenant", "client_id"])]
    pub oauth: Option<OAuthProviderArg>,
    /// Microsoft: the Directory (tenant) ID or a domain of the organisation.
    #[arg(
        long,
        value_name = "TENANT",
        help_heading = "Sign in with OAuth",
        requires = "oauth"
    )]
    pub tenant: Option<String>,
    /// The app's Application (client) ID.
    #[arg(
        long,
        value_name = "ID",
        help_heading = "Sign in with OAuth",
        requires = "oauth"
    )]
    pub client_id: Option<String>,
    /// Read the app's client secret from this environment variable.
    #[arg(
        long,
        value_name = "VAR",
        help_heading = "Sign in with OAuth",
        requires = "oauth",
        conflicts_with = "client_secret_stdin"
    )]
    pub client_secret_env: Option<String>,
    /// Read the app's client secret from the first line of standard input.
    #[arg(long, help_heading = "Sign in with OAuth", requires = "oauth")]
    pub client_secret_stdin: bool,
    /// The sign-in service [default: <https://login.microsoftonline.com>]; https only (plain
    /// http only on this computer, for test servers).
    #[arg(
        long,
        value_name = "URL",
        help_heading = "Sign in with OAuth",
        requires = "oauth"
    )]
    pub authority: Option<String>,
    /// Use this OAuth method; by default XOAUTH2 when the server offers it, else OAUTHBEARER.
    #[arg(
        long,
        value_enum,
        value_name = "METHOD",
        help_heading = "Sign in with OAuth"
    )]
    pub sasl: Option<SaslArg>,
}

/// `--oauth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OAuthProviderArg {
    /// Microsoft 365 (client credentials: the app's client ID and secret).
    Microsoft,
    /// Google (not for apps signing in as themselves: see the message).
    Google,
}

/// `--sasl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SaslArg {
    /// XOAUTH2 (Google's and Microsoft's).
    Xoauth2,
    /// OAUTHBEARER (RFC 7628).
    Oauthbearer,
}

/// Why OAuth could not be set up: a usage problem, or the provider gave no token.
#[derive(Debug)]
pub enum OAuthSetupError {
    /// Wrong or missing flags, an unset variable (printed as `error: ...`, exit 2).
    Usage(String),
    /// The token endpoint said no or could not be reached (a failed sign-in step).
    Token(TokenError),
}

impl OAuthArgs {
    /// Whether any flag asks for OAuth sign-in.
    pub fn wanted(&self) -> bool {
        self.oauth_token_env.is_some() || self.oauth_token_stdin || self.oauth.is_some()
    }

    /// Flags that make no sense together, before anything is read.
    pub fn check_flags(&self) -> Result<(), String> {
        if self.sasl.is_some() && !self.wanted() {
            return Err(
                "--sasl chooses an OAuth method: give the token with --oauth-token-env, --oauth-token-stdin or --oauth"
                    .to_owned(),
            );
        }
        Ok(())
    }

    /// `settings` signing in with OAuth: the token read or fetched; `said` is told what is
    /// happening (text mode prints it). Without OAuth flags, `settings` as they are.
    pub async fn apply(
        &self,
        mut settings: Settings,
        said: &dyn Fn(&str),
    ) -> Result<Settings, OAuthSetupError> {
        self.check_flags().map_err(OAuthSetupError::Usage)?;
        if !self.wanted() {
            return Ok(settings);
        }
        if settings.user_name.trim().is_empty() {
            return Err(OAuthSetupError::Usage(
                "OAuth signs in as a mailbox: give its address with --user".to_owned(),
            ));
        }
        settings.sign_in = SignIn::OAuth;
        settings.sasl = self.sasl.map(|arg| match arg {
            SaslArg::Xoauth2 => SaslMechanism::Xoauth2,
            SaslArg::Oauthbearer => SaslMechanism::OAuthBearer,
        });
        settings.access_token = if let Some(var) = &self.oauth_token_env {
            secret_from_env(var, "the access token")?
        } else if self.oauth_token_stdin {
            read_password_line("--oauth-token-stdin", "Access token")
                .map_err(OAuthSetupError::Usage)?
        } else {
            self.fetch(said, settings.timeouts.command()).await?.token
        };
        Ok(settings)
    }

    /// Gets a token from the provider named by `--oauth`, waiting at most `timeout` (the
    /// command timeout, `--timeout`).
    async fn fetch(
        &self,
        said: &dyn Fn(&str),
        timeout: Duration,
    ) -> Result<AccessToken, OAuthSetupError> {
        if self.oauth == Some(OAuthProviderArg::Google) {
            return Err(OAuthSetupError::Usage(
                "Google lets no app send Gmail as itself with a client secret: a person signs in \
                 once in their browser. Get an access token with the scope https://mail.google.com/ \
                 in your app and pass it with --oauth-token-env VAR, or use an app password."
                    .to_owned(),
            ));
        }
        let client_secret = if let Some(var) = &self.client_secret_env {
            secret_from_env(var, "the client secret")?
        } else if self.client_secret_stdin {
            read_password_line("--client-secret-stdin", "Client secret")
                .map_err(OAuthSetupError::Usage)?
        } else {
            return Err(OAuthSetupError::Usage(
                "--oauth microsoft needs the app's client secret: pass it with \
                 --client-secret-env VAR or --client-secret-stdin (never as an argument)"
                    .to_owned(),
            ));
        };
        let request = ClientCredentials {
            authority: self
                .authority
                .clone()
                .unwrap_or_else(|| MICROSOFT_AUTHORITY.to_owned()),
            tenant: self.tenant.clone().unwrap_or_default(),
            client_id: self.client_id.clone().unwrap_or_default(),
            client_secret,
            scope: EXCHANGE_APP_SCOPE.to_owned(),
            timeout,
        };
        said(&format!(
            "Getting a token for the app {} from {} …",
            request.client_id.trim(),
            request.authority.trim()
        ));
        let token = client_credentials(&request)
            .await
            .map_err(OAuthSetupError::Token)?;
        let valid = token
            .expires_in
            .map(|secs| format!(", valid for {} min", secs / 60))
            .unwrap_or_default();
        said(&format!("Got a token{valid}."));
        Ok(token)
    }
}

/// A secret from an environment variable, or a usage error naming it.
fn secret_from_env(var: &str, what: &str) -> Result<Password, OAuthSetupError> {
    match std::env::var(var) {
        Ok(value) if !value.trim().is_empty() => Ok(Password::new(value.trim())),
        _ => Err(OAuthSetupError::Usage(format!(
            "the environment variable {var} is not set (or empty); set it to {what}"
        ))),
    }
}
