//! A person signs in once (delegated OAuth): in the system browser (authorization code with
//! PKCE, the answer coming back to a one-time listener on this computer) or with a device code
//! typed in on any device. The refresh token then renews the access token silently.
//!
//! The flows are the `oauth2` crate's; what is ours: the providers' endpoints and scopes, the
//! loopback listener, cancelling, and errors in the same words as the client-credentials flow.

use std::time::Duration;

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, ClientId, ClientSecret, DeviceAuthorizationUrl, EndpointMaybeSet, EndpointNotSet,
    RedirectUrl, RefreshToken, RequestTokenError, Scope, StandardDeviceAuthorizationResponse,
    TokenResponse, TokenUrl,
};
use tokio_util::sync::CancellationToken;

mod loopback;

pub use loopback::browser_sign_in;

use super::OAuthProvider;
use super::http::{self, HttpError};
use super::token::{MICROSOFT_AUTHORITY, TokenError, check_authority};
use crate::secret::Password;
use crate::untrusted::displayable_str;

/// Google's sign-in page and token endpoint (its default authority).
const GOOGLE_AUTHORIZE: &str = "https://accounts.google.com/o/oauth2/v2/auth";
const GOOGLE_TOKEN: &str = "https://oauth2.googleapis.com/token";
/// The scopes a person grants for sending mail.
const MICROSOFT_SCOPES: [&str; 2] = ["https://outlook.office.com/SMTP.Send", "offline_access"];
const GOOGLE_SCOPES: [&str; 1] = ["https://mail.google.com/"];
/// Longest wait for one request to a sign-in service.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest wait for the person to finish signing in.
pub const SIGN_IN_TIMEOUT: Duration = Duration::from_secs(10 * 60);
type Client = BasicClient<
    EndpointMaybeSet,
    EndpointMaybeSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
>;

/// The app a person signs in to.
#[derive(Debug, Clone)]
pub struct DelegatedApp {
    /// Microsoft or Google.
    pub provider: OAuthProvider,
    /// The sign-in service; `None`: the provider's own.
    pub authority: Option<String>,
    /// Microsoft: `organizations`, `consumers`, `common`, or the tenant.
    pub tenant: String,
    /// The Application (client) ID.
    pub client_id: String,
    /// Google's desktop apps have a client secret (not secret in a desktop app); Microsoft's
    /// public clients none.
    pub client_secret: Option<Password>,
}

/// What a sign-in or a renewal gives.
#[derive(Debug, Clone)]
pub struct Tokens {
    /// The access token (about an hour).
    pub access: Password,
    /// The refresh token, when the service issued a new one (keep it in the keyring).
    pub refresh: Option<Password>,
    /// How long the access token is valid.
    pub expires_in: Option<Duration>,
}

/// What to show a person for the device-code flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCode {
    /// The page to open (on any device).
    pub verification_uri: String,
    /// The code to type there.
    pub user_code: String,
    /// How long the code is valid.
    pub expires_in: Duration,
}

/// The sign-in service's endpoints for `app`.
struct Endpoints {
    authorize: String,
    token: String,
    device: Option<String>,
}

impl DelegatedApp {
    fn endpoints(&self) -> Result<Endpoints, TokenError> {
        match self.provider {
            OAuthProvider::Microsoft => {
                let authority = self.authority.as_deref().unwrap_or(MICROSOFT_AUTHORITY);
                let base = check_authority(authority)?;
                let tenant = match self.tenant.trim() {
                    "" => "organizations",
                    tenant => tenant,
                };
                let root = format!(
                    "{}/{tenant}/oauth2/v2.0",
                    base.as_str().trim_end_matches('/')
                );
                Ok(Endpoints {
                    authorize: format!("{root}/authorize"),
                    token: format!("{root}/token"),
                    device: Some(format!("{root}/devicecode")),
                })
            }
            OAuthProvider::Google => match &self.authority {
                Some(authority) => {
                    let base = check_authority(authority)?;
                    let root = base.as_str().trim_end_matches('/').to_owned();
                    Ok(Endpoints {
                        authorize: format!("{root}/o/oauth2/v2/auth"),
                        token: format!("{root}/token"),
                        device: None,
                    })
                }
                None => Ok(Endpoints {
                    authorize: GOOGLE_AUTHORIZE.to_owned(),
                    token: GOOGLE_TOKEN.to_owned(),
                    device: None,
                }),
            },
        }
    }

    fn scopes(&self) -> &'static [&'static str] {
        match self.provider {
            OAuthProvider::Microsoft => &MICROSOFT_SCOPES,
            OAuthProvider::Google => &GOOGLE_SCOPES,
        }
    }

    fn client(&self, redirect: Option<String>) -> Result<Client, TokenError> {
        let endpoints = self.endpoints()?;
        let bad = |url: &str| TokenError::BadAuthority {
            url: url.to_owned(),
            reason: crate::en!("it is not a web address").to_owned(),
        };
        let mut client = BasicClient::new(ClientId::new(self.client_id.trim().to_owned()))
            .set_auth_uri_option(Some(
                AuthUrl::new(endpoints.authorize.clone()).map_err(|_| bad(&endpoints.authorize))?,
            ))
            .set_token_uri_option(Some(
                TokenUrl::new(endpoints.token.clone()).map_err(|_| bad(&endpoints.token))?,
            ))
            .set_device_authorization_url_option(
                endpoints
                    .device
                    .map(|url| DeviceAuthorizationUrl::new(url.clone()).map_err(|_| bad(&url)))
                    .transpose()?,
            );
        if let Some(secret) = &self.client_secret {
            client = client.set_client_secret(ClientSecret::new(secret.expose().to_owned()));
        }
        if let Some(redirect) = redirect {
            client = client
                .set_redirect_uri(RedirectUrl::new(redirect.clone()).map_err(|_| bad(&redirect))?);
        }
        Ok(client)
    }

    /// The forms of this app's client secret, to scrub from what the service says.
    fn secrets(&self) -> crate::secret::SecretForms {
        self.client_secret
            .as_ref()
            .map(crate::secret::SecretForms::for_endpoint_secret)
            .unwrap_or_default()
    }
}

