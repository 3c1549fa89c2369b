//! Reading the mail settings out of a web.config, and the value rules .NET applies to them.

use super::document::{Document, Element};
use super::error::WebConfigError;
use super::section::{self, MailSection};
use super::{Imported, lint};
use crate::secret::Password;
use crate::settings::{DeliveryMethod, Framework, Settings};

/// Reads the mail settings of a web.config (or of a `configSource` file whose root is `<smtp>`).
///
/// Attributes are read in any letter case (so `enablessl="true"` imports as `enableSsl`), and
/// the findings say what ASP.NET would reject. Missing attributes take .NET's defaults (port 25,
/// `enableSsl` false). Errors: broken XML, not a configuration file, no mail settings, settings
/// kept in another file or encrypted.
pub fn import(text: &str) -> Result<Imported, WebConfigError> {
    let doc = Document::parse(text)?;
    let section = section::locate(&doc)?;
    section::check_readable(&doc, &section)?;
    if section.smtp().is_none() {
        return Err(WebConfigError::NoMailSettings);
    }
    let target_framework = section::target_framework(&doc);
    let mut settings = settings_of(&doc, &section);
    settings.framework = if section::is_aspnet_core(&doc) {
        Framework::Core
    } else {
        target_framework
            .as_deref()
            .and_then(Framework::from_target_framework)
            .unwrap_or_default()
    };
    Ok(Imported {
        settings,
        findings: lint::check(&doc, &section),
        target_framework,
    })
}

/// The settings the section means, with .NET's defaults for what is missing or unreadable.
pub(crate) fn settings_of(doc: &Document<'_>, section: &MailSection) -> Settings {
    let mut settings = Settings {
        port: 25,
        enable_ssl: false,
        ..Settings::default()
    };
    if let Some(smtp) = section.smtp() {
        let smtp = &doc.elements[smtp];
        value(smtp, "from")
            .unwrap_or_default()
            .clone_into(&mut settings.from);
        if let Some(method) = value(smtp, "deliveryMethod").and_then(parse_delivery_method) {
            settings.delivery_method = method;
        }
    }
    if let Some(network) = section.network() {
        let network = &doc.elements[network];
        value(network, "host")
            .unwrap_or_default()
            .clone_into(&mut settings.host);
        if let Some(port) = value(network, "port").and_then(parse_port) {
            settings.port = port;
        }
        settings.enable_ssl = value(network, "enableSsl")
            .and_then(parse_bool)
            .unwrap_or(false);
        settings.default_credentials = value(network, "defaultCredentials")
            .and_then(parse_bool)
            .unwrap_or(false);
        value(network, "userName")
            .unwrap_or_default()
            .clone_into(&mut settings.user_name);
        settings.password = Password::new(value(network, "password").unwrap_or_default());
        value(network, "clientDomain")
            .unwrap_or_default()
            .clone_into(&mut settings.client_domain);
    }
    settings
}

/// An attribute's value, in any letter case.
pub(crate) fn value<'e>(element: &'e Element, name: &str) -> Option<&'e str> {
    element.attr_any_case(name).map(|a| a.value.as_str())
}

/// `true`/`false` in any case, surrounding spaces allowed (as `Boolean.Parse`).
pub(crate) fn parse_bool(value: &str) -> Option<bool> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("true") {
        Some(true)
    } else if value.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A whole non-negative number (range is checked separately, so 70000 can be reported).
pub(crate) fn parse_port(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

/// `deliveryMethod`, whose value .NET reads in any letter case.
pub(crate) fn parse_delivery_method(value: &str) -> Option<DeliveryMethod> {
    let value = value.trim();
    [
        DeliveryMethod::Network,
        DeliveryMethod::SpecifiedPickupDirectory,
        DeliveryMethod::PickupDirectoryFromIis,
    ]
    .into_iter()
    .find(|method| delivery_method_name(*method).eq_ignore_ascii_case(value))
}

/// How web.config spells a delivery method.
pub(crate) fn delivery_method_name(method: DeliveryMethod) -> &'static str {
    match method {
        DeliveryMethod::Network => "Network",
        DeliveryMethod::SpecifiedPickupDirectory => "SpecifiedPickupDirectory",
        DeliveryMethod::PickupDirectoryFromIis => "PickupDirectoryFromIis",
    }
}
