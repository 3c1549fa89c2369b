//! The ASP.NET target's trust on Windows: what Windows trusts (its certificate store, with the
//! roots a company added), as System.Net.Mail does, through rustls-platform-verifier.
//!
//! System.Net.Mail does not check revocation by default, while the platform verifier asks
//! Windows to: when Windows could not find out whether a certificate was revoked (no CRL or
//! OCSP answer: a closed network, a private CA; Wine never can), the certificate is checked
//! against the public roots and the extra CA file instead, so that such a failure is never
//! reported as the server's fault.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};

/// `CERT_E_REVOCATION_FAILURE`, `CRYPT_E_REVOCATION_OFFLINE`, `CRYPT_E_NO_REVOCATION_CHECK`.
const REVOCATION_UNKNOWN: [i32; 3] = [-2_146_762_482, -2_146_885_613, -2_146_885_614];

/// Windows' verdict, or the public roots' when Windows could not check revocation.
#[derive(Debug)]
pub struct WindowsTrust {
    store: rustls_platform_verifier::Verifier,
    public: Arc<WebPkiServerVerifier>,
}

impl WindowsTrust {
    /// Windows' store with the `extra` roots added (where Windows can: 8 and later), and the
    /// public roots with them for when revocation cannot be checked; `None` when Windows'
    /// store cannot be used at all.
    pub fn new(
        extra: Vec<CertificateDer<'static>>,
        public: Arc<WebPkiServerVerifier>,
        provider: Arc<rustls::crypto::CryptoProvider>,
    ) -> Option<Self> {
        let store = if extra.is_empty() {
            rustls_platform_verifier::Verifier::new(provider)
        } else {
            rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider)
        };
        store.ok().map(|store| Self { store, public })
    }
}

/// Whether Windows refused only because it could not find out about revocation.
fn revocation_unknown(err: &rustls::Error) -> bool {
    let rustls::Error::InvalidCertificate(CertificateError::Other(other)) = err else {
        return false;
    };
    let code = other
        .0
        .downcast_ref::<std::io::Error>()
        .and_then(std::io::Error::raw_os_error);
    let text = other.0.to_string();
    REVOCATION_UNKNOWN
        .iter()
        .any(|known| code == Some(*known) || text.contains(&format!("(os error {known})")))
}

impl ServerCertVerifier for WindowsTrust {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.store.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Err(err) if revocation_unknown(&err) => self.public.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            ),
            verdict => verdict,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.public.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.public.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.public.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os_error(code: i32) -> rustls::Error {
        rustls::Error::InvalidCertificate(CertificateError::Other(rustls::OtherError(Arc::new(
            std::io::Error::from_raw_os_error(code),
        ))))
    }

    #[test]
    fn only_an_unknown_revocation_status_hands_over_to_the_public_roots() {
        for code in REVOCATION_UNKNOWN {
            assert!(revocation_unknown(&os_error(code)), "{code}");
        }
        // CERT_E_UNTRUSTEDROOT is Windows' own verdict: it stands.
        assert!(!revocation_unknown(&os_error(-2_146_762_487)));
        assert!(!revocation_unknown(&rustls::Error::InvalidCertificate(
            CertificateError::UnknownIssuer
        )));
    }
}
