//! The presets drawn from the provider table: valid, in order, applied as a site owner expects.

use std::collections::HashSet;

use super::*;
use crate::secret::Password;
use crate::settings::{Security, Settings, Severity};

#[test]
fn ids_are_unique_and_lowercase() {
    let mut providers = HashSet::new();
    for provider in PROVIDERS {
        assert!(providers.insert(provider.id), "duplicate {}", provider.id);
        assert!(!provider.name.is_empty() && !provider.sign_in.is_empty());
        assert!(provider.hosts.iter().any(|_| true), "{}", provider.id);
    }
    let mut presets = HashSet::new();
    for p in PRESETS {
        assert!(presets.insert(p.id), "duplicate preset {}", p.id);
        assert_eq!(p.id, p.id.to_ascii_lowercase());
        assert!(!p.id.contains(' '));
    }
    // A provider's main preset carries its id.
    for provider in PROVIDERS.iter().filter(|p| !p.presets.is_empty()) {
        assert_eq!(provider.presets[0].id, provider.id);
    }
}

#[test]
fn presets_are_the_table_in_order_with_other_last() {
    let from_table: Vec<&str> = PROVIDERS
        .iter()
        .flat_map(|p| p.presets.iter().map(|preset| preset.id))
        .chain(["other"])
        .collect();
    let flat: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
    assert_eq!(flat, from_table);
    assert_eq!(
        PRESETS.first().map(|p| p.name),
        Some("Gmail / Google Workspace")
    );
    assert_eq!(find("other").and_then(Preset::provider), None);
}

#[test]
fn every_preset_is_valid_and_usable_from_aspnet() {
    for p in PRESETS {
        assert_ne!(p.port, 465, "{}", p.id);
        assert!(
            !p.note.is_empty() && !p.user_name_hint.is_empty(),
            "{}",
            p.id
        );
        // STARTTLS wherever a password is sent; plain only for a relay without sign-in.
        assert!(p.enable_ssl || !p.signs_in, "{}", p.id);
        assert!(p.aspnet_ok || p.id == "outlook", "{}", p.id);
        if p.id == "other" {
            assert!(p.host.is_empty());
            continue;
        }
        assert_eq!(
            by_host(p.host).map(|provider| provider.id),
            p.provider().map(|provider| provider.id),
            "{} recognises its own host",
            p.id
        );
        let mut settings = Settings {
            user_name: "site@example.com".into(),
            password: Password::new("secret"),
            from: "site@example.com".into(),
            ..Settings::default()
        };
        p.apply(&mut settings);
        if !p.signs_in {
            settings.password = Password::default();
        }
        let plan = settings.check();
        assert!(plan.is_ok(), "{}: {:?}", p.id, plan.err());
        let warnings: Vec<_> = settings
            .problems()
            .into_iter()
            .filter(|problem| problem.severity >= Severity::Warning)
            .collect();
        assert!(warnings.is_empty(), "{}: {warnings:?}", p.id);
    }
}

#[test]
fn texts_for_2026() {
    let gmail = by_id("gmail").unwrap();
    assert!(gmail.sign_in.contains("myaccount.google.com/apppasswords"));
    assert!(gmail.sign_in.contains("2-Step Verification"));
    let note = find("gmail").unwrap().note;
    assert!(note.contains("May 2022") && note.contains("September 2024"));

    let m365 = by_id("microsoft365").unwrap();
    let instead = m365.instead.join(" ");
    for way in [
        "SMTP relay",
        "High Volume Email",
        "Azure Communication Services",
        "MailKit",
        "OAuth",
    ] {
        assert!(instead.contains(way), "{way}");
    }
    assert!(m365.sign_in.contains("security defaults"));

    let relay = find("godaddy-relay").unwrap();
    assert_eq!(
        (relay.host, relay.port, relay.enable_ssl, relay.signs_in),
        ("relay-hosting.secureserver.net", 25, false, false)
    );
    assert!(find("azure").is_some_and(|p| p.host == "smtp.azurecomm.net" && p.port == 587));
    assert!(find("google-relay").is_some_and(|p| p.host == "smtp-relay.gmail.com"));
    for id in [
        "aol", "mailjet", "smtp2go", "zoho-eu", "zoho-in", "zoho-au", "zoho-jp", "zoho-ca",
    ] {
        assert!(find(id).is_some(), "{id}");
    }
}

#[test]
fn find_ignores_case() {
    assert_eq!(find("GMAIL").map(|p| p.host), Some("smtp.gmail.com"));
    assert_eq!(find(" Zoho-EU ").map(|p| p.host), Some("smtp.zoho.eu"));
    assert_eq!(find("Other").map(|p| p.id), Some("other"));
    assert_eq!(find("nope"), None);
    assert_eq!(by_id("SES").map(|p| p.name), Some("Amazon SES"));
}

#[test]
fn apply_sets_server_settings() {
    let mut s = Settings {
        host: "old.example.com".into(),
        port: 465,
        enable_ssl: false,
        user_name: "shop@example.com".into(),
        security: Some(Security::ImplicitTls),
        ..Settings::default()
    };
    find("gmail").unwrap().apply(&mut s);
    assert_eq!(
        (s.host.as_str(), s.port, s.enable_ssl),
        ("smtp.gmail.com", 587, true)
    );
    assert_eq!(s.security, None);
    assert_eq!(s.user_name, "shop@example.com");

    find("sendgrid").unwrap().apply(&mut s);
    assert_eq!(s.user_name, "apikey");
    find("brevo").unwrap().apply(&mut s);
    assert_eq!(s.user_name, "");

    s.user_name = "shop@example.com".into();
    find("godaddy-relay").unwrap().apply(&mut s);
    assert_eq!(
        (s.host.as_str(), s.port, s.enable_ssl, s.user_name.as_str()),
        ("relay-hosting.secureserver.net", 25, false, "")
    );
}

#[test]
fn presets_serialise_with_provider_and_ports() {
    let json = serde_json::to_value(find("ses").unwrap()).unwrap();
    assert_eq!(json["provider"], "ses");
    assert_eq!(json["alternative_ports"], serde_json::json!([2587]));
    assert_eq!(json["port"], 587);
    assert!(json.get("mx").is_none());
    let other = serde_json::to_value(find("other").unwrap()).unwrap();
    assert!(other["provider"].is_null());
}
