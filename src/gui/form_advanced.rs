//! The form's "Advanced" section: connection security, timeouts, EHLO name, certificates and
//! the target platform.

use egui::{Button, Checkbox, ComboBox, DragValue, Grid, TextEdit, Ui};

use super::command::{Command, FileCommand};
use super::form::{INPUT_WIDTH, label_cell, text_row};
use super::form_state::FormState;
use super::ids;
use super::style;
use super::worker::FilePurpose;
use crate::settings::{Field, FieldProblem, Framework, Security, Target};

/// Draws the advanced settings (inside the collapsed "Advanced" header).
pub(super) fn advanced_ui(
    ui: &mut Ui,
    form: &mut FormState,
    problems: &[FieldProblem],
    commands: &mut Vec<Command>,
) {
    Grid::new("advanced_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = label_cell(ui, "Connection security");
            let current = form.settings.security;
            let text = |security: Option<Security>| match security {
                None => "Automatic (from Use SSL)",
                Some(Security::StartTls) => "STARTTLS",
                Some(Security::ImplicitTls) => "SSL on connect (port 465)",
                Some(Security::None) => "No encryption",
            };
            let combo = ComboBox::from_id_salt("security_mode")
                .selected_text(text(current))
                .show_ui(ui, |ui| {
                    for option in [None, Some(Security::StartTls), Some(Security::ImplicitTls), Some(Security::None)] {
                        ui.selectable_value(&mut form.settings.security, option, text(option));
                    }
                });
            combo.response.labelled_by(label.id);
            ui.end_row();

            label_cell(ui, "Timeouts (seconds)");
            ui.horizontal(|ui| {
                let timeouts = &mut form.settings.timeouts;
                for (name, value) in [
                    ("Connect timeout", &mut timeouts.connect_secs),
                    ("Greeting timeout", &mut timeouts.greeting_secs),
                    ("Reply timeout", &mut timeouts.command_secs),
                    ("Whole test timeout", &mut timeouts.total_secs),
                ] {
                    let label = ui.label(name.split(' ').next().unwrap_or(name).to_lowercase());
                    ids::add(ui, name, DragValue::new(value).range(1..=600))
                        .labelled_by(label.id)
                        .on_hover_text(name);
                }
            });
            ui.end_row();

            text_row(
                ui,
                "EHLO name (clientDomain)",
                &mut form.settings.client_domain,
                problems,
                Field::ClientDomain,
                "this computer's name",
            );

            ui.label("");
            ids::add(ui, "accept_invalid_certs", Checkbox::new(&mut form.settings.accept_invalid_certs, "Accept an invalid certificate"));
            ui.end_row();
            if form.settings.accept_invalid_certs {
                ui.label("");
                ui.colored_label(
                    style::warn(ui),
                    "Unsafe: an impostor could read your password. Your website will still refuse this certificate.",
                );
                ui.end_row();
            }

            let label = label_cell(ui, "Extra CA file");
            ui.horizontal(|ui| {
                ui.add(TextEdit::singleline(&mut form.ca_text).id(ids::id("ca_file")).hint_text("optional .pem file").desired_width(INPUT_WIDTH - 80.0))
                    .labelled_by(label.id);
                if ids::add(ui, "browse_ca_file", Button::new("Browse…")).clicked() {
                    commands.push(Command::File(FileCommand::Choose(FilePurpose::CaFile)));
                }
            });
            ui.end_row();

            let label = label_cell(ui, "Target platform");
            let target_text = |target: Target| match target {
                Target::DotNet => "ASP.NET (System.Net.Mail)",
                Target::Generic => "Other program (PHP, Node, Python…)",
            };
            let combo = ComboBox::from_id_salt("target_platform")
                .selected_text(target_text(form.settings.target))
                .show_ui(ui, |ui| {
                    for target in [Target::DotNet, Target::Generic] {
                        ui.selectable_value(&mut form.settings.target, target, target_text(target));
                    }
                });
            combo.response.labelled_by(label.id);
            ui.end_row();

            let label = label_cell(ui, "ASP.NET version");
            let combo = ComboBox::from_id_salt("aspnet_framework")
                .selected_text(form.settings.framework.label())
                .show_ui(ui, |ui| {
                    for framework in Framework::ALL {
                        ui.selectable_value(&mut form.settings.framework, framework, framework.label());
                    }
                });
            combo.response.labelled_by(label.id);
            ui.end_row();
        });
}
