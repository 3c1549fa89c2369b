//! "Did it land?": after the server accepted the test message, sign in to the recipient's
//! mailbox over IMAP, find the message by its Message-ID, and say where it landed (inbox or
//! spam), how long it took, what the receiving server's own checks said
//! (`Authentication-Results`) and whether its DKIM signature holds (our own verification).
//!
//! - `address`: `imaps://user@host[:port]` (or `imap://` with STARTTLS; never unencrypted).
//! - `connect`: TCP and TLS, every step bounded; `recorder`: the exchange as transcript lines,
//!   the password redacted at the source, a size limit on what the server sends.
//! - `look`: sign-in (async-imap), folders (`\Junk` or a Junk/Spam name; never Sent, Drafts or
//!   All Mail, which hold the sender's copy), the search rounds.
//! - `auth_results`, `headers`: the receiving server's checks in plain words;
//!   `dkim_verify`: mail-auth over `crate::dns`, so `--dns-server` applies.
//!
//! [`check_inbox`] is what the CLI (`send --check-inbox`) and the window call.

mod address;
mod auth_results;
mod connect;
mod dkim_verify;
mod folder_name;
mod headers;
mod look;
mod model;
mod recorder;
mod request;
mod summary;
mod texts;

use std::time::Instant;

use tokio_util::sync::CancellationToken;

pub use address::{ImapSecurity, MailboxAddress};
pub use model::{
    Arrival, AuthCheck, DkimVerification, InboxReport, InboxVerdict, Placement, ReceiverChecks,
};
pub use recorder::{LineSink, MAX_SERVER_BYTES};
pub use request::{DEFAULT_WAIT, InboxError, InboxRequest};
pub use summary::{report_section, summary};

/// What the receiving server checked, read from a received message (`raw`, headers first): its
/// topmost `Authentication-Results`, every text made safe to show; `None` when it added none.
pub fn receiver_checks_in(raw: &[u8]) -> Option<ReceiverChecks> {
    auth_results::receiver_checks(&headers::headers(raw))
}

/// [`receiver_checks_in`] for a message a server sent: a header that carries the password in
/// any form is left out, as if it were not there (the rest is escaped by the parser).
fn receiver_checks_of(raw: &[u8], log: &recorder::Transcript) -> Option<ReceiverChecks> {
    let headers: Vec<(String, String)> = headers::headers(raw)
        .into_iter()
        .filter(|(_, value)| !log.carries_password(value))
        .collect();
    auth_results::receiver_checks(&headers)
}

/// Looks for the message in the mailbox and reports where it landed. `sink` sees every
/// transcript line as it happens (the password already redacted); `cancel` stops at once.
pub async fn check_inbox(
    request: InboxRequest,
    sink: LineSink,
    cancel: CancellationToken,
) -> Result<InboxReport, InboxError> {
    if request.message_id.trim().is_empty() {
        return Err(InboxError::NoMessage);
    }
    if request.password.is_empty() {
        return Err(InboxError::NoPassword {
            mailbox: request.mailbox.to_string(),
        });
    }
    let auth = crate::dns::authenticator(request.dns_server)
        .map_err(|err| InboxError::Dns(err.to_string()))?;
    let log = recorder::Transcript::new(&request.mailbox.user, &request.password, sink);
    let started = Instant::now();
    let link = connect::Link {
        request: &request,
        log: &log,
        cancel: &cancel,
    };
    let looked = look::look(&link).await?;
    let waited = started.elapsed();
    let arrival = match looked.found {
        Some(found) => {
            let (dkim, dkim_text) = dkim_verify::verify(&auth, &found.raw).await;
            Some(Arrival {
                folder: crate::untrusted::displayable_str(&folder_name::decoded(
                    &found.folder.name,
                )),
                placement: found.folder.placement,
                after_ms: u64::try_from(found.after.as_millis()).unwrap_or(u64::MAX),
                receiver_checks: receiver_checks_of(&found.raw, &log),
                dkim,
                dkim_text,
            })
        }
        None => None,
    };
    let verdict = match arrival.as_ref().map(|a| a.placement) {
        Some(Placement::Inbox) => InboxVerdict::InInbox,
        Some(Placement::Junk) => InboxVerdict::InJunk,
        Some(Placement::Other) => InboxVerdict::InOtherFolder,
        None => InboxVerdict::NotFound,
    };
    let mailbox = request.mailbox.to_string();
    Ok(InboxReport {
        verdict_text: texts::verdict_text(verdict, arrival.as_ref(), waited),
        explanation: texts::explanation(verdict, arrival.as_ref(), &request.mailbox.user),
        verdict,
        arrival,
        waited_ms: u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
        folders_searched: looked.searched,
        transcript: log.lines(),
        mailbox,
        message_id: request.message_id,
    })
}
