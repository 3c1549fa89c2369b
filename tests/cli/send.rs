//! `mailtester send`: the live transcript, the checklist, the snippet, the JSON document and
//! the seed scenario.

use super::*;

#[tokio::test]
async fn send_prints_the_live_transcript_checklist_and_snippet() {
    let server = TestServer::start(ServerConfig::default()).await;
    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true"]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&output.stderr)
    );
    assert!(stdout.contains("<- 220 fake.test ESMTP FakeSMTP"));
    assert!(stdout.contains("-> STARTTLS"));
    assert!(stdout.contains("~> AUTH login <redacted>"));
    assert!(stdout.contains("~> <redacted>"));
    assert!(stdout.contains("** encrypted with TLS 1."));
    assert!(stdout.contains("[ok]      Sign in"));
    assert!(stdout.contains(r#"enableSsl="true""#));
    assert!(stdout.contains(r#"password="YOUR-PASSWORD-HERE""#));
    assert!(stdout.contains(
        "Other platforms: mailtester snippet --format phpmailer|wordpress|laravel|django|nodemailer|symfony|mailkit"
    ));
    assert_no_password(&stdout);
    assert_no_password(&text(&output.stderr));
}

#[tokio::test]
async fn json_document_has_every_part() {
    let server = TestServer::start(ServerConfig::default()).await;
    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true", "--json"]),
        TEST_PASSWORD,
    )
    .await;
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(doc["ok"], true);
    assert!(doc["diagnosis"].is_null());
    assert!(
        doc["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["step"] == "auth" && s["status"] == "passed")
    );
    let transcript = doc["transcript"].as_array().unwrap();
    assert!(
        transcript
            .iter()
            .any(|l| l["dir"] == "server" && l["encrypted"] == true)
    );
    assert!(transcript.iter().all(|l| l["ms"].is_u64()));
    assert!(
        doc["server"]["auth_mechanisms"]
            .as_array()
            .unwrap()
            .contains(&"LOGIN".into())
    );
    assert!(
        doc["server"]["banner"]
            .as_str()
            .unwrap()
            .contains("fake.test")
    );
    assert!(
        doc["certificate"]["names"]
            .as_array()
            .unwrap()
            .contains(&"localhost".into())
    );
    assert!(
        doc["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains("<mailSettings>")
    );
    assert_no_password(&stdout);
}

#[tokio::test]
async fn seed_scenario_on_the_command_line() {
    let server = TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let output = mailtester(send_args(&server, &[]), TEST_PASSWORD).await;
    let stdout = text(&output.stdout);
    // Refused at MAIL FROM, but the item to fix is the secure connection: exit 4, and the
    // checklist blames the same item the window does.
    assert_eq!(output.status.code(), Some(4), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.contains("[FAILED]") && l.contains("Secure connection")),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.contains("[stopped]") && l.contains("Send message")),
        "{stdout}"
    );
    assert!(stdout.contains("[tls_required]"));
    assert!(stdout.contains("--enable-ssl true"));
    assert!(stdout.contains("enableSsl: false → true"));
    assert!(stdout.contains("530 5.7.0 Must issue a STARTTLS command first"));

    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true", "--json"]),
        TEST_PASSWORD,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
    assert_eq!(doc["ok"], true);
    assert!(
        doc["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains(r#"enableSsl="true""#)
    );
}

/// A refused password exits 5 for either target: ASP.NET goes on after the refusal and the
/// server then refuses MAIL FROM (once exit 6), other programs stop at AUTH.
#[tokio::test]
async fn a_wrong_password_exits_5_whatever_the_target() {
    let server = TestServer::start(ServerConfig {
        users: Vec::new(),
        require_auth: true,
        ..ServerConfig::default()
    })
    .await;
    for target in ["dotnet", "generic"] {
        let output = mailtester(
            send_args(&server, &["--enable-ssl", "true", "--target", target]),
            TEST_PASSWORD,
        )
        .await;
        let stdout = text(&output.stdout);
        assert_eq!(output.status.code(), Some(5), "{target}: {stdout}");
        assert!(stdout.contains("[auth_failed]"), "{target}: {stdout}");
    }
}

#[tokio::test]
async fn failure_json_carries_the_diagnosis() {
    let server = TestServer::start(ServerConfig {
        users: Vec::new(),
        ..ServerConfig::default()
    })
    .await;
    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true", "--json"]),
        TEST_PASSWORD,
    )
    .await;
    assert_eq!(output.status.code(), Some(5));
    let stdout = text(&output.stdout);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["diagnosis"]["id"], "auth_failed");
    assert!(
        !doc["diagnosis"]["steps_to_fix"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(doc["snippet"].is_null());
    assert_no_password(&stdout);
}

/// `--ca-file` takes a DER `.cer` (what Windows' certificate export writes) as well as PEM, and
/// the ASP.NET target trusts it on top of the system's roots (under Wine: through the Windows
/// certificate store's verifier).
#[tokio::test]
async fn a_der_cer_ca_file_is_trusted_like_a_pem_one() {
    let server = TestServer::start(ServerConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let cer = dir.path().join("company-ca.cer");
    std::fs::write(&cer, TestPki::get().ca_der().as_ref()).unwrap();
    let mut args = send_args(&server, &["--enable-ssl", "true"]);
    let ca_at = args.iter().position(|arg| arg == "--ca-file").unwrap() + 1;
    args[ca_at] = cer.display().to_string();
    let output = mailtester(args, &format!("{TEST_PASSWORD}\n")).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    assert!(text(&output.stdout).contains("~> AUTH login <redacted>"));
}
