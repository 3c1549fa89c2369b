//! What in a web.config's mail settings ASP.NET would reject or misread, each with a fix.
//!
//! Attribute and element names are case-sensitive in .NET configuration: `enablessl` (as in
//! the knowledge-base article this project started from) makes .NET reject the whole section
//! with "Unrecognized attribute 'enablessl'. Note that attribute names are case-sensitive."

use super::Finding;
use super::document::{Document, Element};
use super::error::WebConfigError;
use super::lint_tls::check_tls_version;
use super::lint_values::{check_network, check_smtp};
use super::section::{self, CHAIN, MailSection};
use crate::settings::{DeliveryMethod, Severity};

/// The stable finding codes.
pub mod code {
    /// The file is not well-formed XML.
    pub const XML_ERROR: &str = "xml_error";
    /// The root element is not `<configuration>`.
    pub const NOT_A_WEB_CONFIG: &str = "not_a_web_config";
    /// There is no `<system.net><mailSettings><smtp>`.
    pub const NO_MAIL_SETTINGS: &str = "no_mail_settings";
    /// `configSource` keeps the settings in another file.
    pub const SETTINGS_IN_OTHER_FILE: &str = "settings_in_other_file";
    /// The section is encrypted.
    pub const SETTINGS_ENCRYPTED: &str = "settings_encrypted";
    /// An element name in the wrong case (`<mailsettings>`).
    pub const ELEMENT_NAME_CASE: &str = "element_name_case";
    /// A section or element written twice.
    pub const DUPLICATE_SECTION: &str = "duplicate_section";
    /// The settings sit inside `<location>`.
    pub const INSIDE_LOCATION: &str = "inside_location";
    /// An attribute name in the wrong case (`enablessl`, `Port`).
    pub const ATTRIBUTE_CASE: &str = "attribute_case";
    /// An attribute .NET does not know (`useSsl`).
    pub const UNKNOWN_ATTRIBUTE: &str = "unknown_attribute";
    /// `<smtp>` has no `from`.
    pub const FROM_MISSING: &str = "from_missing";
    /// `deliveryMethod` has a value .NET does not know.
    pub const DELIVERY_METHOD_INVALID: &str = "delivery_method_invalid";
    /// `deliveryMethod` writes to a folder instead of sending.
    pub const DELIVERY_METHOD_NOT_NETWORK: &str = "delivery_method_not_network";
    /// `deliveryFormat` has a value .NET does not know.
    pub const DELIVERY_FORMAT_INVALID: &str = "delivery_format_invalid";
    /// `enableSsl` with a pickup-directory delivery method.
    pub const SSL_WITH_PICKUP_DIRECTORY: &str = "ssl_with_pickup_directory";
    /// No `host` (or no `<network>`).
    pub const HOST_MISSING: &str = "host_missing";
    /// `port` is not a number in 1–65535.
    pub const PORT_INVALID: &str = "port_invalid";
    /// `port="465"`, which System.Net.Mail cannot use.
    pub const PORT_465: &str = "port_465";
    /// `enableSsl` is neither true nor false.
    pub const ENABLE_SSL_INVALID: &str = "enable_ssl_invalid";
    /// `defaultCredentials` is neither true nor false.
    pub const DEFAULT_CREDENTIALS_INVALID: &str = "default_credentials_invalid";
    /// `defaultCredentials="true"` makes .NET ignore `userName`.
    pub const DEFAULT_CREDENTIALS_WITH_USER: &str = "default_credentials_with_user";
    /// `userName` without a password.
    pub const PASSWORD_MISSING: &str = "password_missing";
    /// A password without `userName`: no sign-in at all.
    pub const USER_NAME_MISSING: &str = "user_name_missing";
    /// Signing in without encryption.
    pub const PASSWORD_UNENCRYPTED: &str = "password_unencrypted";
    /// The password is stored in plain text.
    pub const PASSWORD_PLAIN_TEXT: &str = "password_plain_text";
    /// `enableSsl="true"` on a `targetFramework` whose default is TLS 1.0 only.
    pub const TLS12_NOT_DEFAULT: &str = "tls12_not_default";
}

