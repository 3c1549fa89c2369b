//! `mailtester profile ...`, `send --profile` and `send --report`, run as a user would, with a
//! private config folder. These never touch a real keyring on Linux: the keyring steps here run
//! with a D-Bus address that leads nowhere (the real keyring is tested in tests/keyring.rs). On
//! Windows the Credential Manager is always there; nothing here saves to it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;
use std::process::Output;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};

/// Runs `mailtester` off the async runtime with the config folder `config` and no keyring.
async fn mailtester(config: &Path, args: Vec<String>, stdin: &str) -> Output {
    let envs = vec![
        (
            "MAILTESTER_CONFIG_DIR".to_owned(),
            config.display().to_string(),
        ),
        (
            "DBUS_SESSION_BUS_ADDRESS".to_owned(),
            "unix:path=/nonexistent/mailtester-no-bus".to_owned(),
        ),
    ];
    support::bin::run_async(args, envs, stdin).await
}

use support::bin::strings;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn password_forms() -> Vec<String> {
    vec![
        TEST_PASSWORD.to_owned(),
        STANDARD.encode(TEST_PASSWORD),
        STANDARD.encode(format!("\0{TEST_USER}\0{TEST_PASSWORD}")),
        STANDARD.encode(format!("{TEST_USER}\0{TEST_USER}\0{TEST_PASSWORD}")),
    ]
}

fn assert_no_password(what: &str, output: &str) {
    for secret in password_forms() {
        assert!(
            !output.contains(&secret),
            "the password leaked in {what} as {secret}"
        );
    }
}

/// Every file under `dir`, read whole: none may hold the password in any form.
fn assert_no_password_in_files(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert_no_password_in_files(&path);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            assert_no_password(
                &path.display().to_string(),
                &String::from_utf8_lossy(&bytes),
            );
        }
    }
}

/// `profile save shop` for the test server: everything but the password.
fn save_args(server: &TestServer, extra: &[&str]) -> Vec<String> {
    let port = server.port().to_string();
    let ca = TestPki::get().ca_pem_path().to_str().unwrap().to_owned();
    let mut args = strings(&[
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
        "--client-domain",
        "tester.example",
        "--timeout",
        "5",
        "--ca-file",
        &ca,
    ]);
    args.extend(strings(extra));
    args
}

