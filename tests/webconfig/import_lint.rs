//! Import of every fixture, and lint findings by code.

use mail_settings_tester::settings::{DeliveryMethod, Severity};
use mail_settings_tester::webconfig::{WebConfigError, code, import, lint};

use super::fixture;

fn codes(text: &str) -> Vec<&'static str> {
    lint(text).into_iter().map(|finding| finding.code).collect()
}

/// A minimal web.config around `network` attributes and `smtp` attributes.
fn config(smtp: &str, network: &str) -> String {
    format!(
        "<configuration>\n  <system.net>\n    <mailSettings>\n      <smtp {smtp}>\n        <network {network} />\n      </smtp>\n    </mailSettings>\n  </system.net>\n</configuration>\n"
    )
}

#[test]
fn a_large_real_world_file_imports() {
    let imported = import(&fixture("large.config")).unwrap();
    let settings = &imported.settings;
    assert_eq!(settings.host, "mail.shop.example");
    assert_eq!(settings.port, 25);
    assert!(!settings.enable_ssl, "enableSsl missing means false");
    assert_eq!(settings.user_name, "shop@shop.example");
    assert_eq!(settings.password.expose(), "Old&Pass");
    assert_eq!(settings.from, "shop@shop.example");
    assert_eq!(settings.delivery_method, DeliveryMethod::Network);
    assert_eq!(imported.target_framework.as_deref(), Some("4.7.2"));
    let found: Vec<_> = imported.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        found,
        [code::PASSWORD_UNENCRYPTED, code::PASSWORD_PLAIN_TEXT]
    );
    assert_eq!(imported.findings[0].line, Some(54));
}

#[test]
fn bom_crlf_namespace_location_and_config_source_files_import() {
    let bom = import(&fixture("bom-crlf.config")).unwrap();
    assert_eq!(bom.settings.host, "smtp.office365.com");
    assert_eq!(bom.settings.port, 465);
    assert_eq!(bom.target_framework.as_deref(), Some("4.5"));

    let namespaced = import(&fixture("namespace.config")).unwrap();
    assert_eq!(namespaced.settings.host, "mail.club.example");
    assert!(
        namespaced.settings.enable_ssl,
        "EnableSSL is read in any case"
    );
    assert_eq!(namespaced.settings.user_name, "webmaster@club.example");
    assert_eq!(namespaced.target_framework, None);

    let location = import(&fixture("location.config")).unwrap();
    assert_eq!(location.settings.host, "smtp.example.net");
    assert_eq!(location.target_framework.as_deref(), Some("4.8"));
    assert!(
        location
            .findings
            .iter()
            .any(|f| f.code == code::INSIDE_LOCATION)
    );

    let other_file = import(&fixture("smtp.config")).unwrap();
    assert_eq!(other_file.settings.host, "smtp.example.org");
    assert_eq!(other_file.settings.from, "noreply@example.org");
}

#[test]
fn unreadable_settings_are_clear_errors() {
    let err = import(&fixture("config-source.config")).unwrap_err();
    assert!(matches!(&err, WebConfigError::ConfigSource { file, .. } if file == "smtp.config"));
    assert!(err.to_string().contains("Open that file instead"), "{err}");

    let err = import(&fixture("encrypted.config")).unwrap_err();
    assert!(matches!(err, WebConfigError::Encrypted { .. }));
    assert!(err.to_string().contains("aspnet_regiis -pd"), "{err}");
    let err = import(&fixture("encrypted.config").replace(
        " configProtectionProvider=\"RsaProtectedConfigurationProvider\"",
        "",
    ))
    .unwrap_err();
    assert!(err.to_string().contains("<EncryptedData>"), "{err}");

    let err = import(&fixture("broken.config")).unwrap_err();
    let WebConfigError::Xml {
        line,
        column,
        problem,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *column), (8, 5));
    assert!(problem.contains("</mailsettings>"), "{problem}");

    let err = import(&fixture("no-system-net.config")).unwrap_err();
    assert_eq!(err, WebConfigError::NoMailSettings);
    assert!(err.to_string().contains("use Update to add them"));

    let err = import("<appSettings />").unwrap_err();
    assert!(matches!(err, WebConfigError::NotConfiguration { .. }));
}

