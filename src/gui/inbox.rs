//! "Did it land?": in the "Will it arrive?" card, sign in to the mailbox the test went to and
//! say whether the message is in the inbox or in spam, what the receiving server's own checks
//! said, and whether its DKIM signature holds. The look is [`crate::inbox::check_inbox`] on
//! tokio; its IMAP exchange joins the transcript as it happens.

use egui::{RichText, TextEdit, Ui};

use super::background::Background;
use super::command::{Command, TestCommand};
use super::widgets::{self, Icon};
use super::{ids, style};
use crate::event::TranscriptLine;
use crate::inbox::{Arrival, InboxReport, InboxVerdict};
use crate::secret::Password;

/// What the inbox part of the card knows.
#[derive(Debug, Default)]
pub struct InboxState {
    /// The look and its answer.
    pub check: Background<InboxReport>,
    /// The mailbox as typed (`imaps://user@host`).
    pub mailbox: String,
    /// Whether the user changed the mailbox (else each success fills it in afresh).
    pub mailbox_edited: bool,
    /// The mailbox password as typed (memory only).
    pub password: Password,
    /// The IMAP exchange of the current look (password redacted).
    pub lines: Vec<TranscriptLine>,
    /// What to keep in the keyring once the current look signed in ("Remember" is on and a
    /// password was typed).
    pub save_after: Option<(crate::credentials::Account, Password)>,
}

impl InboxState {
    /// Forgets the last look (a new test ran) and suggests `suggestion` unless the user typed
    /// their own mailbox.
    pub fn reset(&mut self, suggestion: String) {
        self.check.clear();
        self.lines.clear();
        if !self.mailbox_edited {
            self.mailbox = suggestion;
        }
    }

    /// Starts a look and returns its number.
    pub fn start(&mut self) -> u64 {
        self.lines.clear();
        self.check.start()
    }

    /// Takes in a transcript line of look `run`.
    pub fn on_line(&mut self, run: u64, line: TranscriptLine) {
        if run == self.check.run {
            self.lines.push(line);
        }
    }
}

/// The inbox part of the card. `same_password`: the mailbox is the sign-in account, so an
/// empty password field means the form's password.
pub fn inbox_section(
    ui: &mut Ui,
    state: &mut InboxState,
    to: &str,
    same_password: bool,
    commands: &mut Vec<Command>,
) {
    ui.add_space(8.0);
    ui.separator();
    ui.label(
        RichText::new(crate::tr!("Did it land?"))
            .strong()
            .size(16.0),
    );
    if let Some(report) = &state.check.report {
        report_ui(ui, report);
    } else {
        ui.label(crate::tr!(
            "Sign in to the mailbox the test went to ({to}) to see whether the message is in \
             the inbox or in spam. We only read; nothing is moved or deleted.",
            to = to
        ));
    }
    if state.check.running {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(crate::tr!("Looking for the message (up to a minute)…"));
            if ids::add(ui, "inbox_stop", egui::Button::new(crate::tr!("Stop"))).clicked() {
                commands.push(Command::Test(TestCommand::CancelInbox));
            }
        });
        return;
    }
    if let Some(error) = &state.check.error {
        ui.colored_label(style::bad(ui), error);
    }
    fields_ui(ui, state, same_password);
    let label = if state.check.report.is_some() {
        crate::tr!("Check my inbox again")
    } else {
        crate::tr!("Check my inbox")
    };
    if style::button(ui, "inbox_check", !state.mailbox.trim().is_empty(), &label).clicked() {
        commands.push(Command::Test(TestCommand::CheckInbox));
    }
}

fn fields_ui(ui: &mut Ui, state: &mut InboxState, same_password: bool) {
    egui::Grid::new(ids::id("inbox_fields"))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(crate::tr!("Mailbox (IMAP)"));
            let edit = TextEdit::singleline(&mut state.mailbox)
                .id(ids::id("inbox_mailbox"))
                .hint_text("imaps://you@example.com@mail.example.com")
                .desired_width(360.0);
            let response = ui.add(edit).labelled_by(label.id).on_hover_text(crate::tr!(
                "imaps://USER@SERVER, or imap:// for STARTTLS on port 143; add :PORT if it is \
                 not the usual one"
            ));
            if response.changed() {
                state.mailbox_edited = true;
            }
            ui.end_row();
            let label = ui.label(crate::tr!("Mailbox password"));
            let mut text = state.password.expose().to_owned();
            let hint = if same_password {
                crate::tr!("Same as the password above")
            } else {
                String::new()
            };
            let edit = TextEdit::singleline(&mut text)
                .id(ids::id("inbox_password"))
                .password(true)
                .hint_text(hint)
                .desired_width(240.0);
            let response = ui.add(edit).labelled_by(label.id).on_hover_text(crate::tr!(
                "Used for this check only; kept in the system keyring after a good sign-in when \
                 \"Remember in the system keyring\" is ticked"
            ));
            if response.changed() {
                state.password = Password::new(text);
            }
            ui.end_row();
        });
}

fn report_ui(ui: &mut Ui, report: &InboxReport) {
    let color = match report.verdict {
        InboxVerdict::InInbox => style::good(ui),
        InboxVerdict::InJunk | InboxVerdict::InOtherFolder => style::warn(ui),
        InboxVerdict::NotFound => style::bad(ui),
    };
    ui.label(
        RichText::new(crate::i18n::tr(&report.verdict_text))
            .size(17.0)
            .strong()
            .color(color),
    );
    ui.label(crate::i18n::tr(&report.explanation));
    if let Some(arrival) = &report.arrival {
        arrival_ui(ui, arrival);
    }
}

fn arrival_ui(ui: &mut Ui, arrival: &Arrival) {
    match &arrival.receiver_checks {
        Some(checks) => {
            ui.add_space(4.0);
            let what = crate::tr!("What {server} checked:", server = checks.checked_by);
            ui.label(RichText::new(what).strong());
            for check in &checks.checks {
                let (icon, color) = match check.passed {
                    Some(true) => (Icon::Tick, style::good(ui)),
                    Some(false) => (Icon::Cross, style::bad(ui)),
                    None => (Icon::Dash, ui.visuals().weak_text_color()),
                };
                ui.horizontal_wrapped(|ui| {
                    widgets::icon(ui, icon, color);
                    ui.label(crate::i18n::tr(&check.text));
                });
            }
        }
        None => {
            ui.label(
                RichText::new(crate::tr!(
                    "The receiving server recorded no checks in the message."
                ))
                .weak(),
            );
        }
    }
    ui.add_space(4.0);
    let dkim_ok = arrival.dkim.iter().any(|d| d.valid && d.aligned);
    let (icon, color) = if dkim_ok {
        (Icon::Tick, style::good(ui))
    } else {
        (Icon::Cross, style::warn(ui))
    };
    ui.horizontal_wrapped(|ui| {
        widgets::icon(ui, icon, color);
        ui.label(crate::i18n::tr(&arrival.dkim_text));
    });
}
