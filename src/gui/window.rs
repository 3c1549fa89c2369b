//! Drawing the whole window from the app's state. Widgets collect [`Command`]s; they are
//! handled after the frame is laid out.
//!
//! Top to bottom is the order of the work: the form on the left, then on the right the
//! checklist, the result (or, before the first test, what will happen) and the transcript.
//! Widgets are added in reading order, so Tab follows what the eye reads.

use egui::{Button, Key, RichText, ThemePreference, Ui};

use super::app::MailTesterApp;
use super::arrive::arrive_card;
use super::certificate_view::{certificate_button, certificate_window};
use super::checklist::checklist_ui;
use super::command::{
    Command, FileCommand, FleetCommand, ProfileCommand, TestCommand, ViewCommand, WebConfigCommand,
};
use super::data_ui::{findings_window, profile_bar_ui, profile_prompt_window, update_window};
use super::explain::explain_window;
use super::find::find_window;
use super::fleet::fleet_window;
use super::form::{FormView, form_ui, is_form_field};
use super::inbox::inbox_section;
use super::intro::intro_ui;
use super::preferences;
use super::result::diagnosis_card;
use super::snippet_view::snippet_ui;
use super::success::success_card;
use super::transcript::{self, transcript_ui};
use super::worker::FilePurpose;
use super::{ids, style, widgets};
use crate::checklist::checklist_view;
use crate::i18n::Language;
use crate::settings::{FieldProblem, Severity};

/// The height below the checklist from which the transcript opens by itself.
const AUTO_OPEN_ROOM: f32 = 480.0;

