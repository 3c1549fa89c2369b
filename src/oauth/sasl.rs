//! The SASL strings that carry a bearer token, and the JSON error a server may send back.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

/// The XOAUTH2 client string (before base64): `user=U^Aauth=Bearer T^A^A`.
pub fn xoauth2_string(user: &str, token: &str) -> String {
    format!("user={user}\x01auth=Bearer {token}\x01\x01")
}

/// The OAUTHBEARER client string (RFC 7628, before base64): a GS2 header naming the user, then
/// host, port and the token, each ended by `^A`.
///
/// A `,` or `=` in the user name is escaped as RFC 5801 requires (`=2C`, `=3D`).
pub fn bearer_string(user: &str, host: &str, port: u16, token: &str) -> String {
    let user = user.replace('=', "=3D").replace(',', "=2C");
    format!("n,a={user},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01")
}

/// What a server says in the JSON it sends (base64, after `334`) when it refuses a token
/// (Google's format, which Dovecot copies): `{"status":"401","schemes":"Bearer","scope":"..."}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OAuthChallenge {
    /// An HTTP-like status: `400` bad request, `401` invalid or expired token, `403` not allowed.
    pub status: String,
    /// The token types the server takes (`Bearer`).
    pub schemes: String,
    /// The scope the token must carry.
    pub scope: String,
    /// The server's own words, when it gives any (not Google's; some servers add them).
    #[serde(alias = "error_description")]
    pub message: String,
}

/// Decodes the text after a `334` as an OAuth error challenge; `None` when it is not base64 JSON
/// of that shape (an empty challenge, for instance, asks for the token itself).
pub fn parse_challenge(text: &str) -> Option<OAuthChallenge> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let bytes = STANDARD.decode(text).ok()?;
    let challenge: OAuthChallenge = serde_json::from_slice(&bytes).ok()?;
    let said_anything = !(challenge.status.is_empty()
        && challenge.scope.is_empty()
        && challenge.schemes.is_empty()
        && challenge.message.is_empty());
    said_anything.then_some(challenge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_strings_follow_the_specifications() {
        assert_eq!(
            xoauth2_string("someuser@example.com", "ya29.vF9dft4"),
            "user=someuser@example.com\x01auth=Bearer ya29.vF9dft4\x01\x01"
        );
        // RFC 7628 §4.1's example, with a user name that needs escaping.
        assert_eq!(
            bearer_string(
                "a,b=c@example.com",
                "server.example.com",
                587,
                "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="
            ),
            "n,a=a=2Cb=3Dc@example.com,\x01host=server.example.com\x01port=587\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01"
        );
    }

    #[test]
    fn google_style_challenges_are_read_and_anything_else_is_not() {
        let google = STANDARD
            .encode(r#"{"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"}"#);
        let challenge = parse_challenge(&google);
        assert_eq!(
            challenge,
            Some(OAuthChallenge {
                status: "401".into(),
                schemes: "Bearer".into(),
                scope: "https://mail.google.com/".into(),
                message: String::new(),
            })
        );
        assert_eq!(parse_challenge(""), None);
        assert_eq!(
            parse_challenge("VXNlcm5hbWU6"),
            None,
            "LOGIN's Username: prompt"
        );
        assert_eq!(parse_challenge(&STANDARD.encode("{}")), None);
        assert_eq!(parse_challenge("not base64 at all!"), None);
        let described = STANDARD.encode(r#"{"status":"401","error_description":"expired"}"#);
        assert_eq!(
            parse_challenge(&described).map(|c| c.message),
            Some("expired".to_owned())
        );
    }
}
