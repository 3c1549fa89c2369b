//! `mailtester scan` as support staff run it: a tree of customer sites on disk, scripted SMTP
//! servers on real sockets, the verdict per site, each server contacted once, the reports.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "scan/cli.rs"]
mod cli;
#[path = "scan/fleet.rs"]
mod fleet;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::bin::run_async;
use support::pki::TestPki;

/// Writes `text` at `root/relative`, creating the folders.
fn write(root: &Path, relative: &str, text: &str) -> PathBuf {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A web.config with `<network>` attributes `network` (CRLF, as Windows writes it).
fn web_config(network: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<configuration>\r\n  <system.net>\r\n    \
         <mailSettings>\r\n      <smtp from=\"shop@site.example\">\r\n        <network {network} />\r\n      \
         </smtp>\r\n    </mailSettings>\r\n  </system.net>\r\n</configuration>\r\n"
    )
}

/// `value` escaped for an XML attribute.
fn xml_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// `mailtester scan` with the test CA and a short timeout, then `extra`.
async fn scan(paths: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut args: Vec<String> = vec!["scan".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(
        [
            "--timeout",
            "5",
            "--ca-file",
            &TestPki::get().ca_pem_path().display().to_string(),
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    run_async(args, Vec::new(), "").await
}

/// The `--json` document of a scan.
async fn scan_json(paths: &[&Path], extra: &[&str]) -> (Value, Option<i32>) {
    let mut flags = vec!["--json"];
    flags.extend_from_slice(extra);
    let output = scan(paths, &flags).await;
    let doc = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (doc, output.status.code())
}

/// The site row whose path ends with `suffix`.
fn site<'a>(doc: &'a Value, suffix: &str) -> &'a Value {
    doc["sites"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| {
            row["path"]
                .as_str()
                .is_some_and(|p| p.replace('\\', "/").ends_with(suffix))
        })
        .unwrap_or_else(|| panic!("no site {suffix} in {doc:#}"))
}
