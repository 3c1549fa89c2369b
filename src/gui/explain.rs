//! "Explain an error message": paste what the website logged, get the same diagnosis card.

use egui::{RichText, TextEdit};

use super::command::{Command, ViewCommand};
use super::ids;
use super::result::diagnosis_card;
use crate::diagnosis::Diagnosis;

/// The window's state.
#[derive(Debug, Default)]
pub struct ExplainState {
    /// Whether the window is open.
    pub open: bool,
    /// The pasted text.
    pub text: String,
    /// The last explanation.
    pub diagnosis: Option<Diagnosis>,
}

/// Draws the window when it is open. The explanation is worked out by the app, in the terms of
/// the form's ASP.NET version.
pub fn explain_window(ctx: &egui::Context, state: &mut ExplainState, commands: &mut Vec<Command>) {
    let mut open = state.open;
    egui::Window::new(crate::tr!("Explain an error message"))
        .id(ids::id("explain_window"))
        .open(&mut open)
        .default_width(560.0)
        .collapsible(false)
        .show(ctx, |ui| {
            let label = ui.label(crate::tr!(
                "Paste the error your website logged (or the mail server's reply):"
            ));
            ui.add(
                TextEdit::multiline(&mut state.text)
                    .id(ids::id("explain_text"))
                    .desired_rows(5)
                    .desired_width(f32::INFINITY)
                    // .NET's own words, as the website logs them: never translated.
                    .hint_text("The SMTP server requires a secure connection or the client was not authenticated…"),
            )
            .labelled_by(label.id);
            ui.horizontal(|ui| {
                let ready = !state.text.trim().is_empty();
                // For those who would right-click to paste (a text box here has no menu).
                if ids::add(ui, "explain_paste", egui::Button::new(crate::tr!("Paste and explain")))
                    .on_hover_text(crate::tr!(
                        "Puts what you copied (Ctrl+C) into the box and explains it"
                    ))
                    .clicked()
                {
                    commands.push(Command::View(ViewCommand::PasteAndExplain));
                }
                let explain = egui::Button::new(crate::tr!("Explain"));
                if ids::add_enabled(ui, "explain", ready, explain).clicked() {
                    commands.push(Command::View(ViewCommand::Explain));
                }
                ui.label(RichText::new(crate::tr!("Nothing is sent anywhere.")).weak());
            });
            if let Some(diagnosis) = &state.diagnosis {
                ui.add_space(6.0);
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    diagnosis_card(ui, diagnosis, None, commands);
                });
            }
        });
    if state.open && !open {
        commands.push(Command::View(ViewCommand::CloseExplain));
    }
}
