//! The engine (`discover`) against the test domain: ranking, reasons, the mismatch
//! suggestion, no password, concurrency and cancellation.

use mail_settings_tester::discover::{DiscoveryEvent, Reachability, Verdict, discover};
use mail_settings_tester::settings::{Security, Target};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::support::pki::CertKind;
use super::{World, run};

#[tokio::test]
async fn srv_starttls_with_auth_on_the_good_port_is_recommended_for_aspnet() {
    let world = World::start().await;
    let ports = [
        world.good.port(),
        world.wrong_name.port(),
        world.refused_port,
    ];
    let (report, _) = run(world.request(&ports, 5)).await;

    let best = report.recommended.as_ref().expect("a usable server");
    assert_eq!(best.host, "smtp.shop.test", "the SRV host ranks first");
    assert_eq!(best.port, world.good.port());
    assert_eq!(best.security, Security::StartTls);
    assert!(best.enable_ssl);
    assert!(best.why.contains("LOGIN"), "{}", best.why);
    assert!(best.why.contains("SRV"), "{}", best.why);

    let first = &report.candidates[0];
    assert!(first.usable);
    assert_eq!(first.auth_after_tls, ["PLAIN", "LOGIN"]);
    assert!(
        first.auth_before_tls.is_empty(),
        "the fake offers AUTH only after TLS"
    );
    assert!(first.extensions.iter().any(|e| e.starts_with("AUTH")));
    let cert = first.certificate.as_ref().unwrap();
    assert_eq!(cert.verdict, Verdict::Trusted);
    assert!(cert.info.names.contains(&"*.shop.test".to_owned()));
    assert!(!cert.info.sha256.is_empty() && !cert.info.key.is_empty());
    assert!(first.banner.as_deref().unwrap().contains("ESMTP"));

    // The same server seen in plain text is listed, never recommended.
    let plain = report
        .candidates
        .iter()
        .find(|r| {
            r.host == "smtp.shop.test"
                && r.port == world.good.port()
                && r.security == Security::None
        })
        .expect("a plain row from the same connection");
    assert!(!plain.usable);
    assert!(plain.certificate.is_none());

    let refused = report
        .candidates
        .iter()
        .find(|r| r.port == world.refused_port)
        .unwrap();
    assert_eq!(refused.reachability, Reachability::Refused);
    assert!(refused.reason.contains("refused"), "{}", refused.reason);

    let check = report.port_check.as_ref().unwrap();
    assert_eq!(check.host, "smtp.shop.test");
    let state = |port| {
        check
            .ports
            .iter()
            .find(|s| s.port == port)
            .unwrap()
            .reachability
    };
    assert_eq!(state(world.refused_port), Reachability::Refused);
    assert_eq!(state(world.good.port()), Reachability::Open);
}

#[tokio::test]
async fn generic_programs_may_use_the_implicit_tls_port() {
    let world = World::start().await;
    let mut request = world.request(&[world.tls_only.port()], 5);
    request.target = Target::Generic;
    let (report, _) = run(request).await;
    let best = report
        .recommended
        .expect("implicit TLS is fine for other programs");
    assert_eq!(best.security, Security::ImplicitTls);
    assert_eq!(best.port, world.tls_only.port());
}

#[tokio::test]
async fn a_certificate_for_another_name_suggests_that_name() {
    let world = World::start().await;
    let mut request = world.request(&[world.wrong_name.port()], 5);
    request.start = mail_settings_tester::discover::Start::Host("mail.shop.test".into());
    let (report, _) = run(request).await;
    assert!(report.recommended.is_none());
    let why = report.no_recommendation.unwrap();
    assert!(why.contains("mail.other-host.example"), "{why}");
    let row = report
        .candidates
        .iter()
        .find(|r| r.security == Security::StartTls)
        .unwrap();
    let cert = row.certificate.as_ref().unwrap();
    assert_eq!(cert.verdict, Verdict::NameMismatch);
    assert_eq!(
        cert.suggested_host.as_deref(),
        Some("mail.other-host.example")
    );
    assert!(
        row.reason.contains("use mail.other-host.example"),
        "{}",
        row.reason
    );
    // What the server offers after TLS is still shown.
    assert_eq!(row.auth_after_tls, ["PLAIN", "LOGIN"]);

    // Following the suggestion works.
    let mut request = world.request(&[world.wrong_name.port()], 5);
    request.start = mail_settings_tester::discover::Start::Host("mail.other-host.example".into());
    let (report, _) = run(request).await;
    assert_eq!(report.recommended.unwrap().host, "mail.other-host.example");
}

#[tokio::test]
async fn no_password_and_no_message_are_ever_sent() {
    let world = World::start().await;
    let ports = [
        world.good.port(),
        world.wrong_name.port(),
        world.tls_only.port(),
    ];
    let (report, _) = run(world.request(&ports, 5)).await;
    assert!(report.recommended.is_some());
    let commands = world.all_commands();
    assert!(commands.iter().any(|c| c == "STARTTLS"));
    for command in &commands {
        let verb = command.split(' ').next().unwrap().to_ascii_uppercase();
        assert!(
            ["EHLO", "HELO", "STARTTLS", "QUIT"].contains(&verb.as_str()),
            "a probe sent {command:?}"
        );
    }
    assert!(world.good.messages().is_empty());
    assert!(world.good.auth_mechanisms_used().is_empty());
}

