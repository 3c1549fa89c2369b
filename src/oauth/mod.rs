//! Signing in with OAuth 2 instead of a password: the SASL mechanisms (XOAUTH2, OAUTHBEARER),
//! what a server's error challenge means, and where the access token comes from.
//!
//! The session engine runs the exchange itself (`session::dialogue`); this module holds what is
//! true of OAuth regardless of the session: the wire strings, the providers' facts, and getting
//! a token (`token`).

pub mod browser;
pub mod delegated;
mod http;
mod jwt;
pub mod obtain;
mod sasl;
pub mod stored;
pub mod token;

use serde::{Deserialize, Serialize};

pub use jwt::{TokenClaims, now_unix};
pub use sasl::{OAuthChallenge, bearer_string, parse_challenge, xoauth2_string};

/// The provider an OAuth app is registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OAuthProvider {
    /// Microsoft 365 / Outlook.com (Microsoft Entra ID).
    #[default]
    Microsoft,
    /// Google Workspace / Gmail.
    Google,
}

impl OAuthProvider {
    /// The CLI spelling (`--oauth microsoft`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Microsoft => "microsoft",
            Self::Google => "google",
        }
    }

    /// The provider's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Microsoft => "Microsoft 365",
            Self::Google => "Google",
        }
    }
}

/// How an app gets its token: as itself (client credentials, Microsoft only) or on behalf of a
/// person who signs in once (browser or device code, then a refresh token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OAuthFlow {
    /// App-only: the app's client id and secret, no person (Microsoft's `SMTP.SendAsApp`).
    #[default]
    AppOnly,
    /// A person signs in (authorization code with PKCE, or device code); a refresh token renews.
    Delegated,
}

/// The OAuth app a site signs in with (no secret: the client secret and refresh token live
/// in the keyring or the site's own configuration). Saved with a profile; fills the snippets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OAuthApp {
    /// Who issues the tokens.
    pub provider: OAuthProvider,
    /// App-only (the site signs in as itself) or delegated (a person signs in once).
    pub flow: OAuthFlow,
    /// Microsoft: the Directory (tenant) ID or domain; empty → a placeholder.
    pub tenant: String,
    /// The Application (client) ID; empty → a placeholder.
    pub client_id: String,
}

/// A SASL mechanism that carries an OAuth 2 bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SaslMechanism {
    /// Google's and Microsoft's `XOAUTH2`.
    Xoauth2,
    /// The standard one, RFC 7628.
    OAuthBearer,
}

impl SaslMechanism {
    /// Both, in the order we prefer them when a server offers both.
    pub const PREFERENCE: [Self; 2] = [Self::Xoauth2, Self::OAuthBearer];

    /// The name in `AUTH <name>` and in EHLO's AUTH line.
    pub fn wire_name(self) -> &'static str {
        match self {
            Self::Xoauth2 => "XOAUTH2",
            Self::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// The CLI spelling (`--sasl xoauth2`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Xoauth2 => "xoauth2",
            Self::OAuthBearer => "oauthbearer",
        }
    }

    /// What the client answers to an error challenge before the server's final reply: an empty
    /// line for XOAUTH2, a base64 `\x01` for OAUTHBEARER (RFC 7628 §3.2.3).
    pub fn error_acknowledgement(self) -> &'static str {
        match self {
            Self::Xoauth2 => "",
            Self::OAuthBearer => "AQ==",
        }
    }
}
