//! What an ASP.NET site can express, version by version: the web.config block and its warnings
//! for every framework × security setting, and the default format per framework.

use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::{Framework, Security, Settings, Target};
use mail_settings_tester::snippet::{Format, default_format, web_config};

fn settings(framework: Framework, port: u32, enable_ssl: bool) -> Settings {
    Settings {
        host: "smtp.example.com".into(),
        port,
        user_name: "site@example.com".into(),
        password: Password::new("pw"),
        enable_ssl,
        from: "site@example.com".into(),
        framework,
        ..Settings::default()
    }
}

/// One row: framework, port, enableSsl → expected enableSsl attribute (None = absent), expected
/// port, and words one of the warnings must contain.
struct Row {
    framework: Framework,
    port: u32,
    enable_ssl: bool,
    attribute: Option<&'static str>,
    written_port: &'static str,
    warns: &'static [&'static str],
}

#[test]
fn web_config_by_framework_and_setting() {
    let rows = [
        Row {
            framework: Framework::Net4,
            port: 587,
            enable_ssl: true,
            attribute: Some("true"),
            written_port: "587",
            warns: &["4.7"],
        },
        Row {
            framework: Framework::Net4,
            port: 25,
            enable_ssl: false,
            attribute: Some("false"),
            written_port: "25",
            warns: &["unencrypted"],
        },
        Row {
            framework: Framework::Net4,
            port: 465,
            enable_ssl: true,
            attribute: Some("true"),
            written_port: "587",
            warns: &["465"],
        },
        Row {
            framework: Framework::Legacy,
            port: 587,
            enable_ssl: true,
            attribute: None,
            written_port: "587",
            warns: &["SmtpClient.EnableSsl = true", "SendingMail", "4.x"],
        },
        Row {
            framework: Framework::Legacy,
            port: 25,
            enable_ssl: false,
            attribute: None,
            written_port: "25",
            warns: &["unencrypted"],
        },
        Row {
            framework: Framework::Legacy,
            port: 465,
            enable_ssl: true,
            attribute: None,
            written_port: "587",
            warns: &["465", "SmtpClient.EnableSsl"],
        },
        Row {
            framework: Framework::Core,
            port: 587,
            enable_ssl: true,
            attribute: Some("true"),
            written_port: "587",
            warns: &["does not read", "appsettings.json"],
        },
    ];
    for row in rows {
        let snippet = web_config(&settings(row.framework, row.port, row.enable_ssl), false);
        let label = format!(
            "{:?} port {} ssl {}",
            row.framework, row.port, row.enable_ssl
        );
        match row.attribute {
            Some(value) => assert!(
                snippet.text.contains(&format!("enableSsl=\"{value}\"")),
                "{label}: {}",
                snippet.text
            ),
            None => assert!(
                !snippet.text.to_ascii_lowercase().contains("enablessl"),
                "{label}: {}",
                snippet.text
            ),
        }
        assert!(
            snippet
                .text
                .contains(&format!("port=\"{}\"", row.written_port)),
            "{label}"
        );
        let warnings = snippet.warnings.join("\n");
        for word in row.warns {
            assert!(
                warnings.contains(word),
                "{label}: no \"{word}\" in\n{warnings}"
            );
        }
    }
}

#[test]
fn legacy_without_ssl_has_no_code_side_advice() {
    let snippet = web_config(&settings(Framework::Legacy, 25, false), false);
    assert!(!snippet.warnings.join(" ").contains("SmtpClient.EnableSsl"));
}

#[test]
fn core_sites_default_to_the_mailkit_form() {
    assert_eq!(
        default_format(&settings(Framework::Core, 587, true)),
        Format::MailKit
    );
    assert_eq!(
        default_format(&settings(Framework::Net4, 587, true)),
        Format::WebConfig
    );
    assert_eq!(
        default_format(&settings(Framework::Legacy, 587, true)),
        Format::WebConfig
    );
    let generic = Settings {
        target: Target::Generic,
        ..settings(Framework::Core, 587, true)
    };
    assert_eq!(default_format(&generic), Format::WebConfig);
}

#[test]
fn the_aspnet_target_never_picks_implicit_tls_whatever_the_framework() {
    for framework in Framework::ALL {
        let on_465 = settings(framework, 465, true);
        assert_eq!(
            on_465.effective_security(),
            Security::StartTls,
            "{framework:?}"
        );
        let off = settings(framework, 465, false);
        assert_eq!(off.effective_security(), Security::None, "{framework:?}");
    }
}

const LEGACY_SITE: &str = "<?xml version=\"1.0\"?>\r\n<configuration>\r\n  <system.web>\r\n    <compilation targetFramework=\"3.5\" />\r\n  </system.web>\r\n  <system.net>\r\n    <mailSettings>\r\n      <smtp from=\"site@example.com\">\r\n        <network host=\"smtp.example.com\" port=\"25\" enablessl=\"true\" userName=\"site@example.com\" />\r\n      </smtp>\r\n    </mailSettings>\r\n  </system.net>\r\n</configuration>\r\n";

#[test]
fn a_web_config_tells_the_framework() {
    use mail_settings_tester::webconfig::import;
    assert_eq!(
        import(LEGACY_SITE).unwrap().settings.framework,
        Framework::Legacy
    );
    let net48 = LEGACY_SITE.replace("targetFramework=\"3.5\"", "targetFramework=\"4.8\"");
    assert_eq!(import(&net48).unwrap().settings.framework, Framework::Net4);
    let core = LEGACY_SITE.replace(
        "  <system.web>",
        "  <system.webServer>\r\n    <aspNetCore processPath=\"dotnet\" arguments=\".\\\\Site.dll\" />\r\n  </system.webServer>\r\n  <system.web>",
    );
    assert_eq!(import(&core).unwrap().settings.framework, Framework::Core);
}

#[test]
fn updating_a_legacy_site_removes_the_attribute_it_would_reject() {
    use mail_settings_tester::webconfig::{UpdateOptions, import, update};
    let mut settings = import(LEGACY_SITE).unwrap().settings;
    settings.port = 587;
    settings.enable_ssl = true;
    let updated = update(LEGACY_SITE, &settings, UpdateOptions::default()).unwrap();
    assert!(
        !updated.text.to_ascii_lowercase().contains("enablessl"),
        "{}",
        updated.text
    );
    assert!(updated.text.contains("port=\"587\""));
    assert!(updated.text.contains("\r\n"), "line endings kept");
    assert!(
        updated
            .notes
            .iter()
            .any(|n| n.contains("SmtpClient.EnableSsl = true"))
    );
}
