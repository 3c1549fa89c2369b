//! `send --check-inbox imaps://user@host`: after the message went through, look for it in that
//! mailbox over IMAP ("did it land?"), printed as text or JSON, with an exit code.

use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use tokio_util::sync::CancellationToken;

use super::{exit, say};
use crate::credentials;
use crate::inbox::{InboxReport, InboxRequest, InboxVerdict, MailboxAddress, check_inbox};
use crate::outcome::TestOutcome;
use crate::secret::Password;

/// The inbox flags of `send`.
#[derive(Debug, Args)]
#[allow(clippy::doc_markdown)] // clap help text, where <…> and `…` would show as typed
pub struct InboxArgs {
    /// After the message went through, look for it in this mailbox over IMAP and say whether it
    /// landed in the inbox or in spam: imaps://USER@HOST[:PORT] (or imap:// for STARTTLS).
    /// The password comes from --inbox-password-env, --inbox-password-stdin or the keyring
    /// (account USER@HOST:PORT), or is the sign-in password when USER and HOST are the same.
    /// Exit code 10 when it is not in the inbox.
    #[arg(long, value_name = "URL", value_parser = MailboxAddress::parse)]
    pub check_inbox: Option<MailboxAddress>,
    /// Read the mailbox password from this environment variable.
    #[arg(
        long,
        value_name = "VAR",
        requires = "check_inbox",
        conflicts_with = "inbox_password_stdin"
    )]
    pub inbox_password_env: Option<String>,
    /// Read the mailbox password from a line of standard input (the line after the sign-in
    /// password when --password-stdin is given too).
    #[arg(long, requires = "check_inbox")]
    pub inbox_password_stdin: bool,
    /// Save the mailbox password in the system keyring (account USER@HOST:PORT) once the
    /// mailbox took the sign-in, so later checks need no password flag.
    #[arg(long, requires = "check_inbox")]
    pub save_inbox_password: bool,
    /// How long to look for the message before saying it did not arrive, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, requires = "check_inbox",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub inbox_wait: u64,
}

impl InboxArgs {
    /// The mailbox password from the flags (read before the test, so stdin is read in order);
    /// `None` when no flag gives it.
    pub fn password_from_flags(&self) -> Result<Option<Password>, String> {
        if self.inbox_password_stdin {
            return super::resolve::read_password_line(
                "--inbox-password-stdin",
                &crate::tr!("Mailbox password"),
            )
            .map(Some);
        }
        match &self.inbox_password_env {
            Some(var) => std::env::var(var).map(|p| Some(Password::new(p))).map_err(|_| {
                crate::tr!(
                    "the environment variable {var} is not set (or not valid text); set it to the mailbox password",
                    var = var
                )
            }),
            None => Ok(None),
        }
    }
}

/// Looks for the sent message in `mailbox`; prints the IMAP exchange as it happens unless
/// `--json`. The report, or the exit code of an error (already printed).
pub async fn after_send(
    mailbox: &MailboxAddress,
    given: Option<Password>,
    outcome: &TestOutcome,
    send: &super::args::SendArgs,
    sent_at: Instant,
) -> Result<InboxReport, u8> {
    let (args, json) = (&send.inbox, send.json);
    let settings = outcome.settings();
    let Some(message_id) = outcome.report().message_id.clone() else {
        say::error(&crate::tr!(
            "the server gave the message no Message-ID to look for"
        ));
        return Err(exit::INBOX);
    };
    let password = match given {
        Some(password) => password,
        None => mailbox_password(mailbox, settings).await?,
    };
    let to_save = args.save_inbox_password.then(|| password.clone());
    let mut request = InboxRequest::new(mailbox.clone(), password, message_id);
    request.wait = Duration::from_secs(args.inbox_wait);
    request.sent_at = sent_at;
    request.accept_invalid_certs = settings.accept_invalid_certs;
    request.dns_server = send.dns_server;
    if let Some(path) = &settings.ca_file {
        match tokio::fs::read(path).await {
            Ok(pem) => request.ca_pem = Some(pem),
            Err(err) => {
                say::error(&crate::tr!(
                    "could not read the --ca-file {path}: {err}",
                    path = path.display(),
                    err = err
                ));
                return Err(exit::USAGE);
            }
        }
    }
    if !json {
        println!(
            "\n{}",
            crate::tr!(
                "Looking for the message in {mailbox} (up to {seconds} s)…",
                mailbox = mailbox,
                seconds = args.inbox_wait
            )
        );
    }
    let sink: crate::inbox::LineSink = Arc::new(move |line| {
        if !json {
            super::output::print_line(line);
        }
    });
    let result = Box::pin(check_inbox(request, sink, CancellationToken::new())).await;
    if let Some(password) = to_save {
        match &result {
            // Any answer means the mailbox took the sign-in.
            Ok(_) => super::profile_cmd::save_and_say(mailbox.account(), password).await,
            Err(_) => say::note(&crate::tr!(
                "the mailbox password was not saved in the keyring: the check did not get as far as a good sign-in."
            )),
        }
    }
    result.map_err(|error| {
        say::engine_error(&error);
        exit::INBOX
    })
}

/// The keyring's password for the mailbox, or the sign-in password when it is the same account.
async fn mailbox_password(
    mailbox: &MailboxAddress,
    settings: &crate::settings::Settings,
) -> Result<Password, u8> {
    let account = mailbox.account();
    if let Ok(Some(password)) = credentials::load_in_background(None, account.clone()).await {
        return Ok(password);
    }
    let same_account = mailbox.user.eq_ignore_ascii_case(settings.user_name.trim())
        && mailbox.host.eq_ignore_ascii_case(settings.host.trim());
    if same_account && !settings.password.is_empty() {
        return Ok(settings.password.clone());
    }
    say::error(&crate::tr!(
        "no password for the mailbox {mailbox}: pass it with --inbox-password-stdin or --inbox-password-env VAR, or save it in the keyring as {account}",
        mailbox = mailbox,
        account = account
    ));
    Err(exit::USAGE)
}

/// 0 when the message is in the inbox, else [`exit::INBOX`].
pub fn exit_code(report: &InboxReport) -> u8 {
    if report.verdict == InboxVerdict::InInbox {
        exit::OK
    } else {
        exit::INBOX
    }
}

/// Prints where the message landed, the receiving server's checks and our DKIM check.
pub fn print_report(report: &InboxReport) {
    println!(
        "\n{}\n",
        crate::tr!("Did it land? {mailbox}", mailbox = report.mailbox)
    );
    // The inbox check's own text, already in the user's language.
    print!("{}", crate::inbox::summary(report));
}
