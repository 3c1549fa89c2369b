//! `--json`: one document per run, for scripts and support tools. Its keys and values are
//! English in every language (labels and errors included); only what is said on stderr when a
//! document cannot be written is translated.

use serde_json::{Value, json};

use crate::outcome::TestOutcome;

/// The document for `send`: `ok` (sent, nothing to fix), `sent` (the server accepted the
/// message), `steps`, `checklist`, `transcript`, `server`, `tls`, `certificate`, `diagnosis`
/// (null on success), `aspnet_exception` (what the website would log), `snippet` (null
/// unless ok), and more.
pub fn send_document(outcome: &TestOutcome) -> Value {
    let report = outcome.report();
    let checklist: Vec<Value> = report
        .checklist()
        .into_iter()
        .map(|(item, status, ms)| json!({ "item": item, "label": item.label(), "status": status, "ms": ms }))
        .collect();
    json!({
        "ok": outcome.ok(),
        "sent": outcome.sent(),
        "error": report.error.as_ref().map(ToString::to_string),
        "security": report.security,
        "steps": report.steps,
        "checklist": checklist,
        "transcript": report.transcript,
        "server": report.server,
        "tls": report.tls,
        "certificate": report.certificate,
        "accepted_certificate_problem": report.accepted_certificate_problem,
        "password_sent_unencrypted": report.password_sent_unencrypted,
        "notes": outcome.notes(),
        "message_id": report.message_id,
        "total_ms": report.total_ms,
        "diagnosis": outcome.diagnosis(),
        "aspnet_exception": outcome.aspnet_exception(),
        "snippet": outcome.snippet(),
        "warnings": outcome.warnings(),
    })
}

/// Prints a report as one JSON document. `false`, after saying why on stderr, when it cannot
/// be turned into JSON (the caller then exits with `exit::INTERNAL`).
pub fn print_serializable(report: &impl serde::Serialize) -> bool {
    match serde_json::to_value(report) {
        Ok(value) => {
            print_value(&value);
            true
        }
        Err(err) => {
            could_not_write(&err);
            false
        }
    }
}

fn could_not_write(err: &serde_json::Error) {
    super::say::error(&crate::tr!("could not write JSON: {err}", err = err));
}

/// Prints a large report as one JSON document, pretty, without building a JSON tree of it
/// first (10,000 sites would double the memory). `false` as [`print_serializable`].
pub fn print_large(report: &impl serde::Serialize) -> bool {
    match serde_json::to_string_pretty(report) {
        Ok(text) => {
            println!("{text}");
            true
        }
        Err(err) => {
            could_not_write(&err);
            false
        }
    }
}

/// Prints any JSON value, pretty.
pub fn print_value(value: &Value) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(err) => could_not_write(&err),
    }
}
