//! Server replies → diagnosis ids, through one ordered table of rules that read the reply's code,
//! its enhanced code and its text together (a code alone is only the last resort), and the
//! reply-aware tailoring shared by the session diagnosis and pasted-text explanations.

use super::provider::{self, Provider};
use super::texts;
use super::{Diagnosis, DiagnosisId};
use crate::event::Step;
use crate::reply::{Reply, is_enhanced_code, strip_enhanced};

pub(super) use super::outcome::diagnose_error;

use DiagnosisId as D;

mod rule;
mod rules;
mod words;

use rules::RULES;

/// What a rule looks at.
struct Facts {
    code: u16,
    enhanced: Option<String>,
    /// Every line, lower case, enhanced codes included.
    text: String,
}

impl Facts {
    fn of(reply: &Reply) -> Self {
        let enhanced = reply.enhanced.clone().or_else(|| {
            reply
                .lines
                .iter()
                .find_map(|line| strip_enhanced(line.trim_start()).0.map(str::to_owned))
        });
        let enhanced = enhanced.filter(|code| is_enhanced_code(code));
        Self {
            code: reply.code,
            enhanced,
            text: reply.lines.join(" ").to_lowercase(),
        }
    }
}

/// Classifies a server reply, reading its code, enhanced code and text together.
///
/// `step` is where the reply came (`None` for pasted text): a `550` at `RCPT TO` is about the
/// recipient, at `MAIL FROM` about the sender, after `DATA` about the message. Positive replies
/// and replies we cannot place give [`DiagnosisId::Unknown`].
pub fn classify_reply(step: Option<Step>, reply: &Reply) -> DiagnosisId {
    if reply.is_positive() {
        return D::Unknown;
    }
    let facts = Facts::of(reply);
    RULES
        .iter()
        .find(|rule| rule.matches(step, &facts))
        .map_or(D::Unknown, |rule| rule.id)
}

/// The diagnosis for a reply classified as `id`, tailored to what the reply says and to the
/// provider (when known). Does not set `server_reply`: callers know the best form of it.
pub(super) fn for_reply(
    id: DiagnosisId,
    reply: &Reply,
    provider: Option<&'static Provider>,
) -> Diagnosis {
    let text = reply.lines.join(" ").to_lowercase();
    let says = |word: &str| text.contains(word);
    let mut provider = provider;
    let mut diagnosis = texts::base(id);
    match id {
        D::SmtpAuthDisabled if says("for the mailbox") => {
            diagnosis = diagnosis
                .with_summary(crate::en!(
                    "Microsoft 365 has SMTP sign-in switched off for this mailbox"
                ))
                .with_explanation(crate::en!(
                    "Microsoft 365 lets administrators switch off \"Authenticated SMTP\" (the way \
                     programs sign in to send mail), and it is off for this mailbox, so even the right \
                     password is refused."
                ))
                .step_first(crate::en!(
                    "Ask your Microsoft 365 administrator to turn on \"Authenticated SMTP\" for this \
                     mailbox (admin centre → Users → Active users → the user → Mail → Manage email \
                     apps)."
                ));
        }
        D::SmtpAuthDisabled if says("tenant") || says("organization") => {
            diagnosis = diagnosis.with_summary(crate::en!(
                "Microsoft 365 has SMTP sign-in switched off for your organisation: your admin can \
                 turn it on"
            ));
        }
        D::TlsHandshakeFailed if says("tls 1.0 and 1.1") || says("4.7.66") => {
            diagnosis = old_tls_refused(diagnosis);
        }
        D::TlsHandshakeFailed if says("tls not available") || says("tls is not available") => {
            diagnosis = tls_unavailable(diagnosis);
        }
        D::AuthFailed if says("#auth005") || says("too many bad auth") => {
            provider = provider.or_else(|| provider::named("Yahoo"));
            diagnosis = diagnosis
                .with_explanation(crate::en!(
                    "Yahoo and AOL refuse the normal account password from mail programs, and after \
                     several refused tries they also pause sign-ins for a while."
                ))
                .step_last(crate::en!(
                    "Wait about an hour before testing again, so the pause can end."
                ));
        }
        D::AppPasswordRequired
            if says("badcredentials") || says("username and password not accepted") =>
        {
            provider = provider.or_else(|| provider::named("Gmail"));
            diagnosis = diagnosis.with_explanation(crate::en!(
                "Gmail refused the user name and password. Gmail accepts only an app password (a \
                 separate password made just for programs) from mail programs such as your website: \
                 since May 2022 for personal accounts and since September 2024 for Google Workspace \
                 accounts. An app password already in use may have been mistyped or withdrawn."
            ));
        }
        D::BasicAuthDisabled if says("security defaults") => {
            diagnosis = diagnosis.explain_more(crate::en!(
                "Here the block comes from your organisation's \"security defaults\" (Microsoft's \
                 standard sign-in protections)."
            ));
        }
        D::AccountBlocked if says("allowed to authenticate") => {
            diagnosis = texts::variant(id, &texts::SIGN_IN_ADDRESS_NOT_LISTED);
        }
        D::SenderRejected
            if (says("not verified") || says("sender identity"))
                && provider.is_none_or(|p| p.sender.is_none()) =>
        {
            diagnosis = diagnosis.step_first(crate::en!(
                "Verify the `from` address (or its whole domain) in your sending service's dashboard."
            ));
        }
        _ => {}
    }
    with_provider(diagnosis, provider)
}

