//! The scenarios both clients run: one fake server configuration (or a real Postfix port) and
//! the web.config settings a website would have. Each names the server family it imitates.

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
    pub name: &'static str,
    pub family: &'static str,
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

fn scenario(name: &'static str, family: &'static str, endpoint: Endpoint) -> Scenario {
    Scenario {
        name,
        family,
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

/// Every scenario against our fake server (and the unreachable ones).
pub fn fake_scenarios() -> Vec<Scenario> {
    use Creds::{None as NoCreds, Wrong};
    let p = "Postfix-like";
    vec![
        // What works.
        scenario("starttls_login_sent", p, fake(postfix_like())),
        scenario("machine_name_in_ehlo", p, fake(postfix_like())).machine_name(),
        scenario("no_ssl_no_credentials_sent", p, fake(postfix_like()))
            .ssl(false)
            .creds(NoCreds),
        scenario(
            "auth_before_tls_plain_connection",
            "aiosmtpd-like",
            fake(aiosmtpd_like()),
        )
        .ssl(false),
        scenario(
            "multi_line_greeting",
            p,
            fake(ServerConfig {
                banner: Banner::Lines(lines(
                    "220-fake.test ESMTP FakeSMTP\n220-No UCE\n220 ready",
                )),
                ..postfix_like()
            }),
        ),
        scenario("relay_after_sign_in", p, fake(ServerConfig {
            relay_requires_auth: true,
            ..postfix_like()
        }))
        .to(ELSEWHERE),
        scenario("rcpt_251_will_forward", p, fake(rcpt("251 2.1.5 User not local; will forward"))),
        // Encryption.
        scenario("submission_enable_ssl_false", p, fake(submission())).ssl(false),
        scenario("gmail_enable_ssl_false", "Gmail-like", fake(gmail_like())).ssl(false),
        scenario(
            "starttls_not_offered",
            p,
            fake(ServerConfig {
                offer_starttls: false,
                ..postfix_like()
            }),
        ),
        scenario(
            "starttls_refused_454",
            p,
            fake(ServerConfig {
                starttls_reply: Some("454 4.7.0 TLS not available due to local problem".into()),
                ..postfix_like()
            }),
        ),
        scenario(
            "certificate_wrong_name",
            p,
            fake(ServerConfig {
                cert: CertKind::WrongName,
                ..postfix_like()
            }),
        ),
        scenario(
            "certificate_expired",
            p,
            fake(ServerConfig {
                cert: CertKind::Expired,
                ..postfix_like()
            }),
        ),
        scenario(
            "certificate_self_signed",
            p,
            fake(ServerConfig {
                cert: CertKind::SelfSigned,
                ..postfix_like()
            }),
        ),
        scenario(
            "implicit_tls_port_465",
            p,
            fake(ServerConfig {
                implicit_tls: true,
                ..postfix_like()
            }),
        )
        .short_timeout(),
        // Signing in.
        scenario("wrong_password_submission", p, fake(submission())).creds(Wrong),
        scenario("wrong_password_relay_denied", p, fake(ServerConfig {
            relay_requires_auth: true,
            ..postfix_like()
        }))
        .creds(Wrong)
        .to(ELSEWHERE),
        scenario("wrong_password_local_mailbox", p, fake(postfix_like())).creds(Wrong),
        scenario("no_credentials_relay_denied", p, fake(ServerConfig {
            relay_requires_auth: true,
            ..postfix_like()
        }))
        .creds(NoCreds)
        .to(ELSEWHERE),
        scenario("no_credentials_auth_required", p, fake(submission())).creds(NoCreds),
        scenario(
            "plain_only_server",
            p,
            fake(ServerConfig {
                auth_mechanisms: vec!["PLAIN".into()],
                ..submission()
            }),
        ),
        scenario(
            "login_only_server",
            p,
            fake(ServerConfig {
                auth_mechanisms: vec!["LOGIN".into()],
                ..submission()
            }),
        ),
        scenario(
            "login_initial_response_ignored",
            p,
            fake(ServerConfig {
                login_initial_response: LoginInitialResponse::Ignore,
                ..submission()
            }),
        ),
        scenario(
            "login_initial_response_rejected",
            p,
            fake(ServerConfig {
                login_initial_response: LoginInitialResponse::Reject,
                ..submission()
            }),
        ),
        scenario(
            "auth_offered_before_tls_but_tls_required",
            p,
            fake(ServerConfig {
                auth_before_tls: true,
                ..submission()
            }),
        )
        .ssl(false),
        scenario("gmail_wrong_password", "Gmail-like", fake(gmail_like())).creds(Wrong),
        scenario(
            "gmail_app_password_required",
            "Gmail-like",
            fake(ServerConfig {
                auth_failure_reply: "534-5.7.9 Application-specific password required. Learn more at\n\
                                     534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor a1 - gsmtp"
                    .into(),
                ..gmail_like()
            }),
        )
        .creds(Wrong),
        scenario("gmail_sent", "Gmail-like", fake(gmail_like())),
        scenario("office365_auth_disabled", "Microsoft 365-like", fake(office365_like()))
            .creds(Wrong),
        scenario("office365_enable_ssl_false", "Microsoft 365-like", fake(office365_like()))
            .ssl(false),
        scenario("exchange_wrong_password", "Exchange-like", fake(exchange_like()))
            .ssl(false)
            .creds(Wrong),
        scenario(
            "exchange_ntlm_offered",
            "Exchange-like",
            fake(ServerConfig {
                auth_mechanisms: vec!["NTLM".into(), "LOGIN".into()],
                ..exchange_like()
            }),
        ),
        scenario("exim_wrong_password", "Exim-like", fake(exim_like())).creds(Wrong),
        scenario("exim_sent", "Exim-like", fake(exim_like())),
        scenario("aiosmtpd_wrong_password", "aiosmtpd-like", fake(aiosmtpd_like()))
            .ssl(false)
            .creds(Wrong),
        // EHLO and greeting.
        scenario(
            "ehlo_unknown_helo_fallback",
            p,
            fake(ServerConfig {
                ehlo_reply: Some(lines("502 5.5.2 Error: command not recognized")),
                require_auth: true,
                ..postfix_like()
            }),
        )
        .ssl(false),
        scenario(
            "ehlo_refused_501",
            p,
            fake(ServerConfig {
                ehlo_reply: Some(lines("501 5.5.4 Syntax: EHLO hostname")),
                ..postfix_like()
            }),
        ),
        scenario(
            "greeting_421",
            p,
            fake(ServerConfig {
                banner: Banner::Lines(lines("421 4.3.2 Service not available")),
                ..postfix_like()
            }),
        ),
        scenario(
            "greeting_554_blocked",
            p,
            fake(ServerConfig {
                banner: Banner::Lines(lines(
                    "554-mail.hoster.example\n554 5.7.1 Your IP address is on a blocklist",
                )),
                ..postfix_like()
            }),
        ),
        scenario("silent_banner", p, fake(ServerConfig {
            banner: Banner::Silent,
            ..postfix_like()
        }))
        .short_timeout(),
        scenario("http_server", "web server", fake(ServerConfig {
            banner: Banner::Http,
            ..postfix_like()
        })),
        scenario("garbage_banner", "not SMTP", fake(ServerConfig {
            banner: Banner::Garbage,
            ..postfix_like()
        })),
        scenario("imap_banner", "Dovecot IMAP", fake(ServerConfig {
            banner: Banner::Lines(lines("* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.")),
            ..postfix_like()
        })),
        // The envelope and the message.
        scenario("recipient_unknown_550", p, fake(rcpt(
            "550 5.1.1 <user@test.example>: Recipient address rejected: User unknown in virtual mailbox table",
        ))),
        scenario("recipient_greylisted_450", p, fake(rcpt(
            "450 4.2.0 <user@test.example>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/",
        ))),
        scenario("recipient_quota_452", p, fake(rcpt("452 4.2.2 Mailbox full"))),
        scenario("recipient_not_allowed_553", p, fake(rcpt("553 5.7.1 Sender not permitted to relay"))),
        scenario("recipient_relay_554", p, fake(rcpt("554 5.7.1 Relay access denied"))),
        scenario(
            "sender_rejected_553",
            p,
            fake(ServerConfig {
                mail_from_reply: Some(lines(
                    "553 5.7.1 <user@test.example>: Sender address rejected: not owned by user",
                )),
                ..postfix_like()
            }),
        ),
        scenario(
            "sender_rate_limited_451",
            p,
            fake(ServerConfig {
                mail_from_reply: Some(lines("451 4.7.1 Too many messages, slow down")),
                ..postfix_like()
            }),
        ),
        scenario(
            "data_refused_554",
            p,
            fake(ServerConfig {
                data_reply: Some(lines("554 5.5.1 Error: no valid recipients")),
                ..postfix_like()
            }),
        ),
        scenario(
            "message_rejected_as_spam",
            p,
            fake(ServerConfig {
                data_end_reply: Some(lines(
                    "550-5.7.1 Message rejected as spam by Content Filtering.\n550 5.7.1 See https://example.net/spam",
                )),
                ..postfix_like()
            }),
        ),
        scenario(
            "message_too_big_552",
            p,
            fake(ServerConfig {
                data_end_reply: Some(lines("552 5.3.4 Message size exceeds fixed limit")),
                ..postfix_like()
            }),
        ),
        scenario(
            "daily_quota_550",
            "Gmail-like",
            fake(ServerConfig {
                data_end_reply: Some(lines(
                    "550-5.4.5 Daily user sending limit exceeded. For more information on Gmail\n\
                     550 5.4.5 sending limits go to https://support.google.com/a/answer/166852 a1 - gsmtp",
                )),
                ..gmail_like()
            }),
        ),
        // Connections that break or stall.
        scenario("drop_at_ehlo", p, fake(faulty(Fault::DropAt(Stage::Ehlo)))),
        scenario("drop_at_starttls", p, fake(faulty(Fault::DropAt(Stage::StartTls)))),
        scenario("drop_at_auth", p, fake(faulty(Fault::DropAt(Stage::Auth)))),
        scenario("drop_at_mail_from", p, fake(faulty(Fault::DropAt(Stage::MailFrom)))),
        scenario("drop_at_rcpt_to", p, fake(faulty(Fault::DropAt(Stage::RcptTo)))),
        scenario("drop_at_data", p, fake(faulty(Fault::DropAt(Stage::Data)))),
        scenario("drop_after_message", p, fake(faulty(Fault::DropAt(Stage::DataEnd)))),
        scenario("stall_at_ehlo", p, fake(faulty(Fault::StallAt(Stage::Ehlo)))).short_timeout(),
        scenario("stall_at_mail_from", p, fake(faulty(Fault::StallAt(Stage::MailFrom))))
            .short_timeout(),
        scenario("stall_after_message", p, fake(faulty(Fault::StallAt(Stage::DataEnd))))
            .short_timeout(),
        scenario(
            "slow_but_alive_replies",
            p,
            fake(faulty(Fault::SlowLines(std::time::Duration::from_millis(250)))),
        )
        .short_timeout(),
        scenario("nothing_listening", "no server", Endpoint::Refused),
        scenario("host_not_found", "no server", Endpoint::Unresolvable),
    ]
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
