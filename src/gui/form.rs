//! The settings form, in web.config's own words: each label names the attribute it fills.

use egui::{Button, Checkbox, ComboBox, Grid, RichText, TextEdit, Ui};

use super::command::{Command, FormCommand, TestCommand};
use super::form_advanced::advanced_ui;
use super::form_state::FormState;
use super::ids;
use super::style;
use crate::presets::PRESETS;
use crate::settings::{Field, FieldProblem, Framework, Severity, Target};

/// Width of the text inputs.
pub(super) const INPUT_WIDTH: f32 = 240.0;

/// Draws the whole form and the send button (`problems`: the ones to show). Returns whether
/// the user changed anything.
pub fn form_ui(
    ui: &mut Ui,
    form: &mut FormState,
    problems: &[FieldProblem],
    running: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let before = serde_json::to_string(&*form).unwrap_or_default();
    let password_before = form.settings.password.clone();
    preset_ui(ui, form, commands);
    ui.add_space(8.0);
    Grid::new("settings_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            text_row(
                ui,
                "Server (host)",
                &mut form.settings.host,
                problems,
                Field::Host,
                "smtp.example.com",
            );
            text_row(
                ui,
                "Port (port)",
                &mut form.port_text,
                problems,
                Field::Port,
                "587",
            );
            text_row(
                ui,
                "User name (userName)",
                &mut form.settings.user_name,
                problems,
                Field::UserName,
                "usually your full email address",
            );
            password_row(ui, form, problems, commands);
            ssl_row(ui, form, problems);
            text_row(
                ui,
                "From (from)",
                &mut form.settings.from,
                problems,
                Field::From,
                "site@example.com",
            );
            text_row(
                ui,
                "Send the test to",
                &mut form.settings.to,
                problems,
                Field::To,
                "(the From address)",
            );
        });
    other_problems_ui(ui, problems);
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Advanced")
        .default_open(false)
        .show(ui, |ui| advanced_ui(ui, form, problems, commands));
    ui.add_space(10.0);
    // Judged on the form as it is now, after this frame's input: a screen reader can set the
    // last field and press Send in the same frame, and the press must count.
    let blocked = form
        .current()
        .1
        .iter()
        .any(|p| p.severity == Severity::Error);
    send_row(ui, problems, blocked, running, commands);
    form.settings.password != password_before
        || serde_json::to_string(&*form).unwrap_or_default() != before
}

fn preset_ui(ui: &mut Ui, form: &mut FormState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label("Provider");
        let current =
            crate::presets::find(&form.preset).map_or("Other / my host", |preset| preset.name);
        let mut chosen = form.preset.clone();
        let combo = ComboBox::from_id_salt("provider_preset")
            .selected_text(current)
            .width(INPUT_WIDTH)
            .show_ui(ui, |ui| {
                for preset in PRESETS {
                    ui.selectable_value(&mut chosen, preset.id.to_owned(), preset.name);
                }
            });
        combo.response.labelled_by(label.id);
        if chosen != form.preset {
            commands.push(Command::Form(FormCommand::ChoosePreset(chosen)));
        }
    });
    if let Some(preset) = crate::presets::find(&form.preset).filter(|p| p.id != "other") {
        egui::Frame::new()
            .fill(style::tint(ui, ui.visuals().hyperlink_color))
            .corner_radius(6.0)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(preset.note);
                if !preset.user_name_hint.is_empty() {
                    ui.label(RichText::new(format!("User name: {}", preset.user_name_hint)).weak());
                }
                if !preset.aspnet_ok {
                    ui.colored_label(
                        style::warn(ui),
                        "A website using ASP.NET (System.Net.Mail) cannot sign in to this provider.",
                    );
                }
            });
    }
}

/// The label cell: the user's words, with the web.config attribute in them.
pub(super) fn label_cell(ui: &mut Ui, text: &str) -> egui::Response {
    ui.label(text)
}

fn problems_for(problems: &[FieldProblem], field: Field) -> impl Iterator<Item = &FieldProblem> {
    problems.iter().filter(move |p| p.field == field)
}

fn has_error(problems: &[FieldProblem], field: Field) -> bool {
    problems_for(problems, field).any(|p| p.severity == Severity::Error)
}

/// Problem messages under an input (second grid column).
fn messages_ui(ui: &mut Ui, problems: &[FieldProblem], field: Field) {
    let mine: Vec<&FieldProblem> = problems_for(problems, field).collect();
    if mine.is_empty() {
        return;
    }
    ui.label("");
    ui.vertical(|ui| {
        ui.set_max_width(INPUT_WIDTH + 60.0);
        for problem in mine {
            problem_label(ui, problem);
        }
    });
    ui.end_row();
}

fn problem_label(ui: &mut Ui, problem: &FieldProblem) {
    let color = match problem.severity {
        Severity::Error => style::bad(ui),
        Severity::Warning => style::warn(ui),
        Severity::Info => ui.visuals().weak_text_color(),
    };
    ui.label(RichText::new(&problem.message).color(color).small());
}

