//! The test DNS server and `dns::resolver`: every record type, over UDP and over TCP.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;
use mail_settings_tester::dns::resolver;

use super::support::dns_server::{DnsServer, Rec};

fn records() -> Vec<Rec> {
    vec![
        Rec::A("mail.dns.test", Ipv4Addr::new(192, 0, 2, 7)),
        Rec::Aaaa("mail.dns.test", Ipv6Addr::LOCALHOST),
        Rec::Mx("dns.test", 5, "mail.dns.test"),
        Rec::Srv("_submission._tcp.dns.test", 0, 1, 2525, "mail.dns.test"),
        Rec::Txt("dns.test", "v=spf1 ip4:192.0.2.7 -all"),
    ]
}

async fn assert_answers(resolver: &TokioResolver) {
    let ips: Vec<IpAddr> = resolver
        .lookup_ip("mail.dns.test.")
        .await
        .unwrap()
        .iter()
        .collect();
    assert!(
        ips.contains(&IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7))),
        "{ips:?}"
    );
    assert!(ips.contains(&IpAddr::V6(Ipv6Addr::LOCALHOST)), "{ips:?}");
    let mx = resolver.mx_lookup("dns.test.").await.unwrap();
    assert!(matches!(&mx.answers()[0].data, RData::MX(mx) if mx.preference == 5));
    let srv = resolver
        .srv_lookup("_submission._tcp.dns.test.")
        .await
        .unwrap();
    assert!(matches!(&srv.answers()[0].data, RData::SRV(srv) if srv.port == 2525));
    let txt = resolver.txt_lookup("dns.test.").await.unwrap();
    assert!(matches!(&txt.answers()[0].data, RData::TXT(txt) if txt.to_string().contains("spf1")));
    let missing = resolver.lookup_ip("nothing.dns.test.").await.unwrap_err();
    assert!(
        missing.is_nx_domain() || missing.is_no_records_found(),
        "{missing}"
    );
}

#[tokio::test]
async fn the_resolver_asks_the_named_server() {
    let server = DnsServer::start(&records()).await;
    let resolver = resolver(Some(server.addr())).unwrap();
    assert_answers(&resolver).await;
}

#[tokio::test]
async fn the_test_server_answers_over_tcp_too() {
    let server = DnsServer::start(&records()).await;
    let mut tcp = ConnectionConfig::tcp();
    tcp.port = server.addr().port();
    let config = ResolverConfig::from_name_servers(vec![NameServerConfig::new(
        server.addr().ip(),
        true,
        vec![tcp],
    )]);
    let resolver = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
        .build()
        .unwrap();
    assert_answers(&resolver).await;
}
