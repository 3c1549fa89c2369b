//! `send`'s OAuth flags: sign in with an access token instead of a password, either one the
//! user already has (`--oauth-token-env`, `--oauth-token-stdin`) or one fetched from Microsoft
//! with the app's client secret (`--oauth microsoft`, the client-credentials flow).

use std::time::Duration;

use clap::{Args, ValueEnum};

use super::resolve::read_password_line;
use tokio_util::sync::CancellationToken;

use crate::credentials::Keyring;
use crate::oauth::delegated::{DelegatedApp, DeviceCode, Tokens, browser_sign_in, device_sign_in};
use crate::oauth::token::{
    AccessToken, ClientCredentials, EXCHANGE_APP_SCOPE, MICROSOFT_AUTHORITY, TokenError,
    client_credentials,
};
use crate::oauth::{OAuthApp, OAuthFlow, OAuthProvider, SaslMechanism, stored};
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
    #[arg(
        long,
        value_enum,
        value_name = "PROVIDER",
        help_heading = "Sign in with OAuth",
        requires = "client_id"
    )]
    pub oauth: Option<OAuthProviderArg>,
    /// A person signs in (instead of the app as itself): in the system browser, or with a
    /// code typed in on any device. The sign-in is kept in the keyring and renewed silently.
    #[arg(
        long,
        value_enum,
        value_name = "HOW",
        help_heading = "Sign in with OAuth",
        requires = "oauth"
    )]
    pub sign_in: Option<SignInArg>,
    /// Microsoft: the Directory (tenant) ID or a domain of the organisation (for a person
    /// signing in: `organizations` by default, `consumers` for Outlook.com).
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

/// `--sign-in`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignInArg {
    /// Open the sign-in page in the system browser (set `MAILTESTER_BROWSER` to a program to use
    /// another one).
    Browser,
    /// Show a code to type in at the provider's page, on any device.
    Device,
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
        if let Some(provider) = self.oauth {
            settings.oauth_app = oauth_app(
                provider,
                self.sign_in.is_some(),
                self.tenant.as_deref(),
                self.client_id.as_deref(),
            );
        }
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
            let mailbox = settings.user_name.trim().to_owned();
            self.fetch(said, settings.timeouts.command(), &mailbox)
                .await?
                .token
        };
        Ok(settings)
    }

    /// Gets a token from the provider named by `--oauth`, waiting at most `timeout` (the
    /// command timeout, `--timeout`).
    async fn fetch(
        &self,
        said: &dyn Fn(&str),
        timeout: Duration,
        mailbox: &str,
    ) -> Result<AccessToken, OAuthSetupError> {
        if let Some(how) = self.sign_in {
            return self.delegated(how, said, mailbox).await;
        }
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
        if self.tenant.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(OAuthSetupError::Usage(
                "--oauth microsoft (an app signing in as itself) needs --tenant: the Directory \
                 (tenant) ID or a domain of the organisation"
                    .to_owned(),
            ));
        }
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

impl OAuthArgs {
    /// The app a person signs in to, from the flags.
    pub fn delegated_app(&self) -> Result<DelegatedApp, OAuthSetupError> {
        let provider = match self.oauth {
            Some(OAuthProviderArg::Google) => OAuthProvider::Google,
            _ => OAuthProvider::Microsoft,
        };
        let client_secret = if let Some(var) = &self.client_secret_env {
            Some(secret_from_env(var, "the client secret")?)
        } else if self.client_secret_stdin {
            Some(
                read_password_line("--client-secret-stdin", "Client secret")
                    .map_err(OAuthSetupError::Usage)?,
            )
        } else {
            None
        };
        Ok(DelegatedApp {
            provider,
            authority: self.authority.clone(),
            tenant: self.tenant.clone().unwrap_or_default(),
            client_id: self.client_id.clone().unwrap_or_default(),
            client_secret,
        })
    }

    /// A person's sign-in: renewed silently from the keyring when it holds one, else in the
    /// browser or with a device code (then kept in the keyring).
    async fn delegated(
        &self,
        how: SignInArg,
        said: &dyn Fn(&str),
        mailbox: &str,
    ) -> Result<AccessToken, OAuthSetupError> {
        let app = self.delegated_app()?;
        let keyring = tokio::task::spawn_blocking(Keyring::system)
            .await
            .ok()
            .and_then(Result::ok);
        if let Some(keyring) = &keyring {
            match stored::renew(keyring, &app, mailbox).await {
                Ok(Some(tokens)) => {
                    said(&format!("Using the saved sign-in of {mailbox} (renewed)."));
                    return Ok(access(tokens));
                }
                Ok(None) => {}
                Err(error) => said(&format!(
                    "The saved sign-in could not be renewed ({error}); signing in again."
                )),
            }
        }
        let cancel = CancellationToken::new();
        let watcher = super::interrupt::cancel_on_ctrl_c(cancel.clone(), "Stopping the sign-in…");
        let result = match how {
            SignInArg::Browser => {
                let open = |url: &str| {
                    eprintln!(
                        "Sign in as {mailbox} in your browser. If it does not open, open this address:\n  {url}"
                    );
                    crate::oauth::browser::open(url)
                };
                browser_sign_in(&app, mailbox, &open, &cancel).await
            }
            SignInArg::Device => {
                let show = |code: &DeviceCode| {
                    eprintln!(
                        "To sign in, open {} on any device and enter the code {} (valid for {} minutes).",
                        code.verification_uri,
                        code.user_code,
                        code.expires_in.as_secs() / 60
                    );
                };
                device_sign_in(&app, &show, &cancel).await
            }
        };
        watcher.abort();
        let tokens = result.map_err(OAuthSetupError::Token)?;
        match (&keyring, &tokens.refresh) {
            (Some(keyring), Some(refresh)) => {
                match stored::keep(keyring, &app, mailbox, refresh).await {
                    Ok(()) => said(
                        "Signed in; the sign-in is kept in the system keyring and renewed by itself.",
                    ),
                    Err(error) => said(&format!("Signed in, for this run only: {error}")),
                }
            }
            _ => said("Signed in, for this run only (no keyring to keep the sign-in in)."),
        }
        Ok(access(tokens))
    }
}

fn access(tokens: Tokens) -> AccessToken {
    AccessToken {
        token: tokens.access,
        expires_in: tokens.expires_in.map(|d| d.as_secs()),
    }
}
/// The app named by the flags (Google is always a person signing in).
pub fn oauth_app(
    provider: OAuthProviderArg,
    delegated: bool,
    tenant: Option<&str>,
    client_id: Option<&str>,
) -> OAuthApp {
    OAuthApp {
        provider: match provider {
            OAuthProviderArg::Microsoft => OAuthProvider::Microsoft,
            OAuthProviderArg::Google => OAuthProvider::Google,
        },
        flow: if delegated || provider == OAuthProviderArg::Google {
            OAuthFlow::Delegated
        } else {
            OAuthFlow::AppOnly
        },
        tenant: tenant.unwrap_or_default().trim().to_owned(),
        client_id: client_id.unwrap_or_default().trim().to_owned(),
    }
}
