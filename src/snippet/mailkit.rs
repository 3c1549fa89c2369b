//! ASP.NET Core with MailKit: an `"Smtp"` section for `appsettings.json`.
//!
//! ASP.NET Core has no standard section for MailKit; this is our convention (reference §2.2).
//! The text is written by hand, key by key, to keep the order; each string is JSON-escaped.

use super::escape::json;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `appsettings.json` section for the tested settings.
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::MailKit, settings, include_password);
    let options = match parts.security {
        Security::StartTls => "StartTls",
        Security::ImplicitTls => "SslOnConnect",
        Security::None => "None",
    };
    let mut fields = vec![
        format!("\"Host\": {}", json(parts.host)),
        format!("\"Port\": {}", parts.port),
    ];
    if let Some(credentials) = &parts.credentials {
        fields.push(format!("\"UserName\": {}", json(credentials.user)));
        fields.push(format!("\"Password\": {}", json(credentials.password)));
    }
    fields.push(format!("\"SecureSocketOptions\": {}", json(options)));
    if !parts.from.is_empty() {
        fields.push(format!("\"From\": {}", json(parts.from)));
    }
    let text = format!(
        "{{\n  \"Smtp\": {{\n    {}\n  }}\n}}\n",
        fields.join(",\n    ")
    );
    let connect = if parts.credentials.is_some() {
        crate::en!(
            "Connect with MailKit like this: client.Connect(smtp.Host, smtp.Port, \
             SecureSocketOptions.{options}); client.Authenticate(smtp.UserName, smtp.Password);",
            options = options
        )
    } else {
        crate::en!(
            "Connect with MailKit like this: client.Connect(smtp.Host, smtp.Port, \
             SecureSocketOptions.{options});",
            options = options
        )
    };
    parts.warnings.push(connect);
    if parts.security == Security::StartTls {
        parts.warnings.push(
            crate::en!(
                "Do not write client.Connect(host, 587, useSsl: true): in MailKit useSsl: true \
                 means SSL on connect, which fails on port 587. web.config's enableSsl=\"true\" \
                 is SecureSocketOptions.StartTls."
            )
            .to_owned(),
        );
    }
    parts.warnings.push(
        crate::en!(
            "ASP.NET Core does not read web.config's <mailSettings>: the site's code must read \
             this section."
        )
        .to_owned(),
    );
    Snippet::from_parts(Format::MailKit, text, parts)
}
