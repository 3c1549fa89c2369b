//! Signing in with OAuth in the window: the Sign-in choice and the fields each needs, "Sign in
//! with Microsoft…" (the browser, with progress and Cancel), the signed-in identity and when its
//! token expires, and where a test's token comes from. Network and keyring work runs on the
//! worker; the rows only edit the form and push commands.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::app::MailTesterApp;
use super::form_state::SignInChoice;
use super::worker::{Message, Worker};
use crate::credentials::Keyring;
use crate::oauth::delegated::{DelegatedApp, browser_sign_in};
use crate::oauth::obtain::{SignedIn, TokenPlan, expiry};
use crate::oauth::token::{ClientCredentials, EXCHANGE_APP_SCOPE, MICROSOFT_AUTHORITY};
use crate::oauth::{OAuthProvider, stored};

/// Opens the provider's sign-in page (the system browser; tests drive it themselves).
pub type Browser = Arc<dyn Fn(&str) -> Result<(), String> + Send + Sync>;

/// The window's OAuth sign-in.
#[derive(Default)]
pub struct OAuthState {
    /// A sign-in is waiting in the browser: stops it.
    pub(super) signing_in: Option<CancellationToken>,
    /// The last sign-in (or renewal) of a person.
    pub(super) signed_in: Option<SignedIn>,
    /// Why the last sign-in failed, in words.
    pub(super) error: Option<String>,
}

/// What a sign-in gave: the person's tokens, or why not.
pub type SignInResult = Result<SignedIn, String>;

impl Worker {
    /// Signs `mailbox` in to `app` in the browser; the refresh token goes to the keyring when
    /// there is one. Comes back as [`Message::SignedIn`]; the returned token cancels it.
    pub(super) fn start_sign_in(
        &self,
        app: DelegatedApp,
        mailbox: String,
        browser: Browser,
    ) -> CancellationToken {
        let cancel = CancellationToken::new();
        let token = cancel.clone();
        let outbox = self.outbox.clone();
        let keyring = self.keyring.clone();
        // The browser's page speaks the window's language, not only the program's.
        let language = crate::i18n::current();
        self.runtime
            .spawn(crate::i18n::in_language(language, async move {
                let open = move |url: &str| browser(url);
                let result = match browser_sign_in(&app, &mailbox, &open, &token).await {
                    Ok(tokens) => {
                        let keyring = match keyring {
                            Some(keyring) => Some(keyring),
                            None => tokio::task::spawn_blocking(Keyring::system)
                                .await
                                .ok()
                                .and_then(Result::ok),
                        };
                        let kept = match (&keyring, &tokens.refresh) {
                            (Some(keyring), Some(refresh)) => {
                                stored::keep(keyring, &app, &mailbox, refresh).await.is_ok()
                            }
                            _ => false,
                        };
                        Ok(SignedIn {
                            mailbox,
                            access: tokens.access,
                            refresh: if kept { None } else { tokens.refresh },
                            expires_at: expiry(tokens.expires_in),
                            kept,
                        })
                    }
                    Err(error) => Err(error.to_string()),
                };
                outbox.send(Message::SignedIn(Box::new(result)));
            }));
        cancel
    }

    /// Forgets `mailbox`'s kept sign-in in the keyring (off the UI thread).
    pub(super) fn forget_sign_in(&self, app: DelegatedApp, mailbox: String) {
        let keyring = self.keyring.clone();
        self.runtime.spawn(async move {
            let _ = tokio::task::spawn_blocking(move || {
                let keyring = match keyring {
                    Some(keyring) => keyring,
                    None => Keyring::system()?,
                };
                stored::forget(&keyring, &app, &mailbox)
            })
            .await;
        });
    }
}

impl MailTesterApp {
    /// Opens sign-in pages with `browser` instead of the system's (tests).
    #[must_use]
    pub fn with_browser(mut self, browser: Browser) -> Self {
        self.browser = browser;
        self
    }

    /// Who is signed in with OAuth in this window, if anyone (tests).
    pub fn signed_in_mailbox(&self) -> Option<&str> {
        self.oauth.signed_in.as_ref().map(|s| s.mailbox.as_str())
    }

    /// The app the form names, for a person's sign-in.
    pub(super) fn delegated_app(&self) -> DelegatedApp {
        let form = &self.form;
        let authority = form.oauth_authority.trim();
        DelegatedApp {
            provider: match form.sign_in {
                SignInChoice::Google => OAuthProvider::Google,
                _ => OAuthProvider::Microsoft,
            },
            authority: (!authority.is_empty()).then(|| authority.to_owned()),
            tenant: form.settings.oauth_app.tenant.trim().to_owned(),
            client_id: form.settings.oauth_app.client_id.trim().to_owned(),
            client_secret: (!form.client_secret.is_empty()).then(|| form.client_secret.clone()),
        }
    }

