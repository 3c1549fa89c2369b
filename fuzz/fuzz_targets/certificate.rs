//! Arbitrary bytes as a server's certificate: `CertificateInfo::from_der` and `covers`. Nothing
//! may panic, and for whatever parses: no name, subject or issuer holds a control or
//! bidi/invisible formatting character (they are shown escaped); the SHA-256 is the input's, as
//! colon-separated upper-case hex; every plain name is covered by itself in any ASCII case, and
//! every wildcard covers one label in front of its suffix.

#![no_main]

mod common;

use common::assert_displayable;
use libfuzzer_sys::fuzz_target;
use mail_settings_tester::certificate::{CertificateInfo, fingerprint};

fuzz_target!(|data: &[u8]| {
    let Some(info) = CertificateInfo::from_der(data) else {
        return;
    };
    assert_displayable("subject", &info.subject);
    assert_displayable("issuer", &info.issuer);
    assert_displayable("not_before", &info.not_before);
    assert_displayable("not_after", &info.not_after);
    assert_eq!(info.sha256, fingerprint(data));
    assert_eq!(info.sha256.len(), 32 * 3 - 1);
    assert!(
        info.sha256
            .chars()
            .all(|c| c == ':' || c.is_ascii_digit() || ('A'..='F').contains(&c))
    );
    for name in &info.names {
        assert_displayable("name", name);
        if name.is_empty() || name.ends_with('.') {
            continue;
        }
        match name.strip_prefix("*.") {
            Some(suffix) => {
                if !suffix.is_empty() {
                    let host = format!("mail.{suffix}");
                    assert!(info.covers(&host), "{name} does not cover {host}");
                }
            }
            None => {
                assert!(info.covers(name), "{name} does not cover itself");
                assert!(info.covers(&name.to_ascii_uppercase()));
                assert!(
                    info.covers(&format!("{name}.")),
                    "a final dot is the same host"
                );
            }
        }
    }
    // Any text as a host name: no panic.
    let _ = info.covers(&String::from_utf8_lossy(data));
    let _ = info.covers("");
});
