//! `mailtester probe` as a user runs it: JSON shape, plain-language text, exit codes.

use serde_json::Value;

use super::World;
use super::support::bin::run_async;
use super::support::pki::TestPki;

/// `probe --email owner@shop.test` through the test DNS with `extra` flags; the autoconfig port
/// points at a closed port through the environment, as tests do.
async fn probe(world: &World, ports: &[u16], extra: &[&str]) -> std::process::Output {
    let ports: Vec<String> = ports.iter().map(ToString::to_string).collect();
    let mut args: Vec<String> = vec![
        "probe".into(),
        "--email".into(),
        "owner@shop.test".into(),
        "--dns-server".into(),
        world.dns.addr().to_string(),
        "--ports".into(),
        ports.join(","),
        "--timeout".into(),
        "5".into(),
        "--ca-file".into(),
        TestPki::get().ca_pem_path().display().to_string(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let env = vec![(
        "MAILTESTER_AUTOCONFIG_PORT".to_owned(),
        world.refused_port.to_string(),
    )];
    run_async(args, env, "").await
}

#[tokio::test]
async fn json_has_discovery_candidates_recommended_and_total_ms() {
    let world = World::start().await;
    let ports = [world.good.port(), world.refused_port];
    let output = probe(&world, &ports, &["--json"]).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in [
        "discovery",
        "candidates",
        "recommended",
        "port_check",
        "total_ms",
    ] {
        assert!(doc.get(key).is_some(), "no {key} in {doc}");
    }
    let sources: Vec<&str> = doc["discovery"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    for source in [
        "srv_submission",
        "srv_submissions",
        "mx",
        "provider",
        "autoconfig",
        "guess",
    ] {
        assert!(
            sources.contains(&source),
            "{source} missing from {sources:?}"
        );
    }
    let first = &doc["candidates"][0];
    for key in [
        "host",
        "port",
        "security",
        "reachability",
        "banner",
        "extensions",
        "auth_before_tls",
        "auth_after_tls",
        "certificate",
        "ms",
        "reason",
    ] {
        assert!(first.get(key).is_some(), "no {key} in {first}");
    }
    assert_eq!(first["certificate"]["verdict"], "trusted");
    assert!(
        first["certificate"]["sha256"]
            .as_str()
            .unwrap()
            .contains(':')
    );
    let best = &doc["recommended"];
    assert_eq!(best["host"], "smtp.shop.test");
    assert_eq!(best["port"], world.good.port());
    assert_eq!(best["security"], "start_tls");
    assert_eq!(best["enable_ssl"], true);
    assert!(best["why"].as_str().unwrap().contains("STARTTLS"));
    assert!(doc["total_ms"].as_u64().is_some());
}

#[tokio::test]
async fn text_says_what_to_type_in_plain_words() {
    let world = World::start().await;
    let output = probe(&world, &[world.good.port()], &[]).await;
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Use these settings in your website:"),
        "{text}"
    );
    assert!(text.contains("host       smtp.shop.test"), "{text}");
    assert!(
        text.contains(&format!("port       {}", world.good.port())),
        "{text}"
    );
    assert!(text.contains("enableSsl  true"), "{text}");
    assert!(
        text.contains("no message and no password are sent"),
        "{text}"
    );
    assert!(text.contains("block port 25"), "{text}");
    assert!(text.contains("Everything tried, best first:"), "{text}");
    // No raw control characters from the network reach the terminal.
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[tokio::test]
async fn nothing_usable_exits_8_and_says_why() {
    let world = World::start().await;
    let output = probe(
        &world,
        &[world.wrong_name.port()],
        &["--json", "--host", "mail.shop.test"],
    )
    .await;
    // --email and --host together are a usage error.
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--host"));

    let args: Vec<String> = [
        "probe",
        "--host",
        "mail.shop.test",
        "--dns-server",
        &world.dns.addr().to_string(),
        "--ports",
        &world.wrong_name.port().to_string(),
        "--timeout",
        "5",
        "--ca-file",
        &TestPki::get().ca_pem_path().display().to_string(),
        "--json",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let output = run_async(args, Vec::new(), "").await;
    assert_eq!(output.status.code(), Some(8));
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(doc["recommended"].is_null());
    let why = doc["no_recommendation"].as_str().unwrap();
    assert!(why.contains("mail.other-host.example"), "{why}");
}

#[tokio::test]
async fn a_bad_address_is_a_usage_error_that_says_what_to_do() {
    let output = run_async(
        ["probe", "--email", "not an address"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        Vec::new(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--email you@example.com"), "{stderr}");
}
