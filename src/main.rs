//! `mailtester`: test SMTP settings the way a website uses them.
//!
//! This file chooses the face (a subcommand runs the command line, none opens the window) and
//! builds the one tokio runtime the library runs on: current-thread for a command, two workers
//! for the window. The library itself never creates a runtime.
//!
//! On Windows the same program ships twice (scripts/windows/package.sh): `mailtester.exe` for
//! terminals and scripts, and `Mail Settings Tester.exe`, marked as a window program so that
//! Explorer and the Start menu open it without a console window. Given a command, the window
//! program prints to the console it was started from; the console program, opened from
//! Explorer without a command, closes the console Windows made for it.

use std::ffi::OsString;
use std::process::ExitCode;
use std::time::Instant;

use mail_settings_tester::cli::{self, exit};
use mail_settings_tester::i18n::{self, Language};
use tokio::runtime::{Builder, Runtime};

fn main() -> ExitCode {
    let started = Instant::now();
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        // Harmless for the console program, which has its console already.
        mail_settings_tester::win32::attach_parent_console();
    }
    cli::quiet_on_closed_pipe();
    // The language comes first, so that the help and usage errors are in it too. An unknown
    // code falls back to English without a word: the flag is not worth a failure.
    let args: Vec<OsString> = std::env::args_os().collect();
    let chosen = cli::help::language_named_in(&args);
    i18n::set_language(chosen.unwrap_or_else(i18n::system_language));
    let cli = cli::help::parse_from(args);
    let code = match cli.command {
        Some(command) => match runtime(&mut Builder::new_current_thread()) {
            Ok(runtime) => cli::run(command, &runtime),
            Err(code) => code,
        },
        None => open_window(started, chosen),
    };
    ExitCode::from(code)
}

/// Builds the runtime; a failure is reported once, as an exit code.
fn runtime(builder: &mut Builder) -> Result<Runtime, u8> {
    builder.enable_all().build().map_err(|err| {
        let message = mail_settings_tester::tr!(
            "could not start the async runtime: {error}. Start the program again; if it keeps \
             failing, restart the computer.",
            error = err
        );
        eprintln!("error: {message}");
        exit::INTERNAL
    })
}

/// With no subcommand: the window, its background work on a two-worker runtime.
#[cfg(feature = "gui")]
fn open_window(started: Instant, language: Option<Language>) -> u8 {
    #[cfg(windows)]
    mail_settings_tester::win32::release_own_console();
    start_up_errors::show_panics();
    let runtime = match runtime(Builder::new_multi_thread().worker_threads(2)) {
        Ok(runtime) => runtime,
        Err(code) => return code,
    };
    let _entered = runtime.enter();
    match mail_settings_tester::gui::run(runtime.handle(), started, language) {
        Ok(()) => exit::OK,
        Err(err) => {
            start_up_errors::show(&format!(
                "{}\n\n{}",
                start_up_errors::sentence(&i18n::tr(&err.to_string())),
                mail_settings_tester::tr!(
                    "The command line still works: run `mailtester --help` in a terminal."
                )
            ));
            exit::INTERNAL
        }
    }
}

/// Built without the window (`--no-default-features`): the help instead.
#[cfg(not(feature = "gui"))]
fn open_window(_started: Instant, _language: Option<Language>) -> u8 {
    let _ = cli::help::command().print_help();
    exit::OK
}

/// A window program started from Explorer has nowhere to print: what stops it from opening is
/// also shown in a message box there, so it is never lost.
#[cfg(feature = "gui")]
mod start_up_errors {
    /// Prints `message` on stderr and, on Windows, shows it in a message box.
    pub fn show(message: &str) {
        eprintln!("error: {message}");
        #[cfg(windows)]
        {
            let _ = rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title(mail_settings_tester::gui::TITLE)
                .set_description(message)
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
        }
    }

    /// `text` as a sentence: a capital first letter and a full stop.
    pub fn sentence(text: &str) -> String {
        let mut chars = text.trim_end_matches('.').chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
        format!("{}{}.", first.unwrap_or_default(), chars.as_str())
    }

    /// On Windows, a panic (a bug) is also shown in a message box before the program ends.
    pub fn show_panics() {
        #[cfg(windows)]
        {
            let default_hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                default_hook(info);
                let _ = rfd::MessageDialog::new()
                    .set_level(rfd::MessageLevel::Error)
                    .set_title(mail_settings_tester::gui::TITLE)
                    .set_description(mail_settings_tester::tr!(
                        "Mail Settings Tester stopped because of an error in the program:\n\n{info}\n\nPlease report it. Your settings and web.config were not changed by this.",
                        info = info
                    ))
                    .set_buttons(rfd::MessageButtons::Ok)
                    .show();
            }));
        }
    }
}
