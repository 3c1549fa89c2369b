//! The application's state and the frame loop: drain the worker's messages, then draw
//! ([`super::window`]); every user action goes through `handle` ([`super::handle`]).

use std::path::PathBuf;

use egui::Ui;
use tokio::runtime::Handle;
use tokio_util::sync::CancellationToken;

use super::app_data::KeyringState;
use super::arrive::ArriveState;
use super::certificate_view::CertificateView;
use super::data_ui::ProfilePrompt;
use super::explain::ExplainState;
use super::find::FindState;
use super::fleet::FleetState;
use super::form_state::FormState;
use super::inbox::InboxState;
use super::worker::{FilePurpose, Message, Worker};
use crate::credentials::Account;
use crate::diagnosis::Diagnosis;
use crate::event::{Step, StepStatus};
use crate::i18n::Language;
use crate::outcome::TestOutcome;
use crate::session::SessionReport;
use crate::settings::Settings;
use crate::snippet::Format;
use crate::webconfig::{Finding, PreparedUpdate};

/// Where the form is remembered between runs (never the password).
const STORAGE_KEY: &str = "form";
/// Where the theme choice is remembered.
const THEME_KEY: &str = "theme";
/// Where the language choice is remembered (`None`: the system's).
const LANGUAGE_KEY: &str = "language";

/// A short message at the bottom of the window.
pub(super) struct Notice {
    pub(super) text: String,
    pub(super) is_error: bool,
}

/// Asks for a path by keyboard when no file dialog could be shown.
pub(super) struct PathPrompt {
    pub(super) purpose: FilePurpose,
    pub(super) path: String,
}

/// The Mail Settings Tester window.
pub struct MailTesterApp {
    /// The form (public for tests that drive the app).
    pub form: FormState,
    pub(super) worker: Worker,
    pub(super) run: u64,
    pub(super) cancel: Option<CancellationToken>,
    /// The report of the running test, growing with each event.
    pub(super) live: SessionReport,
    /// The settings the running test uses.
    pub(super) live_settings: Settings,
    /// The last finished test.
    pub(super) outcome: Option<TestOutcome>,
    pub(super) include_password: bool,
    /// The snippet tab on show (the site's default format after each test).
    pub(super) snippet_format: Format,
    pub(super) explain: ExplainState,
    pub(super) notice: Option<Notice>,
    pub(super) path_prompt: Option<PathPrompt>,
    pub(super) pending_save: Option<(FilePurpose, String)>,
    /// Saved profiles, by name, and the one in the form ("" when none).
    pub(super) profiles: Vec<(String, Settings)>,
    pub(super) profile: String,
    pub(super) profile_prompt: Option<ProfilePrompt>,
    /// The web.config the form was read from, what the check found, and an update on show.
    pub(super) webconfig_path: Option<PathBuf>,
    pub(super) findings: Option<Vec<Finding>>,
    pub(super) update: Option<PreparedUpdate>,
    /// What the keyring is known to hold.
    pub(super) keyring: KeyringState,
    /// Whether the transcript is open: `None` until the user chooses (closed before the first
    /// test, open once one runs).
    pub(super) transcript_open: Option<bool>,
    /// When the window was asked for, until the first frame is drawn (for the start-up
    /// benchmark: `MAILTESTER_REPORT_FIRST_FRAME=1` prints the time on stderr).
    pub(super) opened_at: Option<std::time::Instant>,
    /// "Find my settings".
    pub(super) find: FindState,
    /// "Check a folder of sites" (never saved: its report holds the files' passwords).
    pub(super) fleet: FleetState,
    /// The certificate on show, if any.
    pub(super) certificate: Option<CertificateView>,
    /// "Will it arrive?" after a success.
    pub(super) arrive: ArriveState,
    /// "Did it land?": the inbox check in the same card.
    pub(super) inbox: InboxState,
    /// Stops the running inbox check.
    pub(super) inbox_cancel: Option<CancellationToken>,
    /// When the last finished test ended (an inbox check counts the arrival time from here).
    pub(super) sent_at: Option<std::time::Instant>,
    /// OAuth: a person's sign-in.
    pub(super) oauth: super::oauth::OAuthState,
    /// Opens sign-in pages.
    pub(super) browser: super::oauth::Browser,
    /// The window's Language choice (remembered; `None`: the system's).
    pub(super) language: Option<Language>,
    /// `--lang` for this run only (not remembered); a choice in the window replaces it.
    pub(super) language_flag: Option<Language>,
    /// Whether the support report is written in English whatever the window's language.
    pub(super) report_in_english: bool,
}

