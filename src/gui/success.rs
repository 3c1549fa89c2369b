//! A test that worked: the green card with what was proven (connected, encrypted, signed in,
//! accepted, the Message-ID) and the next step.

use egui::{RichText, Ui};

use super::result::card;
use super::style;
use super::widgets::{Icon, icon};
use crate::event::{Step, StepStatus};
use crate::i18n::tr;
use crate::outcome::TestOutcome;
use crate::settings::Severity;
use crate::snippet::Format;

/// Draws the success card. `format`: the snippet on show under it (the next step names it).
pub fn success_card(ui: &mut Ui, outcome: &TestOutcome, format: Format) {
    // Delivered to the server's own mailbox, refused for everyone else: not a success to copy.
    let partial = outcome.refuses_customers();
    let (accent, mark, title) = if partial {
        (
            style::warn(ui),
            Icon::Dash,
            crate::tr!("Only mail to this server's own addresses works"),
        )
    } else {
        (
            style::good(ui),
            Icon::Tick,
            crate::tr!("Your settings work"),
        )
    };
    card(ui, accent, |ui| {
        ui.horizontal(|ui| {
            icon(ui, mark, accent);
            // Wraps in a narrow window rather than widening the card past it.
            ui.add(egui::Label::new(RichText::new(title).size(20.0).strong().color(accent)).wrap());
        });
        ui.label(crate::tr!(
            "We sent a test email to {recipient}. Check that it arrived (look in the spam folder too).",
            recipient = outcome.settings().recipient()
        ));
        ui.add_space(4.0);
        if partial {
            proven_ui(ui, outcome);
        } else if ui.available_width() >= 700.0 {
            // Side by side: what was proven, and what to do now.
            ui.columns(2, |columns| {
                proven_ui(&mut columns[0], outcome);
                next_step_ui(&mut columns[1], outcome, format);
            });
        } else {
            proven_ui(ui, outcome);
            ui.add_space(6.0);
            next_step_ui(ui, outcome, format);
        }
        warnings_ui(ui, outcome);
    });
}

/// One line per thing the test proved, with a tick; what it could not prove, with a dash.
fn proven_ui(ui: &mut Ui, outcome: &TestOutcome) {
    let settings = outcome.settings();
    let report = outcome.report();
    let passed = |step| {
        report
            .step(step)
            .is_some_and(|r| r.status == StepStatus::Passed)
    };
    let mut lines = vec![(
        true,
        crate::tr!(
            "Connected to {host} on port {port}",
            host = settings.host.trim(),
            port = settings.port
        ),
    )];
    lines.push(match &report.tls {
        Some(tls) => (
            true,
            crate::tr!("Encrypted with {version}", version = tls.version),
        ),
        None => (
            false,
            crate::tr!("Not encrypted: anyone on the way could read the mail"),
        ),
    });
    lines.push(if passed(Step::Auth) {
        (
            true,
            crate::tr!("Signed in as {user}", user = settings.user_name.trim()),
        )
    } else if settings.wants_auth() {
        (
            false,
            crate::tr!("Sent without signing in: the server offered no sign-in"),
        )
    } else {
        (false, crate::tr!("Sent without signing in (no user name)"))
    });
    lines.push((
        true,
        crate::tr!(
            "Accepted for delivery to {recipient}",
            recipient = settings.recipient()
        ),
    ));
    for (proven, text) in lines {
        ui.horizontal(|ui| {
            if proven {
                icon(ui, Icon::Tick, style::good(ui));
                ui.label(text);
            } else {
                icon(ui, Icon::Dash, style::warn(ui));
                ui.colored_label(style::warn(ui), text);
            }
        });
    }
}

fn warnings_ui(ui: &mut Ui, outcome: &TestOutcome) {
    if let Some(problem) = &outcome.report().accepted_certificate_problem {
        ui.colored_label(
            style::warn(ui),
            crate::tr!(
                "Warning: the server's certificate is not valid ({problem}). It worked only \
                 because you allowed invalid certificates; your website checks certificates and \
                 will fail.",
                problem = format!("{problem:?}")
            ),
        );
    }
    for note in outcome
        .notes()
        .iter()
        .filter(|n| n.severity == Severity::Warning)
    {
        ui.colored_label(
            style::warn(ui),
            crate::tr!("Warning: {message}", message = tr(&note.message)),
        );
    }
}

/// The next step, and the Message-ID support can look for.
fn next_step_ui(ui: &mut Ui, outcome: &TestOutcome, format: Format) {
    let text = if format == Format::WebConfig {
        crate::tr!(
            "Copy the block below into your website's web.config, in place of its <mailSettings> \
             block, or press \"Update my web.config…\" to have it done for you: you see every \
             change first, and a backup is kept."
        )
    } else {
        crate::tr!(
            "Copy the settings below into your site's {format} configuration.",
            format = format.label()
        )
    };
    ui.label(RichText::new(crate::tr!("Next step")).strong());
    ui.label(text);
    if let Some(id) = &outcome.report().message_id {
        ui.add_space(4.0);
        ui.label(RichText::new(crate::tr!("Message-ID of the test email")).weak())
            .on_hover_text(crate::tr!(
                "Support can find the message in the server's log by this ID"
            ));
        ui.add(egui::Label::new(RichText::new(id).monospace()).selectable(true));
    }
}
