//! Small drawing helpers: status icons painted as shapes (crisp at any scale, whatever fonts
//! are loaded) and rows whose right-hand buttons never run under the title on their left.

use egui::accesskit::Role;
use egui::{Color32, Pos2, Rect, Response, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::ids;

/// A status icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Done well.
    Tick,
    /// Failed.
    Cross,
    /// Left out.
    Dash,
    /// Not started.
    Circle,
    /// Stopped by an earlier failure.
    Stop,
    /// Encrypted.
    Padlock,
}

impl Icon {
    /// What a screen reader says for it.
    fn spoken(self) -> String {
        match self {
            Self::Tick => crate::tr!("passed"),
            Self::Cross => crate::tr!("failed"),
            Self::Dash => crate::tr!("skipped"),
            Self::Circle => crate::tr!("not started"),
            Self::Stop => crate::tr!("stopped"),
            Self::Padlock => crate::tr!("encrypted"),
        }
    }
}

/// Adds `icon` in `color`, as tall as a line of body text.
pub fn icon(ui: &mut Ui, icon: Icon, color: Color32) -> Response {
    let side = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    paint(ui, rect, icon, color);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, icon.spoken()));
    response
}

/// Paints `icon` centred in `rect`.
pub fn paint(ui: &Ui, rect: Rect, icon: Icon, color: Color32) {
    let painter = ui.painter();
    let c = rect.center();
    let r = rect.height().min(rect.width()) * 0.36;
    let stroke = Stroke::new(2.0, color);
    let at = |x: f32, y: f32| pos2(c.x + x * r, c.y + y * r);
    match icon {
        Icon::Tick => {
            painter.line(vec![at(-0.9, 0.0), at(-0.3, 0.65), at(0.95, -0.75)], stroke);
        }
        Icon::Cross => {
            painter.line_segment([at(-0.75, -0.75), at(0.75, 0.75)], stroke);
            painter.line_segment([at(-0.75, 0.75), at(0.75, -0.75)], stroke);
        }
        Icon::Dash => {
            painter.line_segment([at(-0.7, 0.0), at(0.7, 0.0)], stroke);
        }
        Icon::Circle => {
            painter.circle_stroke(c, r * 0.8, Stroke::new(1.5, color));
        }
        Icon::Stop => {
            let half = r * 0.6;
            painter.rect_filled(
                Rect::from_center_size(c, vec2(2.0 * half, 2.0 * half)),
                1.0,
                color,
            );
        }
        Icon::Padlock => padlock(ui, c, r, color),
    }
}

/// A padlock: a filled body under an open-bottomed shackle.
fn padlock(ui: &Ui, c: Pos2, r: f32, color: Color32) {
    let body = Rect::from_min_max(
        pos2(c.x - r * 0.85, c.y - r * 0.1),
        pos2(c.x + r * 0.85, c.y + r),
    );
    ui.painter().rect_filled(body, 1.5, color);
    let radius = r * 0.55;
    let top = c.y - r * 0.45;
    let mut points = vec![pos2(c.x - radius, c.y - r * 0.1)];
    points.extend((0..=10u8).map(|step| {
        let angle = std::f32::consts::PI * (1.0 + f32::from(step) / 10.0);
        pos2(c.x + radius * angle.cos(), top + radius * angle.sin())
    }));
    points.push(pos2(c.x + radius, c.y - r * 0.1));
    ui.painter().line(points, Stroke::new(1.6, color));
}

/// A row with `title` on the left and `actions` (buttons) on the right. When both do not fit
/// side by side, the actions go to a line of their own under the title, so they never cover
/// it, and wrap there when that line is too short for them. Widths are measured in the previous frame (a changed width asks for one more frame).
/// Widgets are added left to right, so the keyboard's Tab order follows what the eye reads.
/// `state` is lent to both (the commands they push). Returns the height the row took.
pub fn title_and_actions<S>(
    ui: &mut Ui,
    key: &str,
    state: &mut S,
    title: impl FnOnce(&mut Ui, &mut S),
    actions: impl FnOnce(&mut Ui, &mut S),
) -> f32 {
    let top = ui.cursor().top();
    let title_id = ids::id((key, "title width"));
    let actions_id = ids::id((key, "actions width"));
    let remembered = |id| ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(0.0);
    let (title_width, actions_width) = (remembered(title_id), remembered(actions_id));
    let gap = ui.spacing().item_spacing.x * 3.0;
    let one_row = ui.available_width() >= title_width + actions_width + gap;
    let mut actions = Some(actions);
    let (title_width, mut measured_actions) = ui
        .horizontal(|ui| {
            let title_width = measure(ui, |ui| title(ui, state));
            let mut width = None;
            if one_row && let Some(actions) = actions.take() {
                ui.add_space((ui.available_width() - actions_width).max(0.0));
                width = Some(measure(ui, |ui| actions(ui, state)));
            }
            (title_width, width)
        })
        .inner;
    if let Some(actions) = actions.take() {
        // On a line of their own they wrap (long words: German, the pseudo-locale).
        let wrapped = ui.horizontal_wrapped(|ui| {
            // A button too long for what is left of a line goes to the next one, whole.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            actions(ui, state);
        });
        // Wrapped, they look narrower than they are on one line: keep the wider width, or
        // the next frame would try one line again, and so on.
        measured_actions = Some(wrapped.response.rect.width().max(actions_width));
    }
    remember(ui, title_id, title_width);
    remember(ui, actions_id, measured_actions.unwrap_or(actions_width));
    ui.cursor().top() - top
}

/// The width `add` takes, laid out left to right.
fn measure(ui: &mut Ui, add: impl FnOnce(&mut Ui)) -> f32 {
    ui.scope(|ui| {
        ui.horizontal(add);
    })
    .response
    .rect
    .width()
}

fn remember(ui: &Ui, id: egui::Id, width: f32) {
    let before = ui.data(|d| d.get_temp::<f32>(id));
    if before.is_none_or(|before| (before - width).abs() > 0.5) {
        ui.data_mut(|d| d.insert_temp(id, width));
        ui.ctx().request_repaint();
    }
}
