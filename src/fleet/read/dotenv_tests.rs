use super::*;
use crate::fleet::Transport;

fn settings(text: &str) -> (Platform, SiteSettings) {
    match read(text) {
        Some((platform, Ok(settings))) => (platform, settings),
        other => panic!("expected settings, got {other:?}"),
    }
}

fn laravel(text: &str) -> SiteSettings {
    let (platform, settings) = settings(text);
    assert_eq!(platform, Platform::Laravel);
    settings
}

fn symfony(dsn: &str) -> SiteSettings {
    let (platform, settings) = settings(&format!("APP_ENV=prod\nMAILER_DSN={dsn}\n"));
    assert_eq!(platform, Platform::Symfony);
    settings
}

fn error(text: &str) -> Unreadable {
    match read(text) {
        Some((_, Err(err))) => err,
        other => panic!("expected an error, got {other:?}"),
    }
}

const LARAVEL: &str = "APP_NAME=Shop\n\
                       APP_KEY=base64:abc=\n\
                       MAIL_MAILER=smtp\n\
                       MAIL_HOST=mail.example.com\n\
                       MAIL_PORT=587\n\
                       MAIL_USERNAME=shop@example.com\n\
                       MAIL_PASSWORD=\"p@ss word\"\n\
                       MAIL_ENCRYPTION=tls\n\
                       MAIL_FROM_ADDRESS=\"hello@example.com\"\n\
                       MAIL_FROM_NAME=\"${APP_NAME}\"\n";

#[test]
fn laravel_basic() {
    let site = laravel(LARAVEL);
    assert_eq!(site.host, "mail.example.com");
    assert_eq!(site.port, 587);
    assert_eq!(site.transport, Transport::StartTlsIfOffered);
    assert_eq!(site.user, "shop@example.com");
    assert_eq!(site.password.expose(), "p@ss word");
    assert_eq!(site.from, "hello@example.com");
}

#[test]
fn laravel_transports() {
    let with = |extra: &str| laravel(&format!("{LARAVEL}{extra}\n"));
    let port_465 = with("MAIL_PORT=465");
    assert_eq!(
        (port_465.port, port_465.transport),
        (465, Transport::ImplicitTls)
    );
    assert_eq!(with("MAIL_SCHEME=smtps").transport, Transport::ImplicitTls);
    assert_eq!(
        with("MAIL_SCHEME=smtp").transport,
        Transport::StartTlsIfOffered
    );
    // Symfony Mailer encrypts from the first byte on 465 whatever the scheme says.
    let smtp_465 = with("MAIL_SCHEME=smtp\nMAIL_PORT=465");
    assert_eq!(smtp_465.transport, Transport::ImplicitTls);
    // MAIL_ENCRYPTION is ignored.
    assert_eq!(
        with("MAIL_ENCRYPTION=ssl").transport,
        Transport::StartTlsIfOffered
    );
    assert_eq!(
        with("MAIL_SCHEME=null").transport,
        Transport::StartTlsIfOffered
    );
    assert!(matches!(
        error(&format!("{LARAVEL}MAIL_SCHEME=tls\n")),
        Unreadable::Malformed { what: ".env", detail } if detail.contains("MAIL_SCHEME")
    ));
}

#[test]
fn laravel_defaults_and_old_names() {
    let site = laravel(
        "MAIL_DRIVER=smtp\nMAIL_HOST=smtp.example.org\nMAIL_USERNAME=null\nMAIL_PASSWORD=null\n",
    );
    assert_eq!(site.port, 587);
    assert_eq!(site.user, "");
    assert!(site.password.is_empty());
    // No mailer named: SMTP when a host is set.
    assert_eq!(
        laravel("MAIL_HOST=smtp.example.org\nMAIL_PORT=25\n").port,
        25
    );
    let bad_port = error("MAIL_MAILER=smtp\nMAIL_HOST=h\nMAIL_PORT=smtp\n");
    assert!(format!("{bad_port}").contains("MAIL_PORT is not a whole number"));
}

