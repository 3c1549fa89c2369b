//! The checklist as a site owner reads it, worked out once for every face: for each of the four
//! items its state, a few words under it, and whether it is the one to fix. The window draws
//! it as boxes, the command line as lines, and the exit code follows the same blame, so a test
//! never fails "Send message" on one face and "Secure connection" on another.

use crate::diagnosis::{Diagnosis, DiagnosisId};
use crate::event::{ChecklistEntry, ChecklistItem, StepStatus, format_ms};
use crate::session::SessionReport;
use crate::settings::Settings;

/// Where one item stands, as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
    /// In progress.
    Working,
    /// Not started yet, while the test runs.
    Waiting,
    /// The test ended before it.
    NotReached,
    /// Done well.
    Passed,
    /// Not needed with these settings.
    Skipped,
    /// It failed only because of another item (the one to fix).
    Stopped,
    /// The item to fix.
    Failed,
}

/// One item of the checklist, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemView {
    /// Which item.
    pub item: ChecklistItem,
    /// Its state.
    pub state: ItemState,
    /// The words under it: the time it took, why it was skipped, "stopped here".
    pub detail: String,
    /// Whether this is the item the diagnosis blames (drawn red).
    pub blamed: bool,
}

/// The checklist of `report` for `settings`, with `diagnosis` deciding which item is to blame;
/// `running` while the test still goes on.
pub fn checklist_view(
    report: &SessionReport,
    settings: &Settings,
    diagnosis: Option<&Diagnosis>,
    running: bool,
) -> Vec<ItemView> {
    let cause = diagnosis.and_then(|d| d.id.blamed_item());
    // A cancel blames no item, yet no failed step is the cause either.
    let blamed_known = cause.is_some() || diagnosis.is_some_and(|d| d.id == DiagnosisId::Cancelled);
    report
        .explained_checklist(settings, cause)
        .iter()
        .map(|entry| view(entry, running, blamed_known))
        .collect()
}

fn view(entry: &ChecklistEntry, running: bool, blamed_known: bool) -> ItemView {
    let note = entry.note.map(str::to_owned);
    let time = format_ms(entry.ms);
    let (state, detail) = match entry.status {
        // A step left "running" by a finished run never completed.
        Some(StepStatus::Running) if running => {
            (ItemState::Working, crate::en!("working…").to_owned())
        }
        None | Some(StepStatus::Running) if running => {
            (ItemState::Waiting, crate::en!("waiting").to_owned())
        }
        None | Some(StepStatus::Running) if entry.caused_failure => {
            (ItemState::Failed, crate::en!("not reached").to_owned())
        }
        None | Some(StepStatus::Running) => {
            (ItemState::NotReached, crate::en!("not reached").to_owned())
        }
        Some(StepStatus::Passed) => (ItemState::Passed, note.unwrap_or(time)),
        Some(StepStatus::Skipped) if entry.caused_failure => (
            ItemState::Failed,
            note.unwrap_or_else(|| crate::en!("skipped").to_owned()),
        ),
        Some(StepStatus::Skipped) => (
            ItemState::Skipped,
            note.unwrap_or_else(|| crate::en!("skipped").to_owned()),
        ),
        // Another item is to blame: this one only stopped because of it.
        Some(StepStatus::Failed) if blamed_known && !entry.caused_failure => {
            (ItemState::Stopped, crate::en!("stopped here").to_owned())
        }
        Some(StepStatus::Failed) => (ItemState::Failed, note.unwrap_or(time)),
    };
    ItemView {
        item: entry.item,
        state,
        detail,
        blamed: state == ItemState::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Step, StepRecord};
    use crate::reply::Reply;
    use crate::session::SessionError;

    /// The seed case: enableSsl off, the server wants STARTTLS and refuses MAIL FROM. The
    /// item to fix is the secure connection (skipped); sending only stopped because of it.
    #[test]
    fn a_server_that_wants_encryption_fails_the_secure_connection_not_the_sending() {
        let settings = Settings {
            host: "mail.example.com".into(),
            port: 587,
            from: "site@example.com".into(),
            ..Settings::default()
        };
        let mut report = SessionReport::default();
        for (step, status) in [
            (Step::Connect, StepStatus::Passed),
            (Step::Greeting, StepStatus::Passed),
            (Step::Ehlo, StepStatus::Passed),
            (Step::StartTls, StepStatus::Skipped),
            (Step::Auth, StepStatus::Skipped),
            (Step::MailFrom, StepStatus::Failed),
        ] {
            report.steps.push(StepRecord {
                step,
                status,
                ms: 1,
            });
        }
        report.error = Some(SessionError::Rejected {
            step: Step::MailFrom,
            reply: Reply::new(530, "5.7.0 Must issue a STARTTLS command first"),
        });
        let diagnosis = crate::diagnosis::diagnose(&settings, &report);
        let view = checklist_view(&report, &settings, diagnosis.as_ref(), false);
        let state = |item| view.iter().find(|v| v.item == item).map(|v| v.state);
        assert_eq!(state(ChecklistItem::Secure), Some(ItemState::Failed));
        assert_eq!(state(ChecklistItem::Send), Some(ItemState::Stopped));
        assert_eq!(view.iter().filter(|v| v.blamed).count(), 1);
    }
}
