//! What every snippet tells the user: the placeholder, where it goes, how to connect, and what
//! to watch for.

use super::*;

#[test]
fn the_password_is_a_placeholder_unless_asked() {
    for password in PASSWORDS {
        let encoded =
            percent_encoding::utf8_percent_encode(password, percent_encoding::NON_ALPHANUMERIC)
                .to_string();
        for format in Format::ALL {
            for case in CASES {
                let snippet = render(format, &settings(case, password), false);
                assert!(!snippet.includes_password);
                assert!(snippet.text.contains(PASSWORD_PLACEHOLDER), "{format:?}");
                assert!(!snippet.text.contains(password), "{format:?} {password:?}");
                assert!(!snippet.text.contains(&encoded), "{format:?} {password:?}");
                assert!(
                    snippet
                        .warnings
                        .iter()
                        .any(|w| w.contains(PASSWORD_PLACEHOLDER)),
                    "{format:?}: tell the user to replace the placeholder"
                );
                let asked = render(format, &settings(case, password), true);
                assert!(asked.includes_password);
                assert!(!asked.text.contains(PASSWORD_PLACEHOLDER), "{format:?}");
            }
        }
    }
}

#[test]
fn every_format_says_where_it_goes() {
    for format in Format::ALL.into_iter().skip(1) {
        let snippet = render(format, &settings(Case::StartTls587, NASTY), false);
        assert_eq!(snippet.warnings[0], format.placement(), "{format:?}");
    }
    let wordpress = render(
        Format::WordPress,
        &settings(Case::StartTls587, NASTY),
        false,
    );
    assert!(wordpress.warnings[0].contains("/* That's all, stop editing! */"));
    assert!(
        wordpress
            .warnings
            .iter()
            .any(|w| w.contains("'tls' means STARTTLS"))
    );
    let laravel = render(Format::Laravel, &settings(Case::StartTls587, NASTY), false);
    assert!(
        laravel
            .warnings
            .iter()
            .any(|w| w.contains("no longer read MAIL_ENCRYPTION"))
    );
    let symfony = render(Format::Symfony, &settings(Case::StartTls587, NASTY), false);
    assert!(symfony.warnings.iter().any(|w| w.contains("URL-encoded")));
    let django = render(Format::Django, &settings(Case::StartTls587, NASTY), false);
    assert!(
        django
            .warnings
            .iter()
            .any(|w| w.contains("only one of EMAIL_USE_TLS"))
    );
}

#[test]
fn mailkit_says_how_to_connect_and_warns_about_use_ssl() {
    let snippet = render(Format::MailKit, &settings(Case::StartTls587, NASTY), false);
    assert!(
        snippet
            .warnings
            .iter()
            .any(|w| w
                .contains("client.Connect(smtp.Host, smtp.Port, SecureSocketOptions.StartTls)"))
    );
    assert!(snippet.warnings.iter().any(|w| w.contains("useSsl: true")));
    let implicit = render(Format::MailKit, &settings(Case::Implicit465, NASTY), false);
    assert!(
        implicit
            .warnings
            .iter()
            .any(|w| w.contains("SecureSocketOptions.SslOnConnect"))
    );
}

#[test]
fn no_sign_in_means_no_credentials() {
    for format in Format::ALL {
        let settings = Settings {
            user_name: String::new(),
            password: Password::default(),
            ..settings(Case::None25, "")
        };
        let snippet = render(format, &settings, true);
        assert!(!snippet.includes_password);
        assert!(!snippet.text.contains(PASSWORD_PLACEHOLDER), "{format:?}");
        assert!(!snippet.text.contains("site@example.com:"), "{format:?}");
    }
}

#[test]
fn laravel_warns_when_env_would_change_the_password() {
    let snippet = with_password(Format::Laravel, Case::StartTls587, "'wrapped'");
    assert!(snippet.warnings.iter().any(|w| w.contains("MAIL_PASSWORD")));
    let snippet = with_password(Format::Laravel, Case::StartTls587, NASTY);
    assert!(!snippet.warnings.iter().any(|w| w.contains("env()")));
}

#[test]
fn placements_and_version_notes_are_exact() {
    let web_config = Format::WebConfig.placement();
    assert!(web_config.contains("replace only"), "{web_config}");
    assert!(web_config.contains("<mailSettings>") && web_config.contains("<defaultProxy>"));
    let phpmailer = render(
        Format::PhpMailer,
        &settings(Case::StartTls587, NASTY),
        false,
    );
    assert!(phpmailer.warnings[0].contains("PHPMailer 6.1"));
    let django = render(Format::Django, &settings(Case::Implicit465, NASTY), false);
    let exclusive = django
        .warnings
        .iter()
        .find(|w| w.contains("only one of EMAIL_USE_TLS"))
        .unwrap();
    assert!(exclusive.contains("first send"), "{exclusive}");
    assert!(!exclusive.contains("refuses to start"), "{exclusive}");
}