impl MailTesterApp {
    /// Draws the whole window, then handles what the user did in it.
    pub fn draw(&mut self, ui: &mut Ui) {
        let mut commands = Vec::new();
        let mut form_changed = false;
        let (_, problems) = self.form.current();
        let running = self.is_running();
        let window_open = self.profile_prompt.is_some()
            || self.findings.is_some()
            || self.update.is_some()
            || self.explain.open
            || self.find.open
            || self.fleet.open
            || self.certificate.is_some();
        keyboard(ui, running, window_open, &problems, &mut commands);
        self.ask_keyring(ui.ctx());
        let theme = ui.ctx().options(|o| o.theme_preference);
        header_ui(
            ui,
            theme,
            self.language_flag.or(self.language),
            &mut commands,
        );
        self.status_bar(ui, &mut commands);
        let view = FormView {
            running,
            send_is_primary: self.send_is_primary(),
            password_saved: self.password_saved(),
            oauth: &self.oauth,
        };
        egui::Panel::left("form_panel")
            .resizable(true)
            .default_size(420.0)
            .size_range(380.0..=620.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("form_scroll")
                    .show(ui, |ui| {
                        ui.add_space(6.0);
                        profile_bar_ui(ui, &self.profiles, &self.profile, &mut commands);
                        ui.separator();
                        let visible = self.form.visible_problems(&problems);
                        if form_ui(ui, &mut self.form, &visible, view, &mut commands) {
                            self.form.touched = true;
                            form_changed = true;
                        }
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        self.windows_ui(ui.ctx(), &mut commands);
        let ctx = ui.ctx().clone();
        // This frame was laid out before the change: draw the next one at once, so the screen
        // and the accessibility tree a screen reader acts on are current (no frames when idle).
        if form_changed || !commands.is_empty() {
            ctx.request_repaint();
        }
        for command in commands {
            self.handle(command, &ctx);
        }
    }

    /// Whether "Send test email" is the primary action: not while a fix waits to be applied
    /// (then "Apply fix and test again" is) nor after a success (then Copy is).
    fn send_is_primary(&self) -> bool {
        match &self.outcome {
            None => true,
            Some(outcome) => outcome
                .diagnosis()
                .is_some_and(|diagnosis| diagnosis.suggested_change.is_none()),
        }
    }

    /// The right-hand side: checklist, result and transcript.
    fn central_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let started = self.is_running() || self.outcome.is_some();
        if started {
            self.checklist(ui);
            ui.add_space(8.0);
        }
        let room = ui.available_rect_before_wrap();
        // Opens by itself once a test runs, where there is room for it next to the result
        // (in a short window the result comes first; the transcript is one click away).
        let open = self
            .transcript_open
            .unwrap_or(started && room.height() >= AUTO_OPEN_ROOM);
        let dragged = transcript::dragged_height(ui);
        let handle = 10.0 + ui.spacing().item_spacing.y * 2.0;
        let most = (room.height() - 160.0).max(transcript::MIN_HEIGHT);
        let result_height = match (open, dragged) {
            (false, _) => room.height() - transcript::title_height(ui) - 12.0,
            (true, Some(height)) => {
                room.height() - height.clamp(transcript::MIN_HEIGHT, most) - handle
            }
            // After a success the snippet to paste comes first.
            (true, None)
                if self
                    .outcome
                    .as_ref()
                    .is_some_and(|o| o.diagnosis().is_none()) =>
            {
                (room.height() * 0.7).max(160.0)
            }
            (true, None) => (room.height() * 0.62).max(160.0),
        };
        egui::ScrollArea::vertical()
            .id_salt("result_scroll")
            .max_height(result_height.max(80.0))
            .auto_shrink([false, open && dragged.is_none()])
            .show(ui, |ui| self.result_ui(ui, commands));
        if open {
            transcript::resize_handle(ui, room.bottom(), most);
        } else {
            ui.separator();
        }
        let finished = self.outcome.is_some();
        let in_english = (self.language() != Language::English).then_some(self.report_in_english);
        transcript_ui(
            ui,
            &self.transcript_lines(),
            finished,
            open,
            in_english,
            commands,
        );
    }

    /// The checklist of the running or finished test, the blamed step in red.
    fn checklist(&self, ui: &mut Ui) {
        let (settings, diagnosis) = match &self.outcome {
            Some(outcome) => (outcome.settings(), outcome.diagnosis()),
            None => (&self.live_settings, None),
        };
        let items = checklist_view(self.live(), settings, diagnosis, self.is_running());
        checklist_ui(ui, &items);
    }

    /// The small windows: explain, the profile name, web.config findings and update.
    fn windows_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        explain_window(ctx, &mut self.explain, commands);
        if let Some(prompt) = &mut self.profile_prompt {
            profile_prompt_window(ctx, prompt, commands);
        }
        if let Some(findings) = &self.findings {
            let file = self
                .webconfig_path
                .as_ref()
                .map_or_else(String::new, |p| p.display().to_string());
            findings_window(ctx, &file, findings, commands);
        }
        if let Some(update) = &self.update {
            update_window(ctx, update, commands);
        }
        find_window(ctx, &mut self.find, commands);
        fleet_window(ctx, &mut self.fleet, commands);
        certificate_window(ctx, self.certificate.as_ref(), commands);
    }

    fn result_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        match &self.outcome {
            None if self.is_running() => {
                ui.label(crate::tr!(
                    "Testing… each step appears above as it happens. Esc stops the test."
                ));
            }
            None => intro_ui(ui, &self.form.current().0),
            Some(outcome) => {
                if let Some(diagnosis) = outcome.diagnosis() {
                    diagnosis_card(ui, diagnosis, Some(outcome), commands);
                    certificate_button(ui, outcome, commands);
                } else {
                    success_card(ui, outcome, self.snippet_format);
                    let settings = outcome.settings();
                    let web_config = settings.target == crate::settings::Target::DotNet
                        && settings.framework != crate::settings::Framework::Core;
                    for warning in outcome.warnings() {
                        ui.add_space(8.0);
                        super::countdown::countdown_card(ui, warning, web_config, commands);
                    }
                    certificate_button(ui, outcome, commands);
                    if let Some(snippet) =
                        outcome.snippet_as(self.snippet_format, self.include_password)
                    {
                        snippet_ui(ui, &snippet, self.include_password, commands);
                    }
                    let same_password = self.inbox_is_sign_in_account();
                    let settings = outcome.settings();
                    let inbox = &mut self.inbox;
                    arrive_card(
                        ui,
                        &self.arrive,
                        &settings.from,
                        commands,
                        |ui, commands| {
                            let to = super::inbox_handle::recipient(settings);
                            inbox_section(ui, inbox, to, same_password, commands);
                        },
                    );
                }
            }
        }
    }

