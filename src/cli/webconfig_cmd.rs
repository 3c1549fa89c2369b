//! `mailtester webconfig import|lint|update`: a site's web.config, read, checked and updated.
//! The password is never printed: import says "(set, not shown)", the diff redacts it (also
//! with `--include-password`, where it shows as `<redacted, new>`).

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::args::SettingsArgs;
use super::exit;
use super::json::print_value;
use super::resolve::{PasswordRule, resolve};
use crate::report::{Unset, attribute_rows};
use crate::settings::{Settings, Severity};
use crate::webconfig::{self, Finding, UpdateOptions};

/// `webconfig`: read, check or update the mail settings in a web.config.
#[derive(Debug, Subcommand)]
pub enum WebconfigCommand {
    /// Read the mail settings from a web.config (the password is never shown).
    Import {
        /// The web.config file.
        #[arg(value_parser = super::args::path_arg)]
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a web.config's mail settings for what ASP.NET would reject (exit 7 on errors).
    Lint {
        /// The web.config file.
        #[arg(value_parser = super::args::path_arg)]
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write these settings into a web.config: shows the diff, backs the file up, then writes
    /// (with --yes, or after you answer y).
    Update(Box<WebconfigUpdateArgs>),
}

/// `webconfig update`.
#[derive(Debug, Args)]
pub struct WebconfigUpdateArgs {
    /// The web.config file to change.
    #[arg(value_parser = super::args::path_arg)]
    pub file: PathBuf,
    /// The settings to write (the same flags as `send`).
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Write the real password too (it is never shown in the diff). Without it an existing
    /// password is left exactly as it is and none is added.
    #[arg(long)]
    pub include_password: bool,
    /// Write without asking.
    #[arg(long, conflicts_with = "dry_run")]
    pub yes: bool,
    /// Only show what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs a `webconfig` subcommand; returns the exit code.
pub async fn run(command: WebconfigCommand) -> u8 {
    match command {
        WebconfigCommand::Import { file, json } => import(&file, json).await,
        WebconfigCommand::Lint { file, json } => lint(&file, json).await,
        WebconfigCommand::Update(args) => update(*args).await,
    }
}

async fn import(path: &Path, json: bool) -> u8 {
    let file = match webconfig::read_file(path).await {
        Ok(file) => file,
        Err(err) => return fail(&err),
    };
    let imported = match webconfig::import(&file.text) {
        Ok(imported) => imported,
        Err(source) => {
            return fail(&webconfig::FileError::Content {
                source,
                path: path.to_owned(),
            });
        }
    };
    let settings = &imported.settings;
    if json {
        print_value(&serde_json::json!({
            "file": path,
            "settings": settings,
            "password_set": !settings.password.is_empty(),
            "target_framework": imported.target_framework,
            "findings": imported.findings,
        }));
        return exit::OK;
    }
    println!("Mail settings in {}:", path.display());
    let unset = Unset {
        host: "(not set)",
        user_name: "(not set: no sign-in)",
        client_domain: "(not set: the web server's name)",
        from: "(not set)",
        password: ("(set, not shown)", "(not set)"),
        trim: false,
    };
    let mut rows = attribute_rows(settings, &unset);
    // A value that is neither true nor false is not "false": the error below says what it is.
    for (name, code) in [
        ("enableSsl", webconfig::code::ENABLE_SSL_INVALID),
        (
            "defaultCredentials",
            webconfig::code::DEFAULT_CREDENTIALS_INVALID,
        ),
    ] {
        if imported.findings.iter().any(|f| f.code == code)
            && let Some(row) = rows.iter_mut().find(|(row, _)| *row == name)
        {
            "(not true or false: see the error below)".clone_into(&mut row.1);
        }
    }
    let target_framework = imported.target_framework.as_deref();
    rows.push((
        "targetFramework",
        target_framework.unwrap_or("(not stated)").to_owned(),
    ));
    for (name, value) in rows {
        println!("  {name:<20}{value}");
    }
    println!();
    print_findings(&imported.findings);
    if !settings.host.trim().is_empty() {
        println!();
        println!("Test them:\n  {}", send_command(settings));
    }
    exit::OK
}

async fn lint(path: &Path, json: bool) -> u8 {
    let file = match webconfig::read_file(path).await {
        Ok(file) => file,
        Err(err) => return fail(&err),
    };
    let findings = webconfig::lint(&file.text);
    let errors = findings
        .iter()
        .any(|finding| finding.severity == Severity::Error);
    if json {
        print_value(&serde_json::json!({ "file": path, "ok": !errors, "findings": findings }));
    } else {
        println!("{}:", path.display());
        print_findings(&findings);
    }
    if errors { exit::WEBCONFIG } else { exit::OK }
}

async fn update(args: WebconfigUpdateArgs) -> u8 {
    let Some(settings) = update_settings(&args).await else {
        return exit::USAGE;
    };
    let options = UpdateOptions {
        include_password: args.include_password,
    };
    let prepared = match webconfig::prepare_update(&args.file, &settings, options).await {
        Ok(prepared) => prepared,
        Err(err) => return fail(&err),
    };
    if prepared.is_unchanged() {
        println!(
            "Nothing to change: the file already has these settings: {}",
            args.file.display()
        );
        return exit::OK;
    }
    print!("{}", prepared.diff());
    for note in prepared.notes() {
        println!("Note: {note}");
    }
    println!("Note: {}", webconfig::RESTART_NOTE);
    let remaining: Vec<Finding> = webconfig::lint(prepared.new_text())
        .into_iter()
        .filter(|finding| finding.severity != Severity::Info)
        .collect();
    if args.dry_run {
        println!("Dry run: nothing was written.");
        return exit::OK;
    }
    if !args.yes && !confirm(&args.file) {
        return exit::OK;
    }
    match prepared.apply().await {
        Ok(outcome) => {
            println!("Updated {}.", args.file.display());
            if let Some(backup) = outcome.backup {
                println!("The old file is saved as {}.", backup.display());
            }
            if !remaining.is_empty() {
                println!("\nStill to fix by hand:");
                print_findings(&remaining);
            }
            exit::OK
        }
        Err(err) => fail(&err),
    }
}

/// The settings from the flags; the password is needed only when it will be written.
async fn update_settings(args: &WebconfigUpdateArgs) -> Option<Settings> {
    let rule = if args.include_password {
        PasswordRule::Required
    } else {
        PasswordRule::Optional
    };
    let settings = match resolve(&args.settings, rule) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("error: {message}");
            return None;
        }
    };
    let settings = if args.include_password {
        super::profile_cmd::complete_password(settings, args.settings.profile.is_some())
            .await
            .ok()?
    } else {
        settings
    };
    let problems = super::profile_cmd::problems_without_password(&settings, args.include_password);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        eprintln!("error: these settings cannot be written until they are fixed:");
        for problem in problems.iter().filter(|p| p.severity == Severity::Error) {
            eprintln!("  {}: {}", problem.field.attribute(), problem.message);
        }
        return None;
    }
    Some(settings)
}

