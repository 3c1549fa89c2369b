//! `SmtpStatusCode` and the message `SmtpException` gives each code, from System.Net.Mail's
//! `SmtpException.GetMessageForStatus` and its resource strings (identical in .NET Framework
//! and .NET; read from the running .NET Core 3.1 too).

/// The `SmtpStatusCode` name of a reply code, as `ToString()` prints it: the number itself for
/// a code the enum does not name (535, for example).
pub(super) fn status_name(code: u16) -> String {
    let name = match code {
        211 => "SystemStatus",
        214 => "HelpMessage",
        220 => "ServiceReady",
        221 => "ServiceClosingTransmissionChannel",
        250 => "Ok",
        251 => "UserNotLocalWillForward",
        252 => "CannotVerifyUserWillAttemptDelivery",
        354 => "StartMailInput",
        421 => "ServiceNotAvailable",
        450 => "MailboxBusy",
        451 => "LocalErrorInProcessing",
        452 => "InsufficientStorage",
        454 => "ClientNotPermitted",
        500 => "CommandUnrecognized",
        501 => "SyntaxError",
        502 => "CommandNotImplemented",
        503 => "BadCommandSequence",
        504 => "CommandParameterNotImplemented",
        530 => "MustIssueStartTlsFirst",
        550 => "MailboxUnavailable",
        551 => "UserNotLocalTryAlternatePath",
        552 => "ExceededStorageAllocation",
        553 => "MailboxNameNotAllowed",
        554 => "TransactionFailed",
        other => return other.to_string(),
    };
    name.to_owned()
}

/// `GetMessageForStatus(code)`: every code it does not list gets the message of
/// `CommandUnrecognized` (its `default:` branch), so a `535` reads "Syntax error, command
/// unrecognized." in the website's log.
pub(super) fn status_message(code: u16) -> &'static str {
    match code {
        501 => "Syntax error in parameters or arguments.",
        502 => "Command not implemented.",
        503 => "Bad sequence of commands.",
        504 => "Command parameter not implemented.",
        211 => "System status, or system help reply.",
        214 => "Help message.",
        220 => "Service ready.",
        221 => "Service closing transmission channel.",
        421 => "Service not available, closing transmission channel.",
        250 => "Completed.",
        251 => "User not local; will forward to specified path.",
        450 | 550 => "Mailbox unavailable.",
        451 => "Error in processing.",
        551 => "User not local; please try a different path.",
        452 => "Insufficient system storage.",
        552 => "Exceeded storage allocation.",
        553 => "Mailbox name not allowed.",
        354 => "Start mail input; end with <CRLF>.<CRLF>.",
        554 => "Transaction failed.",
        454 => "Client does not have permission to submit mail to this server.",
        530 => "The SMTP server requires a secure connection or the client was not authenticated.",
        _ => "Syntax error, command unrecognized.",
    }
}