pub(crate) const LOCK_ATTRIBUTES: [&str; 5] = [
    "lockAttributes",
    "lockAllAttributesExcept",
    "lockElements",
    "lockAllElementsExcept",
    "lockItem",
];
/// The attributes of `<smtp>`, exact case.
pub(crate) const SMTP_ATTRIBUTES: [&str; 5] = [
    "deliveryMethod",
    "deliveryFormat",
    "from",
    "configSource",
    "configProtectionProvider",
];
/// The attributes of `<network>`, exact case.
pub(crate) const NETWORK_ATTRIBUTES: [&str; 8] = [
    "host",
    "port",
    "userName",
    "password",
    "enableSsl",
    "defaultCredentials",
    "clientDomain",
    "targetName",
];

/// Lints web.config text. Unreadable text gives one finding (`xml_error`, `not_a_web_config`,
/// `settings_in_other_file`, `settings_encrypted`) instead of an error.
pub fn lint(text: &str) -> Vec<Finding> {
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(err) => {
            let line = match &err {
                WebConfigError::Xml { line, .. } => Some(*line),
                _ => None,
            };
            return vec![finding(
                code::XML_ERROR,
                Severity::Error,
                line,
                err.to_string(),
                crate::en!("Fix the XML in a text editor (or restore a backup), then check again."),
            )];
        }
    };
    let section = match section::locate(&doc) {
        Ok(section) => section,
        Err(err) => {
            return vec![finding(
                code::NOT_A_WEB_CONFIG,
                Severity::Error,
                Some(1),
                err.to_string(),
                crate::en!("Open the site's web.config instead."),
            )];
        }
    };
    match section::check_readable(&doc, &section) {
        Err(err @ WebConfigError::ConfigSource { .. }) => vec![finding(
            code::SETTINGS_IN_OTHER_FILE,
            Severity::Info,
            None,
            err.to_string(),
            crate::en!("Check that other file instead."),
        )],
        Err(err) => vec![finding(
            code::SETTINGS_ENCRYPTED,
            Severity::Info,
            None,
            err.to_string(),
            crate::en!("Decrypt the section to check it, or test the settings by typing them in."),
        )],
        Ok(()) => check(&doc, &section),
    }
}

/// Lints a parsed, readable document.
pub(crate) fn check(doc: &Document<'_>, section: &MailSection) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(smtp) = section.smtp() else {
        findings.push(finding(
            code::NO_MAIL_SETTINGS,
            Severity::Info,
            None,
            crate::en!("This web.config has no mail settings (<system.net><mailSettings><smtp>).")
                .to_owned(),
            crate::en!("Test your settings, then use Update to add them."),
        ));
        return findings;
    };
    check_elements(doc, section, &mut findings);
    let smtp = &doc.elements[smtp];
    check_names(doc, smtp, &SMTP_ATTRIBUTES, &mut findings);
    let method = check_smtp(doc, smtp, &mut findings);
    match section.network() {
        Some(network) => {
            let network = &doc.elements[network];
            check_names(doc, network, &NETWORK_ATTRIBUTES, &mut findings);
            check_network(doc, network, method, &mut findings);
            let enable_ssl = super::import::value(network, "enableSsl")
                .and_then(super::import::parse_bool)
                .unwrap_or(false);
            check_tls_version(doc, enable_ssl, &mut findings);
        }
        None if method == DeliveryMethod::Network => findings.push(finding(
            code::HOST_MISSING,
            Severity::Error,
            Some(doc.line(smtp.start)),
            crate::en!(
                "<smtp> has no <network> element, so no mail server is named: sending fails with \
                 \"The SMTP host was not specified.\" unless the site's code sets it."
            )
            .to_owned(),
            crate::en!(
                "Add <network host=\"...\" port=\"587\" enableSsl=\"true\" ... /> inside <smtp> \
                 (Update does it for you)."
            ),
        )),
        None => {}
    }
    findings.sort_by_key(|f| (std::cmp::Reverse(f.severity), f.line));
    findings
}

pub(crate) fn finding(
    code: &'static str,
    severity: Severity,
    line: Option<usize>,
    message: String,
    fix: impl Into<String>,
) -> Finding {
    Finding {
        code,
        severity,
        line,
        message,
        fix: fix.into(),
    }
}