/// Starts the device-code flow: `show` tells the person where to go and what to type; then
/// polls until they did (or the code expired, or `cancel`).
pub async fn device_sign_in(
    app: &DelegatedApp,
    show: &(dyn Fn(&DeviceCode) + Sync),
    cancel: &CancellationToken,
) -> Result<Tokens, TokenError> {
    if app.provider == OAuthProvider::Google {
        return Err(TokenError::Refused {
            status: 0,
            error: "unsupported_flow".to_owned(),
            description: crate::en!(
                "Google's device sign-in does not cover Gmail; sign in with the browser instead"
            )
            .to_owned(),
        });
    }
    let client = app.client(None)?;
    let http_client = http::client(REQUEST_TIMEOUT)
        .map_err(|e| unreachable(crate::en!("the sign-in service"), &e))?;
    let send = |request| http::send(http_client.clone(), request);
    let mut start = client
        .exchange_device_code()
        .map_err(|err| TokenError::BadAuthority {
            url: String::new(),
            reason: err.to_string(),
        })?;
    for scope in app.scopes() {
        start = start.add_scope(Scope::new((*scope).to_owned()));
    }
    let details: StandardDeviceAuthorizationResponse = tokio::select! {
        () = cancel.cancelled() => return Err(cancelled()),
        details = start.request_async(&send) => details.map_err(|err| token_error(err, &app.secrets()))?,
    };
    show(&DeviceCode {
        verification_uri: details.verification_uri().to_string(),
        user_code: details.user_code().secret().clone(),
        expires_in: details.expires_in(),
    });
    let poll = client
        .exchange_device_access_token(&details)
        .map_err(|err| TokenError::BadAuthority {
            url: String::new(),
            reason: err.to_string(),
        })?
        .request_async(&send, tokio::time::sleep, Some(SIGN_IN_TIMEOUT));
    let response = tokio::select! {
        () = cancel.cancelled() => return Err(cancelled()),
        response = poll => response.map_err(|err| token_error(err, &app.secrets()))?,
    };
    Ok(tokens(&response))
}

/// Renews the access token with a refresh token (no person involved).
pub async fn refresh(app: &DelegatedApp, refresh_token: &Password) -> Result<Tokens, TokenError> {
    let client = app.client(None)?;
    let http_client = http::client(REQUEST_TIMEOUT)
        .map_err(|e| unreachable(crate::en!("the sign-in service"), &e))?;
    let send = |request| http::send(http_client.clone(), request);
    let token = RefreshToken::new(refresh_token.expose().to_owned());
    let mut request =
        client
            .exchange_refresh_token(&token)
            .map_err(|err| TokenError::BadAuthority {
                url: String::new(),
                reason: err.to_string(),
            })?;
    for scope in app.scopes() {
        request = request.add_scope(Scope::new((*scope).to_owned()));
    }
    let secrets = app
        .secrets()
        .and(crate::secret::SecretForms::for_endpoint_secret(
            refresh_token,
        ));
    let response = request
        .request_async(&send)
        .await
        .map_err(|err| token_error(err, &secrets))?;
    Ok(tokens(&response))
}

fn tokens(response: &oauth2::basic::BasicTokenResponse) -> Tokens {
    Tokens {
        access: Password::new(response.access_token().secret().clone()),
        refresh: response
            .refresh_token()
            .map(|token| Password::new(token.secret().clone())),
        expires_in: response.expires_in(),
    }
}

fn unreachable(what: &str, detail: &str) -> TokenError {
    TokenError::Unreachable {
        url: what.to_owned(),
        detail: detail.to_owned(),
    }
}

fn cancelled() -> TokenError {
    TokenError::Refused {
        status: 0,
        error: "cancelled".to_owned(),
        description: crate::en!("the sign-in was cancelled").to_owned(),
    }
}

/// An `oauth2` error in our words, the secrets scrubbed from what the service said.
fn token_error<T: oauth2::ErrorResponse + 'static>(
    err: RequestTokenError<HttpError, T>,
    secrets: &crate::secret::SecretForms,
) -> TokenError {
    let shown = |text: &str| secrets.scrub_encoded(&displayable_str(text));
    match err {
        RequestTokenError::ServerResponse(response) => {
            let json = serde_json::to_value(&response).unwrap_or_default();
            let field = |key: &str| {
                json.get(key)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            TokenError::Refused {
                status: 400,
                error: shown(&field("error")),
                description: shown(&field("error_description")),
            }
        }
        RequestTokenError::Request(HttpError(detail)) => TokenError::Unreachable {
            url: crate::en!("the sign-in service").to_owned(),
            detail: shown(&detail),
        },
        RequestTokenError::Parse(err, body) => TokenError::BadAnswer {
            status: 200,
            detail: shown(&crate::en!(
                "it is not a token ({err}; it begins: {start})",
                err = err,
                start = String::from_utf8_lossy(body.get(..80.min(body.len())).unwrap_or_default())
            )),
        },
        RequestTokenError::Other(detail) => TokenError::BadAnswer {
            status: 0,
            detail: shown(&detail),
        },
    }
}
