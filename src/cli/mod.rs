//! The `mailtester` command line: a thin face over the engine.
//!
//! Exit codes (also in the README): 0 success; 1 internal error; 2 usage or invalid settings;
//! 3 the server could not be reached or does not speak SMTP; 4 the secure connection failed;
//! 5 sign-in failed; 6 the message was refused; 7 `webconfig` found errors or could not read or
//! write the file; 8 `probe` found no usable settings; 9 `dns-check` (or `send --check-dns`)
//! found a problem with the `from` domain's SPF, DKIM or DMARC; 10 `send --check-inbox` did not
//! find the message in the inbox (spam, another folder, not arrived, or the mailbox could not be
//! checked); 130 cancelled (Ctrl-C).

mod args;
mod confirm;
mod dns_check_args;
mod dns_check_cmd;
mod finish;
pub mod help;
mod inbox_cmd;
mod interrupt;
mod json;
mod oauth_args;
mod oauth_cmd;
mod output;
mod probe_args;
mod probe_cmd;
mod probe_output;
mod profile_args;
mod profile_cmd;
mod profile_keyring;
mod report_file;
mod resolve;
mod say;
mod scan_args;
mod scan_cmd;
mod scan_output;
pub mod shell;
mod stdin_text;
mod webconfig_cmd;

use tokio_util::sync::CancellationToken;

pub use args::{Cli, Command};
pub use dns_check_args::DnsCheckArgs;
pub use interrupt::quiet_on_closed_pipe;
pub use json::send_document;
pub use probe_args::ProbeArgs;

use crate::event::SessionEvent;
use crate::outcome::run_test;
use crate::tr;

/// Documented exit codes.
pub mod exit {
    /// The test message was accepted (or the command did its job).
    pub const OK: u8 = 0;
    /// Something unexpected inside the tester.
    pub const INTERNAL: u8 = 1;
    /// Bad command line or invalid settings.
    pub const USAGE: u8 = 2;
    /// Host not found, connection refused or timed out, no greeting, not SMTP.
    pub const CONNECT: u8 = 3;
    /// STARTTLS or the TLS handshake or the certificate failed.
    pub const SECURE: u8 = 4;
    /// The server refused the sign-in.
    pub const SIGN_IN: u8 = 5;
    /// The reader of our output went away (128 + SIGPIPE, as a shell reports it).
    pub const CLOSED_PIPE: u8 = 141;
    /// The server refused the sender, the recipient or the message.
    pub const SEND: u8 = 6;
    /// `webconfig`: lint found errors, or the file could not be read, understood or written
    /// (missing, unreadable, broken XML, encrypted, settings kept in another file).
    pub const WEBCONFIG: u8 = 7;
    /// `probe`: no server with settings the website can use was found.
    pub const NOTHING_FOUND: u8 = 8;
    /// `dns-check` or `send --check-dns`: the `from` domain's SPF, DKIM or DMARC has a problem
    /// (a finding of severity "problem"). A failed `send` keeps its own code.
    pub const DNS_PROBLEM: u8 = 9;
    /// `send --check-inbox`: the message is not in the inbox (in spam, in another folder, not
    /// arrived in time), or the mailbox could not be checked.
    pub const INBOX: u8 = 10;
    /// `scan`: at least one site is broken (fails today).
    pub const SCAN_BROKEN: u8 = 11;
    /// `scan`: no site is broken, at least one is at risk (works today, breaks on a known date
    /// or change).
    pub const SCAN_AT_RISK: u8 = 12;
    /// `scan`: no site is broken or at risk, and some could not be judged (unreadable files,
    /// servers that did not answer).
    pub const SCAN_UNKNOWN: u8 = 13;
    /// Cancelled with Ctrl-C.
    pub const CANCELLED: u8 = 130;
}

/// Runs one subcommand and returns its exit code. What talks to the network or the disk runs
/// on `runtime` (built by `main`); the rest, keyring calls included, runs on this thread.
pub fn run(command: Command, runtime: &tokio::runtime::Runtime) -> u8 {
    match command {
        Command::Send(args) => runtime.block_on(send(*args)),
        Command::Explain(args) => explain(&args),
        Command::Snippet(args) => snippet(&args),
        Command::Presets { json } => presets(json),
        Command::Profile(command) => profile_cmd::run(command),
        Command::Webconfig(command) => runtime.block_on(webconfig_cmd::run(command)),
        Command::Probe(args) => runtime.block_on(probe_cmd::run(*args)),
        Command::DnsCheck(args) => runtime.block_on(dns_check_cmd::run(args)),
        Command::OAuth(command) => runtime.block_on(oauth_cmd::run(command)),
        Command::Scan(args) => runtime.block_on(scan_cmd::run(*args)),
    }
}

