//! The exact keys and lines of every format × {STARTTLS 587, SSL on connect 465, no
//! encryption 25}.

use super::*;

/// The lines (or fragments) that must appear, exactly, for each format and case.
#[allow(clippy::too_many_lines)] // a data table: one arm per format
fn expected(format: Format, case: Case) -> Vec<&'static str> {
    use Case::{Implicit465, None25, StartTls587};
    match (format, case) {
        (Format::WebConfig, StartTls587 | Implicit465) => vec![
            r#"<smtp deliveryMethod="Network" from="site@example.com">"#,
            // One attribute per line, aligned under the first.
            "      <network host=\"smtp.example.com\"\n               port=\"587\"\n               enableSsl=\"true\"\n               userName=\"site@example.com\"\n               password=\"YOUR-PASSWORD-HERE\"\n               defaultCredentials=\"false\" />\n",
        ],
        (Format::WebConfig, None25) => vec![
            "      <network host=\"smtp.example.com\"\n               port=\"25\"\n               enableSsl=\"false\"\n               userName=\"site@example.com\"\n",
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
                "SERVER_EMAIL = 'site@example.com'\n",
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
