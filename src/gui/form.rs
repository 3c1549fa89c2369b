//! The settings form, in the site owner's words. Where web.config names a field differently
//! (`host`, `enableSsl`, `clientDomain`), the attribute follows the label, quietly; every field
//! tells its attribute on hover.

use egui::{Button, Checkbox, ComboBox, Grid, Id, RichText, TextEdit, Ui};

use super::command::{Command, FormCommand, TestCommand};
use super::form_advanced::advanced_ui;
use super::form_rows::{TextRow, label_cell, messages_ui, problem_label, text_row};
use super::form_state::FormState;
use super::ids;
use super::style;
use crate::presets::PRESETS;
use crate::settings::{Field, FieldProblem, Framework, Severity, Target};

/// Width of the text inputs.
pub(super) const INPUT_WIDTH: f32 = 240.0;

/// The fields whose Enter sends the test (a focused button takes its own Enter).
const TEXT_FIELDS: [Field; 7] = [
    Field::Host,
    Field::Port,
    Field::UserName,
    Field::Password,
    Field::From,
    Field::To,
    Field::ClientDomain,
];

/// Whether `id` is one of the form's text fields (or the CA file's).
pub(super) fn is_form_field(id: Id) -> bool {
    TEXT_FIELDS.iter().any(|field| ids::id(field) == id)
        || ids::id("ca_file") == id
        || ids::id("dns_server") == id
}

/// What the form shows besides the fields.
#[derive(Clone, Copy)]
pub struct FormView<'a> {
    /// A test is running (Cancel instead of Send).
    pub running: bool,
    /// "Send test email" is the window's primary action now.
    pub send_is_primary: bool,
    /// The keyring holds a password for this account ("Forget" shows).
    pub password_saved: bool,
    /// The OAuth sign-in.
    pub oauth: &'a super::oauth::OAuthState,
}

/// Draws the whole form and the send button (`problems`: the ones to show). Returns whether
/// the user changed anything.
pub fn form_ui(
    ui: &mut Ui,
    form: &mut FormState,
    problems: &[FieldProblem],
    view: FormView<'_>,
    commands: &mut Vec<Command>,
) -> bool {
    let before = serde_json::to_string(&*form).unwrap_or_default();
    let password_before = form.settings.password.clone();
    preset_ui(ui, form, commands);
    ui.add_space(8.0);
    Grid::new("settings_form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let row = |field, label, attribute, hint: &str| TextRow {
                field,
                label,
                attribute,
                hint: hint.to_owned(),
            };
            // The attributes (`host`) are web.config's names, never translated.
            let host = row(
                Field::Host,
                crate::tr!("Server"),
                Some("host"),
                "smtp.example.com",
            );
            text_row(ui, &host, &mut form.settings.host, problems);
            super::find::find_button_row(ui, view.running, commands);
            text_row(
                ui,
                &row(Field::Port, crate::tr!("Port"), None, "587"),
                &mut form.port_text,
                problems,
            );
            let user = row(
                Field::UserName,
                crate::tr!("User name"),
                None,
                &crate::tr!("usually your full email address"),
            );
            text_row(ui, &user, &mut form.settings.user_name, problems);
            let sign_in = super::oauth_rows::SignInView { state: view.oauth };
            super::oauth_rows::sign_in_rows(ui, form, &sign_in, problems, commands);
            if form.sign_in == super::form_state::SignInChoice::Password {
                password_row(ui, form, problems);
                keyring_row(ui, form, view.password_saved, commands);
            }
            ssl_row(ui, form, problems);
            let from = row(Field::From, crate::tr!("From"), None, "site@example.com");
            text_row(ui, &from, &mut form.settings.from, problems);
            let to = row(
                Field::To,
                crate::tr!("Send the test to"),
                None,
                &crate::tr!("(the From address)"),
            );
            text_row(ui, &to, &mut form.settings.to, problems);
        });
    other_problems_ui(ui, problems);
    ui.add_space(6.0);
    egui::CollapsingHeader::new(crate::tr!("Advanced"))
        .id_salt("Advanced")
        .default_open(false)
        .show(ui, |ui| advanced_ui(ui, form, problems, commands));
    ui.add_space(12.0);
    // Judged on the form as it is now, after this frame's input: a screen reader can set the
    // last field and press Send in the same frame, and the press must count.
    let blocked = form
        .current()
        .1
        .iter()
        .any(|p| p.severity == Severity::Error);
    send_row(ui, problems, blocked, view, commands);
    form.settings.password != password_before
        || serde_json::to_string(&*form).unwrap_or_default() != before
}

fn preset_ui(ui: &mut Ui, form: &mut FormState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("Provider"));
        // Provider names are names and come back as they are; only "Other / my host" is words.
        let current = crate::presets::find(&form.preset).map_or_else(
            || crate::tr!("Other / my host"),
            |preset| crate::i18n::tr(preset.name).into_owned(),
        );
        let mut chosen = form.preset.clone();
        let combo = ComboBox::from_id_salt("provider_preset")
            .selected_text(current)
            .width(INPUT_WIDTH)
            .show_ui(ui, |ui| {
                for preset in PRESETS {
                    let name = crate::i18n::tr(preset.name);
                    ui.selectable_value(&mut chosen, preset.id.to_owned(), name);
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
                ui.label(crate::i18n::tr(preset.note));
                if !preset.user_name_hint.is_empty() {
                    let hint = crate::i18n::tr(preset.user_name_hint);
                    ui.label(RichText::new(crate::tr!("User name: {hint}", hint = hint)).weak());
                }
                if !preset.aspnet_ok {
                    ui.colored_label(
                        style::warn(ui),
                        crate::tr!(
                            "A website using ASP.NET (System.Net.Mail) cannot sign in to this \
                             provider."
                        ),
                    );
                }
            });
    }
}

