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

/// A verifier that runs the normal WebPKI checks, records chain and verdict, and (only when
/// the user allowed it) accepts a certificate that failed them.
#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
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
    /// Builds the configuration: the public web roots plus the PEM certificates in `extra_ca`.
    pub fn new(extra_ca: Option<&[u8]>, accept_invalid: bool) -> Result<Self, String> {
        let roots = root_store(extra_ca)?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .map_err(|err| format!("no usable certificate authority ({err})"))?;
        let observed = Arc::new(Mutex::new(Observed::default()));
        let verifier = RecordingVerifier {
            inner,
            accept_invalid,
            observed: observed.clone(),
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|err| format!("TLS set-up failed ({err})"))?
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

/// The public web roots plus the PEM certificates in `extra_ca` (every one must be usable).
pub fn root_store(extra_ca: Option<&[u8]>) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(pem) = extra_ca {
        let mut added = 0;
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert = cert.map_err(|err| format!("it is not a valid PEM file ({err})"))?;
            roots
                .add(cert)
                .map_err(|err| format!("a certificate in it is not usable ({err})"))?;
            added += 1;
        }
        if added == 0 {
            return Err("it contains no PEM certificate (-----BEGIN CERTIFICATE-----)".into());
        }
    }
    Ok(roots)
}

/// The name to verify the certificate against (a DNS name or an IP address).
pub fn server_name(host: &str) -> Result<ServerName<'static>, String> {
    ServerName::try_from(host.to_owned())
        .map_err(|err| format!("{host} is not a valid TLS name ({err})"))
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
