//! Lines of System.Net.Mail's log that say less than the reply behind them, read the way the
//! website got there: .NET quotes one line of a reply and drops its code.

use super::{D, Diagnosis, Found, texts};

/// What .NET writes before the quoted reply.
const RESPONSE_MARK: &str = "the server response was:";

/// A diagnosis for a .NET log line whose quoted reply alone would mislead, if it is one.
pub(super) fn reading(lower: &str, found: &Found) -> Option<Diagnosis> {
    if !lower.contains(RESPONSE_MARK) {
        return None;
    }
    // A refused greeting: its first line (all .NET quotes) is conventionally the server's
    // name, and the reason follows on lines the log does not show.
    if let [only] = found.reply.lines.as_slice()
        && is_host_name(only.trim())
    {
        return Some(
            texts::base(D::ServiceUnavailable)
                .explain_more(crate::en!(
                    "Your website's log quotes only the first line of the server's refusal, which \
                     names the server; the reason is on the lines after it. Run the test here to \
                     see them."
                ))
                .with_reply(found.raw.clone()),
        );
    }
    // "Command not implemented." is .NET's 502. Of the commands it sends, only STARTTLS ends
    // the send with it (a 502 to EHLO makes it try HELO, one to AUTH sends without signing in).
    if lower.contains("command not implemented. the server response was") {
        return Some(texts::base(D::StarttlsNotOffered).with_reply(found.raw.clone()));
    }
    None
}

/// .NET's "Syntax error, command unrecognized." with no server reply after it: the code had no
/// name in .NET and its words are missing, so nothing tells which setting is wrong.
pub(super) fn without_reply(lower: &str) -> Option<Diagnosis> {
    lower
        .contains("syntax error, command unrecognized")
        .then(|| texts::variant(D::Unknown, &texts::UNNAMED_REPLY))
}

/// `mail.example.com`: one word of letters, digits, hyphens and at least one dot.
fn is_host_name(text: &str) -> bool {
    text.contains('.')
        && !text.starts_with('.')
        && !text.ends_with('.')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use crate::diagnosis::{DiagnosisId, explain_text};

    #[test]
    fn a_refused_greeting_quoted_by_its_first_line_is_a_refused_connection() {
        let d = explain_text(
            "System.Net.Mail.SmtpException: Transaction failed. The server response was: \
             mail.hoster.example",
        );
        assert_eq!(d.id, DiagnosisId::ServiceUnavailable);
        // A sentence after the code is the server's own reason, read as usual.
        let d = explain_text(
            "System.Net.Mail.SmtpException: Transaction failed. The server response was: 5.7.1 \
             Message rejected as spam",
        );
        assert_eq!(d.id, DiagnosisId::MessageRejected);
    }

    #[test]
    fn a_bare_syntax_error_says_the_log_left_the_reason_out() {
        let d = explain_text("System.Net.Mail.SmtpException: Syntax error, command unrecognized.");
        assert_eq!(d.id, DiagnosisId::Unknown);
        assert_eq!(
            d.summary,
            "The server refused, and your website's log leaves out why"
        );
        // With the server's words, they decide.
        let d = explain_text(
            "System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server \
             response was: 5.7.8 Error: authentication failed: authentication failure",
        );
        assert_eq!(d.id, DiagnosisId::AuthFailed);
    }

    #[test]
    fn dotnets_command_not_implemented_is_starttls_refused() {
        let d = explain_text(
            "System.Net.Mail.SmtpException: Command not implemented. The server response was: \
             5.5.1 Error: command not implemented",
        );
        assert_eq!(d.id, DiagnosisId::StarttlsNotOffered);
    }
}
