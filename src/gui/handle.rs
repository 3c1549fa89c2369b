//! The one place where user actions change the app: `handle` dispatches each [`Command`] group
//! to its handler, every match exhaustive. Profiles and web.config are in [`super::app_data`].

use std::path::PathBuf;

use super::app::{MailTesterApp, PathPrompt};
use super::command::{Command, FileCommand, FormCommand, TestCommand, ViewCommand};
use super::transcript::transcript_text;
use super::worker::FilePurpose;
use crate::session::SessionReport;
use crate::snippet::Format;

impl MailTesterApp {
    /// Handles one user action.
    pub(crate) fn handle(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Test(command) => self.handle_test(command),
            Command::Form(command) => self.handle_form(command),
            Command::View(command) => self.handle_view(command, ctx),
            Command::File(command) => self.handle_file(command),
            Command::Profile(command) => self.handle_profile(command),
            Command::WebConfig(command) => self.handle_webconfig(command),
            Command::Find(command) => self.handle_find(command),
            Command::Fleet(command) => self.handle_fleet(command),
        }
    }

    fn handle_test(&mut self, command: TestCommand) {
        match command {
            TestCommand::Start => self.start_test(),
            TestCommand::Cancel => {
                if let Some(cancel) = &self.cancel {
                    cancel.cancel();
                }
            }
            TestCommand::Retry(settings) => {
                self.form.load(&settings);
                self.start_test();
            }
            TestCommand::CheckDns => self.start_dns_check(),
            TestCommand::CheckInbox => self.start_inbox_check(),
            TestCommand::CancelInbox => self.cancel_inbox_check(),
        }
    }

    fn handle_form(&mut self, command: FormCommand) {
        match command {
            FormCommand::ChoosePreset(id) => self.form.apply_preset(&id),
            FormCommand::SignIn => self.sign_in(),
            FormCommand::CancelSignIn => {
                if let Some(cancel) = self.oauth.signing_in.take() {
                    cancel.cancel();
                }
            }
            FormCommand::SignOut => self.sign_out(),
            FormCommand::ChooseSignIn(choice) => self.form.sign_in = choice,
            FormCommand::ForgetPassword => match self.form.account() {
                Some(account) => self.worker.forget_password(account),
                None => self.tell(
                    crate::tr!(
                        "Enter the user name, server and port whose saved password you want to \
                         remove."
                    ),
                    true,
                ),
            },
        }
    }

    fn handle_view(&mut self, command: ViewCommand, ctx: &egui::Context) {
        match command {
            ViewCommand::OpenExplain => self.explain.open = true,
            ViewCommand::CloseExplain => self.explain.open = false,
            ViewCommand::Explain => self.explain_pasted(),
            ViewCommand::PasteAndExplain => self.worker.read_clipboard(),
            ViewCommand::ShowSnippet(format) => self.snippet_format = format,
            ViewCommand::IncludePassword(include) => self.include_password = include,
            ViewCommand::ShowTranscript(open) => self.transcript_open = Some(open),
            ViewCommand::Theme(theme) => ctx.set_theme(theme),
            ViewCommand::Language(language) => self.choose_language(language),
            ViewCommand::ReportInEnglish(on) => self.report_in_english = on,
            ViewCommand::Copy { text, what } => {
                ctx.copy_text(text);
                self.tell(copied(what), false);
            }
        }
    }

    fn handle_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::Choose(purpose) => {
                if let Some(text) = self.text_to_save(purpose) {
                    self.pending_save = Some((purpose, text));
                }
                self.worker
                    .choose_file(purpose, default_file_name(purpose, self.snippet_format));
            }
            FileCommand::UseTypedPath => {
                if let Some(prompt) = self.path_prompt.take() {
                    self.use_path(prompt.purpose, crate::files::path_from_user(&prompt.path));
                }
            }
            FileCommand::DismissPathPrompt => {
                self.path_prompt = None;
                self.pending_save = None;
            }
        }
    }

    /// What a save dialog for `purpose` will write (taken now, as the user sees it).
    fn text_to_save(&self, purpose: FilePurpose) -> Option<String> {
        match purpose {
            FilePurpose::CaFile | FilePurpose::OpenWebConfig | FilePurpose::UpdateWebConfig => None,
            FilePurpose::SaveReport => self.outcome.as_ref().map(|outcome| {
                let report = || {
                    crate::report::support_report_with_inbox(
                        outcome,
                        self.inbox.check.report.as_ref(),
                    )
                };
                if self.report_in_english {
                    crate::i18n::with_language(crate::i18n::Language::English, report)
                } else {
                    report()
                }
            }),
            FilePurpose::SaveTranscript => Some(transcript_text(&self.transcript_lines())),
            FilePurpose::SaveSnippet => self.outcome.as_ref().and_then(|outcome| {
                outcome
                    .snippet_as(self.snippet_format, self.include_password)
                    .map(|snippet| snippet.text)
            }),
        }
    }

    /// Starts a test with the form's settings, or says why it cannot start.
    fn start_test(&mut self) {
        if self.is_running() {
            return;
        }
        let (settings, _) = self.form.current();
        // Sending the password unencrypted is allowed for one test at a time.
        self.form.settings.allow_plaintext_password = false;
        let problems = self.form.current().1;
        let checked = match problems
            .iter()
            .find(|p| p.severity == crate::settings::Severity::Error)
        {
            // The provider gives the token during the test: check the rest with a stand-in.
            None if self.form.token_from_provider() => {
                let mut stand_in = settings.clone();
                stand_in.access_token =
                    crate::secret::Password::new("token-comes-from-the-provider");
                stand_in.check()
            }
            Some(problem) => Err(vec![problem.clone()]),
            None => settings.check(),
        };
        match checked {
            Ok(plan) => {
                self.run += 1;
                self.live = SessionReport::default();
                self.live_settings = settings.clone();
                self.outcome = None;
                self.notice = None;
                let include_password = self.include_password;
                let token_plan = self.token_plan();
                self.cancel = Some(self.worker.start_test(
                    self.run,
                    plan,
                    settings,
                    include_password,
                    token_plan,
                ));
            }
            Err(problems) => {
                let first = problems
                    .first()
                    .map_or_else(String::new, |p| crate::i18n::tr(&p.message).into_owned());
                self.tell(
                    crate::tr!("The test cannot start yet: {problem}", problem = first),
                    true,
                );
            }
        }
    }

    /// A file dialog closed: use the path, or offer to type one.
    pub(super) fn file_chosen(&mut self, purpose: FilePurpose, path: Option<PathBuf>) {
        match (purpose, path) {
            (FilePurpose::CaFile, Some(path)) => self.form.ca_text = path.display().to_string(),
            (FilePurpose::CaFile, None) => self.tell(
                crate::tr!(
                    "No file chosen. If no file window appeared, type the file's path in the \
                     Extra CA file field."
                ),
                false,
            ),
            (purpose, Some(path)) => self.use_path(purpose, path),
            (purpose, None) => {
                let name = default_file_name(purpose, self.snippet_format);
                let folder = directories::UserDirs::new()
                    .and_then(|dirs| dirs.document_dir().map(std::path::Path::to_path_buf))
                    .unwrap_or_default();
                self.path_prompt = Some(PathPrompt {
                    purpose,
                    path: folder.join(name).display().to_string(),
                });
            }
        }
    }

    /// Acts on a path from a file dialog or typed by hand.
    fn use_path(&mut self, purpose: FilePurpose, path: PathBuf) {
        match purpose {
            FilePurpose::CaFile => self.form.ca_text = path.display().to_string(),
            FilePurpose::OpenWebConfig => self.worker.open_webconfig(path),
            FilePurpose::UpdateWebConfig => self.prepare_update(path),
            FilePurpose::SaveTranscript | FilePurpose::SaveSnippet | FilePurpose::SaveReport => {
                if let Some((_, text)) = self.pending_save.take() {
                    self.worker.save_text(path, text);
                }
            }
        }
    }
}

/// "Copied the … to the clipboard.", a whole sentence for each thing the window copies.
fn copied(what: &str) -> String {
    match what {
        "transcript" => crate::tr!("Copied the transcript to the clipboard."),
        "DNS record" => crate::tr!("Copied the DNS record to the clipboard."),
        // A snippet is named by its program or file: a name, never translated.
        _ => match what.strip_suffix(" snippet") {
            Some(name) => crate::tr!("Copied the {name} snippet to the clipboard.", name = name),
            None => crate::tr!(
                "Copied the {what} to the clipboard.",
                what = crate::i18n::tr(what)
            ),
        },
    }
}

/// The file name a dialog suggests.
fn default_file_name(purpose: FilePurpose, snippet_format: Format) -> &'static str {
    match purpose {
        FilePurpose::SaveTranscript => "mail-test-transcript.txt",
        FilePurpose::SaveSnippet => snippet_format.file_name(),
        FilePurpose::SaveReport => "mail-test-report.txt",
        FilePurpose::OpenWebConfig | FilePurpose::UpdateWebConfig => "web.config",
        FilePurpose::CaFile => "",
    }
}
