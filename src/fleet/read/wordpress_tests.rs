use super::*;

const PASSWORD: &str = "s3cr'et\\pa\"ss";

/// A wp-config.php with WP Mail SMTP's constants, `extra` after them.
fn config(extra: &str) -> String {
    format!(
        "<?php\n\
         define( 'DB_NAME', 'wordpress' );\n\
         define('WPMS_ON', true);\n\
         define('WPMS_MAILER', 'smtp');\n\
         define('WPMS_SMTP_HOST', 'mail.example.com');\n\
         define('WPMS_SMTP_USER', 'site@example.com');\n\
         define('WPMS_SMTP_PASS', 's3cr\\'et\\\\pa\"ss');\n\
         {extra}\n\
         $table_prefix = 'wp_';\n\
         require_once ABSPATH . 'wp-settings.php';\n"
    )
}

fn settings(text: &str) -> SiteSettings {
    match read(text) {
        Some(Ok(settings)) => settings,
        other => panic!("expected settings, got {other:?}"),
    }
}

fn elsewhere(text: &str) -> String {
    match read(text) {
        Some(Err(Unreadable::Elsewhere(message))) => message,
        other => panic!("expected Elsewhere, got {other:?}"),
    }
}

#[test]
fn reads_the_constants_with_defaults() {
    let site = settings(&config(""));
    assert_eq!(site.host, "mail.example.com");
    assert_eq!(site.port, 25);
    assert_eq!(site.transport, Transport::StartTlsIfOffered);
    assert_eq!(site.user, "site@example.com");
    assert_eq!(site.password.expose(), PASSWORD);
    assert_eq!(site.from, "");
    assert_eq!(site.enable_ssl, None);
}

#[test]
fn each_transport() {
    let cases = [
        ("define('WPMS_SSL', 'ssl');", Transport::ImplicitTls),
        ("define('WPMS_SSL', 'tls');", Transport::StartTls),
        ("define('WPMS_SSL', '');", Transport::StartTlsIfOffered),
        (
            "define('WPMS_SSL', ''); define('WPMS_SMTP_AUTOTLS', false);",
            Transport::Plain,
        ),
        ("define('WPMS_SMTP_AUTOTLS', FALSE);", Transport::Plain),
        // PHPMailer knows only lower-case 'ssl' and 'tls'.
        ("define('WPMS_SSL', 'SSL');", Transport::StartTlsIfOffered),
        (
            "define('WPMS_SSL', 'tls'); define('WPMS_SMTP_AUTOTLS', false);",
            Transport::StartTls,
        ),
    ];
    for (extra, transport) in cases {
        assert_eq!(settings(&config(extra)).transport, transport, "{extra}");
    }
}

#[test]
fn port_as_number_or_text() {
    assert_eq!(
        settings(&config("define('WPMS_SMTP_PORT', 587);")).port,
        587
    );
    assert_eq!(
        settings(&config("define('WPMS_SMTP_PORT', '465');")).port,
        465
    );
    assert_eq!(
        settings(&config("define('WPMS_SMTP_PORT', \"2525\");")).port,
        2525
    );
    // Empty means "not set": the default.
    assert_eq!(settings(&config("define('WPMS_SMTP_PORT', '');")).port, 25);
    // As PHP's (int) reads it.
    assert_eq!(
        settings(&config("define('WPMS_SMTP_PORT', ' 587 ');")).port,
        587
    );
}

#[test]
fn no_sign_in_when_auth_is_off() {
    let site = settings(&config("define('WPMS_SMTP_AUTH', false);"));
    assert_eq!(site.user, "");
    assert!(site.password.is_empty());
    let site = settings(&config("define('WPMS_SMTP_AUTH', true);"));
    assert_eq!(site.user, "site@example.com");
}

#[test]
fn from_address() {
    let site = settings(&config("define('WPMS_MAIL_FROM', 'noreply@example.com');"));
    assert_eq!(site.from, "noreply@example.com");
}

