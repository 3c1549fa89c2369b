//! The application: state, the frame loop (drain messages, then draw), and one place where
//! every [`Command`] is handled.

use std::path::PathBuf;

use egui::{Button, Key, RichText, Ui};
use tokio::runtime::Handle;
use tokio_util::sync::CancellationToken;

use super::checklist::checklist_ui;
use super::command::Command;
use super::data_ui::{
    ProfilePrompt, findings_window, profile_bar_ui, profile_prompt_window, update_window,
};
use super::explain::{ExplainState, explain_window};
use super::form::form_ui;
use super::form_state::FormState;
use super::ids;
use super::result::{diagnosis_card, success_card};
use super::snippet_view::snippet_ui;
use super::style;
use super::transcript::{transcript_text, transcript_ui};
use super::worker::{FilePurpose, Message, Worker};
use crate::credentials::Account;
use crate::diagnosis::{Diagnosis, diagnose};
use crate::event::{Step, StepStatus};
use crate::session::SessionReport;
use crate::settings::Settings;
use crate::snippet::{Format, render};
use crate::webconfig::{Finding, PreparedUpdate};

/// Where the form is remembered between runs (never the password).
const STORAGE_KEY: &str = "form";

/// A finished test.
pub(super) struct Outcome {
    pub(super) tested: Settings,
    pub(super) diagnosis: Option<Diagnosis>,
    /// What an ASP.NET website would log for this failure.
    pub(super) aspnet_exception: Option<String>,
}

/// A short message at the bottom of the window.
pub(super) struct Notice {
    text: String,
    is_error: bool,
}

/// Asks for a path by keyboard when no file dialog could be shown.
pub(super) struct PathPrompt {
    purpose: FilePurpose,
    path: String,
}

/// The Mail Settings Tester window.
pub struct MailTesterApp {
    /// The form (public for tests that drive the app).
    pub form: FormState,
    pub(super) worker: Worker,
    pub(super) run: u64,
    pub(super) cancel: Option<CancellationToken>,
    pub(super) tested: Option<Settings>,
    pub(super) live: SessionReport,
    pub(super) outcome: Option<Outcome>,
    pub(super) include_password: bool,
    /// The snippet tab on show (web.config first; not remembered between runs).
    pub(super) snippet_format: Format,
    pub(super) explain: ExplainState,
    pub(super) notice: Option<Notice>,
    pub(super) save_prompt: Option<PathPrompt>,
    pub(super) pending_save: Option<(FilePurpose, String)>,
    /// Saved profiles, by name, and the one in the form ("" when none).
    pub(super) profiles: Vec<(String, Settings)>,
    pub(super) profile: String,
    pub(super) profile_prompt: Option<ProfilePrompt>,
    /// The web.config the form was read from, what the check found, and an update on show.
    pub(super) webconfig_path: Option<PathBuf>,
    pub(super) findings: Option<Vec<Finding>>,
    pub(super) update: Option<PreparedUpdate>,
    /// When the window was asked for, until the first frame is drawn (for the start-up
    /// benchmark: `MAILTESTER_REPORT_FIRST_FRAME=1` prints the time on stderr).
    pub(super) opened_at: Option<std::time::Instant>,
}

impl MailTesterApp {
    /// The app as eframe creates it: the form comes back from the last run.
    pub fn new(cc: &eframe::CreationContext<'_>, runtime: Handle) -> Self {
        let form = cc
            .storage
            .and_then(|storage| eframe::get_value::<FormState>(storage, STORAGE_KEY))
            .unwrap_or_default();
        let app = Self::with_form(&cc.egui_ctx, runtime, form);
        app.worker.load_profiles();
        app
    }

    /// The app with a given form (tests, screenshots).
    pub fn with_form(ctx: &egui::Context, runtime: Handle, form: FormState) -> Self {
        let worker = Worker::new(runtime, ctx.clone());
        Self {
            form,
            worker,
            run: 0,
            cancel: None,
            tested: None,
            live: SessionReport::default(),
            outcome: None,
            include_password: false,
            snippet_format: Format::WebConfig,
            explain: ExplainState::default(),
            notice: None,
            save_prompt: None,
            pending_save: None,
            profiles: Vec::new(),
            profile: String::new(),
            profile_prompt: None,
            webconfig_path: None,
            findings: None,
            update: None,
            opened_at: None,
        }
    }

