//! What "Check my inbox" does to the app: the mailbox looked into on tokio, its IMAP exchange
//! added to the transcript as it comes, Stop.

use std::borrow::Cow;

use super::app::MailTesterApp;
use crate::event::{Direction, TranscriptLine};
use crate::inbox::{InboxReport, InboxRequest, MailboxAddress};
use crate::settings::Settings;

impl MailTesterApp {
    /// Looks for the last successful test's message in the typed mailbox.
    pub(super) fn start_inbox_check(&mut self) {
        let Some(outcome) = &self.outcome else {
            return;
        };
        if self.inbox.check.running {
            return;
        }
        let Some(message_id) = outcome.report().message_id.clone() else {
            return;
        };
        let settings = outcome.settings().clone();
        let mailbox = match MailboxAddress::parse(&self.inbox.mailbox) {
            Ok(mailbox) => mailbox,
            Err(why) => {
                let why = crate::i18n::tr(&why);
                self.inbox.check.error = Some(super::texts::capitalise(&why));
                return;
            }
        };
        let typed = self.inbox.password.clone();
        let mut password = typed.clone();
        if password.is_empty() && same_account(&mailbox, &settings) {
            password = settings.password.clone();
        }
        let mut request = InboxRequest::new(mailbox, password, message_id);
        request.sent_at = self.sent_at.unwrap_or_else(std::time::Instant::now);
        request.accept_invalid_certs = settings.accept_invalid_certs;
        request.dns_server = self.dns_server();
        let run = self.inbox.start();
        self.inbox.save_after = (self.form.remember_password && !typed.is_empty())
            .then(|| (request.mailbox.account(), typed));
        self.transcript_open = Some(true);
        self.inbox_cancel = Some(self.worker.start_inbox_check(
            run,
            request,
            settings.ca_file.clone(),
        ));
    }

    /// Takes in the end of look `run`; keeps the typed password in the keyring when asked
    /// and the mailbox took it (any answer means it did).
    pub(super) fn inbox_finished(&mut self, run: u64, result: Result<Box<InboxReport>, String>) {
        if run != self.inbox.check.run {
            return;
        }
        self.inbox_cancel = None;
        let save = self.inbox.save_after.take();
        if result.is_ok()
            && let Some((account, password)) = save
        {
            self.worker.save_password(account, password);
        }
        self.inbox
            .check
            .on_finished(run, result.map(|report| *report));
    }

    /// Stops the look.
    pub(super) fn cancel_inbox_check(&mut self) {
        if let Some(cancel) = self.inbox_cancel.take() {
            cancel.cancel();
        }
    }

    /// Whether the typed mailbox is the account the test signed in with (an empty mailbox
    /// password then means the form's).
    pub(super) fn inbox_is_sign_in_account(&self) -> bool {
        let Some(outcome) = &self.outcome else {
            return false;
        };
        MailboxAddress::parse(&self.inbox.mailbox)
            .is_ok_and(|mailbox| same_account(&mailbox, outcome.settings()))
    }

    /// The mailbox a successful test suggests: the recipient, on the server it was sent through.
    pub(super) fn suggested_mailbox(settings: &Settings) -> String {
        format!("imaps://{}@{}", recipient(settings), settings.host.trim())
    }

    /// The transcript shown: the test's lines, then the inbox check's.
    pub fn transcript_lines(&self) -> Cow<'_, [TranscriptLine]> {
        let test = &self.live().transcript;
        if self.inbox.lines.is_empty() {
            return Cow::Borrowed(test);
        }
        let mut lines = test.clone();
        lines.push(TranscriptLine {
            dir: Direction::Info,
            text: "Looking for the message in the mailbox (IMAP):".to_owned(),
            ms: 0,
            encrypted: false,
        });
        lines.extend(self.inbox.lines.iter().cloned());
        Cow::Owned(lines)
    }

    /// The last inbox answer, if any (tests).
    pub fn inbox_report(&self) -> Option<&InboxReport> {
        self.inbox.check.report.as_ref()
    }

    /// Why the last inbox look could not run, if it could not (tests).
    pub fn inbox_error(&self) -> Option<&str> {
        self.inbox.check.error.as_deref()
    }
}

fn same_account(mailbox: &MailboxAddress, settings: &Settings) -> bool {
    mailbox.user.eq_ignore_ascii_case(settings.user_name.trim())
        && mailbox.host.eq_ignore_ascii_case(settings.host.trim())
}

/// Where the test message went: the recipient, or the From address when none was given.
pub(super) fn recipient(settings: &Settings) -> &str {
    match settings.to.trim() {
        "" => settings.from.trim(),
        to => to,
    }
}
