//! The fleet check's result: one row per site, one per server, and what was skipped. The
//! JSON, CSV, HTML and the terminal table are all written from this.

use crate::words::count;
use std::path::PathBuf;

use serde::Serialize;

use super::judge::{Judgement, Verdict};
use super::model::{Platform, Skipped};
use super::server::ServerKey;
use crate::settings::Settings;

/// One site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteRow {
    /// The file the settings came from.
    pub path: PathBuf,
    /// The site's name (IIS name or domain folder, else its folder).
    pub site: String,
    /// The program that reads the settings.
    pub platform: Platform,
    /// The mail server (empty when unreadable).
    pub host: String,
    /// The port (0 when unreadable).
    pub port: u32,
    /// How the platform secures the connection (`plain`, `starttls`, `starttls_if_offered`,
    /// `tls`); empty when unreadable.
    pub security: String,
    /// web.config's `enableSsl` for ASP.NET sites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_ssl: Option<bool>,
    /// The sign-in name (never the password).
    pub user: String,
    /// The verdict, its id, reason and fix.
    #[serde(flatten)]
    pub judgement: Judgement,
    /// For web.config sites with a fix: the command that applies it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// The server this site uses (`host:port`, `(TLS)` for SSL on connect).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// The settings for the single-site test (the password only in memory, never
    /// serialised).
    #[serde(skip)]
    pub settings: Option<Settings>,
}

/// One server, and how many sites it carries.
#[derive(Debug, Clone, Serialize)]
pub struct ServerRow {
    /// Name, port, TLS on connect.
    #[serde(flatten)]
    pub key: ServerKey,
    /// How many sites use it.
    pub sites: usize,
    /// How many of them have each verdict.
    pub broken: usize,
    /// Works now, breaks on a known date or change.
    pub at_risk: usize,
    /// Not judged.
    pub unknown: usize,
    /// Nothing found.
    pub ok: usize,
    /// Whether it answered with a greeting and EHLO.
    pub answered: bool,
    /// Why it could not be used, in plain words (`None` when it answered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// Whether it offers STARTTLS.
    pub starttls: bool,
    /// Sign-in methods offered before encryption.
    pub auth_before_tls: Vec<String>,
    /// Sign-in methods offered after encryption.
    pub auth_after_tls: Vec<String>,
    /// The certificate's verdict, in plain words, when one was seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// How long contacting it took; 0 when offline.
    pub ms: u64,
}

impl ServerRow {
    /// Counts one more site with `verdict`.
    pub fn count(&mut self, verdict: Verdict) {
        self.sites += 1;
        match verdict {
            Verdict::Broken => self.broken += 1,
            Verdict::AtRisk => self.at_risk += 1,
            Verdict::Unknown => self.unknown += 1,
            Verdict::Ok => self.ok += 1,
        }
    }
}

/// Everything the scan found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScanReport {
    /// Every site, ordered by server and path.
    pub sites: Vec<SiteRow>,
    /// Every server contacted (or, offline, named), most broken sites first.
    pub servers: Vec<ServerRow>,
    /// Paths the walk could not use.
    pub skipped: Vec<Skipped>,
    /// How many configuration files were read.
    pub files_read: usize,
    /// Whether it ran without contacting any server.
    pub offline: bool,
    /// Whether it was stopped before the end.
    pub cancelled: bool,
    /// Milliseconds, start to finish.
    pub total_ms: u64,
}

impl ScanReport {
    /// `6 sites: 3 broken, 1 at risk, 1 unknown, 1 OK; 2 mail servers, each contacted once`:
    /// the first line of every report.
    pub fn summary(&self) -> String {
        let sites = count(self.sites.len(), "site");
        let servers = count(self.servers.len(), "mail server");
        let (broken, at_risk, unknown, ok) = (
            self.count(Verdict::Broken),
            self.count(Verdict::AtRisk),
            self.count(Verdict::Unknown),
            self.count(Verdict::Ok),
        );
        if self.offline {
            crate::en!(
                "{sites}: {broken} broken, {at_risk} at risk, {unknown} unknown, {ok} OK; \
                 {servers}, not contacted (--offline)",
                sites = sites,
                broken = broken,
                at_risk = at_risk,
                unknown = unknown,
                ok = ok,
                servers = servers
            )
        } else {
            crate::en!(
                "{sites}: {broken} broken, {at_risk} at risk, {unknown} unknown, {ok} OK; \
                 {servers}, each contacted once",
                sites = sites,
                broken = broken,
                at_risk = at_risk,
                unknown = unknown,
                ok = ok,
                servers = servers
            )
        }
    }

    /// How many sites have `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.sites
            .iter()
            .filter(|row| row.judgement.verdict == verdict)
            .count()
    }
}
