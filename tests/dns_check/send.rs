//! `send --check-dns`: after the fault-injecting SMTP server took the message, the `from`
//! domain is checked for the server (`localhost`, resolved by the test DNS server).

use serde_json::Value;

use super::support::bin::{run_async, send_to_test_server};
use super::support::smtp_server::{ServerConfig, TEST_PASSWORD, TestServer};
use super::world;

/// `send` to the server on `port` as `from`, with `--check-dns` against `dns` and `extra` flags.
fn send_args(port: u16, dns: &str, from: &str, extra: &[&str]) -> Vec<String> {
    let flags = [&["--from", from, "--check-dns", "--dns-server", dns], extra].concat();
    send_to_test_server(port, &flags)
}

#[tokio::test]
async fn a_sent_message_with_good_dns_exits_0_and_json_carries_the_check() {
    let dns = world().await;
    let server = TestServer::start(ServerConfig::default()).await;
    let args = send_args(
        server.port(),
        &dns.addr().to_string(),
        "site@sent.test",
        &["--json"],
    );
    let output = run_async(args, Vec::new(), TEST_PASSWORD).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["sent"], true);
    assert_eq!(doc["dns_check"]["from_domain"], "sent.test");
    let addresses = doc["dns_check"]["server_addresses"].as_array().unwrap();
    assert!(addresses.iter().any(|a| a == "127.0.0.1"), "{addresses:?}");
    assert_eq!(doc["dns_check"]["findings"][0]["id"], "spf_pass");
}

#[tokio::test]
async fn a_sent_message_whose_spf_refuses_the_server_exits_9() {
    let dns = world().await;
    let server = TestServer::start(ServerConfig::default()).await;
    let args = send_args(
        server.port(),
        &dns.addr().to_string(),
        "site@unsent.test",
        &[],
    );
    let output = run_async(args, Vec::new(), TEST_PASSWORD).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(9), "{stdout}");
    assert!(stdout.contains("(spf_not_authorising_server)"), "{stdout}");
    // Both addresses of `localhost` go in before `-all`.
    let value = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("value: v=spf1"))
        .unwrap();
    assert!(
        value.starts_with(" ip4:198.51.100.1 ") && value.ends_with(" -all"),
        "{value}"
    );
    assert!(value.contains("ip4:127.0.0.1"), "{value}");
    // DKIM of an unknown server cannot be checked: spam, not a certain refusal.
    assert!(
        stdout.contains("Verdict: Likely to land in spam"),
        "{stdout}"
    );
}

#[tokio::test]
async fn a_failed_send_keeps_its_own_exit_code_and_skips_the_check() {
    let dns = world().await;
    // Nothing listens on the port: the send fails before any message.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let args = send_args(
        port,
        &dns.addr().to_string(),
        "site@unsent.test",
        &["--json"],
    );
    let output = run_async(args, Vec::new(), TEST_PASSWORD).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "connection failed: {stdout}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["sent"], false);
    assert!(doc["dns_check"].is_null());
}
