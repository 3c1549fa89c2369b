//! The result of a fleet check above its rows: the summary, the exports, what was skipped and
//! the filter by verdict. The rows are [`super::fleet_rows`].

use std::time::Duration;

use egui::{Checkbox, RichText, TextEdit, Ui};

use super::app::Notice;
use super::command::{Command, FleetCommand};
use super::fleet::{FleetState, ScanExport, VERDICTS, count_sites, word};
use super::fleet_rows::list_ui;
use super::{ids, style};
use crate::fleet::judge::Verdict;
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
            crate::tr!(
                "Stopped before the end: sites whose server had not answered yet are Unknown."
            ),
        );
    }
    if report.sites.is_empty() {
        ui.colored_label(
            style::bad(ui),
            crate::tr!(
                "No site with mail settings was found under this folder. Check the path, or \
                 choose the folder that holds the sites' folders."
            ),
        );
    }
    export_ui(ui, state, !report.sites.is_empty(), commands);
    if !report.skipped.is_empty() {
        let skipped = report.skipped.len();
        let title = if skipped == 1 {
            crate::tr!("Could not look at 1 path")
        } else {
            crate::tr!("Could not look at {n} paths", n = skipped)
        };
        egui::CollapsingHeader::new(title)
            .id_salt("fleet_skipped")
            .show(ui, |ui| {
                for skipped in report.skipped.iter().take(200) {
                    let reason = crate::i18n::tr(&skipped.reason);
                    ui.label(format!("{}: {reason}", skipped.path.display()));
                }
            });
    }
    if report.sites.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(crate::tr!("Show:"));
        for (at, verdict) in VERDICTS.iter().enumerate() {
            let text = format!("{} ({})", word(*verdict), report.count(*verdict));
            if let Some(shown) = state.shown.get_mut(at) {
                ids::add(ui, ("fleet_show", at), Checkbox::new(shown, text));
            }
        }
    });
    list_ui(ui, state, report, commands);
}

/// "4 sites: 1 broken, 1 at risk, 1 unknown, 1 OK. 2 mail servers contacted. 5 files read in
/// 0.4 s."
fn summary(report: &ScanReport) -> String {
    let sites = crate::tr!(
        "{sites}: {broken} broken, {at_risk} at risk, {unknown} unknown, {ok} OK.",
        sites = count_sites(report.sites.len()),
        broken = report.count(Verdict::Broken),
        at_risk = report.count(Verdict::AtRisk),
        unknown = report.count(Verdict::Unknown),
        ok = report.count(Verdict::Ok)
    );
    let servers = match (report.offline, report.servers.len()) {
        (true, _) => crate::tr!("Servers not contacted: judged from the files alone."),
        (false, 1) => crate::tr!("1 mail server contacted."),
        (false, n) => crate::tr!("{n} mail servers contacted.", n = n),
    };
    let seconds = format!(
        "{:.1}",
        Duration::from_millis(report.total_ms).as_secs_f64()
    );
    let files = match report.files_read {
        1 => crate::tr!("1 file read in {seconds} s.", seconds = seconds),
        n => crate::tr!("{n} files read in {seconds} s.", n = n, seconds = seconds),
    };
    format!("{sites} {servers} {files}")
}

/// Export CSV… and Export HTML…, where to save when no dialog appeared, and how it went.
fn export_ui(ui: &mut Ui, state: &mut FleetState, enabled: bool, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for (key, export, text) in [
            (
                "fleet_export_csv",
                ScanExport::Csv,
                crate::tr!("Export CSV…"),
            ),
            (
                "fleet_export_html",
                ScanExport::Html,
                crate::tr!("Export HTML…"),
            ),
        ] {
            if style::button(ui, key, enabled, &text).clicked() {
                commands.push(Command::Fleet(FleetCommand::Export(export)));
            }
        }
        ui.label(RichText::new(crate::tr!("Without passwords.")).weak());
    });
    if let Some(prompt) = &mut state.export_prompt {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(crate::tr!(
                "No file chosen. If no file window appeared, type where to save:"
            ));
            let edit = TextEdit::singleline(&mut prompt.path).id(ids::id("fleet_export_path"));
            ui.add(edit.desired_width(360.0)).labelled_by(label.id);
            if style::button(ui, "fleet_export_save", true, &crate::tr!("Save")).clicked() {
                commands.push(Command::Fleet(FleetCommand::SaveTypedExport));
            }
            if style::button(ui, "fleet_export_dismiss", true, &crate::tr!("Cancel")).clicked() {
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