async fn send(args: args::SendArgs) -> u8 {
    if let Err(message) = args.oauth.check_flags() {
        say::error(&crate::i18n::tr(&message));
        return exit::USAGE;
    }
    let rule = if args.oauth.wanted() {
        resolve::PasswordRule::Optional
    } else {
        resolve::PasswordRule::Required
    };
    let settings = match resolve::resolve(&args.settings, rule) {
        Ok(settings) => settings,
        Err(message) => {
            say::error(&message);
            return exit::USAGE;
        }
    };
    let inbox_password = match args.inbox.password_from_flags() {
        Ok(password) => password,
        Err(message) => {
            say::error(&message);
            return exit::USAGE;
        }
    };
    let from_profile = args.settings.profile.is_some() && !args.oauth.wanted();
    let settings = match profile_cmd::complete_password(settings, from_profile).await {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    let json = args.json;
    let said = move |text: &str| {
        if !json {
            println!("{}", crate::i18n::tr(text));
        }
    };
    let settings = match args.oauth.apply(settings.clone(), &said).await {
        Ok(settings) => settings,
        Err(oauth_args::OAuthSetupError::Usage(message)) => {
            say::error(&crate::i18n::tr(&message));
            return exit::USAGE;
        }
        Err(oauth_args::OAuthSetupError::Token(error)) => {
            let report = crate::session::SessionReport::token_failed(error);
            let outcome = crate::outcome::TestOutcome::new(settings, report, false);
            return finish::finish_without_session(&args, &outcome).await;
        }
    };
    let plan = match settings.check() {
        Ok(plan) => plan,
        Err(problems) => {
            output::print_problems(&problems);
            return exit::USAGE;
        }
    };
    // Ctrl-C: the first stops the test (with a QUIT to the server), a second ends at once.
    let cancel = CancellationToken::new();
    let watcher = interrupt::cancel_on_ctrl_c(
        cancel.clone(),
        &tr!("Stopping the test… (Ctrl-C again quits at once)"),
    );
    if !json {
        output::print_start(&plan);
    }
    let sink = move |event: SessionEvent| {
        if !json && let SessionEvent::Line(line) = event {
            output::print_line(&line);
        }
    };
    let outcome = run_test(settings, &plan, &sink, cancel, args.include_password).await;
    let sent_at = std::time::Instant::now();
    if !json {
        output::print_outcome(&outcome);
    }
    let checks = Box::pin(AfterChecks::run(&args, &outcome, inbox_password, sent_at)).await;
    if json {
        let mut document = json::send_document(&outcome);
        if args.check_dns {
            document["dns_check"] = serde_json::to_value(&checks.arrival).unwrap_or_default();
        }
        if args.inbox.check_inbox.is_some() {
            document["inbox_check"] = serde_json::to_value(&checks.inbox).unwrap_or_default();
        }
        json::print_value(&document);
    } else {
        checks.print(&args);
    }
    if let Some(path) = &args.report {
        let report = report_file::Report::of(&args);
        report_file::write_report(path, &outcome, checks.inbox.as_ref(), report).await;
    }
    if args.save_password {
        profile_cmd::save_password_after(outcome.settings(), outcome.report()).await;
    }
    watcher.abort();
    match finish::exit_code(&outcome) {
        exit::OK => checks.exit_code(),
        code => code,
    }
}

/// The checks that run after a message went through (a failed send has its own fix first):
/// the DNS checks (`--check-dns`) and the inbox check (`--check-inbox`). A check that cannot
/// run (its error is printed) keeps its exit code and still lets the report be written.
struct AfterChecks {
    arrival: Option<crate::arrive::ArrivalReport>,
    dns_failed: Option<u8>,
    inbox: Option<crate::inbox::InboxReport>,
    inbox_failed: Option<u8>,
}

impl AfterChecks {
    async fn run(
        args: &args::SendArgs,
        outcome: &crate::outcome::TestOutcome,
        inbox_password: Option<crate::secret::Password>,
        sent_at: std::time::Instant,
    ) -> Self {
        let mut checks = Self {
            arrival: None,
            dns_failed: None,
            inbox: None,
            inbox_failed: None,
        };
        if !outcome.sent() {
            return checks;
        }
        let settings = outcome.settings();
        if args.check_dns {
            match dns_check_cmd::after_send(&settings.from, &settings.host, args.dns_server).await {
                Ok(report) => {
                    if !args.json {
                        println!();
                        dns_check_cmd::print_report(&report);
                    }
                    checks.arrival = Some(report);
                }
                Err(code) => checks.dns_failed = Some(code),
            }
        }
        if let Some(mailbox) = &args.inbox.check_inbox {
            let found =
                inbox_cmd::after_send(mailbox, inbox_password, outcome, args, sent_at).await;
            match found {
                Ok(report) => checks.inbox = Some(report),
                Err(code) => checks.inbox_failed = Some(code),
            }
        }
        checks
    }

    /// Prints what is left once the checks ran (the DNS report was printed as it came, before
    /// the inbox check's exchange).
    fn print(&self, args: &args::SendArgs) {
        if let Some(report) = &self.inbox {
            inbox_cmd::print_report(report);
        }
        let asked = args.check_dns || args.inbox.check_inbox.is_some();
        if asked && self.arrival.is_none() && self.inbox.is_none() && self.nothing_failed() {
            println!(
                "\n{}",
                tr!(
                    "The checks after sending (--check-dns, --check-inbox) run only after the message went through."
                )
            );
        }
    }

    fn nothing_failed(&self) -> bool {
        self.dns_failed.is_none() && self.inbox_failed.is_none()
    }

    /// The first problem's code: the DNS checks, then the inbox.
    fn exit_code(&self) -> u8 {
        let dns = self
            .dns_failed
            .or_else(|| self.arrival.as_ref().map(dns_check_cmd::exit_code));
        let inbox = self
            .inbox_failed
            .or_else(|| self.inbox.as_ref().map(inbox_cmd::exit_code));
        [dns, inbox]
            .into_iter()
            .flatten()
            .find(|code| *code != exit::OK)
            .unwrap_or(exit::OK)
    }
}

fn explain(args: &args::ExplainArgs) -> u8 {
    let text = match args.text.as_deref() {
        Some(text) if text != "-" => text.to_owned(),
        _ => match stdin_text::read_all(&mut std::io::stdin().lock()) {
            Ok(text) => text,
            Err(err) => {
                say::error(&tr!("could not read standard input: {err}", err = err));
                return exit::USAGE;
            }
        },
    };
    if text.trim().is_empty() {
        say::error(&tr!("give the error text to explain, or pipe it in with -"));
        return exit::USAGE;
    }
    let framework = args.framework.map_or(
        crate::settings::Framework::Net4,
        args::FrameworkArg::framework,
    );
    let diagnosis = crate::diagnosis::explain_for_site(&text, framework);
    if args.json {
        json::print_value(&serde_json::json!({ "diagnosis": diagnosis }));
    } else {
        output::print_diagnosis(None, &diagnosis);
    }
    exit::OK
}

fn presets(json: bool) -> u8 {
    if json {
        json::print_value(&serde_json::json!({ "presets": crate::presets::PRESETS }));
    } else {
        output::print_presets();
    }
    exit::OK
}

fn snippet(args: &args::SnippetArgs) -> u8 {
    // The password is needed only when it will be written into the snippet.
    let rule = if args.include_password {
        resolve::PasswordRule::Required
    } else {
        resolve::PasswordRule::Optional
    };
    let settings = match resolve::resolve(&args.settings, rule) {
        Ok(settings) => settings,
        Err(message) => {
            say::error(&message);
            return exit::USAGE;
        }
    };
    let wants_password = args.include_password && args.settings.profile.is_some();
    let settings = match profile_cmd::complete_password_blocking(settings, wants_password) {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    let problems = profile_cmd::problems_without_password(&settings, args.include_password);
    if problems
        .iter()
        .any(|p| p.severity == crate::settings::Severity::Error)
    {
        output::print_problems(&problems);
        return exit::USAGE;
    }
    let oauth_app = args.oauth.map(|provider| {
        oauth_args::oauth_app(
            provider,
            args.delegated,
            args.tenant.as_deref(),
            args.client_id.as_deref(),
        )
    });
    let snippets: Vec<_> = args
        .format
        .unwrap_or(args::FormatArg::One(crate::snippet::default_format(
            &settings,
        )))
        .formats()
        .into_iter()
        .map(|format| match &oauth_app {
            Some(app) => crate::snippet::render_oauth(format, &settings, app),
            None => crate::snippet::render(format, &settings, args.include_password),
        })
        .collect();
    match (args.json, snippets.as_slice()) {
        (true, [snippet]) => {
            json::print_value(&serde_json::json!({ "snippet": snippet, "notes": problems }));
        }
        (true, _) => {
            json::print_value(&serde_json::json!({ "snippets": snippets, "notes": problems }));
        }
        (false, [snippet]) => output::print_snippet(snippet),
        (false, _) => output::print_snippets(&snippets),
    }
    exit::OK
}
