//! The command line's keyring flow end to end: `--save-password`, `--profile`, a locked
//! keyring, and a password written from the keyring.

use super::*;

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn the_cli_keeps_the_password_in_the_keyring_only() {
    let _one_at_a_time = require_keyring();
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let port = server.port().to_string();
    let ca = TestPki::get().ca_pem_path().to_str().unwrap().to_owned();
    let account = format!("{TEST_USER}@localhost:{port}");

    let out = save_shop_with_password(dir, &port, &ca).await;
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
    let out = send_shop_saving(dir, "wrong-password").await;
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
    let out = send_shop_saving(dir, TEST_PASSWORD).await;
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("Saved the password"));
    let out = mailtester(dir, &["profile", "delete", "shop", "--forget-password"], "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Removed the saved password"));

    // The profiles file never held it.
    let file = std::fs::read_to_string(dir.join("profiles.toml")).unwrap();
    assert!(!file.contains(TEST_PASSWORD));
}

// Not on Windows: the Credential Manager cannot be locked while the user is signed in.
#[cfg(not(windows))]
#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn a_locked_keyring_is_a_plain_warning_and_the_test_goes_on() {
    let _one_at_a_time = require_keyring();
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
    let _one_at_a_time = require_keyring();
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

/// `profile save shop` for the test server, the password given and saved in the keyring.
async fn save_shop_with_password(dir: &Path, port: &str, ca: &str) -> Output {
    let args = [
        "profile",
        "save",
        "shop",
        "--host",
        "localhost",
        "--port",
        port,
        "--user",
        TEST_USER,
        "--from",
        TEST_USER,
        "--enable-ssl",
        "true",
        "--timeout",
        "5",
        "--ca-file",
        ca,
        "--password-stdin",
        "--save-password",
    ];
    mailtester(dir, &args, &format!("{TEST_PASSWORD}\n")).await
}

/// `send --profile shop` with `password`, asking to save it after a good sign-in.
async fn send_shop_saving(dir: &Path, password: &str) -> Output {
    let args = [
        "send",
        "--profile",
        "shop",
        "--password-stdin",
        "--save-password",
    ];
    mailtester(dir, &args, &format!("{password}\n")).await
}

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn the_mailbox_password_is_saved_once_and_found_for_the_next_inbox_check() {
    use std::sync::Arc;

    use support::imap_server::{IMAP_PASSWORD, IMAP_USER, ImapServer};

    let _one_at_a_time = require_keyring();
    let smtp = Arc::new(TestServer::start(ServerConfig::default()).await);
    let imap = ImapServer::delivering(&smtp, "INBOX").await;
    let config = tempfile::tempdir().unwrap();
    let mailbox = format!("imaps://{IMAP_USER}@localhost:{}", imap.port());
    let send = |extra: &[&str]| -> Vec<String> {
        let flags: &[&str] = &[
            "--from",
            TEST_USER,
            "--to",
            IMAP_USER,
            "--check-inbox",
            &mailbox,
            "--inbox-wait",
            "5",
        ];
        support::bin::send_to_test_server(smtp.port(), &[flags, extra].concat())
    };
    let args = send(&["--inbox-password-stdin", "--save-inbox-password"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stdin = format!("{TEST_PASSWORD}\n{IMAP_PASSWORD}\n");
    let out = mailtester(config.path(), &args, &stdin).await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let account = Account::new(IMAP_USER, "localhost", u32::from(imap.port()));
    assert!(
        text(&out.stderr).contains(&format!(
            "Saved the password for {account} in the system keyring"
        )),
        "{}",
        text(&out.stderr)
    );
    if let Some(lookup) = secret_tool(&["lookup", "service", SERVICE, "username", &account.key()]) {
        assert_eq!(text(&lookup.stdout), IMAP_PASSWORD);
    }
    // No mailbox password given: the keyring's is used.
    let args = send(&[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = mailtester(config.path(), &args, &format!("{TEST_PASSWORD}\n")).await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Arrived in the inbox"),
        "{}",
        text(&out.stdout)
    );
    assert!(!text(&out.stdout).contains(IMAP_PASSWORD));
    credentials::forget(&account).unwrap();
}

/// `profile forget-everything` (the uninstaller's "also remove my saved settings"): every
/// profile, the passwords their accounts saved and any other password saved under our service
/// (an inbox check's) are gone; another program's entry is left alone.
#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn forget_everything_removes_every_profile_and_every_password_we_saved() {
    let _one_at_a_time = require_keyring();
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let port = server.port().to_string();
    let ca = TestPki::get().ca_pem_path().to_str().unwrap().to_owned();
    let out = save_shop_with_password(dir, &port, &ca).await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // A password no profile names (as the inbox check keeps one).
    let mailbox = Account::new("inbox-user@example.com", "imap.example.com", 993);
    credentials::save(&mailbox, &Password::new("inbox-secret")).unwrap();
    // Another program's entry in the same keyring.
    let other = keyring_core::Entry::new_in_store(
        &keyring_store(),
        "another-program",
        &format!("someone-{}", std::process::id()),
    )
    .unwrap();
    other.set_password("not ours").unwrap();

    let out = mailtester(dir, &["profile", "forget-everything"], "").await;
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("run again with --yes"),
        "asks first"
    );
    assert!(
        credentials::load(&mailbox).unwrap().is_some(),
        "nothing removed yet"
    );

    let out = mailtester(dir, &["profile", "forget-everything", "--yes"], "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // At least the two saved here (a keyring kept between runs may hold older ones of ours).
    let removed: usize = text(&out.stdout)
        .strip_prefix("Removed 1 profile(s) and ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("{}", text(&out.stdout)));
    assert!(removed >= 2, "{}", text(&out.stdout));
    let shop = Account::new(TEST_USER, "localhost", server.port().into());
    assert_eq!(credentials::load(&shop).unwrap(), None);
    assert_eq!(credentials::load(&mailbox).unwrap(), None);
    let out = mailtester(dir, &["profile", "list"], "").await;
    assert!(text(&out.stdout).contains("No profiles yet"));
    assert_eq!(other.get_password().unwrap(), "not ours");
    other.delete_credential().unwrap();
}
