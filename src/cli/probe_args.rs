//! `mailtester probe` syntax (clap). Handled in `probe_cmd`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{ArgGroup, Args};

use super::args::TargetArg;

/// `probe`: find the outgoing mail settings for an address or a server, and test them.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("start").required(true).args(["email", "host"])))]
pub struct ProbeArgs {
    /// Your email address: its domain's outgoing servers are found (DNS, autoconfig, provider)
    /// and tested.
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// A server name to test on every port instead.
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// Ports to try on every server, comma-separated; replaces the default 587,465,25,2525
    /// (ports named by SRV records or autoconfig are added).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = clap::value_parser!(u16).range(1..))]
    pub ports: Option<Vec<u16>>,
    /// The limit for each probe, in seconds (connect, greeting and the rest).
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub timeout: u64,
    /// Ask this DNS server (UDP and TCP) instead of this computer's; the port defaults to 53.
    #[arg(long, value_name = "IP:PORT", value_parser = parse_dns_server)]
    pub dns_server: Option<SocketAddr>,
    /// The program that will use the settings: decides the ranking [default: dotnet].
    #[arg(long, value_enum)]
    pub target: Option<TargetArg>,
    /// An extra file of certificate authorities to trust, PEM or DER .cer (SMTP and the autoconfig download).
    #[arg(long, value_name = "FILE", value_parser = super::args::path_arg)]
    pub ca_file: Option<PathBuf>,
    /// Count servers with an invalid certificate as usable (the problem is still shown).
    #[arg(long)]
    pub accept_invalid_certs: bool,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// The HTTPS port of autoconfig servers (for tests).
    #[arg(
        long,
        hide = true,
        env = "MAILTESTER_AUTOCONFIG_PORT",
        default_value_t = 443
    )]
    pub autoconfig_port: u16,
}

/// `1.1.1.1:53`, `[::1]:5353`, or an address alone (port 53).
pub(super) fn parse_dns_server(text: &str) -> Result<SocketAddr, String> {
    crate::dns::parse_server(text)
}

#[cfg(test)]
mod tests {
    use super::parse_dns_server;

    #[test]
    fn a_dns_server_is_an_address_with_an_optional_port() {
        assert_eq!(parse_dns_server("1.1.1.1:5353").unwrap().port(), 5353);
        assert_eq!(parse_dns_server("1.1.1.1").unwrap().port(), 53);
        assert_eq!(parse_dns_server("[::1]:54").unwrap().port(), 54);
        let error = parse_dns_server("dns.example").unwrap_err();
        assert!(error.contains("1.1.1.1:53"), "{error}");
    }
}