/// Asks on the terminal; without one, explains how to write and says no.
fn confirm(path: &Path) -> bool {
    let yes = super::confirm::ask(
        &format!(
            "Write these changes to {}? A backup copy is made first.",
            path.display()
        ),
        "Nothing was written: run again with --yes to write these changes.",
    );
    if !yes && std::io::stdin().is_terminal() {
        eprintln!("Nothing was written.");
    }
    yes
}

fn fail(err: &webconfig::FileError) -> u8 {
    eprintln!("error: {err}");
    exit::WEBCONFIG
}

fn print_findings(findings: &[Finding]) {
    if findings.is_empty() {
        println!("No problems found.");
        return;
    }
    let of = |severity| findings.iter().filter(|f| f.severity == severity).count();
    println!(
        "Findings: {}, {}, {}",
        crate::words::count(of(Severity::Error), "error"),
        crate::words::count(of(Severity::Warning), "warning"),
        crate::words::count(of(Severity::Info), "note")
    );
    for finding in findings {
        let label = match finding.severity {
            Severity::Error => "ERROR",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        let line = finding
            .line
            .map(|line| format!("line {line}, "))
            .unwrap_or_default();
        println!("  {label} ({line}{}): {}", finding.code, finding.message);
        println!("    Fix: {}", finding.fix);
    }
}

/// The `mailtester send` command for these settings, quoted for the user's shell, the password
/// passed by variable (with the line that sets it first, when there is a user name).
fn send_command(settings: &Settings) -> String {
    let shell = super::shell::Shell::current();
    let port = settings.port.to_string();
    let enable_ssl = settings.enable_ssl.to_string();
    let mut args = vec![
        "send",
        "--host",
        settings.host.as_str(),
        "--port",
        &port,
        "--enable-ssl",
        &enable_ssl,
    ];
    if !settings.user_name.is_empty() {
        args.extend([
            "--user",
            settings.user_name.as_str(),
            "--password-env",
            "MAIL_PASSWORD",
        ]);
    }
    if settings.default_credentials {
        args.push("--default-credentials");
    }
    if !settings.client_domain.is_empty() {
        args.extend(["--client-domain", settings.client_domain.as_str()]);
    }
    args.extend(["--from", settings.from.as_str()]);
    let command = shell.command_line("mailtester", &args);
    if settings.user_name.is_empty() {
        command
    } else {
        format!(
            "{}\n  {command}",
            shell.set_variable("MAIL_PASSWORD", "the mailbox password")
        )
    }
}
