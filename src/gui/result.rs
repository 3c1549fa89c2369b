//! A failed test: the diagnosis card with its one-click fix, the certificate and the line the
//! website's log will show.

use egui::{RichText, Ui};

use super::command::{Command, TestCommand};
use super::style;
use crate::certificate::CertificateInfo;
use crate::diagnosis::{Diagnosis, DiagnosisId};
use crate::i18n::tr;
use crate::outcome::TestOutcome;
use crate::settings::Settings;

/// Ids for which the certificate details help the user.
const CERTIFICATE_IDS: [DiagnosisId; 4] = [
    DiagnosisId::CertificateNameMismatch,
    DiagnosisId::CertificateUntrusted,
    DiagnosisId::CertificateExpired,
    DiagnosisId::TlsHandshakeFailed,
];

/// Draws a diagnosis. For a finished test (`outcome`), a suggested change gets its
/// "Apply fix and test again" button (the window's primary action while it shows), and the
/// certificate and the website's log line show (pasted errors have neither).
pub fn diagnosis_card(
    ui: &mut Ui,
    diagnosis: &Diagnosis,
    outcome: Option<&TestOutcome>,
    commands: &mut Vec<Command>,
) {
    let tested = outcome.map(TestOutcome::settings);
    let certificate = outcome.and_then(|o| o.report().certificate.as_ref());
    let accent = if diagnosis.id == DiagnosisId::Cancelled {
        style::warn(ui)
    } else {
        style::bad(ui)
    };
    card(ui, accent, |ui| {
        ui.label(
            RichText::new(tr(&diagnosis.summary))
                .size(20.0)
                .strong()
                .color(accent),
        );
        ui.add_space(4.0);
        ui.label(style::prose(ui, &tr(&diagnosis.explanation)));
        steps_ui(ui, &diagnosis.steps_to_fix);
        if let Some(settings) = tested {
            actions_ui(ui, diagnosis, settings, commands);
        }
        if let Some(cert) = certificate.filter(|_| CERTIFICATE_IDS.contains(&diagnosis.id)) {
            certificate_ui(ui, cert);
        }
        if let Some(outcome) = outcome
            && let Some(exception) = outcome.aspnet_exception()
        {
            // The caption is ours; the exception under it is .NET's, in English.
            site_log_ui(ui, &tr(outcome.exception_heading()), exception);
        }
        if let Some(reply) = &diagnosis.server_reply {
            egui::CollapsingHeader::new(crate::tr!("The server's exact words"))
                .id_salt("server_reply")
                .show(ui, |ui| {
                    ui.label(RichText::new(reply).monospace());
                });
        }
        // A true footnote: for support staff, not for the site owner.
        ui.label(
            RichText::new(crate::tr!(
                "Support code: {code}",
                code = diagnosis.id.as_str()
            ))
            .weak()
            .small(),
        );
    });
}

/// "What to do", numbered.
fn steps_ui(ui: &mut Ui, steps: &[String]) {
    if steps.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(crate::tr!("What to do")).strong());
    for (number, step) in steps.iter().enumerate() {
        ui.label(style::prose(ui, &format!("{}.  {}", number + 1, tr(step))));
    }
}

/// The one-click fix and, when the password was kept back, the one-test confirmation.
fn actions_ui(
    ui: &mut Ui,
    diagnosis: &Diagnosis,
    settings: &Settings,
    commands: &mut Vec<Command>,
) {
    if let Some(change) = &diagnosis.suggested_change {
        ui.add_space(8.0);
        egui::Frame::new()
            .fill(ui.visuals().extreme_bg_color)
            .corner_radius(6.0)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.label(RichText::new(crate::tr!("The fix changes:")).strong());
                for line in change.describe(settings) {
                    ui.label(RichText::new(line).monospace());
                }
                ui.add_space(4.0);
                if style::primary_button(
                    ui,
                    "apply_fix",
                    true,
                    &crate::tr!("Apply fix and test again"),
                )
                .on_hover_text(crate::tr!(
                    "Makes this change in the form and sends the test again"
                ))
                .clicked()
                {
                    let fixed = Box::new(change.apply(settings));
                    commands.push(Command::Test(TestCommand::Retry(fixed)));
                }
            });
    }
    if diagnosis.id == DiagnosisId::PasswordUnencrypted {
        // The confirmation: the password leaves unencrypted only when asked, for one test.
        ui.add_space(6.0);
        if style::button(
            ui,
            "send_unencrypted_once",
            true,
            &crate::tr!("Send it unencrypted this once"),
        )
        .on_hover_text(crate::tr!(
            "Anyone on the way can read the password. Only for a server on your own \
                 private network."
        ))
        .clicked()
        {
            let once = Settings {
                allow_plaintext_password: true,
                ..settings.clone()
            };
            commands.push(Command::Test(TestCommand::Retry(Box::new(once))));
        }
    }
}

/// What an ASP.NET website would log for this failure, word for word, so the site owner can
/// match it with their error log.
fn site_log_ui(ui: &mut Ui, heading: &str, exception: &str) {
    egui::CollapsingHeader::new(heading)
        .id_salt("aspnet_exception")
        .default_open(true)
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(exception).monospace()).selectable(true));
        });
}

/// Draws the certificate facts.
pub fn certificate_ui(ui: &mut Ui, cert: &CertificateInfo) {
    egui::CollapsingHeader::new(crate::tr!("Certificate details"))
        .id_salt("certificate_details")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("certificate_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    for (key, value) in [
                        (crate::tr!("Valid for"), cert.names.join(", ")),
                        (crate::tr!("Subject"), cert.subject.clone()),
                        (crate::tr!("Issued by"), cert.issuer.clone()),
                        (crate::tr!("Valid from"), cert.not_before.clone()),
                        (crate::tr!("Valid until"), cert.not_after.clone()),
                        ("SHA-256".to_owned(), cert.sha256.clone()),
                    ] {
                        ui.label(RichText::new(key).weak());
                        ui.label(value);
                        ui.end_row();
                    }
                });
        });
}

/// A tinted card with an accent border (the diagnosis, the success).
pub(super) fn card(ui: &mut Ui, accent: egui::Color32, content: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(style::tint(ui, accent))
        .stroke(egui::Stroke::new(1.5, accent))
        .corner_radius(8.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            content(ui);
        });
}
