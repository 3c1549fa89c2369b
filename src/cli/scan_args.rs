//! `mailtester scan` syntax (clap). Handled in `scan_cmd`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

/// `scan`: the mail settings of every site under some folders, each server contacted once.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // independent command-line flags
pub struct ScanArgs {
    /// The folders to look in (a hosting server's sites: `C:\inetpub\vhosts`, `/var/www`), or
    /// single configuration files.
    #[arg(value_name = "PATH", value_parser = super::args::path_arg, required_unless_present = "iis_config")]
    pub paths: Vec<PathBuf>,
    /// Also scan the sites listed in this IIS applicationHost.config
    /// (`%windir%\System32\inetsrv\config\applicationHost.config`).
    #[arg(long, value_name = "FILE", value_parser = super::args::path_arg)]
    pub iis_config: Option<PathBuf>,
    /// Judge from the files alone: contact no server.
    #[arg(long)]
    pub offline: bool,
    /// Also try each account's own user name and password once (sign-in only, then QUIT; never
    /// a message; one account at a time per server, with a pause between them).
    #[arg(long, conflicts_with = "offline")]
    pub sign_in: bool,
    /// How many servers to contact at once (each server gets one connection at a time).
    #[arg(long, value_name = "N", default_value_t = crate::fleet::server::DEFAULT_CONCURRENCY, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub concurrency: u64,
    /// The limit for each server, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = crate::fleet::server::DEFAULT_TIMEOUT_SECS, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub timeout: u64,
    /// An extra file of certificate authorities to trust, PEM or DER .cer.
    #[arg(long, value_name = "FILE", value_parser = super::args::path_arg)]
    pub ca_file: Option<PathBuf>,
    /// Ask this DNS server instead of this computer's; the port defaults to 53.
    #[arg(long, value_name = "IP:PORT", value_parser = super::probe_args::parse_dns_server)]
    pub dns_server: Option<SocketAddr>,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also write one row per site to this CSV file.
    #[arg(long, value_name = "FILE", value_parser = super::args::path_arg)]
    pub csv: Option<PathBuf>,
    /// Also write a page to read and filter to this HTML file.
    #[arg(long, value_name = "FILE", value_parser = super::args::path_arg)]
    pub html: Option<PathBuf>,
    /// The pause between two sign-ins to the same server, in seconds (with --sign-in).
    #[arg(long, value_name = "SECS", default_value_t = 3, hide = true)]
    pub sign_in_pause: u64,
}
