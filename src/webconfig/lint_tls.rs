//! The site's .NET version and the encryption mail servers now demand: .NET Framework apps that
//! target 4.5.2 or older offer only TLS 1.0 (and SSL 3) by default, while mail providers accept
//! TLS 1.2 or newer, so an `enableSsl="true"` site fails in the handshake with "Authentication
//! failed because the remote party has closed the transport stream."

use super::Finding;
use super::document::Document;
use super::lint::{code, finding};
use super::section;
use crate::settings::Severity;

/// Checks the stated `targetFramework` against encryption being on.
pub(crate) fn check_tls_version(doc: &Document<'_>, enable_ssl: bool, findings: &mut Vec<Finding>) {
    if !enable_ssl {
        return;
    }
    let Some(stated) = section::target_framework(doc) else {
        return;
    };
    if !offers_only_tls10(&stated) {
        return;
    }
    findings.push(finding(
        code::TLS12_NOT_DEFAULT,
        Severity::Warning,
        None,
        crate::en!(
            "targetFramework=\"{stated}\": a site that targets .NET Framework 4.5.2 or older offers \
             only TLS 1.0 by default, and mail servers now accept only TLS 1.2 or newer, so sending \
             fails with \"Authentication failed because the remote party has closed the transport \
             stream.\" unless the server's Windows is set to use strong encryption for every program.",
            stated = stated,
        ),
        crate::en!(
            "Write <httpRuntime targetFramework=\"4.8\" /> in <system.web> (.NET Framework 4.8 must be \
             installed on the web server; your host can tell), or have your developer add \
             ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12; at start-up."
        ),
    ));
}

/// `4.0`, `4.5`, `4.5.1`, `4.5.2` (and 2.0–3.5): versions whose default is TLS 1.0.
fn offers_only_tls10(stated: &str) -> bool {
    let mut parts = stated.trim().trim_start_matches(['v', 'V']).split('.');
    let major: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    major != 0 && (major < 4 || (major == 4 && minor < 6))
}

#[cfg(test)]
mod tests {
    use super::offers_only_tls10;

    #[test]
    fn four_five_two_and_older_offer_only_tls_1_0() {
        for old in ["4.0", "4.5", "4.5.2", "v4.5.1", "3.5", "2.0"] {
            assert!(offers_only_tls10(old), "{old}");
        }
        for new in ["4.6", "4.6.2", "4.7.2", "4.8", "4.8.1", "", "x"] {
            assert!(!offers_only_tls10(new), "{new}");
        }
    }
}
