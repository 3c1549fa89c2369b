//! On the wire: connecting to a server with several addresses (RFC 8305, "Happy Eyeballs"),
//! the name sent with EHLO, and a password that is also a word of the protocol. Real sockets
//! against the scripted SMTP server and the test DNS server.
//!
//! An address that "drops packets" is a listener with a backlog of 0 whose one queue slot is
//! taken: Linux then ignores further connection attempts (no answer, no refusal), as a firewall
//! that drops IPv6 does. The tests that rely on it check first that it really hangs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "wire_connect/ehlo.rs"]
mod ehlo;
#[path = "wire_connect/secrets.rs"]
mod secrets;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_settings_tester::discover::{DiscoveryRequest, Reachability, Start, discover};
use mail_settings_tester::event::{Direction, SessionEvent, Step};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, SessionError, SessionReport, run_session};
use mail_settings_tester::settings::{Settings, Severity, Target, Timeouts};
use support::dns_server::{DnsServer, Rec};
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_USER, TestServer};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio_util::sync::CancellationToken;

const LOCAL: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
const SILENT_V4: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
const SILENT_V6: IpAddr = IpAddr::V6(Ipv6Addr::LOCALHOST);

/// A port on `ip` that answers no connection attempt: a listener with a full accept queue.
struct Silent {
    _listener: TcpListener,
    _queued: std::net::TcpStream,
}

impl Silent {
    async fn on(ip: IpAddr, port: u16) -> Silent {
        let socket = if ip.is_ipv4() {
            TcpSocket::new_v4()
        } else {
            TcpSocket::new_v6()
        }
        .unwrap();
        socket.bind(SocketAddr::new(ip, port)).unwrap();
        let listener = socket.listen(0).unwrap();
        let queued = std::net::TcpStream::connect((ip, port)).unwrap();
        let attempt =
            tokio::time::timeout(Duration::from_millis(300), TcpStream::connect((ip, port)));
        assert!(
            attempt.await.is_err(),
            "{ip} port {port} should leave connection attempts unanswered on this system"
        );
        Silent {
            _listener: listener,
            _queued: queued,
        }
    }
}

/// Settings for the default scripted server: STARTTLS, AUTH after TLS.
fn settings_for(port: u16, target: Target) -> Settings {
    Settings {
        host: "localhost".into(),
        port: u32::from(port),
        user_name: TEST_USER.into(),
        password: Password::new(support::smtp_server::TEST_PASSWORD),
        from: TEST_USER.into(),
        client_domain: "tester.example".into(),
        ca_file: Some(TestPki::get().ca_pem_path().to_path_buf()),
        target,
        timeouts: Timeouts {
            connect_secs: 5,
            greeting_secs: 5,
            command_secs: 5,
            ..Timeouts::default()
        },
        ..Settings::default()
    }
}

/// Runs a session to `goal` on `addresses` (empty: the host's own), with every event kept;
/// `on_line` may cancel when it sees a transcript line.
async fn run_on(
    settings: &Settings,
    addresses: &[IpAddr],
    goal: Goal,
    cancel: CancellationToken,
    cancel_on: Option<&'static str>,
) -> (SessionReport, Vec<SessionEvent>) {
    let mut plan = settings.check().expect("valid test settings");
    plan.addresses = addresses.to_vec();
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = {
        let (events, cancel) = (events.clone(), cancel.clone());
        move |event: SessionEvent| {
            if let (SessionEvent::Line(line), Some(words)) = (&event, cancel_on)
                && line.text.contains(words)
            {
                cancel.cancel();
            }
            events.lock().unwrap().push(event);
        }
    };
    let report = run_session(&plan, goal, &sink, cancel).await;
    let events = events.lock().unwrap().clone();
    (report, events)
}

fn info_lines(report: &SessionReport) -> Vec<String> {
    report
        .transcript
        .iter()
        .filter(|line| line.dir == Direction::Info)
        .map(|line| line.text.clone())
        .collect()
}

fn connect_ms(report: &SessionReport) -> u64 {
    report.step(Step::Connect).map_or(u64::MAX, |step| step.ms)
}

fn assert_said(report: &SessionReport, words: &str) {
    let info = info_lines(report);
    assert!(
        info.iter().any(|line| line.contains(words)),
        "no «{words}» in {info:#?}"
    );
}

