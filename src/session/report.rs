//! Everything a finished session knows: the final state of each step, the full transcript and
//! what the server said about itself. The diagnosis reads only this (and the settings).

use serde::Serialize;

use super::error::{CertProblem, SessionError};
use crate::certificate::CertificateInfo;
use crate::event::{
    ChecklistEntry, ChecklistItem, ServerInfo, SessionEvent, Step, StepRecord, StepStatus, TlsInfo,
    TranscriptLine,
};
use crate::settings::{FieldProblem, Security, Settings, Target};

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
    /// Without signing in, ask the server to take mail for an outside address (`MAIL FROM`,
    /// `RCPT TO`, `RSET`): whether a site that sends without a sign-in can mail its customers.
    /// Sends no message.
    OutsideRecipient,
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
    /// After a send without sign-in: the server's answer when asked to take mail for an
    /// outside address ([`Goal::OutsideRecipient`]); `None` when not asked.
    pub outside_recipient_reply: Option<crate::reply::Reply>,
    /// Total milliseconds.
    pub total_ms: u64,
}

impl SessionReport {
    /// The report of a session that never started because getting the sign-in token failed:
    /// the sign-in step failed, nothing else ran.
    pub fn token_failed(error: crate::oauth::token::TokenError) -> Self {
        Self {
            steps: vec![StepRecord {
                step: Step::Auth,
                status: StepStatus::Failed,
                ms: 0,
            }],
            error: Some(SessionError::TokenRequest(Box::new(error))),
            ..Self::default()
        }
    }

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

impl SessionReport {
    /// The checklist as the window shows it: each item's state, whether the diagnosis blames
    /// it (`cause`, from `DiagnosisId::blamed_item`) and why a step was skipped, in the terms
    /// of the tested `settings`.
    pub fn explained_checklist(
        &self,
        settings: &Settings,
        cause: Option<ChecklistItem>,
    ) -> Vec<ChecklistEntry> {
        self.checklist()
            .into_iter()
            .map(|(item, status, ms)| ChecklistEntry {
                item,
                status,
                ms,
                caused_failure: cause == Some(item),
                note: self.note(item, status, settings),
            })
            .collect()
    }

    /// Why `item` was skipped, or went on after failing, in a few words.
    fn note(
        &self,
        item: ChecklistItem,
        status: Option<StepStatus>,
        settings: &Settings,
    ) -> Option<&'static str> {
        match (item, status) {
            (ChecklistItem::Secure, Some(StepStatus::Skipped)) => Some(
                if settings.target == Target::DotNet && !settings.enable_ssl {
                    crate::en!("enableSsl is off")
                } else {
                    crate::en!("encryption is off")
                },
            ),
            (ChecklistItem::SignIn, Some(StepStatus::Skipped)) => Some(if !settings.wants_auth() {
                crate::en!("no user name")
            } else if self.tls.is_none() && self.server.offers("STARTTLS") {
                crate::en!("not offered before encryption")
            } else {
                crate::en!("server offers no sign-in")
            }),
            (ChecklistItem::SignIn, Some(StepStatus::Failed)) => match &self.sign_in_failure {
                Some(SessionError::AuthMechanismUnsupported { .. }) => {
                    Some(crate::en!("no usable method; sent without it"))
                }
                Some(_) => Some(crate::en!("sign-in refused; sent without it")),
                None => None,
            },
            _ => None,
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Reply;

    fn record(step: Step, status: StepStatus) -> StepRecord {
        StepRecord {
            step,
            status,
            ms: 5,
        }
    }

    fn settings(enable_ssl: bool, user_name: &str) -> Settings {
        Settings {
            enable_ssl,
            user_name: user_name.into(),
            ..crate::fixtures::site_settings()
        }
    }

    /// The origin case: enableSsl off, a server that offers STARTTLS, and 530 at MAIL FROM.
    fn tls_required() -> SessionReport {
        SessionReport {
            steps: vec![
                record(Step::Connect, StepStatus::Passed),
                record(Step::Ehlo, StepStatus::Passed),
                record(Step::StartTls, StepStatus::Skipped),
                record(Step::Auth, StepStatus::Skipped),
                record(Step::MailFrom, StepStatus::Failed),
            ],
            server: ServerInfo {
                extensions: vec!["STARTTLS".into()],
                ..ServerInfo::default()
            },
            error: Some(SessionError::Rejected {
                step: Step::MailFrom,
                reply: Reply::new(530, "5.7.0 Must issue a STARTTLS command first"),
            }),
            ..SessionReport::default()
        }
    }

    #[test]
    fn the_blamed_step_and_the_reasons_for_skipping() {
        let report = tls_required();
        let list = report.explained_checklist(
            &settings(false, "site@example.com"),
            Some(ChecklistItem::Secure),
        );
        let secure = &list[1];
        assert!(secure.caused_failure);
        assert_eq!(secure.status, Some(StepStatus::Skipped));
        assert_eq!(secure.note, Some("enableSsl is off"));
        assert_eq!(list[2].note, Some("not offered before encryption"));
        assert!(!list[3].caused_failure);
        assert_eq!(list[3].status, Some(StepStatus::Failed));
    }

    #[test]
    fn no_user_name_and_no_sign_in_offered_say_so() {
        let mut report = tls_required();
        let list = report.explained_checklist(&settings(false, ""), None);
        assert_eq!(list[2].note, Some("no user name"));
        report.server.extensions.clear();
        let list = report.explained_checklist(&settings(false, "site@example.com"), None);
        assert_eq!(list[2].note, Some("server offers no sign-in"));
    }

    #[test]
    fn a_refused_sign_in_the_test_went_on_without() {
        let report = SessionReport {
            steps: vec![
                record(Step::Connect, StepStatus::Passed),
                record(Step::StartTls, StepStatus::Passed),
                record(Step::Auth, StepStatus::Failed),
                record(Step::MailFrom, StepStatus::Passed),
            ],
            sign_in_failure: Some(SessionError::Rejected {
                step: Step::Auth,
                reply: Reply::new(535, "5.7.8 Authentication failed"),
            }),
            ..SessionReport::default()
        };
        let list = report.explained_checklist(
            &settings(true, "site@example.com"),
            Some(ChecklistItem::SignIn),
        );
        assert!(list[2].caused_failure);
        assert_eq!(list[2].note, Some("sign-in refused; sent without it"));
        assert_eq!(list[3].status, Some(StepStatus::Passed));
    }
}