fn password_row(ui: &mut Ui, form: &mut FormState, problems: &[FieldProblem]) {
    let label = label_cell(ui, &crate::tr!("Password"), None);
    ui.horizontal(|ui| {
        let mut text = form.settings.password.expose().to_owned();
        let edit = TextEdit::singleline(&mut text)
            .id(ids::id(Field::Password))
            .password(!form.show_password)
            .desired_width(INPUT_WIDTH - 70.0);
        if ui.add(edit).labelled_by(label.id).changed() {
            form.settings.password = crate::secret::Password::new(text);
        }
        ids::add(
            ui,
            "show_password",
            Checkbox::new(&mut form.show_password, crate::tr!("Show")),
        );
    });
    ui.end_row();
    messages_ui(ui, problems, Field::Password);
}

/// "Remember in the system keyring", and "Forget" when the keyring holds a password for
/// this user, server and port.
fn keyring_row(
    ui: &mut Ui,
    form: &mut FormState,
    password_saved: bool,
    commands: &mut Vec<Command>,
) {
    ui.label("");
    ui.horizontal(|ui| {
        ids::add(
            ui,
            "remember_password",
            Checkbox::new(
                &mut form.remember_password,
                crate::tr!("Remember in the system keyring"),
            ),
        )
        .on_hover_text(crate::tr!(
            "After a test signs in, the password is kept in your system's keyring \
             (never in a file) and filled in when you come back to these settings."
        ));
        if password_saved
            && ids::add(ui, "forget_password", Button::new(crate::tr!("Forget")))
                .on_hover_text(crate::tr!(
                    "Remove the saved password for this user, server and port"
                ))
                .clicked()
        {
            commands.push(Command::Form(FormCommand::ForgetPassword));
        }
    });
    ui.end_row();
}

fn ssl_row(ui: &mut Ui, form: &mut FormState, problems: &[FieldProblem]) {
    ui.label("");
    // Named where the site sets it: web.config (4.x), code (2.0–3.5), appsettings.json (Core).
    // The attributes (`enableSsl`, `SecureSocketOptions`) are names, never translated.
    let (label, attribute, hover) = match (form.settings.target, form.settings.framework) {
        (Target::DotNet, Framework::Legacy) => (
            crate::tr!("Use SSL"),
            Some(crate::tr!("in code: SmtpClient.EnableSsl")),
            crate::tr!(
                "Encrypts the connection with STARTTLS. ASP.NET 2.0–3.5 has no enableSsl in \
                 web.config: the site's code switches it on with smtpClient.EnableSsl = true."
            ),
        ),
        (Target::DotNet, Framework::Core) => (
            crate::tr!("Use STARTTLS"),
            Some("SecureSocketOptions".to_owned()),
            crate::tr!(
                "Encrypts the connection with STARTTLS, as \"SecureSocketOptions\": \"StartTls\" \
                 does in appsettings.json. Almost every provider needs it on port 587."
            ),
        ),
        (Target::DotNet, Framework::Net4) => (
            crate::tr!("Use SSL"),
            Some("enableSsl".to_owned()),
            crate::tr!(
                "Encrypts the connection with STARTTLS, as enableSsl=\"true\" does in web.config. \
                 Almost every provider needs it on port 587."
            ),
        ),
        (Target::Generic, _) => (
            crate::tr!("Use SSL"),
            None,
            crate::tr!(
                "Encrypts the connection (STARTTLS, or SSL on connect on port 465). Almost every \
                 provider needs it."
            ),
        ),
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
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
        if let Some(attribute) = attribute {
            ui.label(RichText::new(attribute).monospace().weak());
        }
    });
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
        Field::OAuth,
    ];
    for problem in problems.iter().filter(|p| !shown.contains(&p.field)) {
        problem_label(ui, problem);
    }
}

fn send_row(
    ui: &mut Ui,
    problems: &[FieldProblem],
    blocked: bool,
    view: FormView<'_>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if view.running {
            if style::button(ui, "cancel_test", true, &crate::tr!("Cancel"))
                .on_hover_text(crate::tr!("Stop the test (Esc)"))
                .clicked()
            {
                commands.push(Command::Test(TestCommand::Cancel));
            }
            ui.spinner();
            ui.label(RichText::new(crate::tr!("Testing…")).weak());
            return;
        }
        let send = crate::tr!("Send test email");
        let button = if view.send_is_primary {
            style::primary_button(ui, "send_test", !blocked, &send)
        } else {
            style::button(ui, "send_test", !blocked, &send)
        };
        if button
            .on_hover_text(crate::tr!("Sends one test message (Enter)"))
            .clicked()
        {
            commands.push(Command::Test(TestCommand::Start));
        }
        if !blocked {
            ui.label(RichText::new(crate::tr!("or press Enter")).weak());
        }
    });
    if blocked && !view.running {
        if problems.iter().any(|p| p.severity == Severity::Error) {
            ui.colored_label(
                style::bad(ui),
                crate::tr!("Fix the fields marked in red to send a test."),
            );
        } else {
            ui.label(crate::tr!(
                "Fill in the server, the port and the From address to send a test."
            ));
        }
    }
}
