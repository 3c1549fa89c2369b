//! What the website's error log will say: the exception System.Net.Mail throws for a failure,
//! in its own words, so a site owner recognises it and support can match it.
//!
//! The texts are System.Net.Mail's resource strings (the same in .NET Framework and .NET);
//! `explain_text` reads them back to the same diagnosis, so a pasted log line and a live test
//! agree.

use crate::event::Step;
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::{Settings, Target};

const SMTP_EXCEPTION: &str = "System.Net.Mail.SmtpException";
const FAILURE_SENDING: &str = "System.Net.Mail.SmtpException: Failure sending mail.";
/// System.Net.Mail's default `Timeout`: how long the website waits for a greeting.
pub const DEFAULT_TIMEOUT_SECS: u64 = 100;

/// The exception an ASP.NET website would log for this failure, or `None` when the target is
/// not ASP.NET, the test succeeded, or the user cancelled.
pub fn aspnet_exception(settings: &Settings, report: &SessionReport) -> Option<String> {
    if settings.target != Target::DotNet {
        return None;
    }
    let error = report.error.as_ref()?;
    Some(match error {
        SessionError::DnsNotFound { .. } => format!(
            "{FAILURE_SENDING} ---> System.Net.Sockets.SocketException: No such host is known"
        ),
        SessionError::ConnectionRefused { address } => format!(
            "{FAILURE_SENDING} ---> System.Net.WebException: Unable to connect to the remote server ---> \
             System.Net.Sockets.SocketException: No connection could be made because the target machine \
             actively refused it {address}"
        ),
        SessionError::ConnectTimeout { address, .. }
        | SessionError::ConnectFailed { address, .. } => {
            format!(
                "{FAILURE_SENDING} ---> System.Net.WebException: Unable to connect to the remote server ---> \
                 System.Net.Sockets.SocketException: A connection attempt failed because the connected party \
                 did not properly respond after a period of time, or established connection failed because \
                 connected host has failed to respond {address}"
            )
        }
        SessionError::NoGreeting { .. } | SessionError::Timeout { .. } => {
            format!("{SMTP_EXCEPTION}: The operation has timed out.")
        }
        SessionError::NotSmtp { .. } | SessionError::Protocol { .. } => format!(
            "{FAILURE_SENDING} ---> System.FormatException: Smtp server returned an invalid response."
        ),
        SessionError::Rejected {
            step: Step::Auth, ..
        }
        | SessionError::AuthMechanismUnsupported { .. } => {
            // System.Net.Mail carries on without signing in; MAIL FROM's answer is what it throws.
            match &report.aspnet_followup {
                Some(reply) if !reply.is_positive() => status_exception(Step::MailFrom, reply),
                _ => format!(
                    "{SMTP_EXCEPTION}: The SMTP server requires a secure connection or the client was not \
                     authenticated. The server response was: (the server's answer when the website sends \
                     without signing in)"
                ),
            }
        }
        SessionError::Rejected { step, reply } => status_exception(*step, reply),
        SessionError::StartTlsNotOffered => {
            format!("{SMTP_EXCEPTION}: Server does not support secure connections.")
        }
        SessionError::TlsHandshake { certificate, .. } => {
            let reason = match certificate {
                Some(crate::session::CertProblem::NameMismatch { .. }) => {
                    "RemoteCertificateNameMismatch"
                }
                _ => "RemoteCertificateChainErrors",
            };
            format!(
                "System.Security.Authentication.AuthenticationException: The remote certificate is invalid \
                 according to the validation procedure: {reason}"
            )
        }
        SessionError::ConnectionLost { .. } => format!(
            "{FAILURE_SENDING} ---> System.IO.IOException: Unable to read data from the transport \
             connection: net_io_connectionclosed."
        ),
        // Not something System.Net.Mail ever meets: it never refuses for a missing AUTH, has
        // no CA-file option, and a cancel is ours.
        SessionError::AuthNotOffered { .. }
        | SessionError::CaFile { .. }
        | SessionError::Cancelled { .. } => return None,
    })
}

