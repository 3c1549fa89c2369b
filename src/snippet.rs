//! The ready-to-paste `web.config` block for settings that work.

use quick_xml::escape::escape;
use serde::Serialize;

use crate::settings::{Security, Settings};

/// What goes in `password="..."` unless the user asks for the real one.
pub const PASSWORD_PLACEHOLDER: &str = "YOUR-PASSWORD-HERE";

/// A block of configuration text and what to know before pasting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Which file it is for (e.g. `web.config`).
    pub platform: String,
    /// The text to paste.
    pub text: String,
    /// Things the user must know (a changed port, an unencrypted connection, ...).
    pub warnings: Vec<String>,
    /// Whether the real password is in `text`.
    pub includes_password: bool,
}

/// The `<system.net><mailSettings>` block for ASP.NET (System.Net.Mail).
///
/// Every value is XML-escaped. The password is a placeholder unless `include_password`.
/// Port 465 is never written: System.Net.Mail cannot use it, so 587 with `enableSsl="true"`
/// is proposed instead, with a warning.
pub fn web_config(settings: &Settings, include_password: bool) -> Snippet {
    let mut warnings = Vec::new();
    let mut port = settings.port;
    let mut enable_ssl = settings.effective_security() != Security::None;
    if port == 465 || settings.effective_security() == Security::ImplicitTls {
        warnings.push(
            "ASP.NET cannot use port 465 (SSL on connect), so this snippet uses port 587 with \
             enableSsl=\"true\". Test port 587 before relying on it."
                .to_owned(),
        );
        port = 587;
        enable_ssl = true;
    }
    if !enable_ssl && settings.wants_auth() {
        warnings.push(
            "enableSsl is false: the password crosses the network unencrypted. Use enableSsl=\"true\" if the server offers it."
                .to_owned(),
        );
    }
    let from = settings.from.trim();
    if from.is_empty() {
        warnings
            .push("from is empty: the website's code must then set the sender itself.".to_owned());
    }
    let mut network = vec![
        attribute("host", settings.host.trim()),
        attribute("port", &port.to_string()),
        attribute("enableSsl", if enable_ssl { "true" } else { "false" }),
    ];
    let password_included =
        include_password && settings.wants_auth() && !settings.password.is_empty();
    if settings.wants_auth() {
        network.push(attribute("userName", settings.user_name.trim()));
        let password = if password_included {
            settings.password.expose()
        } else {
            PASSWORD_PLACEHOLDER
        };
        network.push(attribute("password", password));
    }
    network.push(attribute(
        "defaultCredentials",
        if settings.default_credentials {
            "true"
        } else {
            "false"
        },
    ));
    let client_domain = settings.client_domain.trim();
    if !client_domain.is_empty() {
        network.push(attribute("clientDomain", client_domain));
    }
    if settings.wants_auth() && !password_included {
        warnings.push(format!(
            "Replace {PASSWORD_PLACEHOLDER} with the mailbox password (it is left out so the snippet can be shared safely)."
        ));
    }
    let mut smtp = vec![attribute("deliveryMethod", "Network")];
    if !from.is_empty() {
        smtp.push(attribute("from", from));
    }
    let text = format!(
        "<system.net>\n  <mailSettings>\n    <smtp {}>\n      <network {} />\n    </smtp>\n  </mailSettings>\n</system.net>\n",
        smtp.join(" "),
        network.join(" ")
    );
    Snippet {
        platform: "web.config".to_owned(),
        text,
        warnings,
        includes_password: password_included,
    }
}

fn attribute(name: &str, value: &str) -> String {
    format!("{name}=\"{}\"", escape(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Password;

    fn settings() -> Settings {
        Settings {
            host: "smtp.example.com".into(),
            port: 587,
            user_name: "site@example.com".into(),
            password: Password::new("pw"),
            from: "site@example.com".into(),
            ..Settings::default()
        }
    }

    #[test]
    fn exact_attribute_casing_and_placeholder() {
        let snippet = web_config(&settings(), false);
        assert!(
            snippet
                .text
                .contains(r#"<smtp deliveryMethod="Network" from="site@example.com">"#)
        );
        assert!(snippet.text.contains(
            r#"<network host="smtp.example.com" port="587" enableSsl="true" userName="site@example.com" password="YOUR-PASSWORD-HERE" defaultCredentials="false" />"#
        ));
        assert!(!snippet.includes_password);
        assert!(!snippet.text.contains("\"pw\""));
    }

    #[test]
    fn port_465_becomes_587_with_a_warning() {
        let snippet = web_config(
            &Settings {
                port: 465,
                ..settings()
            },
            false,
        );
        assert!(snippet.text.contains(r#"port="587" enableSsl="true""#));
        assert!(snippet.warnings[0].contains("465"));
    }

    #[test]
    fn no_user_means_no_credentials_attributes() {
        let snippet = web_config(
            &Settings {
                user_name: String::new(),
                password: Password::default(),
                enable_ssl: false,
                port: 25,
                ..settings()
            },
            true,
        );
        assert!(!snippet.text.contains("userName"));
        assert!(!snippet.text.contains("password"));
        assert!(snippet.text.contains(r#"enableSsl="false""#));
    }
}
