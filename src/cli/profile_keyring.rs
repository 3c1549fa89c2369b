//! The keyring steps of `send`, `snippet` and `inbox`: the password saved for a profile is
//! taken when none was given, and saved after a sign-in the server accepted.

use super::{exit, say};
use crate::credentials::{self, Account, CredentialError};
use crate::event::{Step, StepStatus};
use crate::secret::Password;
use crate::session::SessionReport;
use crate::settings::Settings;

/// For `send --profile`: when the settings sign in and no password was given, takes the one
/// saved in the keyring (off the async thread). `Err` holds the exit code after the message.
pub async fn complete_password(settings: Settings, from_profile: bool) -> Result<Settings, u8> {
    if !from_profile || !settings.password.is_empty() {
        return Ok(settings);
    }
    let Some(account) = Account::for_settings(&settings) else {
        return Ok(settings);
    };
    let loaded = credentials::load_in_background(None, account.clone()).await;
    password_or_exit(settings, &account, loaded)
}

/// For `snippet --profile --include-password` (blocking; outside the async runtime).
pub fn complete_password_blocking(settings: Settings, wanted: bool) -> Result<Settings, u8> {
    if !wanted || !settings.password.is_empty() {
        return Ok(settings);
    }
    let Some(account) = Account::for_settings(&settings) else {
        return Ok(settings);
    };
    let loaded = credentials::load(&account);
    password_or_exit(settings, &account, loaded)
}

fn password_or_exit(
    settings: Settings,
    account: &Account,
    loaded: Result<Option<Password>, CredentialError>,
) -> Result<Settings, u8> {
    let password = match loaded {
        Ok(Some(password)) => password,
        Ok(None) => {
            say::error(&crate::tr!(
                "no password is saved in the keyring for {account}. Pass it with --password-stdin or --password-env VAR (add --save-password to keep it).",
                account = account
            ));
            return Err(exit::USAGE);
        }
        Err(err) => {
            say::engine_warning(&err);
            say::error(&crate::tr!(
                "the password is needed: pass it with --password-stdin or --password-env VAR."
            ));
            return Err(exit::USAGE);
        }
    };
    eprintln!(
        "{}",
        crate::tr!(
            "Using the password saved in the keyring for {account}.",
            account = account
        )
    );
    Ok(Settings {
        password,
        ..settings
    })
}

/// For `send --save-password`: saves the password once the session is over, unless the server
/// refused the sign-in (a mistyped password must not replace a good saved one).
pub async fn save_password_after(settings: &Settings, report: &SessionReport) {
    let Some(account) = Account::for_settings(settings) else {
        say::note(&crate::tr!(
            "these settings do not sign in with a user name, so there is no password to save."
        ));
        return;
    };
    if settings.password.is_empty() {
        return;
    }
    if report
        .step(Step::Auth)
        .is_some_and(|r| r.status == StepStatus::Failed)
    {
        say::note(&crate::tr!(
            "the password was not saved in the keyring because the server refused the sign-in."
        ));
        return;
    }
    save_and_say(account, settings.password.clone()).await;
}

/// Saves `password` for `account` in the system keyring and says so (or why not) on stderr.
pub async fn save_and_say(account: Account, password: Password) {
    match credentials::save_in_background(None, account.clone(), password).await {
        Ok(()) => eprintln!(
            "{}",
            crate::tr!(
                "Saved the password for {account} in the system keyring.",
                account = account
            )
        ),
        Err(err) => say::engine_warning(&err),
    }
}
