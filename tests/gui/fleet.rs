//! "Check a folder of sites…" through the window on a checked folder of three customer sites
//! (scripted SMTP servers on real sockets): the verdicts by server, the filter, "Open in the
//! tester" (without the file's password unless asked) and the CSV export. The window and
//! folder helpers live here; Stop, the offline scan and 10,000 rows are in `fleet_scan.rs`.

use std::path::Path;

use tempfile::TempDir;

use super::*;

const FILE_PASSWORD: &str = "file-s3cret";
const FOLDER: &str = "Folder with the sites";
/// Each server's limit, as the CLI's scan tests use.
pub(super) const SERVER_TIMEOUT: Duration = Duration::from_secs(5);

/// Writes `text` at `root/relative`, creating the folders.
pub(super) fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A web.config with `<network>` attributes `network`.
pub(super) fn web_config(network: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<configuration>\r\n  <system.net>\r\n    \
         <mailSettings>\r\n      <smtp from=\"shop@site.example\">\r\n        <network {network} />\r\n      \
         </smtp>\r\n    </mailSettings>\r\n  </system.net>\r\n</configuration>\r\n"
    )
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The window with the test CA under Advanced (the scan trusts it, as a single test would).
pub(super) fn fleet_harness(
    runtime: &Runtime,
    timeout: Duration,
) -> Harness<'static, MailTesterApp> {
    let mut form = FormState::default();
    let ca = TestPki::get().ca_pem_path();
    form.ca_text = ca.display().to_string();
    form.settings.ca_file = Some(ca.to_path_buf());
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            // The fixes say "enableSsl: false → true": the window's own fonts draw the arrow.
            mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
            MailTesterApp::with_form(&cc.egui_ctx, handle, form).with_scan_timeout(timeout)
        });
    harness.run_steps(2);
    harness.get_by_label("Check a folder of sites…").click();
    // One frame to press, one to open, one for the new window's sizing pass.
    harness.run_steps(4);
    harness
}

/// Types `folder` and presses Check.
pub(super) fn check_folder(harness: &mut Harness<'static, MailTesterApp>, folder: &Path) {
    set_field(harness, FOLDER, folder.to_str().unwrap());
    harness.get_by_label("Check").click();
}

/// A checked folder of three sites: a web.config with `enableSsl="false"` on a relay that
/// offers sign-in only after STARTTLS (broken), a web.config whose server is not there
/// (broken), and a wp-config.php on the same relay with STARTTLS (OK).
struct Checked {
    harness: Harness<'static, MailTesterApp>,
    relay: TestServer,
    dir: TempDir,
    port: u16,
    closed: u16,
    /// Runs the server and the window's work: bind it, or it stops at the `let`.
    _runtime: Runtime,
}

fn three_sites_checked() -> Checked {
    let runtime = runtime();
    let relay = runtime.block_on(TestServer::start(ServerConfig::default()));
    let (port, closed) = (relay.port(), closed_port());
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("vhosts");
    let network = |port: u16, ssl: bool| {
        web_config(&format!(
            "host=\"localhost\" port=\"{port}\" userName=\"{TEST_USER}\" \
             password=\"{FILE_PASSWORD}\" enableSsl=\"{ssl}\""
        ))
    };
    write(
        &root,
        "plain.example/httpdocs/web.config",
        &network(port, false),
    );
    write(
        &root,
        "gone.example/httpdocs/web.config",
        &network(closed, true),
    );
    write(
        &root,
        "blog.example/httpdocs/wp-config.php",
        &format!(
            "<?php\r\ndefine('WPMS_ON', true);\r\ndefine('WPMS_MAILER', 'smtp');\r\n\
             define('WPMS_SMTP_HOST', 'localhost');\r\ndefine('WPMS_SMTP_PORT', {port});\r\n\
             define('WPMS_SSL', 'tls');\r\ndefine('WPMS_SMTP_USER', '{TEST_USER}');\r\n\
             define('WPMS_SMTP_PASS', '{FILE_PASSWORD}');\r\n"
        ),
    );
    let mut harness = fleet_harness(&runtime, SERVER_TIMEOUT);
    check_folder(&mut harness, &root);
    step_until(&mut harness, "the scan to end", |app| {
        app.scan_report().is_some()
    });
    // The rows arrived and moved everything under them: let the layout settle before clicks.
    harness.run_steps(3);
    Checked {
        harness,
        relay,
        dir,
        port,
        closed,
        _runtime: runtime,
    }
}

const PLAIN: &str = "plain.example   ASP.NET (web.config)";
const GONE: &str = "gone.example   ASP.NET (web.config)";
const BLOG: &str = "blog.example   WordPress (wp-config.php)";

