//! appsettings.json (ASP.NET Core): the mail section the application binds its settings from.
//!
//! ASP.NET Core has no standard mail section: applications bind their own, most often named
//! `Smtp`, `SmtpSettings`, `MailSettings` or `EmailSettings`, and send with MailKit. Keys are
//! case-insensitive, as in .NET's configuration. .NET's JSON reader allows `//` and `/* */`
//! comments and trailing commas: they are blanked out (keeping every line and column) before
//! `serde_json` reads the file.
//!
//! Security: MailKit's `SecureSocketOptions` when given (`None`, `Auto`, `SslOnConnect`,
//! `StartTls`, `StartTlsWhenAvailable`, or their numbers 0 to 4); otherwise a switch such as
//! `EnableSsl` (true: SSL on connect on port 465, STARTTLS elsewhere; false: plain text);
//! otherwise MailKit's default, `Auto` (SSL on connect on 465, STARTTLS when offered elsewhere).

use serde_json::{Map, Value};

use super::super::model::{SiteSettings, Transport, Unreadable};
use crate::secret::Password;
use crate::settings::Framework;

/// The section names looked for, in this order, at the top level and then one level down
/// (`"AppSettings": { "Smtp": { ... } }`).
const SECTIONS: [&str; 8] = [
    "Smtp",
    "SmtpSettings",
    "MailSettings",
    "EmailSettings",
    "Email",
    "Mail",
    "EmailConfiguration",
    "MailKit",
];
/// A section is a mail section when it holds one of these.
const HOST_KEYS: [&str; 4] = ["Host", "Server", "SmtpServer", "SmtpHost"];
const PORT_KEYS: [&str; 2] = ["Port", "SmtpPort"];
const USER_KEYS: [&str; 5] = ["UserName", "User", "Login", "SmtpUser", "SmtpUserName"];
const PASSWORD_KEYS: [&str; 4] = ["Password", "Pass", "SmtpPassword", "SmtpPass"];
const SWITCH_KEYS: [&str; 6] = [
    "EnableSsl",
    "UseSsl",
    "Ssl",
    "UseStartTls",
    "EnableTls",
    "UseTls",
];
const FROM_KEYS: [&str; 4] = ["From", "FromAddress", "SenderEmail", "FromEmail"];
/// MailKit's `SecureSocketOptions`, in the order of their numbers.
const SOCKET_OPTIONS: [(&str, Security); 5] = [
    ("None", Security::None),
    ("Auto", Security::Auto),
    ("SslOnConnect", Security::SslOnConnect),
    ("StartTls", Security::StartTls),
    ("StartTlsWhenAvailable", Security::StartTlsWhenAvailable),
];

/// Reads the mail section of an appsettings.json. `None`: no mail section (a section named
/// `Smtp`, `SmtpSettings`, `MailSettings`, `EmailSettings`, `Email`, `Mail`,
/// `EmailConfiguration` or `MailKit`, at the top level or one level down, holding a `Host`,
/// `Server`, `SmtpServer` or `SmtpHost`). Errors: broken JSON (line and column, never the text), and values
/// .NET could not bind (a port that is not a number, an unknown `SecureSocketOptions`).
pub fn read(text: &str) -> Option<Result<SiteSettings, Unreadable>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = match relaxed_to_strict(text).and_then(|json| {
        serde_json::from_str(&json).map_err(|err| Unreadable::Malformed {
            what: "JSON",
            detail: crate::en!(
                "line {line}, column {column}: {problem}",
                line = err.line(),
                column = err.column(),
                problem = problem(&err)
            ),
        })
    }) {
        Ok(root) => root,
        Err(err) => return Some(Err(err)),
    };
    let section = find_section(root.as_object()?)?;
    Some(settings(section))
}

/// The first mail section, top level first.
fn find_section(root: &Map<String, Value>) -> Option<&Map<String, Value>> {
    section_in(root).or_else(|| {
        root.values()
            .filter_map(Value::as_object)
            .find_map(section_in)
    })
}

/// The first mail section directly in `level`.
fn section_in(level: &Map<String, Value>) -> Option<&Map<String, Value>> {
    SECTIONS.iter().find_map(|name| {
        get(level, &[name])
            .and_then(Value::as_object)
            .filter(|section| get(section, &HOST_KEYS).is_some())
    })
}

