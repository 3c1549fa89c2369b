use super::*;

fn settings(text: &str) -> SiteSettings {
    match read(text) {
        Some(Ok(settings)) => settings,
        other => panic!("expected settings, got {other:?}"),
    }
}

fn malformed(text: &str) -> String {
    match read(text) {
        Some(Err(Unreadable::Malformed {
            what: "JSON",
            detail,
        })) => detail,
        other => panic!("expected Malformed JSON, got {other:?}"),
    }
}

/// An appsettings.json with an `Smtp` section holding `fields`.
fn smtp(fields: &str) -> String {
    format!(
        "{{\r\n  \"Logging\": {{ \"LogLevel\": {{ \"Default\": \"Information\" }} }},\r\n  \
         \"Smtp\": {{ \"Host\": \"smtp.example.com\", {fields} }},\r\n  \
         \"AllowedHosts\": \"*\"\r\n}}\r\n"
    )
}

#[test]
fn mailkit_section() {
    let site = settings(&smtp(
        "\"Port\": 587, \"UserName\": \"app@example.com\", \"Password\": \"pa\\\"ss\", \
         \"SecureSocketOptions\": \"StartTls\", \"From\": \"noreply@example.com\"",
    ));
    assert_eq!(site.host, "smtp.example.com");
    assert_eq!(site.port, 587);
    assert_eq!(site.transport, Transport::StartTls);
    assert_eq!(site.user, "app@example.com");
    assert_eq!(site.password.expose(), "pa\"ss");
    assert_eq!(site.from, "noreply@example.com");
    assert_eq!(site.framework, Framework::Core);
    assert_eq!(site.enable_ssl, None);
}

#[test]
fn each_security_setting() {
    let cases = [
        ("\"SecureSocketOptions\": \"None\"", 25, Transport::Plain),
        (
            "\"SecureSocketOptions\": \"Auto\", \"Port\": 587",
            587,
            Transport::StartTlsIfOffered,
        ),
        (
            "\"SecureSocketOptions\": \"auto\", \"Port\": 465",
            465,
            Transport::ImplicitTls,
        ),
        (
            "\"SecureSocketOptions\": \"SslOnConnect\"",
            465,
            Transport::ImplicitTls,
        ),
        (
            "\"SecureSocketOptions\": \"StartTls\"",
            25,
            Transport::StartTls,
        ),
        (
            "\"SecureSocketOptions\": \"StartTlsWhenAvailable\"",
            25,
            Transport::StartTlsIfOffered,
        ),
        ("\"SecureSocketOptions\": 0", 25, Transport::Plain),
        (
            "\"SecureSocketOptions\": 2, \"Port\": 2465",
            2465,
            Transport::ImplicitTls,
        ),
        ("\"SecureSocketOptions\": \"3\"", 25, Transport::StartTls),
        (
            "\"EnableSsl\": true, \"Port\": 587",
            587,
            Transport::StartTls,
        ),
        (
            "\"UseSsl\": true, \"Port\": 465",
            465,
            Transport::ImplicitTls,
        ),
        (
            "\"enableSSL\": \"False\", \"Port\": 25",
            25,
            Transport::Plain,
        ),
        ("\"UseStartTls\": true", 25, Transport::StartTls),
        // MailKit's default: Auto.
        ("\"Port\": 587", 587, Transport::StartTlsIfOffered),
        ("\"Port\": \"465\"", 465, Transport::ImplicitTls),
        // SecureSocketOptions wins over a switch.
        (
            "\"EnableSsl\": true, \"SecureSocketOptions\": \"None\"",
            25,
            Transport::Plain,
        ),
    ];
    for (fields, port, transport) in cases {
        let site = settings(&smtp(fields));
        assert_eq!((site.port, site.transport), (port, transport), "{fields}");
    }
}

#[test]
fn other_section_and_key_names() {
    let text = r#"{ "EmailSettings": { "SmtpServer": "mail.example.org", "SmtpPort": "2525",
                    "Login": "me", "Pass": "pw", "SenderEmail": "me@example.org" } }"#;
    let site = settings(text);
    assert_eq!((site.host.as_str(), site.port), ("mail.example.org", 2525));
    assert_eq!((site.user.as_str(), site.password.expose()), ("me", "pw"));
    assert_eq!(site.from, "me@example.org");
    // Keys in any case, one level down, a From object.
    let text = r#"{ "AppSettings": { "mailSettings": { "HOST": "h", "username": "u",
                    "from": { "Name": "Shop", "Address": "shop@example.org" } } } }"#;
    let site = settings(text);
    assert_eq!((site.host.as_str(), site.user.as_str()), ("h", "u"));
    assert_eq!(site.from, "shop@example.org");
}

