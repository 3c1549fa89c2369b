//! What ASP.NET's `<system.net><mailSettings>` block may say, in one place. The snippet
//! ([`crate::snippet::web_config`]) writes a fresh block from these rules and
//! [`update`](super::update()) merges them into a site's file, so both always agree:
//!
//! - **Port 465 is never written**: System.Net.Mail cannot do SSL on connect, so 587 with
//!   `enableSsl="true"` is written instead, with a note.
//! - **No `enableSsl` before .NET 4.0**: .NET Framework 2.0–3.5 rejects the whole section over
//!   it, so it is left out (removed on update), with a note on switching SSL on in code.
//! - **ASP.NET Core gets no `<mailSettings>`**: it does not read them; a note says so, first.
//! - **TLS 1.2**: with SSL on .NET Framework 4.x, a note on targeting 4.7 or later.
//! - **Which attributes**: `deliveryMethod` and `from` on `<smtp>`; `host`, `port`, `enableSsl`,
//!   `userName` and `password` (only when the site signs in), `defaultCredentials` and
//!   `clientDomain` on `<network>`, in that order.
//! - **Escaping**: [`escape`], the one XML attribute escaper.

use super::import::{delivery_method_name, parse_bool, parse_port};
use crate::secret::REDACTED;
use crate::settings::{Framework, Security, Settings};
use crate::snippet::PASSWORD_PLACEHOLDER;

/// What to do on .NET Framework 2.0–3.5, where web.config cannot switch SSL on.
pub const LEGACY_SSL_IN_CODE: &str = crate::en!(
    "This site runs on .NET Framework 2.0–3.5, where web.config has \
     no enableSsl (it arrived in 4.0, and older versions reject the whole section because of it), \
     so this snippet leaves it out. The server needs encryption, so switch it on in code: set \
     SmtpClient.EnableSsl = true before Send (for the PasswordRecovery control, handle its \
     SendingMail event, send the message yourself with EnableSsl = true and set e.Cancel = true). \
     Better: move the site to .NET Framework 4.x, where enableSsl=\"true\" in web.config is enough."
);

/// TLS versions on .NET Framework 4.x.
pub const TLS12_NEEDS_47: &str = crate::en!(
    "Mail servers now require TLS 1.2: make sure the site targets .NET \
     Framework 4.7 or later (<httpRuntime targetFramework=\"4.7.2\" /> or newer), or that Windows \
     enables TLS 1.2 for older targets."
);

/// Why ASP.NET Core gets no web.config block.
pub const CORE_IGNORES_MAIL_SETTINGS: &str = crate::en!(
    "ASP.NET Core (.NET 5 and later) does not read \
     <mailSettings> from web.config at all, so this block would do nothing. Use the ASP.NET Core \
     tab instead: appsettings.json for MailKit."
);

/// Port 465 cannot be used from web.config.
const PORT_465_BECOMES_587: &str = crate::en!(
    "ASP.NET cannot use port 465 (SSL on connect), so port 587 \
     with enableSsl=\"true\" is used instead. Test port 587 before relying on it."
);

/// Signing in without encryption.
const PASSWORD_UNENCRYPTED: &str = crate::en!(
    "enableSsl is false: the password crosses the network \
     unencrypted. Use enableSsl=\"true\" if the server offers it."
);

/// What an attribute should become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// This value.
    Set(String),
    /// No attribute.
    Remove,
    /// Whatever is there: the settings say nothing about it (a fresh block leaves it out).
    Keep,
}

/// How .NET reads a value, so that equal meanings compare equal (`True` = `true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Compared exactly.
    Text,
    /// `Boolean.Parse`.
    Bool,
    /// A whole number.
    Number,
    /// An enum name, any letter case.
    Enum,
}

/// One attribute of `<smtp>` or `<network>` and what it should become.
#[derive(Debug, Clone)]
pub(crate) struct Attribute {
    /// The name, spelled as .NET expects.
    pub name: &'static str,
    /// What it should become.
    pub value: Value,
    /// How .NET reads it.
    pub kind: Kind,
    /// .NET's value when the attribute is missing.
    pub default: Option<&'static str>,
}

impl Attribute {
    /// An attribute .NET knows, left as it is (only a wrong-case name is corrected on update).
    pub fn keep(name: &'static str) -> Self {
        Self::new(name, Value::Keep, Kind::Text, None)
    }

