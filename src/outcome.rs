//! [`TestOutcome`]: a finished test as data. It is worked out once, when the session ends: the
//! diagnosis, the exception an ASP.NET website would log and the snippet that works. The
//! command line, its JSON, the support report and the window only render it.

use tokio_util::sync::CancellationToken;

use crate::diagnosis::{Diagnosis, aspnet_exception, diagnose, exception_heading};
use crate::event::{EventSink, SessionEvent, Step, StepStatus};
use crate::session::{Goal, SessionReport, run_session};
use crate::settings::SignIn;
use crate::settings::{FieldProblem, SessionPlan, Settings};
use crate::snippet::{Format, Snippet, default_format, render, render_oauth};
use crate::warning::{Warning, WarningId, warnings};

/// Everything a finished test means. Built by [`TestOutcome::new`] (or [`run_test`]) and never
/// changed afterwards.
#[derive(Debug, Clone)]
pub struct TestOutcome {
    settings: Settings,
    report: SessionReport,
    diagnosis: Option<Diagnosis>,
    aspnet_exception: Option<String>,
    snippet: Option<Snippet>,
    warnings: Vec<Warning>,
}

impl TestOutcome {
    /// What `report`, a test of `settings`, means. The snippet (in the site's
    /// [`default_format`], with the password only when `include_password`) is there only when
    /// the message went through with nothing to fix.
    pub fn new(settings: Settings, report: SessionReport, include_password: bool) -> Self {
        let diagnosis = diagnose(&settings, &report);
        let aspnet_exception = aspnet_exception(&settings, &report);
        let warnings = warnings(&settings, &report);
        let ok = report.ok() && diagnosis.is_none() && !refuses_customers(&warnings);
        let snippet =
            ok.then(|| snippet_for(default_format(&settings), &settings, include_password));
        Self {
            settings,
            report,
            diagnosis,
            aspnet_exception,
            snippet,
            warnings,
        }
    }

    /// The settings that were tested (with the password: never print them whole).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// What the session did and saw.
    pub fn report(&self) -> &SessionReport {
        &self.report
    }

    /// What to fix; `None` when the message went through with nothing to fix.
    pub fn diagnosis(&self) -> Option<&Diagnosis> {
        self.diagnosis.as_ref()
    }

    /// The exception an ASP.NET website would log for this failure, word for word; `None`
    /// when the target is not ASP.NET, the test succeeded or was cancelled.
    pub fn aspnet_exception(&self) -> Option<&str> {
        self.aspnet_exception.as_deref()
    }

    /// The heading for [`Self::aspnet_exception`], in the terms of the site's ASP.NET version.
    pub fn exception_heading(&self) -> &'static str {
        exception_heading(&self.settings)
    }

    /// The configuration that works, in the site's default format; `None` unless [`Self::ok`].
    pub fn snippet(&self) -> Option<&Snippet> {
        self.snippet.as_ref()
    }

    /// The same tested settings in another format (the window's tabs and password toggle);
    /// `None` unless [`Self::ok`].
    pub fn snippet_as(&self, format: Format, include_password: bool) -> Option<Snippet> {
        self.ok()
            .then(|| snippet_for(format, &self.settings, include_password))
    }

    /// What works now but will stop working (Microsoft 365's end of password sign-in).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Warnings and notes about the settings that did not stop the test.
    pub fn notes(&self) -> &[FieldProblem] {
        &self.report.notes
    }

    /// The message was sent and nothing needs fixing (mail to outside addresses included).
    pub fn ok(&self) -> bool {
        self.report.ok() && self.diagnosis.is_none() && !self.refuses_customers()
    }

    /// The test message went through without a sign-in only because it went to the server's
    /// own mailbox: the server refuses outside addresses, so the site's customers get nothing.
    pub fn refuses_customers(&self) -> bool {
        refuses_customers(&self.warnings)
    }

    /// The server accepted the message (perhaps with something still to fix, such as a refused
    /// sign-in).
    pub fn sent(&self) -> bool {
        self.report.ok()
    }
}

