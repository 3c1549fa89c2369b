//! The wildcard rule, detection by host, MX host and reply text, and the ports to try.

use std::collections::HashSet;

use super::pattern::{is_valid, matches, specificity};
use super::*;

fn id(provider: Option<&Provider>) -> &str {
    provider.map_or("none", |p| p.id)
}

#[test]
fn a_star_is_one_or_more_whole_labels() {
    // One label and deeper.
    assert!(matches("smtpout.secureserver.net", "*.secureserver.net"));
    assert!(matches(
        "smtpout.europe.secureserver.net",
        "*.secureserver.net"
    ));
    // Never zero labels, never part of a label, never a look-alike domain.
    assert!(!matches("secureserver.net", "*.secureserver.net"));
    assert!(!matches("evilsecureserver.net", "*.secureserver.net"));
    assert!(!matches(
        "secureserver.net.evil.example",
        "*.secureserver.net"
    ));
    // In the middle: the same rule.
    let ses = "email-smtp.*.amazonaws.com";
    assert!(matches("email-smtp.eu-west-1.amazonaws.com", ses));
    assert!(!matches("email-smtp.amazonaws.com", ses));
    assert!(!matches("x.email-smtp.eu-west-1.amazonaws.com", ses));
    assert!(!matches("ec2-1-2-3-4.compute-1.amazonaws.com", ses));
    // No star: that host only.
    assert!(matches("gmail.com", "gmail.com"));
    assert!(!matches("smtp.gmail.com", "gmail.com"));
    assert!(!matches("notgmail.com", "gmail.com"));
}

#[test]
fn hosts_are_compared_without_case_or_trailing_dot() {
    assert!(matches("SMTP.GMAIL.COM.", "smtp.gmail.com"));
    assert!(matches("  smtp.gmail.com ", "smtp.gmail.com"));
    assert!(!matches("", "*.gmail.com"));
    assert!(!matches("a..gmail.com", "*.gmail.com"));
    assert!(!matches(".gmail.com", "*.gmail.com"));
}

#[test]
fn exact_names_beat_wildcards_and_more_fixed_labels_win() {
    assert!(specificity("smtp-relay.gmail.com") > specificity("*.gmail.com"));
    assert!(specificity("*.mail.protection.outlook.com") > specificity("*.outlook.com"));
    assert_eq!(
        id(by_host("smtp-relay.gmail.com")),
        "google-relay",
        "not Gmail's *.gmail.com"
    );
    assert_eq!(
        id(by_host("relay-hosting.secureserver.net")),
        "godaddy-relay"
    );
    assert_eq!(id(by_host("smtpout.secureserver.net")), "godaddy");
}

#[test]
fn every_pattern_is_well_formed_and_claimed_once() {
    let mut seen = HashSet::new();
    for provider in PROVIDERS {
        let mx = provider.presets.iter().flat_map(|p| p.mx.iter());
        for pattern in provider.hosts.iter().chain(mx) {
            assert!(is_valid(pattern), "{}: {pattern}", provider.id);
        }
        for pattern in provider.hosts {
            assert!(
                seen.insert(*pattern),
                "{pattern} is claimed twice ({})",
                provider.id
            );
        }
        for mark in provider.marks {
            assert_eq!(*mark, mark.to_lowercase(), "{}", provider.id);
        }
    }
    assert!(!is_valid("*.com"));
    assert!(!is_valid("mx*.example.com"));
    assert!(!is_valid("example.*"));
    assert!(!is_valid("Smtp.example.com"));
    assert!(!is_valid("a..example.com"));
}

#[test]
fn hosts_name_their_provider() {
    for (host, expected) in [
        ("smtp.gmail.com", "gmail"),
        ("SMTP.GMAIL.COM.", "gmail"),
        ("smtp.googlemail.com", "gmail"),
        ("aspmx.l.google.com", "gmail"),
        ("smtp-relay.gmail.com", "google-relay"),
        ("smtp.office365.com", "microsoft365"),
        ("smtp-hve.office365.com", "microsoft365"),
        // Direct send is the tenant's MX host: not the signed-in Microsoft 365 preset.
        (
            "contoso-com.mail.protection.outlook.com",
            "microsoft365-direct-send",
        ),
        ("smtp-mail.outlook.com", "outlook"),
        ("smtp.live.com", "outlook"),
        ("smtp.mail.yahoo.com", "yahoo"),
        ("smtp.aol.com", "aol"),
        ("smtp.mail.me.com", "icloud"),
        ("smtp.zoho.eu", "zoho"),
        ("smtppro.zoho.com", "zoho"),
        ("smtp.zoho.com.au", "zoho"),
        ("smtp.zohocloud.ca", "zoho"),
        ("smtp.fastmail.com", "fastmail"),
        ("smtpout.secureserver.net", "godaddy"),
        ("smtpout.europe.secureserver.net", "godaddy"),
        ("relay-hosting.secureserver.net", "godaddy-relay"),
        ("smtp.ionos.de", "ionos"),
        ("ssl0.ovh.net", "ovh"),
        ("smtp.azurecomm.net", "azure"),
        ("email-smtp.eu-west-1.amazonaws.com", "ses"),
        ("email-smtp-fips.us-east-1.amazonaws.com", "ses"),
        ("smtp.sendgrid.net", "sendgrid"),
        ("smtp.eu.mailgun.org", "mailgun"),
        ("smtp.postmarkapp.com", "postmark"),
        ("smtp-relay.brevo.com", "brevo"),
        ("smtp-relay.sendinblue.com", "brevo"),
        ("in-v3.mailjet.com", "mailjet"),
        ("mail-eu.smtp2go.com", "smtp2go"),
        ("mail.example.com", "none"),
        ("notgmail.com", "none"),
        ("outlook.com.example.net", "none"),
        ("ec2-1-2-3-4.compute-1.amazonaws.com", "none"),
        ("", "none"),
    ] {
        assert_eq!(id(by_host(host)), expected, "{host}");
    }
}

