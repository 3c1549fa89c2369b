//! Round trips: the real password, parsed back out of each format (with a real parser where
//! Rust has one, with a small literal reader for PHP, Python and JavaScript).

use super::*;

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