#[test]
fn no_constants_is_none() {
    assert_eq!(
        read("<?php\ndefine('DB_NAME', 'wp');\n$table_prefix = 'wp_';\n"),
        None
    );
    assert_eq!(read(""), None);
    // Commented out, every way PHP allows.
    let commented = "<?php\n// define('WPMS_ON', true);\n# define('WPMS_MAILER', 'smtp');\n\
                     /* define('WPMS_SMTP_HOST', 'x');\n define('WPMS_SMTP_PORT', 25); */\n";
    assert_eq!(read(commented), None);
}

#[test]
fn other_mailers_are_none() {
    for mailer in ["mail", "sendgrid", "mailgun", "gmail"] {
        let text = format!(
            "<?php define('WPMS_ON', true); define('WPMS_MAILER', '{mailer}'); \
             define('WPMS_SENDGRID_API_KEY', 'key');"
        );
        assert_eq!(read(&text), None, "{mailer}");
    }
}

#[test]
fn switched_off() {
    let off = config("").replace("define('WPMS_ON', true);", "define('WPMS_ON', false);");
    let message = elsewhere(&off);
    assert!(message.contains("WPMS_ON is not true"), "{message}");
    assert!(message.contains("WordPress database"), "{message}");

    let missing = config("").replace("define('WPMS_ON', true);", "");
    assert!(elsewhere(&missing).contains("not defined"));

    // WP Mail SMTP tests `WPMS_ON === true`: the text 'true' does not count.
    let quoted = config("").replace("define('WPMS_ON', true);", "define('WPMS_ON', 'true');");
    assert!(elsewhere(&quoted).contains("without quotes"));
}

#[test]
fn missing_mailer_or_host_is_in_the_database() {
    let no_mailer = config("").replace("define('WPMS_MAILER', 'smtp');", "");
    assert!(elsewhere(&no_mailer).contains("WPMS_MAILER is not set"));
    let no_host = config("").replace("'mail.example.com'", "''");
    assert!(elsewhere(&no_host).contains("WPMS_SMTP_HOST is not set"));
}

#[test]
fn computed_values_are_unknown() {
    for value in [
        "getenv('SMTP_PASS')",
        "$smtp_pass",
        "'a' . 'b'",
        "SOME_CONSTANT",
        "\"pa$word\"",
        "<<<EOT\nsecret\nEOT\n",
    ] {
        let text = config("").replace("'s3cr\\'et\\\\pa\"ss'", value);
        let message = elsewhere(&text);
        assert!(message.contains("WPMS_SMTP_PASS"), "{value}: {message}");
        assert!(message.contains("line 7"), "{value}: {message}");
    }
    // A constant the settings do not use may be computed.
    let site = settings(&config(
        "define('WPMS_MAIL_FROM_NAME', get_bloginfo('name'));",
    ));
    assert_eq!(site.host, "mail.example.com");
}

#[test]
fn conflicting_definitions_are_not_guessed() {
    let text = config(
        "if ($staging) { define('WPMS_SMTP_PORT', 2525); } else { define('WPMS_SMTP_PORT', 587); }",
    );
    let message = elsewhere(&text);
    assert!(message.contains("WPMS_SMTP_PORT"), "{message}");
    // The same value twice is fine.
    let text = config("define('WPMS_SMTP_PORT', 587); define('WPMS_SMTP_PORT', 587);");
    assert_eq!(settings(&text).port, 587);
}