    /// Keeps profiles in `dir` instead of the user's config folder (tests), and reads them.
    #[must_use]
    pub fn with_profile_dir(mut self, dir: PathBuf) -> Self {
        self.worker.profile_dir = Some(dir);
        self.worker.load_profiles();
        self
    }

    /// Remembers when start-up began, to report the time to the first frame.
    #[must_use]
    pub fn opened_at(mut self, started: std::time::Instant) -> Self {
        self.opened_at = Some(started);
        self
    }

    /// The background worker (tests wait on its activity instead of sleeping).
    pub fn worker(&self) -> &Worker {
        &self.worker
    }

    /// Whether a test is running.
    pub fn is_running(&self) -> bool {
        self.cancel.is_some()
    }

    /// The live (or last) run's report so far.
    pub fn live(&self) -> &SessionReport {
        &self.live
    }

    /// The diagnosis of the last finished test, if it failed.
    pub fn diagnosis(&self) -> Option<&Diagnosis> {
        self.outcome.as_ref().and_then(|o| o.diagnosis.as_ref())
    }

    /// Shows a finished test as if it had just run (snapshot tests and screenshots use it to
    /// get pixels that do not depend on network timing).
    pub fn show_finished(&mut self, tested: Settings, report: SessionReport) {
        self.form.load(&tested);
        self.tested = Some(tested);
        self.finish(report);
    }

    /// Handles every message from background work. Runs even while the window is hidden.
    pub fn drain_messages(&mut self) {
        for message in self.worker.drain() {
            match message {
                Message::Session { run, event } if run == self.run => self.live.record(&event),
                Message::Finished { run, report } if run == self.run => self.finish(*report),
                Message::Session { .. } | Message::Finished { .. } => {}
                Message::FileChosen { purpose, path } => self.file_chosen(purpose, path),
                Message::Saved(Ok(path)) => {
                    self.tell(format!("Saved to {}", path.display()), false);
                }
                Message::Saved(Err(message)) => self.tell(message, true),
                Message::Data(data) => self.data_arrived(data),
            }
        }
    }

    fn finish(&mut self, report: SessionReport) {
        self.cancel = None;
        let tested = self.tested.take().unwrap_or_else(|| self.form.current().0);
        let diagnosis = diagnose(&tested, &report);
        let aspnet_exception = crate::diagnosis::aspnet_exception(&tested, &report);
        self.snippet_format = crate::snippet::default_format(&tested);
        let signed_in = report
            .step(Step::Auth)
            .is_some_and(|r| r.status == StepStatus::Passed);
        if signed_in
            && self.form.remember_password
            && let Some(account) = Account::for_settings(&tested)
        {
            self.worker.save_password(account, tested.password.clone());
        }
        self.live = report;
        self.outcome = Some(Outcome {
            tested,
            diagnosis,
            aspnet_exception,
        });
    }

    fn file_chosen(&mut self, purpose: FilePurpose, path: Option<PathBuf>) {
        match (purpose, path) {
            (FilePurpose::CaFile, Some(path)) => self.form.ca_text = path.display().to_string(),
            (FilePurpose::CaFile, None) => self.tell(
                "No file chosen. If no file window appeared, type the file's path in the Extra CA file field.".to_owned(),
                false,
            ),
            (purpose, Some(path)) => self.use_path(purpose, path),
            (purpose, None) => {
                let name = default_file_name(purpose, self.snippet_format);
                let folder = directories::UserDirs::new()
                    .and_then(|dirs| dirs.document_dir().map(std::path::Path::to_path_buf))
                    .unwrap_or_default();
                self.save_prompt = Some(PathPrompt {
                    purpose,
                    path: folder.join(name).display().to_string(),
                });
            }
        }
    }

