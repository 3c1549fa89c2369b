//! Drawing the whole window from the app's state. Widgets collect [`Command`]s; they are
//! handled after the frame is laid out.

use egui::{Button, Key, RichText, Ui};

use super::app::MailTesterApp;
use super::checklist::checklist_ui;
use super::command::{
    Command, FileCommand, ProfileCommand, TestCommand, ViewCommand, WebConfigCommand,
};
use super::data_ui::{findings_window, profile_bar_ui, profile_prompt_window, update_window};
use super::explain::explain_window;
use super::form::form_ui;
use super::result::{diagnosis_card, success_card};
use super::snippet_view::snippet_ui;
use super::transcript::transcript_ui;
use super::worker::FilePurpose;
use super::{ids, style};
use crate::settings::{FieldProblem, Severity};
use crate::snippet::Format;

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
            || self.explain.open;
        keyboard(ui, running, window_open, &problems, &mut commands);
        header_ui(ui, &mut commands);
        self.status_bar(ui, &mut commands);
        egui::Panel::left("form_panel")
            .resizable(true)
            .default_size(470.0)
            .min_size(380.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("form_scroll")
                    .show(ui, |ui| {
                        ui.add_space(6.0);
                        profile_bar_ui(ui, &self.profiles, &self.profile, &mut commands);
                        ui.separator();
                        let visible = self.form.visible_problems(&problems);
                        if form_ui(ui, &mut self.form, &visible, running, &mut commands) {
                            self.form.touched = true;
                            form_changed = true;
                        }
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            checklist_ui(ui, self.live(), running);
            ui.add_space(6.0);
            self.result_ui(ui, &mut commands);
            ui.separator();
            transcript_ui(
                ui,
                &self.live().transcript,
                self.outcome.is_some(),
                &mut commands,
            );
        });
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
    }

    fn result_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let max_height = (ui.available_height() * 0.62).max(160.0);
        egui::ScrollArea::vertical()
            .id_salt("result_scroll")
            .max_height(max_height)
            .auto_shrink([false, true])
            .show(ui, |ui| match &self.outcome {
                None if self.is_running() => {
                    ui.label("Testing… each step appears below as it happens.");
                }
                None => {
                    ui.label(
                        "Fill in your settings on the left and press Send test email. \
                         You will see each step here as it happens, and what to change if something fails.",
                    );
                }
                Some(outcome) => {
                    if let Some(diagnosis) = outcome.diagnosis() {
                        diagnosis_card(ui, diagnosis, Some(outcome), commands);
                    } else {
                        success_card(ui, outcome);
                        if let Some(snippet) =
                            outcome.snippet_as(self.snippet_format, self.include_password)
                        {
                            if snippet.format == Format::WebConfig {
                                update_button_ui(ui, commands);
                            }
                            snippet_ui(ui, &snippet, self.include_password, commands);
                        }
                    }
                }
            });
    }

    fn status_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if self.notice.is_none() && self.path_prompt.is_none() {
            return;
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            if let Some(prompt) = &mut self.path_prompt {
                ui.horizontal(|ui| {
                    let (question, action) = if prompt.purpose.saves() {
                        (
                            "No file chosen. If no file window appeared, type where to save:",
                            "Save",
                        )
                    } else {
                        (
                            "No file chosen. If no file window appeared, type the file's path:",
                            "Open",
                        )
                    };
                    let label = ui.label(question);
                    let edit =
                        egui::TextEdit::singleline(&mut prompt.path).id(ids::id("typed_path"));
                    ui.add(edit.desired_width(320.0)).labelled_by(label.id);
                    if ids::add(ui, "typed_path_ok", Button::new(action)).clicked() {
                        commands.push(Command::File(FileCommand::UseTypedPath));
                    }
                    if ids::add(ui, "typed_path_cancel", Button::new("Cancel")).clicked() {
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
        });
    }
}

/// The title row with "Explain an error message…" and "Open web.config…".
fn header_ui(ui: &mut Ui, commands: &mut Vec<Command>) {
    egui::Panel::top("header").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Mail Settings Tester");
            ui.label(RichText::new("Check your website's email settings").weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ids::add(ui, "open_explain", Button::new("Explain an error message…")).clicked()
                {
                    commands.push(Command::View(ViewCommand::OpenExplain));
                }
                if ids::add(ui, "open_webconfig", Button::new("Open web.config…"))
                    .on_hover_text(
                        "Read the mail settings from your website's web.config and check them",
                    )
                    .clicked()
                {
                    commands.push(Command::File(FileCommand::Choose(
                        FilePurpose::OpenWebConfig,
                    )));
                }
            });
        });
    });
}

/// "Update my web.config…", above the web.config snippet.
fn update_button_ui(ui: &mut Ui, commands: &mut Vec<Command>) {
    let button = Button::new(RichText::new("Update my web.config…").strong());
    if ids::add(ui, "update_webconfig", button)
        .on_hover_text(
            "Writes these settings into your web.config: shows the changes first and keeps a backup",
        )
        .clicked()
    {
        commands.push(Command::WebConfig(WebConfigCommand::Update));
    }
}

/// Enter sends, Esc cancels (or closes whatever small window is open).
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
            ]);
        }
    }
    let blocked = problems.iter().any(|p| p.severity == Severity::Error);
    if enter && !running && !window_open && !blocked {
        commands.push(Command::Test(TestCommand::Start));
    }
}
