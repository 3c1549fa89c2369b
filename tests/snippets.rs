//! Every snippet format × {STARTTLS 587, SSL on connect 465, no encryption 25}: the exact keys
//! appear, and awkward passwords come back unchanged when the output is parsed again (with a
//! real parser where Rust has one, with a small literal reader for PHP, Python and JavaScript).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::{Security, Settings, Target};
use mail_settings_tester::snippet::{Format, PASSWORD_PLACEHOLDER, Snippet, render, web_config};
use percent_encoding::percent_decode_str;
use quick_xml::events::Event;

/// Quotes, backslash, dollar, braces, ampersand, angle bracket and spaces.
const NASTY: &str = r#"Secr3t&<"pass'\$ {x}"#;

/// More passwords that break naive escaping.
const PASSWORDS: [&str; 10] = [
    NASTY,
    "p${HOME}x$USER",
    "a+b%20c#d e?f/g:h@i",
    "ends with a backslash\\",
    "tab\there",
    "line\nbreak",
    "two\nlines\r\nhere",
    "ünïcødé € \u{2028}",
    "'wrapped'",
    "\"${APP_KEY}\"",
];

#[derive(Debug, Clone, Copy)]
enum Case {
    StartTls587,
    Implicit465,
    None25,
}

const CASES: [Case; 3] = [Case::StartTls587, Case::Implicit465, Case::None25];

fn settings(case: Case, password: &str) -> Settings {
    let base = Settings {
        host: "smtp.example.com".into(),
        user_name: "site@example.com".into(),
        password: Password::new(password),
        from: "site@example.com".into(),
        ..Settings::default()
    };
    match case {
        Case::StartTls587 => Settings {
            port: 587,
            enable_ssl: true,
            ..base
        },
        Case::Implicit465 => Settings {
            port: 465,
            enable_ssl: false,
            target: Target::Generic,
            ..base
        },
        Case::None25 => Settings {
            port: 25,
            enable_ssl: false,
            ..base
        },
    }
}