    pub(super) fn tell(&mut self, text: String, is_error: bool) {
        self.notice = Some(Notice { text, is_error });
    }

    /// Handles one user action.
    pub fn handle(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::StartTest => self.start_test(),
            Command::Cancel => {
                if let Some(cancel) = &self.cancel {
                    cancel.cancel();
                }
            }
            Command::ApplyFixAndRetry(settings) => {
                self.form.load(&settings);
                self.start_test();
            }
            Command::ChoosePreset(id) => self.form.apply_preset(&id),
            Command::Copy { text, what } => {
                ctx.copy_text(text);
                self.tell(format!("Copied the {what} to the clipboard."), false);
            }
            Command::ChooseFile(purpose) => {
                let text = match purpose {
                    FilePurpose::CaFile
                    | FilePurpose::OpenWebConfig
                    | FilePurpose::UpdateWebConfig => None,
                    FilePurpose::SaveReport => self.outcome.as_ref().map(|o| {
                        crate::report::support_report(&o.tested, &self.live, o.diagnosis.as_ref())
                    }),
                    FilePurpose::SaveTranscript => Some(transcript_text(&self.live.transcript)),
                    FilePurpose::SaveSnippet => self.outcome.as_ref().map(|o| {
                        render(self.snippet_format, &o.tested, self.include_password).text
                    }),
                };
                if let Some(text) = text {
                    self.pending_save = Some((purpose, text));
                }
                self.worker
                    .choose_file(purpose, default_file_name(purpose, self.snippet_format));
            }
            Command::SaveToTypedPath => {
                if let Some(prompt) = self.save_prompt.take() {
                    self.use_path(prompt.purpose, PathBuf::from(prompt.path.trim()));
                }
            }
            Command::DismissSavePrompt => {
                self.save_prompt = None;
                self.pending_save = None;
            }
            Command::OpenExplain => self.explain.open = true,
            data_command => self.handle_data(data_command),
        }
    }

    pub(super) fn start_test(&mut self) {
        if self.is_running() {
            return;
        }
        let (settings, _) = self.form.current();
        // Sending the password unencrypted is allowed for one test at a time.
        self.form.settings.allow_plaintext_password = false;
        match settings.check() {
            Ok(plan) => {
                self.run += 1;
                self.live = SessionReport::default();
                self.outcome = None;
                self.notice = None;
                self.cancel = Some(self.worker.start_test(self.run, plan));
                self.tested = Some(settings);
            }
            Err(problems) => {
                let first = problems
                    .first()
                    .map_or_else(String::new, |p| p.message.clone());
                self.tell(format!("The test cannot start yet: {first}"), true);
            }
        }
    }

    /// Draws the whole window.
    pub fn draw(&mut self, ui: &mut Ui) {
        let mut commands = Vec::new();
        let mut form_changed = false;
        let (_, problems) = self.form.current();
        let running = self.is_running();
        let window_open =
            self.profile_prompt.is_some() || self.findings.is_some() || self.update.is_some();
        keyboard(
            ui,
            running,
            window_open,
            &problems,
            &mut self.explain,
            &mut commands,
        );

        egui::Panel::top("header").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Mail Settings Tester");
                ui.label(RichText::new("Check your website's email settings").weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ids::add(ui, "open_explain", Button::new("Explain an error message…"))
                        .clicked()
                    {
                        commands.push(Command::OpenExplain);
                    }
                    if ids::add(ui, "open_webconfig", Button::new("Open web.config…"))
                        .on_hover_text(
                            "Read the mail settings from your website's web.config and check them",
                        )
                        .clicked()
                    {
                        commands.push(Command::ChooseFile(FilePurpose::OpenWebConfig));
                    }
                });
            });
        });
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
            checklist_ui(ui, &self.live, running);
            ui.add_space(6.0);
            self.result_ui(ui, &mut commands);
            ui.separator();
            transcript_ui(
                ui,
                &self.live.transcript,
                self.outcome.is_some(),
                &mut commands,
            );
        });
        let framework = self.form.settings.framework;
        explain_window(ui.ctx(), &mut self.explain, framework, &mut commands);
        if let Some(prompt) = &mut self.profile_prompt {
            profile_prompt_window(ui.ctx(), prompt, &mut commands);
        }
        if let Some(findings) = &self.findings {
            let file = self
                .webconfig_path
                .as_ref()
                .map_or_else(String::new, |p| p.display().to_string());
            findings_window(ui.ctx(), &file, findings, &mut commands);
        }
        if let Some(update) = &self.update {
            update_window(ui.ctx(), update, &mut commands);
        }
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

    fn result_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
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
                Some(Outcome { tested, diagnosis: Some(diagnosis), aspnet_exception }) => {
                    diagnosis_card(
                        ui,
                        diagnosis,
                        Some(tested),
                        self.live.certificate.as_ref(),
                        aspnet_exception.as_deref(),
                        commands,
                    );
                }
                Some(Outcome { tested, diagnosis: None, .. }) => {
                    success_card(ui, tested, &self.live);
                    let snippet = render(self.snippet_format, tested, self.include_password);
                    if self.snippet_format == Format::WebConfig
                        && ids::add(ui, "update_webconfig", Button::new(RichText::new("Update my web.config…").strong()))
                            .on_hover_text("Writes these settings into your web.config: shows the changes first and keeps a backup")
                            .clicked()
                    {
                        commands.push(Command::UpdateWebConfig);
                    }
                    snippet_ui(ui, &snippet, &mut self.snippet_format, &mut self.include_password, commands);
                }
            });
    }

    fn status_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if self.notice.is_none() && self.save_prompt.is_none() {
            return;
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            if let Some(prompt) = &mut self.save_prompt {
                ui.horizontal(|ui| {
                    let question = if prompt.purpose.saves() {
                        "No file chosen. If no file window appeared, type where to save:"
                    } else {
                        "No file chosen. If no file window appeared, type the file's path:"
                    };
                    let label = ui.label(question);
                    let edit =
                        egui::TextEdit::singleline(&mut prompt.path).id(ids::id("typed_path"));
                    ui.add(edit.desired_width(320.0)).labelled_by(label.id);
                    let action = if prompt.purpose.saves() {
                        "Save"
                    } else {
                        "Open"
                    };
                    if ids::add(ui, "typed_path_ok", Button::new(action)).clicked() {
                        commands.push(Command::SaveToTypedPath);
                    }
                    if ids::add(ui, "typed_path_cancel", Button::new("Cancel")).clicked() {
                        commands.push(Command::DismissSavePrompt);
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

fn default_file_name(purpose: FilePurpose, snippet_format: Format) -> &'static str {
    match purpose {
        FilePurpose::SaveTranscript => "mail-test-transcript.txt",
        FilePurpose::SaveSnippet => snippet_format.file_name(),
        FilePurpose::SaveReport => "mail-test-report.txt",
        FilePurpose::OpenWebConfig | FilePurpose::UpdateWebConfig => "web.config",
        FilePurpose::CaFile => "",
    }
}

/// Enter sends, Esc cancels (or closes whatever small window is open).
fn keyboard(
    ui: &Ui,
    running: bool,
    window_open: bool,
    problems: &[crate::settings::FieldProblem],
    explain: &mut ExplainState,
    commands: &mut Vec<Command>,
) {
    let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
    if escape {
        if running {
            commands.push(Command::Cancel);
        } else {
            explain.open = false;
            commands.extend([
                Command::DismissProfilePrompt,
                Command::DismissFindings,
                Command::DismissWebConfigUpdate,
            ]);
        }
    }
    let blocked = problems
        .iter()
        .any(|p| p.severity == crate::settings::Severity::Error);
    if enter && !running && !window_open && !blocked && !explain.open {
        commands.push(Command::StartTest);
    }
}

impl eframe::App for MailTesterApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain_messages();
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        if let Some(started) = self.opened_at.take()
            && std::env::var_os("MAILTESTER_REPORT_FIRST_FRAME").is_some()
        {
            eprintln!("first frame after {} ms", started.elapsed().as_millis());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.form);
    }
}
