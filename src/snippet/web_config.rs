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
        "<system.net>\n  <mailSettings>\n    <smtp {}>\n      {}\n    </smtp>\n  </mailSettings>\n</system.net>\n",
        written(&rules.smtp),
        one_per_line("<network", &rules.network, "      ")
    );
    Snippet {
        format: Format::WebConfig,
        platform: Format::WebConfig.platform().to_owned(),
        text,
        warnings,
        includes_password: writes_password,
    }
}

/// An empty element with one attribute per line, aligned under the first, so that no line is
/// long enough to wrap where it is shown or pasted:
///
/// ```text
/// <network host="smtp.example.com"
///          port="587"
///          … />
/// ```
///
/// `indent` is the element's own indentation (the first line's is the caller's).
fn one_per_line(open: &str, attributes: &[Attribute], indent: &str) -> String {
    let pad = format!("\n{indent}{}", " ".repeat(open.chars().count() + 1));
    let written: Vec<String> = attributes.iter().filter_map(Attribute::written).collect();
    if written.is_empty() {
        return format!("{open} />");
    }
    format!("{open} {} />", written.join(&pad))
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
            "      <network host=\"smtp.example.com\"\n               port=\"587\"\n               enableSsl=\"true\"\n               userName=\"site@example.com\"\n               password=\"YOUR-PASSWORD-HERE\"\n               defaultCredentials=\"false\" />\n"
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
        assert!(snippet.text.contains(r#"port="587""#));
        assert!(snippet.text.contains(r#"enableSsl="true""#));
        assert!(!snippet.text.contains("465"));
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

    #[test]
    fn one_attribute_per_line_aligned_under_the_first() {
        let snippet = web_config(&settings(), false);
        let lines: Vec<&str> = snippet.text.lines().collect();
        let first = lines.iter().position(|l| l.contains("<network ")).unwrap();
        let column = lines[first].find("host=").unwrap();
        for line in &lines[first + 1..first + 6] {
            assert_eq!(line.len() - line.trim_start().len(), column, "{line}");
            assert_eq!(line.matches("=\"").count(), 1, "{line}");
        }
        assert!(lines.iter().all(|l| l.len() < 70), "{}", snippet.text);
    }
}
