//! The warning card of a test that passed and still needs action: a password sign-in to
//! Microsoft 365 that stops at the end of December 2026 (with one click to try the first way
//! out), or a server that refuses mail to outside addresses without a sign-in. What the site
//! will log, and the ways out.

use egui::{RichText, Ui};

use crate::i18n::tr;

use super::command::{Command, FormCommand};
use super::form_state::SignInChoice;
use super::result::card;
use super::style;
use super::widgets::{Icon, icon};
use crate::warning::{Warning, WarningId};

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
            // Wraps in a narrow window rather than widening the card past it.
            ui.add(
                egui::Label::new(RichText::new(tr(&warning.summary)).strong().color(accent)).wrap(),
            );
        });
        ui.label(tr(&warning.explanation));
        ui.add_space(4.0);
        // The caption is ours; what the website logs under it is .NET's, in English.
        ui.label(RichText::new(tr(warning.id.will_log_heading())).strong());
        ui.add(egui::Label::new(RichText::new(&warning.will_log).monospace()).selectable(true));
        ui.add_space(4.0);
        ui.label(RichText::new(crate::tr!("Ways out")).strong());
        for (number, way) in warning.ways_out.iter().enumerate() {
            ui.label(format!("{}. {}", number + 1, tr(way)));
        }
        if warning.id != WarningId::BasicAuthEnding {
            return;
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if web_config {
                if style::button(ui, "switch_to_azure", true, &crate::tr!("Switch to Azure Communication Services…"))
                    .on_hover_text(crate::tr!("Fills in the server, port and SSL; then enter its SMTP user name and the app's client secret, and test"))
                    .clicked()
                {
                    commands.push(Command::Form(FormCommand::ChoosePreset("azure".to_owned())));
                }
            } else if style::button(ui, "test_oauth_instead", true, &crate::tr!("Test OAuth sign-in instead…"))
                .on_hover_text(crate::tr!("Switches Sign-in to Microsoft 365 (OAuth); enter the app's tenant, client ID and secret, and test"))
                .clicked()
            {
                commands.push(Command::Form(FormCommand::ChooseSignIn(SignInChoice::Microsoft)));
            }
        });
    });
}
