//! `mailtester scan`: every site's mail settings under some folders, each server contacted once,
//! a verdict per site; the table on the terminal, JSON, CSV and HTML.

use std::io::IsTerminal as _;
use std::path::Path;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::exit;
use super::say;
use super::scan_args::ScanArgs;
use super::scan_output::sites;
use crate::fleet::judge::Verdict;
use crate::fleet::report::ScanReport;
use crate::fleet::scan::{ScanEvent, ScanRequest, scan};
use crate::fleet::server::ProbeOptions;

/// Runs `scan` and returns its exit code: 0 when every site is OK, 11 when any is broken, 12
/// when none is broken and any is at risk, 13 when the rest could not all be judged, 8 when no
/// site with mail settings was found, 2 when a report file cannot be written, 130 when
/// cancelled.
pub async fn run(args: ScanArgs) -> u8 {
    let request = ScanRequest {
        paths: args.paths.clone(),
        iis_config: args.iis_config.clone(),
        offline: args.offline,
        sign_in: args.sign_in,
        probe: ProbeOptions {
            timeout: Duration::from_secs(args.timeout),
            concurrency: usize::try_from(args.concurrency).unwrap_or(8),
            ca_file: args.ca_file.clone(),
            dns_server: args.dns_server,
        },
        sign_in_pause: Duration::from_secs(args.sign_in_pause),
    };
    for path in [&args.csv, &args.html].into_iter().flatten() {
        if let Err(message) = may_replace(path).await {
            say::error(&message);
            return exit::USAGE;
        }
    }
    let cancel = CancellationToken::new();
    let watcher = super::interrupt::cancel_on_ctrl_c(
        cancel.clone(),
        &crate::tr!("Stopping… (Ctrl-C again quits at once)"),
    );
    let (events, inbox) = mpsc::unbounded_channel();
    let progress = tokio::spawn(show_progress(inbox, !args.json, args.offline));
    let report = scan(request, events, cancel.clone()).await;
    let _ = progress.await;
    watcher.abort();
    if args.json {
        if !super::json::print_large(&report) {
            return exit::INTERNAL;
        }
    } else {
        super::scan_output::print_table(&report);
    }
    let written = write_files(&args, &report).await;
    if report.cancelled {
        return exit::CANCELLED;
    }
    if !written {
        return exit::USAGE;
    }
    exit_code(&report)
}

/// The exit code for a finished scan.
pub fn exit_code(report: &ScanReport) -> u8 {
    if report.sites.is_empty() {
        exit::NOTHING_FOUND
    } else if report.count(Verdict::Broken) > 0 {
        exit::SCAN_BROKEN
    } else if report.count(Verdict::AtRisk) > 0 {
        exit::SCAN_AT_RISK
    } else if report.count(Verdict::Unknown) > 0 {
        exit::SCAN_UNKNOWN
    } else {
        exit::OK
    }
}

/// Progress on stderr: a line that updates in place on a terminal, nothing otherwise.
async fn show_progress(mut inbox: mpsc::UnboundedReceiver<ScanEvent>, text: bool, offline: bool) {
    let live = text && std::io::stderr().is_terminal();
    let (mut total, mut done) = (0, 0);
    while let Some(event) = inbox.recv().await {
        match event {
            ScanEvent::Walked { sites, servers } => {
                total = servers;
                if text {
                    let (sites, servers) = (self::sites(sites), mail_servers(servers));
                    let found = if offline {
                        crate::tr!(
                            "Found {sites} with mail settings, using {servers} (--offline: none is contacted).",
                            sites = sites,
                            servers = servers
                        )
                    } else {
                        crate::tr!(
                            "Found {sites} with mail settings, using {servers}.",
                            sites = sites,
                            servers = servers
                        )
                    };
                    eprintln!("{found}");
                }
            }
            ScanEvent::ServerDone { .. } => {
                done += 1;
                if live {
                    let contacted = crate::tr!(
                        "Contacted {done} of {total} servers…",
                        done = done,
                        total = total
                    );
                    eprint!("\r{contacted}");
                    if done == total {
                        eprintln!();
                    }
                }
            }
            ScanEvent::SignInDone => {}
        }
    }
}

/// `1 mail server`, `2 mail servers`, in the user's language.
fn mail_servers(n: usize) -> String {
    if n == 1 {
        crate::tr!("1 mail server")
    } else {
        crate::tr!("{count} mail servers", count = n)
    }
}

/// Which file the scan writes (its contents stay English: column names are for programs).
#[derive(Clone, Copy)]
enum FileKind {
    Csv,
    Html,
}

/// Writes the CSV and HTML files asked for; false when one could not be written.
async fn write_files(args: &ScanArgs, report: &ScanReport) -> bool {
    let mut all_written = true;
    if let Some(path) = &args.csv {
        let text = match crate::fleet::csv_out::to_csv(report) {
            Ok(text) => text,
            Err(err) => {
                say::error(&crate::tr!("the CSV could not be made: {err}", err = err));
                return false;
            }
        };
        all_written &= write_one(path, &text, FileKind::Csv, args.json).await;
    }
    if let Some(path) = &args.html {
        let text = crate::fleet::html::to_html(report);
        all_written &= write_one(path, &text, FileKind::Html, args.json).await;
    }
    all_written
}

async fn write_one(path: &Path, text: &str, kind: FileKind, json: bool) -> bool {
    let shown = path.display();
    match crate::files::write_atomically(path, text.as_bytes()).await {
        Ok(()) => {
            let written = match kind {
                FileKind::Csv => crate::tr!("CSV written to {path}", path = shown),
                FileKind::Html => crate::tr!("HTML page written to {path}", path = shown),
            };
            if json {
                eprintln!("{written}");
            } else {
                println!("{written}");
            }
            true
        }
        Err(err) => {
            let failed = match kind {
                FileKind::Csv => crate::tr!(
                    "could not write the CSV ({err}): {path}. Choose a folder you may write to.",
                    err = err,
                    path = shown
                ),
                FileKind::Html => crate::tr!(
                    "could not write the HTML page ({err}): {path}. Choose a folder you may write to.",
                    err = err,
                    path = shown
                ),
            };
            say::error(&failed);
            false
        }
    }
}

/// `Ok` when `path` does not exist or holds an earlier report of ours (a mistyped name never
/// destroys someone's document).
async fn may_replace(path: &Path) -> Result<(), String> {
    match tokio::fs::metadata(path).await {
        Err(_) => return Ok(()),
        Ok(meta) if !meta.is_file() => {
            return Err(crate::tr!("{path} is not a file", path = path.display()));
        }
        Ok(_) => {}
    }
    let start = tokio::fs::read(path).await.unwrap_or_default();
    let start = String::from_utf8_lossy(&start[..start.len().min(400)]).into_owned();
    let ours = start.starts_with(&crate::fleet::csv_out::COLUMNS.join(","))
        || start.contains(crate::fleet::html::TITLE);
    if ours {
        Ok(())
    } else {
        Err(crate::tr!(
            "{path} already exists and is not a report from this tester; choose another file name",
            path = path.display()
        ))
    }
}