/// The `SmtpException` for a refused command: System.Net.Mail's message for the status code,
/// then "The server response was:" and the server's text.
fn status_exception(step: Step, reply: &Reply) -> String {
    let message = match reply.code {
        530 => "The SMTP server requires a secure connection or the client was not authenticated.",
        421 => "Service not available, closing transmission channel.",
        450 | 550 => "Mailbox unavailable.",
        451 => "Local error in processing.",
        452 => "Insufficient system storage.",
        454 => "Client does not have permission to submit mail to this server.",
        500..=502 => "Syntax error, command unrecognized.",
        552 => "Exceeded storage allocation.",
        553 => "Mailbox name not allowed.",
        554 => "Transaction failed.",
        _ => "Failure sending mail.",
    };
    let kind = if step == Step::RcptTo && matches!(reply.code, 450 | 550 | 551 | 553) {
        "System.Net.Mail.SmtpFailedRecipientException"
    } else {
        SMTP_EXCEPTION
    };
    format!(
        "{kind}: {message} The server response was: {}",
        reply.lines.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::{DiagnosisId, diagnose, explain_text};
    use crate::session::CertProblem;

    fn settings() -> Settings {
        Settings {
            host: "smtp.example.com".into(),
            port: 587,
            from: "site@example.com".into(),
            ..Settings::default()
        }
    }

    fn report(error: SessionError) -> SessionReport {
        SessionReport {
            error: Some(error),
            ..SessionReport::default()
        }
    }

    #[test]
    fn the_seed_article_message_is_predicted_word_for_word() {
        let report = report(SessionError::Rejected {
            step: Step::MailFrom,
            reply: Reply::new(530, "5.7.0 Must issue a STARTTLS command first"),
        });
        assert_eq!(
            aspnet_exception(&settings(), &report).unwrap(),
            "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client \
             was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first"
        );
    }

    #[test]
    fn a_refused_sign_in_shows_what_mail_from_got() {
        let mut report = report(SessionError::Rejected {
            step: Step::Auth,
            reply: Reply::new(535, "5.7.8 Error: authentication failed"),
        });
        report.aspnet_followup = Some(Reply::new(530, "5.7.0 Authentication Required"));
        let text = aspnet_exception(&settings(), &report).unwrap();
        assert!(text.ends_with("The server response was: 5.7.0 Authentication Required"));
    }

    #[test]
    fn generic_target_and_success_predict_nothing() {
        let generic = Settings {
            target: Target::Generic,
            ..settings()
        };
        assert!(aspnet_exception(&generic, &report(SessionError::StartTlsNotOffered)).is_none());
        assert!(aspnet_exception(&settings(), &SessionReport::default()).is_none());
    }

    /// Every predicted text, pasted into `explain`, lands on the same diagnosis as the live
    /// test. Two logs say less than the live test knows, and explain says what the log says:
    /// a refused sign-in shows only the unauthenticated MAIL FROM ("sign-in required"), and a
    /// greeting that never came reads like any other timeout.
    #[test]
    fn predicted_exceptions_map_back_through_explain() {
        let cases = vec![
            SessionError::DnsNotFound {
                host: "smtp.example.com".into(),
                detail: String::new(),
            },
            SessionError::ConnectionRefused {
                address: "192.0.2.1:587".into(),
            },
            SessionError::ConnectTimeout {
                address: "192.0.2.1:587".into(),
                secs: 10,
            },
            SessionError::Timeout {
                step: Step::Data,
                secs: 30,
            },
            SessionError::StartTlsNotOffered,
            SessionError::ConnectionLost { step: Step::Data },
            SessionError::TlsHandshake {
                step: Step::StartTls,
                detail: String::new(),
                certificate: Some(CertProblem::NameMismatch {
                    expected: "a".into(),
                    presented: vec!["b".into()],
                }),
                plain_banner: None,
            },
            SessionError::TlsHandshake {
                step: Step::StartTls,
                detail: String::new(),
                certificate: Some(CertProblem::Untrusted),
                plain_banner: None,
            },
            SessionError::Rejected {
                step: Step::MailFrom,
                reply: Reply::new(530, "5.7.0 Must issue a STARTTLS command first"),
            },
            SessionError::Rejected {
                step: Step::MailFrom,
                reply: Reply::new(530, "5.7.0 Authentication Required"),
            },
            SessionError::Rejected {
                step: Step::RcptTo,
                reply: Reply::new(554, "5.7.1 <x@elsewhere.example>: Relay access denied"),
            },
            SessionError::Rejected {
                step: Step::RcptTo,
                reply: Reply::new(
                    550,
                    "5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
                ),
            },
            SessionError::Rejected {
                step: Step::Greeting,
                reply: Reply::new(421, "4.3.2 Service not available"),
            },
        ];
        let settings = settings();
        let mut wrong = Vec::new();
        for error in cases {
            let report = report(error.clone());
            let live = diagnose(&settings, &report).map(|d| d.id);
            let text = aspnet_exception(&settings, &report).unwrap();
            let pasted = explain_text(&text).id;
            if live != Some(pasted) {
                wrong.push(format!(
                    "{error:?}: live {live:?}, pasted {pasted:?}\n  {text}"
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let refused = SessionReport {
            aspnet_followup: Some(Reply::new(530, "5.7.0 Authentication Required")),
            ..report(SessionError::Rejected {
                step: Step::Auth,
                reply: Reply::new(535, "5.7.8 Error"),
            })
        };
        let text = aspnet_exception(&settings, &refused).unwrap();
        assert_eq!(explain_text(&text).id, DiagnosisId::AuthRequired);
        let silent = report(SessionError::NoGreeting {
            secs: 10,
            port_speaks_tls: true,
        });
        let text = aspnet_exception(&settings, &silent).unwrap();
        assert_eq!(explain_text(&text).id, DiagnosisId::Timeout);
    }
}
