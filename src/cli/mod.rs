//! The `mailtester` command line: a thin face over the engine.
//!
//! Exit codes (also in the README): 0 success; 1 internal error; 2 usage or invalid settings;
//! 3 the server could not be reached or does not speak SMTP; 4 the secure connection failed;
//! 5 sign-in failed; 6 the message was refused; 130 cancelled (Ctrl-C).

mod args;
mod json;
mod output;

use std::io::{BufRead, IsTerminal, Read};
use std::process::ExitCode;

use clap::Parser;
use tokio_util::sync::CancellationToken;

pub use args::{Cli, Command, SecurityArg, SettingsArgs, TargetArg};
pub use json::send_document;

use crate::diagnosis::{diagnose, explain_text};
use crate::event::{SessionEvent, Step};
use crate::secret::Password;
use crate::session::{Goal, SessionError, SessionReport, run_session};
use crate::settings::{Security, Settings, Target, Timeouts};
use crate::snippet::web_config;

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
    /// The server refused the sender, the recipient or the message.
    pub const SEND: u8 = 6;
    /// Cancelled with Ctrl-C.
    pub const CANCELLED: u8 = 130;
}

/// Parses the process arguments and runs; what `main` calls.
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return open_window(started);
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: could not start the async runtime: {err}");
            return ExitCode::from(exit::INTERNAL);
        }
    };
    let code = match command {
        Command::Send(args) => runtime.block_on(send(args)),
        Command::Explain(args) => explain(&args),
        Command::Snippet(args) => snippet(&args),
        Command::Presets { json } => presets(json),
    };
    ExitCode::from(code)
}

/// With no subcommand: the window (feature `gui`), or help when built without it.
fn open_window(started: std::time::Instant) -> ExitCode {
    #[cfg(feature = "gui")]
    {
        let runtime = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(err) => {
                eprintln!("error: could not start the async runtime: {err}");
                return ExitCode::from(exit::INTERNAL);
            }
        };
        let _entered = runtime.enter();
        match crate::gui::run(runtime.handle().clone(), started) {
            Ok(()) => ExitCode::from(exit::OK),
            Err(message) => {
                eprintln!("error: {message}");
                eprintln!("The command line still works: run `mailtester --help`.");
                ExitCode::from(exit::INTERNAL)
            }
        }
    }
    #[cfg(not(feature = "gui"))]
    {
        let _ = started;
        let _ = <Cli as clap::CommandFactory>::command().print_help();
        ExitCode::from(exit::OK)
    }
}

/// Builds [`Settings`] from the flags, reading the password from stdin or the environment.
pub fn settings_from(args: &SettingsArgs) -> Result<Settings, String> {
    let password = if args.password_stdin {
        read_password_stdin()?
    } else if let Some(var) = &args.password_env {
        Password::new(std::env::var(var).map_err(|_| {
            format!("the environment variable {var} is not set (or not valid text); set it to the password")
        })?)
    } else {
        Password::default()
    };
    let mut settings = Settings {
        port: 25,
        enable_ssl: false,
        ..Settings::default()
    };
    if let Some(name) = &args.preset {
        let preset = crate::presets::find(name).ok_or_else(|| {
            let names: Vec<&str> = crate::presets::PRESETS.iter().map(|p| p.id).collect();
            format!(
                "there is no preset \"{name}\"; choose one of: {}",
                names.join(", ")
            )
        })?;
        preset.apply(&mut settings);
    }
    let user_name = args
        .user_name
        .clone()
        .unwrap_or_else(|| settings.user_name.clone());
    if !user_name.trim().is_empty() && password.is_empty() && !args.default_credentials {
        return Err(
            "--user needs a password: pass it with --password-stdin or --password-env VAR (never as an argument)"
                .to_owned(),
        );
    }
    Ok(Settings {
        host: args.host.clone().unwrap_or(settings.host),
        port: args.port.unwrap_or(settings.port),
        user_name,
        password,
        enable_ssl: match args.security {
            Some(SecurityArg::Starttls) => true,
            Some(SecurityArg::None | SecurityArg::Tls) => false,
            None => args.enable_ssl.unwrap_or(settings.enable_ssl),
        },
        default_credentials: args.default_credentials,
        client_domain: args.client_domain.clone().unwrap_or_default(),
        from: args.from.clone(),
        to: args.to.clone().unwrap_or_default(),
        security: args.security.map(|s| match s {
            SecurityArg::None => Security::None,
            SecurityArg::Starttls => Security::StartTls,
            SecurityArg::Tls => Security::ImplicitTls,
        }),
        timeouts: args
            .timeout
            .map_or_else(Timeouts::default, Timeouts::uniform),
        accept_invalid_certs: args.accept_invalid_certs,
        ca_file: args.ca_file.clone(),
        target: match args.target {
            TargetArg::Dotnet => Target::DotNet,
            TargetArg::Generic => Target::Generic,
        },
        ..Settings::default()
    })
}

