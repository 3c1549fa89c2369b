//! Warnings about settings that pass the test and still need action: Microsoft 365 switching
//! password sign-in for SMTP off, and a server that takes mail without a sign-in only for its
//! own mailboxes (the test's recipient), refusing everyone else.

use serde::Serialize;

use crate::diagnosis::{DotNetException, HostOs, predict_exception};
use crate::event::{Step, StepStatus};
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::{DotNetRuntime, Framework, Settings, SignIn, Target};

/// Stable warning ids (the window, `--json` and the tests rely on them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningId {
    /// A password sign-in to Exchange Online worked, and Microsoft switches it off.
    BasicAuthEnding,
    /// The test message went through without a sign-in, but the server refuses mail for
    /// outside addresses: the site's mail to its customers fails.
    OutsideRecipientsRefused,
}

impl WarningId {
    /// The id as a string (`basic_auth_ending`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BasicAuthEnding => "basic_auth_ending",
            Self::OutsideRecipientsRefused => "outside_recipients_refused",
        }
    }

    /// The heading over [`Warning::will_log`].
    pub fn will_log_heading(self) -> &'static str {
        match self {
            Self::BasicAuthEnding => crate::en!("Your website will then log"),
            Self::OutsideRecipientsRefused => {
                crate::en!("For mail to anyone else, your website will log")
            }
        }
    }
}

/// Something that works now and will not for long, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable id.
    pub id: WarningId,
    /// One sentence.
    pub summary: String,
    /// Why, in a few sentences.
    pub explanation: String,
    /// What the website will log once it stops working, word for word.
    pub will_log: String,
    /// The ways out for this site's platform, best first.
    pub ways_out: Vec<String>,
}

/// Microsoft's refusal once password sign-in is off (reference: after-passwords-2026.md).
const BASIC_AUTH_OFF: (u16, &str) = (
    550,
    "5.7.30 Basic authentication is not supported for Client Submission.",
);
/// What Exchange Online answers `MAIL FROM` from a client that did not sign in.
const NOT_SIGNED_IN: (u16, &str) = (530, "5.7.57 Client not authenticated to send mail.");

/// The warnings for a finished test of `settings`.
pub fn warnings(settings: &Settings, report: &SessionReport) -> Vec<Warning> {
    let mut found = Vec::new();
    if password_sign_in_passed(settings, report) {
        found.extend(password_sign_in_ending(settings, report));
    }
    if let Some(reply) = report
        .outside_recipient_reply
        .as_ref()
        .filter(|reply| !reply.is_positive())
    {
        found.push(outside_recipients_refused(settings, reply));
    }
    found
}

/// The server took the test message without a sign-in but refused an outside address.
fn outside_recipients_refused(settings: &Settings, reply: &Reply) -> Warning {
    let report = SessionReport {
        error: Some(SessionError::Rejected {
            step: Step::RcptTo,
            reply: reply.clone(),
        }),
        ..SessionReport::default()
    };
    let runtime = DotNetRuntime::of(settings.framework);
    let will_log = predict_exception(settings, &report, runtime, HostOs::Windows)
        .as_ref()
        .map_or_else(|| reply.display(), DotNetException::to_string);
    Warning {
        id: WarningId::OutsideRecipientsRefused,
        summary: crate::en!("The test message arrived, but mail to your customers will be refused")
            .to_owned(),
        explanation: crate::en!(
            "This server took the test message without a sign-in because it was addressed to one \
             of its own mailboxes. Asked to take mail for an outside address (nothing was sent), \
             it refused: \"{reply}\". Without a sign-in, your website's mail to anyone else (order \
             confirmations, password resets) is refused the same way.",
            reply = reply.display(),
        ),
        will_log,
        ways_out: vec![
            crate::en!(
                "Fill in `userName` and `password` (and set `enableSsl` to `true`): a signed-in \
                 website may send to any address. Test again with them."
            )
            .to_owned(),
            crate::en!(
                "Or ask your hosting company which server and port let the website send to \
                 outside addresses."
            )
            .to_owned(),
        ],
    }
}

/// The warning for settings that sign in to Exchange Online with a password, whether or not a
/// sign-in was tried (the fleet check judges sites without signing in).
pub fn password_sign_in_ending(settings: &Settings, report: &SessionReport) -> Option<Warning> {
    let password = settings.sign_in == SignIn::Password && settings.wants_auth();
    (password && is_exchange_online(settings, report)).then(|| basic_auth_ending(settings))
}

