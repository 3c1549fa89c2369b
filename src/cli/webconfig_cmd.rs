//! `mailtester webconfig import|lint|update`: a site's web.config, read, checked and updated.
//! The password is never printed: import says "(set, not shown)", the diff redacts it (also
//! with `--include-password`, where it shows as `<redacted, new>`).

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::args::SettingsArgs;
use super::json::print_value;
use super::resolve::{PasswordRule, resolve};
use super::{exit, say};
use crate::i18n::tr;
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
    println!(
        "{}",
        crate::tr!("Mail settings in {path}:", path = path.display())
    );
    let unset = Unset {
        host: crate::tr!("(not set)"),
        user_name: crate::tr!("(not set: no sign-in)"),
        client_domain: crate::tr!("(not set: the web server's name)"),
        from: crate::tr!("(not set)"),
        password: (crate::tr!("(set, not shown)"), crate::tr!("(not set)")),
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
            row.1 = crate::tr!("(not true or false: see the error below)");
        }
    }
    let target_framework = imported.target_framework.clone();
    rows.push((
        "targetFramework",
        target_framework.unwrap_or_else(|| crate::tr!("(not stated)")),
    ));
    for (name, value) in rows {
        println!("  {name:<20}{value}");
    }
    println!();
    print_findings(&imported.findings);
    if !settings.host.trim().is_empty() {
        println!();
        println!("{}\n  {}", crate::tr!("Test them:"), send_command(settings));
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
            "{}",
            crate::tr!(
                "Nothing to change: the file already has these settings: {path}",
                path = args.file.display()
            )
        );
        return exit::OK;
    }
    // The diff shows the file's own lines: as they are.
    print!("{}", prepared.diff());
    for note in prepared.notes() {
        println!("{}", crate::tr!("Note: {note}", note = tr(note)));
    }
    println!(
        "{}",
        crate::tr!("Note: {note}", note = tr(webconfig::RESTART_NOTE))
    );
    let remaining: Vec<Finding> = webconfig::lint(prepared.new_text())
        .into_iter()
        .filter(|finding| finding.severity != Severity::Info)
        .collect();
    if args.dry_run {
        println!("{}", crate::tr!("Dry run: nothing was written."));
        return exit::OK;
    }
    if !args.yes && !confirm(&args.file) {
        return exit::OK;
    }
    match prepared.apply().await {
        Ok(outcome) => {
            println!(
                "{}",
                crate::tr!("Updated {path}.", path = args.file.display())
            );
            if let Some(backup) = outcome.backup {
                println!(
                    "{}",
                    crate::tr!("The old file is saved as {path}.", path = backup.display())
                );
            }
            if !remaining.is_empty() {
                println!("\n{}", crate::tr!("Still to fix by hand:"));
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
            say::error(&message);
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
        say::error(&crate::tr!(
            "these settings cannot be written until they are fixed:"
        ));
        for problem in problems.iter().filter(|p| p.severity == Severity::Error) {
            eprintln!("  {}: {}", problem.field.attribute(), tr(&problem.message));
        }
        return None;
    }
    Some(settings)
}

/// Asks on the terminal; without one, explains how to write and says no.
fn confirm(path: &Path) -> bool {
    let yes = super::confirm::ask(
        &crate::tr!(
            "Write these changes to {path}? A backup copy is made first.",
            path = path.display()
        ),
        &crate::tr!("Nothing was written: run again with --yes to write these changes."),
    );
    if !yes && std::io::stdin().is_terminal() {
        eprintln!("{}", crate::tr!("Nothing was written."));
    }
    yes
}

fn fail(err: &webconfig::FileError) -> u8 {
    say::engine_error(err);
    exit::WEBCONFIG
}

fn print_findings(findings: &[Finding]) {
    if findings.is_empty() {
        println!("{}", crate::tr!("No problems found."));
        return;
    }
    let of = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let errors = match of(Severity::Error) {
        1 => crate::tr!("1 error"),
        n => crate::tr!("{count} errors", count = n),
    };
    let warnings = match of(Severity::Warning) {
        1 => crate::tr!("1 warning"),
        n => crate::tr!("{count} warnings", count = n),
    };
    let notes = match of(Severity::Info) {
        1 => crate::tr!("1 note"),
        n => crate::tr!("{count} notes", count = n),
    };
    println!(
        "{}",
        crate::tr!(
            "Findings: {errors}, {warnings}, {notes}",
            errors = errors,
            warnings = warnings,
            notes = notes
        )
    );
    for finding in findings {
        let label = match finding.severity {
            Severity::Error => crate::tr!("ERROR"),
            Severity::Warning => crate::tr!("warning"),
            Severity::Info => crate::tr!("note"),
        };
        // The code is an id: as it is.
        let place = match finding.line {
            Some(line) => crate::tr!("line {line}, {code}", line = line, code = finding.code),
            None => finding.code.to_string(),
        };
        println!("  {label} ({place}): {}", tr(&finding.message));
        println!("    {}", crate::tr!("Fix: {fix}", fix = tr(&finding.fix)));
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
