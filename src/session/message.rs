//! The test message: built by lettre, describing the settings tested, never the password.
//!
//! It is built before `MAIL FROM`, so an address that cannot go into it stops the test before
//! the server is asked anything. What the user typed goes into the body only after every control
//! character is escaped (a CR or LF there could end a line early and add a header, or end the
//! message), and the headers are lettre's (encoded-words, folding).

use std::fmt::Write as _;
use std::net::IpAddr;

use lettre::message::header::{ContentType, MIME_VERSION_1_0};
use lettre::message::{Mailbox, Mailboxes};
use lettre::{Address, Message};
use ring::rand::{SecureRandom, SystemRandom};

use crate::settings::address::AddressRole;
use crate::settings::{SessionPlan, Target};
use crate::untrusted::displayable_str;

/// The display name of the `From:` line.
const FROM_NAME: &str = "Mail Settings Tester";

/// A formatted message ready for DATA, and its Message-ID.
pub struct TestMessage {
    /// RFC 5322 bytes with CRLF line ends (not yet dot-stuffed).
    pub bytes: Vec<u8>,
    /// The Message-ID header value.
    pub message_id: String,
}

/// The addresses as `MAIL FROM` and `RCPT TO` carry them (international domains in their
/// ASCII form), and whether the envelope needs SMTPUTF8 (RFC 6531).
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The sender.
    pub from: Address,
    /// The test recipient.
    pub to: Address,
    /// Whether `MAIL FROM` carries the `SMTPUTF8` parameter (a local part outside ASCII, on a
    /// server that offers it).
    pub smtputf8: bool,
}

impl Envelope {
    /// The `MAIL FROM` command.
    pub fn mail_from(&self) -> String {
        if self.smtputf8 {
            format!("MAIL FROM:<{}> SMTPUTF8", self.from)
        } else {
            format!("MAIL FROM:<{}>", self.from)
        }
    }

    /// The `RCPT TO` command.
    pub fn rcpt_to(&self) -> String {
        format!("RCPT TO:<{}>", self.to)
    }
}

/// Builds the test message for `plan` with the envelope's addresses in `From:` and `To:`, or
/// names the address that cannot be written into a message (the sender when lettre names none).
pub fn build(plan: &SessionPlan, envelope: &Envelope) -> Result<TestMessage, AddressRole> {
    if !fits_in_a_message(&envelope.from) {
        return Err(AddressRole::Sender);
    }
    if !fits_in_a_message(&envelope.to) {
        return Err(AddressRole::Recipient);
    }
    let now = std::time::SystemTime::now();
    let stamp = humantime::format_rfc3339_seconds(now).to_string();
    let message_id = format!(
        "<{}.{}@{}>",
        stamp.replace([':', '-'], ""),
        random_hex(),
        message_id_domain(&plan.client_domain.to_string())
    );
    let message = Message::builder()
        .from(Mailbox::new(
            Some(FROM_NAME.to_owned()),
            envelope.from.clone(),
        ))
        .to(Mailbox::new(None, envelope.to.clone()))
        .subject(format!("Mail Settings Tester: test message {stamp}"))
        .message_id(Some(message_id.clone()))
        .date(now)
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(body(plan, &stamp))
        .map_err(|_| AddressRole::Sender)?;
    Ok(TestMessage {
        bytes: message.formatted(),
        message_id,
    })
}

/// Whether lettre can write `address` into a `From:` or `To:` line and read it back (it cannot
/// for a quoted local part with a space, or an IP address after the `@`). Checked before the
/// message is built: the builder would otherwise fail with "missing From" and no address.
fn fits_in_a_message(address: &Address) -> bool {
    let written = Mailboxes::from(Mailbox::new(None, address.clone())).to_string();
    written.parse::<Mailboxes>().is_ok()
}

/// The body: what was tested, each value the user typed with its control characters escaped.
fn body(plan: &SessionPlan, stamp: &str) -> String {
    let settings = &plan.settings;
    let target = match plan.target {
        Target::DotNet => "ASP.NET (System.Net.Mail)",
        Target::Generic => "generic SMTP client",
    };
    let user = settings.user_name.trim();
    let user = if user.is_empty() {
        "(none)".to_owned()
    } else {
        displayable_str(user)
    };
    format!(
        "This is a test message from Mail Settings Tester.\r\n\
         If you can read it, these settings can send mail:\r\n\r\n\
         \x20 host:       {}\r\n\
         \x20 port:       {}\r\n\
         \x20 enableSsl:  {}\r\n\
         \x20 security:   {}\r\n\
         \x20 userName:   {user}\r\n\
         \x20 from:       {}\r\n\
         \x20 tested as:  {target}\r\n\
         \x20 sent at:    {stamp}\r\n\r\n\
         The password is never included in this message.\r\n",
        displayable_str(&plan.host),
        plan.port,
        settings.enable_ssl,
        plan.security.label(),
        displayable_str(plan.from.as_ref()),
    )
}

