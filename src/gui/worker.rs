//! The bridge between the window and tokio: requests go out as spawned tasks, results come
//! back through a channel, and every message wakes the UI with `request_repaint`. Nothing here
//! blocks the UI thread.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio_util::sync::CancellationToken;

use crate::arrive::{ArrivalReport, DnsCheckRequest};
use crate::discover::{DiscoveryEvent, DiscoveryReport, DiscoveryRequest, discover};
use crate::event::{EventSink, SessionEvent, TranscriptLine};
use crate::inbox::{InboxReport, InboxRequest};
use crate::oauth::obtain::TokenPlan;
use crate::outcome::{TestOutcome, run_test};
use crate::settings::{SessionPlan, Settings};

pub use super::file_purpose::FilePurpose;
use super::texts;

/// A message from background work to the UI.
#[derive(Debug)]
pub enum Message {
    /// A live event of test number `run`.
    Session {
        /// Which test.
        run: u64,
        /// What happened.
        event: SessionEvent,
    },
    /// Test number `run` has ended.
    Finished {
        /// Which test.
        run: u64,
        /// Everything it learned, worked out once.
        outcome: Box<TestOutcome>,
    },
    /// A file dialog closed. `None`: cancelled, or no dialog could be shown at all.
    FileChosen {
        /// Why it was opened.
        purpose: FilePurpose,
        /// The chosen path.
        path: Option<PathBuf>,
    },
    /// A file was written (or not).
    Saved(Result<PathBuf, String>),
    /// Profiles, data from the keyring or a web.config arrived.
    Data(super::data::DataMessage),
    /// Progress of "Find my settings" number `run`.
    Discovery {
        /// Which search.
        run: u64,
        /// What happened.
        event: DiscoveryEvent,
    },
    /// DNS check number `run` has ended (or could not start: the reason, in words).
    DnsChecked {
        /// Which check.
        run: u64,
        /// The report, or why there is none.
        result: Result<Box<ArrivalReport>, String>,
    },
    /// A transcript line of inbox check number `run`.
    InboxLine {
        /// Which check.
        run: u64,
        /// The line (password redacted).
        line: TranscriptLine,
    },
    /// Inbox check number `run` has ended (or could not run: the reason, in words).
    InboxChecked {
        /// Which check.
        run: u64,
        /// The report, or why there is none.
        result: Result<Box<InboxReport>, String>,
    },
    /// The clipboard's text, for the Explain window (or why there is none, in words).
    ClipboardText(Result<String, String>),
    /// A person's OAuth sign-in in the browser ended.
    SignedIn(Box<super::oauth::SignInResult>),
    /// The fleet check ("Check a folder of sites"): its progress and report, its dialogs and
    /// exports (started by the `Worker` jobs in `fleet_handle.rs`).
    Fleet(super::fleet::FleetMessage),
    /// Search number `run` has ended (or could not start: the reason, in words).
    DiscoveryFinished {
        /// Which search.
        run: u64,
        /// The report, or why there is none.
        result: Result<Box<DiscoveryReport>, String>,
    },
}

/// Counts messages so that tests can wait for the next one instead of sleeping.
#[derive(Default)]
struct Activity {
    count: Mutex<u64>,
    changed: Condvar,
}

/// Sends messages to the UI and wakes it.
#[derive(Clone)]
pub(super) struct Outbox {
    tx: Sender<Message>,
    pub(super) ctx: egui::Context,
    activity: Arc<Activity>,
}

impl Outbox {
    pub(super) fn send(&self, message: Message) {
        // A closed receiver means the window is gone; nothing is left to tell.
        let _ = self.tx.send(message);
        let mut count = self
            .activity
            .count
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *count += 1;
        self.activity.changed.notify_all();
        self.ctx.request_repaint();
    }
}

/// The session's event sink: every event becomes a UI message.
struct RunSink {
    outbox: Outbox,
    run: u64,
}

impl EventSink for RunSink {
    fn emit(&self, event: SessionEvent) {
        self.outbox.send(Message::Session {
            run: self.run,
            event,
        });
    }
}

