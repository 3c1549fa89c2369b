//! `mailtester profile ...`, and the keyring steps of `send` and `snippet` (`--profile`,
//! `--save-password`). Keyring problems are warnings in plain words: the command goes on with
//! the password for this run only, and nothing is ever written to a file instead.

use super::profile_args::{ProfileCommand, ProfileSaveArgs};
pub use super::profile_keyring::{
    complete_password, complete_password_blocking, save_and_say, save_password_after,
};
use super::resolve::{PasswordRule, resolve};
use super::{exit, say};
use crate::credentials::{self, Account, CredentialError};
use crate::profiles::{ProfileError, ProfileStore};
use crate::secret::Password;
use crate::settings::{Field, FieldProblem, Settings, Severity};

/// Runs a `profile` subcommand (blocking; called outside the async runtime).
pub fn run(command: ProfileCommand) -> u8 {
    let store = match ProfileStore::open_default() {
        Ok(store) => store,
        Err(err) => return profile_error(&err),
    };
    let result = match command {
        ProfileCommand::List { json } => list(&store, json),
        ProfileCommand::Show { name, json } => show(&store, &name, json),
        ProfileCommand::Save(args) => return save(&store, &args),
        ProfileCommand::Rename { old, new } => store.rename(&old, &new).map(|()| {
            println!(
                "{}",
                crate::tr!(
                    "Renamed profile \"{old}\" to \"{new}\".",
                    old = old,
                    new = new
                )
            );
            exit::OK
        }),
        ProfileCommand::Delete {
            name,
            forget_password,
        } => delete(&store, &name, forget_password),
        ProfileCommand::ForgetPassword { name } => forget_password(&store, &name),
        ProfileCommand::ForgetEverything { yes } => forget_everything(&store, yes),
    };
    result.unwrap_or_else(|err| profile_error(&err))
}

fn profile_error(err: &ProfileError) -> u8 {
    say::engine_error(err);
    match err {
        ProfileError::InvalidName { .. }
        | ProfileError::NotFound { .. }
        | ProfileError::AlreadyExists { .. } => exit::USAGE,
        _ => exit::INTERNAL,
    }
}

fn list(store: &ProfileStore, json: bool) -> Result<u8, ProfileError> {
    let profiles = store.all()?;
    if json {
        let items: Vec<_> = profiles
            .iter()
            .map(|(name, s)| serde_json::json!({ "name": name, "settings": s }))
            .collect();
        super::json::print_value(&serde_json::json!({
            "file": store.path(),
            "profiles": items,
        }));
    } else if profiles.is_empty() {
        let command = "mailtester profile save NAME --host H --port P --from F ...";
        println!(
            "{}",
            crate::tr!(
                "No profiles yet. Save one with: {command}",
                command = command
            )
        );
    } else {
        for (name, s) in &profiles {
            let user = if s.user_name.is_empty() {
                crate::tr!("(no sign-in)")
            } else {
                s.user_name.clone()
            };
            println!("{name:<24} {}:{:<6} {user}", s.host, s.port);
        }
    }
    Ok(exit::OK)
}

fn show(store: &ProfileStore, name: &str, json: bool) -> Result<u8, ProfileError> {
    let settings = store.get(name)?.ok_or_else(|| ProfileError::NotFound {
        name: name.to_owned(),
    })?;
    let password = Account::for_settings(&settings).map(|account| credentials::load(&account));
    let (saved, keyring_error) = match &password {
        None => (None, None),
        Some(Ok(found)) => (Some(found.is_some()), None),
        Some(Err(err)) => (None, Some(err.to_string())),
    };
    if json {
        super::json::print_value(&serde_json::json!({
            "name": name,
            "file": store.path(),
            "settings": settings,
            "password_saved": saved,
            "keyring_error": keyring_error,
        }));
        return Ok(exit::OK);
    }
    let heading = crate::tr!(
        "Profile \"{name}\" ({path})",
        name = name,
        path = store.path().display()
    );
    println!("{heading}\n");
    for (key, value) in describe(&settings) {
        println!("  {key:<20} {value}");
    }
    let password_line = match (&password, saved) {
        (None, _) => crate::tr!("not needed (no sign-in)"),
        (Some(_), Some(true)) => crate::tr!("saved in the keyring"),
        (Some(_), Some(false)) => crate::tr!(
            "not saved (give it with --password-stdin or --password-env; add --save-password to keep it in the keyring)"
        ),
        (Some(_), None) => crate::tr!("unknown: the keyring could not be read"),
    };
    println!("  {:<20} {password_line}", "password");
    if let Some(message) = keyring_error {
        eprintln!();
        say::warning(&crate::i18n::tr(&message));
    }
    let shell = super::shell::Shell::current();
    let command = shell.command_line("mailtester", &["send", "--profile", name]);
    println!("\n{}", crate::tr!("Test it: {command}", command = command));
    Ok(exit::OK)
}

