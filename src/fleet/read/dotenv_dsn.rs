//! Symfony Mailer's DSN (`smtp://user:password@host:port?option=value`), read the way PHP's
//! `parse_url` and Symfony's `Dsn::fromString` read it, and how Symfony Mailer then connects.

use super::super::super::model::{Transport, Unreadable};

/// The TLS options a DSN's query may carry (Symfony 7.1+).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TlsOptions {
    /// `auto_tls` (default on): STARTTLS when offered; off means plain text.
    pub auto_tls: bool,
    /// `require_tls`: fail when the connection is not encrypted.
    pub require_tls: bool,
}

impl Default for TlsOptions {
    fn default() -> Self {
        Self {
            auto_tls: true,
            require_tls: false,
        }
    }
}

/// An `smtp://` or `smtps://` DSN.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Dsn {
    /// `smtps://`: SSL on connect.
    pub smtps: bool,
    /// The host as written (an IPv6 address without its brackets).
    pub host: String,
    /// The port, when the DSN gives one.
    pub port: Option<u32>,
    /// The user name, percent-decoded.
    pub user: String,
    /// The password, percent-decoded.
    pub password: String,
    /// `auto_tls` and `require_tls`.
    pub tls: TlsOptions,
}

impl Dsn {
    /// Reads the DSN in variable `key`. `Ok(None)`: not SMTP (`null://`, `sendmail://`,
    /// `native://`, API and provider transports such as `ses+api://` or `gmail+smtp://`).
    /// Errors never quote the DSN (it holds the password).
    pub(super) fn parse(key: &str, text: &str) -> Result<Option<Self>, Unreadable> {
        let text = text.trim();
        let invalid = |detail: String| Unreadable::Malformed {
            what: ".env",
            detail,
        };
        if text.starts_with("failover(") || text.starts_with("roundrobin(") {
            return Err(Unreadable::Elsewhere(crate::en!(
                "{key} names several mail servers (failover or roundrobin): check each of them on \
                 its own",
                key = key
            )));
        }
        let Some((scheme, rest)) = text.split_once("://") else {
            return Err(invalid(crate::en!(
                "{key} is not a mail server address that Symfony Mailer accepts (it has no scheme \
                 such as smtp://); the form is smtp://user:password@host:port",
                key = key
            )));
        };
        let smtps = match scheme {
            "smtp" => false,
            "smtps" => true,
            _ => return Ok(None),
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let query = tail
            .split_once('?')
            .map_or("", |(_, query)| query.split('#').next().unwrap_or(""));
        let (userinfo, host_port) = authority.rsplit_once('@').unwrap_or(("", authority));
        let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
        let (host, port) = split_host_port(host_port);
        if host.is_empty() {
            return Err(invalid(crate::en!(
                "{key} is not a mail server address that Symfony Mailer accepts (it names no \
                 host); the form is smtp://user:password@host:port",
                key = key
            )));
        }
        let port = match port.filter(|port| !port.is_empty()) {
            Some(port) => Some(port.parse().map_err(|_| {
                invalid(crate::en!(
                    "{key} is not a mail server address that Symfony Mailer accepts (its port is \
                     not a whole number); the form is smtp://user:password@host:port",
                    key = key
                ))
            })?),
            None => None,
        };
        let mut tls = TlsOptions::default();
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(&value.replace('+', " "));
            match decode(name).as_str() {
                "auto_tls" => tls.auto_tls = value.is_empty() || php_bool(&value),
                "require_tls" => tls.require_tls = php_bool(&value),
                _ => {}
            }
        }
        Ok(Some(Self {
            smtps,
            host: host.to_owned(),
            port,
            user: decode(user),
            password: decode(password),
            tls,
        }))
    }
}

/// The port and security Symfony Mailer's `EsmtpTransport` ends up with: SSL on connect for
/// `smtps`, for port 465, and (with `auto_tls` on) for no port at all unless the host is
/// `localhost` (then 465); otherwise STARTTLS when offered, or plain text with `auto_tls`
/// off. Port 0 means "not given".
pub(super) fn connection(host: &str, port: u32, smtps: bool, tls: TlsOptions) -> (u32, Transport) {
    let implicit = smtps || (tls.auto_tls && (port == 465 || (port == 0 && host != "localhost")));
    let port = match port {
        0 if implicit => 465,
        0 => 25,
        port => port,
    };
    let transport = if implicit {
        Transport::ImplicitTls
    } else if !tls.auto_tls {
        Transport::Plain
    } else if tls.require_tls {
        Transport::StartTls
    } else {
        Transport::StartTlsIfOffered
    };
    (port, transport)
}

/// `host:port` or `[v6]:port` → the host and the port text.
fn split_host_port(text: &str) -> (&str, Option<&str>) {
    if let Some(bracketed) = text.strip_prefix('[')
        && let Some((host, after)) = bracketed.split_once(']')
    {
        return (host, after.strip_prefix(':'));
    }
    match text.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (text, None),
    }
}

/// PHP's `rawurldecode` (`%40` → `@`; `+` stays).
fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// PHP's `FILTER_VALIDATE_BOOL`: `1`, `true`, `on`, `yes` in any case.
fn php_bool(value: &str) -> bool {
    ["1", "true", "on", "yes"]
        .iter()
        .any(|word| value.trim().eq_ignore_ascii_case(word))
}
