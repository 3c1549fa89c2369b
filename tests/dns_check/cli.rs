//! `mailtester dns-check` as a user runs it: text, `--json` shape, exit codes.

use serde_json::Value;

use super::support::bin::{run_async, strings};
use super::{SENDGRID_HOST, world};

/// `dns-check --from FROM --host HOST --dns-server DNS` with `extra` flags.
async fn dns_check(dns: &str, from: &str, extra: &[&str]) -> std::process::Output {
    let mut args = strings(&["dns-check", "--from", from, "--dns-server", dns]);
    args.extend(strings(extra));
    run_async(args, Vec::new(), "").await
}

#[tokio::test]
async fn json_has_findings_records_and_the_verdict() {
    let dns = world().await;
    let addr = dns.addr().to_string();
    let output = dns_check(
        &addr,
        "site@nospf.test",
        &["--host", SENDGRID_HOST, "--json"],
    )
    .await;
    assert_eq!(
        output.status.code(),
        Some(9),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["from_domain"], "nospf.test");
    assert_eq!(doc["host"], SENDGRID_HOST);
    assert_eq!(doc["provider"]["id"], "sendgrid");
    assert_eq!(doc["server_addresses"][0], "192.0.2.10");
    assert_eq!(doc["verdict"], "likely_to_land_in_spam");
    assert_eq!(doc["verdict_text"], "Likely to land in spam");
    let first = &doc["findings"][0];
    assert_eq!(first["id"], "spf_missing");
    assert_eq!(first["severity"], "problem");
    assert!(first["title"].is_string() && first["explanation"].is_string());
    assert_eq!(first["record"]["name"], "nospf.test");
    assert_eq!(first["record"]["type"], "TXT");
    assert_eq!(first["record"]["value"], "v=spf1 include:sendgrid.net ~all");
    let ids: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["spf_missing", "dkim_published", "dmarc_present"]);
}

#[tokio::test]
async fn text_shows_each_finding_the_record_and_the_verdict_and_exits_0_when_fine() {
    let dns = world().await;
    let addr = dns.addr().to_string();
    let output = dns_check(&addr, "site@good.test", &["--host", SENDGRID_HOST]).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Will mail from good.test through smtp.sendgrid.net arrive?"));
    assert!(
        stdout.contains("(spf_pass)") && stdout.contains("(dkim_published)"),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("Verdict: Likely to arrive"),
        "{stdout}"
    );
}

#[tokio::test]
async fn text_prints_the_record_to_paste_and_exits_9_on_a_problem() {
    let dns = world().await;
    let addr = dns.addr().to_string();
    let output = dns_check(&addr, "site@otherspf.test", &["--host", SENDGRID_HOST]).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(9), "{stdout}");
    assert!(stdout.contains("[PROBLEM]"), "{stdout}");
    assert!(stdout.contains("(spf_not_authorising_server)"), "{stdout}");
    assert!(
        stdout.contains("value: v=spf1 ip4:198.51.100.1 include:sendgrid.net -all"),
        "{stdout}"
    );
}

#[tokio::test]
async fn warnings_alone_exit_0() {
    let dns = world().await;
    let addr = dns.addr().to_string();
    let output = dns_check(&addr, "site@nodkim.test", &["--host", SENDGRID_HOST]).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("[warning]") && stdout.contains("Likely to land in spam"));
}

#[tokio::test]
async fn an_address_without_a_domain_is_a_usage_error() {
    let dns = world().await;
    let output = dns_check(&dns.addr().to_string(), "nobody", &[]).await;
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--from site@example.com"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[tokio::test]
async fn a_bad_dns_server_is_a_usage_error() {
    let output = run_async(
        strings(&[
            "dns-check",
            "--from",
            "a@b.test",
            "--dns-server",
            "dns.example",
        ]),
        Vec::new(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("1.1.1.1:53"));
}