/// The blast radius by server, in words and colour; the filter hides the OK rows first (there
/// are problems), and a server's header hides its sites.
#[test]
fn a_folder_of_sites_is_judged_by_server_and_filtered() {
    let Checked {
        mut harness,
        relay,
        dir,
        port,
        closed,
        _runtime,
    } = three_sites_checked();
    let report = harness.state().scan_report().unwrap();
    assert_eq!(report.sites.len(), 3, "{report:#?}");
    assert!(!report.cancelled);
    let commands = relay.commands();
    assert!(
        commands
            .iter()
            .all(|c| !c.starts_with("AUTH") && !c.starts_with("MAIL")),
        "no sign-in and no message: {commands:?}"
    );
    let summary = "3 sites: 2 broken, 0 at risk, 0 unknown, 1 OK";
    assert!(harness.query_by_label_contains(summary).is_some());
    let relay_header = format!("localhost:{port}   1 broken, 1 OK");
    assert!(harness.query_by_label(&relay_header).is_some());
    let gone_header = format!("localhost:{closed}   1 broken");
    assert!(harness.query_by_label(&gone_header).is_some());
    assert_eq!(harness.get_all_by_label("Broken").count(), 2);
    assert!(harness.query_by_label(PLAIN).is_some());
    assert!(harness.query_by_label(GONE).is_some());
    let fix = harness.query_by_label_contains("enableSsl: false → true");
    assert!(fix.is_some(), "the fix, in web.config's terms");

    // With problems on show, the OK rows start hidden; ticking OK shows them.
    assert!(harness.query_by_label("OK").is_none(), "OK rows hidden");
    assert!(harness.query_by_label(BLOG).is_none());
    harness.get_by_label("OK (1)").click();
    harness.run_steps(3);
    assert_eq!(harness.get_all_by_label("OK").count(), 1);
    assert!(harness.query_by_label(BLOG).is_some());
    harness.get_by_label("OK (1)").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("OK").is_none(), "hidden again");

    // A server's header hides and shows its sites.
    harness.get_by_label(&relay_header).click();
    harness.run_steps(3);
    assert!(harness.query_by_label(PLAIN).is_none());
    assert!(harness.query_by_label(GONE).is_some());
    harness.get_by_label(&relay_header).click();
    harness.run_steps(3);
    assert!(harness.query_by_label(PLAIN).is_some());
    drop(dir);
}

/// Export CSV… writes every site of the report, and no password.
#[test]
#[cfg_attr(
    windows,
    ignore = "drives the typed-path fallback that follows a file dialog that cannot open; under Wine a real file dialog opens and waits for a person"
)]
fn the_report_exports_as_csv() {
    let Checked {
        mut harness,
        dir,
        _runtime,
        ..
    } = three_sites_checked();
    export_csv(&mut harness, dir.path());
}

/// "Open in the tester" fills the form with the site's settings and closes the window; the
/// file's password only when "Use the passwords from the files" is ticked.
#[test]
fn open_in_the_tester_leaves_the_password_out_unless_asked() {
    // `_runtime` is bound (not left to `..`): the runtime lives to the end of the test.
    let Checked {
        mut harness,
        port,
        _runtime,
        ..
    } = three_sites_checked();
    // The first row is the relay's broken site.
    let open_first = |harness: &mut Harness<'static, MailTesterApp>| {
        let button = harness.get_all_by_label("Open in the tester").next();
        button.unwrap().click();
        harness.run_steps(4);
    };
    open_first(&mut harness);
    let form = &harness.state().form;
    assert_eq!(form.settings.host, "localhost");
    assert_eq!(form.port_text, port.to_string());
    assert!(!form.settings.enable_ssl, "as the file says");
    assert_eq!(form.settings.user_name, TEST_USER);
    assert!(
        form.settings.password.is_empty(),
        "no password unless asked"
    );
    let window = harness.query_by_label_contains(FOLDER);
    assert!(window.is_none(), "the window closed");
    let notice = "Filled in the settings of plain.example. Type its password";
    assert!(harness.query_by_label_contains(notice).is_some());

    // Asked for, the file's password comes too; the window kept the report.
    harness.get_by_label("Check a folder of sites…").click();
    harness.run_steps(4);
    harness
        .get_by_label("Use the passwords from the files")
        .click();
    harness.run_steps(3);
    open_first(&mut harness);
    let form = &harness.state().form;
    assert_eq!(form.settings.password.expose(), FILE_PASSWORD);
    assert!(!form.remember_password, "a customer's password is not kept");
}

/// Export CSV… through the typed-path fallback (test machines show no file dialog): the
/// file is written, has every site and no password.
fn export_csv(harness: &mut Harness<'static, MailTesterApp>, dir: &Path) {
    harness.get_by_label("Export CSV…").click();
    let prompt = "No file chosen. If no file window appeared, type where to save:";
    step_until_shown(harness, prompt);
    let path = dir.join("report.csv");
    set_field(harness, prompt, path.to_str().unwrap());
    harness.get_by_label("Save").click();
    step_until_shown(harness, "Saved to");
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with("site,path,platform"), "{csv}");
    assert_eq!(csv.lines().count(), 4, "a header and three sites: {csv}");
    assert!(csv.contains("plain.example"));
    assert!(!csv.contains(FILE_PASSWORD), "never a password: {csv}");
}