/// The lines (or fragments) that must appear, exactly, for each format and case.
fn expected(format: Format, case: Case) -> Vec<&'static str> {
    use Case::{Implicit465, None25, StartTls587};
    match (format, case) {
        (Format::WebConfig, StartTls587 | Implicit465) => vec![
            r#"<smtp deliveryMethod="Network" from="site@example.com">"#,
            r#"<network host="smtp.example.com" port="587" enableSsl="true" userName="site@example.com" password="YOUR-PASSWORD-HERE" defaultCredentials="false" />"#,
        ],
        (Format::WebConfig, None25) => vec![
            r#"<network host="smtp.example.com" port="25" enableSsl="false" userName="site@example.com""#,
        ],
        (Format::PhpMailer, _) => {
            let mut lines = vec![
                "$mail->isSMTP();\n",
                "$mail->Host = 'smtp.example.com';\n",
                "$mail->SMTPAuth = true;\n",
                "$mail->Username = 'site@example.com';\n",
                "$mail->Password = 'YOUR-PASSWORD-HERE';\n",
                "$mail->setFrom('site@example.com');\n",
            ];
            lines.extend(match case {
                StartTls587 => vec![
                    "$mail->Port = 587;\n",
                    "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;",
                ],
                Implicit465 => vec![
                    "$mail->Port = 465;\n",
                    "$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;",
                ],
                None25 => vec![
                    "$mail->Port = 25;\n",
                    "$mail->SMTPSecure = '';\n",
                    "$mail->SMTPAutoTLS = false;",
                ],
            });
            lines
        }
        (Format::WordPress, _) => {
            let mut lines = vec![
                "define( 'WPMS_ON', true );\n",
                "define( 'WPMS_MAILER', 'smtp' );\n",
                "define( 'WPMS_SMTP_HOST', 'smtp.example.com' );\n",
                "define( 'WPMS_SMTP_AUTH', true );\n",
                "define( 'WPMS_SMTP_USER', 'site@example.com' );\n",
                "define( 'WPMS_SMTP_PASS', 'YOUR-PASSWORD-HERE' );\n",
                "define( 'WPMS_MAIL_FROM', 'site@example.com' );\n",
                "define( 'WPMS_MAIL_FROM_FORCE', true );\n",
            ];
            lines.extend(match case {
                StartTls587 => vec![
                    "define( 'WPMS_SMTP_PORT', 587 );\n",
                    "define( 'WPMS_SSL', 'tls' );",
                    "define( 'WPMS_SMTP_AUTOTLS', true );\n",
                ],
                Implicit465 => vec![
                    "define( 'WPMS_SMTP_PORT', 465 );\n",
                    "define( 'WPMS_SSL', 'ssl' );",
                    "define( 'WPMS_SMTP_AUTOTLS', true );\n",
                ],
                None25 => vec![
                    "define( 'WPMS_SMTP_PORT', 25 );\n",
                    "define( 'WPMS_SSL', '' );",
                    "define( 'WPMS_SMTP_AUTOTLS', false );\n",
                ],
            });
            lines
        }
        (Format::Laravel, _) => {
            let mut lines = vec![
                "MAIL_MAILER=smtp\n",
                "MAIL_HOST=smtp.example.com\n",
                "MAIL_USERNAME=site@example.com\n",
                "MAIL_PASSWORD=YOUR-PASSWORD-HERE\n",
                "MAIL_FROM_ADDRESS=site@example.com\n",
                "# Laravel 11 and 12",
                "# Laravel 10 and older",
            ];
            lines.extend(match case {
                StartTls587 => vec![
                    "MAIL_PORT=587\n",
                    "MAIL_SCHEME=smtp\n",
                    "MAIL_ENCRYPTION=tls\n",
                ],
                Implicit465 => vec![
                    "MAIL_PORT=465\n",
                    "MAIL_SCHEME=smtps\n",
                    "MAIL_ENCRYPTION=ssl\n",
                ],
                None25 => vec![
                    "MAIL_PORT=25\n",
                    "MAIL_SCHEME=smtp\n",
                    "MAIL_ENCRYPTION=null\n",
                ],
            });
            lines
        }
        (Format::Django, _) => {
            let mut lines = vec![
                "EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\n",
                "EMAIL_HOST = 'smtp.example.com'\n",
                "EMAIL_HOST_USER = 'site@example.com'\n",
                "EMAIL_HOST_PASSWORD = 'YOUR-PASSWORD-HERE'\n",
                "DEFAULT_FROM_EMAIL = 'site@example.com'\n",
            ];
            lines.extend(match case {
                StartTls587 => vec![
                    "EMAIL_PORT = 587\n",
                    "EMAIL_USE_TLS = True",
                    "EMAIL_USE_SSL = False\n",
                ],
                Implicit465 => vec![
                    "EMAIL_PORT = 465\n",
                    "EMAIL_USE_TLS = False\n",
                    "EMAIL_USE_SSL = True",
                ],
                None25 => vec![
                    "EMAIL_PORT = 25\n",
                    "EMAIL_USE_TLS = False\n",
                    "EMAIL_USE_SSL = False\n",
                ],
            });
            lines
        }
        (Format::Nodemailer, _) => {
            let mut lines = vec![
                "nodemailer.createTransport(",
                "    host: 'smtp.example.com',\n",
                "    auth: {\n      user: 'site@example.com',\n      pass: 'YOUR-PASSWORD-HERE',\n    },\n",
                "  { from: 'site@example.com' },\n",
            ];
            lines.extend(match case {
                StartTls587 => vec![
                    "    port: 587,\n",
                    "    secure: false,",
                    "    requireTLS: true,",
                ],
                Implicit465 => vec!["    port: 465,\n", "    secure: true,"],
                None25 => vec!["    port: 25,\n", "    secure: false,"],
            });
            lines
        }
        (Format::Symfony, StartTls587) => {
            vec!["MAILER_DSN=smtp://site%40example.com:YOUR-PASSWORD-HERE@smtp.example.com:587\n"]
        }
        (Format::Symfony, Implicit465) => {
            vec!["MAILER_DSN=smtps://site%40example.com:YOUR-PASSWORD-HERE@smtp.example.com:465\n"]
        }
        (Format::Symfony, None25) => {
            vec!["MAILER_DSN=smtp://site%40example.com:YOUR-PASSWORD-HERE@smtp.example.com:25\n"]
        }
        (Format::MailKit, _) => {
            let mut lines = vec![
                "  \"Smtp\": {\n",
                "    \"Host\": \"smtp.example.com\",\n",
                "    \"UserName\": \"site@example.com\",\n",
                "    \"Password\": \"YOUR-PASSWORD-HERE\",\n",
                "    \"From\": \"site@example.com\"\n",
            ];
            lines.extend(match case {
                StartTls587 => vec![
                    "    \"Port\": 587,\n",
                    "    \"SecureSocketOptions\": \"StartTls\",\n",
                ],
                Implicit465 => vec![
                    "    \"Port\": 465,\n",
                    "    \"SecureSocketOptions\": \"SslOnConnect\",\n",
                ],
                None25 => vec![
                    "    \"Port\": 25,\n",
                    "    \"SecureSocketOptions\": \"None\",\n",
                ],
            });
            lines
        }
    }
}

