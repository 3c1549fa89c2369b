//! Advice in the site's own terms: only what its ASP.NET version can set, written where it
//! sets it, and never a change to a value the site already has.
//!
//! The texts are written in `web.config` terms of .NET Framework 4.x. On 2.0–3.5 `<network>`
//! has no `enableSsl` (adding it makes the whole `<mailSettings>` section invalid, the origin
//! KB article's first case): SSL is switched on in code instead. ASP.NET Core reads no
//! `<mailSettings>`: its settings live in `appsettings.json` (our MailKit section).

use super::{Change, Diagnosis, SuggestedChange};
use crate::settings::{Framework, Security, Settings, Target};

/// The step that says how to switch SSL on in code, for ASP.NET 2.0–3.5.
pub const LEGACY_SSL_STEP: &str = crate::en!(
    "ASP.NET 2.0–3.5 has no `enableSsl` in web.config (adding it breaks the whole mail section), \
     so switch SSL on in your code, just before sending: `smtpClient.EnableSsl = true;`. For the \
     PasswordRecovery control, handle its `SendingMail` event: send `e.Message` yourself with a \
     `SmtpClient` whose `EnableSsl` is `true`, then set `e.Cancel = true;`. Or move the site to \
     .NET Framework 4.x, where `enableSsl=\"true\"` in web.config is enough."
);

/// The diagnosis in the terms of the site's framework (for the ASP.NET target).
pub(super) fn in_site_terms(
    mut diagnosis: Diagnosis,
    target: Target,
    framework: Framework,
) -> Diagnosis {
    if target != Target::DotNet {
        return diagnosis;
    }
    let rewrite: fn(&str) -> String = match framework {
        Framework::Net4 => return diagnosis,
        Framework::Legacy => legacy_terms,
        Framework::Core => core_terms,
    };
    let mentioned_ssl = mentions_ssl(&diagnosis);
    let mut dropped_ssl = false;
    if framework == Framework::Legacy
        && let Some(change) = diagnosis.suggested_change.take()
    {
        let before = change.changes.len();
        let kept: Vec<Change> = change
            .changes
            .into_iter()
            .filter(|change| !matches!(change, Change::EnableSsl(_) | Change::Security(_)))
            .collect();
        dropped_ssl = kept.len() < before;
        diagnosis.suggested_change = (!kept.is_empty()).then(|| SuggestedChange::new(kept));
    }
    diagnosis.summary = rewrite(&diagnosis.summary);
    diagnosis.explanation = rewrite(&diagnosis.explanation);
    for step in &mut diagnosis.steps_to_fix {
        *step = rewrite(step);
    }
    if framework == Framework::Legacy && (mentioned_ssl || dropped_ssl) {
        // How to do it in code goes right after the step that says to (or first).
        let steps = &mut diagnosis.steps_to_fix;
        steps.retain(|step| step.trim_end_matches('.') != "Switch SSL on in code");
        let at = steps
            .iter()
            .position(|step| {
                step.contains("SSL on in code") || step.contains("switched on in code")
            })
            .map_or(0, |index| index + 1);
        steps.insert(at, LEGACY_SSL_STEP.to_owned());
    }
    if framework == Framework::Core {
        // MailKit signs in with the user name and password it is given: no Windows account.
        diagnosis
            .steps_to_fix
            .retain(|step| !step.contains("`defaultCredentials`"));
    }
    diagnosis
}

/// Drops the steps that propose what the settings already have (`port` `587`, `enableSsl`
/// `true`), so the advice never opens with a change the user has made.
pub(super) fn without_settled_steps(mut diagnosis: Diagnosis, settings: &Settings) -> Diagnosis {
    let has_587 = settings.port == 587;
    let has_ssl = settings.effective_security() == Security::StartTls;
    diagnosis.steps_to_fix.retain(|step| {
        let proposes = ["Change ", "Use ", "Set "]
            .iter()
            .any(|verb| step.starts_with(verb));
        let port = proposes_port_587(step);
        let ssl = proposes_ssl(step);
        let settled = proposes && (port || ssl) && (!port || has_587) && (!ssl || has_ssl);
        !settled
    });
    diagnosis
}

fn proposes_port_587(step: &str) -> bool {
    step.contains("`port` to `587`") || step.contains("`port` `587`")
}

fn proposes_ssl(step: &str) -> bool {
    step.contains("`enableSsl` to `true`") || step.contains("`enableSsl` set to `true`")
}

fn mentions_ssl(diagnosis: &Diagnosis) -> bool {
    let any = |text: &str| proposes_ssl(text) || text.contains("enableSsl=\"true\"");
    any(&diagnosis.explanation) || diagnosis.steps_to_fix.iter().any(|step| any(step))
}

/// The other ways a text can read once `in_site_terms` rewrote it for ASP.NET 2.0–3.5 or
/// ASP.NET Core: the catalogue needs them as messages of their own.
pub fn site_term_variants(text: &str) -> Vec<String> {
    let mut variants: Vec<String> = Vec::new();
    for variant in [legacy_terms(text), core_terms(text)] {
        if variant != text && !variants.contains(&variant) {
            variants.push(variant);
        }
    }
    variants
}

/// `enableSsl` for a site whose web.config cannot have it.
fn legacy_terms(text: &str) -> String {
    text.replace(
        "In web.config, `enableSsl=\"true\"` turns that on.",
        crate::en!(
            "In code, `smtpClient.EnableSsl = true;` turns that on (web.config cannot, on ASP.NET \
             2.0–3.5)."
        ),
    )
    .replace("Set `enableSsl` to `true`", "Switch SSL on in code")
    .replace("set `enableSsl` to `true`", "switch SSL on in code")
    .replace("`enableSsl` set to `true`", "SSL switched on in code")
    .replace(
        "`enableSsl=\"true\"` turns that on",
        "`smtpClient.EnableSsl = true;` in code turns that on",
    )
    .replace(
        "`enableSsl=\"true\"` turns STARTTLS on in web.config",
        "`smtpClient.EnableSsl = true;` in code turns STARTTLS on",
    )
    .replace(
        "`enableSsl=\"true\"` turns it on in web.config",
        "`smtpClient.EnableSsl = true;` in code turns it on",
    )
    .replace(
        "`enableSsl=\"true\"`",
        "`smtpClient.EnableSsl = true;` in code",
    )
    .replace("`enableSsl`", "SSL (`SmtpClient.EnableSsl`, set in code)")
}

/// web.config's names for a site that keeps its settings in appsettings.json.
fn core_terms(text: &str) -> String {
    text.replace(
        "`enableSsl` to `true`",
        "`SecureSocketOptions` to `StartTls`",
    )
    .replace(
        "`enableSsl` set to `true`",
        "`SecureSocketOptions` set to `StartTls`",
    )
    .replace(
        "`enableSsl=\"true\"`",
        "`\"SecureSocketOptions\": \"StartTls\"`",
    )
    .replace("`enableSsl`", "`SecureSocketOptions`")
    .replace("`host`", "`Host`")
    .replace("`port`", "`Port`")
    .replace("`userName`", "`UserName`")
    .replace("`password`", "`Password`")
    .replace("`from`", "`From`")
    .replace("web.config", "appsettings.json")
}

#[cfg(test)]
#[path = "site_tests.rs"]
mod tests;