#[test]
fn the_kb_articles_own_example_is_caught() {
    let findings = lint(&fixture("kb-enablessl.config"));
    let case = findings
        .iter()
        .find(|f| f.code == code::ATTRIBUTE_CASE)
        .expect("enablessl must be reported");
    assert_eq!(case.severity, Severity::Error);
    assert_eq!(case.line, Some(9));
    assert!(case.message.contains(
        "Unrecognized attribute 'enablessl'. Note that attribute names are case-sensitive."
    ));
    assert!(case.fix.contains("`enableSsl`"));
    let found = codes(&fixture("kb-enablessl.config"));
    for expected in [
        code::HOST_MISSING,
        code::FROM_MISSING,
        code::USER_NAME_MISSING,
        code::PASSWORD_PLAIN_TEXT,
    ] {
        assert!(
            found.contains(&expected),
            "{expected} missing from {found:?}"
        );
    }
}

#[test]
fn a_correct_file_has_only_the_plain_text_password_note() {
    assert_eq!(
        codes(&fixture("correct.config")),
        [code::PASSWORD_PLAIN_TEXT]
    );
    assert!(
        codes(&config(
            "from=\"a@b.example\"",
            "host=\"h.example\" port=\"587\" enableSsl=\"true\""
        ))
        .is_empty()
    );
}

#[test]
fn every_wrong_case_name_is_reported() {
    for name in [
        "enablessl",
        "EnableSSL",
        "username",
        "Port",
        "Host",
        "DefaultCredentials",
        "Password",
        "ClientDomain",
    ] {
        let text = config(
            "from=\"a@b.example\"",
            &format!("host=\"h.example\" {name}=\"1\""),
        );
        let findings = lint(&text);
        assert!(
            findings.iter().any(|f| f.code == code::ATTRIBUTE_CASE && f.message.contains(&format!("'{name}'"))),
            "{name}: {findings:?}"
        );
    }
    let text = config("From=\"a@b.example\"", "host=\"h.example\"");
    assert!(codes(&text).contains(&code::ATTRIBUTE_CASE));
}

#[test]
fn each_finding_code_has_a_case() {
    let from = "from=\"a@b.example\"";
    let cases: [(&str, String); 14] = [
        (
            code::UNKNOWN_ATTRIBUTE,
            config(from, "host=\"h.example\" useSsl=\"true\""),
        ),
        (code::FROM_MISSING, config("", "host=\"h.example\"")),
        (
            code::DEFAULT_CREDENTIALS_WITH_USER,
            config(
                from,
                "host=\"h.example\" enableSsl=\"true\" userName=\"u\" password=\"p\" defaultCredentials=\"true\"",
            ),
        ),
        (
            code::PORT_465,
            config(from, "host=\"h.example\" port=\"465\""),
        ),
        (
            code::DELIVERY_METHOD_NOT_NETWORK,
            config(
                "deliveryMethod=\"SpecifiedPickupDirectory\" from=\"a@b.example\"",
                "host=\"h.example\"",
            ),
        ),
        (
            code::DELIVERY_METHOD_INVALID,
            config(
                "deliveryMethod=\"smtp\" from=\"a@b.example\"",
                "host=\"h.example\"",
            ),
        ),
        (
            code::DELIVERY_FORMAT_INVALID,
            config(
                "deliveryFormat=\"utf8\" from=\"a@b.example\"",
                "host=\"h.example\"",
            ),
        ),
        (
            code::SSL_WITH_PICKUP_DIRECTORY,
            config(
                "deliveryMethod=\"PickupDirectoryFromIis\" from=\"a@b.example\"",
                "host=\"h.example\" enableSsl=\"true\"",
            ),
        ),
        (code::HOST_MISSING, config(from, "host=\"  \"")),
        (
            code::PORT_INVALID,
            config(from, "host=\"h.example\" port=\"5 87\""),
        ),
        (
            code::ENABLE_SSL_INVALID,
            config(from, "host=\"h.example\" enableSsl=\"yes\""),
        ),
        (
            code::DEFAULT_CREDENTIALS_INVALID,
            config(from, "host=\"h.example\" defaultCredentials=\"1\""),
        ),
        (
            code::PASSWORD_MISSING,
            config(from, "host=\"h.example\" enableSsl=\"true\" userName=\"u\""),
        ),
        (
            code::PASSWORD_UNENCRYPTED,
            config(from, "host=\"h.example\" userName=\"u\" password=\"p\""),
        ),
    ];
    for (expected, text) in cases {
        let findings = lint(&text);
        let finding = findings
            .iter()
            .find(|f| f.code == expected)
            .unwrap_or_else(|| panic!("{expected} not in {findings:?} for\n{text}"));
        assert!(!finding.message.is_empty() && !finding.fix.is_empty());
        assert!(finding.line.is_some());
    }
    assert!(
        codes(&config(from, "host=\"h.example\" port=\"70000\"")).contains(&code::PORT_INVALID)
    );
    let unknown = lint(&config(from, "host=\"h.example\" useSsl=\"true\""));
    assert!(unknown[0].fix.contains("enableSsl"), "{:?}", unknown[0]);
}

