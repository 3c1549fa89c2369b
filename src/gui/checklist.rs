//! The four-step checklist: Connect, Secure connection, Sign in, Send message.

use egui::{RichText, Ui};

use super::style;
use crate::event::StepStatus;
use crate::session::SessionReport;

/// Draws the checklist for the live (or finished) run.
pub fn checklist_ui(ui: &mut Ui, live: &SessionReport, running: bool) {
    ui.horizontal_wrapped(|ui| {
        for (item, status, ms) in live.checklist() {
            ui.group(|ui| {
                ui.horizontal(|ui| {
                    let status = match status {
                        // A step left "running" by a finished run never completed.
                        Some(StepStatus::Running) if !running => None,
                        other => other,
                    };
                    match status {
                        Some(StepStatus::Running) => {
                            ui.spinner();
                        }
                        Some(StepStatus::Passed) => {
                            ui.label(RichText::new("✔").color(style::good(ui)).strong());
                        }
                        Some(StepStatus::Failed) => {
                            ui.label(RichText::new("✖").color(style::bad(ui)).strong());
                        }
                        Some(StepStatus::Skipped) => {
                            ui.label(RichText::new("–").weak());
                        }
                        None => {
                            ui.label(RichText::new("○").weak());
                        }
                    }
                    let label = ui.label(item.label());
                    let detail = match status {
                        Some(StepStatus::Passed | StepStatus::Failed) => {
                            crate::event::format_ms(ms)
                        }
                        Some(StepStatus::Skipped) => "not used".to_owned(),
                        _ => String::new(),
                    };
                    if !detail.is_empty() {
                        ui.label(RichText::new(detail).weak().small());
                    }
                    label
                });
            });
        }
    });
}
