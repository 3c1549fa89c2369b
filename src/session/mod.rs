//! The SMTP session engine.

mod error;
mod report;

pub use error::{CertProblem, SessionError};
pub use report::{Goal, SessionReport, combined_status};