/// The settings as `web.config` names them (its attribute names stay as they are; the few
/// other labels are words), for people.
fn describe(settings: &Settings) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = [
        ("host", settings.host.clone()),
        ("port", settings.port.to_string()),
        ("enableSsl", settings.enable_ssl.to_string()),
        ("userName", settings.user_name.clone()),
        (
            "defaultCredentials",
            settings.default_credentials.to_string(),
        ),
        ("clientDomain", settings.client_domain.clone()),
        ("from", settings.from.clone()),
        ("to", settings.to.clone()),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect();
    lines.push((
        crate::tr!("security"),
        settings.effective_security().cli_name().to_owned(),
    ));
    lines.push((
        crate::tr!("timeouts"),
        crate::tr!(
            "connect {connect} s, greeting {greeting} s, commands {command} s",
            connect = settings.timeouts.connect_secs,
            greeting = settings.timeouts.greeting_secs,
            command = settings.timeouts.command_secs
        ),
    ));
    if settings.accept_invalid_certs {
        lines.push((crate::tr!("accept invalid certs"), crate::tr!("yes")));
    }
    if let Some(ca) = &settings.ca_file {
        lines.push((crate::tr!("ca file"), ca.display().to_string()));
    }
    lines
}

fn save(store: &ProfileStore, args: &ProfileSaveArgs) -> u8 {
    if let Err(err) = crate::profiles::validate_name(&args.name) {
        return profile_error(&err);
    }
    let settings = match resolve(&args.settings, PasswordRule::Optional) {
        Ok(settings) => settings,
        Err(message) => {
            say::error(&message);
            return exit::USAGE;
        }
    };
    let problems = problems_without_password(&settings, false);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        super::output::print_problems(&problems);
        return exit::USAGE;
    }
    let account = Account::for_settings(&settings);
    if args.save_password && account.is_some() && settings.password.is_empty() {
        say::error(&crate::tr!(
            "--save-password needs the password: pass it with --password-stdin or --password-env VAR"
        ));
        return exit::USAGE;
    }
    match store.save(&args.name, &settings) {
        Ok(outcome) => {
            if let Some(moved) = &outcome.moved_aside {
                say::warning(&crate::tr!(
                    "the old profiles file could not be read, so it was moved aside (nothing is lost): {path}",
                    path = moved.display()
                ));
            }
            let (name, path) = (&args.name, store.path().display());
            let done = if outcome.replaced {
                crate::tr!(
                    "Replaced profile \"{name}\" in {path} (no password in it).",
                    name = name,
                    path = path
                )
            } else {
                crate::tr!(
                    "Saved profile \"{name}\" in {path} (no password in it).",
                    name = name,
                    path = path
                )
            };
            println!("{done}");
        }
        Err(err) => return profile_error(&err),
    }
    match account {
        Some(account) if args.save_password => store_password(&account, &settings.password),
        Some(_) if !settings.password.is_empty() => println!(
            "{}",
            crate::tr!(
                "The password was not kept (add --save-password to keep it in the system keyring)."
            )
        ),
        None if args.save_password => println!(
            "{}",
            crate::tr!(
                "These settings do not sign in with a user name, so there is no password to save."
            )
        ),
        _ => {}
    }
    exit::OK
}

/// The settings' problems, less "the password is empty" when no password is needed (a saved
/// profile never holds one; a snippet without `--include-password` shows a placeholder).
pub fn problems_without_password(settings: &Settings, password_needed: bool) -> Vec<FieldProblem> {
    let mut problems = settings.problems();
    if !password_needed {
        problems.retain(|p| p.field != Field::Password);
    }
    problems
}