#[test]
fn php_syntax_variants() {
    let text = "\u{feff}<?php\r\n\
                DEFINE ( \"WPMS_ON\" , TRUE ) ;\r\n\
                \\define('WPMS_MAILER', 'smtp', true); // case-insensitive flag, ignored\r\n\
                const WPMS_SMTP_HOST = 'smtp.example.org';\r\n\
                define('WPMS_SMTP_PORT',587);#comment\r\n\
                define('WPMS_SMTP_USER', \"user\\x40example.org\");\r\n\
                define('WPMS_SMTP_PASS', \"tab\\there \\$ \\u{e9}\\101\");\r\n\
                define('WPMS_SSL', 'tls'); /* trailing ' quote in a comment */\r\n\
                ?>\r\n<p>It's HTML</p>\r\n<?php\r\n\
                define('WPMS_MAIL_FROM', 'from@example.org');\r\n";
    let site = settings(text);
    assert_eq!(site.host, "smtp.example.org");
    assert_eq!(site.port, 587);
    assert_eq!(site.user, "user@example.org");
    assert_eq!(site.password.expose(), "tab\there $ \u{e9}A");
    // `$` before a digit is not a variable.
    let digit = settings(&config("").replace("'s3cr\\'et\\\\pa\"ss'", "\"pa$1\""));
    assert_eq!(digit.password.expose(), "pa$1");
    assert_eq!(site.transport, Transport::StartTls);
    assert_eq!(site.from, "from@example.org");
}

#[test]
fn method_calls_named_define_are_not_constants() {
    let text = "<?php $config->define('WPMS_ON', true); Foo::define('WPMS_MAILER', 'smtp');";
    assert_eq!(read(text), None);
}

#[test]
fn unterminated_string_is_malformed_without_the_text() {
    let text = "<?php\ndefine('WPMS_ON', true);\ndefine('WPMS_MAILER', 'smtp');\n\
                define('WPMS_SMTP_PASS', 'hunter2-secret);\ndefine('WPMS_SMTP_HOST', 'x');\n";
    let Some(Err(err)) = read(text) else {
        panic!("expected an error");
    };
    assert_eq!(
        err,
        Unreadable::Malformed {
            what: "PHP",
            detail: "line 4: a quoted string starts here and runs over several lines; the file \
                     ends inside a string, so a quote is probably missing here"
                .into(),
        }
    );
    for shown in [format!("{err}"), format!("{err:?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
    }
    // The last string is the one never closed.
    let text = "<?php\ndefine('WPMS_ON', true);\ndefine('WPMS_SMTP_HOST', 'x);\n";
    let Some(Err(Unreadable::Malformed { detail, .. })) = read(text) else {
        panic!("expected an error");
    };
    assert_eq!(
        detail,
        "line 3: a quoted string starts here and is never closed"
    );
    // A broken file without WP Mail SMTP's constants is not this reader's business.
    assert_eq!(read("<?php\n$x = 'unclosed;\n"), None);
}

#[test]
fn unclosed_define_is_malformed() {
    let text = "<?php\ndefine('WPMS_ON', true);\ndefine('WPMS_MAILER', 'smtp'\n";
    assert_eq!(
        read(text),
        Some(Err(Unreadable::Malformed {
            what: "PHP",
            detail: "line 3: a constant's definition here is never closed".into(),
        }))
    );
}

#[test]
fn passwords_never_appear_in_errors() {
    let secret = "Pa55-very-secret";
    let texts = [
        // Switched off.
        format!("<?php define('WPMS_ON', false); define('WPMS_SMTP_PASS', '{secret}');"),
        // Conflicting values.
        format!(
            "<?php define('WPMS_ON', true); define('WPMS_MAILER', 'smtp'); \
             define('WPMS_SMTP_HOST', 'h'); define('WPMS_SMTP_PASS', '{secret}'); \
             define('WPMS_SMTP_PASS', '{secret}2');"
        ),
        // Computed elsewhere.
        format!(
            "<?php define('WPMS_ON', true); define('WPMS_MAILER', 'smtp'); \
             define('WPMS_SMTP_HOST', 'h'); define('WPMS_SMTP_PASS', md5('{secret}'));"
        ),
        // Unclosed heredoc.
        format!("<?php define('WPMS_ON', true); define('WPMS_SMTP_PASS', <<<X\n{secret}\n"),
    ];
    for text in texts {
        let Some(Err(err)) = read(&text) else {
            panic!("expected an error for {text}");
        };
        for shown in [format!("{err}"), format!("{err:?}")] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
    // Nor in the settings' Debug output.
    let shown = format!("{:?}", settings(&config("")));
    assert!(!shown.contains("s3cr"), "{shown}");
}
