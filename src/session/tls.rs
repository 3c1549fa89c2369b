//! TLS for the session: trust roots, a verifier that records the certificate and its verdict
//! (so a failed handshake can still show whose certificate it was), and the handshake itself.

use std::sync::{Arc, Mutex, PoisonError};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};

use super::error::CertProblem;
use crate::certificate::CertificateInfo;

/// What the verifier saw during the last handshake.
#[derive(Debug, Default, Clone)]
pub struct Observed {
    /// The server's chain, leaf first (DER).
    pub chain: Vec<Vec<u8>>,
    /// The verdict of strict verification, `None` if verification never ran.
    pub verdict: Option<Result<(), rustls::Error>>,
}

/// Whose word decides that a certificate is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// The public web roots (Mozilla's list, built in), plus the extra CA file: the same on
    /// every computer.
    PublicRoots,
    /// What this computer's operating system trusts (on Windows, its certificate store, with
    /// the roots the company added: what System.Net.Mail trusts there), plus the extra CA file.
    /// Elsewhere the same as [`Trust::PublicRoots`].
    System,
}

impl Trust {
    /// The trust of the program being imitated: ASP.NET's System.Net.Mail asks the operating
    /// system; anything else here uses the public roots.
    pub fn for_target(target: crate::settings::Target) -> Self {
        match target {
            crate::settings::Target::DotNet => Self::System,
            crate::settings::Target::Generic => Self::PublicRoots,
        }
    }
}

/// A verifier that runs the normal checks (WebPKI, or the operating system's), records chain
/// and verdict, and (only when the user allowed it) accepts a certificate that failed them.
#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    accept_invalid: bool,
    observed: Arc<Mutex<Observed>>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map(|_| ());
        {
            let mut observed = self.observed.lock().unwrap_or_else(PoisonError::into_inner);
            observed.chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|der| der.as_ref().to_vec())
                .collect();
            observed.verdict = Some(verdict.clone());
        }
        match verdict {
            Ok(()) => Ok(ServerCertVerified::assertion()),
            Err(_) if self.accept_invalid => Ok(ServerCertVerified::assertion()),
            Err(err) => Err(err),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A ready TLS client configuration and the window into what its verifier saw.
#[derive(Clone)]
pub struct TlsSetup {
    /// The connector for handshakes.
    pub connector: tokio_rustls::TlsConnector,
    observed: Arc<Mutex<Observed>>,
}

impl TlsSetup {
    /// Builds the configuration: `trust`'s roots plus the certificates in `extra_ca` (PEM or
    /// DER).
    pub fn new(
        extra_ca: Option<&[u8]>,
        accept_invalid: bool,
        trust: Trust,
    ) -> Result<Self, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let inner = verifier(extra_ca, trust, &provider)?;
        let observed = Arc::new(Mutex::new(Observed::default()));
        let verifier = RecordingVerifier {
            inner,
            accept_invalid,
            observed: observed.clone(),
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|err| crate::en!("TLS set-up failed ({error})", error = err))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        Ok(Self {
            connector: tokio_rustls::TlsConnector::from(Arc::new(config)),
            observed,
        })
    }

    /// What the verifier saw in the most recent handshake (and resets it).
    pub fn take_observed(&self) -> Observed {
        std::mem::take(&mut *self.observed.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The verifier for `trust` with the certificates of `extra_ca` added.
fn verifier(
    extra_ca: Option<&[u8]>,
    trust: Trust,
    provider: &Arc<rustls::crypto::CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>, String> {
    let roots = root_store(extra_ca)?;
    let public = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|err| crate::en!("no usable certificate authority ({error})", error = err))?;
    // Windows: what its certificate store trusts (see `windows_trust`); the public roots and
    // the extra CA file where that store cannot be used.
    #[cfg(windows)]
    if trust == Trust::System {
        let extra = extra_ca
            .map(extra_certificates)
            .transpose()?
            .unwrap_or_default();
        if let Some(windows) =
            super::windows_trust::WindowsTrust::new(extra, public.clone(), provider.clone())
        {
            return Ok(Arc::new(windows));
        }
    }
    #[cfg(not(windows))]
    let _ = trust;
    Ok(public)
}

/// The public web roots plus the certificates in `extra_ca` (every one must be usable).
pub fn root_store(extra_ca: Option<&[u8]>) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for cert in extra_ca
        .map(extra_certificates)
        .transpose()?
        .unwrap_or_default()
    {
        roots.add(cert).map_err(|err| {
            crate::en!("a certificate in it is not usable ({error})", error = err)
        })?;
    }
    Ok(roots)
}

/// The certificates of a CA file: PEM (one or more `-----BEGIN CERTIFICATE-----` blocks, what
/// Linux tools and Windows' "Base-64 encoded X.509 (.CER)" export write) or one DER
/// certificate (Windows' "DER encoded binary X.509 (.CER)").
pub fn extra_certificates(bytes: &[u8]) -> Result<Vec<CertificateDer<'static>>, String> {
    let mut certificates = Vec::new();
    for cert in CertificateDer::pem_slice_iter(bytes) {
        certificates.push(
            cert.map_err(|err| crate::en!("it is not a valid PEM file ({error})", error = err))?,
        );
    }
    if !certificates.is_empty() {
        return Ok(certificates);
    }
    // DER: one ASN.1 SEQUENCE that parses as an X.509 certificate.
    match x509_parser::parse_x509_certificate(bytes) {
        Ok((rest, _)) if bytes.first() == Some(&0x30) && rest.is_empty() => {
            Ok(vec![CertificateDer::from(bytes.to_vec())])
        }
        _ => Err(crate::en!(
            "it holds no certificate: a PEM file (-----BEGIN CERTIFICATE-----) or a DER .cer file \
             was expected"
        )
        .into()),
    }
}

/// The name to verify the certificate against (a DNS name or an IP address).
pub fn server_name(host: &str) -> Result<ServerName<'static>, String> {
    ServerName::try_from(host.to_owned()).map_err(|err| {
        crate::en!(
            "{host} is not a valid TLS name ({error})",
            host = host,
            error = err
        )
    })
}

