//! The real Secret Service (GNOME Keyring on a private D-Bus session): save, read and forget a
//! password through `credentials`, check with `secret-tool` what was stored, and run the CLI's
//! keyring flow end to end. They need `scripts/with-keyring.sh` (which sets
//! `MAILTESTER_KEYRING_TEST`), so a plain `cargo test` lists them as ignored; `scripts/check.sh`
//! runs them inside it with `--ignored`. Run with `--ignored` outside it, they fail and say how.

#![allow(clippy::unwrap_used, clippy::expect_used)]
// Each test has its own runtime on its own thread: the guard only makes them take turns.
#![allow(clippy::await_holding_lock)]

mod support;

#[path = "keyring/cli_flow.rs"]
mod cli_flow;
#[path = "keyring/oauth_flow.rs"]
mod oauth_flow;
#[path = "keyring/store.rs"]
mod store;

#[cfg(not(windows))] // the locked-keyring test only
use std::io::Write;
use std::path::Path;
#[cfg(not(windows))]
use std::process::Stdio;
use std::process::{Command, Output};
use std::time::Instant;

use mail_settings_tester::credentials::{self, Account, SERVICE};
use mail_settings_tester::secret::Password;
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};

/// Panics, saying how to run these tests, unless the private Secret Service is there; else
/// returns a guard that keeps the other keyring tests waiting (one of them removes every
/// password saved under our service).
fn require_keyring() -> std::sync::MutexGuard<'static, ()> {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    assert!(
        std::env::var_os("MAILTESTER_KEYRING_TEST").is_some(),
        "needs a private Secret Service: scripts/with-keyring.sh cargo test --test keyring -- \
         --ignored (scripts/check.sh runs it)"
    );
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The platform's keyring store, opened as another program would open it.
fn keyring_store() -> std::sync::Arc<keyring_core::CredentialStore> {
    #[cfg(target_os = "linux")]
    let store: std::sync::Arc<keyring_core::CredentialStore> =
        zbus_secret_service_keyring_store::Store::new().unwrap();
    #[cfg(target_os = "windows")]
    let store: std::sync::Arc<keyring_core::CredentialStore> =
        windows_native_keyring_store::Store::new().unwrap();
    #[cfg(target_os = "macos")]
    let store: std::sync::Arc<keyring_core::CredentialStore> =
        apple_native_keyring_store::keychain::Store::new().unwrap();
    store
}

fn secret_tool(args: &[&str]) -> Option<Output> {
    Command::new("secret-tool").args(args).output().ok()
}

async fn mailtester(config: &Path, args: &[&str], stdin: &str) -> Output {
    let envs = vec![(
        "MAILTESTER_CONFIG_DIR".to_owned(),
        config.display().to_string(),
    )];
    support::bin::run_async(support::bin::strings(args), envs, stdin).await
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
