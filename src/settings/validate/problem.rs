//! [`FieldProblem`]: what is wrong with which field, and how serious it is.

use serde::Serialize;

/// Which input a problem belongs to (the window shows it next to that field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// `host`
    Host,
    /// `port`
    Port,
    /// `userName`
    UserName,
    /// `password`
    Password,
    /// `enableSsl` / connection security
    Security,
    /// `defaultCredentials`
    DefaultCredentials,
    /// `clientDomain`
    ClientDomain,
    /// `from`
    From,
    /// the test recipient
    To,
    /// `deliveryMethod`
    DeliveryMethod,
    /// the timeouts
    Timeouts,
    /// certificate checking
    Certificates,
    /// the OAuth app and sign-in (tenant, client ID, client secret)
    OAuth,
}

impl Field {
    /// The `web.config` attribute (or the app's own name) for this field.
    pub fn attribute(self) -> &'static str {
        match self {
            Self::Host => "host",
            Self::Port => "port",
            Self::UserName => "userName",
            Self::Password => "password",
            Self::Security => "enableSsl",
            Self::DefaultCredentials => "defaultCredentials",
            Self::ClientDomain => "clientDomain",
            Self::From => "from",
            Self::To => "to",
            Self::DeliveryMethod => "deliveryMethod",
            Self::Timeouts => "timeout",
            Self::Certificates => "certificates",
            Self::OAuth => "OAuth sign-in",
        }
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something we changed for the user, for their information.
    Info,
    /// The test can run, but something will not behave as the user expects.
    Warning,
    /// The test cannot run until this is fixed.
    Error,
}

/// One problem with one field, in a sentence a site owner understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The field concerned.
    pub field: Field,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong and what to do.
    pub message: String,
}

impl FieldProblem {
    fn new(field: Field, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            field,
            severity,
            message: message.into(),
        }
    }

    /// A problem that stops the test.
    pub(super) fn error(field: Field, message: impl Into<String>) -> Self {
        Self::new(field, Severity::Error, message)
    }

    /// A problem the test can run with.
    pub(super) fn warning(field: Field, message: impl Into<String>) -> Self {
        Self::new(field, Severity::Warning, message)
    }

    /// Something changed for the user, for their information.
    pub(super) fn info(field: Field, message: impl Into<String>) -> Self {
        Self::new(field, Severity::Info, message)
    }
}