/// Starts background work on the tokio runtime and collects its messages for the UI.
pub struct Worker {
    pub(super) runtime: Handle,
    pub(super) outbox: Outbox,
    /// Where profiles live; `None` is the user's config folder.
    pub(super) profile_dir: Option<PathBuf>,
    /// The keyring passwords are kept in; `None` is the operating system's.
    pub(super) keyring: Option<crate::credentials::Keyring>,
    /// A file dialog owned by the window (modal to it, shown over it); none in tests.
    pub(super) dialog: rfd::AsyncFileDialog,
    rx: Receiver<Message>,
}

impl Worker {
    /// A worker that spawns on `runtime` and repaints `ctx` when something arrives.
    pub fn new(runtime: Handle, ctx: egui::Context) -> Self {
        let (tx, rx) = channel();
        Self {
            runtime,
            outbox: Outbox {
                tx,
                ctx,
                activity: Arc::default(),
            },
            profile_dir: None,
            keyring: None,
            dialog: rfd::AsyncFileDialog::new(),
            rx,
        }
    }

    /// Every message that arrived since the last call.
    pub fn drain(&self) -> Vec<Message> {
        self.rx.try_iter().collect()
    }

    /// Starts test number `run` of `settings` (checked into `plan`); the returned token
    /// cancels it.
    pub fn start_test(
        &self,
        run: u64,
        plan: SessionPlan,
        settings: Settings,
        include_password: bool,
        token_plan: TokenPlan,
    ) -> CancellationToken {
        let cancel = CancellationToken::new();
        let token = cancel.clone();
        let outbox = self.outbox.clone();
        self.runtime.spawn(async move {
            let sink = RunSink {
                outbox: outbox.clone(),
                run,
            };
            let (settings, plan) =
                match super::oauth::with_token(settings, plan, token_plan, &token).await {
                    Ok(ready) => ready,
                    Err(failed) => {
                        outbox.send(Message::Finished {
                            run,
                            outcome: failed,
                        });
                        return;
                    }
                };
            let outcome = run_test(settings, &plan, &sink, token, include_password).await;
            outbox.send(Message::Finished {
                run,
                outcome: Box::new(outcome),
            });
        });
        cancel
    }

    /// Starts "Find my settings" number `run`; its progress comes back as messages, and the
    /// returned token stops it.
    pub fn start_discovery(&self, run: u64, request: DiscoveryRequest) -> CancellationToken {
        let cancel = CancellationToken::new();
        let token = cancel.clone();
        let outbox = self.outbox.clone();
        let language = crate::i18n::current();
        self.runtime.spawn(async move {
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let forward = outbox.clone();
            let relay = tokio::spawn(async move {
                while let Some(event) = rx.recv().await {
                    forward.send(Message::Discovery { run, event });
                }
            });
            let result = discover(request, tx, token).await;
            // The search dropped its sender: the relay ends once every event is through.
            let _ = relay.await;
            outbox.send(Message::DiscoveryFinished {
                run,
                result: result
                    .map(Box::new)
                    .map_err(|error| texts::translated(language, &error.to_string())),
            });
        });
        cancel
    }

    /// Checks the From domain's DNS ("Will it arrive?") as check number `run`.
    pub fn start_dns_check(&self, run: u64, request: DnsCheckRequest) {
        let outbox = self.outbox.clone();
        let language = crate::i18n::current();
        self.runtime.spawn(async move {
            let result = crate::arrive::check(request).await;
            outbox.send(Message::DnsChecked {
                run,
                result: result
                    .map(Box::new)
                    .map_err(|error| texts::translated(language, &error.to_string())),
            });
        });
    }

