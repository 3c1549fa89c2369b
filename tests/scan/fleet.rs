//! The verdicts, against scripted servers that behave as hosting relays do.

use tempfile::TempDir;

use super::support::smtp_server::{Banner, ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};
use super::{scan_json, site, web_config, write, xml_attr};

/// The seed case: a relay that takes sign-in only after STARTTLS. The site with
/// `enableSsl="false"` is broken with the fix `enableSsl: false → true` and the command that
/// applies it; the one with `enableSsl="true"` is fine; a Laravel site (STARTTLS whenever
/// offered) is fine too.
#[tokio::test]
async fn a_relay_that_requires_starttls_breaks_the_sites_without_enable_ssl() {
    let relay = TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let port = relay.port();
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let network = |ssl: bool| {
        format!(
            "host=\"localhost\" port=\"{port}\" userName=\"{TEST_USER}\" password=\"{}\" enableSsl=\"{ssl}\"",
            xml_attr(TEST_PASSWORD)
        )
    };
    write(
        root,
        "vhosts/plain.example/httpdocs/web.config",
        &web_config(&network(false)),
    );
    write(
        root,
        "vhosts/secure.example/httpdocs/web.config",
        &web_config(&network(true)),
    );
    write(
        root,
        "vhosts/laravel.example/httpdocs/.env",
        &format!(
            "MAIL_MAILER=smtp\nMAIL_HOST=localhost\nMAIL_PORT={port}\nMAIL_USERNAME={TEST_USER}\nMAIL_PASSWORD='{TEST_PASSWORD}'\n"
        ),
    );
    let (doc, code) = scan_json(&[root], &[]).await;
    let broken = site(&doc, "plain.example/httpdocs/web.config");
    assert_eq!(broken["verdict"], "broken", "{broken:#}");
    assert_eq!(broken["platform"], "asp_net");
    assert_eq!(broken["site"], "plain.example");
    assert_eq!(broken["enable_ssl"], false);
    let fix = broken["fix"].to_string();
    assert!(fix.contains("enableSsl: false → true"), "{broken:#}");
    let command = broken["command"].as_str().unwrap();
    assert!(command.contains("webconfig update"), "{command}");
    assert!(command.contains("--enable-ssl true"), "{command}");
    assert_eq!(
        site(&doc, "secure.example/httpdocs/web.config")["verdict"],
        "ok"
    );
    let laravel = site(&doc, "laravel.example/httpdocs/.env");
    assert_eq!(laravel["verdict"], "ok", "{laravel:#}");
    assert_eq!(laravel["platform"], "laravel");
    assert_eq!(code, Some(11), "any broken site: exit 11");
    assert_eq!(relay.connections(), 1, "one server, contacted once");
    assert!(
        relay
            .commands()
            .iter()
            .all(|c| !c.starts_with("AUTH") && !c.starts_with("MAIL")),
        "no sign-in and no message without --sign-in: {:?}",
        relay.commands()
    );
}

/// Each distinct server is contacted once however many sites use it.
#[tokio::test]
async fn each_server_is_contacted_once_for_many_sites() {
    let first = TestServer::start(ServerConfig::default()).await;
    let second = TestServer::start(ServerConfig::default()).await;
    let dir = TempDir::new().unwrap();
    for index in 0..40 {
        let server = if index % 2 == 0 { &first } else { &second };
        write(
            dir.path(),
            &format!("inetpub/site{index}.example/wwwroot/web.config"),
            &web_config(&format!(
                "host=\"localhost\" port=\"{}\" enableSsl=\"true\"",
                server.port()
            )),
        );
    }
    let (doc, code) = scan_json(&[dir.path()], &[]).await;
    assert_eq!(doc["sites"].as_array().unwrap().len(), 40);
    assert_eq!(doc["servers"].as_array().unwrap().len(), 2, "{doc:#}");
    for server in doc["servers"].as_array().unwrap() {
        assert_eq!(server["sites"], 20);
        assert_eq!(server["ok"], 20);
    }
    assert_eq!(code, Some(0), "every site OK: exit 0");
    assert_eq!(first.connections(), 1);
    assert_eq!(second.connections(), 1);
}

/// ASP.NET cannot do SSL on connect: port 465 with `enableSsl` is broken (it waits for a
/// greeting that never comes); WordPress with `WPMS_SSL = 'ssl'` on the same port is fine.
/// The two use the server differently, so they are two conversations.
#[tokio::test]
async fn port_465_breaks_aspnet_and_suits_wordpress() {
    let tls = TestServer::start(ServerConfig {
        implicit_tls: true,
        offer_starttls: false,
        ..ServerConfig::default()
    })
    .await;
    let port = tls.port();
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "HostingSpaces/anna/asp.example/wwwroot/web.config",
        &web_config(&format!(
            "host=\"localhost\" port=\"{port}\" enableSsl=\"true\""
        )),
    );
    write(
        dir.path(),
        "HostingSpaces/anna/blog.example/wwwroot/wp-config.php",
        &format!(
            "<?php\r\ndefine('WPMS_ON', true);\r\ndefine('WPMS_MAILER', 'smtp');\r\ndefine('WPMS_SMTP_HOST', 'localhost');\r\ndefine('WPMS_SMTP_PORT', {port});\r\ndefine('WPMS_SSL', 'ssl');\r\n"
        ),
    );
    let (doc, _) = scan_json(&[dir.path()], &[]).await;
    let asp = site(&doc, "asp.example/wwwroot/web.config");
    assert_eq!(asp["verdict"], "broken", "{asp:#}");
    assert_eq!(asp["id"], "no_greeting", "{asp:#}");
    assert_eq!(asp["site"], "asp.example");
    let blog = site(&doc, "blog.example/wwwroot/wp-config.php");
    assert_eq!(blog["verdict"], "ok", "{blog:#}");
    assert_eq!(blog["security"], "tls");
    assert_eq!(doc["servers"].as_array().unwrap().len(), 2);
}

