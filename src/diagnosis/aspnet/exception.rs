//! A .NET exception as a website's error log shows it: type, message, inner exception.

use std::fmt;

use serde::Serialize;

/// `System.Net.Mail.SmtpException`.
pub(super) const SMTP_EXCEPTION: &str = "System.Net.Mail.SmtpException";
/// `System.Net.Mail.SmtpFailedRecipientException`.
pub(super) const FAILED_RECIPIENT: &str = "System.Net.Mail.SmtpFailedRecipientException";
/// `SR.SmtpSendMailFailure`: the wrapper around every exception that is not an
/// `SmtpException` or an `AuthenticationException`.
pub(super) const SEND_MAIL_FAILURE: &str = "Failure sending mail.";

/// One exception of the chain System.Net.Mail throws, as `Exception.ToString()` begins:
/// `Type: Message ---> InnerType: InnerMessage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DotNetException {
    /// The full type name (`System.Net.Mail.SmtpException`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// `Exception.Message`, word for word.
    pub message: String,
    /// `SmtpException.StatusCode` as .NET prints it (`MustIssueStartTlsFirst`, or the number
    /// for a code the enum does not name); `None` for other exception types.
    pub status_code: Option<String>,
    /// `Exception.InnerException`.
    pub inner: Option<Box<DotNetException>>,
}

impl DotNetException {
    /// An exception of `type_name` with `message` and nothing inside.
    pub(super) fn new(type_name: &str, message: impl Into<String>) -> Self {
        Self {
            type_name: type_name.to_owned(),
            message: message.into(),
            status_code: None,
            inner: None,
        }
    }

    /// An `SmtpException` with `message` and its `StatusCode`.
    pub(super) fn smtp(message: impl Into<String>, status_code: impl Into<String>) -> Self {
        Self {
            status_code: Some(status_code.into()),
            ..Self::new(SMTP_EXCEPTION, message)
        }
    }

    /// `SmtpException("Failure sending mail.", inner)`: how `SmtpClient.Send` wraps everything
    /// that is not already an `SmtpException` or an `AuthenticationException`.
    pub(super) fn failure_sending(inner: DotNetException) -> Self {
        Self {
            inner: Some(Box::new(inner)),
            ..Self::smtp(SEND_MAIL_FAILURE, "GeneralFailure")
        }
    }

    /// The same exception with `inner` inside.
    pub(super) fn containing(mut self, inner: DotNetException) -> Self {
        self.inner = Some(Box::new(inner));
        self
    }

    /// The innermost exception: usually the one that says what really happened.
    pub fn innermost(&self) -> &DotNetException {
        let mut current = self;
        while let Some(inner) = &current.inner {
            current = inner;
        }
        current
    }
}

impl fmt::Display for DotNetException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name, self.message)?;
        if let Some(inner) = &self.inner {
            write!(f, " ---> {inner}")?;
        }
        Ok(())
    }
}