#[test]
fn email_is_the_user_only_with_a_password() {
    let with = r#"{ "Mail": { "Server": "h", "Email": "me@x.org", "Password": "pw" } }"#;
    assert_eq!(settings(with).user, "me@x.org");
    let without = r#"{ "Mail": { "Server": "h", "Email": "me@x.org" } }"#;
    assert_eq!(settings(without).user, "");
}

#[test]
fn no_mail_section_is_none() {
    assert_eq!(
        read(r#"{ "Logging": { "LogLevel": { "Default": "Warning" } } }"#),
        None
    );
    // A section of that name without a host.
    assert_eq!(read(r#"{ "Email": { "Template": "welcome" } }"#), None);
    assert_eq!(read("[1, 2]"), None);
    // Deeper than one level is not looked at.
    assert_eq!(
        read(r#"{ "A": { "B": { "Smtp": { "Host": "h" } } } }"#),
        None
    );
}

#[test]
fn comments_trailing_commas_bom_crlf() {
    let text = "\u{feff}{\r\n\
                // the relay \"quoted\", with a comma,\r\n\
                \"Smtp\": {\r\n\
                  \"Host\": \"smtp.example.com\", /* not \"Host\": \"x\" */\r\n\
                  \"Port\": 465, // SSL\r\n\
                  \"Password\": \"a//b/*c*/\",\r\n\
                },\r\n\
                \"List\": [1, 2, /* three */],\r\n\
                }\r\n";
    let site = settings(text);
    assert_eq!((site.host.as_str(), site.port), ("smtp.example.com", 465));
    assert_eq!(site.password.expose(), "a//b/*c*/");
    assert_eq!(site.transport, Transport::ImplicitTls);
}

#[test]
fn broken_json_names_line_and_column_only() {
    let text = "{\n  \"Smtp\": {\n    \"Host\": \"h\",\n    \"Password\": \"hunter2\" \"Port\": 25\n  }\n}\n";
    let detail = malformed(text);
    assert!(detail.starts_with("line 4, column "), "{detail}");
    let detail = malformed("{ \"Smtp\": { \"Password\": \"hunter2");
    assert!(detail.contains("ends inside a value"), "{detail}");
    let detail = malformed("{\n /* hunter2 \n \"Smtp\": {} }");
    assert_eq!(
        detail,
        "line 2: a /* comment starts here and is never closed"
    );
    for text in [
        "{ \"Smtp\": { \"Password\": hunter2 } }",
        "{ \"Smtp\": { \"Password\": \"hunter2\" ",
        "{ \"Smtp\": { \"Password\": \"hunter2\\q\" } }",
    ] {
        let Some(Err(err)) = read(text) else {
            panic!("expected an error for {text}");
        };
        for shown in [format!("{err}"), format!("{err:?}")] {
            assert!(!shown.contains("hunter2"), "{shown}");
        }
    }
}

#[test]
fn values_dotnet_cannot_bind() {
    let detail = malformed(&smtp("\"Port\": \"submission\", \"Password\": \"hunter2\""));
    assert!(detail.contains("port is not a whole number"), "{detail}");
    assert!(!detail.contains("hunter2"));
    let detail = malformed(&smtp("\"Port\": -1"));
    assert!(detail.contains("port"), "{detail}");
    let detail = malformed(&smtp("\"SecureSocketOptions\": \"Ssl\""));
    assert!(detail.contains("SecureSocketOptions"), "{detail}");
    let detail = malformed(&smtp("\"SecureSocketOptions\": 7"));
    assert!(detail.contains("SecureSocketOptions"), "{detail}");
    let detail = malformed(&smtp("\"EnableSsl\": \"yes\""));
    assert!(detail.contains("true or false"), "{detail}");
}

#[test]
fn passwords_stay_out_of_debug_output() {
    let shown = format!("{:?}", read(&smtp("\"Password\": \"hunter2\"")));
    assert!(!shown.contains("hunter2"), "{shown}");
}
