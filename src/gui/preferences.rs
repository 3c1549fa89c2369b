//! The window's preferences in the title row: its language and its theme. Both are
//! remembered between runs (`app.rs`).

use egui::{ComboBox, ThemePreference, Ui};

use super::command::{Command, ViewCommand};
use crate::i18n::Language;

/// The window's language: "System" (the system's, the default) or one we speak, each in its
/// own name, so a user who cannot read the current language still finds theirs.
pub(super) fn language_ui(ui: &mut Ui, language: Option<Language>, commands: &mut Vec<Command>) {
    let name = |language: Option<Language>| match language {
        None => crate::tr!("System"),
        Some(language) => language.native_name().to_owned(),
    };
    let label = label_before_list(ui, crate::tr!("Language"));
    let mut chosen = language;
    ComboBox::from_id_salt("language")
        .selected_text(name(language))
        .width(LIST_WIDTH)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, name(None));
            for option in Language::ALL {
                ui.selectable_value(&mut chosen, Some(option), name(Some(option)));
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != language {
        commands.push(Command::View(ViewCommand::Language(chosen)));
    }
}

/// Follow the system, light or dark.
pub(super) fn theme_ui(ui: &mut Ui, theme: ThemePreference, commands: &mut Vec<Command>) {
    let name = |theme: ThemePreference| match theme {
        ThemePreference::System => crate::tr!("Follow system"),
        ThemePreference::Light => crate::tr!("Light"),
        ThemePreference::Dark => crate::tr!("Dark"),
    };
    let label = label_before_list(ui, crate::tr!("Theme"));
    let mut chosen = theme;
    ComboBox::from_id_salt("theme")
        .selected_text(name(theme))
        .width(LIST_WIDTH)
        .show_ui(ui, |ui| {
            for option in [
                ThemePreference::System,
                ThemePreference::Light,
                ThemePreference::Dark,
            ] {
                ui.selectable_value(&mut chosen, option, name(option));
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != theme {
        commands.push(Command::View(ViewCommand::Theme(chosen)));
    }
}

/// How wide each list is.
const LIST_WIDTH: f32 = 130.0;

/// A list's label, on a new line when the list would not fit after it (a wrapping row never
/// parts a label from its list).
fn label_before_list(ui: &mut Ui, text: String) -> egui::Response {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let needed =
        galley.size().x + LIST_WIDTH + ui.spacing().item_spacing.x * 2.0 + ui.spacing().icon_width;
    if ui.layout().main_wrap && ui.available_size_before_wrap().x < needed {
        ui.end_row();
    }
    ui.add(egui::Label::new(galley))
}