    fn status_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if self.notice.is_none() && self.path_prompt.is_none() {
            return;
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.add_space(2.0);
            if let Some(prompt) = &mut self.path_prompt {
                ui.horizontal_wrapped(|ui| {
                    let (question, action) = if prompt.purpose.saves() {
                        (
                            crate::tr!(
                                "No file chosen. If no file window appeared, type where to save:"
                            ),
                            crate::tr!("Save"),
                        )
                    } else {
                        (
                            crate::tr!(
                                "No file chosen. If no file window appeared, type the file's path:"
                            ),
                            crate::tr!("Open"),
                        )
                    };
                    let label = ui.label(question);
                    let edit =
                        egui::TextEdit::singleline(&mut prompt.path).id(ids::id("typed_path"));
                    ui.add(edit.desired_width(320.0)).labelled_by(label.id);
                    if ids::add(ui, "typed_path_ok", Button::new(action)).clicked() {
                        commands.push(Command::File(FileCommand::UseTypedPath));
                    }
                    if ids::add(ui, "typed_path_cancel", Button::new(crate::tr!("Cancel")))
                        .clicked()
                    {
                        commands.push(Command::File(FileCommand::DismissPathPrompt));
                    }
                });
            }
            if let Some(notice) = &self.notice {
                let color = if notice.is_error {
                    style::bad(ui)
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(color, &notice.text);
            }
            ui.add_space(2.0);
        });
    }
}

/// The title row: the name on the left; "Open web.config…", "Explain an error message…",
/// "Check a folder of sites…", the language and the theme on the right.
fn header_ui(
    ui: &mut Ui,
    theme: ThemePreference,
    language: Option<Language>,
    commands: &mut Vec<Command>,
) {
    egui::Panel::top("header").show(ui, |ui| {
        ui.add_space(4.0);
        let wide = ui.available_width() > 1400.0;
        widgets::title_and_actions(
            ui,
            "header",
            commands,
            |ui, _| {
                ui.heading(RichText::new("Mail Settings Tester").strong());
                if wide {
                    ui.label(
                        RichText::new(crate::tr!("Check your website's email settings")).weak(),
                    );
                }
            },
            |ui, commands| {
                if ids::add(
                    ui,
                    "open_webconfig",
                    Button::new(crate::tr!("Open web.config…")),
                )
                .on_hover_text(crate::tr!(
                    "Read the mail settings from your website's web.config and check them"
                ))
                .clicked()
                {
                    commands.push(Command::File(FileCommand::Choose(
                        FilePurpose::OpenWebConfig,
                    )));
                }
                if ids::add(
                    ui,
                    "open_explain",
                    Button::new(crate::tr!("Explain an error message…")),
                )
                .on_hover_text(crate::tr!(
                    "Paste an error your website logged and see what it means"
                ))
                .clicked()
                {
                    commands.push(Command::View(ViewCommand::OpenExplain));
                }
                if ids::add(
                    ui,
                    "open_fleet",
                    Button::new(crate::tr!("Check a folder of sites…")),
                )
                .on_hover_text(crate::tr!(
                    "For hosting support: check the mail settings of every site in a folder"
                ))
                .clicked()
                {
                    commands.push(Command::Fleet(FleetCommand::Open));
                }
                preferences::language_ui(ui, language, commands);
                preferences::theme_ui(ui, theme, commands);
            },
        );
        ui.add_space(2.0);
    });
}

/// Enter sends (from a field of the form, or when nothing has the keyboard: a focused button
/// takes its own Enter), Esc cancels a test or closes whatever small window is open.
fn keyboard(
    ui: &Ui,
    running: bool,
    window_open: bool,
    problems: &[FieldProblem],
    commands: &mut Vec<Command>,
) {
    let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
    if escape {
        if running {
            commands.push(Command::Test(TestCommand::Cancel));
        } else {
            commands.extend([
                Command::View(ViewCommand::CloseExplain),
                Command::Profile(ProfileCommand::DismissPrompt),
                Command::WebConfig(WebConfigCommand::DismissFindings),
                Command::WebConfig(WebConfigCommand::DismissUpdate),
                Command::Fleet(FleetCommand::Close),
            ]);
        }
    }
    let focus = ui.memory(egui::Memory::focused);
    let free = focus.is_none_or(is_form_field);
    let blocked = problems.iter().any(|p| p.severity == Severity::Error);
    if enter && free && !running && !window_open && !blocked {
        commands.push(Command::Test(TestCommand::Start));
    }
}
