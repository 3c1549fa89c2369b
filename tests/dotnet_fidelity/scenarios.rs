//! The scenarios both clients run: one fake server configuration (or a real Postfix port) and
//! the web.config settings a website would have. Each names the server family it imitates.

#[path = "scenarios/refused.rs"]
mod refused;
#[path = "scenarios/served.rs"]
mod served;
#[path = "scenarios/sign_in.rs"]
mod sign_in;

use crate::support::pki::CertKind;
use crate::support::smtp_server::{
    Banner, Fault, LoginInitialResponse, ServerConfig, Stage, TEST_USER,
};

/// Where the client connects.
#[derive(Debug, Clone)]
pub enum Endpoint {
    /// Our fault-injecting server with this configuration (one instance per client).
    Fake(Box<ServerConfig>),
    /// A port nothing listens on.
    Refused,
    /// A host name that does not resolve.
    Unresolvable,
    /// A server whose STARTTLS speaks only TLS 1.0/1.1 (Python's `ssl`, a real TLS stack).
    OldTls,
    /// The real Postfix started by `scripts/check.sh`: the env-file key of the port.
    Postfix(&'static str),
}

/// The credentials in web.config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Creds {
    /// No `userName`.
    None,
    /// The server's user and password.
    Right,
    /// The server's user with a wrong password.
    Wrong,
}

/// One scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub family: String,
    pub endpoint: Endpoint,
    pub enable_ssl: bool,
    pub creds: Creds,
    /// `clientDomain`; `None` leaves the machine name, as most sites do.
    pub client_domain: Option<&'static str>,
    /// The recipient (default: the test user, a mailbox the server hosts).
    pub to: &'static str,
    /// `SmtpClient.Timeout` and every limit of ours, in seconds.
    pub timeout_secs: u64,
}

/// A recipient the fake server and Postfix do not host (relaying).
pub const ELSEWHERE: &str = "someone@elsewhere.example";

fn scenario(name: &str, family: &str, endpoint: Endpoint) -> Scenario {
    Scenario {
        name: name.to_owned(),
        family: family.to_owned(),
        endpoint,
        enable_ssl: true,
        creds: Creds::Right,
        client_domain: Some("shop-web01.example"),
        to: TEST_USER,
        timeout_secs: 10,
    }
}

impl Scenario {
    fn ssl(mut self, on: bool) -> Self {
        self.enable_ssl = on;
        self
    }
    fn creds(mut self, creds: Creds) -> Self {
        self.creds = creds;
        self
    }
    fn to(mut self, to: &'static str) -> Self {
        self.to = to;
        self
    }
    fn machine_name(mut self) -> Self {
        self.client_domain = None;
        self
    }
    fn short_timeout(mut self) -> Self {
        self.timeout_secs = 2;
        self
    }
}

fn fake(config: ServerConfig) -> Endpoint {
    Endpoint::Fake(Box::new(config))
}

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_owned).collect()
}

/// Postfix-like: the default fake server (STARTTLS, AUTH PLAIN LOGIN after TLS).
fn postfix_like() -> ServerConfig {
    ServerConfig::default()
}

fn submission() -> ServerConfig {
    ServerConfig {
        require_tls: true,
        require_auth: true,
        ..postfix_like()
    }
}

fn exim_like() -> ServerConfig {
    ServerConfig {
        banner: Banner::Normal(
            "220 mail.hoster.example ESMTP Exim 4.96 Sat, 28 Nov 2026 10:00:00 +0000".into(),
        ),
        ehlo_greeting: Some("mail.hoster.example Hello shop-web01.example [127.0.0.1]".into()),
        ehlo_extra: vec!["HELP".into()],
        auth_failure_reply: "535 Incorrect authentication data".into(),
        require_auth: true,
        auth_required_reply: "550 Authentication required".into(),
        ..ServerConfig::default()
    }
}

fn exchange_like() -> ServerConfig {
    ServerConfig {
        banner: Banner::Normal(
            "220 EX01.corp.example Microsoft ESMTP MAIL Service ready at Sat, 28 Nov 2026 10:00:00 +0000"
                .into(),
        ),
        ehlo_greeting: Some("EX01.corp.example Hello [127.0.0.1]".into()),
        ehlo_extra: vec!["X-EXPS GSSAPI NTLM".into(), "XRDST".into()],
        auth_mechanisms: vec!["LOGIN".into()],
        auth_failure_reply: "535 5.7.3 Authentication unsuccessful".into(),
        require_auth: true,
        auth_required_reply: "530 5.7.57 Client not authenticated to send mail".into(),
        ..ServerConfig::default()
    }
}

fn office365_like() -> ServerConfig {
    ServerConfig {
        banner: Banner::Normal(
            "220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready".into(),
        ),
        auth_mechanisms: vec!["LOGIN".into(), "XOAUTH2".into()],
        require_tls: true,
        require_auth: true,
        auth_failure_reply: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is \
                             disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more \
                             information."
            .into(),
        auth_required_reply: "530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001]".into(),
        ..ServerConfig::default()
    }
}

