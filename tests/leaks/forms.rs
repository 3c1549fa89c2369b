//! Every form in which a password could escape, and a search of everything produced.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// The password used by every leak test: characters that XML, URLs, JSON and shells escape.
pub const PASSWORD: &str = "Le@k&<\"'pw 9";
/// Its user.
pub const USER: &str = "leak-user@test.example";

/// The password as is, in base64 (AUTH LOGIN), in the AUTH PLAIN tokens, URL-, XML- and
/// JSON-escaped.
pub fn forms() -> Vec<(&'static str, String)> {
    let json = serde_json::to_string(PASSWORD).unwrap();
    vec![
        ("plain", PASSWORD.to_owned()),
        ("base64 (LOGIN)", STANDARD.encode(PASSWORD)),
        (
            "base64 AUTH PLAIN",
            STANDARD.encode(format!("\0{USER}\0{PASSWORD}")),
        ),
        (
            "base64 AUTH PLAIN with authzid",
            STANDARD.encode(format!("{USER}\0{USER}\0{PASSWORD}")),
        ),
        (
            "URL-encoded",
            utf8_percent_encode(PASSWORD, NON_ALPHANUMERIC).to_string(),
        ),
        ("form-encoded", PASSWORD.replace(' ', "+")),
        (
            "XML-escaped",
            PASSWORD
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;")
                .replace('\'', "&apos;"),
        ),
        (
            "XML-escaped (quotes only)",
            PASSWORD
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('"', "&quot;"),
        ),
        ("JSON-escaped", json.trim_matches('"').to_owned()),
    ]
}

/// Panics naming the output and the form when any form of the password is in `text`.
pub fn assert_clean(what: &str, text: &str) {
    for (form, secret) in forms() {
        assert!(
            !text.contains(secret.as_str()),
            "the password leaked ({form}) into {what}"
        );
    }
}

/// Every file under `dir`, read as text (lossy), with its path.
pub fn files_under(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                found.push((
                    path.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ));
            }
        }
    }
    found
}
