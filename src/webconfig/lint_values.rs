//! The value checks of `<smtp>` and `<network>`: delivery method, host, port, booleans and the
//! sign-in, each finding saying what breaks and how to fix it.

use super::Finding;
use super::document::{Document, Element};
use super::import::{parse_bool, parse_delivery_method, parse_port, value};
use super::lint::{code, finding};
use crate::settings::{DeliveryMethod, Severity};

/// Checks `<smtp>`; returns the delivery method it asks for.
pub(crate) fn check_smtp(
    doc: &Document<'_>,
    smtp: &Element,
    findings: &mut Vec<Finding>,
) -> DeliveryMethod {
    let line = Some(doc.line(smtp.start));
    if value(smtp, "from").is_none_or(|from| from.trim().is_empty()) {
        findings.push(finding(
            code::FROM_MISSING,
            Severity::Warning,
            line,
            crate::en!("<smtp> has no `from` address, so every message the site sends must set its own sender; where the code does not, sending fails with \"A from address must be specified.\"").to_owned(),
            crate::en!("Add from=\"you@yourdomain.com\" to <smtp>, with an address the mail server lets you send as."),
        ));
    }
    if let Some(format) = value(smtp, "deliveryFormat")
        && !["SevenBit", "International"]
            .iter()
            .any(|f| f.eq_ignore_ascii_case(format.trim()))
    {
        findings.push(finding(
            code::DELIVERY_FORMAT_INVALID,
            Severity::Error,
            line,
            crate::en!(
                "deliveryFormat=\"{format}\" is not a delivery format: ASP.NET rejects the mail \
                 section.",
                format = format,
            ),
            crate::en!("Remove deliveryFormat (the default, SevenBit, suits almost every site) or write SevenBit or International."),
        ));
    }
    let Some(raw) = value(smtp, "deliveryMethod") else {
        return DeliveryMethod::Network;
    };
    match parse_delivery_method(raw) {
        None => {
            findings.push(finding(
                code::DELIVERY_METHOD_INVALID,
                Severity::Error,
                line,
                crate::en!(
                    "deliveryMethod=\"{value}\" is not a delivery method: ASP.NET rejects the \
                     mail section.",
                    value = raw,
                ),
                crate::en!("Write deliveryMethod=\"Network\" to send through the mail server."),
            ));
            DeliveryMethod::Network
        }
        Some(DeliveryMethod::Network) => DeliveryMethod::Network,
        Some(other) => {
            findings.push(finding(
                code::DELIVERY_METHOD_NOT_NETWORK,
                Severity::Warning,
                line,
                crate::en!(
                    "deliveryMethod=\"{value}\" writes each message as a file into a folder \
                     instead of sending it: nothing reaches the mail server, whatever <network> \
                     says.",
                    value = raw,
                ),
                crate::en!("Write deliveryMethod=\"Network\" to send through the mail server (keep the folder only on a test site)."),
            ));
            other
        }
    }
}

/// Checks `<network>`; `method` is the delivery method `<smtp>` asks for.
pub(crate) fn check_network(
    doc: &Document<'_>,
    network: &Element,
    method: DeliveryMethod,
    findings: &mut Vec<Finding>,
) {
    let element_line = Some(doc.line(network.start));
    let line_of = |name: &str| {
        network
            .attr_any_case(name)
            .map_or(element_line, |a| Some(doc.line(a.name_span.start)))
    };
    let host = value(network, "host").unwrap_or_default().trim();
    if method == DeliveryMethod::Network && host.is_empty() {
        findings.push(finding(
            code::HOST_MISSING,
            Severity::Error,
            line_of("host"),
            crate::en!("No mail server is named (`host` is missing or empty), so sending fails with \"The SMTP host was not specified.\" unless the site's code sets it.").to_owned(),
            crate::en!("Add host=\"smtp.yourprovider.com\" to <network>."),
        ));
    }
    let port = value(network, "port");
    if let Some(raw) = port {
        match parse_port(raw) {
            Some(465) => findings.push(finding(
                code::PORT_465,
                Severity::Error,
                line_of("port"),
                crate::en!("port=\"465\" is for SSL on connect, which System.Net.Mail cannot do: it waits for a greeting that never comes and fails after 100 seconds with \"The operation has timed out.\"").to_owned(),
                crate::en!("Use port=\"587\" with enableSsl=\"true\" (STARTTLS), and test it first."),
            )),
            Some(1..=65535) => {}
            Some(_) => findings.push(finding(
                code::PORT_INVALID,
                Severity::Error,
                line_of("port"),
                crate::en!(
                    "port=\"{value}\" is outside 1–65535: ASP.NET rejects the mail section.",
                    value = raw,
                ),
                crate::en!("Use port=\"587\" (the usual port for sending from websites) unless your provider says otherwise."),
            )),
            None => findings.push(finding(
                code::PORT_INVALID,
                Severity::Error,
                line_of("port"),
                crate::en!(
                    "port=\"{value}\" is not a whole number: ASP.NET rejects the mail section.",
                    value = raw,
                ),
                crate::en!("Use port=\"587\" (the usual port for sending from websites) unless your provider says otherwise."),
            )),
        }
    }
    // `None`: neither true nor false (already an error); no finding then reads it as false.
    let ssl_value = check_bool(
        doc,
        network,
        "enableSsl",
        code::ENABLE_SSL_INVALID,
        crate::en!("encrypt the connection with STARTTLS"),
        findings,
    );
    let enable_ssl = ssl_value.unwrap_or(false);
    let default_credentials = check_bool(
        doc,
        network,
        "defaultCredentials",
        code::DEFAULT_CREDENTIALS_INVALID,
        crate::en!("sign in as the website's Windows account"),
        findings,
    )
    .unwrap_or(false);
    if enable_ssl && method != DeliveryMethod::Network {
        findings.push(finding(
            code::SSL_WITH_PICKUP_DIRECTORY,
            Severity::Error,
            line_of("enableSsl"),
            crate::en!("enableSsl is true while deliveryMethod writes to a folder: .NET stops with \"SSL must not be enabled for pickup-directory delivery methods.\"").to_owned(),
            crate::en!("Write deliveryMethod=\"Network\" to send through the server, or enableSsl=\"false\" to keep the folder."),
        ));
    }
    let signs_in = SignIn {
        user: value(network, "userName").unwrap_or_default(),
        password: value(network, "password").unwrap_or_default(),
        enable_ssl: ssl_value,
        default_credentials,
        port: port.and_then(parse_port),
        host,
    };
    check_credentials(line_of, &signs_in, findings);
}

