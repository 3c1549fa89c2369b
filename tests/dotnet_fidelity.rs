//! The website's own verdict, measured: every scenario runs through Microsoft's real
//! System.Net.Mail (.NET Core 3.1, `scripts/dotnet-oracle.sh`) and through our `--target dotnet`
//! session, against the same kind of server, and the two must agree on the commands sent (byte
//! for byte), the outcome, and the exception (type, message, status code, inner exceptions).
//!
//! It needs the oracle set up (`scripts/dotnet-oracle.sh setup`, which `scripts/check.sh`
//! runs), so it is ignored by a plain `cargo test` and run by check.sh with `--ignored`; run
//! without the oracle, it fails and says how to set it up.

#![allow(clippy::unwrap_used, clippy::expect_used)]

// The cases' labels (expected id, change, source) are the corpus test's; only the replies are used here.
#[allow(dead_code)]
#[path = "corpus/cases.rs"]
mod cases;
#[path = "dotnet_fidelity/compare.rs"]
mod compare;
#[path = "dotnet_fidelity/oracle.rs"]
mod oracle;
#[path = "dotnet_fidelity/scenarios.rs"]
mod scenarios;
mod support;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use mail_settings_tester::diagnosis::{HostOs, diagnose, predict_exception};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, SessionReport, run_session};
use mail_settings_tester::settings::{DotNetRuntime, Framework, Settings, Target, Timeouts};
use tokio_util::sync::CancellationToken;

use compare::{Observed, Verdict};
use oracle::{Oracle, OracleScenario};
use scenarios::{Creds, Endpoint, Scenario};
use support::old_tls_server::{OldServer, start_old_server};
use support::pki::TestPki;
use support::recording_proxy::RecordingProxy;
use support::smtp_server::{TEST_PASSWORD, TEST_USER, TestServer};

/// A host name that never resolves (RFC 2606 reserves `.invalid`).
const UNRESOLVABLE: &str = "smtp.nonexistent.invalid";
const WRONG_PASSWORD: &str = "not-the-Passw0rd";

/// Differences between the real client and ours that are deliberate, with the reason; each
/// is also written in ARCHITECTURE.md. A listed scenario that agrees fails the test too, so
/// the list never goes stale.
const DELIBERATE: &[(&str, &str)] = &[
    (
        "old_tls_only",
        "the server speaks only TLS 1.0/1.1. The real .NET Core 3.1 (on OpenSSL 1.1, which still \
         allows TLS 1.0) signs in and sends; we cannot speak TLS 1.0 (rustls, like every \
         up-to-date program, refuses it), so the test stops with tls_outdated and predicts no \
         exception: whether a website sends depends on its own Windows' TLS settings, which the \
         diagnosis says.",
    ),
    (
        "exchange_ntlm_offered",
        "the server offers NTLM before LOGIN. System.Net.Mail tries NTLM first; on Linux (where the \
     oracle runs) that needs the gss-ntlmssp plugin and fails, on Windows (where web.config sites \
     run) it signs in with NTLM using the same user name and password. We cannot speak NTLM: we \
     sign in with LOGIN and say in the transcript that the website would try NTLM first.",
    ),
];

/// Corpus replies where the real client and ours differ on purpose, by the reply's first line,
/// with the reason (the same rule as `DELIBERATE`).
const DELIBERATE_CORPUS: &[(&str, &str)] = &[];

/// Where one client of one scenario connects, and the fake server it talks to (if any).
struct Target_ {
    host: String,
    port: u16,
    server: Option<TestServer>,
    proxy: Option<RecordingProxy>,
    /// The old-TLS server and the folder of its self-signed certificate (`cert.pem`).
    old_tls: Option<(OldServer, tempfile::TempDir)>,
}

/// The real Postfix's env file, as `scripts/check.sh` exports it; `None` outside CI.
fn postfix_env() -> Option<HashMap<String, String>> {
    let Ok(path) = std::env::var("MAILTESTER_POSTFIX_ENV") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must run the Postfix scenarios: start Postfix with scripts/check.sh"
        );
        eprintln!("note: MAILTESTER_POSTFIX_ENV not set: the real-Postfix scenarios are left out");
        return None;
    };
    let text = std::fs::read_to_string(path).expect("the Postfix env file");
    Some(
        text.lines()
            .filter_map(|line| line.trim().split_once('='))
            .map(|(k, v)| {
                (
                    k.trim_start_matches("export ").to_owned(),
                    v.trim_matches(['"', '\'']).to_owned(),
                )
            })
            .collect(),
    )
}

