//! Node.js: the options of Nodemailer's `createTransport`.

use std::fmt::Write as _;

use super::escape::javascript;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `nodemailer.createTransport(...)` call for the tested settings.
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::Nodemailer, settings, include_password);
    let mut text = String::from(
        "const nodemailer = require('nodemailer');\n\n\
         const transporter = nodemailer.createTransport(\n  {\n",
    );
    let _ = writeln!(text, "    host: {},", javascript(parts.host));
    let _ = writeln!(text, "    port: {},", parts.port);
    match parts.security {
        Security::StartTls => text.push_str(
            "    secure: false, // start unencrypted, then STARTTLS\n    requireTLS: true, // stop if STARTTLS fails\n",
        ),
        Security::ImplicitTls => text.push_str("    secure: true, // SSL on connect\n"),
        Security::None => text.push_str("    secure: false, // no encryption, as tested\n"),
    }
    if !parts.client_domain.is_empty() {
        let _ = writeln!(text, "    name: {},", javascript(parts.client_domain));
    }
    if let Some(credentials) = &parts.credentials {
        let _ = writeln!(
            text,
            "    auth: {{\n      user: {},\n      pass: {},\n    }},",
            javascript(credentials.user),
            javascript(credentials.password)
        );
    }
    text.push_str("  },\n");
    if !parts.from.is_empty() {
        let _ = writeln!(text, "  {{ from: {} }},", javascript(parts.from));
    }
    text.push_str(");\n");
    match parts.security {
        Security::StartTls => parts.warnings.push(
            crate::en!(
                "secure: true is only for SSL on connect (port 465); with STARTTLS it must stay \
                 false, or the connection fails with \"wrong version number\"."
            )
            .to_owned(),
        ),
        Security::None => parts.warnings.push(
            crate::en!(
                "With secure: false Nodemailer still switches to STARTTLS when the server offers \
                 it; add ignoreTLS: true only if that fails and you accept an unencrypted \
                 connection."
            )
            .to_owned(),
        ),
        Security::ImplicitTls => {}
    }
    Snippet::from_parts(Format::Nodemailer, text, parts)
}
