//! "Check a folder of sites" after a scan, built by hand: a relay that now requires encryption
//! (three sites broken, one at risk, one fine) and a server that did not answer.

use mail_settings_tester::fleet::judge::{Judgement, Verdict};
use mail_settings_tester::fleet::model::Platform;
use mail_settings_tester::fleet::report::{ScanReport, ServerRow, SiteRow};
use mail_settings_tester::fleet::server::ServerKey;

fn key(host: &str, port: u16) -> ServerKey {
    ServerKey {
        host: host.to_owned(),
        port,
        implicit_tls: false,
    }
}

fn site(domain: &str, platform: Platform, server: &ServerKey, verdict: Verdict) -> SiteRow {
    let (id, reason, fix): (Option<&str>, &str, Vec<String>) = match verdict {
        Verdict::Broken => (
            Some("auth_requires_tls"),
            "The server allows sign-in only over an encrypted connection",
            vec!["enableSsl: false → true".to_owned()],
        ),
        Verdict::AtRisk => (
            Some("password_unencrypted"),
            "The password would cross the network unencrypted",
            vec!["security: none → starttls".to_owned()],
        ),
        Verdict::Unknown => (
            Some("connection_timeout"),
            "The server did not answer in time",
            Vec::new(),
        ),
        Verdict::Ok => (
            None,
            "The server answered as this site needs; nothing found that stops its mail.",
            Vec::new(),
        ),
    };
    let file = match platform {
        Platform::WordPress => "wp-config.php",
        Platform::Laravel | Platform::Symfony => ".env",
        Platform::AspNetCore => "appsettings.json",
        Platform::AspNet => "web.config",
    };
    SiteRow {
        path: format!("C:\\inetpub\\vhosts\\{domain}\\httpdocs\\{file}").into(),
        site: domain.to_owned(),
        platform,
        host: server.host.clone(),
        port: u32::from(server.port),
        security: "plain".to_owned(),
        enable_ssl: (platform == Platform::AspNet).then_some(false),
        user: format!("shop@{domain}"),
        judgement: Judgement {
            verdict,
            id: id.map(str::to_owned),
            reason: reason.to_owned(),
            fix,
            change: None,
        },
        command: None,
        server: Some(server.label()),
        settings: None,
    }
}

fn server(key: &ServerKey, sites: &[&SiteRow], answered: bool) -> ServerRow {
    let mut row = ServerRow {
        key: key.clone(),
        sites: 0,
        broken: 0,
        at_risk: 0,
        unknown: 0,
        ok: 0,
        answered,
        problem: (!answered).then(|| "no answer from 203.0.113.9:25 within 15 s".to_owned()),
        starttls: answered,
        auth_before_tls: Vec::new(),
        auth_after_tls: if answered {
            vec!["PLAIN".into(), "LOGIN".into()]
        } else {
            Vec::new()
        },
        certificate: answered.then(|| "trusted".to_owned()),
        ms: if answered { 84 } else { 15_000 },
    };
    for site in sites {
        row.count(site.judgement.verdict);
    }
    row
}

/// The report the window shows.
pub fn report() -> ScanReport {
    let relay = key("relay.hoster.example", 587);
    let old = key("old-relay.hoster.example", 25);
    let sites = vec![
        site("bakery.example", Platform::AspNet, &relay, Verdict::Broken),
        site("florist.example", Platform::AspNet, &relay, Verdict::Broken),
        site("garage.example", Platform::AspNet, &relay, Verdict::Broken),
        site("blog.example", Platform::WordPress, &relay, Verdict::AtRisk),
        site("shop.example", Platform::Laravel, &relay, Verdict::Ok),
        site("archive.example", Platform::AspNet, &old, Verdict::Unknown),
    ];
    let relay_sites: Vec<&SiteRow> = sites.iter().take(5).collect();
    let servers = vec![
        server(&relay, &relay_sites, true),
        server(&old, &[&sites[5]], false),
    ];
    ScanReport {
        sites,
        servers,
        skipped: Vec::new(),
        files_read: 7,
        offline: false,
        cancelled: false,
        total_ms: 15_240,
    }
}
