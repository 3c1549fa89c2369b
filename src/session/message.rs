//! The test message: built by lettre, describing the settings tested, never the password.

use std::fmt::Write as _;

use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use ring::rand::{SecureRandom, SystemRandom};

use crate::settings::{SessionPlan, Target};

/// A formatted message ready for DATA, and its Message-ID.
pub struct TestMessage {
    /// RFC 5322 bytes with CRLF line ends (not yet dot-stuffed).
    pub bytes: Vec<u8>,
    /// The Message-ID header value.
    pub message_id: String,
}

/// Builds the test message for `plan`.
pub fn build(plan: &SessionPlan) -> Result<TestMessage, String> {
    let now = std::time::SystemTime::now();
    let stamp = humantime::format_rfc3339_seconds(now).to_string();
    let message_id = format!(
        "<{}.{}@{}>",
        stamp.replace([':', '-'], ""),
        random_hex(),
        plan.client_domain
    );
    let settings = &plan.settings;
    let target = match plan.target {
        Target::DotNet => "ASP.NET (System.Net.Mail)",
        Target::Generic => "generic SMTP client",
    };
    let body = format!(
        "This is a test message from Mail Settings Tester.\r\n\
         If you can read it, these settings can send mail:\r\n\r\n\
         \x20 host:       {}\r\n\
         \x20 port:       {}\r\n\
         \x20 enableSsl:  {}\r\n\
         \x20 security:   {}\r\n\
         \x20 userName:   {}\r\n\
         \x20 from:       {}\r\n\
         \x20 tested as:  {target}\r\n\
         \x20 sent at:    {stamp}\r\n\r\n\
         The password is never included in this message.\r\n",
        plan.host,
        plan.port,
        settings.enable_ssl,
        plan.security.label(),
        if settings.user_name.trim().is_empty() {
            "(none)"
        } else {
            settings.user_name.trim()
        },
        plan.from,
    );
    let message = Message::builder()
        .from(Mailbox::new(
            Some("Mail Settings Tester".to_owned()),
            plan.from.clone(),
        ))
        .to(Mailbox::new(None, plan.to.clone()))
        .subject(format!("Mail Settings Tester: test message {stamp}"))
        .message_id(Some(message_id.clone()))
        .date(now)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|err| format!("the test message could not be built: {err}"))?;
    Ok(TestMessage {
        bytes: message.formatted(),
        message_id,
    })
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

/// Splits the message into lines for DATA and escapes a leading dot (RFC 5321 §4.5.2).
pub fn data_lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .split("\r\n")
        .map(|line| line.strip_suffix('\n').unwrap_or(line))
        .map(|line| {
            if line.starts_with('.') {
                format!(".{line}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .skip_while(String::is_empty)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_stuffing_and_trailing_blank_lines() {
        let lines = data_lines(b"Subject: x\r\n\r\n.hidden\r\nok\r\n\r\n");
        assert_eq!(lines, vec!["Subject: x", "", "..hidden", "ok"]);
    }
}
