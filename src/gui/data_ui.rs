//! The parts of the window that deal with the user's data: the profile picker, the name prompt,
//! what we found in an imported web.config, and the update with its diff.

use egui::{Button, ComboBox, RichText, ScrollArea, TextEdit, Ui};

use super::command::{Command, ProfileCommand, ProfilePromptKind, WebConfigCommand};
use super::{ids, style};
use crate::i18n::tr;
use crate::settings::{Settings, Severity};
use crate::webconfig::{Finding, PreparedUpdate};

/// The name being typed for a profile.
#[derive(Debug, Clone)]
pub struct ProfilePrompt {
    /// Save as new, or rename.
    pub kind: ProfilePromptKind,
    /// The name as typed.
    pub name: String,
}

/// The profile row at the top of the form; "Rename…" and "Delete" show under it while a
/// saved profile is in the form.
pub fn profile_bar_ui(
    ui: &mut Ui,
    profiles: &[(String, Settings)],
    selected: &str,
    commands: &mut Vec<Command>,
) {
    let combo_left = ui
        .horizontal(|ui| {
            let label = ui.label(crate::tr!("Profile"));
            let shown = if selected.is_empty() {
                crate::tr!("(not saved)")
            } else {
                selected.to_owned()
            };
            let combo = ComboBox::from_id_salt("profile_picker")
                .selected_text(shown)
                .width(150.0)
                .show_ui(ui, |ui| {
                    if profiles.is_empty() {
                        ui.label(RichText::new(crate::tr!("No saved profiles yet")).weak());
                    }
                    for (name, _) in profiles {
                        // Picking the current profile again reloads it (undoing unsaved edits).
                        if ui.selectable_label(name == selected, name).clicked() {
                            commands.push(Command::Profile(ProfileCommand::Select(name.clone())));
                        }
                    }
                });
            let left = combo.response.rect.left();
            combo.response.labelled_by(label.id);
            if ids::add(ui, "save_profile", Button::new(crate::tr!("Save profile…")))
                .on_hover_text(crate::tr!(
                    "Keep these settings under a name (never the password)"
                ))
                .clicked()
            {
                commands.push(Command::Profile(ProfileCommand::OpenPrompt(
                    ProfilePromptKind::SaveAs,
                )));
            }
            left
        })
        .inner;
    if selected.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.add_space(combo_left - ui.cursor().left());
        if ids::add(ui, "rename_profile", Button::new(crate::tr!("Rename…"))).clicked() {
            commands.push(Command::Profile(ProfileCommand::OpenPrompt(
                ProfilePromptKind::Rename,
            )));
        }
        if ids::add(ui, "delete_profile", Button::new(crate::tr!("Delete")))
            .on_hover_text(crate::tr!(
                "Delete this profile (the saved password stays in the keyring)"
            ))
            .clicked()
        {
            commands.push(Command::Profile(ProfileCommand::Delete));
        }
    });
}

/// The small window that asks for a profile name.
pub fn profile_prompt_window(
    ctx: &egui::Context,
    prompt: &mut ProfilePrompt,
    commands: &mut Vec<Command>,
) {
    let title = match prompt.kind {
        ProfilePromptKind::SaveAs => crate::tr!("Save these settings as a profile"),
        ProfilePromptKind::Rename => crate::tr!("Rename the profile"),
    };
    egui::Window::new(title)
        .id(ids::id((
            "profile_prompt_window",
            prompt.kind == ProfilePromptKind::Rename,
        )))
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let label = ui.label(crate::tr!("Profile name"));
            let edit = ui
                .add(
                    TextEdit::singleline(&mut prompt.name)
                        .id(ids::id("profile_name"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                commands.push(Command::Profile(ProfileCommand::ConfirmPrompt));
            }
            ui.label(RichText::new(crate::tr!("The password is never saved in a profile.")).weak());
            ui.horizontal(|ui| {
                let ready = !prompt.name.trim().is_empty();
                let ok = Button::new(crate::tr!("OK"));
                if ids::add_enabled(ui, "profile_name_ok", ready, ok).clicked() {
                    commands.push(Command::Profile(ProfileCommand::ConfirmPrompt));
                }
                if ids::add(ui, "profile_name_cancel", Button::new(crate::tr!("Cancel"))).clicked()
                {
                    commands.push(Command::Profile(ProfileCommand::DismissPrompt));
                }
            });
        });
}