#[cfg_attr(
    windows,
    ignore = "relies on Linux leaving a full accept queue unanswered"
)]
#[tokio::test]
async fn a_silent_ipv4_address_gets_the_next_one_tried_beside_it() {
    let server = TestServer::start(ServerConfig::default()).await;
    let port = server.port();
    let _silent = Silent::on(SILENT_V4, port).await;
    let settings = settings_for(port, Target::DotNet);
    let started = Instant::now();
    let (report, _) = run_on(
        &settings,
        &[SILENT_V4, LOCAL],
        Goal::Send,
        CancellationToken::new(),
        None,
    )
    .await;
    assert!(
        report.ok(),
        "{:?}\n{:#?}",
        report.error,
        info_lines(&report)
    );
    assert_said(&report, &format!("trying 127.0.0.2 port {port}"));
    assert_said(
        &report,
        &format!(
            "no answer from 127.0.0.2 port {port} after 250 ms, also trying 127.0.0.1 port {port}"
        ),
    );
    assert_said(&report, &format!("connected to 127.0.0.1 port {port}"));
    assert!(
        connect_ms(&report) < 2_000,
        "connect took {} ms",
        connect_ms(&report)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[cfg_attr(
    windows,
    ignore = "relies on Linux leaving a full accept queue unanswered"
)]
#[tokio::test]
async fn ipv6_that_drops_packets_does_not_keep_ipv4_from_being_tried() {
    let server = TestServer::start(ServerConfig::default()).await;
    let port = server.port();
    let _silent = Silent::on(SILENT_V6, port).await;
    let settings = settings_for(port, Target::Generic);
    let (report, _) = run_on(
        &settings,
        &[SILENT_V6, SILENT_V4, LOCAL],
        Goal::Probe,
        CancellationToken::new(),
        None,
    )
    .await;
    assert!(
        report.ok(),
        "{:?}\n{:#?}",
        report.error,
        info_lines(&report)
    );
    // The families take turns: ::1, then the first IPv4 address (refused: nothing there).
    assert_said(&report, &format!("trying ::1 port {port}"));
    assert_said(
        &report,
        &format!("no answer from ::1 port {port} after 250 ms, also trying 127.0.0.2 port {port}"),
    );
    assert_said(
        &report,
        &format!("could not connect to 127.0.0.2 port {port}: connection refused"),
    );
    assert_said(&report, &format!("connected to 127.0.0.1 port {port}"));
    assert!(
        connect_ms(&report) < 2_000,
        "connect took {} ms",
        connect_ms(&report)
    );
}

/// Finding the settings resolves the name with the test DNS server (two addresses, the first
/// silent) and probes it through the same connect.
#[cfg_attr(
    windows,
    ignore = "relies on Linux leaving a full accept queue unanswered"
)]
#[tokio::test]
async fn probing_a_name_whose_first_address_is_silent_finds_the_server() {
    let server = TestServer::start(ServerConfig::default()).await;
    let port = server.port();
    let _silent = Silent::on(SILENT_V4, port).await;
    let dns = DnsServer::start(&[
        Rec::A("mail.eyeballs.test", Ipv4Addr::new(127, 0, 0, 2)),
        Rec::A("mail.eyeballs.test", Ipv4Addr::LOCALHOST),
    ])
    .await;
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut request = DiscoveryRequest::new(Start::Host("mail.eyeballs.test".into()));
    request.ports = vec![port];
    request.timeout = Duration::from_secs(4);
    request.dns_server = Some(dns.addr());
    request.ca_file = Some(TestPki::get().ca_pem_path().to_path_buf());
    request.autoconfig_port = closed.local_addr().unwrap().port();
    drop(closed);
    let (events, _inbox) = tokio::sync::mpsc::unbounded_channel();
    let report = discover(request, events, CancellationToken::new())
        .await
        .unwrap();
    let row = report
        .candidates
        .iter()
        .find(|row| row.host == "mail.eyeballs.test" && row.port == port)
        .expect("the port was probed");
    assert_eq!(row.reachability, Reachability::Open, "{row:?}");
    assert!(row.banner.is_some(), "{row:?}");
}

#[tokio::test]
async fn every_address_refused_is_a_refusal_that_lists_them() {
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let settings = settings_for(port, Target::DotNet);
    let (report, _) = run_on(
        &settings,
        &[SILENT_V4, LOCAL],
        Goal::Send,
        CancellationToken::new(),
        None,
    )
    .await;
    assert_eq!(
        report.error,
        Some(SessionError::ConnectionRefused {
            address: format!("127.0.0.1:{port}")
        })
    );
    assert_said(
        &report,
        &format!(
            "no address of the server could be reached: 127.0.0.2 port {port} (connection refused"
        ),
    );
    assert_said(
        &report,
        &format!("127.0.0.1 port {port} (connection refused"),
    );
}

#[cfg_attr(
    windows,
    ignore = "relies on Linux leaving a full accept queue unanswered"
)]
#[tokio::test]
async fn silent_addresses_time_out_together_within_the_connect_limit() {
    let spare = TcpListener::bind("127.0.0.3:0").await.unwrap();
    let port = spare.local_addr().unwrap().port();
    drop(spare);
    let third = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 3));
    let _one = Silent::on(SILENT_V4, port).await;
    let _two = Silent::on(third, port).await;
    let mut settings = settings_for(port, Target::DotNet);
    settings.timeouts.connect_secs = 1;
    let started = Instant::now();
    let (report, _) = run_on(
        &settings,
        &[SILENT_V4, third],
        Goal::Send,
        CancellationToken::new(),
        None,
    )
    .await;
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        report.error,
        Some(SessionError::ConnectTimeout {
            address: format!("127.0.0.2:{port}"),
            secs: 1
        })
    );
    assert_said(
        &report,
        &format!("no answer from 127.0.0.2 port {port} or 127.0.0.3 port {port} within 1 s"),
    );
}

/// Two attempts running, neither answered: a cancel ends them at once, far below the limit.
#[cfg_attr(
    windows,
    ignore = "relies on Linux leaving a full accept queue unanswered"
)]
#[tokio::test]
async fn a_cancel_while_attempts_run_lands_at_once() {
    let spare = TcpListener::bind("127.0.0.3:0").await.unwrap();
    let port = spare.local_addr().unwrap().port();
    drop(spare);
    let third = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 3));
    let _one = Silent::on(SILENT_V4, port).await;
    let _two = Silent::on(third, port).await;
    let settings = Settings {
        timeouts: Timeouts::uniform(60),
        ..settings_for(port, Target::DotNet)
    };
    let started = Instant::now();
    let (report, _) = run_on(
        &settings,
        &[SILENT_V4, third],
        Goal::Send,
        CancellationToken::new(),
        Some("also trying 127.0.0.3"),
    )
    .await;
    assert_eq!(
        report.error,
        Some(SessionError::Cancelled {
            step: Step::Connect
        })
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