async fn target_for(
    scenario: &Scenario,
    postfix: Option<&HashMap<String, String>>,
    refused_port: u16,
) -> Target_ {
    match &scenario.endpoint {
        Endpoint::Fake(config) => {
            let server = TestServer::start((**config).clone()).await;
            Target_ {
                host: "localhost".into(),
                port: server.port(),
                server: Some(server),
                proxy: None,
                old_tls: None,
            }
        }
        Endpoint::Refused => Target_ {
            host: "127.0.0.1".into(),
            port: refused_port,
            server: None,
            proxy: None,
            old_tls: None,
        },
        Endpoint::Unresolvable => Target_ {
            host: UNRESOLVABLE.into(),
            port: 587,
            server: None,
            proxy: None,
            old_tls: None,
        },
        Endpoint::Postfix(key) => {
            // Through a proxy that records the commands sent before encryption.
            let env = postfix.expect("Postfix scenarios only run with Postfix");
            let upstream = format!("{}:{}", env["MAILTESTER_POSTFIX_HOST"], env[*key]);
            let proxy = RecordingProxy::start(upstream.parse().unwrap()).await;
            Target_ {
                host: "127.0.0.1".into(),
                port: proxy.port(),
                server: None,
                proxy: Some(proxy),
                old_tls: None,
            }
        }
        Endpoint::OldTls => {
            let dir = tempfile::tempdir().unwrap();
            let (server, port) = start_old_server(dir.path());
            Target_ {
                host: "localhost".into(),
                port,
                server: None,
                proxy: None,
                old_tls: Some((server, dir)),
            }
        }
    }
}

fn password(creds: Creds) -> Option<&'static str> {
    match creds {
        Creds::None => None,
        Creds::Right => Some(TEST_PASSWORD),
        Creds::Wrong => Some(WRONG_PASSWORD),
    }
}

fn oracle_scenario(scenario: &Scenario, target: &Target_) -> OracleScenario {
    OracleScenario {
        name: scenario.name.clone(),
        host: target.host.clone(),
        port: target.port,
        enable_ssl: scenario.enable_ssl,
        user: password(scenario.creds).map(|_| TEST_USER.to_owned()),
        password: password(scenario.creds).map(str::to_owned),
        client_domain: scenario.client_domain.map(str::to_owned),
        from: TEST_USER.to_owned(),
        to: scenario.to.to_owned(),
        subject: "Test message from Mail Settings Tester".to_owned(),
        body: "This is a test message.".to_owned(),
        timeout_ms: scenario.timeout_secs * 1000,
    }
}

fn settings_for(scenario: &Scenario, target: &Target_, ca_file: PathBuf) -> Settings {
    let password = password(scenario.creds);
    Settings {
        host: target.host.clone(),
        port: u32::from(target.port),
        user_name: password.map(|_| TEST_USER.to_owned()).unwrap_or_default(),
        password: Password::new(password.unwrap_or_default()),
        enable_ssl: scenario.enable_ssl,
        client_domain: scenario.client_domain.unwrap_or_default().to_owned(),
        from: TEST_USER.to_owned(),
        to: scenario.to.to_owned(),
        timeouts: Timeouts::uniform(scenario.timeout_secs),
        ca_file: Some(ca_file),
        target: Target::DotNet,
        framework: Framework::Core,
        // The website sends the password wherever the server offers sign-in.
        allow_plaintext_password: true,
        ..Settings::default()
    }
}

/// Our session, copying .NET Core 3.1 as the oracle runs it.
async fn run_ours(settings: Settings) -> SessionReport {
    let mut plan = settings.check().expect("scenario settings are valid");
    plan.runtime = DotNetRuntime::NetCore31;
    run_session(&plan, Goal::Send, &|_| {}, CancellationToken::new()).await
}

/// Waits until the client has closed every connection it opened, so the server's record is
/// complete (a client that does not say QUIT just closes).
async fn commands_seen(target: &Target_) -> Option<Vec<String>> {
    if let Some(proxy) = &target.proxy {
        assert!(proxy.connections() > 0, "the client never connected");
        let commands = proxy.commands_when_closed(Duration::from_secs(20)).await;
        return Some(commands.expect("a client left its connection open"));
    }
    let server = target.server.as_ref()?;
    if server.connections() > 0 {
        assert!(
            server
                .wait_for_connection_closed(Duration::from_secs(20))
                .await,
            "a client left its connection open"
        );
    }
    Some(server.commands())
}

/// Both tests start many servers and the real client; one at a time keeps their timings apart.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the real System.Net.Mail: scripts/dotnet-oracle.sh setup (scripts/check.sh runs this test)"]
async fn real_system_net_mail_and_our_session_agree() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let postfix = postfix_env();
    let mut all = scenarios::fake_scenarios();
    let mut ca_file = TestPki::get().ca_pem_path().to_path_buf();
    if let Some(env) = &postfix {
        all.extend(scenarios::postfix_scenarios());
        ca_file = bundle(
            &[ca_file, PathBuf::from(&env["MAILTESTER_POSTFIX_CA"])],
            "dotnet-fidelity-ca.pem",
        );
    }
    let count = all.len();
    compare_with_the_real_client(
        all,
        postfix.as_ref(),
        &ca_file,
        DELIBERATE,
        "dotnet-fidelity.md",
    )
    .await;
    assert!(
        count >= 40,
        "the suite must cover at least 40 scenarios, it has {count}"
    );
}

