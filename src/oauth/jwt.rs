//! What an access token says about itself, read without checking its signature: only the
//! issuer's server can check that, but the claims explain most refusals (expired, for another
//! service, for another mailbox, without the permission to send).
//!
//! Microsoft's tokens for Exchange Online are JWTs; Google's are opaque (nothing to read).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;

/// The claims of a JWT access token that matter for sending mail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenClaims {
    /// When it expires (seconds since 1970), `exp`.
    pub expires_at: Option<i64>,
    /// Who it is for (`aud`): Exchange Online is `https://outlook.office365.com` (or its app id).
    pub audience: Vec<String>,
    /// Delegated scopes (`scp`, `scope`) and application roles (`roles`).
    pub permissions: Vec<String>,
    /// The person or mailbox it names (`email`, `upn`, `preferred_username`, `unique_name`).
    pub user: Option<String>,
    /// Whether it is app-only (no person: client credentials), known from `roles` without `scp`.
    pub app_only: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    exp: Option<serde_json::Value>,
    aud: Option<serde_json::Value>,
    scp: Option<String>,
    scope: Option<String>,
    roles: Vec<String>,
    email: Option<String>,
    upn: Option<String>,
    preferred_username: Option<String>,
    unique_name: Option<String>,
}

impl TokenClaims {
    /// The claims of `token` when it is a JWT; `None` for an opaque token or garbage.
    pub fn peek(token: &str) -> Option<Self> {
        let mut parts = token.trim().split('.');
        let (_, payload, _) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
        let raw: Raw = serde_json::from_slice(&bytes).ok()?;
        let audience = match raw.aud {
            Some(serde_json::Value::String(one)) => vec![one],
            Some(serde_json::Value::Array(many)) => many
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let delegated: Vec<String> = raw
            .scp
            .iter()
            .chain(raw.scope.iter())
            .flat_map(|s| s.split_whitespace().map(str::to_owned))
            .collect();
        let app_only = delegated.is_empty() && !raw.roles.is_empty();
        let mut permissions = delegated;
        permissions.extend(raw.roles);
        Some(Self {
            expires_at: raw.exp.and_then(|v| v.as_i64()),
            audience,
            permissions,
            user: raw
                .email
                .or(raw.upn)
                .or(raw.preferred_username)
                .or(raw.unique_name),
            app_only,
        })
    }

    /// Seconds since it expired at `now` (seconds since 1970), when it has.
    pub fn expired_for(&self, now: i64) -> Option<i64> {
        self.expires_at
            .filter(|exp| *exp <= now)
            .map(|exp| now - exp)
    }

    /// Whether it carries `permission` (`SMTP.Send`, `SMTP.SendAsApp`, a Google scope URL).
    pub fn has(&self, permission: &str) -> bool {
        self.permissions.iter().any(|p| {
            p.eq_ignore_ascii_case(permission)
                || p.rsplit('/')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(permission))
        })
    }
}

/// Seconds since 1970 now (0 if the clock is before 1970).
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &str) -> String {
        let header = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"RS256"}"#);
        format!("{header}.{}.c2lnbmF0dXJl", URL_SAFE_NO_PAD.encode(claims))
    }

    #[test]
    fn microsoft_app_only_token() {
        let claims = TokenClaims::peek(&jwt(
            r#"{"aud":"https://outlook.office365.com","exp":1700000000,"roles":["SMTP.SendAsApp"],"appid":"x"}"#,
        ))
        .unwrap();
        assert!(claims.app_only);
        assert!(claims.has("SMTP.SendAsApp"));
        assert!(!claims.has("SMTP.Send"));
        assert_eq!(claims.audience, vec!["https://outlook.office365.com"]);
        assert_eq!(claims.expired_for(1_700_000_060), Some(60));
        assert_eq!(claims.expired_for(1_600_000_000), None);
    }

    #[test]
    fn delegated_token_names_its_user_and_scopes() {
        let claims = TokenClaims::peek(&jwt(
            r#"{"aud":["a","b"],"scp":"https://outlook.office.com/SMTP.Send offline_access","upn":"site@contoso.com"}"#,
        ))
        .unwrap();
        assert!(!claims.app_only);
        assert!(claims.has("SMTP.Send"));
        assert_eq!(claims.user.as_deref(), Some("site@contoso.com"));
        assert_eq!(claims.audience.len(), 2);
    }

    #[test]
    fn opaque_tokens_and_garbage_say_nothing() {
        assert_eq!(TokenClaims::peek("ya29.a0AfH6SMBx"), None);
        assert_eq!(TokenClaims::peek("a.b.c"), None);
        assert_eq!(TokenClaims::peek(""), None);
        assert_eq!(TokenClaims::peek("a.b.c.d"), None);
    }
}
