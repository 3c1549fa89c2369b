//! Encryption: STARTTLS missing, handshakes that failed, and the server's certificate (its name,
//! who issued it, its dates), plus the extra CA file that could not be used.

use super::Context;
use crate::diagnosis::texts::{NOT_YET_VALID, base, variant};
use crate::diagnosis::{Change, Diagnosis, DiagnosisId as D};
use crate::session::CertProblem;

impl Context<'_> {
    /// The handshake failed: the certificate's problem when known, else a plain-text port, else
    /// what the encryption library said.
    pub(super) fn tls_handshake(
        &self,
        detail: &str,
        certificate: Option<&CertProblem>,
        plain_banner: Option<&str>,
    ) -> Diagnosis {
        match certificate {
            Some(CertProblem::NameMismatch {
                expected,
                presented,
            }) => self.name_mismatch(expected, presented),
            Some(CertProblem::Untrusted) => self.untrusted(),
            Some(CertProblem::Expired) => self.expired(),
            Some(CertProblem::NotYetValid) => variant(D::CertificateExpired, &NOT_YET_VALID),
            Some(CertProblem::Other(_)) | None => match plain_banner {
                Some(banner) => self.tls_on_plain_port(banner),
                None => handshake_failed(detail),
            },
        }
    }

    /// The server does not offer STARTTLS.
    pub(super) fn starttls_not_offered(&self) -> Diagnosis {
        let diagnosis = base(D::StarttlsNotOffered);
        if self.port() == 25 {
            diagnosis.with_change(self.suggest(vec![Change::Port(587)]))
        } else {
            diagnosis
        }
    }

    /// The certificate is for other names: the one to use instead, when it is a single name.
    fn name_mismatch(&self, expected: &str, presented: &[String]) -> Diagnosis {
        let names: Vec<String> = if presented.is_empty() {
            self.report
                .certificate
                .as_ref()
                .map(|c| c.names.clone())
                .unwrap_or_default()
        } else {
            presented.to_vec()
        };
        let expected = self.name_or_host(expected);
        let mut diagnosis = base(D::CertificateNameMismatch);
        if !names.is_empty() {
            diagnosis = diagnosis.explain_more(valid_for(&names, expected));
        }
        let plain: Vec<&String> = names
            .iter()
            .filter(|name| !name.starts_with("*."))
            .collect();
        if let [only] = plain.as_slice() {
            diagnosis = diagnosis
                .step_first(crate::en!("Change `host` to `{only}`.", only = only))
                .with_change(self.suggest(vec![Change::Host((*only).clone())]));
        }
        if let Some(provider) = self.provider.filter(|p| p.name == "OVHcloud") {
            diagnosis = diagnosis.step_first(provider.sign_in);
        }
        diagnosis
    }

    /// The certificate comes from no authority this computer trusts.
    fn untrusted(&self) -> Diagnosis {
        let diagnosis = base(D::CertificateUntrusted);
        match &self.report.certificate {
            Some(cert) if cert.self_signed => diagnosis.explain_more(crate::en!(
                "This one is self-signed: the server made it for itself."
            )),
            Some(cert) if !cert.issuer.trim().is_empty() => diagnosis.explain_more(crate::en!(
                "It was issued by {issuer}.",
                issuer = cert.issuer.trim(),
            )),
            _ => diagnosis,
        }
    }

    /// The certificate is past its end date.
    fn expired(&self) -> Diagnosis {
        let diagnosis = base(D::CertificateExpired);
        match &self.report.certificate {
            Some(cert) if !cert.not_after.trim().is_empty() => diagnosis.explain_more(crate::en!(
                "It was valid until {until}.",
                until = cert.not_after.trim(),
            )),
            _ => diagnosis,
        }
    }

    /// SSL on connect to a port that greets in plain text (`banner`) and wants STARTTLS.
    fn tls_on_plain_port(&self, banner: &str) -> Diagnosis {
        base(D::TlsOnPlainPort)
            .with_explanation(crate::en!(
                "The test started encryption straight away (\"SSL on connect\"), but this port greets in plain \
                 text first and then switches with STARTTLS (the way a mail server switches to an encrypted \
                 connection). The two ways do not mix, so the handshake (the exchange that sets up \
                 encryption) failed."
            ))
            .with_reply(banner)
            .with_change(self.suggest(vec![self.starttls()]))
    }
}

/// "It is valid for …, not for `expected`": at most six names, then how many more.
fn valid_for(names: &[String], expected: &str) -> String {
    let shown: Vec<&str> = names.iter().take(6).map(String::as_str).collect();
    let list = shown.join(", ");
    let more = names.len() - shown.len();
    if more > 0 {
        crate::en!(
            "It is valid for {list} and {more} more, not for {expected}.",
            list = list,
            more = more,
            expected = expected,
        )
    } else {
        crate::en!(
            "It is valid for {list}, not for {expected}.",
            list = list,
            expected = expected,
        )
    }
}

/// Any other failed handshake, with what the encryption library said.
fn handshake_failed(detail: &str) -> Diagnosis {
    let detail = detail.trim();
    let lower = detail.to_lowercase();
    let mut diagnosis = base(D::TlsHandshakeFailed);
    if !detail.is_empty() {
        diagnosis = diagnosis.explain_more(crate::en!(
            "The encryption library reported: \u{201c}{detail}\u{201d}.",
            detail = detail,
        ));
    }
    if lower.contains("protocol version") || lower.contains("protocolversion") {
        diagnosis = diagnosis.step_first(crate::en!(
            "The server seems to know only old encryption versions (TLS 1.0 or 1.1): ask your mail provider \
             to enable TLS 1.2 or newer."
        ));
    }
    diagnosis
}

/// The extra CA file (`--ca-file`) could not be read or used.
pub(super) fn ca_file(path: &str, detail: &str) -> Diagnosis {
    base(D::CertificateUntrusted)
        .with_summary(crate::en!("The extra certificate file could not be used"))
        .with_explanation(crate::en!(
            "The file {path}, given as \"Extra CA file\" (`--ca-file`: authorities your organisation \
             trusts besides the public ones), could not be used: {detail}. The test stopped before trusting \
             any server.",
            path = path,
            detail = detail.trim(),
        ))
        .with_steps([
            crate::en!("Check that the file exists at that path and that this program may read it."),
            crate::en!(
                "Check that it is a certificate file: a PEM text file that starts with \
                 `-----BEGIN CERTIFICATE-----`, or a .cer file Windows exported (either format)."
            ),
            crate::en!(
                "If the server has a certificate from a public authority, empty \"Extra CA file\" under \
                 Advanced."
            ),
        ])
}