    fn new(name: &'static str, value: Value, kind: Kind, default: Option<&'static str>) -> Self {
        Self {
            name,
            value,
            kind,
            default,
        }
    }

    /// Whether `existing` already means `wanted` to .NET.
    pub fn same(&self, existing: &str, wanted: &str) -> bool {
        match self.kind {
            Kind::Text => existing == wanted,
            Kind::Bool => {
                parse_bool(existing).is_some() && parse_bool(existing) == parse_bool(wanted)
            }
            Kind::Number => {
                parse_port(existing).is_some() && parse_port(existing) == parse_port(wanted)
            }
            Kind::Enum => existing.trim().eq_ignore_ascii_case(wanted),
        }
    }

    /// The value to show in a change: a password never shows.
    pub fn shown(&self, value: &str) -> String {
        if self.name == "password" {
            REDACTED.to_owned()
        } else {
            value.to_owned()
        }
    }

    /// `name="value"`, escaped, for an attribute with a value to write.
    pub fn written(&self) -> Option<String> {
        match &self.value {
            Value::Set(value) => Some(format!("{}=\"{}\"", self.name, escape(value))),
            Value::Remove | Value::Keep => None,
        }
    }
}

/// Which password goes into `password`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PasswordChoice {
    /// The real one (none when it is empty).
    Real,
    /// [`PASSWORD_PLACEHOLDER`] (a snippet to share).
    Placeholder,
    /// Whatever the file has (an update without the password: never a placeholder).
    LeaveAsIs,
}

/// The `<smtp>` and `<network>` attributes for a site's settings, and what its owner should know.
#[derive(Debug, Clone)]
pub(crate) struct MailSettings {
    /// `<smtp>`, in the order they are written.
    pub smtp: Vec<Attribute>,
    /// `<network>`, in the order they are written.
    pub network: Vec<Attribute>,
    /// Notes for the site owner (a changed port, SSL in code, TLS 1.2, ...).
    pub notes: Vec<String>,
}

impl MailSettings {
    /// Applies the rules (see the module documentation) to `settings`.
    pub fn new(settings: &Settings, password: PasswordChoice) -> Self {
        let mut notes = Vec::new();
        if settings.framework == Framework::Core {
            notes.push(CORE_IGNORES_MAIL_SETTINGS.to_owned());
        }
        let mut port = settings.port;
        let mut enable_ssl = settings.effective_security() != Security::None;
        if port == 465 || settings.effective_security() == Security::ImplicitTls {
            notes.push(PORT_465_BECOMES_587.to_owned());
            port = 587;
            enable_ssl = true;
        }
        let signs_in = settings.wants_auth();
        if !enable_ssl && signs_in {
            notes.push(PASSWORD_UNENCRYPTED.to_owned());
        }
        let ssl = match settings.framework {
            Framework::Legacy => {
                if enable_ssl {
                    notes.push(LEGACY_SSL_IN_CODE.to_owned());
                }
                Value::Remove
            }
            Framework::Net4 | Framework::Core => {
                if enable_ssl && settings.framework == Framework::Net4 {
                    notes.push(TLS12_NEEDS_47.to_owned());
                }
                flag(enable_ssl)
            }
        };
        let (user_name, password) = if signs_in {
            let password = match password {
                PasswordChoice::Real => text_or(settings.password.expose(), Value::Remove),
                PasswordChoice::Placeholder => Value::Set(PASSWORD_PLACEHOLDER.to_owned()),
                PasswordChoice::LeaveAsIs => Value::Keep,
            };
            (Value::Set(settings.user_name.trim().to_owned()), password)
        } else if password == PasswordChoice::LeaveAsIs {
            (Value::Remove, Value::Keep)
        } else {
            (Value::Remove, Value::Remove)
        };
        let delivery_method = delivery_method_name(settings.delivery_method).to_owned();
        let smtp = vec![
            Attribute::new(
                "deliveryMethod",
                Value::Set(delivery_method),
                Kind::Enum,
                Some("Network"),
            ),
            Attribute::new(
                "from",
                text_or(settings.from.trim(), Value::Keep),
                Kind::Text,
                None,
            ),
        ];
        let client_domain = text_or(settings.client_domain.trim(), Value::Remove);
        let network = vec![
            Attribute::new(
                "host",
                text_or(settings.host.trim(), Value::Keep),
                Kind::Text,
                None,
            ),
            Attribute::new(
                "port",
                Value::Set(port.to_string()),
                Kind::Number,
                Some("25"),
            ),
            Attribute::new("enableSsl", ssl, Kind::Bool, Some("false")),
            Attribute::new("userName", user_name, Kind::Text, None),
            Attribute::new("password", password, Kind::Text, None),
            Attribute::new(
                "defaultCredentials",
                flag(settings.default_credentials),
                Kind::Bool,
                Some("false"),
            ),
            Attribute::new("clientDomain", client_domain, Kind::Text, None),
        ];
        Self {
            smtp,
            network,
            notes,
        }
    }
}

