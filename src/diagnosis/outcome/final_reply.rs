//! No answer after the message's final `.`: the server has the whole message, and a server that
//! checks it (for spam and viruses) before answering may still deliver it. RFC 5321 (4.5.3.2.6)
//! gives that wait 10 minutes; a "timeout" here is not a message lost, and sending again may
//! deliver it twice.

use crate::diagnosis::texts::{Text, variant};
use crate::diagnosis::{Diagnosis, DiagnosisId as D};
use crate::event::{Direction, Step};
use crate::session::SessionReport;

static NO_FINAL_REPLY: Text = Text {
    summary: crate::en!("The server received the whole message but did not confirm it in time"),
    explanation: crate::en!(
        "The test sent the complete message and then waited for the server's answer, the one \
         that says whether it accepts the message. No answer came in time: servers that check \
         every message for spam and viruses can be slow to answer, and this one may still \
         deliver the message."
    ),
    steps: &[
        crate::en!(
            "Check the test recipient's inbox (and spam folder) before sending again: the message \
             may still arrive, and sending again could deliver it twice."
        ),
        crate::en!(
            "If nothing arrives within 15 minutes, test again; if this happens again, send the \
             transcript to your mail provider."
        ),
    ],
};

/// Whether the wait that ran out in `step` was the one after the message's final `.` (the
/// client sent the lone `.`, which dot-stuffing keeps for the end of the message only).
pub(super) fn after_final_dot(step: Step, report: &SessionReport) -> bool {
    step == Step::Data
        && report
            .transcript
            .iter()
            .any(|line| line.dir == Direction::Client && line.text == ".")
}

/// The diagnosis for no answer within `secs` seconds after the final `.`; `dotnet` for a site
/// whose mail sender (System.Net.Mail) has one time limit for the whole send.
pub(super) fn no_final_reply(secs: u64, dotnet: bool) -> Diagnosis {
    let slow = if dotnet {
        crate::en!(
            "If it arrives, the settings work, but your website reports \"The operation has timed \
             out.\" for such messages: raise `SmtpClient.Timeout` in your code (100 seconds unless \
             set), and make sure the site does not send the same message again after that error."
        )
    } else {
        crate::en!(
            "If it arrives, the settings work and the server is slow to confirm: give it more time \
             (the final reply timeout in the advanced settings, or `--final-reply-timeout` on the \
             command line)."
        )
    };
    let mut diagnosis = variant(D::Timeout, &NO_FINAL_REPLY).explain_more(crate::en!(
        "The test waited {secs} seconds for that answer.",
        secs = secs,
    ));
    diagnosis.steps_to_fix.insert(1, slow.to_owned());
    diagnosis
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::diagnose;
    use crate::diagnosis::texts::tests::assert_kind;
    use crate::event::TranscriptLine;
    use crate::session::SessionError;
    use crate::settings::{Settings, Target};

    fn line(dir: Direction, text: &str) -> TranscriptLine {
        TranscriptLine {
            dir,
            text: text.to_owned(),
            ms: 0,
            encrypted: false,
        }
    }

    fn timed_out(target: Target, dot_sent: bool) -> Diagnosis {
        let mut transcript = vec![
            line(Direction::Client, "DATA"),
            line(Direction::Server, "354 go ahead"),
            line(Direction::Client, "..a line that starts with a dot"),
        ];
        if dot_sent {
            transcript.push(line(Direction::Client, "."));
        }
        let report = SessionReport {
            transcript,
            error: Some(SessionError::Timeout {
                step: Step::Data,
                secs: 90,
            }),
            ..SessionReport::default()
        };
        let settings = Settings {
            host: "smtp.example.com".into(),
            target,
            ..Settings::default()
        };
        let diagnosis = diagnose(&settings, &report).unwrap();
        assert_kind(&diagnosis);
        diagnosis
    }

    #[test]
    fn no_answer_after_the_whole_message_says_check_the_inbox_first() {
        let diagnosis = timed_out(Target::Generic, true);
        assert_eq!(diagnosis.id, D::Timeout);
        assert!(diagnosis.summary.contains("whole message"));
        assert!(diagnosis.steps_to_fix[0].contains("inbox"));
        assert!(diagnosis.steps_to_fix[0].contains("before sending again"));
        assert!(diagnosis.explanation.contains("90 seconds"));
        assert!(diagnosis.steps_to_fix[1].contains("--final-reply-timeout"));
        let aspnet = timed_out(Target::DotNet, true);
        assert!(aspnet.steps_to_fix[1].contains("SmtpClient.Timeout"));
    }

    #[test]
    fn no_answer_to_data_itself_is_an_ordinary_timeout() {
        let diagnosis = timed_out(Target::Generic, false);
        assert_eq!(diagnosis.id, D::Timeout);
        assert!(!diagnosis.summary.contains("whole message"));
    }
}