#[test]
fn structural_problems_are_reported() {
    assert_eq!(codes(&fixture("broken.config")), [code::XML_ERROR]);
    assert_eq!(lint(&fixture("broken.config"))[0].line, Some(8));
    assert_eq!(
        codes(&fixture("no-system-net.config")),
        [code::NO_MAIL_SETTINGS]
    );
    assert_eq!(
        codes(&fixture("config-source.config")),
        [code::SETTINGS_IN_OTHER_FILE]
    );
    assert_eq!(
        codes(&fixture("encrypted.config")),
        [code::SETTINGS_ENCRYPTED]
    );
    assert_eq!(codes("<html><body/></html>"), [code::NOT_A_WEB_CONFIG]);
    let wrong_case = config("from=\"a@b.example\"", "host=\"h.example\"")
        .replace("mailSettings", "mailsettings");
    assert!(codes(&wrong_case).contains(&code::ELEMENT_NAME_CASE));
    let twice = config("from=\"a@b.example\"", "host=\"h.example\"")
        .replace("</system.net>", "</system.net>\n  <system.net />");
    assert!(codes(&twice).contains(&code::DUPLICATE_SECTION));
    let no_network = "<configuration><system.net><mailSettings><smtp from=\"a@b.example\" /></mailSettings></system.net></configuration>";
    assert_eq!(codes(no_network), [code::HOST_MISSING]);
}

#[test]
fn findings_never_quote_the_password() {
    for name in [
        "large.config",
        "correct.config",
        "kb-enablessl.config",
        "namespace.config",
        "bom-crlf.config",
    ] {
        let imported = import(&fixture(name)).unwrap();
        let password = imported.settings.password.expose().to_owned();
        let text = format!("{:?}", imported.findings);
        assert!(!text.contains(&password), "{name}: {text}");
        assert!(
            !format!("{imported:?}").contains(&password),
            "{name}: Debug shows the password"
        );
    }
}

/// `enableSsl="yes"` is one error, not also a warning that reads it as false.
#[test]
fn an_invalid_enable_ssl_is_reported_once_and_never_read_as_false() {
    let text = config(
        "from=\"site@example.com\"",
        "host=\"smtp.example.com\" port=\"587\" userName=\"site@example.com\" password=\"x\" enableSsl=\"yes\"",
    );
    let found = codes(&text);
    assert!(found.contains(&code::ENABLE_SSL_INVALID), "{found:?}");
    assert!(!found.contains(&code::PASSWORD_UNENCRYPTED), "{found:?}");
    let valid_false = codes(&text.replace("\"yes\"", "\"false\""));
    assert!(
        valid_false.contains(&code::PASSWORD_UNENCRYPTED),
        "{valid_false:?}"
    );
}

/// A site whose .NET version offers only TLS 1.0 by default is told so when it encrypts: the
/// handshake with any current provider fails, and only the site's own setting fixes it.
#[test]
fn a_target_framework_that_offers_only_tls_1_0_is_named_with_the_fix() {
    let site = |framework: &str, ssl: &str| {
        config(
            "from=\"site@example.com\"",
            &format!("host=\"smtp.office365.com\" port=\"587\" enableSsl=\"{ssl}\""),
        )
        .replace(
            "<configuration>\n",
            &format!(
                "<configuration>\n  <system.web><httpRuntime targetFramework=\"{framework}\" /></system.web>\n"
            ),
        )
    };
    let findings = lint(&site("4.5", "true"));
    let tls = findings
        .iter()
        .find(|f| f.code == code::TLS12_NOT_DEFAULT)
        .expect("4.5 with enableSsl is named");
    assert!(tls.fix.contains("targetFramework=\"4.8\""), "{}", tls.fix);
    assert!(
        tls.message.contains("remote party has closed"),
        "{}",
        tls.message
    );
    assert!(!codes(&site("4.8", "true")).contains(&code::TLS12_NOT_DEFAULT));
    assert!(!codes(&site("4.5", "false")).contains(&code::TLS12_NOT_DEFAULT));
}
