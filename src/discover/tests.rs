//! Unit tests: the autoconfig parser, the merge of sources and the ranking.

use super::model::{CertificateReport, ProbeResult, Reachability, SourceKind, Verdict};
use super::rank::{port_check, rank, recommend, why_none};
use super::sources::{Named, merge};
use crate::certificate::CertificateInfo;
use crate::settings::{Security, Target};

const AUTOCONFIG: &str = r#"<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <incomingServer type="imap"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port>
      <socketType>SSL</socketType></incomingServer>
    <outgoingServer type="smtp"><hostname>smtp.%EMAILDOMAIN%</hostname><port>465</port>
      <socketType>SSL</socketType></outgoingServer>
    <outgoingServer type="smtp"><hostname>Submit.Example.com.</hostname><port>587</port>
      <socketType>STARTTLS</socketType></outgoingServer>
    <outgoingServer type="smtp"><hostname>bad host!</hostname><port>25</port></outgoingServer>
  </emailProvider>
</clientConfig>"#;

#[test]
fn autoconfig_gives_only_outgoing_smtp_servers() {
    let servers = super::parse_autoconfig(AUTOCONFIG, "example.com");
    let seen: Vec<(&str, Option<u16>, Option<Security>)> = servers
        .iter()
        .map(|s| (s.host.as_str(), s.port, s.security))
        .collect();
    assert_eq!(
        seen,
        [
            ("smtp.example.com", Some(465), Some(Security::ImplicitTls)),
            ("submit.example.com", Some(587), Some(Security::StartTls)),
        ]
    );
}

#[test]
fn merge_keeps_one_host_with_every_source_best_first() {
    let named = |source, host: &str, port| Named {
        source,
        host: host.to_owned(),
        port,
        security: None,
    };
    let hosts = merge(vec![
        named(SourceKind::Guess, "smtp.a.example", None),
        named(SourceKind::SrvSubmission, "smtp.a.example", Some(2525)),
        named(SourceKind::Mx, "mx.a.example", None),
    ]);
    assert_eq!(hosts[0].host, "smtp.a.example");
    assert_eq!(
        hosts[0].from,
        [SourceKind::SrvSubmission, SourceKind::Guess]
    );
    assert_eq!(hosts[0].ports, [(2525, None)]);
    assert_eq!(hosts[1].host, "mx.a.example");
}

fn row(port: u16, security: Security, auth: &[&str], verdict: Option<Verdict>) -> ProbeResult {
    ProbeResult {
        host: "mail.a.example".into(),
        port,
        security,
        from: vec![SourceKind::Guess],
        reachability: Reachability::Open,
        banner: Some("220 mail ESMTP".into()),
        extensions: Vec::new(),
        auth_before_tls: Vec::new(),
        auth_after_tls: auth.iter().map(|a| (*a).to_owned()).collect(),
        certificate: verdict.map(|verdict| CertificateReport {
            info: CertificateInfo {
                subject: String::new(),
                names: vec!["server12.hoster.example".into()],
                issuer: String::new(),
                not_before: String::new(),
                not_after: String::new(),
                expired: false,
                self_signed: false,
                sha256: String::new(),
                key: String::new(),
            },
            verdict,
            suggested_host: (verdict == Verdict::NameMismatch)
                .then(|| "server12.hoster.example".to_owned()),
        }),
        problem: None,
        ms: 1,
        usable: false,
        reason: String::new(),
    }
}

#[test]
fn aspnet_prefers_starttls_on_587_and_never_implicit_tls() {
    let mut rows = vec![
        row(
            465,
            Security::ImplicitTls,
            &["LOGIN"],
            Some(Verdict::Trusted),
        ),
        row(25, Security::StartTls, &["LOGIN"], Some(Verdict::Trusted)),
        row(
            587,
            Security::StartTls,
            &["PLAIN", "LOGIN"],
            Some(Verdict::Trusted),
        ),
        row(587, Security::None, &[], None),
    ];
    rank(&mut rows, Target::DotNet, false);
    assert_eq!((rows[0].port, rows[0].security), (587, Security::StartTls));
    assert_eq!(rows[1].port, 25);
    let implicit = rows.iter().find(|r| r.port == 465).unwrap();
    assert!(!implicit.usable);
    assert!(implicit.reason.contains("cannot"), "{}", implicit.reason);
    let best = recommend(&rows).unwrap();
    assert!(best.enable_ssl);
    assert_eq!(best.port, 587);
}

#[test]
fn generic_programs_may_use_implicit_tls() {
    let mut rows = vec![
        row(587, Security::StartTls, &["PLAIN"], Some(Verdict::Trusted)),
        row(
            465,
            Security::ImplicitTls,
            &["PLAIN"],
            Some(Verdict::Trusted),
        ),
    ];
    rank(&mut rows, Target::Generic, false);
    assert!(rows.iter().all(|r| r.usable));
    assert_eq!(rows[0].security, Security::ImplicitTls);
}

#[test]
fn a_name_mismatch_names_the_certificate_s_host() {
    let mut rows = vec![row(
        587,
        Security::StartTls,
        &["LOGIN"],
        Some(Verdict::NameMismatch),
    )];
    rank(&mut rows, Target::DotNet, false);
    assert!(!rows[0].usable);
    assert!(
        rows[0].reason.contains("use server12.hoster.example"),
        "{}",
        rows[0].reason
    );
    assert!(recommend(&rows).is_none());
    assert!(why_none(&rows, Target::DotNet).contains("server12.hoster.example"));
    rank(&mut rows, Target::DotNet, true);
    assert!(rows[0].usable, "allowed by --accept-invalid-certs");
}

#[test]
fn the_port_check_reports_each_port_of_the_best_host() {
    let mut refused = row(25, Security::StartTls, &[], None);
    refused.reachability = Reachability::Refused;
    let rows = vec![
        row(587, Security::StartTls, &["LOGIN"], Some(Verdict::Trusted)),
        row(587, Security::None, &[], None),
        refused,
    ];
    let check = port_check(&rows, None).unwrap();
    let ports: Vec<(u16, Reachability)> = check
        .ports
        .iter()
        .map(|s| (s.port, s.reachability))
        .collect();
    assert_eq!(
        ports,
        [(25, Reachability::Refused), (587, Reachability::Open)]
    );
    assert!(check.note.contains("port 25"));
}

#[test]
fn the_domain_comes_from_the_address_or_the_host() {
    use super::{DiscoveryRequest, Start};
    let domain = |start| DiscoveryRequest::new(start).domain();
    assert_eq!(
        domain(Start::Email("Me@Shop.Example.".into())).as_deref(),
        Some("shop.example")
    );
    assert_eq!(
        domain(Start::Host("mail.bücher.example".into())).as_deref(),
        Some("mail.xn--bcher-kva.example")
    );
    assert_eq!(domain(Start::Email("no-at-sign".into())), None);
    assert_eq!(domain(Start::Host("bad host".into())), None);
}
