//! `mailtester snippet`: escaping, the formats as text and JSON, and a password only when one
//! is written.

use super::*;

#[tokio::test]
async fn snippet_escapes_and_includes_the_password_only_on_request() {
    let base = |extra: &[&str]| {
        let mut args: Vec<String> = [
            "snippet",
            "--host",
            "smtp.example.com",
            "--port",
            "587",
            "--enable-ssl",
            "true",
            "--user",
            "site@example.com",
            "--password-env",
            "MAILTESTER_TEST_PW",
            "--from",
            "site@example.com",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    };
    let run = |args: Vec<String>| {
        tokio::task::spawn_blocking(move || {
            support::bin::output(
                Command::new(env!("CARGO_BIN_EXE_mailtester"))
                    .args(&args)
                    .env("MAILTESTER_TEST_PW", TEST_PASSWORD),
            )
        })
    };
    let output = run(base(&[])).await.unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_no_password(&text(&output.stdout));
    let output = run(base(&["--include-password"])).await.unwrap();
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(r#"password="Secr3t&amp;&lt;&quot;pass""#),
        "{stdout}"
    );
}

#[tokio::test]
async fn snippet_formats_text_and_json() {
    let run = |extra: &[&str]| {
        let mut args: Vec<String> = [
            "snippet",
            "--host",
            "smtp.example.com",
            "--port",
            "465",
            "--security",
            "tls",
            "--target",
            "generic",
            "--user",
            "site@example.com",
            "--password-env",
            "MAILTESTER_TEST_PW",
            "--from",
            "site@example.com",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        tokio::task::spawn_blocking(move || {
            support::bin::output(
                Command::new(env!("CARGO_BIN_EXE_mailtester"))
                    .args(&args)
                    .env("MAILTESTER_TEST_PW", TEST_PASSWORD),
            )
        })
    };
    let output = run(&["--format", "laravel"]).await.unwrap();
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(stdout.contains("MAIL_SCHEME=smtps\n"), "{stdout}");
    assert!(stdout.contains("MAIL_PORT=465\n"), "{stdout}");
    assert_no_password(&stdout);

    let output = run(&["--format", "all"]).await.unwrap();
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    for heading in [
        "==== web.config ====",
        "==== PHPMailer (PHP code) ====",
        "==== WordPress (wp-config.php) ====",
        "==== Laravel (.env) ====",
        "==== Django (settings.py) ====",
        "==== Node.js (Nodemailer) ====",
        "==== Symfony (.env.local) ====",
        "==== ASP.NET Core (appsettings.json, MailKit) ====",
    ] {
        assert!(stdout.contains(heading), "{heading} in {stdout}");
    }
    assert!(
        stdout.contains(
            "MAILER_DSN=smtps://site%40example.com:YOUR-PASSWORD-HERE@smtp.example.com:465"
        )
    );
    assert_no_password(&stdout);

    let output = run(&["--format", "mailkit", "--json", "--include-password"])
        .await
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(doc["snippet"]["format"], "mail_kit");
    assert_eq!(doc["snippet"]["includes_password"], true);
    let inner: serde_json::Value =
        serde_json::from_str(doc["snippet"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(inner["Smtp"]["Password"], TEST_PASSWORD);
    assert_eq!(inner["Smtp"]["SecureSocketOptions"], "SslOnConnect");

    let output = run(&["--format", "all", "--json"]).await.unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let formats: Vec<&str> = doc["snippets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["format"].as_str().unwrap())
        .collect();
    assert_eq!(
        formats,
        [
            "web_config",
            "php_mailer",
            "word_press",
            "laravel",
            "django",
            "nodemailer",
            "symfony",
            "mail_kit"
        ]
    );
    assert_no_password(&text(&output.stdout));

    let output = run(&["--format", "cobol"]).await.unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("phpmailer"));
}

/// A password is needed only when it will be used or written: a snippet or a web.config update
/// with a user name and no password writes a placeholder (or leaves the password as it is).
#[tokio::test]
async fn no_password_is_asked_for_when_none_is_written() {
    let settings = [
        "--host",
        "smtp.example.com",
        "--port",
        "587",
        "--user",
        "site@example.com",
        "--from",
        "site@example.com",
        "--enable-ssl",
        "true",
    ];
    let output = mailtester(
        [&["snippet"][..], &settings]
            .concat()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("password=\"YOUR-PASSWORD-HERE\""));

    let output = mailtester(
        [&["snippet", "--include-password"][..], &settings]
            .concat()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(2), "writing it needs it");
    assert!(text(&output.stderr).contains("--password-stdin"));

    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("web.config");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/webconfig/correct.config"),
        &site,
    )
    .unwrap();
    let site = site.to_str().unwrap().to_owned();
    let args: Vec<String> = [
        &["webconfig", "update", site.as_str(), "--dry-run"][..],
        &settings,
    ]
    .concat()
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let output = mailtester(args, "").await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Nothing to change") || stdout.contains("Dry run: nothing was written."),
        "{stdout}"
    );
}
