//! The snippets Rust can parse: the MailKit JSON parses and holds the values, and the web.config
//! parses, escapes its values, follows the framework and never pretends that System.Net.Mail can
//! do OAuth.

use mail_settings_tester::settings::{Framework, Target};
use mail_settings_tester::snippet::{CLIENT_SECRET_PLACEHOLDER, REFRESH_TOKEN_PLACEHOLDER};
use quick_xml::events::Event;

use super::*;

/// The JSON part of the MailKit snippet: everything before the first blank line.
fn json_part(text: &str) -> &str {
    text.split("\n\n").next().unwrap()
}

#[test]
fn the_json_parses_and_holds_the_values() {
    for provider in PROVIDERS {
        for flow in FLOWS {
            let snippet = render_oauth(Format::MailKit, &settings(provider), &app(provider, flow));
            let value: serde_json::Value = serde_json::from_str(json_part(&snippet.text))
                .unwrap_or_else(|e| panic!("{provider:?} {flow:?}: {e}\n{}", snippet.text));
            let smtp = &value["Smtp"];
            assert_eq!(smtp["Host"], host(provider));
            assert_eq!(smtp["Port"], 587);
            assert_eq!(smtp["SecureSocketOptions"], "StartTls");
            assert_eq!(smtp["Mailbox"], MAILBOX);
            assert_eq!(smtp["ClientId"], CLIENT_ID);
            assert_eq!(smtp["ClientSecret"], CLIENT_SECRET_PLACEHOLDER);
            match provider {
                OAuthProvider::Microsoft => assert_eq!(smtp["TenantId"], TENANT),
                OAuthProvider::Google => {
                    assert_eq!(smtp["RefreshToken"], REFRESH_TOKEN_PLACEHOLDER);
                }
            }
        }
    }
    // Awkward values stay valid JSON and come back unchanged.
    let awkward = Settings {
        user_name: "a\"b\\c@example.com".into(),
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::MailKit,
        &awkward,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    let value: serde_json::Value = serde_json::from_str(json_part(&snippet.text)).unwrap();
    assert_eq!(value["Smtp"]["Mailbox"], "a\"b\\c@example.com");
}

/// The elements and attribute values of a web.config snippet; panics if it is not XML.
fn read_xml(text: &str) -> (Vec<String>, Vec<(String, String)>, String) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut elements = Vec::new();
    let mut attributes = Vec::new();
    let mut comments = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                elements.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
                for attribute in e.attributes() {
                    let attribute = attribute.unwrap();
                    attributes.push((
                        String::from_utf8(attribute.key.as_ref().to_vec()).unwrap(),
                        attribute.unescape_value().unwrap().into_owned(),
                    ));
                }
            }
            Event::Comment(c) => comments.push_str(&String::from_utf8_lossy(&c)),
            _ => {}
        }
    }
    (elements, attributes, comments)
}

#[test]
fn the_web_config_parses_and_does_not_claim_oauth() {
    for provider in PROVIDERS {
        for flow in FLOWS {
            let snippet =
                render_oauth(Format::WebConfig, &settings(provider), &app(provider, flow));
            let (elements, attributes, comments) = read_xml(&snippet.text);
            assert_eq!(
                elements,
                ["system.net", "mailSettings", "smtp", "network"],
                "{provider:?}"
            );
            assert!(
                comments.contains("System.Net.Mail cannot do it"),
                "{comments}"
            );
            for word in ["XOAUTH2", "AuthType", "clientId", "accessToken", "Bearer"] {
                assert!(
                    !snippet.text.contains(word),
                    "{provider:?}: web.config must not look like OAuth ({word})"
                );
            }
            let get = |name: &str| {
                attributes
                    .iter()
                    .find(|(key, _)| key == name)
                    .map(|(_, value)| value.as_str())
            };
            assert_eq!(get("port"), Some("587"));
            assert_eq!(get("enableSsl"), Some("true"));
            assert_eq!(get("from"), Some(MAILBOX));
            match provider {
                OAuthProvider::Microsoft => {
                    assert_eq!(get("host"), Some("smtp.azurecomm.net"));
                    assert_eq!(get("password"), Some(CLIENT_SECRET_PLACEHOLDER));
                    let all = everything(&snippet);
                    for way_out in [
                        "Azure Communication Services",
                        "relay service",
                        "mail.protection.outlook.com",
                        "smtp-hve.office365.com",
                        "MailKit",
                    ] {
                        assert!(all.contains(way_out), "missing way out {way_out}");
                    }
                }
                OAuthProvider::Google => {
                    assert_eq!(get("host"), Some("smtp.gmail.com"));
                    assert_eq!(get("userName"), Some(MAILBOX));
                    assert_eq!(get("password"), Some("YOUR-APP-PASSWORD-HERE"));
                }
            }
        }
    }
}

#[test]
fn the_web_config_escapes_values_and_follows_the_framework() {
    let odd = Settings {
        from: "a&b\"<c>@example.com".into(),
        framework: Framework::Legacy,
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::WebConfig,
        &odd,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    let (_, attributes, _) = read_xml(&snippet.text);
    assert!(attributes.contains(&("from".to_owned(), "a&b\"<c>@example.com".to_owned())));
    assert!(
        !snippet.text.contains("enableSsl"),
        ".NET 2.0–3.5 rejects enableSsl"
    );
    let core = Settings {
        framework: Framework::Core,
        target: Target::DotNet,
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::WebConfig,
        &core,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    assert!(snippet.warnings[0].contains("does not read"));
    // A host that cannot stand in an XML comment is described, not written.
    let punycode = Settings {
        host: "xn--mail-kva.example--".into(),
        ..settings(OAuthProvider::Google)
    };
    let snippet = render_oauth(
        Format::WebConfig,
        &punycode,
        &app(OAuthProvider::Google, OAuthFlow::Delegated),
    );
    read_xml(&snippet.text);
}
