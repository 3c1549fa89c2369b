//! The verdict rules, one server behaviour at a time (the end-to-end cases are in
//! tests/scan/ against scripted servers and the real Postfix).

use super::{Verdict, judge};
use crate::discover::probe::Seen;
use crate::event::ServerInfo;
use crate::fleet::model::{FoundSite, Platform, SiteSettings, Transport};
use crate::fleet::server::ServerFacts;
use crate::secret::Password;
use crate::session::{CertProblem, SessionError, SessionReport};

fn info(starttls: bool, auth: &[&str]) -> ServerInfo {
    let mut extensions = vec!["PIPELINING".to_owned()];
    if starttls {
        extensions.push("STARTTLS".to_owned());
    }
    if !auth.is_empty() {
        extensions.push(format!("AUTH {}", auth.join(" ")));
    }
    ServerInfo {
        banner: Some("220 relay.example ESMTP".to_owned()),
        extensions,
        auth_mechanisms: auth.iter().map(|m| (*m).to_owned()).collect(),
    }
}

/// A server that offers STARTTLS, with `before` and `after` sign-in methods.
fn server(before: &[&str], after: &[&str]) -> ServerFacts {
    ServerFacts {
        report: SessionReport::default(),
        seen: Seen {
            tls_up: true,
            before: info(true, before),
            after: info(false, after),
        },
        ms: 5,
    }
}

fn site(platform: Platform, transport: Transport, user: &str) -> FoundSite {
    FoundSite {
        site: "shop.example".to_owned(),
        path: "web.config".into(),
        platform,
        settings: Ok(SiteSettings {
            host: "relay.example".to_owned(),
            port: 587,
            transport,
            user: user.to_owned(),
            password: Password::new("pw"),
            enable_ssl: (platform == Platform::AspNet).then_some(transport == Transport::StartTls),
            ..SiteSettings::default()
        }),
    }
}

#[test]
fn sign_in_offered_only_after_encryption_breaks_a_site_without_it() {
    let facts = server(&[], &["PLAIN", "LOGIN"]);
    let plain = judge(
        &site(Platform::AspNet, Transport::Plain, "me"),
        Some(&facts),
    );
    assert_eq!(plain.verdict, Verdict::Broken);
    assert_eq!(plain.id.as_deref(), Some("auth_requires_tls"));
    assert_eq!(plain.fix, vec!["enableSsl: false → true".to_owned()]);
    let secure = judge(
        &site(Platform::AspNet, Transport::StartTls, "me"),
        Some(&facts),
    );
    assert_eq!(secure.verdict, Verdict::Ok);
    let anonymous = judge(&site(Platform::AspNet, Transport::Plain, ""), Some(&facts));
    assert_eq!(
        anonymous.verdict,
        Verdict::Ok,
        "no sign-in: nothing to refuse"
    );
}

#[test]
fn a_password_that_crosses_unencrypted_is_at_risk() {
    let facts = server(&["LOGIN"], &["LOGIN"]);
    let judged = judge(
        &site(Platform::AspNet, Transport::Plain, "me"),
        Some(&facts),
    );
    assert_eq!(judged.verdict, Verdict::AtRisk);
    assert_eq!(judged.id.as_deref(), Some("password_unencrypted"));
}

#[test]
fn starttls_when_offered_follows_the_server() {
    let mut facts = server(&["LOGIN"], &["LOGIN"]);
    let laravel = site(Platform::Laravel, Transport::StartTlsIfOffered, "me");
    assert_eq!(judge(&laravel, Some(&facts)).verdict, Verdict::Ok);
    facts.seen.before = info(false, &["LOGIN"]);
    facts.seen.tls_up = false;
    let judged = judge(&laravel, Some(&facts));
    assert_eq!(judged.verdict, Verdict::AtRisk, "{judged:?}");
}

