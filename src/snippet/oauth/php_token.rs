//! The PHP that asks the token endpoint for an access token, shared by PHPMailer (app-only),
//! Symfony and Laravel: plain PHP (`file_get_contents` with a POST stream context), so that it
//! needs no HTTP package.
//!
//! The form fields are the standard OAuth 2 ones: `grant_type=client_credentials` with
//! `client_id`, `client_secret` and `scope` (Microsoft's client credentials,
//! <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow>), or
//! `grant_type=refresh_token` with `refresh_token` (RFC 6749 §6; Nodemailer's
//! `lib/xoauth2/index.js` sends exactly these).

use std::fmt::Write as _;

use super::super::escape::php;
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx, REFRESH_TOKEN_PLACEHOLDER};
use crate::oauth::OAuthProvider;

/// A private method `accessToken(): string` for a class with the properties `$tokenUrl` and
/// `$form`; it throws a `RuntimeException` with the endpoint's own error text.
pub(super) const FETCH_METHOD: &str = r#"    /** Asks the token endpoint for a fresh access token. */
    private function accessToken(): string
    {
        $context = stream_context_create(['http' => [
            'method' => 'POST',
            'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
            'content' => http_build_query($this->form),
            'ignore_errors' => true, // read the error text too
            'timeout' => 30,
        ]]);
        $answer = json_decode((string) file_get_contents($this->tokenUrl, false, $context), true);
        if (!is_array($answer) || !is_string($answer['access_token'] ?? null)) {
            $why = is_array($answer) ? ($answer['error_description'] ?? $answer['error'] ?? '') : 'no answer';
            throw new \RuntimeException('Could not get an OAuth token: ' . $why);
        }
        return $answer['access_token'];
    }
"#;

/// The token endpoint as a PHP string literal.
pub(super) fn token_url(ctx: &Ctx) -> String {
    php(&ctx.token_url())
}

/// The form to post, as a PHP array literal whose entries are indented by `indent` (the
/// closing bracket one level less).
pub(super) fn form(ctx: &Ctx, indent: &str) -> String {
    let mut fields = vec![
        (
            "grant_type",
            if ctx.app_only() {
                "client_credentials"
            } else {
                "refresh_token"
            },
        ),
        ("client_id", ctx.client_id.as_str()),
        ("client_secret", CLIENT_SECRET_PLACEHOLDER),
    ];
    if !ctx.app_only() {
        fields.push(("refresh_token", REFRESH_TOKEN_PLACEHOLDER));
    }
    if ctx.provider == OAuthProvider::Microsoft {
        fields.push(("scope", ctx.scope()));
    }
    let outer = indent.strip_suffix("    ").unwrap_or("");
    let mut out = String::from("[\n");
    for (key, value) in fields {
        let _ = writeln!(out, "{indent}'{key}' => {},", php(value));
    }
    out.push_str(outer);
    out.push(']');
    out
}

/// Where the PHP code needs `allow_url_fopen`.
pub(super) const NEEDS_URL_FOPEN: &str = crate::en!(
    "The token request uses PHP's file_get_contents on an https:// address: PHP's allow_url_fopen \
     must be on (it is by default) and the server must be able to reach the token endpoint."
);
