//! The leak suite: every command, through success, each failure stage and servers that echo
//! the sign-in back, with reports, profiles and snippets; everything produced (stdout, stderr,
//! JSON, written files, the config and temp folders) is searched for the password in every
//! form it could take. The window's part is in `tests/gui_leaks.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "leaks/forms.rs"]
mod forms;
mod support;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use forms::{PASSWORD, USER, assert_clean, files_under};
use support::pki::{CertKind, TestPki};
use support::smtp_server::{Banner, ServerConfig, TestServer};

/// A sandbox for one run: its own config folder and temp folder, searched afterwards.
struct Sandbox {
    config: tempfile::TempDir,
    temp: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            config: tempfile::tempdir().unwrap(),
            temp: tempfile::tempdir().unwrap(),
        }
    }

    async fn run(&self, args: &[&str], stdin: &str) -> std::process::Output {
        let envs = vec![
            (
                "MAILTESTER_CONFIG_DIR".to_owned(),
                self.config.path().display().to_string(),
            ),
            ("TMPDIR".to_owned(), self.temp.path().display().to_string()),
        ];
        support::bin::run_async(support::bin::strings(args), envs, stdin).await
    }

    /// Searches the run's outputs and both folders.
    fn assert_clean(&self, what: &str, output: &std::process::Output) {
        assert_clean(
            &format!("{what}: stdout"),
            &String::from_utf8_lossy(&output.stdout),
        );
        assert_clean(
            &format!("{what}: stderr"),
            &String::from_utf8_lossy(&output.stderr),
        );
        self.assert_folders_clean(what);
    }

    fn assert_folders_clean(&self, what: &str) {
        for dir in [self.config.path(), self.temp.path()] {
            for (path, text) in files_under(dir) {
                assert_clean(&format!("{what}: file {path}"), &text);
            }
        }
    }
}

fn login_b64() -> String {
    STANDARD.encode(PASSWORD)
}

fn plain_token() -> String {
    STANDARD.encode(format!("\0{USER}\0{PASSWORD}"))
}

/// Servers that succeed, fail at each stage, or echo the sign-in back in their replies.
fn servers() -> Vec<(&'static str, ServerConfig)> {
    let users = vec![(USER.to_owned(), PASSWORD.to_owned())];
    let base = ServerConfig {
        users: users.clone(),
        ..ServerConfig::default()
    };
    let token = plain_token();
    let (head, tail) = token.split_at(token.len() / 2);
    vec![
        ("success", base.clone()),
        (
            "refused sign-in echoing the LOGIN password",
            ServerConfig {
                users: Vec::new(),
                require_auth: true,
                auth_failure_reply: format!("535 5.7.8 Bad password {}", login_b64()),
                auth_required_reply: format!("530 5.7.0 You said {PASSWORD}, sign in first"),
                ..base.clone()
            },
        ),
        (
            "recipient refused with the PLAIN token wrapped over two lines",
            ServerConfig {
                rcpt_reply: Some(vec![
                    format!("550-5.1.1 {head}"),
                    format!("550 5.1.1 {tail}"),
                ]),
                ..base.clone()
            },
        ),
        (
            "message refused quoting part of the token",
            ServerConfig {
                data_end_reply: Some(vec![format!("554 5.7.1 rejected {}", &token[4..20])]),
                ..base.clone()
            },
        ),
        (
            "greeting with the password in it",
            ServerConfig {
                banner: Banner::Normal(format!("220 {PASSWORD} ESMTP")),
                ..base.clone()
            },
        ),
        (
            "certificate for another name",
            ServerConfig {
                cert: CertKind::WrongName,
                ..base.clone()
            },
        ),
        (
            "sign-in on an unencrypted connection (generic target)",
            ServerConfig {
                auth_before_tls: true,
                offer_starttls: false,
                auth_failure_reply: format!("535 {}", plain_token()),
                users: Vec::new(),
                ..base
            },
        ),
    ]
}

