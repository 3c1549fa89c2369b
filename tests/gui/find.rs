//! "Find my settings…" through the window: the address comes from From, the search runs on
//! tokio against our own DNS server and SMTP test server, the table fills in, the
//! recommendation fills the form, and every certificate opens in its own window.

use std::net::Ipv4Addr;

use egui_kittest::kittest::NodeT as _;

use super::support::dns_server::{DnsServer, Rec};
use super::support::pki::CertKind;
use super::*;

#[test]
fn find_my_settings_fills_the_form_with_the_recommendation() {
    let runtime = runtime();
    let (server, dns) = runtime.block_on(async {
        let server = TestServer::start(ServerConfig {
            cert: CertKind::Discovery,
            ..ServerConfig::default()
        })
        .await;
        let records = [
            Rec::Srv(
                "_submission._tcp.shop.test",
                0,
                0,
                server.port(),
                "smtp.shop.test",
            ),
            Rec::A("smtp.shop.test", Ipv4Addr::LOCALHOST),
        ];
        let dns = DnsServer::start(&records).await;
        (server, dns)
    });
    let mut form = FormState::default();
    form.settings.from = "owner@shop.test".into();
    form.settings.ca_file = Some(TestPki::get().ca_pem_path().to_path_buf());
    let handle = runtime.handle().clone();
    let dns_addr = dns.addr();
    // Autoconfig goes to a closed port: the search reports it and goes on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            MailTesterApp::with_form(&cc.egui_ctx, handle, form)
                .with_discovery_servers(dns_addr, closed)
        });
    harness.run_steps(2);

    harness.get_by_label("Find my settings…").click();
    // One frame to press, one to open, one for the new window's sizing pass.
    harness.run_steps(4);
    // The label and the field it labels share the text; the field is the one with a value.
    let address = harness
        .get_all_by_label("Your website's email address (or your mail server's name):")
        .find_map(|node| node.accesskit_node().value())
        .unwrap_or_default();
    assert_eq!(address, "owner@shop.test", "the address comes from From");

    harness.get_by_label("Find").click();
    step_until(&mut harness, "the search to end", |app| {
        app.discovery().is_some()
    });
    step_until_shown(&mut harness, "Found settings your website can use");
    let report = harness.state().discovery().unwrap();
    let best = report.recommended.as_ref().unwrap();
    assert_eq!(best.host, "smtp.shop.test");
    assert_eq!(best.port, server.port());
    // Every row the window lists is one the report has; the SRV host is among them.
    let line = format!("smtp.shop.test   port {}   STARTTLS", server.port());
    assert!(
        harness.query_by_label(&line).is_some(),
        "the SRV host's STARTTLS line is listed"
    );
    assert!(
        server
            .commands()
            .iter()
            .all(|c| !c.starts_with("AUTH") && !c.starts_with("MAIL")),
        "no sign-in and no message while finding: {:?}",
        server.commands()
    );

    // The certificate of the first row opens in its own window.
    harness
        .get_all_by_label("Certificate…")
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run_steps(3);
    harness
        .get_all_by_label("Certificate…")
        .next()
        .unwrap()
        .click();
    step_until_shown(&mut harness, "Issued for");
    assert!(harness.query_by_label_contains("*.shop.test").is_some());
    harness.run_steps(2);
    harness.get_by_label("Close").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Issued for").is_none());

    harness.get_by_label("Use these settings").scroll_to_me();
    harness.run_steps(3);
    harness.get_by_label("Use these settings").click();
    harness.run_steps(3);
    let form = &harness.state().form;
    assert_eq!(form.settings.host, "smtp.shop.test");
    assert_eq!(form.port_text, server.port().to_string());
    assert!(form.settings.enable_ssl, "STARTTLS is Use SSL on");
    assert!(
        harness
            .query_by_label_contains("Filled in server smtp.shop.test")
            .is_some()
    );
}

