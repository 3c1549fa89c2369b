//! The web.config round trip: import, lint, update, the files on disk and the `webconfig`
//! subcommands, against fixtures shaped like real sites' files (`tests/fixtures/webconfig/`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "webconfig/cli.rs"]
mod cli;
#[path = "webconfig/file_safety.rs"]
mod file_safety;
#[path = "webconfig/files.rs"]
mod files;
#[path = "webconfig/import_lint.rs"]
mod import_lint;
#[path = "webconfig/mutations.rs"]
mod mutations;
mod support;
#[path = "webconfig/update.rs"]
mod update;
#[cfg(windows)]
#[path = "webconfig/windows_files.rs"]
mod windows_files;

use std::path::PathBuf;

use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::Settings;

/// The password used for new settings: every XML special character, so escaping is exercised.
const NEW_PASSWORD: &str = "Secr3t&<\"pass'>";

/// A fixture's path.
fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/webconfig")
        .join(name)
}

/// A fixture's text.
fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

/// Every fixture's name.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_path(""))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Tested settings to write into a file.
fn new_settings() -> Settings {
    Settings {
        host: "smtp.new.example".into(),
        port: 587,
        enable_ssl: true,
        user_name: "site@new.example".into(),
        password: Password::new(NEW_PASSWORD),
        from: "site@new.example".into(),
        ..Settings::default()
    }
}
