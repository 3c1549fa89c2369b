//! What the window shows before the first test: what will happen, step by step, and what we
//! never do with the password.

use egui::{Frame, RichText, Ui};

use super::style;
use super::widgets::{Icon, icon};
use crate::event::ChecklistItem;
use crate::settings::Settings;

/// Draws the explanation for the settings in the form.
pub fn intro_ui(ui: &mut Ui, settings: &Settings) {
    ui.add_space(4.0);
    ui.label(RichText::new(crate::tr!("What happens when you send a test")).heading());
    ui.add_space(2.0);
    ui.label(crate::tr!(
        "The test does what your website does when it sends an email, one step at a time, \
         and shows each step as it happens:"
    ));
    ui.add_space(4.0);
    let recipient = settings.recipient();
    let send = if recipient.is_empty() {
        crate::tr!("one short test email to the address in \"Send the test to\" (or From).")
    } else {
        crate::tr!(
            "one short test email to {recipient}.",
            recipient = recipient
        )
    };
    let steps = [
        (
            ChecklistItem::Connect,
            crate::tr!("we reach your mail server, as your website does."),
        ),
        (
            ChecklistItem::Secure,
            crate::tr!("we switch the connection to encryption, when Use SSL is ticked."),
        ),
        (
            ChecklistItem::SignIn,
            match settings.sign_in {
                crate::settings::SignIn::Password => {
                    crate::tr!("with your user name and password.")
                }
                crate::settings::SignIn::OAuth => crate::tr!(
                    "with a token from Microsoft or Google (OAuth), never over an unencrypted connection."
                ),
            },
        ),
        (ChecklistItem::Send, send),
    ];
    for (number, (item, text)) in steps.iter().enumerate() {
        // One piece of text, so that a wrapped line keeps the line spacing of a paragraph.
        let mut job = egui::text::LayoutJob::default();
        let body = egui::TextStyle::Body.resolve(ui.style());
        let strong = ui.visuals().strong_text_color();
        let normal = ui.visuals().text_color();
        let name = format!("{}.  {}", number + 1, crate::i18n::tr(item.label()));
        job.append(&name, 0.0, egui::TextFormat::simple(body.clone(), strong));
        job.append(
            &format!(" – {text}"),
            0.0,
            egui::TextFormat::simple(body, normal),
        );
        ui.label(job);
    }
    ui.add_space(4.0);
    ui.label(crate::tr!(
        "If a step fails, you will see which one, what it means in plain words, and what to \
         change. Nothing is changed on your website."
    ));
    ui.add_space(10.0);
    password_promise(ui);
}

/// What happens to the password, in a calm box of its own.
fn password_promise(ui: &mut Ui) {
    let accent = style::accent(ui);
    Frame::new()
        .fill(style::tint(ui, accent))
        .corner_radius(8.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                icon(ui, Icon::Padlock, accent);
                ui.label(RichText::new(crate::tr!("Your password stays yours")).strong());
            });
            ui.label(crate::tr!(
                "It goes to your mail server and nowhere else, and only over an encrypted \
                 connection: if it would travel unencrypted, the test stops and asks you first."
            ));
            ui.label(crate::tr!(
                "It is never put in a profile, the transcript or the report for support. Tick \
                 \"Remember in the system keyring\" to keep it in your computer's own password \
                 store, never in a file."
            ));
        });
}
