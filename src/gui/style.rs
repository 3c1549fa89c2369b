//! Colours, text sizes and small visual helpers, readable in both the light and the dark theme.

use egui::{Button, Color32, FontFamily, FontId, Response, RichText, Stroke, TextStyle, Ui, vec2};

use super::ids;

/// Sets the window's text sizes and spacing for both themes: body text at 14 points (nothing
/// smaller but true footnotes at 12), and buttons with room around their words.
pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = vec2(8.0, 6.0);
        style.spacing.button_padding = vec2(10.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        // Always-visible scroll bars: a site owner must see that there is more below.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
    });
}

/// The accent of the one primary action on show (Send test email, Apply fix, Copy).
pub fn accent(ui: &Ui) -> Color32 {
    pick(
        ui,
        Color32::from_rgb(0, 95, 184),
        Color32::from_rgb(38, 118, 214),
    )
}

/// The primary action: filled with the accent, white bold text, a little taller than other
/// buttons. Exactly one per state of the window. `key` is its stable id ([`ids::add`]).
pub fn primary_button(ui: &mut Ui, key: &str, enabled: bool, text: &str) -> Response {
    if !enabled {
        // Greyed out like any other button: a faded accent still looks like a live one.
        return button(ui, key, false, text);
    }
    let base = accent(ui);
    ids::scope(ui, key, |ui| {
        // The state of the previous frame, as egui's own widgets use it.
        let previous = ui.read_response(ui.next_auto_id());
        let hovered = previous.as_ref().is_some_and(Response::hovered);
        let focused = previous.as_ref().is_some_and(Response::has_focus);
        let fill = if hovered {
            base.gamma_multiply(0.85).to_opaque()
        } else {
            base
        };
        let stroke = if focused {
            Stroke::new(2.0, ui.visuals().strong_text_color())
        } else {
            Stroke::new(1.0, base)
        };
        let text = RichText::new(text).strong().color(Color32::WHITE);
        let button = Button::new(text)
            .fill(fill)
            .stroke(stroke)
            .min_size(vec2(0.0, 30.0));
        ui.add(button)
    })
}

/// An ordinary button, as tall as [`primary_button`] so that the two line up in a row.
pub fn button(ui: &mut Ui, key: &str, enabled: bool, text: &str) -> Response {
    let button = Button::new(text).min_size(vec2(0.0, 30.0));
    ids::add_enabled(ui, key, enabled, button)
}

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

/// A window that lists results as they come in: most of the screen (at most `max_width`
/// wide), pinned by its top edge so that it grows downwards and its Stop button stays where
/// the pointer is (centred, it would jump with every new row). `title` is shown in the user's
/// language; the window's id comes from where it is called, so its place and size do not
/// depend on the language.
#[track_caller]
pub fn results_window<'open>(
    ctx: &egui::Context,
    title: &str,
    max_width: f32,
    open: &'open mut bool,
) -> egui::Window<'open> {
    let caller = std::panic::Location::caller();
    let id = ids::id(("results_window", caller.file(), caller.line()));
    let screen = ctx.content_rect();
    let size = vec2(
        (screen.width() - 80.0).clamp(320.0, max_width),
        (screen.height() - 80.0).max(300.0),
    );
    egui::Window::new(title)
        .id(id)
        .open(open)
        .default_size(size)
        .max_size(size)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(screen.center().x, screen.top() + 40.0))
        .collapsible(false)
}
