//! The result of a fleet check above its rows: the summary, the exports, what was skipped and
//! the filter by verdict. The rows are [`super::fleet_rows`].

use std::time::Duration;

use egui::{Checkbox, RichText, TextEdit, Ui};

use super::app::Notice;
use super::command::{Command, FleetCommand};
use super::fleet::{FleetState, ScanExport, VERDICTS, count, in_a_sentence, word};
use super::fleet_rows::list_ui;
use super::{ids, style};
use crate::fleet::report::ScanReport;

/// The summary, the exports, what was skipped, the filter and the rows.
pub(super) fn result_ui(
    ui: &mut Ui,
    state: &mut FleetState,
    report: &ScanReport,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(summary(report)).strong());
    if report.cancelled {
        ui.colored_label(
            style::warn(ui),
            "Stopped before the end: sites whose server had not answered yet are Unknown.",
        );
    }
    if report.sites.is_empty() {
        ui.colored_label(
            style::bad(ui),
            "No site with mail settings was found under this folder. Check the path, or \
             choose the folder that holds the sites' folders.",
        );
    }
    export_ui(ui, state, !report.sites.is_empty(), commands);
    if !report.skipped.is_empty() {
        egui::CollapsingHeader::new(format!(
            "Could not look at {}",
            count(report.skipped.len(), "path")
        ))
        .id_salt("fleet_skipped")
        .show(ui, |ui| {
            for skipped in report.skipped.iter().take(200) {
                ui.label(format!("{}: {}", skipped.path.display(), skipped.reason));
            }
        });
    }
    if report.sites.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Show:");
        for (at, verdict) in VERDICTS.iter().enumerate() {
            let text = format!("{} ({})", word(*verdict), report.count(*verdict));
            if let Some(shown) = state.shown.get_mut(at) {
                ids::add(ui, ("fleet_show", at), Checkbox::new(shown, text));
            }
        }
    });
    list_ui(ui, state, report, commands);
}

/// "4 sites: 1 broken, 1 at risk, 1 unknown, 1 OK. 2 mail servers, 5 files read in 0.4 s."
fn summary(report: &ScanReport) -> String {
    let counts: Vec<String> = VERDICTS
        .iter()
        .map(|v| format!("{} {}", report.count(*v), in_a_sentence(*v)))
        .collect();
    let servers = if report.offline {
        "Servers not contacted: judged from the files alone.".to_owned()
    } else {
        format!("{} contacted.", count(report.servers.len(), "mail server"))
    };
    format!(
        "{}: {}. {servers} {} read in {:.1} s.",
        count(report.sites.len(), "site"),
        counts.join(", "),
        count(report.files_read, "file"),
        Duration::from_millis(report.total_ms).as_secs_f64(),
    )
}

/// Export CSV… and Export HTML…, where to save when no dialog appeared, and how it went.
fn export_ui(ui: &mut Ui, state: &mut FleetState, enabled: bool, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for (key, export, text) in [
            ("fleet_export_csv", ScanExport::Csv, "Export CSV…"),
            ("fleet_export_html", ScanExport::Html, "Export HTML…"),
        ] {
            if style::button(ui, key, enabled, text).clicked() {
                commands.push(Command::Fleet(FleetCommand::Export(export)));
            }
        }
        ui.label(RichText::new("Without passwords.").weak());
    });
    if let Some(prompt) = &mut state.export_prompt {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("No file chosen. If no file window appeared, type where to save:");
            let edit = TextEdit::singleline(&mut prompt.path).id(ids::id("fleet_export_path"));
            ui.add(edit.desired_width(360.0)).labelled_by(label.id);
            if style::button(ui, "fleet_export_save", true, "Save").clicked() {
                commands.push(Command::Fleet(FleetCommand::SaveTypedExport));
            }
            if style::button(ui, "fleet_export_dismiss", true, "Cancel").clicked() {
                commands.push(Command::Fleet(FleetCommand::DismissExportPrompt));
            }
        });
    }
    note_ui(ui, state.note.as_ref());
}

/// "Saved to …", or what went wrong, in red.
pub(super) fn note_ui(ui: &mut Ui, note: Option<&Notice>) {
    if let Some(note) = note {
        let color = if note.is_error {
            style::bad(ui)
        } else {
            ui.visuals().text_color()
        };
        ui.colored_label(color, &note.text);
    }
}
