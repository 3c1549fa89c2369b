//! The real Secret Service (GNOME Keyring on a private D-Bus session): save, read and forget a
//! password through `credentials`, check with `secret-tool` what was stored, and run the CLI's
//! keyring flow end to end. They need `scripts/with-keyring.sh` (which sets
//! `MAILTESTER_KEYRING_TEST`), so a plain `cargo test` lists them as ignored; `scripts/check.sh`
//! runs them inside it with `--ignored`. Run with `--ignored` outside it, they fail and say how.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use mail_settings_tester::credentials::{self, Account, SERVICE};
use mail_settings_tester::secret::Password;
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};

/// Panics, saying how to run these tests, unless the private Secret Service is there.
fn require_keyring() {
    assert!(
        std::env::var_os("MAILTESTER_KEYRING_TEST").is_some(),
        "needs a private Secret Service: scripts/with-keyring.sh cargo test --test keyring -- \
         --ignored (scripts/check.sh runs it)"
    );
}

fn secret_tool(args: &[&str]) -> Option<Output> {
    Command::new("secret-tool").args(args).output().ok()
}

#[test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
fn save_load_forget_through_the_real_secret_service() {
    require_keyring();
    let account = Account::new(
        &format!("keyring-test-{}@example.com", std::process::id()),
        "SMTP.Example.com",
        587,
    );
    let password = Password::new("Real keyring sécret &<\"'");

    let started = Instant::now();
    credentials::save(&account, &password).unwrap();
    let saved = started.elapsed();
    let reading = Instant::now();
    let loaded = credentials::load(&account)
        .unwrap()
        .expect("the saved password");
    let read = reading.elapsed();
    assert_eq!(loaded.expose(), password.expose());

    // What another program sees: the item carries our service and account attributes.
    if let Some(found) = secret_tool(&[
        "search",
        "--all",
        "service",
        SERVICE,
        "username",
        &account.key(),
    ]) {
        let listing = format!(
            "{}{}",
            String::from_utf8_lossy(&found.stdout),
            String::from_utf8_lossy(&found.stderr)
        );
        assert!(
            listing.contains(&format!("attribute.service = {SERVICE}")),
            "{listing}"
        );
        assert!(
            listing.contains(&format!("attribute.username = {}", account.key())),
            "{listing}"
        );
        assert!(account.key().ends_with("@smtp.example.com:587"));
        let lookup =
            secret_tool(&["lookup", "service", SERVICE, "username", &account.key()]).unwrap();
        assert_eq!(String::from_utf8_lossy(&lookup.stdout), password.expose());
    } else {
        eprintln!("secret-tool is not installed: attribute check skipped");
    }

    // Saving again replaces, not duplicates.
    credentials::save(&account, &Password::new("second")).unwrap();
    assert_eq!(
        credentials::load(&account).unwrap().unwrap().expose(),
        "second"
    );

    let forgetting = Instant::now();
    assert!(credentials::forget(&account).unwrap());
    let forgot = forgetting.elapsed();
    assert!(!credentials::forget(&account).unwrap());
    assert_eq!(credentials::load(&account).unwrap(), None);
    eprintln!(
        "real Secret Service: save {} ms, load {} ms, forget {} ms, whole test {} ms",
        saved.as_millis(),
        read.as_millis(),
        forgot.as_millis(),
        started.elapsed().as_millis()
    );
}

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn the_calls_work_from_inside_tokio_via_spawn_blocking() {
    require_keyring();
    let account = Account::new("tokio-test@example.com", "smtp.example.com", 2525);
    let saving = account.clone();
    tokio::task::spawn_blocking(move || credentials::save(&saving, &Password::new("pw-tokio")))
        .await
        .unwrap()
        .unwrap();
    let loading = account.clone();
    let loaded = tokio::task::spawn_blocking(move || credentials::load(&loading))
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(loaded.expose(), "pw-tokio");
    let forgetting = account.clone();
    assert!(
        tokio::task::spawn_blocking(move || credentials::forget(&forgetting))
            .await
            .unwrap()
            .unwrap()
    );
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

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn the_cli_keeps_the_password_in_the_keyring_only() {
    require_keyring();
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let port = server.port().to_string();
    let ca = TestPki::get().ca_pem_path().to_str().unwrap().to_owned();
    let account = format!("{TEST_USER}@localhost:{port}");

    let out = mailtester(
        dir,
        &[
            "profile",
            "save",
            "shop",
            "--host",
            "localhost",
            "--port",
            &port,
            "--user",
            TEST_USER,
            "--from",
            TEST_USER,
            "--enable-ssl",
            "true",
            "--timeout",
            "5",
            "--ca-file",
            &ca,
            "--password-stdin",
            "--save-password",
        ],
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!(
        "Saved the password for {account} in the system keyring"
    )));

    let out = mailtester(dir, &["profile", "show", "shop"], "").await;
    assert!(
        text(&out.stdout).contains("saved in the keyring"),
        "{}",
        text(&out.stdout)
    );

    // No password given: it comes from the keyring.
    let out = mailtester(dir, &["send", "--profile", "shop"], "").await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("Using the password saved in the keyring"));
    assert!(text(&out.stdout).contains("~> AUTH login <redacted>"));

    // A wrong password with --save-password does not replace the good one.
    let out = mailtester(
        dir,
        &[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--save-password",
        ],
        "wrong-password\n",
    )
    .await;
    assert_eq!(out.status.code(), Some(5));
    assert!(
        text(&out.stderr)
            .contains("not saved in the keyring because the server refused the sign-in")
    );
    let out = mailtester(dir, &["send", "--profile", "shop"], "").await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "the good password is still there"
    );

    let out = mailtester(dir, &["profile", "forget-password", "shop"], "").await;
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains(&format!("Removed the saved password for {account}")));
    let out = mailtester(dir, &["send", "--profile", "shop"], "").await;
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no password is saved in the keyring"));

    // send --save-password stores it after a good sign-in.
    let out = mailtester(
        dir,
        &[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--save-password",
        ],
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("Saved the password"));
    let out = mailtester(dir, &["profile", "delete", "shop", "--forget-password"], "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Removed the saved password"));

    // The profiles file never held it.
    let file = std::fs::read_to_string(dir.join("profiles.toml")).unwrap();
    assert!(!file.contains(TEST_PASSWORD));
}

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn a_locked_keyring_is_a_plain_warning_and_the_test_goes_on() {
    require_keyring();
    // Locking the shared test keyring would disturb the other tests, so this one starts its own
    // private keyring (a nested scripts/with-keyring.sh), locks it, then runs the CLI there.
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/with-keyring.sh");
    let lock_then_send = r#"
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
        exec "$@""#;
    let port = server.port().to_string();
    let ca = TestPki::get().ca_pem_path().to_str().unwrap().to_owned();
    let args: Vec<String> = [
        script,
        "bash",
        "-c",
        lock_then_send,
        "lock-then-send",
        env!("CARGO_BIN_EXE_mailtester"),
        "send",
        "--host",
        "localhost",
        "--port",
        &port,
        "--user",
        TEST_USER,
        "--from",
        TEST_USER,
        "--enable-ssl",
        "true",
        "--timeout",
        "5",
        "--ca-file",
        &ca,
        "--password-stdin",
        "--save-password",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let config_dir = config.path().to_owned();
    let out = tokio::task::spawn_blocking(move || {
        let mut child = Command::new(&args[0])
            .args(&args[1..])
            .env("MAILTESTER_CONFIG_DIR", &config_dir)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = format!("{TEST_PASSWORD}\n");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{stderr}",
        text(&out.stdout)
    );
    assert!(stderr.contains("warning: Your keyring"), "{stderr}");
    assert!(stderr.contains("is locked"), "{stderr}");
    assert!(stderr.contains("used for this session only"), "{stderr}");
    assert!(
        text(&out.stdout).contains("Success"),
        "the test itself went on"
    );
    assert!(!stderr.contains(TEST_PASSWORD));
}

/// `webconfig update --profile` and `snippet --profile` take the password from the keyring when
/// they are asked to write it, and need none when they are not.
#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn writing_the_password_takes_it_from_the_keyring() {
    require_keyring();
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let site = dir.join("web.config");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webconfig/correct.config");
    std::fs::copy(&fixture, &site).unwrap();
    let user = format!("webconfig-{}@example.com", std::process::id());
    let out = mailtester(
        dir,
        &[
            "profile",
            "save",
            "site",
            "--host",
            "smtp.example.com",
            "--port",
            "587",
            "--user",
            &user,
            "--from",
            &user,
            "--enable-ssl",
            "true",
            "--password-stdin",
            "--save-password",
        ],
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let site_arg = site.to_str().unwrap();
    let out = mailtester(
        dir,
        &[
            "webconfig",
            "update",
            site_arg,
            "--profile",
            "site",
            "--include-password",
            "--yes",
        ],
        "",
    )
    .await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("Using the password saved in the keyring"));
    let written = std::fs::read_to_string(&site).unwrap();
    assert!(
        written.contains("password=\"Secr3t&amp;&lt;&quot;pass\""),
        "{written}"
    );
    assert!(!text(&out.stdout).contains("Secr3t"), "never in the diff");

    // Not asked to write it: no keyring, no password needed.
    let out = mailtester(dir, &["snippet", "--profile", "site"], "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("YOUR-PASSWORD-HERE"));
    let out = mailtester(
        dir,
        &["snippet", "--profile", "site", "--include-password"],
        "",
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Secr3t&amp;&lt;&quot;pass"));

    let out = mailtester(dir, &["profile", "delete", "site", "--forget-password"], "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}
