//! `WordPress`: the WP Mail SMTP plugin's constants in `wp-config.php`.

use std::fmt::Write as _;

use super::escape::php;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `define('WPMS_...')` lines for the tested settings.
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::WordPress, settings, include_password);
    let mut text = String::from(
        "// WP Mail SMTP settings (they override the plugin's settings page).\n\
         define( 'WPMS_ON', true );\n\
         define( 'WPMS_MAILER', 'smtp' );\n",
    );
    let _ = writeln!(text, "define( 'WPMS_SMTP_HOST', {} );", php(parts.host));
    let _ = writeln!(text, "define( 'WPMS_SMTP_PORT', {} );", parts.port);
    let (ssl, comment) = match parts.security {
        Security::StartTls => ("tls", " // 'tls' means STARTTLS"),
        Security::ImplicitTls => ("ssl", " // 'ssl' means SSL on connect"),
        Security::None => ("", " // no encryption"),
    };
    let _ = writeln!(text, "define( 'WPMS_SSL', {} );{comment}", php(ssl));
    match &parts.credentials {
        Some(credentials) => {
            text.push_str("define( 'WPMS_SMTP_AUTH', true );\n");
            let _ = writeln!(
                text,
                "define( 'WPMS_SMTP_USER', {} );",
                php(credentials.user)
            );
            let _ = writeln!(
                text,
                "define( 'WPMS_SMTP_PASS', {} );",
                php(credentials.password)
            );
        }
        None => text.push_str("define( 'WPMS_SMTP_AUTH', false );\n"),
    }
    let auto_tls = parts.security != Security::None;
    let _ = writeln!(text, "define( 'WPMS_SMTP_AUTOTLS', {auto_tls} );");
    if !parts.from.is_empty() {
        let _ = writeln!(text, "define( 'WPMS_MAIL_FROM', {} );", php(parts.from));
        text.push_str("define( 'WPMS_MAIL_FROM_FORCE', true );\n");
    }
    if parts.security == Security::StartTls {
        parts.warnings.push(
            crate::en!(
                "WPMS_SSL 'tls' means STARTTLS (the plugin's own comment \"TLS is not STARTTLS\" \
                 is misleading): keep 'tls' with port 587 and 'ssl' only for port 465."
            )
            .to_owned(),
        );
    }
    Snippet::from_parts(Format::WordPress, text, parts)
}