#[tokio::test]
async fn save_list_show_rename_delete() {
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();

    let out = mailtester(dir, save_args(&server, &["--enable-ssl", "true"]), "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Saved profile \"shop\""));
    let file = std::fs::read_to_string(dir.join("profiles.toml")).unwrap();
    assert!(file.contains("[profiles.shop]"), "{file}");

    let out = mailtester(dir, strings(&["profile", "list"]), "").await;
    assert!(text(&out.stdout).contains("shop"));
    assert!(text(&out.stdout).contains(&format!("localhost:{}", server.port())));

    let out = mailtester(dir, strings(&["profile", "show", "shop", "--json"]), "").await;
    let doc: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(doc["settings"]["host"], "localhost");
    assert!(doc["settings"].get("password").is_none());
    if cfg!(windows) {
        // The Credential Manager is always there (under Wine too): nothing is saved for it yet.
        assert_eq!(doc["password_saved"], false, "{doc}");
    } else {
        assert!(doc["password_saved"].is_null(), "no keyring here: unknown");
        assert!(
            doc["keyring_error"]
                .as_str()
                .unwrap()
                .starts_with("There is no keyring on this computer")
        );
    }

    let out = mailtester(dir, strings(&["profile", "rename", "shop", "store"]), "").await;
    assert_eq!(out.status.code(), Some(0));
    let out = mailtester(dir, strings(&["profile", "show", "shop"]), "").await;
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("There is no profile named \"shop\""));

    let out = mailtester(
        dir,
        strings(&[
            "profile",
            "save",
            "a/b",
            "--host",
            "h",
            "--port",
            "25",
            "--from",
            "a@b.example",
        ]),
        "",
    )
    .await;
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot be a profile name"));

    let out = mailtester(dir, strings(&["profile", "delete", "store"]), "").await;
    assert_eq!(out.status.code(), Some(0));
    let out = mailtester(dir, strings(&["profile", "list", "--json"]), "").await;
    let doc: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(doc["profiles"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn send_with_a_profile_uses_its_settings_and_flags_override_them() {
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let out = mailtester(dir, save_args(&server, &["--enable-ssl", "false"]), "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // The profile says enableSsl=false; the flag turns it on for this run only.
    let out = mailtester(
        dir,
        strings(&[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--enable-ssl",
            "true",
        ]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(stdout.contains("-> STARTTLS"));
    assert!(stdout.contains("~> AUTH login <redacted>"));
    assert!(
        stdout.contains("EHLO tester.example"),
        "the profile's clientDomain"
    );
    assert_no_password("stdout", &stdout);

    // Flags override the profile in snippets too.
    let out = mailtester(
        dir,
        strings(&["snippet", "--profile", "shop", "--port", "2525"]),
        "",
    )
    .await;
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains(r#"port="2525""#), "{stdout}");
    assert!(stdout.contains(r#"enableSsl="false""#), "{stdout}");

    // --profile and --preset do not mix.
    let out = mailtester(
        dir,
        strings(&["send", "--profile", "shop", "--preset", "gmail"]),
        "",
    )
    .await;
    assert_eq!(out.status.code(), Some(2));
}

#[tokio::test]
#[cfg_attr(
    windows,
    ignore = "Windows always has its Credential Manager, and a D-Bus address cannot take it away; the Windows keyring is tested in tests/keyring.rs"
)]
async fn without_a_keyring_the_password_is_for_this_run_only_and_never_in_a_file() {
    let server = TestServer::start(ServerConfig::default()).await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();

    let out = mailtester(
        dir,
        save_args(
            &server,
            &[
                "--enable-ssl",
                "true",
                "--password-stdin",
                "--save-password",
            ],
        ),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a keyring failure is a warning: {stderr}"
    );
    assert!(
        stderr.contains("warning: There is no keyring on this computer"),
        "{stderr}"
    );
    assert!(stderr.contains("used for this session only"), "{stderr}");
    assert_no_password("stderr", &stderr);

    // No password anywhere: send needs one and says how to give it.
    let out = mailtester(dir, strings(&["send", "--profile", "shop"]), "").await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("There is no keyring on this computer"),
        "{stderr}"
    );
    assert!(stderr.contains("--password-stdin"), "{stderr}");

    // send --save-password without a keyring: the test runs, the warning is printed.
    let out = mailtester(
        dir,
        strings(&[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--save-password",
        ]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warning: There is no keyring"));

    assert_no_password_in_files(dir);
}

#[tokio::test]
async fn a_corrupt_profiles_file_is_moved_aside_not_lost() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    std::fs::write(dir.join("profiles.toml"), "[profiles.shop\nhost = 'x'\n").unwrap();
    let out = mailtester(dir, strings(&["profile", "list"]), "").await;
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("The profiles file could not be read"),
        "{stderr}"
    );
    assert!(stderr.contains("profiles.toml.corrupt-"), "{stderr}");
    let moved: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(moved.len(), 1);
    assert!(moved[0].starts_with("profiles.toml.corrupt-"));
}

#[tokio::test]
async fn the_support_report_has_the_transcript_and_diagnosis_but_no_password() {
    let server = TestServer::start(ServerConfig {
        users: Vec::new(),
        ..ServerConfig::default()
    })
    .await;
    let config = tempfile::tempdir().unwrap();
    let dir = config.path();
    let out = mailtester(dir, save_args(&server, &["--enable-ssl", "true"]), "").await;
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = dir.join("support.md");
    let report_arg = report.to_str().unwrap().to_owned();

    let out = mailtester(
        dir,
        strings(&[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--report",
            &report_arg,
        ]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!("Support report written to {report_arg}")));
    let body = std::fs::read_to_string(&report).unwrap();
    assert!(body.starts_with("# Mail Settings Tester support report"));
    assert!(body.contains(env!("CARGO_PKG_VERSION")));
    assert!(body.contains("- password: set (not included)"));
    assert!(body.contains("[auth_failed]"), "{body}");
    assert!(body.contains("What to do:"));
    assert!(body.contains("## Transcript"));
    assert!(body.contains("<- 220 fake.test ESMTP FakeSMTP"), "{body}");
    assert!(body.contains("~> AUTH login <redacted>"));
    assert!(body.contains("~> <redacted>"));
    assert!(body.contains("TLS version: TLS"), "{body}");
    assert!(body.contains("SHA-256 fingerprint:"));
    assert!(body.contains("- EHLO extensions:"));
    assert!(body.contains("- [FAILED] Sign in"), "{body}");
    assert_no_password("the report", &body);

    // A second run replaces the earlier report, with --json too (the note goes to stderr).
    let out = mailtester(
        dir,
        strings(&[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--json",
            "--report",
            &report_arg,
        ]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    serde_json::from_str::<serde_json::Value>(&text(&out.stdout))
        .expect("stdout stays one JSON document");
    assert!(text(&out.stderr).contains("Support report written to"));

    // Someone else's file is never overwritten.
    let precious = dir.join("web.config");
    std::fs::write(&precious, "<configuration/>").unwrap();
    let out = mailtester(
        dir,
        strings(&[
            "send",
            "--profile",
            "shop",
            "--password-stdin",
            "--report",
            precious.to_str().unwrap(),
        ]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    assert_eq!(out.status.code(), Some(5));
    assert!(text(&out.stderr).contains("is not a report from this tester"));
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "<configuration/>"
    );
}
