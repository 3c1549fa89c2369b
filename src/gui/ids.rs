//! Stable ids for everything a user, or a screen reader, can act on.
//!
//! A widget added without an id gets egui's automatic one: its parent's id plus the number of
//! widgets drawn before it. AccessKit node ids are egui ids, so when a message line appears
//! above a button, the button gets a new node id and its old one goes to another widget. An
//! action a screen reader aimed at the node it saw then arrives (in the next frame's input) for
//! an id no widget has any more, and egui drops it without a word, or it lands on the wrong
//! widget. So every button, text input, checkbox and tab gets an id of its own, the same in
//! every frame: text inputs through `TextEdit::id(ids::id(…))`, combo boxes and collapsing
//! headers through their id salt, everything else through [`add`] or [`scope`].

use std::fmt::Debug;
use std::hash::Hash;

use egui::{Id, Response, Ui, UiBuilder, Widget};

/// The id for `key`: the same in every frame, wherever the widget is drawn. `key` must be
/// unique in the window.
pub fn id(key: impl Hash + Debug) -> Id {
    Id::unique(("mailtester", key))
}

/// Runs `add_contents` in a scope whose id is [`id`]`(key)`: the automatic ids of the widgets
/// inside depend on `key` and on what is drawn before them in the scope, nothing else. Keep
/// conditional content out of the scope, before the widgets.
///
/// In a wrapping row the scope goes to the next line when what it drew last frame does not fit
/// in what is left of this one (a scope cannot wrap by itself: inside it, its widget is first).
pub fn scope<R>(ui: &mut Ui, key: impl Hash + Debug, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    let id = id(key);
    let size_id = id.with("drawn size");
    let layout = *ui.layout();
    if layout.main_wrap
        && layout.is_horizontal()
        && let Some(size) = ui.data(|d| d.get_temp::<egui::Vec2>(size_id))
        && ui.available_size_before_wrap().x < size.x
        && ui.cursor().min.x > ui.max_rect().min.x + 0.5
    {
        ui.end_row();
    }
    let scoped = ui.scope_builder(UiBuilder::new().scope_id(id), add_contents);
    let size = scoped.response.rect.size();
    if ui.data(|d| d.get_temp::<egui::Vec2>(size_id)) != Some(size) {
        ui.data_mut(|d| d.insert_temp(size_id, size));
        ui.ctx().request_repaint();
    }
    scoped.inner
}

/// Adds `widget` (a button, checkbox, drag value…: widgets that take no id of their own) with a
/// stable id made from `key`.
pub fn add(ui: &mut Ui, key: impl Hash + Debug, widget: impl Widget) -> Response {
    add_enabled(ui, key, true, widget)
}

/// [`add`], greyed out and inert unless `enabled`.
pub fn add_enabled(
    ui: &mut Ui,
    key: impl Hash + Debug,
    enabled: bool,
    widget: impl Widget,
) -> Response {
    scope(ui, key, |ui| ui.add_enabled(enabled, widget))
}
