//! How a `send` ends: its exit code, and the output of a test that never reached a server.

use super::{exit, json, output, report_file};
use crate::event::ChecklistItem;
use crate::outcome::TestOutcome;
use crate::session::SessionError;

/// Prints (and writes the report of) a test that ended before any session started: getting the
/// OAuth token failed.
pub(super) async fn finish_without_session(
    args: &super::args::SendArgs,
    outcome: &crate::outcome::TestOutcome,
) -> u8 {
    if args.json {
        json::print_value(&json::send_document(outcome));
    } else {
        output::print_outcome(outcome);
    }
    if let Some(path) = &args.report {
        let report = report_file::Report::of(args);
        report_file::write_report(path, outcome, None, report).await;
    }
    exit_code(outcome)
}

/// The exit code for a finished test: the checklist item the diagnosis blames (so a server
/// that wants encryption and refuses `MAIL FROM` is 4, a refused sign-in 5 whatever the server
/// did next), or, when the diagnosis names no item (a timeout, a lost connection), the step
/// where the test stopped.
pub(super) fn exit_code(outcome: &TestOutcome) -> u8 {
    let report = outcome.report();
    let Some(error) = &report.error else {
        // Sent, but only because the server took it without the refused sign-in; or sent to
        // the server's own mailbox while mail to anyone else is refused.
        return if report.sign_in_failure.is_some() {
            exit::SIGN_IN
        } else if outcome.refuses_customers() {
            exit::SEND
        } else {
            exit::OK
        };
    };
    if matches!(error, SessionError::Cancelled { .. }) {
        return exit::CANCELLED;
    }
    let item = outcome
        .diagnosis()
        .and_then(|d| d.id.blamed_item())
        .unwrap_or_else(|| error.step().group());
    match item {
        ChecklistItem::Connect => exit::CONNECT,
        ChecklistItem::Secure => exit::SECURE,
        ChecklistItem::SignIn => exit::SIGN_IN,
        ChecklistItem::Send => exit::SEND,
    }
}