#[tokio::test]
async fn a_silent_port_does_not_hold_back_the_others() {
    let world = World::start().await;
    let ports = [world.silent.port(), world.good.port(), world.refused_port];
    let (report, events) = run(world.request(&ports, 2)).await;

    // Every other probe's result arrives before the first silent one's.
    let finished: Vec<u16> = events
        .iter()
        .filter_map(|e| match e {
            DiscoveryEvent::ProbeFinished { results } => results.first().map(|r| r.port),
            _ => None,
        })
        .collect();
    let first_silent = finished
        .iter()
        .position(|p| *p == world.silent.port())
        .unwrap();
    // 4 names × (good, refused) + the SRV implicit-TLS port: all in before any silent one.
    assert_eq!(
        first_silent,
        2 * 4 + 1,
        "results in order of arrival: {finished:?}"
    );
    assert!(
        finished[first_silent..]
            .iter()
            .all(|p| *p == world.silent.port()),
        "results in order of arrival: {finished:?}"
    );
    let silent: Vec<_> = report
        .candidates
        .iter()
        .filter(|r| r.port == world.silent.port())
        .collect();
    assert!(!silent.is_empty());
    for row in &silent {
        assert_eq!(row.reachability, Reachability::Open);
        assert!(row.banner.is_none());
        assert!(row.reason.contains("never greets"), "{}", row.reason);
    }
    // Probes ran side by side: the whole took less than the silent probes one after another.
    let silent_sum: u64 = silent.iter().map(|r| r.ms).sum();
    assert!(
        report.total_ms < silent_sum,
        "{} ms vs {silent_sum} ms",
        report.total_ms
    );
    assert!(report.recommended.is_some());
}

#[tokio::test]
async fn cancel_stops_the_search_at_once_and_says_so() {
    let world = World::start().await;
    // One server name, no SRV record: the silent port is the only probe.
    let mut request = world.request(&[world.silent.port()], 120);
    request.start = mail_settings_tester::discover::Start::Host("mail.shop.test".into());
    let (events, mut inbox) = mpsc::unbounded_channel();
    let cancel = CancellationToken::new();
    let search = tokio::spawn(discover(request, events, cancel.clone()));
    // Cancel once a probe of the silent port is under way.
    while let Some(event) = inbox.recv().await {
        if matches!(event, DiscoveryEvent::ProbeStarted { .. }) {
            cancel.cancel();
            break;
        }
    }
    let report = search.await.unwrap().unwrap();
    assert!(report.cancelled);
    assert!(report.recommended.is_none());
    let why = report.no_recommendation.as_deref().unwrap();
    assert!(why.starts_with("Cancelled"), "{why}");
    assert_eq!(report.discovery.len(), 1, "the given host");
    assert_eq!(report.candidates.len(), 1);
    let row = &report.candidates[0];
    assert_eq!(
        (row.host.as_str(), row.port),
        ("mail.shop.test", world.silent.port())
    );
    assert!(row.banner.is_none());
    assert!(
        row.problem.as_deref().unwrap().contains("cancel"),
        "{row:?}"
    );
}

#[tokio::test]
async fn a_silent_port_that_speaks_tls_is_probed_with_tls() {
    let world = World::start().await;
    // No SRV record says so for mail.shop.test: the port's silence, then its TLS, tell.
    let mut request = world.request(&[world.tls_only.port()], 2);
    request.start = mail_settings_tester::discover::Start::Host("mail.shop.test".into());
    request.target = Target::Generic;
    let (report, _) = run(request).await;
    assert_eq!(report.candidates.len(), 1, "{:#?}", report.candidates);
    let row = &report.candidates[0];
    assert_eq!(row.security, Security::ImplicitTls);
    assert!(row.banner.is_some());
    assert_eq!(row.certificate.as_ref().unwrap().verdict, Verdict::Trusted);
    assert!(row.usable);
}

#[tokio::test]
async fn a_hostile_certificate_never_becomes_advice() {
    let world = World::start().await;
    let hostile =
        super::support::smtp_server::TestServer::start(super::support::smtp_server::ServerConfig {
            cert: CertKind::Hostile,
            ..Default::default()
        })
        .await;
    let mut request = world.request(&[hostile.port()], 5);
    request.start = mail_settings_tester::discover::Start::Host("mail.shop.test".into());
    let (report, events) = run(request).await;
    let row = report
        .candidates
        .iter()
        .find(|r| r.security == Security::StartTls)
        .unwrap();
    let cert = row.certificate.as_ref().unwrap();
    assert_ne!(cert.verdict, Verdict::Trusted);
    assert_eq!(cert.suggested_host, None, "{:?}", cert.info.names);
    // Every text we show from it is safe: no raw control or bidi characters.
    let mut texts = vec![
        row.reason.clone(),
        cert.info.subject.clone(),
        cert.info.issuer.clone(),
    ];
    texts.extend(cert.info.names.iter().cloned());
    texts.extend(row.problem.clone());
    let hostile_chars = |t: &String| t.chars().any(|c| c.is_control() || c == '\u{202e}');
    assert!(!texts.iter().any(hostile_chars), "{texts:?}");
    assert!(!events.is_empty());
}
