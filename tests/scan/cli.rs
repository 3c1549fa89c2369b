//! The scan's outputs as support staff read them: the table, CSV, HTML, exit codes, and no
//! password anywhere.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tempfile::TempDir;

use super::support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};
use super::{scan, web_config, write, xml_attr};

/// Every form a password could leak in: raw, base64 alone, and inside AUTH PLAIN / LOGIN.
fn leaked_forms(password: &str, user: &str) -> Vec<String> {
    vec![
        password.to_owned(),
        STANDARD.encode(password),
        STANDARD.encode(format!("\0{user}\0{password}")),
    ]
}

/// The table groups by server with counts, lists what needs attention with its fix, writes CSV
/// and HTML with one row per site, and no password (or base64 of it) shows anywhere.
#[tokio::test]
async fn table_csv_and_html_without_a_password() {
    let relay = TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let port = relay.port();
    let dir = TempDir::new().unwrap();
    let sites = dir.path().join("sites");
    let secret_env = "W1ld=Card'pass";
    write(
        &sites,
        "vhosts/plain.example/httpdocs/web.config",
        &web_config(&format!(
            "host=\"localhost\" port=\"{port}\" userName=\"{TEST_USER}\" password=\"{}\" enableSsl=\"false\"",
            xml_attr(TEST_PASSWORD)
        )),
    );
    write(
        &sites,
        "vhosts/shop.example/httpdocs/.env",
        &format!("MAILER_DSN=smtp://{TEST_USER}:W1ld%3DCard%27pass@localhost:{port}\n"),
    );
    let csv = dir.path().join("report.csv");
    let html = dir.path().join("report.html");
    let output = scan(
        &[&sites],
        &[
            "--csv",
            &csv.display().to_string(),
            "--html",
            &html.display().to_string(),
        ],
    )
    .await;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(11), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(&format!(
            "localhost:{port}: 2 sites (1 broken, 0 at risk, 0 unknown, 1 OK)"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("BROKEN  plain.example"), "{stdout}");
    assert!(stdout.contains("Fix: enableSsl: false → true"), "{stdout}");
    assert!(
        stdout.contains("Apply it: mailtester webconfig update"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("shop.example —"),
        "OK sites are counted, not listed: {stdout}"
    );
    assert!(stderr.contains("Found 2 sites"), "{stderr}");
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = csv_text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "a header and one row per site: {csv_text}");
    assert!(lines[0].starts_with("site,path,platform,host,port,security"));
    let html_text = std::fs::read_to_string(&html).unwrap();
    assert!(html_text.contains("prefers-color-scheme: dark"));
    assert!(html_text.contains("data-verdict=\"broken\""));
    assert!(
        !html_text.contains("http://") && !html_text.contains("https://"),
        "no external asset"
    );
    for text in [&stdout, &stderr, &csv_text, &html_text] {
        for (password, user) in [(TEST_PASSWORD, TEST_USER), (secret_env, TEST_USER)] {
            for form in leaked_forms(password, user) {
                assert!(!text.contains(&form), "a form of a password leaked: {form}");
            }
        }
    }
    // A second run replaces its own reports, but never someone's document.
    let again = scan(&[&sites], &["--csv", &csv.display().to_string()]).await;
    assert_eq!(again.status.code(), Some(11));
    let document = dir.path().join("notes.csv");
    std::fs::write(&document, "my own notes\n").unwrap();
    let refused = scan(&[&sites], &["--csv", &document.display().to_string()]).await;
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&document).unwrap(),
        "my own notes\n"
    );
}

/// A folder with no site says so and where to point the scan, with exit 8.
#[tokio::test]
async fn an_empty_folder_says_where_to_look() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "readme.txt", "nothing here");
    let output = scan(&[dir.path()], &[]).await;
    assert_eq!(output.status.code(), Some(8));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("No site with mail settings was found"),
        "{stdout}"
    );
}
