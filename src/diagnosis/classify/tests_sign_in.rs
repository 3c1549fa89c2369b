//! Sign-in replies at their steps, and the ids they must give.

use super::tests::Case;
use crate::diagnosis::DiagnosisId as D;
use crate::event::Step as S;

/// Replies about signing in: required, refused, app passwords, policies, methods.
pub(super) const SIGN_IN: &[Case] = &[
    (
        Some(S::MailFrom),
        &[
            "530-5.7.0 Authentication Required. Learn more at",
            "530 5.7.0 https://support.google.com/mail/?p=WantAuthError",
        ],
        D::AuthRequired,
    ),
    (
        Some(S::MailFrom),
        &["530 5.7.57 Client not authenticated to send mail"],
        D::AuthRequired,
    ),
    (
        Some(S::MailFrom),
        &["530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM"],
        D::AuthRequired,
    ),
    (
        Some(S::Auth),
        &[
            "534-5.7.9 Application-specific password required. Learn more at",
            "534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor",
        ],
        D::AppPasswordRequired,
    ),
    (
        Some(S::Auth),
        &[
            "535-5.7.8 Username and Password not accepted. Learn more at",
            "535 5.7.8 https://support.google.com/mail/?p=BadCredentials x-gsmtp",
        ],
        D::AppPasswordRequired,
    ),
    (
        Some(S::Auth),
        &[
            "534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1> Please log in via",
            "534-5.7.14 your web browser and then try again.",
            "534 5.7.14 Learn more at https://support.google.com/mail/answer/78754",
        ],
        D::WebLoginRequired,
    ),
    (
        Some(S::Auth),
        &[
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
        ],
        D::SmtpAuthDisabled,
    ),
    (
        Some(S::Auth),
        &[
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
        ],
        D::SmtpAuthDisabled,
    ),
    (
        Some(S::Auth),
        &["535 5.7.139 Authentication unsuccessful, basic authentication is disabled."],
        D::BasicAuthDisabled,
    ),
    (
        Some(S::Auth),
        &[
            "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
        ],
        D::BasicAuthDisabled,
    ),
    (
        Some(S::Auth),
        &[
            "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
        ],
        D::BasicAuthDisabled,
    ),
    (
        Some(S::MailFrom),
        &["550 5.7.30 Basic authentication is not supported for Client Submission."],
        D::BasicAuthDisabled,
    ),
    (
        Some(S::Auth),
        &["535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["535 5.7.8 Error: authentication failed: authentication failure"],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["535 Incorrect authentication data"],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["535 5.7.3 Authentication unsuccessful"],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["535 Authentication failed: Bad username / password"],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["535 Authentication Credentials Invalid"],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["535 5.7.0 (#AUTH005) Too many bad auth attempts."],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["432 4.7.12 A password transition is needed"],
        D::AuthFailed,
    ),
    (
        Some(S::Auth),
        &["454 4.7.0 Temporary authentication failure: connection refused"],
        D::AuthTemporaryFailure,
    ),
    (
        Some(S::Auth),
        &["504 5.5.4 Encryption required for requested authentication mechanism"],
        D::AuthRequiresTls,
    ),
    (
        Some(S::Auth),
        &["538 5.7.11 Encryption required for requested authentication mechanism"],
        D::AuthRequiresTls,
    ),
    (
        Some(S::Auth),
        &["503 5.5.1 Error: authentication not enabled"],
        D::AuthNotOffered,
    ),
    (
        Some(S::Auth),
        &["502 5.5.2 Error: command not recognized"],
        D::AuthNotOffered,
    ),
    (
        Some(S::Auth),
        &["534 5.7.9 Authentication mechanism is too weak"],
        D::AuthMechanismUnsupported,
    ),
    (
        Some(S::Auth),
        &["504 5.7.4 Unrecognized authentication type"],
        D::AuthMechanismUnsupported,
    ),
];
