//! Getting an access token from an OAuth token endpoint: Microsoft's client-credentials flow
//! (an app signing in as itself with its client secret).
//!
//! Every wait and every byte is bounded (a slow, endless, redirecting or garbage answer ends
//! in a clear error), the authority must be `https` (plain `http` only on a loopback address,
//! for tests), and the client secret never appears in an error: the endpoint's own words are
//! searched for it before they are shown.

use std::net::IpAddr;
use std::time::Duration;

use serde::Deserialize;

use crate::secret::{Password, SecretForms};
use crate::untrusted::displayable_str;

/// Microsoft's sign-in service.
pub const MICROSOFT_AUTHORITY: &str = "https://login.microsoftonline.com";
/// The scope of an app-only token for Exchange Online (SMTP, IMAP, POP).
pub const EXCHANGE_APP_SCOPE: &str = "https://outlook.office365.com/.default";
use super::http::MAX_ANSWER_BYTES;

/// What the client-credentials request needs.
#[derive(Debug, Clone)]
pub struct ClientCredentials {
    /// The sign-in service (`https://login.microsoftonline.com`, or a test server).
    pub authority: String,
    /// The Directory (tenant) ID or a domain of the organisation.
    pub tenant: String,
    /// The Application (client) ID.
    pub client_id: String,
    /// The app's client secret (its value, not its ID).
    pub client_secret: Password,
    /// The scope asked for ([`EXCHANGE_APP_SCOPE`]).
    pub scope: String,
    /// The limit for the whole request.
    pub timeout: Duration,
}

/// A token the endpoint issued.
#[derive(Debug, Clone)]
pub struct AccessToken {
    /// The token itself (a secret like a password).
    pub token: Password,
    /// Seconds it is valid for, as the endpoint said.
    pub expires_in: Option<u64>,
}

/// Why no token came.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// The authority is not a usable address.
    #[error("the sign-in address {url} cannot be used: {reason}")]
    BadAuthority {
        /// What was given.
        url: String,
        /// Why not.
        reason: String,
    },
    /// The endpoint answered with an OAuth error.
    #[error("the sign-in service said no ({status}): {error}: {description}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The OAuth error code (`invalid_client`, `unauthorized_client`, ...).
        error: String,
        /// Its description (Microsoft's begins `AADSTS<number>:`).
        description: String,
    },
    /// The endpoint could not be reached in time.
    #[error("could not reach the sign-in service at {url}: {detail}")]
    Unreachable {
        /// The token endpoint.
        url: String,
        /// What went wrong.
        detail: String,
    },
    /// The endpoint answered with something that is not a token or an OAuth error.
    #[error("the sign-in service's answer ({status}) is not a token: {detail}")]
    BadAnswer {
        /// The HTTP status.
        status: u16,
        /// What was wrong with it.
        detail: String,
    },
}

impl TokenError {
    /// Microsoft's `AADSTS` error numbers in the description (`AADSTS7000215` → 7000215).
    pub fn aadsts_codes(&self) -> Vec<u32> {
        let Self::Refused { description, .. } = self else {
            return Vec::new();
        };
        description
            .match_indices("AADSTS")
            .filter_map(|(at, tag)| {
                let digits: String = description
                    .get(at + tag.len()..)?
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                digits.parse().ok()
            })
            .collect()
    }
}

/// The endpoint's JSON: a token or an OAuth error.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Answer {
    access_token: Option<String>,
    expires_in: Option<serde_json::Value>,
    error: Option<String>,
    error_description: Option<String>,
}

