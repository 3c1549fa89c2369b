//! Colours and small visual helpers, readable in both the light and the dark theme.

use egui::{Color32, Ui};

/// Success: ticks, the green card.
pub fn good(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(24, 128, 56),
        Color32::from_rgb(110, 210, 130),
    )
}

/// Failure: crosses, the diagnosis card, field errors.
pub fn bad(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(190, 30, 30),
        Color32::from_rgb(255, 120, 110),
    )
}

/// Warnings.
pub fn warn(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(160, 90, 0),
        Color32::from_rgb(250, 190, 80),
    )
}

/// Lines we sent.
pub fn client(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(30, 80, 190),
        Color32::from_rgb(130, 170, 255),
    )
}

/// Lines the server sent.
pub fn server(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(20, 110, 60),
        Color32::from_rgb(140, 215, 150),
    )
}

/// A soft background for cards, tinted with `color`.
pub fn tint(ui: &Ui, color: Color32) -> Color32 {
    let alpha = if ui.visuals().dark_mode { 28 } else { 18 };
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

fn pick(ui: &Ui, light: Color32, dark: Color32) -> Color32 {
    if ui.visuals().dark_mode { dark } else { light }
}

/// Text whose `backticked` parts (attribute names and values in the diagnosis texts) are set in
/// a monospace font, so they read as "type exactly this".
pub fn prose(ui: &Ui, text: &str) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let body = egui::TextStyle::Body.resolve(ui.style());
    let mono = egui::FontId::monospace(body.size);
    let color = ui.visuals().text_color();
    let code_background = ui.visuals().code_bg_color;
    let mut job = LayoutJob::default();
    for (index, part) in text.split('`').enumerate() {
        if part.is_empty() {
            continue;
        }
        let format = if index % 2 == 1 {
            TextFormat {
                font_id: mono.clone(),
                color,
                background: code_background,
                ..TextFormat::default()
            }
        } else {
            TextFormat::simple(body.clone(), color)
        };
        job.append(part, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}
