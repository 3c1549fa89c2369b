//! The form's "Advanced" section: connection security, timeouts, EHLO name, certificates and
//! the target platform.

use egui::{Button, Checkbox, ComboBox, DragValue, Grid, TextEdit, Ui};

use super::command::{Command, FileCommand};
use super::form::INPUT_WIDTH;
use super::form_rows::{TextRow, label_cell, text_row};
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
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            security_row(ui, form);
            timeouts_row(ui, form);
            let ehlo = TextRow {
                field: Field::ClientDomain,
                label: crate::tr!("EHLO name"),
                attribute: Some("clientDomain"),
                hint: crate::tr!("this computer's name"),
            };
            text_row(ui, &ehlo, &mut form.settings.client_domain, problems);
            certificate_rows(ui, form, commands);
            platform_rows(ui, form);
            if form.token_from_provider() {
                authority_row(ui, form);
            }
        });
}

/// Where OAuth tokens come from, for a test sign-in service (empty: the provider's own).
fn authority_row(ui: &mut Ui, form: &mut FormState) {
    let label = label_cell(ui, &crate::tr!("Sign-in service"), None);
    ui.add(
        TextEdit::singleline(&mut form.oauth_authority)
            .id(ids::id("oauth_authority"))
            .hint_text(crate::tr!("the provider's own"))
            .desired_width(INPUT_WIDTH),
    )
    .labelled_by(label.id)
    .on_hover_text(crate::tr!(
        "Only for testing against another OAuth server: https, or http on this computer"
    ));
    ui.end_row();
}

fn security_row(ui: &mut Ui, form: &mut FormState) {
    let label = label_cell(ui, &crate::tr!("Connection security"), None);
    let text = |security: Option<Security>| match security {
        None => crate::tr!("Automatic (from Use SSL)"),
        Some(Security::StartTls) => "STARTTLS".to_owned(),
        Some(Security::ImplicitTls) => crate::tr!("SSL on connect (port 465)"),
        Some(Security::None) => crate::tr!("No encryption"),
    };
    let combo = ComboBox::from_id_salt("security_mode")
        .selected_text(text(form.settings.security))
        .width(INPUT_WIDTH - 10.0)
        .show_ui(ui, |ui| {
            for option in [
                None,
                Some(Security::StartTls),
                Some(Security::ImplicitTls),
                Some(Security::None),
            ] {
                ui.selectable_value(&mut form.settings.security, option, text(option));
            }
        });
    combo.response.labelled_by(label.id);
    ui.end_row();
}