fn check_elements(doc: &Document<'_>, section: &MailSection, findings: &mut Vec<Finding>) {
    for (level, element) in section.present() {
        let found = &doc.elements[element];
        if found.name != CHAIN[level] {
            findings.push(finding(
                code::ELEMENT_NAME_CASE,
                Severity::Error,
                Some(doc.line(found.start)),
                crate::en!(
                    "<{found}> must be written <{right}>: element names are case-sensitive, and \
                     ASP.NET rejects the file as it is.",
                    found = found.name,
                    right = CHAIN[level],
                ),
                crate::en!(
                    "Rename <{found}> to <{right}> (in the opening and the closing tag).",
                    found = found.name,
                    right = CHAIN[level],
                ),
            ));
        }
    }
    for &extra in &section.duplicates {
        let element = &doc.elements[extra];
        findings.push(finding(
            code::DUPLICATE_SECTION,
            Severity::Error,
            Some(doc.line(element.start)),
            crate::en!(
                "<{element}> is written more than once: ASP.NET rejects a section that appears \
                 twice.",
                element = element.name,
            ),
            crate::en!(
                "Keep one <{element}> and remove the other.",
                element = element.name,
            ),
        ));
    }
    if let Some(location) = section.location {
        let element = &doc.elements[location];
        let path = element.attr("path").map_or(".", |a| a.value.as_str());
        findings.push(finding(
            code::INSIDE_LOCATION,
            Severity::Info,
            Some(doc.line(element.start)),
            crate::en!(
                "The mail settings are inside <location path=\"{path}\">, so they apply to that \
                 part of the site.",
                path = path,
            ),
            crate::en!(
                "Usually fine; if the whole site sends mail and this is a sub-folder, move \
                 <system.net> directly under <configuration>."
            ),
        ));
    }
}

fn check_names(doc: &Document<'_>, element: &Element, known: &[&str], findings: &mut Vec<Finding>) {
    for attr in &element.attrs {
        let name = attr.name.as_str();
        if known.contains(&name)
            || LOCK_ATTRIBUTES.contains(&name)
            || name == "xmlns"
            || name.starts_with("xmlns:")
        {
            continue;
        }
        let line = Some(doc.line(attr.name_span.start));
        if let Some(right) = known
            .iter()
            .chain(LOCK_ATTRIBUTES.iter())
            .find(|k| k.eq_ignore_ascii_case(name))
        {
            findings.push(finding(
                code::ATTRIBUTE_CASE,
                Severity::Error,
                line,
                crate::en!(
                    "<{element}> has `{name}`, but .NET only knows `{right}`: attribute names are \
                     case-sensitive, so ASP.NET rejects the whole mail section (\"Unrecognized \
                     attribute '{name}'. Note that attribute names are case-sensitive.\") and no \
                     mail is sent.",
                    element = element.name,
                    name = name,
                    right = right,
                ),
                crate::en!(
                    "Rename `{name}` to `{right}` (Update does it for you).",
                    name = name,
                    right = right,
                ),
            ));
        } else {
            let fix = match likely_meant(name) {
                Some(meant) => crate::en!(
                    "Replace `{name}` with `{meant}` (the name .NET knows).",
                    name = name,
                    meant = meant,
                ),
                None => crate::en!(
                    "Remove `{name}`. <{element}> knows: {known}.",
                    name = name,
                    element = element.name,
                    known = known.join(", "),
                ),
            };
            findings.push(finding(
                code::UNKNOWN_ATTRIBUTE,
                Severity::Error,
                line,
                crate::en!(
                    "<{element}> has `{name}`, which is not a .NET mail setting: ASP.NET rejects \
                     the whole mail section (\"Unrecognized attribute '{name}'.\") and no mail is \
                     sent.",
                    element = element.name,
                    name = name,
                ),
                fix,
            ));
        }
    }
}

/// The attribute people mean by common wrong names (from other mail libraries).
fn likely_meant(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "ssl" | "usessl" | "enabletls" | "usetls" | "tls" | "secure" | "enablestarttls"
        | "starttls" => Some("enableSsl"),
        "user" | "login" | "userid" | "user_name" | "account" => Some("userName"),
        "pass" | "pwd" | "passwd" => Some("password"),
        "server" | "smtpserver" | "hostname" | "smtphost" | "address" => Some("host"),
        "smtpport" => Some("port"),
        "sender" | "fromaddress" | "mailfrom" => Some("from"),
        _ => None,
    }
}
