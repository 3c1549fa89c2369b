//! How a `send` ends: its exit code, and the output of a test that never reached a server.

use super::{exit, json, output, report_file};
use crate::event::Step;
use crate::session::{SessionError, SessionReport};

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
        report_file::write_report(path, outcome, None, args.json).await;
    }
    exit_code(outcome.report())
}

/// The exit code for a finished session.
pub(super) fn exit_code(report: &SessionReport) -> u8 {
    let Some(error) = &report.error else {
        // Sent, but only because the server took it without the refused sign-in.
        return if report.sign_in_failure.is_some() {
            exit::SIGN_IN
        } else {
            exit::OK
        };
    };
    if matches!(error, SessionError::Cancelled { .. }) {
        return exit::CANCELLED;
    }
    match error.step() {
        Step::Resolve | Step::Connect | Step::Greeting | Step::Ehlo => exit::CONNECT,
        Step::Tls | Step::StartTls => exit::SECURE,
        Step::Auth => exit::SIGN_IN,
        Step::MailFrom | Step::RcptTo | Step::Data | Step::Quit => exit::SEND,
    }
}