/// The certificate problem behind a failed verification, if that is what it was.
pub fn cert_problem(
    error: &rustls::Error,
    host: &str,
    leaf: Option<&CertificateInfo>,
) -> Option<CertProblem> {
    let rustls::Error::InvalidCertificate(cert_error) = error else {
        return None;
    };
    Some(match cert_error {
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            CertProblem::NameMismatch {
                expected: host.to_owned(),
                presented: leaf.map(|cert| cert.names.clone()).unwrap_or_default(),
            }
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => CertProblem::Expired,
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            CertProblem::NotYetValid
        }
        CertificateError::UnknownIssuer | CertificateError::BadSignature => CertProblem::Untrusted,
        other => CertProblem::Other(format!("{other:?}")),
    })
}

/// `TLSv1_3` → `TLS 1.3`.
pub fn version_label(version: rustls::ProtocolVersion) -> String {
    match version {
        rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3".to_owned(),
        rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2".to_owned(),
        other => format!("{other:?}"),
    }
}

/// The fatal alert the server sent during a failed handshake (its RFC 8446 code), if any.
pub fn alert_received(err: &std::io::Error) -> Option<u8> {
    match err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())?
    {
        rustls::Error::AlertReceived(alert) => Some(u8::from(*alert)),
        _ => None,
    }
}

/// Whether a failed handshake means the server speaks only TLS 1.0 or 1.1: it answers our
/// TLS 1.2+ hello with a `protocol_version` alert, or offers a version rustls does not know.
pub fn speaks_only_old_tls(err: &std::io::Error) -> bool {
    let Some(tls) = err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    else {
        return false;
    };
    matches!(
        tls,
        rustls::Error::AlertReceived(rustls::AlertDescription::ProtocolVersion)
            | rustls::Error::PeerIncompatible(
                rustls::PeerIncompatible::ServerDoesNotSupportTls12Or13
                    | rustls::PeerIncompatible::SupportedVersionsExtensionRequired
            )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_ca() -> rcgen::CertifiedKey<rcgen::KeyPair> {
        rcgen::generate_simple_self_signed(vec!["ca.test".to_owned()]).unwrap()
    }

    #[test]
    fn a_ca_file_may_be_pem_or_the_der_cer_windows_exports() {
        let ca = test_ca();
        let der = ca.cert.der().to_vec();
        let pem = ca.cert.pem();
        assert_eq!(extra_certificates(pem.as_bytes()).unwrap()[0].as_ref(), der);
        assert_eq!(extra_certificates(&der).unwrap()[0].as_ref(), der);
        let before = root_store(None).unwrap().len();
        assert_eq!(root_store(Some(&der)).unwrap().len(), before + 1);
    }

    #[test]
    fn a_file_with_no_certificate_is_named_as_such() {
        for bytes in [&b"hello"[..], &[0x30, 0x03, 0x02, 0x01, 0x01][..], &b""[..]] {
            let err = extra_certificates(bytes).unwrap_err();
            assert!(err.contains("PEM") && err.contains("DER"), "{err}");
        }
    }

    #[test]
    fn aspnet_trusts_the_system_and_other_programs_the_public_roots() {
        use crate::settings::Target;
        assert_eq!(Trust::for_target(Target::DotNet), Trust::System);
        assert_eq!(Trust::for_target(Target::Generic), Trust::PublicRoots);
        for trust in [Trust::System, Trust::PublicRoots] {
            if let Err(err) = TlsSetup::new(None, false, trust) {
                panic!("{trust:?}: {err}");
            }
        }
    }
}
