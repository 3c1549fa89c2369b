//! What the "Check a folder of sites" commands and messages do to the app, and the worker's
//! jobs for it: the scan on tokio, the folder and save dialogs off the UI thread, and the
//! exports written atomically.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::app::{MailTesterApp, Notice};
use super::command::FleetCommand;
use super::fleet::{ExportPrompt, FleetMessage, ScanExport};
use super::form_state::SignInChoice;
use super::worker::{Message, Worker};
use crate::fleet::report::ScanReport;
use crate::fleet::scan::{ScanRequest, scan};
use crate::fleet::server::ProbeOptions;
use crate::secret::Password;

/// The limit for each server unless a test sets another (the CLI's default).
const SERVER_TIMEOUT: Duration = Duration::from_secs(crate::fleet::server::DEFAULT_TIMEOUT_SECS);
/// The sender the fleet check puts in when a site's files name none: not one to test with.
const PLACEHOLDER_FROM: &str = crate::fleet::judge::PLACEHOLDER_FROM;

impl MailTesterApp {
    /// Gives each server of "Check a folder of sites" `timeout` (tests that must stop a scan
    /// before it ends by itself, however slow the machine).
    #[must_use]
    pub fn with_scan_timeout(mut self, timeout: Duration) -> Self {
        self.fleet.timeout = Some(timeout);
        self
    }

    /// The last finished "Check a folder of sites" scan, if any (tests).
    pub fn scan_report(&self) -> Option<&ScanReport> {
        self.fleet.report.as_deref()
    }

    /// Shows a finished scan of `folder` as if it had just run (snapshot tests build the report
    /// by hand, so the pixels never depend on timing or ports).
    pub fn show_scan(&mut self, folder: &str, report: ScanReport) {
        self.fleet.open = true;
        folder.clone_into(&mut self.fleet.folder);
        let run = self.fleet.run + 1;
        let path = crate::files::path_from_user(folder);
        self.fleet.restart(run, CancellationToken::new(), path);
        self.fleet.on_finished(run, report);
    }

    /// Whether a "Check a folder of sites" scan is running.
    pub fn is_scanning(&self) -> bool {
        self.fleet.running()
    }

    pub(super) fn handle_fleet(&mut self, command: FleetCommand) {
        match command {
            FleetCommand::Open => self.fleet.open = true,
            FleetCommand::Close => {
                self.fleet.open = false;
                self.stop_scan();
            }
            FleetCommand::ChooseFolder => self.worker.choose_scan_folder(),
            FleetCommand::Start => self.start_scan(),
            FleetCommand::Cancel => self.stop_scan(),
            FleetCommand::ToggleServer(at) => {
                if !self.fleet.collapsed.remove(&at) {
                    self.fleet.collapsed.insert(at);
                }
            }
            FleetCommand::OpenSite(at) => self.open_site(at),
            FleetCommand::Export(export) => {
                if self.fleet.report.is_some() {
                    self.fleet.export_prompt = None;
                    self.worker.choose_scan_export(export);
                }
            }
            FleetCommand::SaveTypedExport => {
                if let Some(prompt) = self.fleet.export_prompt.take() {
                    let path = crate::files::path_from_user(&prompt.path);
                    self.export_to(prompt.export, path);
                }
            }
            FleetCommand::DismissExportPrompt => self.fleet.export_prompt = None,
        }
    }