#[test]
fn not_smtp_is_none() {
    assert_eq!(read("MAIL_MAILER=log\nMAIL_HOST=mail.example.com\n"), None);
    assert_eq!(read("MAIL_MAILER=ses\n"), None);
    assert_eq!(read("MAIL_DRIVER=sendmail\n"), None);
    assert_eq!(
        read("MAIL_MAILER=smtp\nMAIL_URL=ses+api://key:secret@default\n"),
        None
    );
    assert_eq!(read("APP_KEY=x\nDB_HOST=db\n"), None);
    assert_eq!(read("MAIL_FROM_ADDRESS=a@b.c\n"), None);
    assert_eq!(read(""), None);
    for dsn in [
        "null://null",
        "sendmail://default",
        "native://default",
        "ses+api://KEY:SECRET@default",
        "gmail+smtp://user:pass@default",
    ] {
        assert_eq!(read(&format!("MAILER_DSN={dsn}\n")), None, "{dsn}");
    }
}

#[test]
fn laravel_mail_url_wins() {
    let site = laravel(&format!(
        "{LARAVEL}MAIL_URL=smtps://url-user:p%40ss%2Fword@relay.example.net:2465\n"
    ));
    assert_eq!(site.host, "relay.example.net");
    assert_eq!(site.port, 2465);
    assert_eq!(site.transport, Transport::ImplicitTls);
    assert_eq!(site.user, "url-user");
    assert_eq!(site.password.expose(), "p@ss/word");
    // Parts the URL leaves out come from the separate variables.
    let site = laravel(&format!("{LARAVEL}MAIL_URL=smtp://relay.example.net\n"));
    assert_eq!((site.port, site.user.as_str()), (587, "shop@example.com"));
}

#[test]
fn dollars_as_each_platform_reads_them() {
    // Laravel (phpdotenv) expands ${NAME} only.
    for line in [
        "MAIL_PASSWORD=pa$$word$",
        "MAIL_PASSWORD=\"pa$$word$\"",
        "MAIL_PASSWORD='pa$$word$'",
    ] {
        let site = laravel(&format!("MAIL_MAILER=smtp\nMAIL_HOST=h\n{line}\n"));
        assert_eq!(site.password.expose(), "pa$$word$", "{line}");
    }
    let site = laravel(
        "MAIL_MAILER=smtp\nMAIL_HOST=h\nMAIL_USERNAME=me@x.org\nMAIL_FROM_ADDRESS=${MAIL_USERNAME}\n",
    );
    assert_eq!(site.from, "me@x.org");
    // Symfony expands $NAME (with `_`) and ${NAME}; a lone `$` stays.
    let site = settings("MAIL_USER=me\nMAILER_DSN=smtp://$MAIL_USER:pa$@host:25\n").1;
    assert_eq!((site.user.as_str(), site.password.expose()), ("me", "pa$"));
    let site = settings("U=me\nMAILER_DSN=\"smtp://${U}:x@host:25\"\n").1;
    assert_eq!(site.user, "me");
}

#[test]
fn values_from_the_server_environment_are_unknown() {
    let err = error("MAIL_MAILER=smtp\nMAIL_HOST=${SMTP_HOST}\n");
    assert!(format!("{err}").contains("${SMTP_HOST}"), "{err}");
    // A password's (or DSN's) reference is not named: it may be part of the password.
    let err = error("MAIL_MAILER=smtp\nMAIL_HOST=h\nMAIL_PASSWORD=${Secret_Part}\n");
    let shown = format!("{err} {err:?}");
    assert!(
        shown.contains("MAIL_PASSWORD") && !shown.contains("Secret_Part"),
        "{shown}"
    );
    let err = error("MAILER_DSN=smtp://u:pa$word@host\n");
    assert!(!format!("{err} {err:?}").contains("word"), "{err}");
    // Defined later does not count.
    assert!(read("MAIL_MAILER=smtp\nMAIL_HOST=${H}\nH=x\n").is_some_and(|(_, r)| r.is_err()));
}

