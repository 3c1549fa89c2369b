//! A test mail domain, `shop.test`: fault-injecting SMTP servers on several ports of 127.0.0.1
//! (good STARTTLS + AUTH, implicit TLS only, a certificate for another name, silent, refusing)
//! and a test DNS server whose records point every name at them. Used by the discovery tests
//! and the probe benchmark.

use std::net::Ipv4Addr;
use std::time::Duration;

use mail_settings_tester::discover::{DiscoveryRequest, Start};
use tokio::net::TcpListener;

use crate::support::dns_server::{DnsServer, Rec};
use crate::support::pki::{CertKind, TestPki};
use crate::support::smtp_server::{Banner, ServerConfig, TestServer};

const LOCAL: Ipv4Addr = Ipv4Addr::LOCALHOST;

/// The test domain's servers, each on its own port of 127.0.0.1.
pub struct TestDomain {
    /// STARTTLS, AUTH PLAIN LOGIN after TLS, a certificate for `*.shop.test`.
    pub good: TestServer,
    /// Implicit TLS (port 465 style), the same certificate.
    pub tls_only: TestServer,
    /// STARTTLS + AUTH with a certificate for `mail.other-host.example` only.
    pub wrong_name: TestServer,
    /// Accepts connections and never says a word (black-holed at the SMTP level).
    pub silent: TestServer,
    /// A port where nothing listens.
    pub refused_port: u16,
    /// DNS for `shop.test` (and `mail.other-host.example`), every name on 127.0.0.1.
    pub dns: DnsServer,
}

impl TestDomain {
    /// Every server, and DNS for `shop.test`: SRV records naming the good port (STARTTLS) and
    /// the TLS-only port (implicit TLS) on `smtp.shop.test`, an MX host, and addresses on
    /// 127.0.0.1 for every name.
    pub async fn start() -> TestDomain {
        let good = TestServer::start(ServerConfig {
            cert: CertKind::Discovery,
            ..ServerConfig::default()
        })
        .await;
        let tls_only = TestServer::start(ServerConfig {
            implicit_tls: true,
            offer_starttls: false,
            cert: CertKind::Discovery,
            ..ServerConfig::default()
        })
        .await;
        let wrong_name = TestServer::start(ServerConfig {
            cert: CertKind::WrongName,
            ..ServerConfig::default()
        })
        .await;
        let silent = TestServer::start(ServerConfig {
            banner: Banner::Silent,
            ..ServerConfig::default()
        })
        .await;
        let refused_port = closed_port().await;
        let good_port = good.port();
        let tls_port = tls_only.port();
        let records = vec![
            Rec::Srv(
                "_submission._tcp.shop.test",
                0,
                0,
                good_port,
                "smtp.shop.test",
            ),
            Rec::Srv(
                "_submissions._tcp.shop.test",
                0,
                0,
                tls_port,
                "smtp.shop.test",
            ),
            Rec::Mx("shop.test", 10, "mx.shop.test"),
            Rec::Txt("shop.test", "v=spf1 -all"),
            Rec::A("smtp.shop.test", LOCAL),
            Rec::A("mail.shop.test", LOCAL),
            Rec::A("mx.shop.test", LOCAL),
            Rec::A("shop.test", LOCAL),
            Rec::A("autoconfig.shop.test", LOCAL),
            Rec::A("submit.shop.test", LOCAL),
            Rec::A("mail.other-host.example", LOCAL),
        ];
        let dns = DnsServer::start(&records).await;
        TestDomain {
            good,
            tls_only,
            wrong_name,
            silent,
            refused_port,
            dns,
        }
    }

    /// A request for `owner@shop.test` through the test DNS, trusting the test CA, with the
    /// autoconfig port pointing at a closed port unless a test sets it.
    pub fn request(&self, ports: &[u16], timeout_secs: u64) -> DiscoveryRequest {
        let mut request = DiscoveryRequest::new(Start::Email("owner@shop.test".into()));
        request.ports = ports.to_vec();
        request.timeout = Duration::from_secs(timeout_secs);
        request.dns_server = Some(self.dns.addr());
        request.ca_file = Some(TestPki::get().ca_pem_path().to_path_buf());
        request.autoconfig_port = self.refused_port;
        request
    }

    /// Every command every SMTP server received.
    pub fn all_commands(&self) -> Vec<String> {
        [&self.good, &self.tls_only, &self.wrong_name, &self.silent]
            .iter()
            .flat_map(|server| server.commands())
            .collect()
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
pub async fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap().port()
}