/// Checks an authority: `https`, or `http` on a loopback address (a test's own issuer).
pub fn check_authority(url: &str) -> Result<reqwest::Url, TokenError> {
    let bad = |reason: &str| TokenError::BadAuthority {
        url: url.to_owned(),
        reason: reason.to_owned(),
    };
    let parsed =
        reqwest::Url::parse(url.trim()).map_err(|_| bad(crate::en!("it is not a web address")))?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if is_loopback(parsed.host_str().unwrap_or_default()) => Ok(parsed),
        "http" => Err(bad(crate::en!(
            "it is not encrypted (http); use https (plain http is only for this computer's own \
             test servers)"
        ))),
        _ => Err(bad(crate::en!("it must start with https://"))),
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Microsoft's client-credentials flow: POST `<authority>/<tenant>/oauth2/v2.0/token`.
pub async fn client_credentials(request: &ClientCredentials) -> Result<AccessToken, TokenError> {
    let authority = check_authority(&request.authority)?;
    let tenant = request.tenant.trim();
    if tenant.is_empty() || tenant.contains(['/', '?', '#']) {
        return Err(TokenError::BadAuthority {
            url: tenant.to_owned(),
            reason: crate::en!("the tenant must be a Directory (tenant) ID or a domain").to_owned(),
        });
    }
    let url = format!(
        "{}/{tenant}/oauth2/v2.0/token",
        authority.as_str().trim_end_matches('/')
    );
    let form = [
        ("client_id", request.client_id.trim()),
        ("client_secret", request.client_secret.expose()),
        ("scope", request.scope.as_str()),
        ("grant_type", "client_credentials"),
    ];
    let secrets = SecretForms::for_endpoint_secret(&request.client_secret);
    post_form(&url, &form, request.timeout, &secrets).await
}

/// POSTs `form` to `url` and reads a token (or an OAuth error) from the answer.
async fn post_form(
    url: &str,
    form: &[(&str, &str)],
    timeout: Duration,
    secrets: &SecretForms,
) -> Result<AccessToken, TokenError> {
    let unreachable = |detail: String| TokenError::Unreachable {
        url: url.to_owned(),
        detail: secrets.scrub_encoded(&detail),
    };
    let client = super::http::client(timeout).map_err(unreachable)?;
    let body = form
        .iter()
        .map(|(key, value)| format!("{key}={}", form_encode(value)))
        .collect::<Vec<_>>()
        .join("&");
    let work = async {
        let mut response = client
            .post(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|err| unreachable(super::http::describe(&err)))?;
        let status = response.status().as_u16();
        if response.status().is_redirection() {
            return Err(TokenError::BadAnswer {
                status,
                detail: crate::en!(
                    "it sends the request elsewhere (a redirect); check the sign-in address"
                )
                .to_owned(),
            });
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|err| unreachable(super::http::describe(&err)))?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_ANSWER_BYTES {
                return Err(TokenError::BadAnswer {
                    status,
                    detail: crate::en!("the answer is far too long").to_owned(),
                });
            }
        }
        read_answer(status, &bytes, secrets)
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(result) => result,
        Err(_) => Err(unreachable(crate::en!(
            "no answer within {secs} s",
            secs = timeout.as_secs()
        ))),
    }
}

/// A token, or the endpoint's OAuth error in words with the secret scrubbed out.
fn read_answer(
    status: u16,
    bytes: &[u8],
    secrets: &SecretForms,
) -> Result<AccessToken, TokenError> {
    let shown = |text: &str| secrets.scrub_encoded(&displayable_str(text));
    let Ok(answer) = serde_json::from_slice::<Answer>(bytes) else {
        let start: String = String::from_utf8_lossy(bytes).chars().take(80).collect();
        return Err(TokenError::BadAnswer {
            status,
            detail: crate::en!("it is not JSON (it begins: {start})", start = shown(&start)),
        });
    };
    if let Some(error) = answer.error {
        return Err(TokenError::Refused {
            status,
            error: shown(&error),
            description: shown(&answer.error_description.unwrap_or_default()),
        });
    }
    match answer.access_token {
        Some(token) if (200..300).contains(&status) && !token.trim().is_empty() => {
            Ok(AccessToken {
                token: Password::new(token.trim()),
                expires_in: answer.expires_in.and_then(|v| {
                    v.as_u64()
                        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                }),
            })
        }
        _ => Err(TokenError::BadAnswer {
            status,
            detail: crate::en!("it holds no access_token").to_owned(),
        }),
    }
}

/// `application/x-www-form-urlencoded` for one value.
fn form_encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorities_must_be_encrypted_except_on_this_computer() {
        assert!(check_authority("https://login.microsoftonline.com").is_ok());
        assert!(check_authority("http://127.0.0.1:8080").is_ok());
        assert!(check_authority("http://[::1]:8080/x").is_ok());
        assert!(check_authority("http://localhost:1").is_ok());
        assert!(check_authority("http://login.example.com").is_err());
        assert!(check_authority("ftp://x").is_err());
        assert!(check_authority("not a url").is_err());
    }

    #[test]
    fn microsoft_error_numbers_are_read() {
        let refused = TokenError::Refused {
            status: 401,
            error: "invalid_client".into(),
            description: "AADSTS7000215: Invalid client secret provided. Trace ID: x".into(),
        };
        assert_eq!(refused.aadsts_codes(), vec![7_000_215]);
    }

    #[test]
    fn the_secret_is_scrubbed_from_what_the_endpoint_says() {
        let secret = Password::new("s3cr3t~value.with-parts");
        let forms = SecretForms::for_endpoint_secret(&secret);
        let echo = br#"{"error":"invalid_client","error_description":"bad secret s3cr3t~value.with-parts"}"#;
        let error = read_answer(401, echo, &forms).unwrap_err();
        assert!(!error.to_string().contains("s3cr3t"), "{error}");
        let garbage =
            read_answer(200, b"<html>s3cr3t~value.with-parts</html>", &forms).unwrap_err();
        assert!(!garbage.to_string().contains("s3cr3t"), "{garbage}");
    }
}
