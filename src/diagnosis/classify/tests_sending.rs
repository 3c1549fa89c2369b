//! Sending replies at their steps, and the ids they must give.

use super::tests::Case;
use crate::diagnosis::DiagnosisId as D;
use crate::event::Step as S;

/// Replies about the sender, the recipients, the message and the pace of sending.
pub(super) const SENDING: &[Case] = &[
    (
        Some(S::RcptTo),
        &["554 5.7.1 <x@example.org>: Relay access denied"],
        D::RelayDenied,
    ),
    (
        Some(S::RcptTo),
        &["454 4.7.1 <x@example.org>: Relay access denied"],
        D::RelayDenied,
    ),
    (
        Some(S::RcptTo),
        &["550 relay not permitted"],
        D::RelayDenied,
    ),
    (
        Some(S::RcptTo),
        &[
            "550-Please turn on SMTP Authentication in your mail client. host.example.com",
            "550-(shop-pc) [192.0.2.1]:54321 is not permitted to relay through this server",
            "550 without authentication.",
        ],
        D::RelayDenied,
    ),
    (
        Some(S::RcptTo),
        &[
            "553 5.7.1 <shop@example.com>: Sender address rejected: not owned by user site@example.com",
        ],
        D::SenderRejected,
    ),
    (
        Some(S::Data),
        &["550 5.7.60 SMTP; Client does not have permissions to send as this sender"],
        D::SenderRejected,
    ),
    (
        Some(S::Data),
        &[
            "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message",
        ],
        D::SenderRejected,
    ),
    (
        Some(S::Data),
        &["554 5.2.252 SendAsDenied; a@x.com not allowed to send as b@y.com"],
        D::SenderRejected,
    ),
    (
        Some(S::MailFrom),
        &[
            "550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
        ],
        D::SenderRejected,
    ),
    (
        Some(S::Data),
        &[
            "554 Message rejected: Email address is not verified. The following identities failed the check in region US-WEST-2: a@x.com",
        ],
        D::SenderRejected,
    ),
    (
        Some(S::MailFrom),
        &["550 Request failed; Mailbox unavailable"],
        D::SenderRejected,
    ),
    (
        Some(S::RcptTo),
        &[
            "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table",
        ],
        D::RecipientRejected,
    ),
    (
        Some(S::RcptTo),
        &["550 5.1.1 The email account that you tried to reach does not exist."],
        D::RecipientRejected,
    ),
    (
        Some(S::RcptTo),
        &["550 sorry, no mailbox here by that name"],
        D::RecipientRejected,
    ),
    (
        Some(S::MailFrom),
        &["550 5.1.8 Bad outbound sender"],
        D::AccountBlocked,
    ),
    (
        Some(S::Ehlo),
        &["421 4.7.0 Try again later, closing connection. (EHLO)"],
        D::RateLimited,
    ),
    (
        Some(S::MailFrom),
        &["450 4.7.1 Error: too much mail from 192.0.2.1"],
        D::RateLimited,
    ),
    // rspamd's greylisting says just this: a 450/451 4.7.1 "try again later" is greylisting.
    (
        Some(S::RcptTo),
        &["451 4.7.1 Please try again later"],
        D::Greylisted,
    ),
    (
        Some(S::MailFrom),
        &["452 4.7.1 rate limit exceeded"],
        D::RateLimited,
    ),
    (
        Some(S::MailFrom),
        &["550 5.4.5 Daily user sending quota exceeded."],
        D::SendingQuotaExceeded,
    ),
    (
        Some(S::Data),
        &[
            "550-5.7.26 This mail has been blocked because the sender is unauthenticated.",
            "550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.",
            "550 5.7.26 Learn more at https://support.google.com/mail/answer/81126",
        ],
        D::MessageRejected,
    ),
    (
        Some(S::Data),
        &["550 5.7.23 The message was rejected because of Sender Policy Framework violation"],
        D::MessageRejected,
    ),
    (
        Some(S::Data),
        &["552 5.3.4 Message size exceeds fixed limit"],
        D::MessageRejected,
    ),
    (
        Some(S::Data),
        &["554 5.6.0 Invalid message content"],
        D::MessageRejected,
    ),
    (
        Some(S::Data),
        &["554 Transaction failed"],
        D::MessageRejected,
    ),
    (
        Some(S::MailFrom),
        &["451 4.3.0 Error: queue file write error"],
        D::TemporaryFailure,
    ),
    (
        Some(S::Data),
        &["452 4.3.1 Insufficient system storage"],
        D::TemporaryFailure,
    ),
];
