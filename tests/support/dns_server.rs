//! A DNS server on 127.0.0.1 for tests (hickory-server): one authoritative root zone holding the
//! records a test gives (A, AAAA, MX, SRV, TXT, CNAME), served over UDP and TCP on the same port.
//! Names not given answer NXDOMAIN. Dropping the [`DnsServer`] stops it.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use hickory_server::Server;
use hickory_server::net::runtime::TokioRuntimeProvider;
use hickory_server::proto::rr::rdata::{A, AAAA, CNAME, MX, SOA, SRV, TXT};
use hickory_server::proto::rr::{LowerName, Name, RData, Record};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneType};
use tokio::net::{TcpListener, UdpSocket};
use tokio::task::JoinHandle;

/// One record to serve. Names are absolute (a trailing dot is added when missing).
#[derive(Debug, Clone)]
pub enum Rec {
    /// An IPv4 address.
    A(&'static str, Ipv4Addr),
    /// An IPv6 address.
    Aaaa(&'static str, Ipv6Addr),
    /// A mail exchanger: name, preference, exchange host.
    Mx(&'static str, u16, &'static str),
    /// A service: name (`_submission._tcp.example.test`), priority, weight, port, target.
    Srv(&'static str, u16, u16, u16, &'static str),
    /// A text record (for SPF and DMARC tests).
    Txt(&'static str, &'static str),
    /// An alias: name, target (DKIM keys kept by a provider).
    Cname(&'static str, &'static str),
}

/// A running test DNS server; stops when dropped.
pub struct DnsServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl DnsServer {
    /// Serves `records` on 127.0.0.1 (UDP and TCP, one ephemeral port).
    pub async fn start(records: &[Rec]) -> DnsServer {
        let root = Name::root();
        let mut zone = InMemoryZoneHandler::<TokioRuntimeProvider>::empty(
            root.clone(),
            ZoneType::Primary,
            AxfrPolicy::Deny,
        );
        let soa = SOA::new(
            name("ns.test"),
            name("admin.test"),
            1,
            3600,
            600,
            86_400,
            60,
        );
        zone.upsert_mut(Record::from_rdata(root.clone(), 60, RData::SOA(soa)), 1);
        for record in records {
            zone.upsert_mut(to_record(record), 1);
        }
        let mut catalog = Catalog::new();
        catalog.upsert(LowerName::new(&root), vec![Arc::new(zone)]);
        let (udp, tcp) = bind_pair().await;
        let addr = udp.local_addr().expect("UDP address");
        let mut server = Server::new(catalog);
        server.register_socket(udp);
        server.register_listener(tcp, Duration::from_secs(5), 64 * 1024);
        let task = tokio::spawn(async move {
            let _ = server.block_until_done().await;
        });
        DnsServer { addr, task }
    }

    /// The address to give as `--dns-server` (or to `dns::resolver`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for DnsServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A UDP socket and a TCP listener on the same free port of 127.0.0.1.
async fn bind_pair() -> (UdpSocket, TcpListener) {
    for _ in 0..50 {
        let udp = UdpSocket::bind("127.0.0.1:0").await.expect("bind UDP");
        let addr = udp.local_addr().expect("UDP address");
        if let Ok(tcp) = TcpListener::bind(addr).await {
            return (udp, tcp);
        }
    }
    panic!("no port free for both UDP and TCP on 127.0.0.1");
}

fn name(text: &str) -> Name {
    let absolute = if text.ends_with('.') {
        text.to_owned()
    } else {
        format!("{text}.")
    };
    Name::from_str(&absolute).expect("a valid DNS name")
}

fn to_record(record: &Rec) -> Record {
    let (owner, data) = match record {
        Rec::A(owner, ip) => (owner, RData::A(A(*ip))),
        Rec::Aaaa(owner, ip) => (owner, RData::AAAA(AAAA(*ip))),
        Rec::Mx(owner, preference, exchange) => {
            (owner, RData::MX(MX::new(*preference, name(exchange))))
        }
        Rec::Srv(owner, priority, weight, port, target) => (
            owner,
            RData::SRV(SRV::new(*priority, *weight, *port, name(target))),
        ),
        Rec::Txt(owner, text) => (owner, RData::TXT(TXT::new(vec![(*text).to_owned()]))),
        Rec::Cname(owner, target) => (owner, RData::CNAME(CNAME(name(target)))),
    };
    Record::from_rdata(name(owner), 60, data)
}
