//! Scenarios where the server refuses, is not a mail server, breaks or stalls.

use super::*;

/// EHLO and the greeting, from servers and from things that are not SMTP servers.
pub fn greeting() -> Vec<Scenario> {
    let p = "Postfix-like";
    vec![
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
        scenario(
            "silent_banner",
            p,
            fake(ServerConfig {
                banner: Banner::Silent,
                ..postfix_like()
            }),
        )
        .short_timeout(),
        scenario(
            "http_server",
            "web server",
            fake(ServerConfig {
                banner: Banner::Http,
                ..postfix_like()
            }),
        ),
        scenario(
            "garbage_banner",
            "not SMTP",
            fake(ServerConfig {
                banner: Banner::Garbage,
                ..postfix_like()
            }),
        ),
        scenario(
            "imap_banner",
            "Dovecot IMAP",
            fake(ServerConfig {
                banner: Banner::Lines(lines("* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.")),
                ..postfix_like()
            }),
        ),
    ]
}

/// The envelope and the message: refused senders, recipients and messages.
pub fn envelope() -> Vec<Scenario> {
    let p = "Postfix-like";
    vec![
        scenario(
            "recipient_unknown_550",
            p,
            fake(rcpt(
                "550 5.1.1 <user@test.example>: Recipient address rejected: User unknown in virtual mailbox table",
            )),
        ),
        scenario(
            "recipient_greylisted_450",
            p,
            fake(rcpt(
                "450 4.2.0 <user@test.example>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/",
            )),
        ),
        scenario(
            "recipient_quota_452",
            p,
            fake(rcpt("452 4.2.2 Mailbox full")),
        ),
        scenario(
            "recipient_not_allowed_553",
            p,
            fake(rcpt("553 5.7.1 Sender not permitted to relay")),
        ),
        scenario(
            "recipient_relay_554",
            p,
            fake(rcpt("554 5.7.1 Relay access denied")),
        ),
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
        // A local part outside ASCII: with its default DeliveryFormat (SevenBit) SmtpClient
        // throws before MAIL FROM, whatever the server offers.
        scenario("non_ascii_recipient_local_part", p, fake(postfix_like())).to("jörg@test.example"),
        scenario(
            "non_ascii_recipient_local_part_smtputf8_offered",
            p,
            fake(super::served::smtputf8_offered()),
        )
        .to("jörg@test.example"),
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
    ]
}

/// Connections that break or stall, and nothing to connect to.
pub fn broken() -> Vec<Scenario> {
    let p = "Postfix-like";
    vec![
        scenario("drop_at_ehlo", p, fake(faulty(Fault::DropAt(Stage::Ehlo)))),
        scenario(
            "drop_at_starttls",
            p,
            fake(faulty(Fault::DropAt(Stage::StartTls))),
        ),
        scenario("drop_at_auth", p, fake(faulty(Fault::DropAt(Stage::Auth)))),
        scenario(
            "drop_at_mail_from",
            p,
            fake(faulty(Fault::DropAt(Stage::MailFrom))),
        ),
        scenario(
            "drop_at_rcpt_to",
            p,
            fake(faulty(Fault::DropAt(Stage::RcptTo))),
        ),
        scenario("drop_at_data", p, fake(faulty(Fault::DropAt(Stage::Data)))),
        scenario(
            "drop_after_message",
            p,
            fake(faulty(Fault::DropAt(Stage::DataEnd))),
        ),
        scenario(
            "stall_at_ehlo",
            p,
            fake(faulty(Fault::StallAt(Stage::Ehlo))),
        )
        .short_timeout(),
        scenario(
            "stall_at_mail_from",
            p,
            fake(faulty(Fault::StallAt(Stage::MailFrom))),
        )
        .short_timeout(),
        scenario(
            "stall_after_message",
            p,
            fake(faulty(Fault::StallAt(Stage::DataEnd))),
        )
        .short_timeout(),
        scenario(
            "slow_but_alive_replies",
            p,
            fake(faulty(Fault::SlowLines(std::time::Duration::from_millis(
                250,
            )))),
        )
        .short_timeout(),
        scenario("nothing_listening", "no server", Endpoint::Refused),
        scenario("host_not_found", "no server", Endpoint::Unresolvable),
    ]
}