fn settings(section: &Map<String, Value>) -> Result<SiteSettings, Unreadable> {
    let invalid = |detail: String| Unreadable::Malformed {
        what: "JSON",
        detail,
    };
    let given_port = match get(section, &PORT_KEYS) {
        None | Some(Value::Null) => None,
        Some(value) => Some(
            text(value)
                .and_then(|port| port.trim().parse::<u32>().ok())
                .ok_or_else(|| {
                    invalid(crate::en!("the mail section's port is not a whole number").into())
                })?,
        ),
    };
    let security = match get(section, &["SecureSocketOptions"]) {
        Some(value) => socket_option(value).ok_or_else(|| {
            invalid(
                crate::en!(
                    "SecureSocketOptions is not one of None, Auto, SslOnConnect, StartTls, \
                     StartTlsWhenAvailable (or 0 to 4)"
                )
                .into(),
            )
        })?,
        None => match get(section, &SWITCH_KEYS) {
            Some(value) => Security::Switch(switch(value).ok_or_else(|| {
                invalid(crate::en!("the mail section's SSL switch is not true or false").into())
            })?),
            None => Security::Auto,
        },
    };
    // MailKit's port 0: 465 for SSL on connect, else 25.
    let port = given_port.unwrap_or(if security == Security::SslOnConnect {
        465
    } else {
        25
    });
    let transport = match security {
        Security::None | Security::Switch(false) => Transport::Plain,
        Security::SslOnConnect => Transport::ImplicitTls,
        Security::Auto | Security::Switch(true) if port == 465 => Transport::ImplicitTls,
        Security::StartTls | Security::Switch(true) => Transport::StartTls,
        Security::StartTlsWhenAvailable | Security::Auto => Transport::StartTlsIfOffered,
    };
    let password = get(section, &PASSWORD_KEYS)
        .and_then(text)
        .unwrap_or_default();
    let user = get(section, &USER_KEYS)
        .or_else(|| get(section, &["Email"]).filter(|_| !password.is_empty()))
        .and_then(text)
        .unwrap_or_default();
    let from = match get(section, &FROM_KEYS) {
        Some(Value::Object(from)) => get(from, &["Address", "Email"]).and_then(text),
        other => other.and_then(text),
    };
    Ok(SiteSettings {
        host: get(section, &HOST_KEYS).and_then(text).unwrap_or_default(),
        port,
        transport,
        user,
        password: Password::new(password),
        from: from.unwrap_or_default(),
        framework: Framework::Core,
        enable_ssl: None,
    })
}

/// How the section asks for encryption: MailKit's `SecureSocketOptions`, or a switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    None,
    Auto,
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
    /// An `EnableSsl`-style switch.
    Switch(bool),
}

/// A `SecureSocketOptions` value: a name in any case, or its number.
fn socket_option(value: &Value) -> Option<Security> {
    let value = text(value)?;
    let value = value.trim();
    let by_number = value
        .parse::<usize>()
        .ok()
        .and_then(|n| SOCKET_OPTIONS.get(n));
    SOCKET_OPTIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(value))
        .or(by_number)
        .map(|(_, security)| *security)
}

/// `true` / `false`, as a JSON boolean or text (any case).
fn switch(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The first of `keys` in `section`, in any letter case.
fn get<'a>(section: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| {
        section
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(key))
            .map(|(_, value)| value)
    })
}

/// A value as .NET's configuration sees it: text (numbers and booleans written as text);
/// `None` for `null`, objects and arrays.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// What a `serde_json` error means, in plain words (its own message may quote the text).
fn problem(err: &serde_json::Error) -> &'static str {
    match err.classify() {
        serde_json::error::Category::Eof => {
            crate::en!("the file ends inside a value (a bracket or a quote is not closed)")
        }
        _ => crate::en!("this is not valid JSON (a missing comma, quote or bracket?)"),
    }
}

/// The text with comments and trailing commas blanked out (same lines and columns), as .NET's
/// reader skips them. An unclosed `/*` is an error, as in .NET.
fn relaxed_to_strict(text: &str) -> Result<String, Unreadable> {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut in_string = false;
    let mut comma: Option<usize> = None;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        if in_string {
            match byte {
                b'\\' => at += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if byte == b'/' && next == Some(b'/') {
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |end| at + end);
            blank(at, end, &mut out);
            at = end;
            continue;
        } else if byte == b'/' && next == Some(b'*') {
            let Some(end) = bytes[at + 2..].windows(2).position(|pair| pair == b"*/") else {
                let line = bytes[..at].split(|&b| b == b'\n').count();
                return Err(Unreadable::Malformed {
                    what: "JSON",
                    detail: crate::en!(
                        "line {line}: a /* comment starts here and is never closed",
                        line = line
                    ),
                });
            };
            let end = at + 2 + end + 2;
            blank(at, end, &mut out);
            at = end;
            continue;
        } else {
            match byte {
                b'"' => {
                    in_string = true;
                    comma = None;
                }
                b',' => comma = Some(at),
                b'}' | b']' => {
                    if let Some(comma) = comma.take() {
                        out[comma] = b' ';
                    }
                }
                _ if byte.is_ascii_whitespace() => {}
                _ => comma = None,
            }
        }
        at += 1;
    }
    // Only ASCII bytes were replaced, by spaces, and whole comments at that: still UTF-8.
    String::from_utf8(out).map_err(|_| Unreadable::Binary)
}

/// Spaces over `out[from..to]`, line breaks kept.
fn blank(from: usize, to: usize, out: &mut [u8]) {
    for byte in &mut out[from..to] {
        if *byte != b'\n' && *byte != b'\r' {
            *byte = b' ';
        }
    }
}

#[cfg(test)]
#[path = "appsettings_tests.rs"]
mod tests;