#[test]
fn the_microsoft_365_preset_does_not_claim_direct_send() {
    let m365 = find("microsoft365").unwrap();
    let provider = m365.provider().unwrap();
    assert!(
        !provider
            .hosts
            .iter()
            .any(|p| matches("contoso-com.mail.protection.outlook.com", p))
    );
    assert!(m365.note.contains("security defaults"));
    // …but a domain whose mail goes to Microsoft 365 is best sent through it.
    assert_eq!(
        by_mx("contoso-com.mail.protection.outlook.com").map(|p| p.id),
        Some("microsoft365")
    );
    let direct = by_id("microsoft365-direct-send").unwrap();
    assert!(direct.presets.is_empty());
    assert!(direct.sign_in.contains("no sign-in"));
}

#[test]
fn mx_hosts_suggest_a_preset() {
    for (mx, expected) in [
        ("aspmx.l.google.com", Some("gmail")),
        ("ALT2.ASPMX.L.GOOGLE.COM.", Some("gmail")),
        ("smtp.google.com", Some("gmail")),
        (
            "contoso-com.mail.protection.outlook.com",
            Some("microsoft365"),
        ),
        ("mx.zoho.com", Some("zoho")),
        ("mx2.zoho.eu", Some("zoho-eu")),
        ("mx.zoho.com.au", Some("zoho-au")),
        ("mx01.mail.icloud.com", Some("icloud")),
        ("in1-smtp.messagingengine.com", Some("fastmail")),
        ("mailstore1.secureserver.net", Some("godaddy")),
        ("mx00.ionos.de", Some("ionos")),
        ("mx3.mail.ovh.net", Some("ovh")),
        ("inbound-smtp.eu-west-1.amazonaws.com", Some("ses")),
        ("mxa.eu.mailgun.org", Some("mailgun-eu")),
        ("mxb.mailgun.org", Some("mailgun")),
        ("mta6.am0.yahoodns.net", Some("yahoo")),
        ("mx-aol.mail.gm0.yahoodns.net", Some("aol")),
        ("hotmail-com.olc.protection.outlook.com", Some("outlook")),
        ("mail.example.com", None),
        ("aspmx.l.google.com.example.net", None),
        ("", None),
    ] {
        assert_eq!(by_mx(mx).map(|p| p.id), expected, "{mx}");
    }
}

#[test]
fn alternative_ports_for_a_blocked_587() {
    let ports = |id: &str| find(id).unwrap().alternative_ports();
    assert_eq!(ports("ses").first(), Some(&2587));
    for id in [
        "sendgrid",
        "mailgun",
        "mailgun-eu",
        "postmark",
        "brevo",
        "mailjet",
        "smtp2go",
    ] {
        assert_eq!(ports(id).first(), Some(&2525), "{id}");
    }
    assert!(ports("gmail").is_empty() && ports("microsoft365").is_empty());
    assert!(ports("other").is_empty());
    for provider in PROVIDERS {
        for port in provider.alternative_ports {
            assert!(![25, 465, 587].contains(port), "{}: {port}", provider.id);
        }
    }

    let sendgrid = by_id("sendgrid").unwrap();
    assert_eq!(sendgrid.alternative_port(587), Some(2525));
    assert_eq!(sendgrid.alternative_port(2525), None);
    assert_eq!(by_id("smtp2go").unwrap().alternative_port(2525), Some(8025));
    let step = by_id("ses").unwrap().alternative_port_step(587).unwrap();
    assert!(step.starts_with("Amazon SES also takes mail on port `2587`"));
    assert!(step.contains("change `port` to `2587`"));
    assert_eq!(by_id("gmail").unwrap().alternative_port_step(587), None);
}

#[test]
fn marks_in_replies_name_the_provider() {
    for (text, expected) in [
        (
            "535-5.7.8 https://support.google.com/mail/?p=BadCredentials",
            "gmail",
        ),
        (
            "220 BN0PR04CA0001.outlook.office365.com Microsoft ESMTP MAIL Service",
            "microsoft365",
        ),
        // The longest mark wins: Outlook.com's host also contains Microsoft 365's `.outlook.com`.
        ("connecting to smtp-mail.outlook.com:587", "outlook"),
        (
            "220 AM4PEPF00027A5F.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready",
            "microsoft365-direct-send",
        ),
        (
            "550 5.7.1 Invalid credentials for relay [203.0.113.5]",
            "google-relay",
        ),
        ("535 5.7.0 (#AUTH005) Too many bad auth attempts.", "yahoo"),
        ("220 mail.example.com ESMTP", "none"),
    ] {
        assert_eq!(id(in_text(text)), expected, "{text}");
    }
    assert_eq!(
        id(detect("mail.example.com", &["220 mail.example.com ESMTP"])),
        "none"
    );
    assert_eq!(
        id(detect(
            "smtp.sendgrid.net",
            &["220 smtp.gmail.com ESMTP gsmtp"]
        )),
        "sendgrid",
        "the host comes first"
    );
    assert_eq!(id(named("Yahoo")), "yahoo");
    assert_eq!(id(named("Gmail")), "gmail");
    assert_eq!(id(named("OVHcloud")), "ovh");
}