    /// Takes in a message of the fleet check's background work.
    pub(super) fn fleet_message(&mut self, message: FleetMessage) {
        match message {
            FleetMessage::Progress { run, event } => self.fleet.on_event(run, &event),
            FleetMessage::Finished { run, report } => self.fleet.on_finished(run, *report),
            FleetMessage::FolderChosen(Some(path)) => {
                self.fleet.folder = path.display().to_string();
                self.fleet.note = None;
            }
            FleetMessage::FolderChosen(None) => {
                self.fleet.note = Some(Notice {
                    text: crate::tr!(
                        "No folder chosen. If no folder window appeared, type or paste the \
                         folder's path in the box."
                    ),
                    is_error: false,
                });
            }
            FleetMessage::ExportChosen {
                export,
                path: Some(path),
            } => self.export_to(export, path),
            FleetMessage::ExportChosen { export, path: None } => {
                let folder = directories::UserDirs::new()
                    .and_then(|dirs| dirs.document_dir().map(std::path::Path::to_path_buf))
                    .unwrap_or_default();
                self.fleet.export_prompt = Some(ExportPrompt {
                    export,
                    path: folder.join(export.file_name()).display().to_string(),
                });
            }
            FleetMessage::Exported(result) => {
                self.fleet.note = Some(match result {
                    Ok(path) => Notice {
                        text: crate::tr!("Saved to {path}", path = path.display()),
                        is_error: false,
                    },
                    Err(text) => Notice {
                        text,
                        is_error: true,
                    },
                });
            }
        }
    }

    fn stop_scan(&self) {
        if let Some(cancel) = &self.fleet.cancel {
            cancel.cancel();
        }
    }

    /// Scans the typed folder: the servers through the DNS server and with the extra CA file
    /// of the form's Advanced section, as a single test would.
    fn start_scan(&mut self) {
        let folder = self.fleet.folder.trim();
        if self.fleet.running() || folder.is_empty() {
            return;
        }
        let folder = crate::files::path_from_user(folder);
        let request = ScanRequest {
            paths: vec![folder.clone()],
            iis_config: None,
            offline: !self.fleet.contact_servers,
            sign_in: false,
            probe: ProbeOptions {
                timeout: self.fleet.timeout.unwrap_or(SERVER_TIMEOUT),
                concurrency: usize::try_from(crate::fleet::server::DEFAULT_CONCURRENCY)
                    .unwrap_or(32),
                ca_file: self.form.current().0.ca_file,
                dns_server: self.dns_server(),
            },
            sign_in_pause: Duration::from_secs(3),
        };
        let run = self.fleet.run + 1;
        let cancel = self.worker.start_scan(run, request);
        self.fleet.restart(run, cancel, folder);
    }

    /// Fills the form with one site's settings (its password only when the user asked for the
    /// files' passwords), closes the window and says what next.
    fn open_site(&mut self, at: usize) {
        let Some(row) = self.fleet.report.as_ref().and_then(|r| r.sites.get(at)) else {
            return;
        };
        let Some(mut settings) = row.settings.clone() else {
            return;
        };
        let site = row.site.clone();
        // What the files do not say stays as the user set it: where the test goes, the extra
        // CA file, the EHLO name and the timeouts.
        let (current, _) = self.form.current();
        settings.to = current.to;
        settings.ca_file = current.ca_file;
        settings.client_domain = current.client_domain;
        settings.timeouts = current.timeouts;
        if settings.from == PLACEHOLDER_FROM {
            settings.from = if settings.user_name.contains('@') {
                settings.user_name.clone()
            } else {
                String::new()
            };
        }
        let with_password = self.fleet.use_passwords && !settings.password.is_empty();
        if !self.fleet.use_passwords {
            settings.password = Password::default();
        }
        self.form.load(&settings);
        self.form.sign_in = SignInChoice::Password;
        "other".clone_into(&mut self.form.preset);
        self.form.touched = true;
        if with_password {
            // A customer's password is not ours to keep in this computer's keyring.
            self.form.remember_password = false;
        }
        self.fleet.open = false;
        let next = if settings.user_name.trim().is_empty() {
            crate::tr!("This site does not sign in. Press Send test email.")
        } else if with_password {
            crate::tr!(
                "The password from its file is filled in (kept in memory only). Press Send test \
                 email."
            )
        } else {
            crate::tr!("Type its password, then press Send test email.")
        };
        let filled = crate::tr!("Filled in the settings of {site}.", site = site);
        self.tell(format!("{filled} {next}"), false);
    }

