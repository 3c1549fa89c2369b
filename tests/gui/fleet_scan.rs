//! Running a folder scan through the window: Stop ends one that waits on a silent server,
//! with "Also contact the mail servers" unticked only the files are judged, and a report of
//! 10,000 sites lays out only the rows in view.

use mail_settings_tester::fleet::Platform;
use mail_settings_tester::fleet::judge::{Judgement, Verdict};
use mail_settings_tester::fleet::report::{ScanReport, SiteRow};
use tempfile::TempDir;

use super::fleet::{SERVER_TIMEOUT, check_folder, fleet_harness, web_config, write};
use super::*;

/// Stop ends a scan at once, even while a server keeps silent: the report says it was
/// stopped, the silent server's site is Unknown.
#[test]
fn stop_ends_a_scan_that_waits_on_a_silent_server() {
    let runtime = runtime();
    let silent = runtime.block_on(TestServer::start(ServerConfig {
        banner: Banner::Silent,
        ..ServerConfig::default()
    }));
    let dir = TempDir::new().unwrap();
    let network = format!(
        "host=\"localhost\" port=\"{}\" enableSsl=\"true\"",
        silent.port()
    );
    write(
        dir.path(),
        "quiet.example/web.config",
        &web_config(&network),
    );
    // Each server may take far longer than the test: only Stop can end this scan.
    let mut harness = fleet_harness(&runtime, Duration::from_secs(300));
    check_folder(&mut harness, dir.path());
    step_until_shown(
        &mut harness,
        "Found 1 site using 1 server; contacted 0 of 1",
    );
    assert!(harness.state().is_scanning());
    harness.get_by_label("Stop").click();
    step_until(&mut harness, "the scan to stop", |app| {
        app.scan_report().is_some()
    });
    harness.run_steps(2);
    let report = harness.state().scan_report().unwrap();
    assert!(report.cancelled);
    assert_eq!(report.sites.len(), 1);
    assert!(!harness.state().is_scanning());
    assert!(
        harness
            .query_by_label_contains("Stopped before the end")
            .is_some()
    );
    assert!(harness.query_by_label("Stop").is_none());
    assert!(harness.query_by_label("Unknown").is_some(), "not judged");
    assert!(
        silent.commands().is_empty(),
        "nothing sent to a server that never greeted"
    );
}

/// With "Also contact the mail servers" off, nothing is contacted: the files alone are judged.
#[test]
fn unticked_the_servers_are_left_alone() {
    let runtime = runtime();
    let relay = runtime.block_on(TestServer::start(ServerConfig::default()));
    let dir = TempDir::new().unwrap();
    let network = format!(
        "host=\"localhost\" port=\"{}\" enableSsl=\"true\"",
        relay.port()
    );
    write(
        dir.path(),
        "quiet.example/web.config",
        &web_config(&network),
    );
    let mut harness = fleet_harness(&runtime, SERVER_TIMEOUT);
    harness
        .get_by_label("Also contact the mail servers")
        .click();
    harness.run_steps(2);
    check_folder(&mut harness, dir.path());
    step_until(&mut harness, "the scan to end", |app| {
        app.scan_report().is_some()
    });
    harness.run_steps(2);
    assert!(harness.state().scan_report().unwrap().offline);
    assert!(
        harness
            .query_by_label_contains("Servers not contacted")
            .is_some()
    );
    assert_eq!(relay.connections(), 0, "no server contacted");
}

/// 10,000 sites: only the rows on screen are laid out (and so in the accessibility tree), and
/// the counts are those of every site.
#[test]
fn ten_thousand_sites_lay_out_only_the_rows_in_view() {
    let runtime = runtime();
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
        });
    let row = |at: usize| SiteRow {
        path: format!("/var/www/site{at}.example/httpdocs/web.config").into(),
        site: format!("site{at}.example"),
        platform: Platform::AspNet,
        host: "smtp.example.net".into(),
        port: 587,
        security: "plain".into(),
        enable_ssl: Some(false),
        user: String::new(),
        judgement: Judgement {
            verdict: if at.is_multiple_of(3) {
                Verdict::Broken
            } else {
                Verdict::Ok
            },
            id: None,
            reason: "The server allows sign-in only over an encrypted connection".into(),
            fix: vec!["enableSsl: false → true".into()],
            change: None,
        },
        command: None,
        server: None,
        settings: None,
    };
    let report = ScanReport {
        sites: (0..10_000).map(row).collect(),
        files_read: 10_000,
        ..ScanReport::default()
    };
    harness.state_mut().show_scan("/var/www", report);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("10000 sites: 3334 broken, 0 at risk, 0 unknown, 6666 OK")
            .is_some()
    );
    harness.get_by_label("OK (6666)").click();
    harness.run_steps(3);
    let laid_out = harness.get_all_by_label("Open in the tester").count();
    assert!((1..20).contains(&laid_out), "{laid_out} rows laid out");
    assert!(
        harness
            .query_by_label("site0.example   ASP.NET (web.config)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("site9999.example   ASP.NET (web.config)")
            .is_none()
    );
}
