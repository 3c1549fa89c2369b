//! "Will it arrive?" end to end against our test DNS server: one domain per finding
//! (`engine`), the command line as a user runs it (`cli`: text, JSON, exit codes) and
//! `send --check-dns` against our fault-injecting SMTP server (`send`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "dns_check/cli.rs"]
mod cli;
#[path = "dns_check/engine.rs"]
mod engine;
#[path = "dns_check/send.rs"]
mod send;

use std::net::Ipv4Addr;

use mail_settings_tester::arrive::{ArrivalReport, DnsCheckRequest, Finding, FindingId, check};
use support::dns_server::{DnsServer, Rec};

/// SendGrid's server in the test world, and the address SendGrid's SPF include allows.
const SENDGRID_HOST: &str = "smtp.sendgrid.net";
const SENDGRID_IP: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);
/// A hosting company's server the provider table does not know.
const HOSTING_HOST: &str = "mail.hosting.test";
const HOSTING_IP: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 50);

/// Eleven includes, each a look-up of its own: over the limit of 10.
const MANY_LOOKUPS: &str = "v=spf1 include:l1.test include:l2.test include:l3.test \
    include:l4.test include:l5.test include:l6.test include:l7.test include:l8.test \
    include:l9.test include:l10.test include:l11.test -all";

/// Every record of the test world: one `from` domain per case.
fn records() -> Vec<Rec> {
    let mut records = vec![
        Rec::A(SENDGRID_HOST, SENDGRID_IP),
        Rec::Txt("sendgrid.net", "v=spf1 ip4:192.0.2.10 -all"),
        Rec::A(HOSTING_HOST, HOSTING_IP),
        Rec::A("smtp.gmail.com", Ipv4Addr::new(192, 0, 2, 20)),
        Rec::A("localhost", Ipv4Addr::LOCALHOST),
        // Everything right.
        Rec::Txt("good.test", "v=spf1 include:sendgrid.net -all"),
        Rec::Cname("s1._domainkey.good.test", "s1.domainkey.u1.wl.sendgrid.net"),
        Rec::Txt("_dmarc.good.test", "v=DMARC1; p=reject"),
        // No SPF (DKIM and DMARC fine).
        Rec::Cname(
            "s1._domainkey.nospf.test",
            "s1.domainkey.u1.wl.sendgrid.net",
        ),
        Rec::Txt("_dmarc.nospf.test", "v=DMARC1; p=none"),
        // Two SPF records.
        Rec::Txt("twospf.test", "v=spf1 mx -all"),
        Rec::Txt("twospf.test", "v=spf1 ip4:198.51.100.7 ~all"),
        Rec::Txt("_dmarc.twospf.test", "v=DMARC1; p=none"),
        // An SPF record nobody can read.
        Rec::Txt("badspf.test", "v=spf1 include: -all"),
        Rec::Txt("_dmarc.badspf.test", "v=DMARC1; p=none"),
        // Too many look-ups.
        Rec::Txt("manyspf.test", MANY_LOOKUPS),
        Rec::Txt("_dmarc.manyspf.test", "v=DMARC1; p=none"),
        // SPF that names another server.
        Rec::Txt("otherspf.test", "v=spf1 ip4:198.51.100.1 -all"),
        Rec::Cname(
            "s2._domainkey.otherspf.test",
            "s2.domainkey.u1.wl.sendgrid.net",
        ),
        Rec::Txt("_dmarc.otherspf.test", "v=DMARC1; p=none"),
        // SPF fine, no DKIM, no DMARC.
        Rec::Txt("nodkim.test", "v=spf1 include:sendgrid.net ~all"),
        // Nothing aligns and DMARC says reject.
        Rec::Txt("strict.test", "v=spf1 ip4:198.51.100.1 -all"),
        Rec::Txt("_dmarc.strict.test", "v=DMARC1; p=reject"),
        // A hosting company's server, allowed by address.
        Rec::Txt("hosted.test", "v=spf1 ip4:192.0.2.50 -all"),
        Rec::Txt("_dmarc.hosted.test", "v=DMARC1; p=quarantine"),
        // A DMARC record nobody can read.
        Rec::Txt("baddmarc.test", "v=spf1 include:sendgrid.net -all"),
        Rec::Cname(
            "s1._domainkey.baddmarc.test",
            "s1.domainkey.u1.wl.sendgrid.net",
        ),
        Rec::Txt("_dmarc.baddmarc.test", "v=DMARC1; p=sometimes; rua=nowhere"),
        // `send --check-dns` through 127.0.0.1.
        Rec::Txt("sent.test", "v=spf1 ip4:127.0.0.1 ip6:::1 -all"),
        Rec::Txt("_dmarc.sent.test", "v=DMARC1; p=none"),
        Rec::Txt("unsent.test", "v=spf1 ip4:198.51.100.1 -all"),
    ];
    for n in 1..=11 {
        let name: &'static str = Box::leak(format!("l{n}.test").into_boxed_str());
        records.push(Rec::Txt(name, "v=spf1 -all"));
    }
    records
}

/// The test DNS server with every case.
async fn world() -> DnsServer {
    DnsServer::start(&records()).await
}

/// The checks for `from` through `host`, against `dns`.
async fn run(dns: &DnsServer, from: &str, host: Option<&str>) -> ArrivalReport {
    let mut request = DnsCheckRequest::new(from, host.map(str::to_owned));
    request.dns_server = Some(dns.addr());
    check(request).await.expect("a valid request")
}

/// The finding with `id`, which must be there.
fn finding(report: &ArrivalReport, id: FindingId) -> &Finding {
    report
        .findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no {id:?} in {:#?}", report.findings))
}

/// The ids of the findings, in order.
fn ids(report: &ArrivalReport) -> Vec<FindingId> {
    report.findings.iter().map(|f| f.id).collect()
}
