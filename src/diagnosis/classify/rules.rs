//! The table: reply wording, enhanced codes, basic codes and steps → diagnosis id, most specific
//! first. A basic code alone decides only at the very end, as a fallback.

use super::rule::{Codes, Rule};
use super::words::{HOST_REFUSED_WORDS, LATER_WORDS, QUOTA_WORDS, RATE_WORDS};
use crate::diagnosis::DiagnosisId;
use crate::event::Step;

use DiagnosisId as D;

/// The table, most specific first; the first matching rule wins.
pub(super) static RULES: &[Rule] = &[
    // At the greeting nothing has been asked yet: any refusal is about serving this connection.
    Rule::says(D::RateLimited, RATE_WORDS).at(&[Step::Greeting]),
    Rule::says(D::RateLimited, LATER_WORDS).at(&[Step::Greeting]),
    Rule::replied(D::ServiceUnavailable, Codes::Any).at(&[Step::Greeting]),
    // Microsoft 365 sign-in policy.
    Rule::says(
        D::SmtpAuthDisabled,
        &["smtpclientauthentication is disabled", "smtp_auth_disabled"],
    ),
    Rule::says(
        D::BasicAuthDisabled,
        &[
            "basic authentication is disabled",
            "basic authentication is not supported",
            "basic auth is disabled",
            "security defaults",
            "did not meet the criteria to be authenticated",
        ],
    ),
    Rule::coded(D::BasicAuthDisabled, &["5.7.30"]),
    // Greylisting by name, and allowances that reset after a day or a period: their words
    // decide, whatever else the reply says ("Authentication failed: Maximum credits exceeded").
    Rule::says(
        D::Greylisted,
        &["greylist", "graylist", "grey-list", "gray-list"],
    ),
    Rule::says(D::SendingQuotaExceeded, QUOTA_WORDS),
    // Accounts blocked for spam, apart from one rejected message.
    Rule::says(
        D::AccountBlocked,
        &[
            "outboundspamexception",
            "verdict is suspend",
            "tenant has exceeded threshold",
            "client blocked from sending",
            "traffic not accepted from this ip",
        ],
    ),
    Rule::coded(D::AccountBlocked, &["5.7.705", "5.7.708", "5.7.750"]),
    // This computer's address or name refused (blocklists, reverse DNS, HELO), apart from the
    // message: "spamhaus" must not read as spam in the message.
    Rule::says(D::ServiceUnavailable, HOST_REFUSED_WORDS),
    // Encryption the server cannot provide right now (454 to STARTTLS), apart from a failed
    // handshake.
    Rule::says(
        D::TlsUnavailable,
        &[
            "tls not available",
            "tls is not available",
            "tls currently unavailable",
            "tls unavailable",
        ],
    ),
    Rule::replied(D::TlsUnavailable, Codes::List(&[454])).at(&[Step::StartTls]),
    // Encryption the client's side is too old for.
    Rule::says(D::TlsHandshakeFailed, &["tls 1.0 and 1.1", "smtp_auth_tls"]),
    Rule::coded(D::TlsHandshakeFailed, &["4.7.66"]),
    // Encryption the server insists on (sign-in first, then everything).
    Rule::says(
        D::AuthRequiresTls,
        &[
            "encryption required for requested authentication",
            "authentication over unencrypted",
            "plaintext authentication",
            "unencrypted connection is not allowed",
            "authentication type: encryption required",
        ],
    ),
    Rule::coded(D::AuthRequiresTls, &["5.7.11"]).at(&[Step::Auth]),
    Rule::says(
        D::TlsRequired,
        &[
            "must issue a starttls",
            "starttls is required",
            "use starttls",
            "starttls command first",
            "starttls first",
            "issue starttls",
            "starttls required",
            "requires starttls",
            "tls required",
            "requires tls",
            "must use tls",
            "secure connection required",
            "encryption required",
        ],
    ),
    // Google. DECISION: Gmail's `535-5.7.8 ... BadCredentials` is AppPasswordRequired, not
    // AuthFailed. Gmail accepts no account password from mail programs (personal accounts since
    // May 2022, Workspace since September 2024), and ASP.NET cannot do OAuth, so an app password is the only way in; when one is already
    // in use, the same fix (make a new one, paste it without spaces) also cures a mistyped or
    // revoked one. The text says both.
    Rule::says(
        D::AppPasswordRequired,
        &[
            "application-specific password",
            "app-specific password",
            "app password",
            "invalidsecondfactor",
            "badcredentials",
            "username and password not accepted",
        ],
    ),
    Rule::says(
        D::WebLoginRequired,
        &[
            "web browser",
            "webloginrequired",
            "via web login",
            "verify your account",
        ],
    ),
    Rule::coded(D::WebLoginRequired, &["5.7.14"]),
    // DECISION: Yahoo's `535 5.7.0 (#AUTH005) Too many bad auth attempts` is AuthFailed (with the
    // Yahoo app-password step), not AccountBlocked: the lock follows from Yahoo refusing the normal
    // password, lifts by itself, and an app password is what stops it coming back. Sending the
    // owner to "ask to lift a block" would not fix the cause.
    Rule::says(D::AuthFailed, &["#auth005", "too many bad auth"]),
    // An account that may sign in only from the addresses listed in its settings (SMTP2GO and
    // some hosts): the account is barred from this computer, whatever the password.
    Rule::says(
        D::AccountBlocked,
        &[
            "ip address is not allowed to authenticate",
            "not allowed to authenticate from",
        ],
    ),
    Rule::says(
        D::AccountBlocked,
        &[
            "bad outbound sender",
            "account has been disabled",
            "account is disabled",
            "account disabled",
            "account has been suspended",
            "account is suspended",
            "account suspended",
            "account is locked",
            "banned sender",
            "spam abuse detected",
            "restricted from sending",
        ],
    ),
    Rule::coded(D::AccountBlocked, &["5.7.501", "5.7.502", "5.7.503"]),
    Rule::says(
        D::AuthTemporaryFailure,
        &[
            "temporary authentication failure",
            "cannot authenticate due to temporary",
            "authentication temporarily",
            "temporary auth",
        ],
    ),
    Rule::says(
        D::AuthMechanismUnsupported,
        &[
            "mechanism is too weak",
            "unrecognized authentication type",
            "unsupported authentication mechanism",
            "mechanism not supported",
            "authentication mechanism not",
        ],
    ),
    Rule::says(
        D::AuthNotOffered,
        &[
            "authentication not enabled",
            "authentication is not enabled",
            "auth not enabled",
            "auth not available",
            "authentication not available",
            "not advertised",
        ],
    ),
    Rule::says(
        D::SenderRejected,
        &[
            "sender is not allowed to relay",
            "sender signature",
            "validated sender",
            "allowed mailfrom",
            "sender address not confirmed",
            "sender verify failed",
        ],
    ),
    Rule::says(
        D::RelayDenied,
        &[
            "relay access denied",
            "relay not permitted",
            "relaying denied",
            "relay denied",
            "not permitted to relay",
            "not allowed to relay",
            "unable to relay",
            "relaying not allowed",
            "relay not allowed",
            "relaying disallowed",
            "we do not relay",
            "turn on smtp authentication",
            "rcpthosts",
            "delivery is not allowed to this address",
            "not allowed to use this relay",
            "relaying from your ip",
            "authorized recipients",
        ],
    ),
    Rule::says(
        D::SenderRejected,
        &[
            "sendas",
            "send as",
            "not owned by user",
            "sender address rejected",
            "sender rejected",
            "sender identity",
            "email address is not verified",
            "identities failed the check",
            "from address failed",
            "sender not allowed",
            "from address does not match",
            "request failed; mailbox unavailable",
        ],
    ),
    Rule::coded(D::SenderRejected, &["5.7.60", "5.1.7", "5.1.8"]),
    Rule::says(
        D::MessageRejected,
        &[
            "spf",
            "dkim",
            "dmarc",
            "sender policy framework",
            "sender is unauthenticated",
            "message size",
            "size limit",
            "exceeds the maximum",
            "too large",
            "too big",
            "spam",
            "likely unsolicited",
            "virus",
            "malware",
            "content rejected",
            "message content",
            "message rejected",
        ],
    ),
    Rule::coded(
        D::MessageRejected,
        &["5.6.", "5.3.4", "5.7.23", "5.7.26", "5.7.27", "5.7.7"],
    ),
    Rule::says(
        D::AuthRequired,
        &[
            "authentication required",
            "authentication is required",
            "not authenticated",
            "auth required",
            "requires authentication",
            "must authenticate",
            "authentication needed",
            "login required",
            "unauthenticated senders not allowed",
        ],
    ),
    Rule::coded(D::AuthRequired, &["5.7.57"]),
    Rule::says(
        D::AuthFailed,
        &[
            "authentication failed",
            "authentication unsuccessful",
            "incorrect authentication data",
            "credentials invalid",
            "invalid credentials",
            "credentials were incorrect",
            "bad username",
            "invalid login",
            "login failed",
            "incorrect password",
            "password incorrect",
            "username or password",
            "password transition",
        ],
    ),
    Rule::coded(
        D::AuthFailed,
        &["5.7.8", "5.7.3", "5.7.139", "5.7.12", "4.7.12"],
    ),
    Rule::says(
        D::ServiceUnavailable,
        &[
            "service not available",
            "service unavailable",
            "closing transmission channel",
            "no smtp service",
        ],
    ),
    // Short rate limits; then greylisting as the temporary 450/451 4.7.1 or 4.2.0 "try again
    // later" it is; then other temporary failures; then any other "later".
    Rule::says(D::RateLimited, RATE_WORDS),
    Rule::says(D::Greylisted, LATER_WORDS)
        .with_codes(Codes::List(&[450, 451]))
        .with_enhanced(&["4.7.1", "4.2.0"]),
    Rule::says(
        D::TemporaryFailure,
        &[
            "temporary server error",
            "temporary local problem",
            "temporary failure",
            // Gmail's "4.7.0 Temporary System Problem. Try again later": its own trouble, not
            // a limit on the sender.
            "temporary system problem",
        ],
    ),
    Rule::says(D::RateLimited, LATER_WORDS),
    // "Access denied" for a recipient: Microsoft's 5.4.1 means the recipient does not exist in
    // the organisation; otherwise (Postfix's `reject` among the recipient rules) it is relaying
    // refused to a client that has not signed in. Any other "access denied" refuses this host.
    Rule::says(
        D::RecipientRejected,
        &["recipient address rejected: access denied"],
    )
    .with_enhanced(&["5.4.1"]),
    Rule::says(
        D::RelayDenied,
        &["recipient address rejected: access denied"],
    ),
    Rule::says(D::ServiceUnavailable, &["access denied"]),
    // Fallbacks on the code, narrowed by the step where that tells more than the code.
    Rule::replied(D::AuthRequired, Codes::List(&[530])),
    Rule::replied(D::SenderRejected, Codes::Class(5)).at(&[Step::MailFrom]),
    Rule::says(
        D::RecipientRejected,
        &[
            "user unknown",
            "unknown user",
            "recipient address rejected",
            "no such user",
            "no such recipient",
            "mailbox not found",
            "recipient rejected",
            "unknown recipient",
            "invalid recipient",
            "recipient not found",
            "does not exist",
            "mailbox is full",
            "mailbox unavailable",
            "no mailbox here",
            "delivery not authorized",
            "mailbox full",
            "over quota",
        ],
    ),
    Rule::coded(
        D::RecipientRejected,
        &[
            "5.1.1", "5.1.10", "5.1.2", "5.1.3", "5.1.6", "5.2.1", "5.2.2", "4.2.2",
        ],
    ),
    Rule::replied(D::ServiceUnavailable, Codes::Class(5)).at(&[Step::Ehlo]),
    Rule::replied(
        D::StarttlsNotOffered,
        Codes::List(&[500, 501, 502, 503, 504]),
    )
    .at(&[Step::StartTls]),
    Rule::replied(D::TlsHandshakeFailed, Codes::Class(4)).at(&[Step::StartTls]),
    Rule::replied(D::AuthTemporaryFailure, Codes::List(&[454])).at(&[Step::Auth]),
    Rule::replied(D::AuthMechanismUnsupported, Codes::List(&[504])).at(&[Step::Auth]),
    Rule::replied(D::AuthNotOffered, Codes::List(&[500, 502, 503])).at(&[Step::Auth]),
    Rule::replied(D::AuthFailed, Codes::List(&[534, 535])).at(&[Step::Auth]),
    Rule::replied(D::AuthFailed, Codes::List(&[535])),
    Rule::replied(D::RecipientRejected, Codes::Class(5)).at(&[Step::RcptTo]),
    Rule::replied(D::MessageRejected, Codes::Class(5)).at(&[Step::Data]),
    Rule::replied(D::MessageRejected, Codes::List(&[552, 554])),
    Rule::replied(D::TemporaryFailure, Codes::Class(4)),
];
