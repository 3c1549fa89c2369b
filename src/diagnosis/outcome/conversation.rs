//! A conversation that broke off once under way: the connection lost, a reply that never came,
//! a server that broke the rules of SMTP.

use super::Context;
use crate::diagnosis::texts::base;
use crate::diagnosis::{Diagnosis, DiagnosisId as D};
use crate::event::Step;

impl Context<'_> {
    /// The connection ended during `step`.
    pub(super) fn connection_lost(&self, step: Step) -> Diagnosis {
        let mut diagnosis = base(D::ConnectionLost).explain_more(crate::en!(
            "It happened during {step}.",
            step = step.label(),
        ));
        match step {
            Step::Tls | Step::StartTls => {
                diagnosis = diagnosis.step_first(crate::en!(
                    "The connection ended while switching to encryption: check that `port` and `enableSsl` \
                     match your provider's instructions (for ASP.NET, `587` with `enableSsl` set to `true`)."
                ));
            }
            Step::Auth => {
                diagnosis = diagnosis.step_first(crate::en!(
                    "Some servers hang up instead of saying the password was refused: check `userName` and \
                     `password`."
                ));
            }
            _ => {}
        }
        self.submission_if_465_stalled(diagnosis, step)
    }

    /// No reply to `step` within `secs` seconds.
    pub(super) fn timeout(&self, step: Step, secs: u64) -> Diagnosis {
        if super::final_reply::after_final_dot(step, self.report) {
            return super::final_reply::no_final_reply(secs, self.dotnet());
        }
        let diagnosis = base(D::Timeout).explain_more(crate::en!(
            "There was no reply to {step} within {secs} seconds.",
            step = step.label(),
            secs = secs,
        ));
        self.submission_if_465_stalled(diagnosis, step)
    }
}

/// The server broke the rules of the conversation during `step`; before the greeting that means
/// it is no mail server.
pub(super) fn protocol(step: Step, detail: &str) -> Diagnosis {
    if step <= Step::Greeting {
        return base(D::NotSmtp).explain_more(crate::en!(
            "What arrived: {detail}.",
            detail = detail.trim(),
        ));
    }
    base(D::Unknown)
        .with_summary(crate::en!(
            "The server broke the rules of the mail conversation"
        ))
        .with_explanation(crate::en!(
            "During {step}, the server did something mail servers must not do: {detail}. This is a \
             problem on the server's side, not in your settings.",
            step = step.label(),
            detail = detail.trim(),
        ))
        .with_steps([
            crate::en!("Test again in a few minutes."),
            crate::en!(
                "Send the transcript to your mail provider: it shows exactly what the server sent."
            ),
            crate::en!(
                "If a security program or proxy on this network handles mail, it may be the cause: ask whoever \
                 manages the network."
            ),
        ])
}
