//! The Sign-in rows of the form: the choice, the fields each needs, "Sign in with …" with its
//! wait and Cancel, and who is signed in until when. They edit the form and push commands only.

use std::time::{Duration, Instant};

use egui::{ComboBox, RichText, TextEdit, Ui};

use super::command::{Command, FormCommand};
use super::form::INPUT_WIDTH;
use super::form_rows::{label_cell, messages_ui};
use super::form_state::{FormState, SignInChoice};
use super::oauth::OAuthState;
use super::{ids, style};
use crate::oauth::TokenClaims;
use crate::oauth::obtain::SignedIn;
use crate::settings::{Field, FieldProblem, Framework, Target};

/// What the sign-in rows show besides the form.
pub struct SignInView<'a> {
    /// The window's sign-in state.
    pub state: &'a OAuthState,
}

/// The Sign-in row and the rows the choice needs (in the form's grid). The password rows are
/// the form's own; they follow when the choice is Password.
pub(super) fn sign_in_rows(
    ui: &mut Ui,
    form: &mut FormState,
    view: &SignInView<'_>,
    problems: &[FieldProblem],
    commands: &mut Vec<Command>,
) {
    let label = label_cell(ui, &crate::tr!("Sign-in"), None);
    let combo = ComboBox::from_id_salt("sign_in_choice")
        .selected_text(form.sign_in.label())
        .width(INPUT_WIDTH)
        .show_ui(ui, |ui| {
            for choice in SignInChoice::ALL {
                ui.selectable_value(&mut form.sign_in, choice, choice.label());
            }
        });
    combo
        .response
        .labelled_by(label.id)
        .on_hover_text(crate::tr!(
            "How the test signs in: with the password, or with OAuth (a token from Microsoft or \
             Google)"
        ));
    ui.end_row();
    if form.sign_in == SignInChoice::Password {
        return;
    }
    if form.settings.target == Target::DotNet && form.settings.framework != Framework::Core {
        ui.label("");
        ui.label(
            RichText::new(crate::tr!(
                "OAuth: signing in through Microsoft's or Google's own page instead of with a \
                 password. ASP.NET's web.config cannot do it; MailKit and most PHP and Node.js \
                 mail libraries can."
            ))
            .weak(),
        );
        ui.end_row();
    }
    match form.sign_in {
        SignInChoice::AccessToken => secret_row(
            ui,
            &crate::tr!("Access token"),
            "access_token",
            &mut form.settings.access_token,
            &crate::tr!("paste the token"),
        ),
        SignInChoice::Microsoft => microsoft_rows(ui, form, view, commands),
        SignInChoice::Google => {
            app_rows(ui, form, false);
            secret_row(
                ui,
                &crate::tr!("Client secret"),
                "client_secret",
                &mut form.client_secret,
                &crate::tr!("the desktop app's secret"),
            );
            person_row(
                ui,
                form,
                view,
                &crate::tr!("Sign in with Google…"),
                commands,
            );
        }
        SignInChoice::Password => {}
    }
    messages_ui(ui, problems, Field::OAuth);
}

fn microsoft_rows(
    ui: &mut Ui,
    form: &mut FormState,
    view: &SignInView<'_>,
    commands: &mut Vec<Command>,
) {
    ui.label(crate::tr!("Who signs in"));
    ui.vertical(|ui| {
        let app = ids::add(
            ui,
            "microsoft_as_app",
            egui::RadioButton::new(!form.microsoft_person, crate::tr!("The website, as an app")),
        );
        if app.clicked() {
            form.microsoft_person = false;
        }
        app.on_hover_text(crate::tr!(
            "The app signs in as itself with its client secret (SMTP.SendAsApp)"
        ));
        let person = ids::add(
            ui,
            "microsoft_as_person",
            egui::RadioButton::new(
                form.microsoft_person,
                crate::tr!("A person, in the browser"),
            ),
        );
        if person.clicked() {
            form.microsoft_person = true;
        }
        person.on_hover_text(crate::tr!(
            "Someone signs in as the mailbox once; the sign-in is kept in your keyring"
        ));
    });
    ui.end_row();
    app_rows(ui, form, !form.microsoft_person);
    if form.microsoft_person {
        person_row(
            ui,
            form,
            view,
            &crate::tr!("Sign in with Microsoft…"),
            commands,
        );
    } else {
        secret_row(
            ui,
            &crate::tr!("Client secret"),
            "client_secret",
            &mut form.client_secret,
            &crate::tr!("its Value, not its ID"),
        );
    }
}