fn delete(store: &ProfileStore, name: &str, forget: bool) -> Result<u8, ProfileError> {
    let settings = store.get(name)?.ok_or_else(|| ProfileError::NotFound {
        name: name.to_owned(),
    })?;
    if forget && let Some(account) = Account::for_settings(&settings) {
        forget_account(&account);
    }
    store.delete(name)?;
    println!("{}", crate::tr!("Deleted profile \"{name}\".", name = name));
    if !forget && Account::for_settings(&settings).is_some() {
        println!(
            "{}",
            crate::tr!(
                "A password saved for it stays in the keyring (other profiles for the same account use it too); `profile delete --forget-password` removes it as well."
            )
        );
    }
    Ok(exit::OK)
}

fn forget_password(store: &ProfileStore, name: &str) -> Result<u8, ProfileError> {
    let settings = store.get(name)?.ok_or_else(|| ProfileError::NotFound {
        name: name.to_owned(),
    })?;
    let Some(account) = Account::for_settings(&settings) else {
        println!(
            "{}",
            crate::tr!(
                "Profile \"{name}\" does not sign in with a user name: there is no password to forget.",
                name = name
            )
        );
        return Ok(exit::OK);
    };
    Ok(if forget_account(&account) {
        exit::OK
    } else {
        exit::INTERNAL
    })
}

/// Removes every profile and every saved password, after asking (unless `yes`).
fn forget_everything(store: &ProfileStore, yes: bool) -> Result<u8, ProfileError> {
    let profiles = store.all()?;
    if !yes
        && !super::confirm::ask(
            &crate::tr!(
                "Remove all {count} profiles and every password Mail Settings Tester saved in the keyring?",
                count = profiles.len()
            ),
            &crate::tr!(
                "Nothing was removed: run again with --yes to remove every profile and saved password."
            ),
        )
    {
        return Ok(exit::OK);
    }
    let mut keyring_failed = false;
    let mut removed = 0;
    // Every account the profiles name, then whatever else the keyring lists for us (passwords
    // remembered by the window or for an inbox check).
    for account in profiles
        .iter()
        .filter_map(|(_, settings)| Account::for_settings(settings))
    {
        match credentials::forget(&account) {
            Ok(true) => removed += 1,
            Ok(false) => {}
            // No keyring at all: nothing can have been saved there.
            Err(CredentialError::Unavailable { .. }) => break,
            Err(err) => {
                say::engine_warning(&err);
                keyring_failed = true;
                break;
            }
        }
    }
    if !keyring_failed {
        match credentials::forget_all() {
            Ok(count) => removed += count,
            Err(CredentialError::Unavailable { .. }) => {}
            Err(err) => {
                say::engine_warning(&err);
                keyring_failed = true;
            }
        }
    }
    for (name, _) in &profiles {
        store.delete(name)?;
    }
    println!(
        "{}",
        crate::tr!(
            "Removed {profiles} profile(s) and {passwords} saved password(s).",
            profiles = profiles.len(),
            passwords = removed
        )
    );
    Ok(if keyring_failed {
        exit::INTERNAL
    } else {
        exit::OK
    })
}

/// Forgets the password of `account`, printing what happened; `false` on a keyring error.
fn forget_account(account: &Account) -> bool {
    match credentials::forget(account) {
        Ok(true) => println!(
            "{}",
            crate::tr!(
                "Removed the saved password for {account} from the keyring.",
                account = account
            )
        ),
        Ok(false) => println!(
            "{}",
            crate::tr!(
                "No password was saved in the keyring for {account}.",
                account = account
            )
        ),
        Err(err) => {
            say::engine_error(&err);
            return false;
        }
    }
    true
}

/// Saves the password in the keyring, printing what happened. A keyring failure is a warning.
fn store_password(account: &Account, password: &Password) {
    match credentials::save(account, password) {
        Ok(()) => println!(
            "{}",
            crate::tr!(
                "Saved the password for {account} in the system keyring.",
                account = account
            )
        ),
        Err(err) => say::engine_warning(&err),
    }
}