fn text_or(value: &str, empty: Value) -> Value {
    if value.is_empty() {
        empty
    } else {
        Value::Set(value.to_owned())
    }
}

fn flag(value: bool) -> Value {
    Value::Set(if value { "true" } else { "false" }.to_owned())
}

/// `value` escaped for an attribute: the five XML specials, and tabs and line breaks as
/// character references, because an XML reader turns literal ones into spaces.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Password;
    use crate::snippet::web_config;
    use crate::webconfig::{UpdateOptions, update};

    fn settings(framework: Framework, port: u32, enable_ssl: bool) -> Settings {
        Settings {
            port,
            enable_ssl,
            password: Password::new("a\"b<c"),
            framework,
            ..crate::fixtures::site_settings()
        }
    }

    /// Every version × {587 with SSL, 465, 25 without SSL}.
    fn cases() -> impl Iterator<Item = Settings> {
        Framework::ALL.into_iter().flat_map(|framework| {
            [(587, true), (465, false), (25, false)]
                .map(|(port, ssl)| settings(framework, port, ssl))
        })
    }

    #[test]
    fn the_snippet_and_an_update_give_the_same_notes() {
        let file = "<configuration>\n</configuration>\n";
        for settings in cases() {
            let notes = MailSettings::new(&settings, PasswordChoice::Real).notes;
            let snippet = web_config(&settings, true);
            let options = UpdateOptions {
                include_password: true,
            };
            let updated = update(file, &settings, options).unwrap();
            for note in notes {
                assert!(snippet.warnings.contains(&note), "{settings:?}: {note}");
                assert!(updated.notes.contains(&note), "{settings:?}: {note}");
            }
        }
    }

    #[test]
    fn a_created_section_is_the_snippets_block() {
        let file = "<configuration>\n</configuration>\n";
        for settings in cases() {
            let snippet = web_config(&settings, true);
            let options = UpdateOptions {
                include_password: true,
            };
            let updated = update(file, &settings, options).unwrap();
            // The same elements and attributes in the same order; the snippet puts one
            // attribute per line, a created section keeps each element on one line.
            let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                words(&updated.text).contains(&words(&snippet.text)),
                "{settings:?}: {} not in\n{}",
                snippet.text,
                updated.text
            );
        }
    }

    #[test]
    fn port_465_and_enable_ssl_follow_the_version() {
        let legacy = MailSettings::new(
            &settings(Framework::Legacy, 465, false),
            PasswordChoice::Placeholder,
        );
        let port = legacy.network.iter().find(|a| a.name == "port").unwrap();
        assert_eq!(port.value, Value::Set("587".into()));
        let ssl = legacy
            .network
            .iter()
            .find(|a| a.name == "enableSsl")
            .unwrap();
        assert_eq!(ssl.value, Value::Remove);
        assert!(legacy.notes.iter().any(|n| n == LEGACY_SSL_IN_CODE));
        let core = MailSettings::new(
            &settings(Framework::Core, 587, true),
            PasswordChoice::LeaveAsIs,
        );
        assert_eq!(core.notes[0], CORE_IGNORES_MAIL_SETTINGS);
        let password = core.network.iter().find(|a| a.name == "password").unwrap();
        assert_eq!(password.value, Value::Keep);
    }

    #[test]
    fn escape_covers_the_specials_and_line_breaks() {
        assert_eq!(
            escape("a&<>\"'\t\r\nb"),
            "a&amp;&lt;&gt;&quot;&apos;&#9;&#13;&#10;b"
        );
    }
}
