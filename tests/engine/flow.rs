//! How a session runs: the generic target's choices, probing, cancelling and slow replies.

use super::*;

#[tokio::test]
async fn generic_target_prefers_plain_and_redacts_it() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        target: Target::Generic,
        ..settings_for(&server)
    };
    let (report, events) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(server.auth_mechanisms_used(), vec!["PLAIN"]);
    assert!(transcript_text(&report).contains(&"~> AUTH PLAIN <redacted>".to_owned()));
    assert_no_secret(&settings, &report, &events);
}

#[tokio::test]
async fn probe_stops_after_ehlo_without_sending() {
    let server = TestServer::start(ServerConfig::default()).await;
    let (report, _) = run_until(
        &settings_for(&server),
        Goal::Probe,
        CancellationToken::new(),
    )
    .await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(report.server.offers("AUTH"));
    let commands = server.commands();
    assert!(
        commands
            .iter()
            .all(|c| !c.starts_with("AUTH") && !c.starts_with("MAIL"))
    );
    assert_eq!(commands.last().map(String::as_str), Some("QUIT"));
}

#[tokio::test]
async fn cancel_ends_the_session_and_says_quit() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::RcptTo)),
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        timeouts: Timeouts::uniform(60),
        ..settings_for(&server)
    };
    let cancel = CancellationToken::new();
    let session = tokio::spawn({
        let cancel = cancel.clone();
        async move { run_until(&settings, Goal::Send, cancel).await }
    });
    assert!(
        server
            .wait_for_command("RCPT", Duration::from_secs(10))
            .await
    );
    cancel.cancel();
    // Bounded far below the 60 s command timeout: the cancel, not the timeout, ended it.
    let (report, _) = tokio::time::timeout(Duration::from_secs(5), session)
        .await
        .expect("cancel takes effect")
        .unwrap();
    assert_eq!(
        report.error,
        Some(SessionError::Cancelled { step: Step::RcptTo })
    );
    assert!(
        server
            .wait_for_command("QUIT", Duration::from_secs(5))
            .await
    );
    assert_eq!(
        diagnosis_id(&settings_for(&server), &report),
        DiagnosisId::Cancelled
    );
}

#[tokio::test]
async fn slow_multi_line_replies_are_read_whole() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::SlowLines(Duration::from_millis(20))),
        banner: Banner::Lines(vec![
            "220-fake.test ESMTP".into(),
            "220-second line".into(),
            "220 ready".into(),
        ]),
        ..ServerConfig::default()
    })
    .await;
    let (report, _) = run(&settings_for(&server)).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(
        report.server.banner.as_deref(),
        Some("fake.test ESMTP second line ready")
    );
}
