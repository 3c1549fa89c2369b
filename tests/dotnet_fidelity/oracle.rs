//! The real System.Net.Mail (.NET Core 3.1), run through `scripts/dotnet_oracle.py`.
//!
//! `scripts/dotnet-oracle.sh setup` installs it (`scripts/check.sh` does); `env` prints what the
//! driver needs. Scenarios are sent as one JSON document, answers come back as one.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde::{Deserialize, Serialize};
use tokio::io::AsyncWriteExt;

/// One scenario as the driver reads it.
#[derive(Debug, Clone, Serialize)]
pub struct OracleScenario {
    pub name: String,
    pub host: String,
    pub port: u16,
    pub enable_ssl: bool,
    pub user: Option<String>,
    pub password: Option<String>,
    pub client_domain: Option<String>,
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub timeout_ms: u64,
}

/// A .NET exception and its inner chain, as the driver reports it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct OracleException {
    #[serde(rename = "type")]
    pub type_name: String,
    pub message: String,
    pub status_code: Option<String>,
    pub failed_recipient: Option<String>,
    pub inner: Option<Box<OracleException>>,
}

/// What happened to one scenario.
#[derive(Debug, Clone, Deserialize)]
pub struct OracleResult {
    pub name: String,
    pub sent: bool,
    pub exception: Option<OracleException>,
}

#[derive(Debug, Deserialize)]
struct OracleOutput {
    runtime: String,
    results: Vec<OracleResult>,
}

/// The set-up oracle: the driver and the environment it runs in.
pub struct Oracle {
    vars: Vec<(String, String)>,
    python: PathBuf,
    driver: PathBuf,
}

impl Oracle {
    /// The oracle set up by `scripts/dotnet-oracle.sh setup`; panics with what to do otherwise.
    pub fn get() -> Oracle {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let output = std::process::Command::new(root.join("scripts/dotnet-oracle.sh"))
            .arg("env")
            .output()
            .expect("run scripts/dotnet-oracle.sh env");
        assert!(
            output.status.success(),
            "the real System.Net.Mail is not set up: run `scripts/dotnet-oracle.sh setup` \
             (scripts/check.sh does it).\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let vars: Vec<(String, String)> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        let var = |key: &str| {
            vars.iter().find(|(k, _)| k == key).map_or_else(
                || panic!("dotnet-oracle.sh env gave no {key}"),
                |(_, v)| PathBuf::from(v),
            )
        };
        let python = var("MAILTESTER_DOTNET_PYTHON");
        let driver = var("MAILTESTER_DOTNET_DRIVER");
        Oracle {
            vars,
            python,
            driver,
        }
    }

    /// Runs every scenario through the real `SmtpClient.Send`, in one process, trusting the
    /// certificates in `ca_file`. Returns the runtime's description and one result per scenario.
    pub async fn run(
        &self,
        scenarios: &[OracleScenario],
        ca_file: &Path,
    ) -> (String, Vec<OracleResult>) {
        let input = serde_json::json!({ "scenarios": scenarios }).to_string();
        let mut child = tokio::process::Command::new(&self.python)
            .arg(&self.driver)
            .envs(self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("SSL_CERT_FILE", ca_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("start the System.Net.Mail driver");
        let mut stdin = child.stdin.take().expect("driver stdin");
        stdin
            .write_all(input.as_bytes())
            .await
            .expect("write scenarios");
        drop(stdin);
        let output = child.wait_with_output().await.expect("driver finished");
        assert!(
            output.status.success(),
            "the System.Net.Mail driver failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        let parsed: OracleOutput =
            serde_json::from_slice(&output.stdout).expect("the driver's JSON");
        assert_eq!(parsed.results.len(), scenarios.len());
        for (scenario, result) in scenarios.iter().zip(&parsed.results) {
            assert_eq!(scenario.name, result.name);
        }
        (parsed.runtime, parsed.results)
    }
}
