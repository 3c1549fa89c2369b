//! `mailtester`: test SMTP settings the way a website uses them.
//!
//! This file chooses the face (a subcommand runs the command line, none opens the window) and
//! builds the one tokio runtime the library runs on: current-thread for a command, two workers
//! for the window. The library itself never creates a runtime.

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser as _;
use mail_settings_tester::cli::{self, Cli, exit};
use tokio::runtime::{Builder, Runtime};

fn main() -> ExitCode {
    let started = Instant::now();
    cli::quiet_on_closed_pipe();
    let code = match Cli::parse().command {
        Some(command) => match runtime(&mut Builder::new_current_thread()) {
            Ok(runtime) => cli::run(command, &runtime),
            Err(code) => code,
        },
        None => open_window(started),
    };
    ExitCode::from(code)
}

/// Builds the runtime; a failure is reported once, as an exit code.
fn runtime(builder: &mut Builder) -> Result<Runtime, u8> {
    builder.enable_all().build().map_err(|err| {
        eprintln!("error: could not start the async runtime: {err}");
        exit::INTERNAL
    })
}

/// With no subcommand: the window, its background work on a two-worker runtime.
#[cfg(feature = "gui")]
fn open_window(started: Instant) -> u8 {
    let runtime = match runtime(Builder::new_multi_thread().worker_threads(2)) {
        Ok(runtime) => runtime,
        Err(code) => return code,
    };
    let _entered = runtime.enter();
    match mail_settings_tester::gui::run(runtime.handle().clone(), started) {
        Ok(()) => exit::OK,
        Err(err) => {
            eprintln!("error: {err}");
            eprintln!("The command line still works: run `mailtester --help`.");
            exit::INTERNAL
        }
    }
}

/// Built without the window (`--no-default-features`): the help instead.
#[cfg(not(feature = "gui"))]
fn open_window(_started: Instant) -> u8 {
    let _ = <Cli as clap::CommandFactory>::command().print_help();
    exit::OK
}