    /// Where the next test's token comes from.
    pub(super) fn token_plan(&self) -> TokenPlan {
        let form = &self.form;
        match form.sign_in {
            SignInChoice::Password | SignInChoice::AccessToken => TokenPlan::Ready,
            SignInChoice::Microsoft if !form.microsoft_person => {
                let authority = form.oauth_authority.trim();
                TokenPlan::ClientCredentials(ClientCredentials {
                    authority: if authority.is_empty() {
                        MICROSOFT_AUTHORITY.to_owned()
                    } else {
                        authority.to_owned()
                    },
                    tenant: form.settings.oauth_app.tenant.trim().to_owned(),
                    client_id: form.settings.oauth_app.client_id.trim().to_owned(),
                    client_secret: form.client_secret.clone(),
                    scope: EXCHANGE_APP_SCOPE.to_owned(),
                    timeout: form.settings.timeouts.command(),
                })
            }
            SignInChoice::Microsoft | SignInChoice::Google => TokenPlan::Person {
                app: self.delegated_app(),
                mailbox: form.settings.user_name.trim().to_owned(),
                signed_in: self.oauth.signed_in.clone(),
                keyring: self.worker.keyring.clone(),
            },
        }
    }

    /// "Sign in with Microsoft…": opens the browser and waits (Cancel stops it).
    pub(super) fn sign_in(&mut self) {
        if self.oauth.signing_in.is_some() {
            return;
        }
        let mailbox = self.form.settings.user_name.trim().to_owned();
        if mailbox.is_empty() || self.form.settings.oauth_app.client_id.trim().is_empty() {
            self.tell(
                crate::tr!(
                    "Enter the mailbox (User name) and the app's client ID first, then sign in."
                ),
                true,
            );
            return;
        }
        self.oauth.error = None;
        let app = self.delegated_app();
        self.oauth.signing_in = Some(
            self.worker
                .start_sign_in(app, mailbox, self.browser.clone()),
        );
    }

    /// A sign-in ended.
    pub(super) fn signed_in(&mut self, result: SignInResult) {
        self.oauth.signing_in = None;
        match result {
            Ok(signed_in) => {
                let mut text = crate::tr!("Signed in as {mailbox}.", mailbox = signed_in.mailbox);
                if signed_in.kept {
                    text.push(' ');
                    text.push_str(&crate::tr!("The sign-in is kept in your system's keyring."));
                }
                self.tell(text, false);
                self.oauth.signed_in = Some(signed_in);
                self.oauth.error = None;
            }
            Err(error) => self.oauth.error = Some(error),
        }
    }

    /// Forgets the person's sign-in, here and in the keyring.
    pub(super) fn sign_out(&mut self) {
        if let Some(signed_in) = self.oauth.signed_in.take() {
            self.worker
                .forget_sign_in(self.delegated_app(), signed_in.mailbox);
            self.tell(crate::tr!("Signed out."), false);
        }
    }
}

/// The settings and plan with the test's access token in them, or the finished outcome of a
/// test whose token could not be had (the sign-in step failed; no server was contacted).
pub(super) async fn with_token(
    mut settings: crate::settings::Settings,
    plan: crate::settings::SessionPlan,
    token_plan: TokenPlan,
    cancel: &CancellationToken,
) -> Result<
    (crate::settings::Settings, crate::settings::SessionPlan),
    Box<crate::outcome::TestOutcome>,
> {
    if matches!(token_plan, TokenPlan::Ready) {
        return Ok((settings, plan));
    }
    let obtained = tokio::select! {
        () = cancel.cancelled() => Err(crate::oauth::token::TokenError::Refused {
            status: 0,
            error: "cancelled".to_owned(),
            description: crate::en!("the test was stopped while getting the token").to_owned(),
        }),
        obtained = crate::oauth::obtain::obtain(token_plan) => obtained,
    };
    let failed = |settings: crate::settings::Settings, error| {
        let report = crate::session::SessionReport::token_failed(error);
        Box::new(crate::outcome::TestOutcome::new(settings, report, false))
    };
    match obtained {
        Ok(Some(token)) => {
            settings.access_token = token;
            let plan = settings.check().unwrap_or(plan);
            Ok((settings, plan))
        }
        Ok(None) => Ok((settings, plan)),
        Err(error) => Err(failed(settings, error)),
    }
}
