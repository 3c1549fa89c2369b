//! Where candidates come from: SRV, MX and the provider it gives away, autoconfig over HTTPS,
//! the usual names; each reported, each name tagged.

use mail_settings_tester::discover::{DiscoveryEvent, Reachability, SourceKind};
use mail_settings_tester::settings::Security;

use super::support::https_server::HttpsServer;
use super::support::pki::CertKind;
use super::{World, run};

#[tokio::test]
async fn every_source_is_reported_and_every_name_tagged_with_where_it_came_from() {
    let world = World::start().await;
    let (report, events) = run(world.request(&[world.refused_port], 5)).await;
    let source = |kind| report.discovery.iter().find(|s| s.source == kind).unwrap();
    let submission = source(SourceKind::SrvSubmission);
    assert_eq!(
        submission.found,
        [format!("smtp.shop.test:{} starttls", world.good.port())]
    );
    assert_eq!(
        source(SourceKind::SrvSubmissions).found,
        [format!("smtp.shop.test:{} tls", world.tls_only.port())]
    );
    assert_eq!(source(SourceKind::Mx).found, ["mx.shop.test"]);
    assert!(
        source(SourceKind::Provider).error.is_some(),
        "no provider runs mx.shop.test"
    );
    assert!(
        source(SourceKind::Autoconfig).error.is_some(),
        "nothing serves autoconfig"
    );
    assert_eq!(
        source(SourceKind::Guess).found,
        ["smtp.shop.test", "mail.shop.test", "shop.test"]
    );

    // The candidate list the user sees holds every name probed, with its sources.
    let listed = events
        .iter()
        .find_map(|e| match e {
            DiscoveryEvent::Candidates { hosts } => Some(hosts.clone()),
            _ => None,
        })
        .unwrap();
    let smtp = listed.iter().find(|h| h.host == "smtp.shop.test").unwrap();
    assert_eq!(
        smtp.from,
        [
            SourceKind::SrvSubmission,
            SourceKind::SrvSubmissions,
            SourceKind::Guess
        ]
    );
    for row in &report.candidates {
        assert!(
            listed.iter().any(|h| h.host == row.host),
            "{} was not listed",
            row.host
        );
    }
    // SRV ports are probed on top of --ports: the implicit-TLS one with TLS from the start.
    let implicit = report
        .candidates
        .iter()
        .find(|r| r.host == "smtp.shop.test" && r.port == world.tls_only.port())
        .unwrap();
    assert_eq!(implicit.security, Security::ImplicitTls);
    assert_eq!(implicit.reachability, Reachability::Open);
    assert!(!implicit.usable);
    assert!(implicit.reason.contains("ASP.NET"), "{}", implicit.reason);
}

#[tokio::test]
async fn an_autoconfig_file_over_https_names_its_outgoing_server() {
    let world = World::start().await;
    let xml = format!(
        r#"<clientConfig version="1.1"><emailProvider id="shop.test">
        <incomingServer type="imap"><hostname>imap.shop.test</hostname><port>993</port></incomingServer>
        <outgoingServer type="smtp"><hostname>submit.%EMAILDOMAIN%</hostname><port>{}</port>
        <socketType>STARTTLS</socketType></outgoingServer></emailProvider></clientConfig>"#,
        world.good.port()
    );
    let https = HttpsServer::start("/mail/config-v1.1.xml", xml, CertKind::Discovery).await;
    let mut request = world.request(&[world.refused_port], 5);
    request.autoconfig_port = https.port();
    let (report, _) = run(request).await;
    let autoconfig = report
        .discovery
        .iter()
        .find(|s| s.source == SourceKind::Autoconfig)
        .unwrap();
    assert_eq!(
        autoconfig.found,
        [format!("submit.shop.test:{} starttls", world.good.port())]
    );
    assert!(
        autoconfig
            .query
            .starts_with("https://autoconfig.shop.test:")
    );
    let requests = https.requests();
    assert!(
        requests[0].contains("emailaddress=owner%40shop%2Etest"),
        "{requests:?}"
    );
    let submit = report
        .candidates
        .iter()
        .find(|r| r.host == "submit.shop.test" && r.usable)
        .expect("the autoconfig server was probed on its port");
    assert_eq!(submit.from, [SourceKind::Autoconfig]);
}

#[tokio::test]
async fn mx_at_microsoft_365_suggests_smtp_office365_com() {
    let world = World::start().await;
    let dns = super::support::dns_server::DnsServer::start(&[super::support::dns_server::Rec::Mx(
        "contoso.test",
        0,
        "contoso-test.mail.protection.outlook.com",
    )])
    .await;
    let mut request = world.request(&[world.refused_port], 5);
    request.start = mail_settings_tester::discover::Start::Email("it@contoso.test".into());
    request.dns_server = Some(dns.addr());
    let (report, _) = run(request).await;
    let provider = report
        .discovery
        .iter()
        .find(|s| s.source == SourceKind::Provider)
        .unwrap();
    assert_eq!(
        provider.found,
        ["Microsoft 365 (business): smtp.office365.com:587 starttls"]
    );
    let office = report
        .candidates
        .iter()
        .find(|r| r.host == "smtp.office365.com")
        .expect("the provider's server is a candidate");
    assert_eq!(office.from, [SourceKind::Provider]);
    // The test DNS does not know it: no probe leaves this machine.
    assert_eq!(office.reachability, Reachability::DnsFailure);
    assert!(
        report
            .candidates
            .iter()
            .any(|r| r.port == 587 && r.host == "smtp.office365.com")
    );
}