/// What decides whether and how safely ASP.NET signs in.
struct SignIn<'a> {
    user: &'a str,
    password: &'a str,
    /// `None` when the attribute is neither true nor false.
    enable_ssl: Option<bool>,
    default_credentials: bool,
    port: Option<u32>,
    host: &'a str,
}

/// Reads a boolean attribute, reporting a value that is neither true nor false.
fn check_bool(
    doc: &Document<'_>,
    network: &Element,
    name: &str,
    code: &'static str,
    meaning: &str,
    findings: &mut Vec<Finding>,
) -> Option<bool> {
    let Some(attr) = network.attr_any_case(name) else {
        return Some(false);
    };
    let parsed = parse_bool(&attr.value);
    if parsed.is_none() {
        findings.push(finding(
            code,
            Severity::Error,
            Some(doc.line(attr.name_span.start)),
            crate::en!(
                "{name}=\"{value}\" is neither true nor false: ASP.NET rejects the mail section.",
                name = name,
                value = attr.value,
            ),
            crate::en!(
                "Write {name}=\"true\" ({meaning}) or {name}=\"false\".",
                name = name,
                meaning = meaning,
            ),
        ));
    }
    parsed
}

fn check_credentials(
    line_of: impl Fn(&str) -> Option<usize>,
    sign_in: &SignIn<'_>,
    findings: &mut Vec<Finding>,
) {
    let SignIn {
        user,
        password,
        enable_ssl,
        default_credentials,
        port,
        host,
    } = *sign_in;
    let has_user = !user.trim().is_empty();
    if default_credentials && has_user {
        findings.push(finding(
            code::DEFAULT_CREDENTIALS_WITH_USER,
            Severity::Warning,
            line_of("defaultCredentials"),
            crate::en!("defaultCredentials=\"true\" makes ASP.NET sign in as the website's Windows account: userName and password are ignored.").to_owned(),
            crate::en!("Write defaultCredentials=\"false\" to sign in with userName and password (or remove userName if the Windows account is meant)."),
        ));
    }
    if has_user && password.is_empty() && !default_credentials {
        findings.push(finding(
            code::PASSWORD_MISSING,
            Severity::Warning,
            line_of("userName"),
            crate::en!(
                "userName is set but there is no password, so the server will refuse the sign-in."
            )
            .to_owned(),
            crate::en!(
                "Add password=\"...\" to <network> (or update the file with the password included)."
            ),
        ));
    }
    if !has_user && !password.is_empty() {
        findings.push(finding(
            code::USER_NAME_MISSING,
            Severity::Warning,
            line_of("password"),
            crate::en!("A password is set but userName is empty, so ASP.NET does not sign in at all (without a user name it sends no credentials).").to_owned(),
            crate::en!("Add userName=\"...\" (usually the full email address), or remove the password."),
        ));
    }
    let local = ["localhost", "127.0.0.1", "::1"].contains(&host);
    if has_user && !default_credentials && enable_ssl == Some(false) && port != Some(465) && !local
    {
        findings.push(finding(
            code::PASSWORD_UNENCRYPTED,
            Severity::Warning,
            line_of("enableSsl"),
            crate::en!("enableSsl is false, so the user name and password cross the network unencrypted (and many servers refuse to sign in without encryption).").to_owned(),
            crate::en!("Write enableSsl=\"true\" if the server offers STARTTLS (test it first)."),
        ));
    }
    if !password.is_empty() {
        findings.push(finding(
            code::PASSWORD_PLAIN_TEXT,
            Severity::Info,
            line_of("password"),
            crate::en!("The password is written in plain text in web.config: anyone who can read this file can read it.").to_owned(),
            crate::en!("Once the settings work, encrypt the section on the server: aspnet_regiis -pe \"system.net/mailSettings/smtp\" -app \"/YourSite\" (ASP.NET decrypts it by itself)."),
        ));
    }
}