impl MailTesterApp {
    /// The app as eframe creates it: the form comes back from the last run.
    pub fn new(cc: &eframe::CreationContext<'_>, runtime: Handle) -> Self {
        let form = cc
            .storage
            .and_then(|storage| eframe::get_value::<FormState>(storage, STORAGE_KEY))
            .unwrap_or_default();
        let theme = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, THEME_KEY))
            .unwrap_or(egui::ThemePreference::System);
        cc.egui_ctx.set_theme(theme);
        let language = cc
            .storage
            .and_then(|storage| eframe::get_value::<Option<Language>>(storage, LANGUAGE_KEY))
            .flatten();
        let mut app = Self::with_form(&cc.egui_ctx, runtime, form);
        app.language = language;
        // File dialogs belong to the window: in front of it, and it waits for them.
        app.worker.dialog = rfd::AsyncFileDialog::new().set_parent(cc);
        app.worker.load_profiles();
        app
    }

    /// The app with a given form (tests, screenshots).
    pub fn with_form(ctx: &egui::Context, runtime: Handle, form: FormState) -> Self {
        let worker = Worker::new(runtime, ctx.clone());
        super::style::install(ctx);
        Self {
            form,
            worker,
            run: 0,
            cancel: None,
            live: SessionReport::default(),
            live_settings: Settings::default(),
            outcome: None,
            include_password: false,
            snippet_format: Format::WebConfig,
            explain: ExplainState::default(),
            notice: None,
            path_prompt: None,
            pending_save: None,
            profiles: Vec::new(),
            profile: String::new(),
            profile_prompt: None,
            webconfig_path: None,
            findings: None,
            update: None,
            keyring: KeyringState::default(),
            transcript_open: None,
            opened_at: None,
            find: FindState::default(),
            fleet: FleetState::default(),
            certificate: None,
            arrive: ArriveState::default(),
            inbox: InboxState::default(),
            inbox_cancel: None,
            sent_at: None,
            oauth: super::oauth::OAuthState::default(),
            browser: std::sync::Arc::new(crate::oauth::browser::open),
            language: None,
            language_flag: None,
            report_in_english: false,
        }
    }

    /// Shows the window in `language` for this run (`--lang`), whatever was chosen before.
    #[must_use]
    pub fn in_language(mut self, language: Option<Language>) -> Self {
        self.language_flag = language;
        self
    }

    /// The language the window speaks: `--lang`, else the window's choice, else the
    /// program's (the system's, or English in tests).
    pub fn language(&self) -> Language {
        self.language_flag
            .or(self.language)
            .unwrap_or_else(crate::i18n::program_language)
    }

    /// Chooses the window's language (`None`: the system's) and remembers it.
    pub fn choose_language(&mut self, language: Option<Language>) {
        self.language = language;
        self.language_flag = None;
        crate::i18n::set_thread_language(Some(self.language()));
    }

    /// Keeps profiles in `dir` instead of the user's config folder (tests), and reads them.
    #[must_use]
    pub fn with_profile_dir(mut self, dir: PathBuf) -> Self {
        self.worker.profile_dir = Some(dir);
        self.worker.load_profiles();
        self
    }

    /// Keeps passwords in `keyring` instead of the operating system's (tests).
    #[must_use]
    pub fn with_keyring(mut self, keyring: crate::credentials::Keyring) -> Self {
        self.worker.keyring = Some(keyring);
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

    /// The running test's report so far, or the last finished test's report.
    pub fn live(&self) -> &SessionReport {
        self.outcome
            .as_ref()
            .map_or(&self.live, TestOutcome::report)
    }

    /// The text in the "Explain an error message" box.
    pub fn explain_text(&self) -> &str {
        &self.explain.text
    }

    /// The last finished test, if any.
    pub fn outcome(&self) -> Option<&TestOutcome> {
        self.outcome.as_ref()
    }

    /// The diagnosis of the last finished test, if it failed.
    pub fn diagnosis(&self) -> Option<&Diagnosis> {
        self.outcome.as_ref().and_then(TestOutcome::diagnosis)
    }

    /// Shows a finished test as if it had just run (snapshot tests and screenshots use it to
    /// get pixels that do not depend on network timing).
    pub fn show_finished(&mut self, tested: Settings, report: SessionReport) {
        self.form.load(&tested);
        self.finish(TestOutcome::new(tested, report, self.include_password));
    }

    /// Handles every message from background work. Runs even while the window is hidden.
    pub fn drain_messages(&mut self) {
        for message in self.worker.drain() {
            match message {
                Message::Session { run, event } if run == self.run => self.live.record(&event),
                Message::Finished { run, outcome } if run == self.run => self.finish(*outcome),
                Message::Session { .. } | Message::Finished { .. } => {}
                Message::FileChosen { purpose, path } => self.file_chosen(purpose, path),
                Message::Saved(Ok(path)) => {
                    self.tell(crate::tr!("Saved to {path}", path = path.display()), false);
                }
                Message::Saved(Err(message)) => {
                    self.tell(crate::i18n::tr(&message).into_owned(), true);
                }
                Message::Data(data) => self.data_arrived(data),
                Message::Discovery { run, event } => self.find.on_event(run, event),
                Message::DnsChecked { run, result } => {
                    self.arrive.on_finished(run, result.map(|report| *report));
                }
                Message::InboxLine { run, line } => self.inbox.on_line(run, line),
                Message::InboxChecked { run, result } => self.inbox_finished(run, result),
                Message::ClipboardText(text) => self.clipboard_arrived(text),
                Message::SignedIn(result) => self.signed_in(*result),
                Message::Fleet(message) => self.fleet_message(message),
                Message::DiscoveryFinished { run, result } => {
                    self.find.on_finished(run, result.map(|report| *report));
                }
            }
        }
    }

    /// Takes a finished test: shows it, and keeps the password in the keyring when asked and
    /// the server took it.
    fn finish(&mut self, outcome: TestOutcome) {
        self.cancel = None;
        self.arrive.clear();
        self.cancel_inbox_check();
        self.inbox
            .reset(Self::suggested_mailbox(outcome.settings()));
        self.sent_at = Some(std::time::Instant::now());
        self.live = SessionReport::default();
        self.snippet_format = crate::snippet::default_format(outcome.settings());
        let signed_in = outcome
            .report()
            .step(Step::Auth)
            .is_some_and(|r| r.status == StepStatus::Passed);
        if signed_in
            && self.form.remember_password
            && let Some(account) = Account::for_settings(outcome.settings())
        {
            self.worker
                .save_password(account, outcome.settings().password.clone());
        }
        self.outcome = Some(outcome);
    }

    /// Shows a short message at the bottom of the window: `text` already in the window's
    /// language (`tr!`, or [`crate::i18n::tr`] on a text the worker or the engine wrote).
    pub(super) fn tell(&mut self, text: String, is_error: bool) {
        self.notice = Some(Notice { text, is_error });
    }
}

impl eframe::App for MailTesterApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        crate::i18n::set_thread_language(Some(self.language()));
        self.drain_messages();
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        crate::i18n::set_thread_language(Some(self.language()));
        self.draw(ui);
        if let Some(started) = self.opened_at.take()
            && std::env::var_os("MAILTESTER_REPORT_FIRST_FRAME").is_some()
        {
            eprintln!("first frame after {} ms", started.elapsed().as_millis());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.form);
        eframe::set_value(storage, LANGUAGE_KEY, &self.language);
        let theme = self.worker.outbox.ctx.options(|o| o.theme_preference);
        eframe::set_value(storage, THEME_KEY, &theme);
    }
}