/// Stop ends a search at once, even while a server keeps silent: the window keeps what was
/// found and says the search was cancelled.
#[test]
fn stop_ends_a_search_that_waits_on_a_silent_server() {
    let runtime = runtime();
    let (silent, dns) = runtime.block_on(async {
        let silent = TestServer::start(ServerConfig {
            banner: Banner::Silent,
            ..ServerConfig::default()
        })
        .await;
        let records = [
            Rec::Srv(
                "_submission._tcp.quiet.test",
                0,
                0,
                silent.port(),
                "smtp.quiet.test",
            ),
            Rec::A("smtp.quiet.test", Ipv4Addr::LOCALHOST),
        ];
        let dns = DnsServer::start(&records).await;
        (silent, dns)
    });
    let mut form = FormState::default();
    form.settings.from = "owner@quiet.test".into();
    let handle = runtime.handle().clone();
    let dns_addr = dns.addr();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            // Each try may take far longer than the test: only Stop can end this search.
            MailTesterApp::with_form(&cc.egui_ctx, handle, form)
                .with_discovery_servers(dns_addr, 9)
                .with_probe_timeout(Duration::from_secs(300))
        });
    harness.run_steps(2);
    harness.get_by_label("Find my settings…").click();
    harness.run_steps(4);
    harness.get_by_label("Find").click();
    step_until_shown(&mut harness, "trying…");
    assert!(
        harness.state().discovery().is_none(),
        "still waiting on the silent server"
    );
    harness.get_by_label("Stop").click();
    step_until(&mut harness, "the search to stop", |app| {
        app.discovery().is_some()
    });
    assert!(harness.state().discovery().unwrap().cancelled);
    assert!(
        harness
            .query_by_label_contains("Stopped before every server answered")
            .is_some()
    );
    assert!(harness.query_by_label("Stop").is_none());
    assert!(
        silent.commands().is_empty(),
        "nothing was sent to a server that never greeted"
    );
}

/// The DNS server typed under Advanced is the one the look-ups ask (here the only one that
/// knows the test domain), and one that is not an address is said so under the field.
#[test]
fn the_dns_server_under_advanced_is_the_one_asked() {
    let runtime = runtime();
    let (server, dns) = runtime.block_on(async {
        let server = TestServer::start(ServerConfig {
            cert: CertKind::Discovery,
            ..ServerConfig::default()
        })
        .await;
        let records = [
            Rec::Srv(
                "_submission._tcp.shop.test",
                0,
                0,
                server.port(),
                "smtp.shop.test",
            ),
            Rec::A("smtp.shop.test", Ipv4Addr::LOCALHOST),
        ];
        (server, DnsServer::start(&records).await)
    });
    let mut form = FormState::default();
    form.settings.from = "owner@shop.test".into();
    form.settings.ca_file = Some(TestPki::get().ca_pem_path().to_path_buf());
    form.dns_text = "not-an-address".into();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 1000.0])
        .build_eframe(move |cc| {
            // The DNS server a test would set leads nowhere: the typed one must win.
            MailTesterApp::with_form(&cc.egui_ctx, handle, form)
                .with_discovery_servers(closed, closed.port())
        });
    harness.run_steps(2);
    harness.get_by_label("Advanced").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("\"not-an-address\" is not an IP address")
            .is_some()
    );
    harness
        .get_by_label("DNS server")
        .set_text_value_accesskit(&dns.addr().to_string());
    harness.run_steps(3);
    harness.get_by_label("Find my settings…").click();
    harness.run_steps(4);
    harness.get_by_label("Find").click();
    step_until(&mut harness, "the search to end", |app| {
        app.discovery().is_some()
    });
    let report = harness.state().discovery().unwrap();
    let best = report
        .recommended
        .as_ref()
        .expect("found through the typed DNS server");
    assert_eq!(best.host, "smtp.shop.test");
    assert_eq!(best.port, server.port());
}
