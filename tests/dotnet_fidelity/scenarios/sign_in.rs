//! Scenarios about signing in.

use super::*;

/// Signing in: wrong or missing credentials, and what each server family offers.
pub fn sign_in() -> Vec<Scenario> {
    use Creds::{None as NoCreds, Wrong};
    let p = "Postfix-like";
    vec![
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
    ]
}
