//! The four-step checklist: Connect, Secure connection, Sign in, Send message. Each step is a
//! box with its state and, under its name, the time it took or, in a few words, why it was
//! skipped. The step the diagnosis blames is the red one, even when the server only said no
//! at a later step.

use egui::{Frame, RichText, Stroke, Ui};

use super::style;
use super::widgets::{Icon, icon};
use crate::checklist::{ItemState, ItemView};

/// How one box looks: the icon of its state (a spinner while working).
fn icon_of(state: ItemState) -> Option<Icon> {
    match state {
        ItemState::Working => None,
        ItemState::Waiting | ItemState::NotReached => Some(Icon::Circle),
        ItemState::Passed => Some(Icon::Tick),
        ItemState::Skipped => Some(Icon::Dash),
        ItemState::Stopped => Some(Icon::Stop),
        ItemState::Failed => Some(Icon::Cross),
    }
}

/// Draws the checklist (worked out by [`crate::checklist::checklist_view`]).
pub fn checklist_ui(ui: &mut Ui, items: &[ItemView]) {
    let columns = if ui.available_width() >= 640.0 { 4 } else { 2 };
    let spacing = ui.spacing().item_spacing.x;
    #[allow(clippy::cast_precision_loss)] // 2 or 4
    let width =
        ((ui.available_width() - spacing * (columns as f32 - 1.0)) / columns as f32).floor();
    // Every box as tall as the tallest in the last frame, so that the row reads as one.
    let height_id = super::ids::id("checklist box height");
    let height = ui.data(|d| d.get_temp::<f32>(height_id)).unwrap_or(0.0);
    let mut tallest: f32 = 0.0;
    for row in items.chunks(columns) {
        ui.horizontal(|ui| {
            for item in row {
                tallest = tallest.max(step_box(ui, item, width, height));
            }
        });
    }
    if (tallest - height).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(height_id, tallest));
        ui.ctx().request_repaint();
    }
}

/// One box, `width` wide and at least `height` tall; returns the height its contents need.
fn step_box(ui: &mut Ui, item: &ItemView, width: f32, height: f32) -> f32 {
    let bad = style::bad(ui);
    let (fill, stroke) = if item.blamed {
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
                .vertical(|ui| step_contents(ui, item))
                .response
                .rect
                .height();
            ui.set_min_height(height);
            needed
        })
        .inner
}

fn step_contents(ui: &mut Ui, item: &ItemView) {
    let bad = style::bad(ui);
    ui.horizontal(|ui| {
        match icon_of(item.state) {
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
        let name = RichText::new(crate::i18n::tr(item.item.label())).strong();
        ui.label(if item.blamed { name.color(bad) } else { name });
    });
    let detail = RichText::new(crate::i18n::tr(&item.detail));
    ui.label(if item.blamed {
        detail.color(bad)
    } else {
        detail.color(ui.visuals().weak_text_color())
    });
}
