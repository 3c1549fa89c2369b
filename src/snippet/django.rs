//! Django: the `EMAIL_` settings and `SERVER_EMAIL` in `settings.py`.

use std::fmt::Write as _;

use super::escape::python;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `settings.py` lines for the tested settings.
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::Django, settings, include_password);
    let mut text = String::from("EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\n");
    let _ = writeln!(text, "EMAIL_HOST = {}", python(parts.host));
    let _ = writeln!(text, "EMAIL_PORT = {}", parts.port);
    let (user, password) = parts
        .credentials
        .as_ref()
        .map_or(("", ""), |c| (c.user, c.password));
    let _ = writeln!(text, "EMAIL_HOST_USER = {}", python(user));
    let _ = writeln!(text, "EMAIL_HOST_PASSWORD = {}", python(password));
    let (use_tls, use_ssl) = match parts.security {
        Security::StartTls => ("True  # STARTTLS", "False"),
        Security::ImplicitTls => ("False", "True  # SSL on connect"),
        Security::None => ("False", "False"),
    };
    let _ = writeln!(text, "EMAIL_USE_TLS = {use_tls}");
    let _ = writeln!(text, "EMAIL_USE_SSL = {use_ssl}");
    if !parts.from.is_empty() {
        let _ = writeln!(text, "DEFAULT_FROM_EMAIL = {}", python(parts.from));
        // Error reports to ADMINS come from SERVER_EMAIL (root@localhost unless set).
        let _ = writeln!(text, "SERVER_EMAIL = {}", python(parts.from));
    }
    parts.warnings.push(
        crate::en!(
            "Set only one of EMAIL_USE_TLS (STARTTLS, port 587) and EMAIL_USE_SSL (SSL on \
             connect, port 465) to True: with both, Django starts but fails at the first send \
             (\"EMAIL_USE_TLS/EMAIL_USE_SSL are mutually exclusive\")."
        )
        .to_owned(),
    );
    Snippet::from_parts(Format::Django, text, parts)
}