    fn export_to(&mut self, export: ScanExport, path: PathBuf) {
        if let Some(report) = &self.fleet.report {
            self.fleet.note = None;
            self.worker.export_scan(path, export, Arc::clone(report));
        }
    }
}

impl Worker {
    /// Starts fleet check number `run` (the folder walk, then each server once); its progress
    /// and report come back as [`Message::Fleet`], and the returned token stops it.
    pub fn start_scan(&self, run: u64, request: ScanRequest) -> CancellationToken {
        let cancel = CancellationToken::new();
        let (token, outbox) = (cancel.clone(), self.outbox.clone());
        self.runtime.spawn(async move {
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let forward = outbox.clone();
            let relay = tokio::spawn(async move {
                while let Some(event) = rx.recv().await {
                    forward.send(Message::Fleet(FleetMessage::Progress { run, event }));
                }
            });
            let report = Box::new(scan(request, tx, token).await);
            // The scan dropped its sender: the relay ends once every event is through.
            let _ = relay.await;
            outbox.send(Message::Fleet(FleetMessage::Finished { run, report }));
        });
        cancel
    }

    /// Opens a folder dialog off the UI thread.
    pub(super) fn choose_scan_folder(&self) {
        let (outbox, dialog) = (self.outbox.clone(), self.dialog.clone());
        // Worded here, on the window's thread (the window's language is this thread's).
        let title = crate::tr!("Choose the folder that holds the sites");
        self.runtime.spawn(async move {
            let chosen = dialog.set_title(title).pick_folder().await;
            let path = chosen.map(|folder| folder.path().to_path_buf());
            outbox.send(Message::Fleet(FleetMessage::FolderChosen(path)));
        });
    }

    /// Opens a save dialog for `export` off the UI thread.
    pub(super) fn choose_scan_export(&self, export: ScanExport) {
        let (outbox, dialog) = (self.outbox.clone(), self.dialog.clone());
        let (title, filter) = (export.dialog_title(), export.filter_name());
        self.runtime.spawn(async move {
            let extension = match export {
                ScanExport::Csv => "csv",
                ScanExport::Html => "html",
            };
            let chosen = dialog
                .set_title(title)
                .set_file_name(export.file_name())
                .add_filter(filter, &[extension])
                .save_file()
                .await;
            let path = chosen.map(|file| file.path().to_path_buf());
            outbox.send(Message::Fleet(FleetMessage::ExportChosen { export, path }));
        });
    }

    /// Writes `report` as `export` to `path` off the UI thread (made on a blocking thread,
    /// written atomically: a temporary file, then a rename).
    pub(super) fn export_scan(&self, path: PathBuf, export: ScanExport, report: Arc<ScanReport>) {
        let outbox = self.outbox.clone();
        // What went wrong is worded in the window's language, not the tokio thread's.
        let language = crate::i18n::current();
        self.runtime.spawn(async move {
            let made = tokio::task::spawn_blocking(move || match export {
                ScanExport::Csv => crate::fleet::csv_out::to_csv(&report),
                ScanExport::Html => Ok(crate::fleet::html::to_html(&report)),
            })
            .await;
            let result = match made {
                Ok(Ok(text)) => crate::files::write_atomically(&path, text.as_bytes())
                    .await
                    .map(|()| path.clone())
                    .map_err(|err| {
                        crate::i18n::with_language(language, || {
                            let error = crate::i18n::tr(&err.to_string()).into_owned();
                            export.not_saved(&error, &path.display().to_string())
                        })
                    }),
                Ok(Err(err)) => Err(crate::i18n::with_language(language, || {
                    export.not_made(&crate::i18n::tr(&err.to_string()))
                })),
                Err(err) => Err(crate::i18n::with_language(language, || {
                    export.not_made(&err.to_string())
                })),
            };
            outbox.send(Message::Fleet(FleetMessage::Exported(result)));
        });
    }
}
