//! "Will it arrive?" through the window: after a successful test, "Check my domain" checks the
//! From domain's DNS against our own DNS server (nothing before the user asks), shows the
//! verdict and each finding, and copies the record to paste.

use std::net::Ipv4Addr;

use super::support::dns_server::{DnsServer, Rec};
use super::*;

#[test]
fn will_it_arrive_checks_the_from_domain_and_copies_the_fix() {
    let runtime = runtime();
    let (server, dns) = runtime.block_on(async {
        let server = TestServer::start(ServerConfig::default()).await;
        let records = [
            Rec::A("localhost", Ipv4Addr::LOCALHOST),
            // The domain allows another server only: ours is not authorised.
            Rec::Txt("unsent.test", "v=spf1 ip4:198.51.100.1 -all"),
        ];
        (server, DnsServer::start(&records).await)
    });
    let handle = runtime.handle().clone();
    let dns_addr = dns.addr();
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
                .with_discovery_servers(dns_addr, 9)
        });
    fill_form(&mut harness, server.port());
    set_field(&mut harness, "From", "site@unsent.test");
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok()
    });
    // Nothing is looked up before the user asks.
    assert!(harness.state().arrival().is_none());
    harness.get_by_label("Check my domain").click();
    step_until(&mut harness, "the DNS check", |app| app.arrival().is_some());
    let report = harness.state().arrival().unwrap().clone();
    assert_eq!(report.from_domain, "unsent.test");
    assert!(report.has(FindingId::SpfNotAuthorisingServer), "{report:?}");
    harness.run_steps(3);
    harness.get_by_label_contains(&format!("unsent.test: {}", report.verdict_text));
    let spf = report
        .findings
        .iter()
        .find(|f| f.id == FindingId::SpfNotAuthorisingServer)
        .unwrap();
    harness.get_by_label(&spf.title);

    let index = report
        .findings
        .iter()
        .filter(|f| f.record.is_some())
        .position(|f| f.id == FindingId::SpfNotAuthorisingServer)
        .unwrap();
    harness
        .get_all_by_label("Copy value")
        .nth(index)
        .unwrap()
        .click();
    harness.step();
    let copied = copied_text(&harness).expect("the record was copied");
    assert_eq!(copied, spf.record.as_ref().unwrap().value);
    assert!(copied.contains("127.0.0.1"), "{copied}");
}
