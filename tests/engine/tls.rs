//! Secure connections: implicit TLS, certificates that fail (named, and still shown), accepted
//! invalid certificates, and extra certificate authorities.

use super::*;

#[tokio::test]
async fn implicit_tls_for_the_generic_target() {
    let server = TestServer::start(ServerConfig {
        implicit_tls: true,
        offer_starttls: false,
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        target: Target::Generic,
        security: Some(Security::ImplicitTls),
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(
        report
            .transcript
            .iter()
            .filter(|l| l.dir == Direction::Server)
            .all(|l| l.encrypted)
    );
    assert_eq!(
        report.step(Step::Tls).map(|r| r.status),
        Some(StepStatus::Passed)
    );
}

#[tokio::test]
async fn implicit_tls_against_a_starttls_port() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        target: Target::Generic,
        security: Some(Security::ImplicitTls),
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    match &report.error {
        Some(SessionError::TlsHandshake {
            plain_banner: Some(banner),
            certificate: None,
            ..
        }) => {
            assert!(banner.starts_with("220 fake.test"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        diagnosis_id(&settings, &report),
        DiagnosisId::TlsOnPlainPort
    );
}

#[tokio::test]
async fn certificate_problems_are_named_and_the_certificate_still_shown() {
    let cases = [
        (CertKind::WrongName, DiagnosisId::CertificateNameMismatch),
        (CertKind::Expired, DiagnosisId::CertificateExpired),
        (CertKind::SelfSigned, DiagnosisId::CertificateUntrusted),
    ];
    for (cert, expected) in cases {
        let server = TestServer::start(ServerConfig {
            cert,
            ..ServerConfig::default()
        })
        .await;
        let settings = settings_for(&server);
        let (report, _) = run(&settings).await;
        assert!(
            matches!(
                report.error,
                Some(SessionError::TlsHandshake {
                    certificate: Some(_),
                    ..
                })
            ),
            "{cert:?}: {:?}",
            report.error
        );
        assert!(
            report.certificate.is_some(),
            "{cert:?}: certificate fetched despite failure"
        );
        assert_eq!(diagnosis_id(&settings, &report), expected, "{cert:?}");
    }
}

#[tokio::test]
async fn name_mismatch_lists_the_names_the_certificate_is_for() {
    let server = TestServer::start(ServerConfig {
        cert: CertKind::WrongName,
        ..ServerConfig::default()
    })
    .await;
    let (report, _) = run(&settings_for(&server)).await;
    let Some(SessionError::TlsHandshake {
        certificate:
            Some(CertProblem::NameMismatch {
                expected,
                presented,
            }),
        ..
    }) = &report.error
    else {
        panic!("{:?}", report.error);
    };
    assert_eq!(expected, "localhost");
    assert_eq!(presented, &vec!["mail.other-host.example".to_owned()]);
}

#[tokio::test]
async fn accepting_an_invalid_certificate_works_but_is_reported() {
    let server = TestServer::start(ServerConfig {
        cert: CertKind::SelfSigned,
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        accept_invalid_certs: true,
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(
        report.accepted_certificate_problem,
        Some(CertProblem::Untrusted)
    );
    assert!(
        report
            .transcript
            .iter()
            .any(|l| l.text.starts_with("warning: the certificate is not valid"))
    );
}

#[tokio::test]
async fn without_the_test_ca_a_private_certificate_is_untrusted() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        ca_file: None,
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert_eq!(
        diagnosis_id(&settings, &report),
        DiagnosisId::CertificateUntrusted,
        "{:?}",
        report.error
    );
}

#[tokio::test]
async fn a_missing_ca_file_is_a_clear_error() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        ca_file: Some("/nonexistent/ca.pem".into()),
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(
        matches!(&report.error, Some(SessionError::CaFile { path, .. }) if path == "/nonexistent/ca.pem")
    );
}
