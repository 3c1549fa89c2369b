//! TLS against hostile servers: a handshake cut short, encryption expected on the wrong side,
//! and a certificate whose names and issuer carry terminal tricks.

use mail_settings_tester::diagnosis::DiagnosisId as D;
use mail_settings_tester::session::SessionError;
use mail_settings_tester::settings::{Security, Settings, Target};

use super::{Ended, faulty, keep, scenario};
use crate::support::pki::{CertKind, TestPki};
use crate::support::smtp_server::{Fault, ServerConfig};

/// The server takes the `ClientHello` and hangs up. System.Net.Mail says "the remote party has
/// closed the transport stream", which `explain` already reads as `tls_handshake_failed`; the
/// live test agrees with the pasted message.
#[tokio::test]
async fn drop_in_the_tls_handshake_is_a_failed_handshake() {
    let Ended { report, .. } = scenario(
        faulty(Fault::DropInTlsHandshake),
        keep,
        D::TlsHandshakeFailed,
    )
    .await;
    assert!(matches!(
        report.error,
        Some(SessionError::TlsHandshake {
            certificate: None,
            ..
        })
    ));
}

/// SSL on connect against a port that greets in plain text: `tls_on_plain_port`.
#[tokio::test]
async fn implicit_tls_on_a_plain_port() {
    let implicit = |settings: &mut Settings| {
        settings.target = Target::Generic;
        settings.security = Some(Security::ImplicitTls);
    };
    scenario(ServerConfig::default(), implicit, D::TlsOnPlainPort).await;
}

/// The reverse: plain text against an SSL-on-connect port. The probe finds TLS, and
/// `no_greeting` explains that ASP.NET cannot do SSL on connect.
#[tokio::test]
async fn plain_text_on_an_implicit_tls_port() {
    let config = ServerConfig {
        implicit_tls: true,
        ..ServerConfig::default()
    };
    let Ended { report, .. } = scenario(config, keep, D::NoGreeting).await;
    assert!(matches!(
        report.error,
        Some(SessionError::NoGreeting {
            port_speaks_tls: true,
            ..
        })
    ));
}

/// A certificate whose names and issuer carry terminal tricks. From an unknown CA:
/// `certificate_untrusted`, naming the issuer (escaped). With that CA trusted: its names do not
/// cover the host, `certificate_name_mismatch`, listing them (escaped).
#[tokio::test]
async fn a_certificate_with_hostile_names() {
    let config = || ServerConfig {
        cert: CertKind::Hostile,
        ..ServerConfig::default()
    };
    let Ended { report, seen, .. } = scenario(config(), keep, D::CertificateUntrusted).await;
    let cert = report.certificate.expect("the certificate is reported");
    for escaped in [
        "\\x1b[2J",
        "\\x07",
        "\\u{202e}",
        "\\x00",
        "\\x9b",
        "\\x85",
        "\\x7f",
    ] {
        assert!(
            cert.subject.contains(escaped),
            "{escaped} in {}",
            cert.subject
        );
    }
    assert!(
        cert.issuer.contains("\\x1b[31mTrusted\\x07"),
        "{}",
        cert.issuer
    );
    assert!(cert.names.iter().any(|name| name.contains("\\x1b[2J")));
    assert!(seen.contains("issued by"), "the diagnosis names the issuer");

    let trust_it = |settings: &mut Settings| {
        settings.ca_file = Some(TestPki::get().hostile_ca_pem_path().to_path_buf());
    };
    let Ended { seen, .. } = scenario(config(), trust_it, D::CertificateNameMismatch).await;
    assert!(
        seen.contains("It is valid for"),
        "the diagnosis lists the names"
    );
}
