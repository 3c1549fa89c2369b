//! The support report's evidence: the secure connection, the server and the transcript. The
//! labels are words in the current language; what the server and the certificate said stays as
//! it was.

use std::fmt::Write as _;

use super::heading;
use crate::session::SessionReport;

/// The TLS version, the cipher and the certificate (its facts as they are).
pub(super) fn secure_section(out: &mut String, report: &SessionReport) {
    heading(out, &crate::tr!("Secure connection"));
    let mut item = |text: String| {
        let _ = writeln!(out, "- {text}");
    };
    match &report.tls {
        Some(tls) => {
            item(crate::tr!("TLS version: {version}", version = tls.version));
            item(crate::tr!("cipher: {cipher}", cipher = tls.cipher));
        }
        None => item(crate::tr!("not encrypted (no TLS was set up)")),
    }
    if report.password_sent_unencrypted {
        item(crate::tr!(
            "WARNING: the password was sent over the unencrypted connection (allowed for this test)"
        ));
    }
    if let Some(cert) = &report.certificate {
        item(crate::tr!(
            "certificate subject: {subject}",
            subject = cert.subject
        ));
        item(crate::tr!(
            "certificate names: {names}",
            names = cert.names.join(", ")
        ));
        item(crate::tr!("issued by: {issuer}", issuer = cert.issuer));
        item(crate::tr!(
            "valid from {start} until {end}",
            start = cert.not_before,
            end = cert.not_after
        ));
        item(crate::tr!(
            "expired: {answer}",
            answer = yes_no(cert.expired)
        ));
        item(crate::tr!(
            "self-signed: {answer}",
            answer = yes_no(cert.self_signed)
        ));
        item(crate::tr!(
            "SHA-256 fingerprint: {fingerprint}",
            fingerprint = cert.sha256
        ));
    }
    if let Some(problem) = &report.accepted_certificate_problem {
        let problem = format!("{problem:?}");
        item(crate::tr!(
            "certificate problem accepted for this test only: {problem}",
            problem = problem
        ));
    }
    out.push('\n');
}

/// `yes` or `no`, in words.
fn yes_no(value: bool) -> String {
    if value {
        crate::tr!("yes")
    } else {
        crate::tr!("no")
    }
}

/// What the server said about itself: its greeting, extensions and sign-in methods.
pub(super) fn server_section(out: &mut String, report: &SessionReport) {
    heading(out, &crate::tr!("Server"));
    let server = &report.server;
    let none = crate::tr!("(none received)");
    let mut item = |text: String| {
        let _ = writeln!(out, "- {text}");
    };
    // The greeting and the extensions are the server's own words.
    item(crate::tr!(
        "greeting: {banner}",
        banner = server.banner.as_deref().unwrap_or(&none)
    ));
    let extensions = if server.extensions.is_empty() {
        none.clone()
    } else {
        server.extensions.join(", ")
    };
    item(crate::tr!(
        "EHLO extensions: {extensions}",
        extensions = extensions
    ));
    if !server.auth_mechanisms.is_empty() {
        item(crate::tr!(
            "sign-in methods offered: {methods}",
            methods = server.auth_mechanisms.join(" ")
        ));
    }
    if let Some(id) = &report.message_id {
        item(crate::tr!("Message-ID of the test message: {id}", id = id));
    }
    out.push('\n');
}

/// The whole (redacted) transcript, as it was.
pub(super) fn transcript_section(out: &mut String, report: &SessionReport) {
    heading(out, &crate::tr!("Transcript"));
    let legend = crate::tr!(
        "`->` we sent, `<-` the server answered, `~>`/`<~` the same once encrypted, `**` notes from the tester. Passwords show as `<redacted>`."
    );
    let _ = write!(out, "{legend}\n\n");
    out.push_str("```\n");
    for line in &report.transcript {
        let _ = writeln!(out, "{:>6} ms {} {}", line.ms, line.mark(), line.text);
    }
    out.push_str("```\n");
}
