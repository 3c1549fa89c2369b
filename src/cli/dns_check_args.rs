//! `mailtester dns-check` syntax (clap). Handled in `dns_check_cmd`.

use std::net::SocketAddr;

use clap::Args;

use super::probe_args::parse_dns_server;

/// `dns-check`: will mail from this address arrive? SPF, DKIM and DMARC of its domain.
#[derive(Debug, Args)]
pub struct DnsCheckArgs {
    /// The `from` address your website sends as; its domain's DNS is checked.
    #[arg(long, value_name = "ADDRESS")]
    pub from: String,
    /// The SMTP server the mail goes through: SPF is evaluated for its addresses and DKIM
    /// checked for its provider's selectors.
    #[arg(long, value_name = "SMTP_HOST")]
    pub host: Option<String>,
    /// Ask this DNS server (UDP and TCP) instead of this computer's; the port defaults to 53.
    #[arg(long, value_name = "IP:PORT", value_parser = parse_dns_server)]
    pub dns_server: Option<SocketAddr>,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}