#[test]
fn every_format_and_security_writes_the_exact_keys() {
    let mut checked = 0;
    for format in Format::ALL {
        for case in CASES {
            let snippet = render(format, &settings(case, NASTY), false);
            assert_eq!(snippet.format, format);
            for line in expected(format, case) {
                assert!(
                    snippet.text.contains(line),
                    "{format:?} {case:?}: missing {line:?} in\n{}",
                    snippet.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn only_web_config_avoids_port_465() {
    let implicit = settings(Case::Implicit465, NASTY);
    assert_eq!(implicit.effective_security(), Security::ImplicitTls);
    let snippet = render(Format::WebConfig, &implicit, false);
    assert!(!snippet.text.contains("465"), "{}", snippet.text);
    assert!(snippet.warnings.iter().any(|w| w.contains("465")));
    for format in Format::ALL.into_iter().skip(1) {
        let snippet = render(format, &implicit, false);
        assert!(snippet.text.contains("465"), "{format:?}");
    }
}

#[test]
fn django_sets_at_most_one_of_tls_and_ssl() {
    for case in CASES {
        let text = render(Format::Django, &settings(case, NASTY), false).text;
        let trues = text
            .lines()
            .filter(|l| {
                l.starts_with("EMAIL_USE_TLS = True") || l.starts_with("EMAIL_USE_SSL = True")
            })
            .count();
        let expected = usize::from(!matches!(case, Case::None25));
        assert_eq!(trues, expected, "{case:?}\n{text}");
    }
}

#[test]
fn web_config_and_render_agree() {
    for case in CASES {
        let settings = settings(case, NASTY);
        assert_eq!(
            render(Format::WebConfig, &settings, true),
            web_config(&settings, true)
        );
    }
}

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

// ---- Round trips: the real password, parsed back out of each format. ----

fn with_password(format: Format, case: Case, password: &str) -> Snippet {
    let snippet = render(format, &settings(case, password), true);
    assert!(snippet.includes_password, "{format:?}");
    snippet
}

#[test]
fn web_config_round_trips_through_quick_xml() {
    for password in PASSWORDS {
        let text = with_password(Format::WebConfig, Case::StartTls587, password).text;
        let mut reader = quick_xml::Reader::from_str(&text);
        let mut found = None;
        loop {
            match reader.read_event().unwrap() {
                Event::Empty(element) if element.name().as_ref() == b"network" => {
                    let attribute = element
                        .try_get_attribute("password")
                        .unwrap()
                        .expect("a password attribute");
                    found = Some(attribute.unescape_value().unwrap().into_owned());
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(found.as_deref(), Some(password), "{text}");
        // A real XML reader turns literal tabs and line breaks in attributes into spaces.
        let value = text.split("password=\"").nth(1).unwrap();
        assert!(
            !value
                .split('"')
                .next()
                .unwrap()
                .contains(['\n', '\r', '\t'])
        );
    }
}

#[test]
fn mailkit_round_trips_through_serde_json() {
    for case in CASES {
        for password in PASSWORDS {
            let text = with_password(Format::MailKit, case, password).text;
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["Smtp"]["Password"], password, "{text}");
            assert_eq!(value["Smtp"]["UserName"], "site@example.com");
            assert_eq!(value["Smtp"]["Host"], "smtp.example.com");
            assert!(value["Smtp"]["Port"].is_u64());
        }
    }
}

#[test]
fn symfony_dsn_round_trips_through_percent_decoding() {
    for case in CASES {
        for password in PASSWORDS {
            let text = with_password(Format::Symfony, case, password).text;
            let dsn = text.strip_prefix("MAILER_DSN=").unwrap().trim_end();
            let (scheme, rest) = dsn.split_once("://").unwrap();
            assert_eq!(scheme == "smtps", matches!(case, Case::Implicit465));
            let (userinfo, host_port) = rest.rsplit_once('@').unwrap();
            assert!(host_port.starts_with("smtp.example.com:"));
            assert!(
                userinfo
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-._~%:".contains(c)),
                "{userinfo}"
            );
            let (user, pass) = userinfo.split_once(':').unwrap();
            let decode = |s: &str| percent_decode_str(s).decode_utf8().unwrap().into_owned();
            assert_eq!(decode(user), "site@example.com");
            assert_eq!(decode(pass), password, "{dsn}");
        }
    }
}

#[test]
fn laravel_env_round_trips_through_dotenvy() {
    for case in CASES {
        // dotenvy knows no `\r` escape (phpdotenv, Laravel's reader, does): see escape.rs.
        for password in PASSWORDS.into_iter().filter(|p| !p.contains('\r')) {
            let text = with_password(Format::Laravel, case, password).text;
            let values: HashMap<String, String> = dotenvy::from_read_iter(text.as_bytes())
                .collect::<Result<_, _>>()
                .unwrap_or_else(|err| panic!("{err}\n{text}"));
            assert_eq!(values["MAIL_PASSWORD"], password, "{text}");
            assert_eq!(values["MAIL_USERNAME"], "site@example.com");
            assert_eq!(values["MAIL_HOST"], "smtp.example.com");
            assert_eq!(values["MAIL_MAILER"], "smtp");
            assert!(values.contains_key("MAIL_SCHEME") && values.contains_key("MAIL_ENCRYPTION"));
        }
    }
}

#[test]
fn laravel_warns_when_env_would_change_the_password() {
    let snippet = with_password(Format::Laravel, Case::StartTls587, "'wrapped'");
    assert!(snippet.warnings.iter().any(|w| w.contains("MAIL_PASSWORD")));
    let snippet = with_password(Format::Laravel, Case::StartTls587, NASTY);
    assert!(!snippet.warnings.iter().any(|w| w.contains("env()")));
}

/// Reads the single-quoted literal that follows `prefix` in `text` with `unescape`, and
/// checks what comes right after it.
fn literal_after(
    text: &str,
    prefix: &str,
    suffix: &str,
    unescape: fn(&str) -> (String, &str),
) -> String {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("{prefix:?} not in\n{text}"));
    let (value, rest) = unescape(&text[start + prefix.len()..]);
    assert!(rest.starts_with(suffix), "after the literal: {rest:?}");
    value
}

/// PHP single-quoted string: `\\` and `\'` are the only escapes; any other backslash is
/// literal.
fn php_literal(source: &str) -> (String, &str) {
    let body = source.strip_prefix('\'').expect("an opening quote");
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((index, ch)) = chars.next() {
        match ch {
            '\'' => return (value, &body[index + 1..]),
            '\\' => match body[index + 1..].chars().next() {
                Some(next @ ('\\' | '\'')) => {
                    value.push(next);
                    chars.next();
                }
                _ => value.push('\\'),
            },
            _ => value.push(ch),
        }
    }
    panic!("no closing quote in {source:?}");
}

/// Python or JavaScript single-quoted string with the escapes we emit (and any other
/// escape refused, so an unexpected one fails the test).
fn c_like_literal(source: &str) -> (String, &str) {
    let body = source.strip_prefix('\'').expect("an opening quote");
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((index, ch)) = chars.next() {
        match ch {
            '\'' => return (value, &body[index + 1..]),
            '\n' | '\r' => panic!("a raw line break ends the literal in {source:?}"),
            '\\' => {
                let (_, escape) = chars.next().expect("an escape");
                match escape {
                    '\\' | '\'' => value.push(escape),
                    'n' => value.push('\n'),
                    'r' => value.push('\r'),
                    't' => value.push('\t'),
                    'x' | 'u' => {
                        let width = if escape == 'x' { 2 } else { 4 };
                        let hex: String = (0..width).map(|_| chars.next().unwrap().1).collect();
                        let code = u32::from_str_radix(&hex, 16).unwrap();
                        value.push(char::from_u32(code).unwrap());
                    }
                    other => panic!("unexpected escape \\{other} in {source:?}"),
                }
            }
            _ => value.push(ch),
        }
    }
    panic!("no closing quote in {source:?}");
}

#[test]
fn php_formats_round_trip() {
    for case in CASES {
        for password in PASSWORDS {
            let text = with_password(Format::PhpMailer, case, password).text;
            let value = literal_after(&text, "$mail->Password = ", ";\n", php_literal);
            assert_eq!(value, password, "{text}");
            let text = with_password(Format::WordPress, case, password).text;
            let value = literal_after(&text, "define( 'WPMS_SMTP_PASS', ", " );\n", php_literal);
            assert_eq!(value, password, "{text}");
        }
    }
}

#[test]
fn django_round_trips() {
    for case in CASES {
        for password in PASSWORDS {
            let text = with_password(Format::Django, case, password).text;
            let value = literal_after(&text, "EMAIL_HOST_PASSWORD = ", "\n", c_like_literal);
            assert_eq!(value, password, "{text}");
        }
    }
}

#[test]
fn nodemailer_round_trips() {
    for case in CASES {
        for password in PASSWORDS {
            let text = with_password(Format::Nodemailer, case, password).text;
            let value = literal_after(&text, "pass: ", ",\n", c_like_literal);
            assert_eq!(value, password, "{text}");
            assert!(
                !text.contains('\u{2028}'),
                "U+2028 is escaped for JavaScript"
            );
        }
    }
}
