//! The name sent with EHLO: an address literal where RFC 5321 wants one, ASP.NET's bytes for
//! the ASP.NET target.

use super::*;

/// RFC 5321 4.1.3: an IP address goes in EHLO as a literal. The generic target sends one;
/// ASP.NET sends `clientDomain` as typed (the real client sends `EHLO 2001:db8::1`), so the
/// ASP.NET target does too and the settings' check warns.
#[tokio::test]
async fn an_ip_address_client_domain_is_a_literal_for_generic_and_as_typed_for_aspnet() {
    for (target, typed, sent) in [
        (Target::Generic, "2001:db8::1", "EHLO [IPv6:2001:db8::1]"),
        (Target::Generic, "192.0.2.1", "EHLO [192.0.2.1]"),
        (Target::DotNet, "2001:db8::1", "EHLO 2001:db8::1"),
    ] {
        let server = TestServer::start(ServerConfig::default()).await;
        let settings = Settings {
            client_domain: typed.into(),
            ..settings_for(server.port(), target)
        };
        let (report, _) = run_on(&settings, &[], Goal::Probe, CancellationToken::new(), None).await;
        assert!(report.ok(), "{:?}", report.error);
        assert_eq!(server.commands().first().map(String::as_str), Some(sent));
        let warned = report.notes.iter().any(|note| {
            note.severity == Severity::Warning && note.message.contains("refuse a bare IP address")
        });
        assert_eq!(
            warned,
            target == Target::DotNet,
            "{typed}: {:?}",
            report.notes
        );
    }
}

/// Without `clientDomain` a generic client gives a full domain name, or else the address of
/// its end of the connection as a literal (RFC 5321 4.1.4), never a bare machine name.
#[tokio::test]
async fn generic_without_client_domain_names_its_end_of_the_connection() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        client_domain: String::new(),
        ..settings_for(server.port(), Target::Generic)
    };
    let (report, _) = run_on(&settings, &[], Goal::Probe, CancellationToken::new(), None).await;
    assert!(report.ok(), "{:?}", report.error);
    let commands = server.commands();
    let name = commands[0].strip_prefix("EHLO ").unwrap();
    if name.contains('.') && !name.starts_with('[') {
        return; // This computer has a full domain name.
    }
    assert_eq!(name, "[127.0.0.1]", "{commands:?}");
    assert_said(
        &report,
        "introduces itself by its address on this connection: [127.0.0.1]",
    );
}