/// Every reply of the diagnosis corpus, replayed at its stage, through the real client and
/// ours: the exception each case predicts is the one System.Net.Mail throws.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the real System.Net.Mail: scripts/dotnet-oracle.sh setup (scripts/check.sh runs this test)"]
async fn every_corpus_reply_gets_the_real_clients_exception() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let all = scenarios::corpus_scenarios();
    let count = all.len();
    let ca_file = TestPki::get().ca_pem_path().to_path_buf();
    compare_with_the_real_client(all, None, &ca_file, DELIBERATE_CORPUS, "dotnet-corpus.md").await;
    assert!(
        count >= 180,
        "the corpus has {count} wire cases, fewer than 180"
    );
}

/// Runs `all` through the real System.Net.Mail and through our session, writes the table to
/// `target/tmp/{table_name}` and fails unless each scenario agrees or is listed in `deliberate`.
async fn compare_with_the_real_client(
    all: Vec<Scenario>,
    postfix: Option<&HashMap<String, String>>,
    ca_file: &std::path::Path,
    deliberate: &[(&str, &str)],
    table_name: &str,
) {
    let oracle = Oracle::get();
    // A port that was free a moment ago: both clients find nothing listening there.
    let refused_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut dotnet_targets = Vec::new();
    let mut our_targets = Vec::new();
    for scenario in &all {
        dotnet_targets.push(target_for(scenario, postfix, refused_port).await);
        our_targets.push(target_for(scenario, postfix, refused_port).await);
    }
    // The old-TLS servers' self-signed certificates are trusted too.
    let mut trusted = vec![ca_file.to_path_buf()];
    trusted.extend(dotnet_targets.iter().chain(&our_targets).filter_map(|t| {
        t.old_tls
            .as_ref()
            .map(|(_, dir)| dir.path().join("cert.pem"))
    }));
    let ca_file = bundle(&trusted, &format!("{table_name}-ca.pem"));
    let oracle_input: Vec<OracleScenario> = all
        .iter()
        .zip(&dotnet_targets)
        .map(|(scenario, target)| oracle_scenario(scenario, target))
        .collect();
    let (runtime, dotnet_results) = oracle.run(&oracle_input, &ca_file).await;
    assert!(
        runtime.starts_with(".NET Core 3.1"),
        "oracle runtime: {runtime}"
    );

    let mut ours = tokio::task::JoinSet::new();
    for (index, (scenario, target)) in all.iter().zip(&our_targets).enumerate() {
        let settings = settings_for(scenario, target, ca_file.clone());
        ours.spawn(async move { (index, settings.clone(), run_ours(settings).await) });
    }
    let mut our_reports: Vec<Option<(Settings, SessionReport)>> = vec![None; all.len()];
    while let Some(done) = ours.join_next().await {
        let (index, settings, report) = done.unwrap();
        our_reports[index] = Some((settings, report));
    }

    let mut verdicts = Vec::new();
    for (index, scenario) in all.iter().enumerate() {
        let (settings, report) = our_reports[index].take().unwrap();
        let dotnet = Observed {
            commands: commands_seen(&dotnet_targets[index]).await,
            sent: dotnet_results[index].sent,
            exception: dotnet_results[index].exception.clone().map(Into::into),
        };
        let our = Observed {
            commands: commands_seen(&our_targets[index]).await,
            sent: report.ok(),
            exception: predict_exception(
                &settings,
                &report,
                DotNetRuntime::NetCore31,
                HostOs::Linux,
            ),
        };
        let diagnosis = diagnose(&settings, &report).map(|d| d.id.as_str());
        verdicts.push(Verdict::new(scenario, &dotnet, &our, diagnosis));
    }

    let secrets: Vec<String> = [TEST_PASSWORD, WRONG_PASSWORD]
        .iter()
        .flat_map(|p| Password::new(*p).wire_forms(TEST_USER))
        .collect();
    let table = compare::table(&verdicts, &runtime, deliberate);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(table_name);
    std::fs::write(&path, &table).unwrap();
    eprintln!("{table}\n(written to {})", path.display());
    compare::assert_agreement(&verdicts, deliberate, &Arc::new(secrets));
}

/// One PEM file, `target/tmp/{name}`, holding every certificate authority in `files` (for
/// `SSL_CERT_FILE`).
fn bundle(files: &[PathBuf], name: &str) -> PathBuf {
    let mut pem = String::new();
    for file in files {
        pem.push_str(&std::fs::read_to_string(file).expect("a CA file"));
        pem.push('\n');
    }
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, pem).unwrap();
    path
}