fn gmail_like() -> ServerConfig {
    ServerConfig {
        banner: Banner::Normal("220 smtp.gmail.com ESMTP a1-20020a05 - gsmtp".into()),
        ehlo_greeting: Some("smtp.gmail.com at your service, [127.0.0.1]".into()),
        auth_mechanisms: vec![
            "LOGIN".into(),
            "PLAIN".into(),
            "XOAUTH2".into(),
            "PLAIN-CLIENTTOKEN".into(),
            "OAUTHBEARER".into(),
        ],
        require_tls: true,
        require_auth: true,
        must_starttls_reply: "530 5.7.0 Must issue a STARTTLS command first. a1-20020a05 - gsmtp"
            .into(),
        auth_failure_reply: "535-5.7.8 Username and Password not accepted. For more information, go to\n\
                             535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1 - gsmtp"
            .into(),
        auth_required_reply: "530-5.7.0 Authentication Required. Learn more at\n\
                              530 5.7.0  https://support.google.com/mail/?p=WantAuthError a1 - gsmtp"
            .into(),
        ..ServerConfig::default()
    }
}

fn aiosmtpd_like() -> ServerConfig {
    ServerConfig {
        banner: Banner::Normal("220 shop.example Python SMTP 1.4.4".into()),
        ehlo_greeting: Some("shop.example".into()),
        auth_mechanisms: vec!["LOGIN".into(), "PLAIN".into()],
        auth_before_tls: true,
        auth_failure_reply: "535 5.7.8 Authentication credentials invalid".into(),
        require_auth: true,
        auth_required_reply: "530 5.7.0 Authentication required".into(),
        ..ServerConfig::default()
    }
}

fn rcpt(reply: &str) -> ServerConfig {
    ServerConfig {
        rcpt_reply: Some(lines(reply)),
        ..postfix_like()
    }
}

fn faulty(fault: Fault) -> ServerConfig {
    ServerConfig {
        fault: Some(fault),
        ..postfix_like()
    }
}

/// Every scenario against our fake server (and the unreachable ones), in the order of the
/// README's table.
pub fn fake_scenarios() -> Vec<Scenario> {
    [
        served::works(),
        served::encryption(),
        sign_in::sign_in(),
        refused::greeting(),
        refused::envelope(),
        refused::broken(),
        vec![scenario(
            "old_tls_only",
            "TLS 1.0/1.1 only (Python ssl)",
            Endpoint::OldTls,
        )],
    ]
    .concat()
}

/// Every wire case of the diagnosis corpus (`tests/corpus/*.toml`) as a scenario: the same
/// scripted server replaying the case's reply at its stage, the website signing in with the
/// right password, `enableSsl` as the case says. Named by the reply's first line, which is how
/// `DELIBERATE_CORPUS` lists them.
pub fn corpus_scenarios() -> Vec<Scenario> {
    crate::cases::Case::load_all()
        .into_iter()
        .filter(crate::cases::Case::is_wire)
        .map(|case| {
            let family = format!("{} at {}", case.class, case.stage);
            let name = case.text.lines().next().unwrap_or_default().to_owned();
            let mut s = scenario(&name, &family, fake(crate::cases::server_for(&case)));
            s.enable_ssl = case.enable_ssl.unwrap_or(true);
            s.creds = if case.signs_in() {
                Creds::Right
            } else {
                Creds::None
            };
            s.timeout_secs = case.timeout.unwrap_or(s.timeout_secs);
            s
        })
        .collect()
}

/// Scenarios against the real Postfix + Dovecot (`scripts/postfix-test-server.sh`).
pub fn postfix_scenarios() -> Vec<Scenario> {
    use Creds::{None as NoCreds, Right, Wrong};
    let f = "Postfix 3.7 (real)";
    let sub = "MAILTESTER_POSTFIX_SUBMISSION_PORT";
    let plain = "MAILTESTER_POSTFIX_PLAIN_PORT";
    vec![
        scenario("postfix_submission_sent", f, Endpoint::Postfix(sub)).creds(Right),
        scenario("postfix_submission_no_ssl", f, Endpoint::Postfix(sub)).ssl(false),
        scenario("postfix_wrong_password", f, Endpoint::Postfix(sub)).creds(Wrong),
        scenario("postfix_relay_denied", f, Endpoint::Postfix(plain))
            .ssl(false)
            .creds(NoCreds)
            .to(ELSEWHERE),
        scenario("postfix_unknown_user", f, Endpoint::Postfix(plain))
            .ssl(false)
            .creds(NoCreds)
            .to("nobody@test.example"),
        scenario("postfix_plain_port_sent", f, Endpoint::Postfix(plain)).creds(NoCreds),
    ]
}