#[test]
fn aspnet_needs_login_and_other_programs_take_plain() {
    let facts = server(&[], &["PLAIN", "CRAM-MD5"]);
    let asp = judge(
        &site(Platform::AspNet, Transport::StartTls, "me"),
        Some(&facts),
    );
    assert_eq!(asp.verdict, Verdict::Broken);
    assert_eq!(asp.id.as_deref(), Some("auth_mechanism_unsupported"));
    let php = judge(
        &site(Platform::WordPress, Transport::StartTls, "me"),
        Some(&facts),
    );
    assert_eq!(php.verdict, Verdict::Ok);
}

#[test]
fn a_bad_certificate_counts_only_for_sites_that_encrypt() {
    let mut facts = server(&["LOGIN"], &["LOGIN"]);
    facts.report.accepted_certificate_problem = Some(CertProblem::Untrusted);
    let secure = judge(
        &site(Platform::AspNet, Transport::StartTls, ""),
        Some(&facts),
    );
    assert_eq!(secure.verdict, Verdict::Broken);
    assert_eq!(secure.id.as_deref(), Some("certificate_untrusted"));
    let plain = judge(&site(Platform::AspNet, Transport::Plain, ""), Some(&facts));
    assert_eq!(plain.verdict, Verdict::Ok);
}

#[test]
fn no_starttls_breaks_only_sites_that_require_it() {
    let mut facts = server(&["LOGIN"], &[]);
    facts.seen.before = info(false, &["LOGIN"]);
    facts.seen.tls_up = false;
    facts.report.error = Some(SessionError::StartTlsNotOffered);
    let required = judge(
        &site(Platform::AspNet, Transport::StartTls, ""),
        Some(&facts),
    );
    assert_eq!(required.verdict, Verdict::Broken);
    assert_eq!(required.id.as_deref(), Some("starttls_not_offered"));
    let optional = judge(
        &site(Platform::Symfony, Transport::StartTlsIfOffered, ""),
        Some(&facts),
    );
    assert_eq!(optional.verdict, Verdict::Ok);
}

#[test]
fn a_server_that_does_not_answer_us_is_unknown_and_one_that_refuses_is_broken() {
    let mut facts = server(&[], &[]);
    facts.report.error = Some(SessionError::ConnectTimeout {
        address: "192.0.2.1:587".to_owned(),
        secs: 5,
    });
    let timed_out = judge(
        &site(Platform::AspNet, Transport::StartTls, ""),
        Some(&facts),
    );
    assert_eq!(timed_out.verdict, Verdict::Unknown);
    facts.report.error = Some(SessionError::ConnectionRefused {
        address: "192.0.2.1:587".to_owned(),
    });
    let refused = judge(
        &site(Platform::AspNet, Transport::StartTls, ""),
        Some(&facts),
    );
    assert_eq!(refused.verdict, Verdict::Broken);
    assert_eq!(refused.id.as_deref(), Some("connection_refused"));
}

#[test]
fn offline_judges_what_the_files_alone_show() {
    let mut m365 = site(Platform::AspNet, Transport::StartTls, "me@shop.example");
    if let Ok(settings) = &mut m365.settings {
        settings.host = "smtp.office365.com".to_owned();
    }
    assert_eq!(judge(&m365, None).verdict, Verdict::AtRisk);
    let mut ssl465 = site(Platform::AspNet, Transport::StartTls, "");
    if let Ok(settings) = &mut ssl465.settings {
        settings.port = 465;
    }
    let judged = judge(&ssl465, None);
    assert_eq!(judged.verdict, Verdict::Broken);
    assert_eq!(judged.id.as_deref(), Some("no_greeting"));
    let mut empty = site(Platform::AspNet, Transport::StartTls, "");
    if let Ok(settings) = &mut empty.settings {
        settings.host = String::new();
    }
    assert_eq!(judge(&empty, None).id.as_deref(), Some("invalid_settings"));
    let ordinary = judge(&site(Platform::AspNet, Transport::StartTls, ""), None);
    assert_eq!(ordinary.verdict, Verdict::Unknown);
}
