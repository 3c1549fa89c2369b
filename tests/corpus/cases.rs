//! The corpus's cases and the scripted server that replays each reply at its stage, shared by
//! the corpus test (`tests/corpus.rs`) and the differential test against the real
//! System.Net.Mail (`tests/dotnet_fidelity.rs`).

use serde::Deserialize;

use crate::support::smtp_server::{Banner, Fault, LoginInitialResponse, ServerConfig};

/// One labelled case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The class it tests (`greylisting`, `quota`, `tls_required`, …).
    pub class: String,
    /// Where the reply comes (`greeting`, `ehlo`, `starttls`, `auth`, `auth_initial` (the
    /// refusal of ASP.NET's `AUTH login <user name>`), `mail`, `rcpt`, `data`, `data_end`); a
    /// server that says nothing: `silent` (never greets), `silent_tls` (expects SSL on connect),
    /// `tls_alert` (accepts STARTTLS, then answers the handshake with a fatal alert), where
    /// `text` is what the user pastes; or `paste` for an error message that is only pasted.
    pub stage: String,
    /// The reply (lines separated by `\n`) or the pasted text.
    pub text: String,
    /// The expected diagnosis id.
    pub id: String,
    /// The expected one-click change's fields (`enable_ssl`, `port`, …; empty: none); absent:
    /// not checked.
    pub change: Option<Vec<String>>,
    /// For the live path: `enableSsl` (default true; false for "STARTTLS first" replies).
    pub enable_ssl: Option<bool>,
    /// For the live path: whether the website has a `userName` (default true).
    pub user: Option<bool>,
    /// For the live path: whether the server offers sign-in at all (default true).
    pub server_signs_in: Option<bool>,
    /// For the live path: every limit, in seconds (default 5; short for silent servers).
    pub timeout: Option<u64>,
    /// What `explain` should say when pasted alone, where a paste knows less than the live path
    /// (no command it answered); default: `id`.
    pub pasted_id: Option<String>,
    /// Where the case comes from (shown when the case is wrong).
    pub source: String,
}

#[derive(Debug, Deserialize)]
struct File {
    case: Vec<Case>,
}

impl Case {
    /// Every case of every file in `tests/corpus/`.
    pub fn load_all() -> Vec<Case> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        let mut cases = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let file: File =
                toml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            cases.extend(file.case);
        }
        cases
    }
}

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_owned).collect()
}

/// The server replaying `case` at its stage.
pub fn server_for(case: &Case) -> ServerConfig {
    let reply = || Some(lines(&case.text));
    let mut base = ServerConfig::default();
    if case.server_signs_in == Some(false) {
        base.auth_mechanisms = Vec::new();
    }
    match case.stage.as_str() {
        "greeting" => ServerConfig {
            banner: Banner::Lines(lines(&case.text)),
            ..base
        },
        "ehlo" => ServerConfig {
            ehlo_reply: reply(),
            ..base
        },
        "starttls" => ServerConfig {
            starttls_reply: Some(case.text.clone()),
            ..base
        },
        "auth" => ServerConfig {
            users: Vec::new(),
            // Without enableSsl the sign-in must be offered on the plain connection.
            auth_before_tls: case.enable_ssl == Some(false),
            auth_failure_reply: case.text.clone(),
            require_auth: true,
            auth_required_reply: "530 5.7.0 Authentication required".into(),
            ..base
        },
        "auth_initial" => ServerConfig {
            auth_mechanisms: vec!["LOGIN".into()],
            auth_before_tls: case.enable_ssl == Some(false),
            login_initial_response: LoginInitialResponse::Reject,
            login_initial_refusal: case.text.clone(),
            require_auth: true,
            auth_required_reply: "530 5.7.0 Authentication required".into(),
            ..base
        },
        "silent" => ServerConfig {
            banner: Banner::Silent,
            ..base
        },
        "silent_tls" => ServerConfig {
            implicit_tls: true,
            ..base
        },
        "tls_alert" => ServerConfig {
            fault: Some(Fault::AlertInTlsHandshake),
            ..base
        },
        "mail" => ServerConfig {
            mail_from_reply: reply(),
            ..base
        },
        "rcpt" => ServerConfig {
            rcpt_reply: reply(),
            ..base
        },
        "data" => ServerConfig {
            data_reply: reply(),
            ..base
        },
        "data_end" => ServerConfig {
            data_end_reply: reply(),
            ..base
        },
        other => panic!("unknown stage {other}"),
    }
}

impl Case {
    /// Whether the case is replayed by a server (not only pasted).
    pub fn is_wire(&self) -> bool {
        self.stage != "paste"
    }

    /// Whether the website signs in (has a `userName`).
    pub fn signs_in(&self) -> bool {
        self.user.unwrap_or(true)
    }

    /// Every limit of the live test, in seconds.
    pub fn timeout_secs(&self) -> u64 {
        self.timeout.unwrap_or(5)
    }
}
