//! "Will it arrive?": under a successful test, the DNS checks of the From domain (SPF, DKIM,
//! DMARC) on request, with a verdict, each finding's fix in plain words and the record to paste.
//! The checks are [`crate::arrive::check`] on tokio; nothing is looked up until the user asks.

use egui::{RichText, Ui};

use crate::i18n::tr;

use super::command::{Command, TestCommand, ViewCommand};
use super::widgets::{self, Icon};
use super::{ids, style};
use crate::arrive::{ArrivalReport, DnsRecord, Finding, FindingId, Severity, Verdict};

/// What the card knows: the DNS check on request and its answer.
pub type ArriveState = super::background::Background<ArrivalReport>;

/// The card under the snippet after a success; `more` draws the inbox part under the DNS part.
pub fn arrive_card(
    ui: &mut Ui,
    state: &ArriveState,
    from: &str,
    commands: &mut Vec<Command>,
    more: impl FnOnce(&mut Ui, &mut Vec<Command>),
) {
    ui.add_space(10.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(crate::tr!("Will it arrive?")).heading());
        match (&state.report, state.running) {
            (Some(report), _) => report_ui(ui, report, commands),
            (None, true) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(crate::tr!(
                        "Checking the DNS of {domain}…",
                        domain = domain_of(from)
                    ));
                });
            }
            (None, false) => ask_ui(ui, state, from, commands),
        }
        more(ui, commands);
    });
}

/// What the check is for, and the button.
fn ask_ui(ui: &mut Ui, state: &ArriveState, from: &str, commands: &mut Vec<Command>) {
    ui.label(crate::tr!(
        "Your server took the message. Whether your customers' mailboxes accept it depends on \
         what {domain} publishes in DNS (SPF, DKIM and DMARC): Gmail, Outlook.com and others \
         check it on every message.",
        domain = domain_of(from)
    ));
    if let Some(error) = &state.error {
        ui.colored_label(style::bad(ui), tr(error));
    }
    if style::button(ui, "arrive_check", true, &crate::tr!("Check my domain")).clicked() {
        commands.push(Command::Test(TestCommand::CheckDns));
    }
}

/// The verdict, then each finding with its fix.
fn report_ui(ui: &mut Ui, report: &ArrivalReport, commands: &mut Vec<Command>) {
    let color = match report.verdict {
        Verdict::LikelyToArrive => style::good(ui),
        Verdict::LikelyToLandInSpam => style::warn(ui),
        Verdict::WillBeRejected => style::bad(ui),
    };
    ui.label(
        RichText::new(format!(
            "{}: {}",
            report.from_domain,
            tr(&report.verdict_text)
        ))
        .size(17.0)
        .strong()
        .color(color),
    );
    if let Some(note) = &report.dns_note {
        ui.colored_label(style::warn(ui), tr(note));
    }
    for (index, finding) in report.findings.iter().enumerate() {
        ui.add_space(4.0);
        finding_ui(ui, index, finding, commands);
    }
}

fn finding_ui(ui: &mut Ui, index: usize, finding: &Finding, commands: &mut Vec<Command>) {
    let (icon, color) = match finding.severity {
        // Not a pass: we could not tell.
        Severity::Ok if finding.id == FindingId::DkimNotChecked => {
            (Icon::Dash, ui.visuals().weak_text_color())
        }
        Severity::Ok => (Icon::Tick, style::good(ui)),
        Severity::Warning => (Icon::Cross, style::warn(ui)),
        Severity::Problem => (Icon::Cross, style::bad(ui)),
    };
    ui.horizontal(|ui| {
        widgets::icon(ui, icon, color);
        ui.label(RichText::new(tr(&finding.title)).strong());
    });
    ui.label(tr(&finding.explanation));
    if let Some(record) = &finding.record {
        record_ui(ui, index, record, commands);
    }
}

/// The record to add, and Copy for its value.
fn record_ui(ui: &mut Ui, index: usize, record: &DnsRecord, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(crate::tr!("Name")).weak());
                ui.monospace(&record.name);
                ui.label(RichText::new(crate::tr!("Type")).weak());
                ui.monospace(&record.record_type);
            });
            ui.add(egui::Label::new(RichText::new(&record.value).monospace()).wrap());
            let copy = egui::Button::new(crate::tr!("Copy value"));
            if ids::add(ui, ("arrive_copy", index), copy).clicked() {
                commands.push(Command::View(ViewCommand::Copy {
                    text: record.value.clone(),
                    // English: the confirmation translates it.
                    what: crate::en!("DNS record"),
                }));
            }
        });
}

/// The part after `@`, or the text itself.
fn domain_of(from: &str) -> &str {
    from.rsplit_once('@').map_or(from, |(_, domain)| domain)
}