#[tokio::test]
async fn send_never_leaks_whatever_the_server_does() {
    let ca = TestPki::get().ca_pem_path().to_str().unwrap().to_owned();
    for (name, config) in servers() {
        let server = TestServer::start(config).await;
        let port = server.port().to_string();
        let sandbox = Sandbox::new();
        let report = sandbox.temp.path().join("report.txt");
        let report = report.to_str().unwrap();
        for target in ["dotnet", "generic"] {
            let mut args = vec![
                "send",
                "--host",
                "localhost",
                "--port",
                &port,
                "--user",
                USER,
                "--password-stdin",
                "--from",
                USER,
                "--to",
                USER,
                "--enable-ssl",
                "true",
                "--ca-file",
                &ca,
                "--timeout",
                "5",
                "--target",
                target,
                "--allow-plaintext-password",
            ];
            let output = sandbox.run(&args, &format!("{PASSWORD}\n")).await;
            sandbox.assert_clean(&format!("{name}, {target}, text"), &output);
            args.extend(["--json", "--report", report]);
            let output = sandbox.run(&args, &format!("{PASSWORD}\n")).await;
            sandbox.assert_clean(&format!("{name}, {target}, JSON and report"), &output);
            assert!(
                std::path::Path::new(report).exists(),
                "{name}: the report was written"
            );
        }
        // The server really did hear the password (the tests above would pass vacuously if
        // the client never sent it).
        if name == "success" {
            assert!(server.commands().iter().any(|c| c == &login_b64()));
        }
    }
}

#[tokio::test]
async fn profiles_snippets_and_web_config_never_leak_unless_asked_to_write_it() {
    let sandbox = Sandbox::new();
    let settings = [
        "--host",
        "smtp.example.com",
        "--port",
        "587",
        "--user",
        USER,
        "--from",
        USER,
        "--enable-ssl",
        "true",
        "--password-stdin",
    ];
    let stdin = format!("{PASSWORD}\n");
    let output = sandbox
        .run(
            &[&["profile", "save", "shop"][..], &settings].concat(),
            &stdin,
        )
        .await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    sandbox.assert_clean("profile save", &output);
    for args in [&["profile", "show", "shop"][..], &["profile", "list"]] {
        let output = sandbox.run(args, "").await;
        sandbox.assert_clean(&args.join(" "), &output);
    }
    for format in [
        "all",
        "web.config",
        "laravel",
        "django",
        "nodemailer",
        "symfony",
        "mailkit",
    ] {
        let args = [&["snippet", "--format", format][..], &settings].concat();
        let output = sandbox.run(&args, &stdin).await;
        sandbox.assert_clean(&format!("snippet {format}"), &output);
        let args = [&["snippet", "--format", format, "--json"][..], &settings].concat();
        let output = sandbox.run(&args, &stdin).await;
        sandbox.assert_clean(&format!("snippet {format} --json"), &output);
    }
    // Asked for: the snippet holds it, and only the snippet.
    let args = [&["snippet", "--include-password"][..], &settings].concat();
    let output = sandbox.run(&args, &stdin).await;
    assert!(String::from_utf8_lossy(&output.stdout).contains("Le@k&amp;&lt;&quot;"));
    assert_clean(
        "snippet --include-password: stderr",
        &String::from_utf8_lossy(&output.stderr),
    );
    sandbox.assert_folders_clean("snippet --include-password");

    // web.config: written into the file when asked, never shown in the diff or anywhere else.
    let site_dir = tempfile::tempdir().unwrap();
    let site = site_dir.path().join("web.config");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/webconfig/correct.config"),
        &site,
    )
    .unwrap();
    let site_arg = site.to_str().unwrap();
    for extra in [&["--dry-run"][..], &["--include-password", "--yes"]] {
        let args = [&["webconfig", "update", site_arg][..], extra, &settings].concat();
        let output = sandbox.run(&args, &stdin).await;
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        sandbox.assert_clean(&format!("webconfig update {extra:?}"), &output);
    }
    let written = std::fs::read_to_string(&site).unwrap();
    assert!(
        written.contains("Le@k&amp;&lt;&quot;"),
        "written when asked: {written}"
    );
    for (path, text) in files_under(site_dir.path()) {
        if std::path::Path::new(&path)
            .extension()
            .is_some_and(|extension| extension == "bak")
        {
            assert_clean(&format!("the backup {path}"), &text);
        }
    }
    let output = sandbox
        .run(&["webconfig", "import", site_arg, "--json"], "")
        .await;
    sandbox.assert_clean("webconfig import", &output);
    let output = sandbox.run(&["webconfig", "lint", site_arg], "").await;
    sandbox.assert_clean("webconfig lint", &output);
}
