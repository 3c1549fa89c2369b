//! The HTTP client every OAuth request goes through: the public roots (what sign-in services
//! use), no redirects, no proxy, a time limit, and a bounded answer. The `oauth2` crate calls it
//! through [`send`].

use std::sync::Arc;
use std::time::Duration;

use crate::untrusted::displayable_str;

/// The longest answer read from a sign-in service (a token is a few KB).
pub const MAX_ANSWER_BYTES: usize = 256 * 1024;

/// Why an HTTP exchange with a sign-in service failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(pub String);

/// A client with the public roots, no redirects and no proxy, every request within `timeout`.
pub fn client(timeout: Duration) -> Result<reqwest::Client, String> {
    let roots = crate::session::root_store(None)?;
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|err| crate::en!("TLS set-up failed ({err})", err = err))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout)
        .timeout(timeout)
        .no_proxy()
        .build()
        .map_err(|err| crate::en!("could not set up the request ({err})", err = err))
}

/// Sends an `oauth2` request with `client`; a redirect or an answer over
/// [`MAX_ANSWER_BYTES`] is an error.
pub async fn send(
    client: reqwest::Client,
    request: oauth2::HttpRequest,
) -> Result<oauth2::HttpResponse, HttpError> {
    let (parts, body) = request.into_parts();
    let mut response = client
        .request(parts.method, parts.uri.to_string())
        .headers(parts.headers)
        .body(body)
        .send()
        .await
        .map_err(|err| HttpError(describe(&err)))?;
    let status = response.status();
    if status.is_redirection() {
        return Err(HttpError(
            crate::en!(
                "the sign-in service sent the request elsewhere (a redirect); check the sign-in \
                 address"
            )
            .to_owned(),
        ));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|err| HttpError(describe(&err)))?
    {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_ANSWER_BYTES {
            return Err(HttpError(
                crate::en!("the answer is far too long").to_owned(),
            ));
        }
    }
    let mut answer = http::Response::new(bytes);
    *answer.status_mut() = status;
    *answer.headers_mut() = response.headers().clone();
    Ok(answer)
}

/// A request failure in a few words, with its innermost cause.
pub fn describe(err: &reqwest::Error) -> String {
    let mut innermost = None;
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        innermost = Some(cause);
        source = cause.source();
    }
    let Some(cause) = innermost.map(|cause| displayable_str(&cause.to_string())) else {
        return if err.is_timeout() {
            crate::en!("no answer in time")
        } else if err.is_connect() {
            crate::en!("could not connect")
        } else {
            crate::en!("the request failed")
        }
        .to_owned();
    };
    if err.is_timeout() {
        crate::en!("no answer in time: {cause}", cause = cause)
    } else if err.is_connect() {
        crate::en!("could not connect: {cause}", cause = cause)
    } else {
        crate::en!("the request failed: {cause}", cause = cause)
    }
}