pub(super) fn text_row(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    problems: &[FieldProblem],
    field: Field,
    hint: &str,
) {
    let label = label_cell(ui, label);
    let mut edit = TextEdit::singleline(value)
        .id(ids::id(field))
        .hint_text(hint)
        .desired_width(INPUT_WIDTH);
    if has_error(problems, field) {
        edit = edit.text_color(style::bad(ui));
    }
    ui.add(edit).labelled_by(label.id);
    ui.end_row();
    messages_ui(ui, problems, field);
}

fn password_row(
    ui: &mut Ui,
    form: &mut FormState,
    problems: &[FieldProblem],
    commands: &mut Vec<Command>,
) {
    let label = label_cell(ui, "Password (password)");
    ui.horizontal(|ui| {
        let mut text = form.settings.password.expose().to_owned();
        let edit = TextEdit::singleline(&mut text)
            .id(ids::id(Field::Password))
            .password(!form.show_password)
            .desired_width(INPUT_WIDTH - 60.0);
        if ui.add(edit).labelled_by(label.id).changed() {
            form.settings.password = crate::secret::Password::new(text);
        }
        ids::add(
            ui,
            "show_password",
            Checkbox::new(&mut form.show_password, "Show"),
        );
    });
    ui.end_row();
    ui.label("");
    ui.horizontal(|ui| {
        ids::add(
            ui,
            "remember_password",
            Checkbox::new(
                &mut form.remember_password,
                "Remember in the system keyring",
            ),
        )
        .on_hover_text(
            "After a test signs in, the password is kept in your system's keyring \
                 (never in a file) and filled in when you pick this profile again.",
        );
        if ids::add(ui, "forget_password", Button::new("Forget").small())
            .on_hover_text("Remove the saved password for this user, server and port")
            .clicked()
        {
            commands.push(Command::Form(FormCommand::ForgetPassword));
        }
    });
    ui.end_row();
    messages_ui(ui, problems, Field::Password);
}

fn ssl_row(ui: &mut Ui, form: &mut FormState, problems: &[FieldProblem]) {
    ui.label("");
    // Named where the site sets it: web.config (4.x), code (2.0–3.5), appsettings.json (Core).
    let (label, hover) = match (form.settings.target, form.settings.framework) {
        (Target::DotNet, Framework::Legacy) => (
            "Use SSL (in code: SmtpClient.EnableSsl)",
            "Encrypts the connection with STARTTLS. ASP.NET 2.0–3.5 has no enableSsl in \
             web.config: the site's code switches it on with smtpClient.EnableSsl = true.",
        ),
        (Target::DotNet, Framework::Core) => (
            "Use STARTTLS (SecureSocketOptions)",
            "Encrypts the connection with STARTTLS, as \"SecureSocketOptions\": \"StartTls\" \
             does in appsettings.json. Almost every provider needs it on port 587.",
        ),
        _ => (
            "Use SSL (enableSsl)",
            "Encrypts the connection with STARTTLS, as enableSsl=\"true\" does in web.config. \
             Almost every provider needs it on port 587.",
        ),
    };
    let checkbox = ids::add(
        ui,
        "enable_ssl",
        Checkbox::new(&mut form.settings.enable_ssl, label),
    );
    if checkbox.changed() {
        // The checkbox is the simple way to choose; it overrides the advanced choice.
        form.settings.security = None;
    }
    checkbox.on_hover_text(hover);
    ui.end_row();
    messages_ui(ui, problems, Field::Security);
}

/// Problems that belong to no visible row (advanced fields while collapsed, delivery method).
fn other_problems_ui(ui: &mut Ui, problems: &[FieldProblem]) {
    let shown = [
        Field::Host,
        Field::Port,
        Field::UserName,
        Field::Password,
        Field::Security,
        Field::From,
        Field::To,
    ];
    for problem in problems.iter().filter(|p| !shown.contains(&p.field)) {
        problem_label(ui, problem);
    }
}

fn send_row(
    ui: &mut Ui,
    problems: &[FieldProblem],
    blocked: bool,
    running: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if running {
            if ids::add(
                ui,
                "cancel_test",
                Button::new(RichText::new("Cancel").size(16.0)),
            )
            .on_hover_text("Stop the test (Esc)")
            .clicked()
            {
                commands.push(Command::Test(TestCommand::Cancel));
            }
            ui.spinner();
        } else {
            let button = ids::add_enabled(
                ui,
                "send_test",
                !blocked,
                Button::new(RichText::new("Send test email").size(16.0).strong()),
            );
            if button
                .on_hover_text("Sends one test message (Enter)")
                .clicked()
            {
                commands.push(Command::Test(TestCommand::Start));
            }
        }
    });
    if blocked && !running {
        if problems.iter().any(|p| p.severity == Severity::Error) {
            ui.colored_label(
                style::bad(ui),
                "Fix the fields marked in red to send a test.",
            );
        } else {
            ui.label("Fill in the server, the port and the From address to send a test.");
        }
    }
}
