//! The ready-to-paste `web.config` block (ASP.NET, System.Net.Mail), written from the
//! [web.config rules](crate::webconfig::rules) that `webconfig::update` follows too.

use super::parts::{FROM_EMPTY, replace_placeholder};
use super::{Format, Snippet};
use crate::settings::Settings;
use crate::webconfig::rules::{Attribute, MailSettings, PasswordChoice};

/// The `<system.net><mailSettings>` block for ASP.NET (System.Net.Mail).
///
/// Every value is XML-escaped. The password is a placeholder unless `include_password`.
/// Port 465 is never written: System.Net.Mail cannot use it, so 587 with `enableSsl="true"`
/// is proposed instead, with a warning.
pub fn web_config(settings: &Settings, include_password: bool) -> Snippet {
    let password = if include_password && !settings.password.is_empty() {
        PasswordChoice::Real
    } else {
        PasswordChoice::Placeholder
    };
    let rules = MailSettings::new(settings, password);
    let mut warnings = rules.notes;
    if settings.from.trim().is_empty() {
        warnings.push(FROM_EMPTY.to_owned());
    }
    let writes_password = settings.wants_auth() && password == PasswordChoice::Real;
    if settings.wants_auth() && !writes_password {
        warnings.push(replace_placeholder());
    }
    let text = format!(
        "<system.net>\n  <mailSettings>\n    <smtp {}>\n      <network {} />\n    </smtp>\n  </mailSettings>\n</system.net>\n",
        written(&rules.smtp),
        written(&rules.network)
    );
    Snippet {
        format: Format::WebConfig,
        platform: Format::WebConfig.platform().to_owned(),
        text,
        warnings,
        includes_password: writes_password,
    }
}

/// The attributes with a value, `name="value"` each, separated by spaces.
fn written(attributes: &[Attribute]) -> String {
    attributes
        .iter()
        .filter_map(Attribute::written)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Password;

    fn settings() -> Settings {
        crate::fixtures::site_settings()
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
