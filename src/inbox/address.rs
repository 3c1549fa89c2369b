//! The mailbox to look in, written as `imaps://user@host[:port]` (or `imap://` for STARTTLS).

use std::fmt;

use percent_encoding::percent_decode_str;
use serde::Serialize;

/// How the IMAP connection is encrypted. There is no unencrypted choice: the mailbox password
/// never crosses the network readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImapSecurity {
    /// `imaps://`: TLS from the first byte (port 993).
    Tls,
    /// `imap://`: STARTTLS before signing in (port 143); a server without it is refused.
    StartTls,
}

impl ImapSecurity {
    /// The usual port.
    pub fn default_port(self) -> u16 {
        match self {
            Self::Tls => 993,
            Self::StartTls => 143,
        }
    }

    fn scheme(self) -> &'static str {
        match self {
            Self::Tls => "imaps",
            Self::StartTls => "imap",
        }
    }
}

/// A mailbox: who signs in, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailboxAddress {
    /// The IMAP user name (often the email address).
    pub user: String,
    /// The IMAP server.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// How the connection is encrypted.
    pub security: ImapSecurity,
}

impl MailboxAddress {
    /// Reads `imaps://user@host[:port]` or `imap://user@host[:port]`. The user name may hold an
    /// `@` (`imaps://info@shop.example@mail.shop.example`: the last `@` ends it) or be
    /// percent-encoded. The error says what is wrong and shows the expected form.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let address = shown(text);
        let with_shape = |problem: String| format!("{problem} {}", shape());
        let (scheme, rest) = text.split_once("://").ok_or_else(|| {
            with_shape(crate::en!(
                "\"{address}\" is not a mailbox address.",
                address = address
            ))
        })?;
        let security = match scheme.to_ascii_lowercase().as_str() {
            "imaps" => ImapSecurity::Tls,
            "imap" => ImapSecurity::StartTls,
            other => {
                return Err(with_shape(crate::en!(
                    "\"{address}\" is not an IMAP address ({scheme}:// is not imap:// or \
                     imaps://).",
                    address = address,
                    scheme = shown(other)
                )));
            }
        };
        let rest = rest.trim_end_matches('/');
        let no_user = || {
            with_shape(crate::en!(
                "\"{address}\" names no user.",
                address = address
            ))
        };
        let (user, server) = rest.rsplit_once('@').ok_or_else(no_user)?;
        let user = percent_decode_str(user)
            .decode_utf8()
            .map_err(|_| {
                crate::en!(
                    "the user name in \"{address}\" is not valid text",
                    address = address
                )
            })?
            .into_owned();
        if user.trim().is_empty() {
            return Err(no_user());
        }
        let (host, port) = split_port(server, security, &address).map_err(with_shape)?;
        Ok(Self {
            user,
            host,
            port,
            security,
        })
    }

    /// The keyring account of its password (`user@host:port`, like the SMTP passwords).
    pub fn account(&self) -> crate::credentials::Account {
        crate::credentials::Account::new(&self.user, &self.host, u32::from(self.port))
    }
}

impl fmt::Display for MailboxAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}://{}@{}:{}",
            self.security.scheme(),
            self.user,
            self.host,
            self.port
        )
    }
}

/// How a mailbox address is written, after what is wrong with one.
fn shape() -> &'static str {
    crate::en!(
        "Write it as imaps://you@example.com@mail.example.com (or imap:// for STARTTLS on port \
         143), with :PORT at the end if it is not the usual one."
    )
}

/// The host and port of `server` (in the mailbox address `address`, for the error).
fn split_port(
    server: &str,
    security: ImapSecurity,
    address: &str,
) -> Result<(String, u16), String> {
    let (host, port) = match server.rsplit_once(':') {
        Some((host, _)) if !host.ends_with(']') && host.contains(':') => {
            // A bare IPv6 address without brackets: no port.
            (server, None)
        }
        Some((host, port)) => (host, Some(port)),
        None => (server, None),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = match port {
        None => security.default_port(),
        Some(port) => match port.parse::<u16>() {
            Ok(port) if port > 0 => port,
            _ => {
                return Err(crate::en!(
                    "\"{port}\" is not a port number in \"{address}\".",
                    port = shown(port),
                    address = address
                ));
            }
        },
    };
    let host = if host.parse::<std::net::IpAddr>().is_ok() {
        host.to_owned()
    } else {
        crate::dns::ascii_name(host).ok_or_else(|| {
            crate::en!(
                "\"{host}\" is not a server name in \"{address}\".",
                host = shown(host),
                address = address
            )
        })?
    };
    Ok((host, port))
}

fn shown(text: &str) -> String {
    crate::untrusted::displayable_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_user_with_at_sign_host_and_port() {
        let mailbox = MailboxAddress::parse("imaps://info@shop.example@mail.shop.example:9993")
            .expect("valid");
        assert_eq!(mailbox.user, "info@shop.example");
        assert_eq!(mailbox.host, "mail.shop.example");
        assert_eq!(mailbox.port, 9993);
        assert_eq!(mailbox.security, ImapSecurity::Tls);
        assert_eq!(
            mailbox.to_string(),
            "imaps://info@shop.example@mail.shop.example:9993"
        );
    }

    #[test]
    fn default_ports_percent_encoding_and_ip_addresses() {
        let mailbox = MailboxAddress::parse("IMAP://info%40shop.example@127.0.0.1").expect("ok");
        assert_eq!(mailbox.user, "info@shop.example");
        assert_eq!((mailbox.host.as_str(), mailbox.port), ("127.0.0.1", 143));
        assert_eq!(mailbox.security, ImapSecurity::StartTls);
        let v6 = MailboxAddress::parse("imaps://u@[::1]:1993").expect("ok");
        assert_eq!((v6.host.as_str(), v6.port), ("::1", 1993));
        let plain = MailboxAddress::parse("imaps://u@Mail.Example.COM").expect("ok");
        assert_eq!((plain.host.as_str(), plain.port), ("mail.example.com", 993));
    }

    #[test]
    fn bad_addresses_say_what_is_wrong() {
        for (text, expected) in [
            ("mail.example.com", "is not a mailbox address"),
            ("pop3://u@mail.example.com", "is not an IMAP address"),
            ("imaps://mail.example.com", "names no user"),
            ("imaps://@mail.example.com", "names no user"),
            ("imaps://u@mail.example.com:99999", "is not a port number"),
            ("imaps://u@mail..example.com", "is not a server name"),
        ] {
            let err = MailboxAddress::parse(text).expect_err(text);
            assert!(err.contains(expected), "{text}: {err}");
            assert!(err.contains("imaps://"), "{text}: shows the form: {err}");
        }
    }
}