/// The timeouts, two by two so the form stays narrow. The final reply is the wait for the
/// server to accept the message once all of it is sent (for the ASP.NET target only the whole
/// test limit applies there, as in ASP.NET).
fn timeouts_row(ui: &mut Ui, form: &mut FormState) {
    label_cell(ui, &crate::tr!("Timeouts (seconds)"), None);
    let timeouts = &mut form.settings.timeouts;
    Grid::new("timeouts")
        .num_columns(4)
        .spacing([6.0, 6.0])
        .show(ui, |ui| {
            // `key`: the English name, the widget's id in every language.
            for (index, (key, name, short, value)) in [
                (
                    "Connect timeout",
                    crate::tr!("Connect timeout"),
                    crate::tr!("connect"),
                    &mut timeouts.connect_secs,
                ),
                (
                    "Greeting timeout",
                    crate::tr!("Greeting timeout"),
                    crate::tr!("greeting"),
                    &mut timeouts.greeting_secs,
                ),
                (
                    "Reply timeout",
                    crate::tr!("Reply timeout"),
                    crate::tr!("reply"),
                    &mut timeouts.command_secs,
                ),
                (
                    "Whole test timeout",
                    crate::tr!("Whole test timeout"),
                    crate::tr!("whole test"),
                    &mut timeouts.total_secs,
                ),
                (
                    "Final reply timeout",
                    crate::tr!("Final reply timeout"),
                    crate::tr!("final reply"),
                    &mut timeouts.final_reply_secs,
                ),
            ]
            .into_iter()
            .enumerate()
            {
                let label = ui.label(short);
                ids::add(ui, key, DragValue::new(value).range(1..=600))
                    .labelled_by(label.id)
                    .on_hover_text(name);
                if index % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    ui.end_row();
}

fn certificate_rows(ui: &mut Ui, form: &mut FormState, commands: &mut Vec<Command>) {
    ui.label("");
    ids::add(
        ui,
        "accept_invalid_certs",
        Checkbox::new(
            &mut form.settings.accept_invalid_certs,
            crate::tr!("Accept an invalid certificate"),
        ),
    );
    ui.end_row();
    if form.settings.accept_invalid_certs {
        ui.label("");
        ui.vertical(|ui| {
            ui.set_max_width(INPUT_WIDTH + 40.0);
            ui.colored_label(
                style::warn(ui),
                crate::tr!(
                    "Unsafe: an impostor could read your password. Your website will still \
                     refuse this certificate."
                ),
            );
        });
        ui.end_row();
    }
    let label = label_cell(ui, &crate::tr!("Extra CA file"), None);
    ui.horizontal(|ui| {
        let edit = TextEdit::singleline(&mut form.ca_text)
            .id(ids::id("ca_file"))
            .hint_text(crate::tr!("optional .pem file"))
            .desired_width(INPUT_WIDTH - 90.0);
        ui.add(edit).labelled_by(label.id);
        if ids::add(ui, "browse_ca_file", Button::new(crate::tr!("Browse…"))).clicked() {
            commands.push(Command::File(FileCommand::Choose(FilePurpose::CaFile)));
        }
    });
    ui.end_row();
    let label = label_cell(ui, &crate::tr!("DNS server"), None);
    ui.vertical(|ui| {
        let edit = TextEdit::singleline(&mut form.dns_text)
            .id(ids::id("dns_server"))
            .hint_text(crate::tr!("this computer's (or e.g. 1.1.1.1)"))
            .desired_width(INPUT_WIDTH);
        ui.add(edit).labelled_by(label.id).on_hover_text(crate::tr!(
            "Used by Find my settings, Will it arrive? and Check my inbox"
        ));
        if let Err(problem) = form.dns_server() {
            ui.colored_label(style::bad(ui), crate::i18n::tr(&problem));
        }
    });
    ui.end_row();
}

/// The program the website runs on, and its ASP.NET version.
fn platform_rows(ui: &mut Ui, form: &mut FormState) {
    let label = label_cell(ui, &crate::tr!("Target platform"), None);
    let target_text = |target: Target| match target {
        Target::DotNet => "ASP.NET (System.Net.Mail)".to_owned(),
        Target::Generic => crate::tr!("Other program (PHP, Node, Python…)"),
    };
    let combo = ComboBox::from_id_salt("target_platform")
        .selected_text(target_text(form.settings.target))
        .width(INPUT_WIDTH - 10.0)
        .show_ui(ui, |ui| {
            for target in [Target::DotNet, Target::Generic] {
                ui.selectable_value(&mut form.settings.target, target, target_text(target));
            }
        });
    combo.response.labelled_by(label.id);
    ui.end_row();

    let label = label_cell(ui, &crate::tr!("ASP.NET version"), None);
    let framework_text = |framework: Framework| crate::i18n::tr(framework.label()).into_owned();
    let combo = ComboBox::from_id_salt("aspnet_framework")
        .selected_text(framework_text(form.settings.framework))
        .width(INPUT_WIDTH - 10.0)
        .show_ui(ui, |ui| {
            for framework in Framework::ALL {
                let text = framework_text(framework);
                ui.selectable_value(&mut form.settings.framework, framework, text);
            }
        });
    combo.response.labelled_by(label.id);
    ui.end_row();
}