/// Tenant (Microsoft) and client ID.
fn app_rows(ui: &mut Ui, form: &mut FormState, tenant_required: bool) {
    if form.sign_in == SignInChoice::Microsoft {
        let label = label_cell(ui, &crate::tr!("Tenant"), None);
        let hint = if tenant_required {
            crate::tr!("yourcompany.onmicrosoft.com or Directory ID")
        } else {
            crate::tr!("organizations (any work account)")
        };
        ui.add(
            TextEdit::singleline(&mut form.settings.oauth_app.tenant)
                .id(ids::id("oauth_tenant"))
                .hint_text(hint)
                .desired_width(INPUT_WIDTH),
        )
        .labelled_by(label.id)
        .on_hover_text(crate::tr!(
            "App registrations → your app → Overview → Directory (tenant) ID"
        ));
        ui.end_row();
    }
    let label = label_cell(ui, &crate::tr!("Client ID"), None);
    ui.add(
        TextEdit::singleline(&mut form.settings.oauth_app.client_id)
            .id(ids::id("oauth_client_id"))
            .hint_text(crate::tr!("Application (client) ID"))
            .desired_width(INPUT_WIDTH),
    )
    .labelled_by(label.id)
    .on_hover_text(crate::tr!(
        "App registrations → your app → Overview → Application (client) ID"
    ));
    ui.end_row();
}

/// A secret typed for this session only (a client secret or a pasted token).
fn secret_row(
    ui: &mut Ui,
    text: &str,
    key: &'static str,
    secret: &mut crate::secret::Password,
    hint: &str,
) {
    let label = label_cell(ui, text, None);
    let mut value = secret.expose().to_owned();
    let edit = TextEdit::singleline(&mut value)
        .id(ids::id(key))
        .password(true)
        .hint_text(hint)
        .desired_width(INPUT_WIDTH);
    if ui
        .add(edit)
        .labelled_by(label.id)
        .on_hover_text(crate::tr!(
            "Used for this test only: never saved, never shown in the transcript"
        ))
        .changed()
    {
        *secret = crate::secret::Password::new(value.trim());
    }
    ui.end_row();
}

/// "Sign in with …", the wait with Cancel, or who is signed in and until when.
fn person_row(
    ui: &mut Ui,
    form: &FormState,
    view: &SignInView<'_>,
    button: &str,
    commands: &mut Vec<Command>,
) {
    ui.label("");
    ui.vertical(|ui| {
        if view.state.signing_in.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::tr!("Finish signing in with your browser…"));
                if style::button(ui, "cancel_sign_in", true, &crate::tr!("Cancel")).clicked() {
                    commands.push(Command::Form(FormCommand::CancelSignIn));
                }
            });
            return;
        }
        let mailbox = form.settings.user_name.trim();
        let current = view
            .state
            .signed_in
            .as_ref()
            .filter(|s| s.mailbox.eq_ignore_ascii_case(mailbox));
        match current {
            Some(signed_in) => {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(identity(signed_in)).color(style::good(ui)));
                    if style::button(ui, "sign_out", true, &crate::tr!("Sign out")).clicked() {
                        commands.push(Command::Form(FormCommand::SignOut));
                    }
                });
            }
            None => {
                if style::button(ui, "sign_in", true, button)
                    .on_hover_text(crate::tr!(
                        "Opens the provider's sign-in page in your browser; sign in as the \
                         mailbox in User name"
                    ))
                    .clicked()
                {
                    commands.push(Command::Form(FormCommand::SignIn));
                }
            }
        }
        if let Some(error) = &view.state.error {
            let error = crate::i18n::tr(error);
            let text = crate::tr!("The sign-in did not work: {error}", error = error);
            ui.colored_label(style::bad(ui), text);
        }
    });
    ui.end_row();
}

/// "Signed in as … · the token is valid for 59 more minutes".
fn identity(signed_in: &SignedIn) -> String {
    let who = TokenClaims::peek(signed_in.access.expose())
        .and_then(|c| c.user)
        .unwrap_or_else(|| signed_in.mailbox.clone());
    let valid = signed_in
        .expires_at
        .map(|at| at.saturating_duration_since(Instant::now()))
        .filter(|left| *left > Duration::ZERO)
        .map_or_else(
            || crate::tr!("the token is renewed at the next test"),
            |left| {
                let minutes = left.as_secs() / 60 + 1;
                crate::tr!(
                    "the token is valid for {minutes} more minutes",
                    minutes = minutes
                )
            },
        );
    let who = crate::tr!("Signed in as {who}", who = who);
    format!("{who} · {valid}")
}
