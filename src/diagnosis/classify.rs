//! STUB: replaced by the diagnosis work.
use super::{Diagnosis, DiagnosisId};
use crate::event::Step;
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::Settings;

/// Classifies a server reply.
pub fn classify_reply(_step: Option<Step>, _reply: &Reply) -> DiagnosisId {
    DiagnosisId::Unknown
}

pub(super) fn diagnose_error(
    _settings: &Settings,
    _report: &SessionReport,
    error: &SessionError,
) -> Diagnosis {
    super::texts::unknown(error.to_string())
}
