//! The ready-to-paste `web.config` block (ASP.NET, System.Net.Mail).

use quick_xml::escape::escape;

use super::{Format, PASSWORD_PLACEHOLDER, Snippet};
use crate::settings::{Framework, Security, Settings};

/// What to do on .NET Framework 2.0–3.5, where web.config cannot switch SSL on.
pub const LEGACY_SSL_IN_CODE: &str = "This site runs on .NET Framework 2.0–3.5, where web.config has \
     no enableSsl (it arrived in 4.0, and older versions reject the whole section because of it), \
     so this snippet leaves it out. The server needs encryption, so switch it on in code: set \
     SmtpClient.EnableSsl = true before Send (for the PasswordRecovery control, handle its \
     SendingMail event, send the message yourself with EnableSsl = true and set e.Cancel = true). \
     Better: move the site to .NET Framework 4.x, where enableSsl=\"true\" in web.config is enough.";

/// TLS versions on .NET Framework 4.x.
pub const TLS12_NEEDS_47: &str = "Mail servers now require TLS 1.2: make sure the site targets .NET \
     Framework 4.7 or later (<httpRuntime targetFramework=\"4.7.2\" /> or newer), or that Windows \
     enables TLS 1.2 for older targets.";

/// Why ASP.NET Core gets no web.config block.
pub const CORE_IGNORES_MAIL_SETTINGS: &str = "ASP.NET Core (.NET 5 and later) does not read \
     <mailSettings> from web.config at all, so this block would do nothing. Use the ASP.NET Core \
     tab instead: appsettings.json for MailKit.";

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
    ];
    match settings.framework {
        // enableSsl arrived in .NET 4.0: older runtimes reject the whole section over it.
        Framework::Legacy => {
            if enable_ssl {
                warnings.push(LEGACY_SSL_IN_CODE.to_owned());
            }
        }
        Framework::Net4 | Framework::Core => {
            network.push(attribute(
                "enableSsl",
                if enable_ssl { "true" } else { "false" },
            ));
            if enable_ssl && settings.framework == Framework::Net4 {
                warnings.push(TLS12_NEEDS_47.to_owned());
            }
        }
    }
    if settings.framework == Framework::Core {
        warnings.insert(0, CORE_IGNORES_MAIL_SETTINGS.to_owned());
    }
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
        format: Format::WebConfig,
        platform: Format::WebConfig.platform().to_owned(),
        text,
        warnings,
        includes_password: password_included,
    }
}

/// `name="value"`: the five XML specials escaped, and tabs and line breaks written as
/// character references, because an XML reader turns literal ones into spaces.
fn attribute(name: &str, value: &str) -> String {
    let escaped = escape(value)
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
    format!("{name}=\"{escaped}\"")
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
    fn line_breaks_and_tabs_become_character_references() {
        let snippet = web_config(
            &Settings {
                password: Password::new("a\tb\r\nc"),
                ..settings()
            },
            true,
        );
        assert!(snippet.text.contains(r#"password="a&#9;b&#13;&#10;c""#));
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