/// A server nobody answers on is the site's problem (refused); an unreadable section is
/// unknown and says why; Microsoft 365 with a password is at risk (offline, from the files).
#[tokio::test]
async fn refused_encrypted_and_microsoft_365() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_port = closed.local_addr().unwrap().port();
    drop(closed);
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "www/refused.example/wwwroot/web.config",
        &web_config(&format!(
            "host=\"127.0.0.1\" port=\"{closed_port}\" enableSsl=\"true\""
        )),
    );
    write(
        dir.path(),
        "www/secret.example/wwwroot/web.config",
        "<configuration><system.net><mailSettings configProtectionProvider=\"RsaProtectedConfigurationProvider\"><EncryptedData/></mailSettings></system.net></configuration>",
    );
    write(
        dir.path(),
        "www/m365.example/wwwroot/web.config",
        &web_config(
            "host=\"smtp.office365.com\" port=\"587\" enableSsl=\"true\" userName=\"site@m365.example\" password=\"Spring2026!\"",
        ),
    );
    let (online, _) = scan_json(
        &[
            &dir.path().join("www/refused.example"),
            &dir.path().join("www/secret.example"),
        ],
        &[],
    )
    .await;
    let refused = site(&online, "refused.example/wwwroot/web.config");
    assert_eq!(refused["verdict"], "broken", "{refused:#}");
    assert_eq!(refused["id"], "connection_refused");
    let secret = site(&online, "secret.example/wwwroot/web.config");
    assert_eq!(secret["verdict"], "unknown", "{secret:#}");
    assert!(
        secret["reason"].as_str().unwrap().contains("encrypted"),
        "{secret:#}"
    );

    let (offline, code) = scan_json(&[dir.path()], &["--offline"]).await;
    let m365 = site(&offline, "m365.example/wwwroot/web.config");
    assert_eq!(m365["verdict"], "at_risk", "{m365:#}");
    assert_eq!(m365["id"], "basic_auth_ending");
    assert_eq!(offline["offline"], true);
    assert_eq!(code, Some(12), "at risk and none broken offline: exit 12");
    assert!(!offline.to_string().contains("Spring2026!"));
}

/// `--sign-in` tries each account once (three sites share one), never sends a message, and a
/// refused password makes the site broken with the sign-in's own diagnosis.
#[tokio::test]
async fn sign_in_checks_each_account_once() {
    let server = TestServer::start(ServerConfig::default()).await;
    let port = server.port();
    let dir = TempDir::new().unwrap();
    for name in ["one", "two", "three"] {
        write(
            dir.path(),
            &format!("vhosts/{name}.example/httpdocs/web.config"),
            &web_config(&format!(
                "host=\"localhost\" port=\"{port}\" enableSsl=\"true\" userName=\"{TEST_USER}\" password=\"{}\"",
                xml_attr(TEST_PASSWORD)
            )),
        );
    }
    write(
        dir.path(),
        "vhosts/wrong.example/httpdocs/web.config",
        &web_config(&format!(
            "host=\"localhost\" port=\"{port}\" enableSsl=\"true\" userName=\"other@site.example\" password=\"not-the-password\""
        )),
    );
    let (doc, code) = scan_json(&[dir.path()], &["--sign-in", "--sign-in-pause", "0"]).await;
    assert_eq!(
        site(&doc, "one.example/httpdocs/web.config")["verdict"],
        "ok"
    );
    let wrong = site(&doc, "wrong.example/httpdocs/web.config");
    assert_eq!(wrong["verdict"], "broken", "{wrong:#}");
    assert_eq!(wrong["id"], "auth_failed", "{wrong:#}");
    assert_eq!(code, Some(11));
    let auths = server
        .commands()
        .iter()
        .filter(|c| c.starts_with("AUTH"))
        .count();
    assert_eq!(auths, 2, "one sign-in per account: {:?}", server.commands());
    assert!(server.messages().is_empty(), "never a message");
    // One probe, then one connection per account.
    assert_eq!(server.connections(), 3);
}

/// A server that accepts and never greets does not hold the scan beyond its limit, and the
/// sites on it are said to be broken with the greeting's diagnosis.
#[tokio::test]
async fn a_silent_server_is_no_greeting() {
    let silent = TestServer::start(ServerConfig {
        banner: Banner::Silent,
        ..ServerConfig::default()
    })
    .await;
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "www/quiet.example/wwwroot/web.config",
        &web_config(&format!(
            "host=\"localhost\" port=\"{}\" enableSsl=\"true\"",
            silent.port()
        )),
    );
    let (doc, _) = scan_json(&[dir.path()], &[]).await;
    let quiet = site(&doc, "quiet.example/wwwroot/web.config");
    assert_eq!(quiet["id"], "no_greeting", "{quiet:#}");
}