/// What the web.config check found, right after an import.
pub fn findings_window(
    ctx: &egui::Context,
    file: &str,
    findings: &[Finding],
    commands: &mut Vec<Command>,
) {
    egui::Window::new(crate::tr!("What we found in your web.config"))
        .id(ids::id("findings_window"))
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.label(crate::tr!(
                "Read the mail settings from {file} into the form.",
                file = file
            ));
            if findings.is_empty() {
                ui.colored_label(
                    style::good(ui),
                    crate::tr!("Nothing looks wrong in the mail settings."),
                );
            }
            ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for finding in findings {
                    let color = match finding.severity {
                        Severity::Error => style::bad(ui),
                        Severity::Warning => style::warn(ui),
                        Severity::Info => ui.visuals().text_color(),
                    };
                    let message = tr(&finding.message);
                    let text = match finding.line {
                        Some(line) => {
                            crate::tr!("{message} (line {line})", message = message, line = line)
                        }
                        None => message.into_owned(),
                    };
                    ui.label(RichText::new(text).color(color));
                    let fix = crate::tr!("How to fix it: {fix}", fix = tr(&finding.fix));
                    ui.label(style::prose(ui, &fix));
                    ui.add_space(4.0);
                }
            });
            if ids::add(ui, "findings_ok", Button::new(crate::tr!("OK"))).clicked() {
                commands.push(Command::WebConfig(WebConfigCommand::DismissFindings));
            }
        });
}

/// The update about to be written: what changes, the diff, and the confirm button.
pub fn update_window(ctx: &egui::Context, update: &PreparedUpdate, commands: &mut Vec<Command>) {
    egui::Window::new(crate::tr!("Update web.config"))
        .id(ids::id("update_window"))
        .collapsible(false)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.label(crate::tr!(
                "These changes will be written to {path}:",
                path = update.path().display()
            ));
            for change in update.changes() {
                let not_set = crate::tr!("(not set)");
                let removed = crate::tr!("(removed)");
                let old = change.old.as_deref().unwrap_or(&not_set);
                let new = change.new.as_deref().unwrap_or(&removed);
                ui.label(RichText::new(format!("{} {}: {old} → {new}", change.element, change.attribute)).monospace());
            }
            for note in update.notes() {
                ui.colored_label(style::warn(ui), tr(note));
            }
            egui::CollapsingHeader::new(crate::tr!("Show the exact lines (diff)"))
                .id_salt("webconfig_diff")
                .show(ui, |ui| {
                    egui::Frame::new()
                        .fill(ui.visuals().extreme_bg_color)
                        .inner_margin(6.0)
                        .show(ui, |ui| {
                            ScrollArea::both().max_height(260.0).show(ui, |ui| {
                                ui.label(RichText::new(update.diff()).monospace());
                            });
                        });
                });
            ui.label(
                RichText::new(crate::tr!("A copy of the current file is saved beside it first, and nothing else in the file changes."))
                    .weak(),
            );
            ui.label(RichText::new(tr(crate::webconfig::RESTART_NOTE)).weak());
            ui.horizontal(|ui| {
                if style::primary_button(ui, "write_webconfig", true, &crate::tr!("Write the changes"))
                    .clicked()
                {
                    commands.push(Command::WebConfig(WebConfigCommand::WriteUpdate));
                }
                if ids::add(ui, "write_webconfig_cancel", Button::new(crate::tr!("Cancel"))).clicked() {
                    commands.push(Command::WebConfig(WebConfigCommand::DismissUpdate));
                }
            });
        });
}
