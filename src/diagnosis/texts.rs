//! STUB: replaced by the diagnosis work.
use super::{Diagnosis, DiagnosisId};

pub(super) fn unknown(detail: String) -> Diagnosis {
    Diagnosis {
        id: DiagnosisId::Unknown,
        summary: "Something went wrong".into(),
        explanation: detail,
        steps_to_fix: Vec::new(),
        suggested_change: None,
        server_reply: None,
    }
}
