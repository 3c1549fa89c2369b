//! Pasted error text (a .NET exception, an error from `PHPMailer`, Nodemailer, Python or `MailKit`,
//! a raw server reply) → the same diagnosis the session would give.
//!
//! Order: a server reply found in the text goes through [`classify_reply`], so the wire and the
//! paste agree; then the client programs' own messages (a table); then server wording without a
//! code; otherwise an honest "we don't recognise this".

use super::classify::{classify_reply, for_reply, with_provider};
use super::provider;
use super::scan::{self, Found};
use super::texts::{self, AUTH_REQUIRED_IN_DOTNET_LOG, DOTNET_465, NOT_RECOGNISED};
use super::{Diagnosis, DiagnosisId as D};
use crate::reply::Reply;
use phrases::{PHRASES, Phrase};

/// Bare server wording ("Relay access denied") is looked for only in short texts, so that a long
/// log's stack trace cannot masquerade as a reason.
const BARE_WORDING_MAX: usize = 400;

/// Diagnoses pasted text: an exception, a client library's error or a raw server reply.
///
/// Never panics; text we cannot place gives [`DiagnosisId::Unknown`](super::DiagnosisId::Unknown) with what to look for.
/// `server_reply` holds the reply part found in the text, if any.
pub fn explain_text(text: &str) -> Diagnosis {
    super::pasted::worded_for(text, explain(text))
}

fn explain(text: &str) -> Diagnosis {
    let lower = text.to_lowercase();
    let provider = provider::in_text(&lower);
    let found = scan::find_reply(text);
    if let Some(found) = &found {
        if let Some(diagnosis) = dotnet_log::reading(&lower, found) {
            return with_provider(diagnosis, provider);
        }
        let id = classify_reply(None, &found.reply);
        if id == D::AuthRequired && lower.contains("the client was not authenticated") {
            return texts::variant(id, &AUTH_REQUIRED_IN_DOTNET_LOG).with_reply(found.raw.clone());
        }
        if id != D::Unknown {
            return for_reply(id, &found.reply, provider).with_reply(found.raw.clone());
        }
    }
    if found.is_none()
        && let Some(diagnosis) = dotnet_log::without_reply(&lower)
    {
        return diagnosis;
    }
    if let Some(phrase) = PHRASES
        .iter()
        .find(|p| p.words.iter().any(|w| lower.contains(w)))
    {
        if phrase.summary
            && let Some(specific) = bare_wording(text, provider)
        {
            return specific;
        }
        let diagnosis = from_phrase(phrase, &lower);
        let diagnosis = with_provider(diagnosis, provider);
        return match &found {
            Some(found) => diagnosis.with_reply(found.raw.clone()),
            None => diagnosis,
        };
    }
    bare_wording(text, provider).unwrap_or_else(|| not_recognised(found))
}

/// A short text's server wording without a code ("Relay access denied"), when it names a
/// problem.
fn bare_wording(text: &str, provider: Option<&'static provider::Provider>) -> Option<Diagnosis> {
    if text.trim().len() > BARE_WORDING_MAX {
        return None;
    }
    let bare = Reply {
        code: 0,
        enhanced: None,
        lines: vec![text.trim().to_owned()],
    };
    let id = classify_reply(None, &bare);
    (id != D::Unknown).then(|| for_reply(id, &bare, provider))
}

fn from_phrase(phrase: &Phrase, lower: &str) -> Diagnosis {
    // ASP.NET on port 465 waits for a greeting until its timeout: that is the real cause.
    if matches!(phrase.id, D::Timeout | D::NoGreeting) && lower.contains("465") {
        return texts::variant(D::NoGreeting, &DOTNET_465);
    }
    match phrase.text {
        Some(text) => texts::variant(phrase.id, text),
        None => texts::base(phrase.id),
    }
}

fn not_recognised(found: Option<Found>) -> Diagnosis {
    let Some(found) = found else {
        return texts::variant(D::Unknown, &NOT_RECOGNISED);
    };
    let meaning = if found.reply.is_transient() {
        crate::en!(
            "Codes that start with 4 mean \"try again later\"; if it keeps happening, the reply's \
             words are the reason to send to your mail provider."
        )
    } else {
        crate::en!(
            "Codes that start with 5 mean the server will not accept this as it is; the words \
             after the code are its reason."
        )
    };
    texts::base(D::Unknown)
        .with_summary(crate::en!("We don't recognise this server reply"))
        .with_explanation(crate::en!(
            "The server answered with a reply we have no explanation for yet."
        ))
        .explain_more(meaning)
        .with_reply(found.raw)
}

mod dotnet_log;
mod phrases;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pasted;
