//! The four-step checklist: Connect, Secure connection, Sign in, Send message. Each step is a
//! box with its state and, under its name, the time it took or, in a few words, why it was
//! skipped. The step the diagnosis blames is the red one, even when the server only said no
//! at a later step.

use egui::{Frame, RichText, Stroke, Ui};

use super::style;
use super::widgets::{Icon, icon};
use crate::event::{ChecklistEntry, StepStatus};

/// How one box looks.
struct Look {
    icon: Option<Icon>,
    detail: String,
    blamed: bool,
}

/// Draws the checklist. `running`: the test is still going (a step may be in progress);
/// `failed`: the test is over and did not reach its goal (or was cancelled: `blamed_known`
/// is then true with no entry blamed, so that no step is painted red).
pub fn checklist_ui(ui: &mut Ui, entries: &[ChecklistEntry], running: bool, blamed_known: bool) {
    let columns = if ui.available_width() >= 640.0 { 4 } else { 2 };
    let spacing = ui.spacing().item_spacing.x;
    #[allow(clippy::cast_precision_loss)] // 2 or 4
    let width =
        ((ui.available_width() - spacing * (columns as f32 - 1.0)) / columns as f32).floor();
    // Every box as tall as the tallest in the last frame, so that the row reads as one.
    let height_id = super::ids::id("checklist box height");
    let height = ui.data(|d| d.get_temp::<f32>(height_id)).unwrap_or(0.0);
    let mut tallest: f32 = 0.0;
    for row in entries.chunks(columns) {
        ui.horizontal(|ui| {
            for entry in row {
                let look = look(entry, running, blamed_known);
                tallest = tallest.max(step_box(ui, entry, &look, width, height));
            }
        });
    }
    if (tallest - height).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(height_id, tallest));
        ui.ctx().request_repaint();
    }
}

fn look(entry: &ChecklistEntry, running: bool, blamed_known: bool) -> Look {
    let note = entry.note.map(str::to_owned);
    let time = crate::event::format_ms(entry.ms);
    let (icon, detail, blamed) = match entry.status {
        // A step left "running" by a finished run never completed.
        Some(StepStatus::Running) if running => (None, "working…".to_owned(), false),
        None | Some(StepStatus::Running) if running => {
            (Some(Icon::Circle), "waiting".to_owned(), false)
        }
        None | Some(StepStatus::Running) => (
            Some(Icon::Circle),
            "not reached".to_owned(),
            entry.caused_failure,
        ),
        Some(StepStatus::Passed) => (Some(Icon::Tick), note.unwrap_or(time), false),
        Some(StepStatus::Skipped) if entry.caused_failure => (
            Some(Icon::Cross),
            note.unwrap_or_else(|| "skipped".to_owned()),
            true,
        ),
        Some(StepStatus::Skipped) => (
            Some(Icon::Dash),
            note.unwrap_or_else(|| "skipped".to_owned()),
            false,
        ),
        // Another step is to blame: this one only stopped because of it.
        Some(StepStatus::Failed) if blamed_known && !entry.caused_failure => {
            (Some(Icon::Stop), "stopped here".to_owned(), false)
        }
        Some(StepStatus::Failed) => (Some(Icon::Cross), note.unwrap_or(time), true),
    };
    Look {
        icon: if blamed { Some(Icon::Cross) } else { icon },
        detail,
        blamed,
    }
}

/// One box, `width` wide and at least `height` tall; returns the height its contents need.
fn step_box(ui: &mut Ui, entry: &ChecklistEntry, look: &Look, width: f32, height: f32) -> f32 {
    let bad = style::bad(ui);
    let (fill, stroke) = if look.blamed {
        (style::tint(ui, bad), Stroke::new(1.5, bad))
    } else {
        (
            ui.visuals().faint_bg_color,
            ui.visuals().widgets.noninteractive.bg_stroke,
        )
    };
    Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(8, 6))
        .show(ui, |ui| {
            // Less the inner margins and the border.
            ui.set_width(width - 20.0);
            let needed = ui
                .vertical(|ui| step_contents(ui, entry, look))
                .response
                .rect
                .height();
            ui.set_min_height(height);
            needed
        })
        .inner
}

fn step_contents(ui: &mut Ui, entry: &ChecklistEntry, look: &Look) {
    let bad = style::bad(ui);
    ui.horizontal(|ui| {
        match look.icon {
            Some(kind) => {
                let color = match kind {
                    Icon::Tick => style::good(ui),
                    Icon::Cross => bad,
                    _ => ui.visuals().weak_text_color(),
                };
                icon(ui, kind, color);
            }
            None => {
                ui.spinner();
            }
        }
        let name = RichText::new(entry.item.label()).strong();
        ui.label(if look.blamed { name.color(bad) } else { name });
    });
    let detail = RichText::new(&look.detail);
    ui.label(if look.blamed {
        detail.color(bad)
    } else {
        detail.color(ui.visuals().weak_text_color())
    });
}
