//! The probe benchmark (run by `scripts/bench-probe.sh`): `mailtester probe` against the test
//! domain `shop.test` (4 names × 4 ports, plus the implicit-TLS port from SRV: 17 probes), one
//! port black-holed (it accepts and never answers), for several per-probe timeouts. For each it
//! prints the wall time, the report's `total_ms`, the timeout and the sum of the single probes:
//! the target is total ≤ timeout + 0.5 s, far below the sum. Without `--bench` (as
//! `cargo test --all-targets` runs it) it makes one quick run and checks it. Without `--bench` (as
//! `cargo test --all-targets` runs it) it makes one quick run and checks it.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

use serde_json::Value;
use support::pki::TestPki;
use support::test_domain::TestDomain;

/// Runs one `probe --json` and returns (wall ms, `total_ms`, sum of probe ms, probes, exit code).
async fn once(domain: &TestDomain, timeout_secs: u64) -> (u64, u64, u64, usize, i32) {
    let ports = [
        domain.good.port(),
        domain.wrong_name.port(),
        domain.silent.port(),
        domain.refused_port,
    ];
    let ports: Vec<String> = ports.iter().map(ToString::to_string).collect();
    let args: Vec<String> = [
        "probe",
        "--email",
        "owner@shop.test",
        "--dns-server",
        &domain.dns.addr().to_string(),
        "--ports",
        &ports.join(","),
        "--timeout",
        &timeout_secs.to_string(),
        "--ca-file",
        &TestPki::get().ca_pem_path().display().to_string(),
        "--json",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let env = vec![(
        "MAILTESTER_AUTOCONFIG_PORT".to_owned(),
        domain.refused_port.to_string(),
    )];
    let started = Instant::now();
    let output = support::bin::run_async(args, env, "").await;
    let wall = u64::try_from(started.elapsed().as_millis()).unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = doc["candidates"].as_array().unwrap();
    let probes: Vec<&Value> = rows
        .iter()
        .filter(|r| r["reachability"] != "dns_failure" && r["security"] != "none")
        .collect();
    let sum = probes.iter().map(|r| r["ms"].as_u64().unwrap()).sum();
    let total = doc["total_ms"].as_u64().unwrap();
    (
        wall,
        total,
        sum,
        probes.len(),
        output.status.code().unwrap_or(-1),
    )
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let domain = TestDomain::start().await;
    // `cargo test --all-targets` runs this without `--bench`: one quick run as a smoke test.
    if !std::env::args().any(|arg| arg == "--bench") {
        let (_, total, sum, probes, code) = once(&domain, 1).await;
        assert_eq!(code, 0, "the good server is recommended");
        assert!(probes >= 12, "{probes} probes");
        assert!(
            total < sum,
            "probes ran side by side: {total} ms vs {sum} ms"
        );
        println!("probe bench smoke run: {probes} probes, {total} ms (sum {sum} ms)");
        return;
    }
    println!(
        "| timeout | probes | total_ms (median of {runs}) | wall ms | sum of probes ms | total − timeout | exit |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for timeout_secs in [2, 4, 6] {
        let mut results = Vec::new();
        for _ in 0..runs {
            results.push(once(&domain, timeout_secs).await);
        }
        results.sort_by_key(|r| r.1);
        let (wall, total, sum, probes, code) = results[results.len() / 2];
        let over = i64::try_from(total).unwrap() - i64::try_from(timeout_secs * 1000).unwrap();
        println!(
            "| {timeout_secs} s | {probes} | {total} | {wall} | {sum} | {over:+} ms | {code} |"
        );
    }
}