fn read_password_stdin() -> Result<Password, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (input is not hidden; prefer a pipe): ");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|err| format!("could not read the password from standard input: {err}"))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err("--password-stdin was given but standard input was empty".to_owned());
    }
    Ok(Password::new(password))
}

async fn send(args: args::SendArgs) -> u8 {
    let settings = match settings_from(&args.settings) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("error: {message}");
            return exit::USAGE;
        }
    };
    let plan = match settings.check() {
        Ok(plan) => plan,
        Err(problems) => {
            output::print_problems(&problems);
            return exit::USAGE;
        }
    };
    let cancel = CancellationToken::new();
    let on_ctrl_c = cancel.clone();
    let watcher = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.cancel();
        }
    });
    let json = args.json;
    if !json {
        output::print_start(&plan);
    }
    let sink = move |event: SessionEvent| {
        if !json && let SessionEvent::Line(line) = event {
            output::print_line(&line);
        }
    };
    let report = run_session(&plan, Goal::Send, &sink, cancel).await;
    watcher.abort();
    let diagnosis = diagnose(&settings, &report);
    let snippet = report
        .ok()
        .then(|| web_config(&settings, args.include_password));
    if json {
        json::print_send(&report, diagnosis.as_ref(), snippet.as_ref());
    } else {
        output::print_outcome(&settings, &report, diagnosis.as_ref(), snippet.as_ref());
    }
    exit_code(&report)
}

/// The exit code for a finished session.
pub fn exit_code(report: &SessionReport) -> u8 {
    let Some(error) = &report.error else {
        return exit::OK;
    };
    if matches!(error, SessionError::Cancelled { .. }) {
        return exit::CANCELLED;
    }
    match error.step() {
        Step::Resolve | Step::Connect | Step::Greeting | Step::Ehlo => exit::CONNECT,
        Step::Tls | Step::StartTls => exit::SECURE,
        Step::Auth => exit::SIGN_IN,
        Step::MailFrom | Step::RcptTo | Step::Data | Step::Quit => exit::SEND,
    }
}

fn explain(args: &args::ExplainArgs) -> u8 {
    let text = match args.text.as_deref() {
        Some(text) if text != "-" => text.to_owned(),
        _ => {
            let mut text = String::new();
            if let Err(err) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("error: could not read standard input: {err}");
                return exit::USAGE;
            }
            text
        }
    };
    if text.trim().is_empty() {
        eprintln!("error: give the error text to explain, or pipe it in with -");
        return exit::USAGE;
    }
    let diagnosis = explain_text(&text);
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
    let settings = match settings_from(&args.settings) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("error: {message}");
            return exit::USAGE;
        }
    };
    let problems = settings.problems();
    if problems
        .iter()
        .any(|p| p.severity == crate::settings::Severity::Error)
    {
        output::print_problems(&problems);
        return exit::USAGE;
    }
    let snippet = web_config(&settings, args.include_password);
    if args.json {
        json::print_value(&serde_json::json!({ "snippet": snippet, "notes": problems }));
    } else {
        output::print_snippet(&snippet);
    }
    exit::OK
}