    /// Looks for the sent message in a mailbox as check number `run`: the CA file is read and
    /// (when no password was typed) the keyring asked here, off the UI thread. Its lines and
    /// its end come back as messages; the returned token stops it.
    pub fn start_inbox_check(
        &self,
        run: u64,
        mut request: InboxRequest,
        ca_file: Option<PathBuf>,
    ) -> CancellationToken {
        let cancel = CancellationToken::new();
        let token = cancel.clone();
        let outbox = self.outbox.clone();
        let keyring = self.keyring.clone();
        let language = crate::i18n::current();
        self.runtime.spawn(async move {
            let result = async {
                if let Some(path) = ca_file {
                    let pem = tokio::fs::read(&path).await.map_err(|err| {
                        crate::i18n::with_language(language, || {
                            crate::tr!(
                                "Could not read the certificate authority file {path}: {error}",
                                path = path.display(),
                                error = err
                            )
                        })
                    })?;
                    request.ca_pem = Some(pem);
                }
                if request.password.is_empty() {
                    let account = request.mailbox.account();
                    request.password = crate::credentials::load_in_background(keyring, account)
                        .await
                        .ok()
                        .flatten()
                        .unwrap_or_default();
                }
                let lines = outbox.clone();
                let sink: crate::inbox::LineSink = Arc::new(move |line: &TranscriptLine| {
                    lines.send(Message::InboxLine {
                        run,
                        line: line.clone(),
                    });
                });
                crate::inbox::check_inbox(request, sink, token)
                    .await
                    .map_err(|error| {
                        texts::capitalise(&texts::translated(language, &error.to_string()))
                    })
            }
            .await;
            outbox.send(Message::InboxChecked {
                run,
                result: result.map(Box::new),
            });
        });
        cancel
    }

    /// Opens a file dialog off the UI thread (open for the CA file, save otherwise).
    pub fn choose_file(&self, purpose: FilePurpose, suggested_name: &str) {
        let outbox = self.outbox.clone();
        let name = suggested_name.to_owned();
        let dialog = self.dialog.clone();
        // Worded here, on the window's thread (the window's language is this thread's).
        let (ca_title, certificates) = (
            crate::tr!("Choose a certificate authority file (PEM or DER .cer)"),
            crate::tr!("Certificates"),
        );
        let webconfig_title = crate::tr!("Choose your website's web.config");
        self.runtime.spawn(async move {
            let chosen = match purpose {
                FilePurpose::CaFile => {
                    dialog
                        .set_title(ca_title)
                        .add_filter(certificates, &["pem", "crt", "cer"])
                        .pick_file()
                        .await
                }
                FilePurpose::OpenWebConfig | FilePurpose::UpdateWebConfig => {
                    dialog
                        .set_title(webconfig_title)
                        .add_filter("web.config", &["config"])
                        .pick_file()
                        .await
                }
                FilePurpose::SaveTranscript
                | FilePurpose::SaveSnippet
                | FilePurpose::SaveReport => dialog.set_file_name(name).save_file().await,
            };
            outbox.send(Message::FileChosen {
                purpose,
                path: chosen.map(|file| file.path().to_path_buf()),
            });
        });
    }

    /// Writes `text` to `path` off the UI thread, atomically (temporary file, then rename).
    pub fn save_text(&self, path: PathBuf, text: String) {
        let outbox = self.outbox.clone();
        let language = crate::i18n::current();
        self.runtime.spawn(async move {
            let result = crate::files::write_atomically(&path, text.as_bytes())
                .await
                .map(|()| path.clone())
                .map_err(|err| {
                    crate::i18n::with_language(language, || {
                        crate::tr!(
                            "Could not save {path}: {error}",
                            path = path.display(),
                            error = err
                        )
                    })
                });
            outbox.send(Message::Saved(result));
        });
    }

    /// How many messages have been sent so far (for [`Self::wait_for_activity`]).
    pub fn activity(&self) -> u64 {
        let count = self.outbox.activity.count.lock();
        *count.unwrap_or_else(PoisonError::into_inner)
    }

    /// Blocks until more than `seen` messages were sent, or `timeout` passes. For tests and
    /// tools that drive the app without a display; the window itself never calls it.
    pub fn wait_for_activity(&self, seen: u64, timeout: Duration) -> u64 {
        let count = self
            .outbox
            .activity
            .count
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (count, _) = self
            .outbox
            .activity
            .changed
            .wait_timeout_while(count, timeout, |count| *count <= seen)
            .unwrap_or_else(PoisonError::into_inner);
        *count
    }
}