/// The configuration for the tested settings: the OAuth one when the test signed in with
/// OAuth (its secrets always placeholders), else the password one.
fn snippet_for(format: Format, settings: &Settings, include_password: bool) -> Snippet {
    match settings.sign_in {
        SignIn::OAuth => render_oauth(format, settings, &settings.oauth_app),
        SignIn::Password => render(format, settings, include_password),
    }
}

/// Runs a test (sending the message) and works out its outcome: what the command line and the
/// window both call. `settings` are the ones `plan` was checked from.
pub async fn run_test(
    settings: Settings,
    plan: &SessionPlan,
    sink: &dyn EventSink,
    cancel: CancellationToken,
    include_password: bool,
) -> TestOutcome {
    let mut report = run_session(plan, Goal::Send, sink, cancel.clone()).await;
    if sent_without_sign_in(&report) {
        // A second, short connection: its lines join the transcript, its steps do not (the
        // checklist is the test's own).
        let lines_only = |event: SessionEvent| {
            if matches!(event, SessionEvent::Line(_)) {
                sink.emit(event);
            }
        };
        let outside = run_session(plan, Goal::OutsideRecipient, &lines_only, cancel).await;
        report.transcript.extend(outside.transcript);
        report.outside_recipient_reply = outside.outside_recipient_reply;
    }
    TestOutcome::new(settings, report, include_password)
}

fn refuses_customers(warnings: &[Warning]) -> bool {
    warnings
        .iter()
        .any(|w| w.id == WarningId::OutsideRecipientsRefused)
}

/// The test message went through and no sign-in happened: the server may take mail only for
/// its own mailboxes, which the test's recipient often is.
fn sent_without_sign_in(report: &SessionReport) -> bool {
    report.ok()
        && report.message_id.is_some()
        && report.sign_in_failure.is_none()
        && !report
            .step(Step::Auth)
            .is_some_and(|s| s.status == StepStatus::Passed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Step;
    use crate::reply::Reply;
    use crate::session::SessionError;
    use crate::settings::Framework;

    fn refused(step: Step, code: u16, text: &str) -> SessionError {
        SessionError::Rejected {
            step,
            reply: Reply::new(code, text),
        }
    }

    #[test]
    fn a_success_has_the_sites_snippet_and_nothing_to_fix() {
        let outcome = TestOutcome::new(
            crate::fixtures::site_settings(),
            SessionReport::default(),
            false,
        );
        assert!(outcome.ok() && outcome.sent());
        assert!(outcome.diagnosis().is_none() && outcome.aspnet_exception().is_none());
        assert_eq!(outcome.snippet().map(|s| s.format), Some(Format::WebConfig));
        assert!(outcome.snippet_as(Format::Django, false).is_some());
        let core = Settings {
            framework: Framework::Core,
            ..crate::fixtures::site_settings()
        };
        let outcome = TestOutcome::new(core, SessionReport::default(), false);
        assert_eq!(outcome.snippet().map(|s| s.format), Some(Format::MailKit));
    }

    #[test]
    fn sent_after_a_refused_sign_in_is_not_ok_and_offers_no_snippet() {
        let report = SessionReport {
            sign_in_failure: Some(refused(Step::Auth, 535, "5.7.8 Authentication failed")),
            ..SessionReport::default()
        };
        let outcome = TestOutcome::new(crate::fixtures::site_settings(), report, true);
        assert!(outcome.sent() && !outcome.ok());
        assert!(outcome.diagnosis().is_some());
        assert!(outcome.snippet().is_none());
        assert!(outcome.snippet_as(Format::WebConfig, true).is_none());
    }

    #[test]
    fn a_failure_has_its_diagnosis_and_the_sites_log_line() {
        let report = SessionReport {
            error: Some(refused(Step::RcptTo, 554, "5.7.1 Relay access denied")),
            ..SessionReport::default()
        };
        let outcome = TestOutcome::new(crate::fixtures::site_settings(), report, false);
        assert!(!outcome.sent() && !outcome.ok());
        assert!(outcome.diagnosis().is_some());
        let logged = outcome.aspnet_exception().unwrap_or_default();
        assert!(logged.contains("Relay access denied"), "{logged}");
        assert_eq!(
            outcome.exception_heading(),
            "Your website's error log will say"
        );
        assert!(outcome.snippet().is_none());
    }
}
