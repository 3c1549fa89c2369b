//! Symfony Mailer: the `MAILER_DSN` line.

use std::fmt::Write as _;

use super::escape::url_component;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `MAILER_DSN=smtp://...` line for the tested settings. User name and password are
/// percent-encoded, so the line needs no quoting in `.env` (no `$`, `#`, quote or space left).
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::Symfony, settings, include_password);
    let scheme = if parts.security == Security::ImplicitTls {
        "smtps"
    } else {
        "smtp"
    };
    let mut dsn = format!("{scheme}://");
    if let Some(credentials) = &parts.credentials {
        let _ = write!(
            dsn,
            "{}:{}@",
            url_component(credentials.user),
            url_component(credentials.password)
        );
    }
    if parts.host.contains(':') {
        let _ = write!(dsn, "[{}]", parts.host);
    } else {
        dsn.push_str(parts.host);
    }
    let _ = write!(dsn, ":{}", parts.port);
    if !parts.client_domain.is_empty() {
        let _ = write!(dsn, "?local_domain={}", url_component(parts.client_domain));
    }
    let text = format!("MAILER_DSN={dsn}\n");
    if parts.credentials.is_some() {
        parts.warnings.push(
            crate::en!(
                "The user name and password are URL-encoded in the DSN (@ is %40, for example): \
                 if you edit them, encode them the same way."
            )
            .to_owned(),
        );
    }
    match parts.security {
        Security::StartTls => parts.warnings.push(
            crate::en!(
                "smtp:// switches to STARTTLS by itself when the server offers it. Symfony always \
                 uses SSL on connect on port 465, even with smtp://."
            )
            .to_owned(),
        ),
        Security::None => parts.warnings.push(
            crate::en!(
                "smtp:// still switches to STARTTLS when the server offers it (Symfony 7.1+ can \
                 turn that off with ?auto_tls=false)."
            )
            .to_owned(),
        ),
        Security::ImplicitTls => parts.warnings.push(
            crate::en!(
                "smtps:// means SSL on connect. Symfony also uses SSL on connect for any DSN on \
                 port 465."
            )
            .to_owned(),
        ),
    }
    if !parts.from.is_empty() {
        parts.warnings.push(crate::en!(
            "Symfony Mailer takes the sender from each message: use {from} as its From address.",
            from = parts.from
        ));
    }
    Snippet::from_parts(Format::Symfony, text, parts)
}