/// The part of the Message-ID after the `@`: the EHLO name, or for an IP address the literal
/// form RFC 5322 allows there (`[192.0.2.1]`, `[IPv6:2001:db8::1]`), since a bare address is no
/// valid domain.
fn message_id_domain(client_domain: &str) -> String {
    let name = client_domain.trim();
    let inner = name
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(name);
    let bare = inner
        .get(..5)
        .filter(|tag| tag.eq_ignore_ascii_case("IPv6:"))
        .map_or(inner, |_| &inner[5..]);
    match bare.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => format!("[{ip}]"),
        Ok(IpAddr::V6(ip)) => format!("[IPv6:{ip}]"),
        Err(_) => name.to_owned(),
    }
}

fn random_hex() -> String {
    let mut bytes = [0_u8; 8];
    if SystemRandom::new().fill(&mut bytes).is_err() {
        return "0".to_owned();
    }
    bytes.iter().fold(String::with_capacity(16), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// Splits the message into lines for DATA and escapes a leading dot (RFC 5321 §4.5.2). A CR or
/// LF that is not part of a line end never goes out raw (it could end the message early on some
/// servers): it becomes a space.
pub fn data_lines(bytes: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(bytes)
        .split("\r\n")
        .map(|line| line.replace(['\r', '\n'], " "))
        .map(|line| {
            if line.starts_with('.') {
                format!(".{line}")
            } else {
                line
            }
        })
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    #[test]
    fn dot_stuffing_and_trailing_blank_lines() {
        let lines = data_lines(b"Subject: x\r\n\r\n.hidden\r\nok\r\n\r\n");
        assert_eq!(lines, vec!["Subject: x", "", "..hidden", "ok"]);
    }

    #[test]
    fn a_stray_line_break_never_goes_out_raw() {
        let lines = data_lines(b"a\rb\r\nc\n.\r\nd");
        assert_eq!(lines, vec!["a b", "c .", "d"]);
    }

    #[test]
    fn an_ip_address_is_a_literal_in_the_message_id() {
        assert_eq!(message_id_domain("192.0.2.1"), "[192.0.2.1]");
        assert_eq!(message_id_domain("[192.0.2.1]"), "[192.0.2.1]");
        assert_eq!(message_id_domain("2001:db8::1"), "[IPv6:2001:db8::1]");
        assert_eq!(
            message_id_domain("[IPv6:2001:db8::1]"),
            "[IPv6:2001:db8::1]"
        );
        assert_eq!(message_id_domain("shop.example"), "shop.example");
    }

    fn plan(from: &str, user: &str) -> SessionPlan {
        Settings {
            host: "smtp.example.com".into(),
            port: 587,
            from: from.into(),
            user_name: user.into(),
            password: crate::secret::Password::new("x"),
            client_domain: "192.0.2.1".into(),
            ..Settings::default()
        }
        .check()
        .unwrap()
    }

    fn envelope(plan: &SessionPlan) -> Envelope {
        Envelope {
            from: crate::settings::address::with_ascii_domain(&plan.from),
            to: crate::settings::address::with_ascii_domain(&plan.to),
            smtputf8: false,
        }
    }

    #[test]
    fn the_message_is_mime_and_its_addresses_are_ascii() {
        let plan = plan("info@bücher.example", "shop");
        let built = build(&plan, &envelope(&plan)).unwrap();
        let text = String::from_utf8(built.bytes).unwrap();
        assert!(text.contains("\r\nMIME-Version: 1.0\r\n"), "{text}");
        assert!(text.contains("<info@xn--bcher-kva.example>"), "{text}");
        assert!(
            text.contains("\r\nTo: info@xn--bcher-kva.example\r\n"),
            "{text}"
        );
        assert!(text.is_ascii(), "{text}");
        assert!(built.message_id.ends_with("@[192.0.2.1]>"));
        assert!(text.contains(&format!("Message-ID: {}", built.message_id)));
    }

    #[test]
    fn a_line_break_in_the_user_name_is_escaped() {
        let plan = plan("info@test.example", "shop\r\nBcc: x@evil.example");
        let built = build(&plan, &envelope(&plan)).unwrap();
        let text = String::from_utf8(built.bytes).unwrap();
        assert!(text.contains("shop\\x0d\\x0aBcc: x@evil.example"), "{text}");
        assert!(!text.contains("\nBcc:"), "{text}");
    }

    #[test]
    fn an_address_lettre_cannot_write_is_named() {
        let plan = plan("\"a b\"@test.example", "");
        assert_eq!(
            build(&plan, &envelope(&plan)).err(),
            Some(AddressRole::Sender)
        );
        let mut plan = plan;
        plan.from = "ok@test.example".parse().unwrap();
        plan.to = "\"a b\"@test.example".parse().unwrap();
        assert_eq!(
            build(&plan, &envelope(&plan)).err(),
            Some(AddressRole::Recipient)
        );
    }

    #[test]
    fn smtputf8_is_a_parameter_of_mail_from() {
        let envelope = Envelope {
            from: "jörg@test.example".parse().unwrap(),
            to: "a@test.example".parse().unwrap(),
            smtputf8: true,
        };
        assert_eq!(
            envelope.mail_from(),
            "MAIL FROM:<jörg@test.example> SMTPUTF8"
        );
        assert_eq!(envelope.rcpt_to(), "RCPT TO:<a@test.example>");
    }
}
