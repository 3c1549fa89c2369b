//! Scenarios where the server answers as a mail server should: accepted messages and
//! encryption.

use super::*;

/// What works: messages the server accepts.
pub fn works() -> Vec<Scenario> {
    use Creds::None as NoCreds;
    let p = "Postfix-like";
    vec![
        scenario("starttls_login_sent", p, fake(postfix_like())),
        scenario("machine_name_in_ehlo", p, fake(postfix_like())).machine_name(),
        // System.Net.Mail sends clientDomain as typed, a bare IP address too (`EHLO 192.0.2.1`),
        // not the address literal RFC 5321 asks for; the ASP.NET target copies that.
        Scenario {
            client_domain: Some("192.0.2.1"),
            ..scenario("ip_address_client_domain", p, fake(postfix_like()))
        },
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
                banner: Banner::Lines(lines("220-fake.test ESMTP FakeSMTP\n220-No UCE\n220 ready")),
                ..postfix_like()
            }),
        ),
        scenario(
            "relay_after_sign_in",
            p,
            fake(ServerConfig {
                relay_requires_auth: true,
                ..postfix_like()
            }),
        )
        .to(ELSEWHERE),
        scenario(
            "rcpt_251_will_forward",
            p,
            fake(rcpt("251 2.1.5 User not local; will forward")),
        ),
        // An international domain goes out in its ASCII (xn--) form.
        scenario("idn_recipient_domain_punycode", p, fake(postfix_like()))
            .to("kunde@bücher.example"),
        scenario(
            "idn_recipient_domain_smtputf8_offered",
            p,
            fake(smtputf8_offered()),
        )
        .to("kunde@bücher.example"),
    ]
}

/// A server that offers SMTPUTF8 (international addresses, RFC 6531).
pub fn smtputf8_offered() -> ServerConfig {
    ServerConfig {
        ehlo_extra: vec!["SMTPUTF8".into()],
        ..postfix_like()
    }
}

/// Encryption: `enableSsl`, STARTTLS and certificates.
pub fn encryption() -> Vec<Scenario> {
    let p = "Postfix-like";
    vec![
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
    ]
}
