//! The fleet check benchmark (run by `scripts/bench-scan.sh`): generated hosting trees (Plesk,
//! SolidCP and plain IIS layouts, every platform) over 50 scripted SMTP servers on real sockets
//! (44 friendly, 3 that require STARTTLS, 3 that answer one byte every few milliseconds), then
//!
//! - the walk alone (`fleet::walk`) over 10,000 sites: target under 2 s on 2 cores;
//! - `mailtester scan --json` on 1,000 and 10,000 sites: its `total_ms` against the slowest
//!   single server probe plus the walk (target: at most 1.2 × that), and the peak memory of the
//!   process (`/usr/bin/time`), which should grow with the sites' rows only.
//!
//! Without `--bench` (as `cargo test --all-targets` runs it) it makes one small run and checks
//! that every site is found and each server contacted once.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use mail_settings_tester::fleet::walk;
use serde_json::Value;
use support::hosting_tree::{Endpoint, Layout, generate};
use support::pki::TestPki;
use support::smtp_server::{Banner, ServerConfig, TestServer};
use tempfile::TempDir;

/// 50 servers: most friendly, some requiring STARTTLS, some slow.
async fn servers(count: usize) -> Vec<TestServer> {
    let mut started = Vec::new();
    for index in 0..count {
        let config = match index % 17 {
            5 => ServerConfig {
                require_tls: true,
                ..ServerConfig::default()
            },
            11 => ServerConfig {
                banner: Banner::Slow("220 slow.test ESMTP".to_owned(), Duration::from_millis(4)),
                ..ServerConfig::default()
            },
            _ => ServerConfig::default(),
        };
        started.push(TestServer::start(config).await);
    }
    started
}

/// A tree of `sites` sites spread over the three layouts.
fn tree(root: &Path, sites: usize, servers: &[TestServer]) {
    let endpoints: Vec<Endpoint> = servers
        .iter()
        .map(|s| Endpoint {
            host: "localhost".to_owned(),
            port: s.port(),
        })
        .collect();
    let third = sites / 3;
    for (index, layout) in [Layout::Plesk, Layout::SolidCp, Layout::PlainIis]
        .into_iter()
        .enumerate()
    {
        let count = if index == 2 { sites - 2 * third } else { third };
        let part = root.join(format!("part{index}"));
        generate(&part, layout, count, &endpoints, |i| {
            format!("pw-{index}-{i}")
        });
    }
}

/// (`total_ms`, slowest server ms, sites, servers, peak memory KiB) of `scan --json` with
/// `extra` flags. The peak memory comes from GNU time when it is installed (0 otherwise: the
/// quick run, on any system, does not need it).
fn scan(root: &Path, extra: &[&str]) -> (u64, u64, usize, usize, u64) {
    // GNU time on Linux only (under Wine the Linux file system shows through, but not its
    // programs).
    let time = Path::new("/usr/bin/time");
    let mut command = if cfg!(target_os = "linux") && time.exists() {
        let mut command = Command::new(time);
        command
            .args(["-f", "peak-kib %M"])
            .arg(env!("CARGO_BIN_EXE_mailtester"));
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_mailtester"))
    };
    let output = command
        .args([
            "scan",
            &root.display().to_string(),
            "--json",
            "--timeout",
            "20",
        ])
        .args(extra)
        .args([
            "--ca-file",
            &TestPki::get().ca_pem_path().display().to_string(),
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!("{}", String::from_utf8_lossy(&output.stderr));
    });
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kib "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let servers = doc["servers"].as_array().unwrap();
    let slowest = servers
        .iter()
        .filter_map(|s| s["ms"].as_u64())
        .max()
        .unwrap_or(0);
    (
        doc["total_ms"].as_u64().unwrap(),
        slowest,
        doc["sites"].as_array().unwrap().len(),
        servers.len(),
        peak,
    )
}

/// The median walk time in ms over `runs` runs, and the sites found.
fn walk_ms(root: &Path, runs: usize) -> (u64, usize) {
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let walked = walk(&[root.to_path_buf()], None);
        times.push(u64::try_from(started.elapsed().as_millis()).unwrap());
        found = walked.sites.len();
    }
    times.sort_unstable();
    (times[times.len() / 2], found)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        let servers = servers(5).await;
        let dir = TempDir::new().unwrap();
        tree(dir.path(), 60, &servers);
        let root = dir.path().to_path_buf();
        let (_, _, sites, contacted, _) = tokio::task::spawn_blocking(move || scan(&root, &[]))
            .await
            .unwrap();
        assert_eq!(sites, 60, "every generated site is found");
        // Each server is met starting in plain text and, by the sites that use SSL on
        // connect, starting with TLS: two conversations at most, each held once (a failed TLS
        // start may look once more, in plain text, to say why), whatever the number of sites.
        assert!(contacted <= 10, "{contacted} conversations");
        let connections: usize = servers.iter().map(TestServer::connections).sum();
        assert!(connections <= 2 * contacted, "{connections} connections");
        println!(
            "scan bench smoke run: {sites} sites, {contacted} conversations with 5 servers, each held once"
        );
        return;
    }
    let servers = servers(50).await;
    println!(
        "| sites | conversations | walk ms (median of 3) | --offline total_ms | scan total_ms | slowest server ms | target: 1.2 × (slowest + walk) | peak memory MiB |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for sites in [1_000, 10_000] {
        let dir = TempDir::new().unwrap();
        tree(dir.path(), sites, &servers);
        let root = dir.path().to_path_buf();
        let (walked_ms, found) = walk_ms(&root, 3);
        assert_eq!(found, sites);
        let offline_root = root.clone();
        let (offline, ..) =
            tokio::task::spawn_blocking(move || scan(&offline_root, &["--offline"]))
                .await
                .unwrap();
        let (total, slowest, rows, contacted, peak) = tokio::task::spawn_blocking(move || {
            let concurrency = std::env::var("BENCH_CONCURRENCY").ok();
            match concurrency.as_deref() {
                Some(n) => scan(&root, &["--concurrency", n]),
                None => scan(&root, &[]),
            }
        })
        .await
        .unwrap();
        assert_eq!(rows, sites);
        let target = (slowest + walked_ms) * 12 / 10;
        println!(
            "| {sites} | {contacted} | {walked_ms} | {offline} | {total} | {slowest} | {target} | {}.{} |",
            peak / 1024,
            peak % 1024 * 10 / 1024
        );
    }
}