/// The server accepts only TLS 1.2 or newer, and the program offered an older version.
fn old_tls_refused(diagnosis: Diagnosis) -> Diagnosis {
    diagnosis
        .with_summary(crate::en!(
            "The server refuses the old encryption version this program uses"
        ))
        .with_explanation(crate::en!(
            "The program offered TLS 1.0 or 1.1 (old versions of the encryption that protects the \
             connection), and the server accepts only TLS 1.2 or newer."
        ))
        .with_steps([
            crate::en!(
                "Make sure the website runs on .NET Framework 4.7 or newer, which uses the newest \
                 encryption Windows offers."
            ),
            crate::en!(
                "For an older website, ask your developer to enable TLS 1.2 \
                 (ServicePointManager.SecurityProtocol) and install the Windows updates that add it."
            ),
            crate::en!("Test again after the change."),
        ])
}

/// The server offers encryption but cannot start it: its own trouble.
fn tls_unavailable(diagnosis: Diagnosis) -> Diagnosis {
    diagnosis
        .with_summary(crate::en!(
            "The server's encryption is not working at the moment"
        ))
        .with_explanation(crate::en!(
            "The server offers encryption but could not start it because of a problem on its own \
             side (often a missing or broken certificate, the server's proof of identity)."
        ))
        .with_steps([
            crate::en!("Wait a few minutes and test again."),
            crate::en!(
                "If it persists, tell your mail provider and include the server's reply: only they \
                 can repair it."
            ),
            crate::en!(
                "Keep `enableSsl` set to `true`: without encryption your password would cross the \
                 network readable."
            ),
        ])
}

/// Adds what the provider needs to the diagnosis (app passwords, special user names, senders).
pub(super) fn with_provider(
    diagnosis: Diagnosis,
    provider: Option<&'static Provider>,
) -> Diagnosis {
    let Some(provider) = provider else {
        return diagnosis;
    };
    match diagnosis.id {
        D::AppPasswordRequired if provider.app_password => diagnosis
            .with_summary(crate::en!(
                "{provider} needs an app password instead of your normal password",
                provider = provider.name,
            ))
            .with_steps([provider.sign_in, crate::en!("Test again.")]),
        D::AuthFailed if provider.app_password => {
            // The provider's step says which password and user name to use; an app password does
            // not open webmail, so that check would mislead.
            let generic = |step: &String| {
                step.contains("app password")
                    || step.starts_with("Check that `userName`")
                    || step.starts_with("Sign in to your webmail")
            };
            let mut diagnosis = diagnosis;
            diagnosis.steps_to_fix.retain(|step| !generic(step));
            diagnosis.step_first(provider.sign_in)
        }
        D::AuthFailed | D::AuthRequired | D::WebLoginRequired | D::AppPasswordRequired => {
            diagnosis.step_first(provider.sign_in)
        }
        // The provider's ways out when it no longer takes a password (Microsoft 365: a connector,
        // High Volume Email, Azure Communication Services, MailKit with OAuth).
        D::BasicAuthDisabled | D::SmtpAuthDisabled if !provider.instead.is_empty() => {
            let mut diagnosis = diagnosis;
            diagnosis
                .steps_to_fix
                .retain(|step| !step.starts_with("Or "));
            // The ways out are alternatives, not a sequence: one step, "Or …", each way a
            // bullet under it.
            diagnosis.step_last(alternatives(provider.instead))
        }
        D::SenderRejected => match provider.sender {
            // The provider's rule replaces "use your sign-in address", which is wrong for
            // services that sign in with a key (SendGrid, Amazon SES, Postmark).
            Some(sender) => {
                let mut diagnosis = diagnosis;
                diagnosis.steps_to_fix.retain(|step| {
                    !step.starts_with("Set `from` to the same address as `userName`")
                });
                diagnosis.step_first(sender)
            }
            None => diagnosis,
        },
        _ => diagnosis,
    }
}

/// One step that offers `ways`: the first is the lead-in, each other becomes a bullet ("• …")
/// on its own line, so a card never numbers alternatives as if they were done one after
/// another.
pub(super) fn alternatives(ways: &[&str]) -> String {
    let mut step = ways.first().copied().unwrap_or_default().to_owned();
    for way in ways.iter().skip(1) {
        step.push_str("\n• ");
        step.push_str(way.trim_start_matches("Or ").trim_start_matches("or "));
    }
    step
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_sending;
#[cfg(test)]
mod tests_sign_in;
