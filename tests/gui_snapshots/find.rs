//! "Find my settings" after a search, built by hand: the recommendation, the table with a
//! usable row, a plain one, SSL on connect, a blocked port and a certificate for another name,
//! the port check and where the search looked.

use mail_settings_tester::certificate::CertificateInfo;
use mail_settings_tester::discover::{
    CertificateReport, DiscoveryReport, PortCheck, PortState, ProbeResult, Reachability,
    Recommendation, SourceKind, SourceReport, Verdict,
};
use mail_settings_tester::settings::{Security, Target};

fn row(
    host: &str,
    port: u16,
    security: Security,
    reach: Reachability,
    reason: &str,
) -> ProbeResult {
    ProbeResult {
        host: host.to_owned(),
        port,
        security,
        from: vec![SourceKind::SrvSubmission],
        reachability: reach,
        banner: Some(format!("220 {host} ESMTP")),
        extensions: Vec::new(),
        auth_before_tls: Vec::new(),
        auth_after_tls: vec!["PLAIN".into(), "LOGIN".into()],
        certificate: None,
        problem: None,
        ms: 120,
        usable: false,
        reason: reason.to_owned(),
    }
}

fn certificate(names: &[&str], verdict: Verdict, suggested: Option<&str>) -> CertificateReport {
    CertificateReport {
        info: CertificateInfo {
            subject: format!("CN={}", names[0]),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            issuer: "CN=R11, O=Let's Encrypt, C=US".into(),
            not_before: "Mon, 2 Nov 2026 08:00:00 +0000".into(),
            not_after: "Sun, 31 Jan 2027 08:00:00 +0000".into(),
            expired: false,
            self_signed: false,
            sha256: "3F:9A:0C:…".into(),
            key: "EC 256 bits".into(),
        },
        verdict,
        suggested_host: suggested.map(str::to_owned),
    }
}

/// What a search for `shop@example.com` could find.
pub fn report() -> DiscoveryReport {
    let mut good = row(
        "smtp.example.com",
        587,
        Security::StartTls,
        Reachability::Open,
        "STARTTLS on port 587 with sign-in (PLAIN LOGIN) after encryption, certificate trusted.",
    );
    good.usable = true;
    good.certificate = Some(certificate(&["smtp.example.com"], Verdict::Trusted, None));
    let mut mismatch = row(
        "mail.example.com",
        587,
        Security::StartTls,
        Reachability::Open,
        "STARTTLS on port 587 works, but the certificate is for server12.hoster.example, not mail.example.com: use server12.hoster.example as the host.",
    );
    mismatch.from = vec![SourceKind::Guess];
    mismatch.certificate = Some(certificate(
        &["server12.hoster.example"],
        Verdict::NameMismatch,
        Some("server12.hoster.example"),
    ));
    let candidates = vec![
        good,
        mismatch,
        row(
            "smtp.example.com",
            587,
            Security::None,
            Reachability::Open,
            "Unencrypted (enableSsl=\"false\"): this server offers STARTTLS, so keep SSL on.",
        ),
        row(
            "smtp.example.com",
            465,
            Security::ImplicitTls,
            Reachability::Open,
            "Port 465 wants SSL on connect, which ASP.NET (System.Net.Mail) cannot do; never use it in web.config.",
        ),
        row(
            "smtp.example.com",
            25,
            Security::StartTls,
            Reachability::TimedOut,
            "No answer on port 25: it is blocked on the way, or the server ignores it.",
        ),
    ];
    DiscoveryReport {
        domain: "example.com".into(),
        target: Target::DotNet,
        discovery: vec![
            SourceReport {
                source: SourceKind::SrvSubmission,
                query: "_submission._tcp.example.com SRV".into(),
                found: vec!["smtp.example.com:587 starttls".into()],
                error: None,
            },
            SourceReport {
                source: SourceKind::Mx,
                query: "example.com MX".into(),
                found: vec!["mx1.example.com".into()],
                error: None,
            },
        ],
        candidates,
        recommended: Some(Recommendation {
            host: "smtp.example.com".into(),
            port: 587,
            security: Security::StartTls,
            enable_ssl: true,
            why: "STARTTLS on port 587 with sign-in (PLAIN LOGIN) after encryption, certificate trusted; found through the SRV record _submission._tcp.".into(),
        }),
        no_recommendation: None,
        port_check: Some(PortCheck {
            host: "smtp.example.com".into(),
            ports: vec![
                PortState { port: 587, reachability: Reachability::Open },
                PortState { port: 465, reachability: Reachability::Open },
                PortState { port: 25, reachability: Reachability::TimedOut },
            ],
            note: mail_settings_tester::discover::PORT_NOTE.into(),
        }),
        cancelled: false,
        total_ms: 2140,
    }
}