#[test]
fn symfony_dsns() {
    let site = symfony("smtp://user%40example.com:p%2Bss%3Aw@smtp.example.com:587");
    assert_eq!(site.host, "smtp.example.com");
    assert_eq!(
        (site.port, site.transport),
        (587, Transport::StartTlsIfOffered)
    );
    assert_eq!(site.user, "user@example.com");
    assert_eq!(site.password.expose(), "p+ss:w");
    let cases = [
        ("smtps://u:p@smtp.example.com", 465, Transport::ImplicitTls),
        (
            "smtps://u:p@smtp.example.com:2465",
            2465,
            Transport::ImplicitTls,
        ),
        (
            "smtp://u:p@smtp.example.com:465",
            465,
            Transport::ImplicitTls,
        ),
        // No port: Symfony Mailer tries SSL on connect on 465, except for localhost.
        ("smtp://u:p@smtp.example.com", 465, Transport::ImplicitTls),
        ("smtp://localhost", 25, Transport::StartTlsIfOffered),
        (
            "smtp://h:25?verify_peer=0",
            25,
            Transport::StartTlsIfOffered,
        ),
        ("smtp://h?auto_tls=false", 25, Transport::Plain),
        ("smtp://h:587?require_tls=true", 587, Transport::StartTls),
        ("smtp://[::1]:2525", 2525, Transport::StartTlsIfOffered),
    ];
    for (dsn, port, transport) in cases {
        let site = symfony(dsn);
        assert_eq!((site.port, site.transport), (port, transport), "{dsn}");
    }
    assert_eq!(symfony("smtp://[::1]:2525").host, "::1");
    assert_eq!(symfony("smtp://h:1025").user, "");
}

#[test]
fn symfony_dsn_problems() {
    assert!(matches!(
        error("MAILER_DSN=\n"),
        Unreadable::Elsewhere(message) if message.contains(".env.local")
    ));
    assert!(matches!(
        error("MAILER_DSN=\"failover(smtp://a:1 smtp://b:2)\"\n"),
        Unreadable::Elsewhere(message) if message.contains("several")
    ));
    for (dsn, problem) in [
        ("smtp://user:TopSecret1@:25", "names no host"),
        (
            "smtp://user:TopSecret1@host:abc",
            "port is not a whole number",
        ),
        ("user:TopSecret1@host", "no scheme"),
    ] {
        let err = error(&format!("MAILER_DSN={dsn}\n"));
        let shown = format!("{err} / {err:?}");
        assert!(shown.contains(problem), "{shown}");
        assert!(!shown.contains("TopSecret1"), "{shown}");
    }
}

#[test]
fn crlf_bom_comments_export() {
    let text = "\u{feff}# Mail\r\n\
                \r\n\
                export MAIL_MAILER=smtp\r\n\
                \r\n\
                MAIL_HOST=mail.example.com # the relay\r\n\
                # MAIL_PORT=2525\r\n\
                MAIL_PORT = 465\r\n\
                MAIL_PASSWORD='it''s#not a comment'\r\n";
    let site = laravel(text);
    assert_eq!(site.host, "mail.example.com");
    assert_eq!((site.port, site.transport), (465, Transport::ImplicitTls));
    assert_eq!(site.password.expose(), "its#not a comment");
    let site = settings("\u{feff}MAILER_DSN=smtp://h:25\r\n").1;
    assert_eq!(site.host, "h");
}

#[test]
fn malformed_lines_are_numbered_never_quoted() {
    let err = error("MAIL_MAILER=smtp\nMAIL_HOST=h\n\n# c\nMAIL_PASSWORD=hunter2 is secret\n");
    assert_eq!(
        err,
        Unreadable::Malformed {
            what: ".env",
            detail: "line 5: not a NAME=value line (check its quotes; a value with spaces \
                     needs quotes)"
                .into()
        }
    );
    // A quote that is never closed: the line where the value starts.
    let err = error("MAIL_MAILER=smtp\r\nMAIL_PASSWORD=\"hunter2\r\nMAIL_HOST=h\r\n");
    assert!(format!("{err}").contains("line 2:"), "{err}");
    // After a multi-line value, lines are still counted right.
    let err = error("MAIL_HOST=h\nKEY=\"one\ntwo\"\nMAIL_PASSWORD=hunter2 x\n");
    assert!(format!("{err}").contains("line 4:"), "{err}");
    let err = error("MAILER_DSN=smtp://h\nnot a line hunter2\n");
    assert!(format!("{err}").contains("line 2:"), "{err}");
    for text in [
        "MAIL_HOST=h\nMAIL_PASSWORD=hunter2 secret\n",
        "MAIL_HOST=h\nMAIL_PASSWORD=\"hunter2\n",
        "MAIL_HOST=h\nMAIL_PASSWORD=hunter2\\q\n",
    ] {
        let err = error(text);
        for shown in [format!("{err}"), format!("{err:?}")] {
            assert!(!shown.contains("hunter2"), "{shown}");
        }
    }
}

#[test]
fn passwords_stay_out_of_debug_output() {
    let shown = format!("{:?}", read(LARAVEL));
    assert!(!shown.contains("p@ss word"), "{shown}");
}
