//! The countdown card: a password sign-in to Microsoft 365 works today and stops at the end of
//! December 2026. What the site will log, the ways out, and one click to try the first one.

use egui::{RichText, Ui};

use super::command::{Command, FormCommand};
use super::form_state::SignInChoice;
use super::result::card;
use super::style;
use super::widgets::{Icon, icon};
use crate::warning::Warning;

/// Draws one warning card.
pub fn countdown_card(
    ui: &mut Ui,
    warning: &Warning,
    web_config: bool,
    commands: &mut Vec<Command>,
) {
    let accent = style::warn(ui);
    card(ui, accent, |ui| {
        ui.horizontal(|ui| {
            icon(ui, Icon::Dash, accent);
            ui.label(RichText::new(&warning.summary).strong().color(accent));
        });
        ui.label(&warning.explanation);
        ui.add_space(4.0);
        ui.label(RichText::new("Your website will then log").strong());
        ui.add(egui::Label::new(RichText::new(&warning.will_log).monospace()).selectable(true));
        ui.add_space(4.0);
        ui.label(RichText::new("Ways out").strong());
        for (number, way) in warning.ways_out.iter().enumerate() {
            ui.label(format!("{}. {way}", number + 1));
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if web_config {
                if style::button(ui, "switch_to_azure", true, "Switch to Azure Communication Services…")
                    .on_hover_text("Fills in the server, port and SSL; then enter its SMTP user name and the app's client secret, and test")
                    .clicked()
                {
                    commands.push(Command::Form(FormCommand::ChoosePreset("azure".to_owned())));
                }
            } else if style::button(ui, "test_oauth_instead", true, "Test OAuth sign-in instead…")
                .on_hover_text("Switches Sign-in to Microsoft 365 (OAuth); enter the app's tenant, client ID and secret, and test")
                .clicked()
            {
                commands.push(Command::Form(FormCommand::ChooseSignIn(SignInChoice::Microsoft)));
            }
        });
    });
}
