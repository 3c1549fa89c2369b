//! Everything a finished session knows: the final state of each step, the full transcript and
//! what the server said about itself. The diagnosis reads only this (and the settings).

use serde::Serialize;

use super::error::{CertProblem, SessionError};
use crate::certificate::CertificateInfo;
use crate::event::{
    ChecklistItem, ServerInfo, SessionEvent, Step, StepRecord, StepStatus, TlsInfo, TranscriptLine,
};
use crate::settings::{FieldProblem, Security};

/// How far a session goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Stop after the (last) EHLO: enough to learn what a port offers. Sends no message.
    Probe,
    /// Stop after signing in.
    SignIn,
    /// Send the test message.
    #[default]
    Send,
}

/// The outcome of one session.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SessionReport {
    /// The latest state of every step that started, in order.
    pub steps: Vec<StepRecord>,
    /// Every line of the dialogue, redacted.
    pub transcript: Vec<TranscriptLine>,
    /// Greeting and EHLO keywords.
    pub server: ServerInfo,
    /// TLS version and cipher, once encrypted.
    pub tls: Option<TlsInfo>,
    /// The server certificate, when one was seen (also after a failed handshake).
    pub certificate: Option<CertificateInfo>,
    /// A certificate problem that was accepted because the user allowed invalid certificates.
    pub accepted_certificate_problem: Option<CertProblem>,
    /// The security the session actually used.
    pub security: Option<Security>,
    /// Why it stopped early (`None` when the goal was reached).
    #[serde(skip)]
    pub error: Option<SessionError>,
    /// Notes and warnings from checking the settings.
    pub notes: Vec<FieldProblem>,
    /// The Message-ID of the test message, once the server accepted it.
    pub message_id: Option<String>,
    /// For the ASP.NET target: a sign-in that failed (refused, or no method System.Net.Mail
    /// can use), after which the session went on without signing in, as the website does. The
    /// outcome (`error`) is then what the website meets next.
    #[serde(skip)]
    pub sign_in_failure: Option<SessionError>,
    /// Whether the password was sent over an unencrypted connection (the user allowed it).
    pub password_sent_unencrypted: bool,
    /// Total milliseconds.
    pub total_ms: u64,
}

impl SessionReport {
    /// Whether the goal was reached.
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// Folds one event into the report (the engine records every event it emits).
    pub fn record(&mut self, event: &SessionEvent) {
        match event {
            SessionEvent::Step(record) => {
                if let Some(existing) = self.steps.iter_mut().find(|r| r.step == record.step) {
                    *existing = record.clone();
                } else {
                    self.steps.push(record.clone());
                }
            }
            SessionEvent::Line(line) => self.transcript.push(line.clone()),
            SessionEvent::Tls(info) => self.tls = Some(info.clone()),
            SessionEvent::Certificate(cert) => self.certificate = Some(cert.clone()),
            SessionEvent::Server(info) => self.server = info.clone(),
        }
    }

    /// The state of a step, if it started.
    pub fn step(&self, step: Step) -> Option<&StepRecord> {
        self.steps.iter().find(|r| r.step == step)
    }

    /// The four-line checklist: each item's combined state and duration.
    /// `None` status means the item never started.
    pub fn checklist(&self) -> Vec<(ChecklistItem, Option<StepStatus>, u64)> {
        ChecklistItem::ALL
            .iter()
            .map(|item| {
                let records: Vec<&StepRecord> = self
                    .steps
                    .iter()
                    .filter(|r| r.step.group() == *item)
                    .collect();
                let ms = records.iter().map(|r| r.ms).sum();
                (*item, combined_status(&records), ms)
            })
            .collect()
    }
}

/// The state of a checklist item from the states of its steps.
pub fn combined_status(records: &[&StepRecord]) -> Option<StepStatus> {
    if records.is_empty() {
        return None;
    }
    let any = |status| records.iter().any(|r| r.status == status);
    Some(if any(StepStatus::Failed) {
        StepStatus::Failed
    } else if any(StepStatus::Running) {
        StepStatus::Running
    } else if any(StepStatus::Passed) {
        StepStatus::Passed
    } else {
        StepStatus::Skipped
    })
}