fn password_sign_in_passed(settings: &Settings, report: &SessionReport) -> bool {
    settings.sign_in == SignIn::Password
        && settings.wants_auth()
        && report
            .step(Step::Auth)
            .is_some_and(|s| s.status == StepStatus::Passed)
}

/// Exchange Online: by host name (not High Volume Email, which keeps passwords until 2028) or
/// by its greeting (a company's own name pointing at it).
pub fn is_exchange_online(settings: &Settings, report: &SessionReport) -> bool {
    let host = settings
        .host
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host.starts_with("smtp-hve.") {
        return false;
    }
    let by_host = host == "smtp.office365.com"
        || host == "outlook.office365.com"
        || host.ends_with(".office365.com");
    let banner = report.server.banner.as_deref().unwrap_or_default();
    let by_banner = banner.contains("Microsoft ESMTP MAIL Service")
        && banner.to_ascii_lowercase().contains(".outlook.");
    by_host || by_banner
}

fn basic_auth_ending(settings: &Settings) -> Warning {
    let web_config = settings.target == Target::DotNet && settings.framework != Framework::Core;
    let mut ways_out = Vec::new();
    if web_config {
        ways_out.extend([
            crate::en!(
                "Azure Communication Services: a Microsoft relay that keeps taking a user name and \
                 password (smtp.azurecomm.net, port 587, enableSsl on; userName is its SMTP user \
                 name, password the Entra app's client secret). Choose the preset \"Azure \
                 Communication Services\" and test it."
            )
            .to_owned(),
            crate::en!(
                "A sending service that takes passwords (SendGrid, Brevo, Mailgun, Amazon SES, \
                 SMTP2GO) or your hosting company's mail server: change host, userName and password \
                 to theirs."
            )
            .to_owned(),
            crate::en!(
                "An Exchange connector: your admin lets the web server's fixed IP address send \
                 through port 25 to <your domain>.mail.protection.outlook.com without signing in."
            )
            .to_owned(),
            crate::en!(
                "High Volume Email (smtp-hve.office365.com, port 587) keeps passwords until \
                 September 2028, but delivers only to your own organisation's mailboxes."
            )
            .to_owned(),
            crate::en!(
                "Or move the site's mail code to MailKit with OAuth (ASP.NET's built-in mail sender \
                 cannot do OAuth)."
            )
            .to_owned(),
        ]);
    } else {
        ways_out.extend([
            crate::en!(
                "Sign in with OAuth instead (Microsoft 365 app with the SMTP.SendAsApp permission): \
                 test it here with Sign-in → Microsoft 365 (OAuth), or `mailtester send --oauth \
                 microsoft`, then use the OAuth snippet for your platform."
            )
            .to_owned(),
            crate::en!(
                "Or send through a relay that keeps passwords: Azure Communication Services \
                 (smtp.azurecomm.net) or a sending service."
            )
            .to_owned(),
        ]);
    }
    Warning {
        id: WarningId::BasicAuthEnding,
        summary: crate::en!(
            "This works today, but Microsoft 365 switches password sign-in off at the end of \
             December 2026"
        )
        .to_owned(),
        explanation: crate::en!(
            "Microsoft switches password sign-in for SMTP (basic authentication) off by default \
             for every Microsoft 365 organisation at the end of December 2026. An administrator \
             can switch it back on for now; Microsoft will announce the final end in the second \
             half of 2027. From then on, mail from your website stops."
        )
        .to_owned(),
        will_log: will_log(settings),
        ways_out,
    }
}

/// What the site will log: ASP.NET's exception (it goes on without signing in after the
/// refusal, and the server then refuses the sender), or Microsoft's reply.
fn will_log(settings: &Settings) -> String {
    let refusal = Reply::new(BASIC_AUTH_OFF.0, BASIC_AUTH_OFF.1);
    if settings.target != Target::DotNet {
        return refusal.display();
    }
    let report = SessionReport {
        sign_in_failure: Some(SessionError::Rejected {
            step: Step::Auth,
            reply: refusal.clone(),
        }),
        error: Some(SessionError::Rejected {
            step: Step::MailFrom,
            reply: Reply::new(NOT_SIGNED_IN.0, NOT_SIGNED_IN.1),
        }),
        ..SessionReport::default()
    };
    let runtime = DotNetRuntime::of(settings.framework);
    predict_exception(settings, &report, runtime, HostOs::Windows)
        .as_ref()
        .map_or_else(|| refusal.display(), DotNetException::to_string)
}
