//! "Did it land?" against the real thing: Postfix delivers into maildirs, Dovecot serves them
//! over IMAP (implicit TLS and STARTTLS), mail for junk@ lands in user@'s Junk folder, and a
//! DKIM-signed message keeps a valid signature through Postfix's delivery.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter as _;
use mail_auth::dkim::DkimSigner;
use mail_settings_tester::inbox::{
    InboxError, InboxReport, InboxRequest, InboxVerdict, MailboxAddress, Placement, check_inbox,
};
use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::Settings;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

use super::support::dns_server::{DnsServer, Rec};
use super::{PASSWORD, Postfix, USER, run};

/// A check of user@test.example's mailbox on the port under `port_key`, for `message_id`.
fn request(postfix: &Postfix, scheme: &str, port_key: &str, message_id: &str) -> InboxRequest {
    let url = format!(
        "{scheme}://{USER}@{}:{}",
        postfix.var("MAILTESTER_POSTFIX_HOST"),
        postfix.var(port_key)
    );
    let mut request = InboxRequest::new(
        MailboxAddress::parse(&url).unwrap(),
        Password::new(PASSWORD),
        message_id,
    );
    request.ca_pem = Some(std::fs::read(postfix.var("MAILTESTER_POSTFIX_CA")).unwrap());
    request.wait = Duration::from_secs(20);
    request.poll_every = Duration::from_millis(100);
    request
}

/// [`request`] over implicit TLS.
fn imaps(postfix: &Postfix, message_id: &str) -> InboxRequest {
    request(
        postfix,
        "imaps",
        "MAILTESTER_POSTFIX_IMAPS_PORT",
        message_id,
    )
}

async fn look(request: InboxRequest) -> Result<InboxReport, InboxError> {
    check_inbox(request, Arc::new(|_| {}), CancellationToken::new()).await
}

/// Sends the test message to `to` through the submission port; its Message-ID.
async fn send_to(postfix: &Postfix, to: &str) -> String {
    let settings = Settings {
        to: to.to_owned(),
        ..postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT")
    };
    let report = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    report.message_id.expect("a sent message has a Message-ID")
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn the_delivered_message_is_found_in_dovecots_inbox_over_imaps_and_starttls() {
    let postfix = Postfix::get();
    let id = send_to(&postfix, USER).await;
    let report = look(imaps(&postfix, &id)).await.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InInbox, "{report:#?}");
    let arrival = report.arrival.as_ref().unwrap();
    assert_eq!(arrival.folder, "INBOX");
    assert!(
        report.folders_searched.iter().any(|f| f == "Junk"),
        "{:?}",
        report.folders_searched
    );
    let banner = &report
        .transcript
        .iter()
        .find(|l| l.text.starts_with("* OK"))
        .unwrap()
        .text;
    assert!(banner.contains("Dovecot"), "{banner}");
    for form in Password::new(PASSWORD).wire_forms(USER) {
        let transcript = serde_json::to_string(&report.transcript).unwrap();
        assert!(
            !transcript.contains(&form),
            "the password is in the transcript"
        );
    }
    // The same message over STARTTLS on the other port.
    let report = look(request(
        &postfix,
        "imap",
        "MAILTESTER_POSTFIX_IMAP_PORT",
        &id,
    ))
    .await
    .unwrap();
    assert_eq!(report.verdict, InboxVerdict::InInbox, "{report:#?}");
    let starttls = report
        .transcript
        .iter()
        .position(|l| l.text == "A0 STARTTLS")
        .unwrap();
    assert!(!report.transcript[starttls].encrypted);
    assert!(
        report.transcript[starttls + 2..]
            .iter()
            .all(|l| l.encrypted || l.text.starts_with("Encrypted"))
    );
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn mail_that_lands_in_the_junk_folder_is_reported_as_spam() {
    let postfix = Postfix::get();
    let id = send_to(&postfix, postfix.var("MAILTESTER_POSTFIX_JUNK_RCPT")).await;
    let report = look(imaps(&postfix, &id)).await.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InJunk, "{report:#?}");
    let arrival = report.arrival.unwrap();
    assert_eq!(
        (arrival.folder.as_str(), arrival.placement),
        ("Junk", Placement::Junk)
    );
    assert!(
        report.verdict_text.contains("spam folder \"Junk\""),
        "{}",
        report.verdict_text
    );
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn a_dkim_signature_still_holds_after_postfix_delivered_the_message() {
    let postfix = Postfix::get();
    let pkcs8 = Ed25519Key::generate_pkcs8().unwrap();
    let key = Ed25519Key::from_pkcs8_der(&pkcs8).unwrap();
    let public = base64::engine::general_purpose::STANDARD.encode(key.public_key());
    let record: &'static str =
        Box::leak(format!("v=DKIM1; k=ed25519; p={public}").into_boxed_str());
    let dns = DnsServer::start(&[Rec::Txt("pf._domainkey.shop.example", record)]).await;
    let id = format!("<dkim.{}@shop.example>", std::process::id());
    let raw = format!(
        "From: Shop <info@shop.example>\r\nTo: {USER}\r\nSubject: Signed\r\n\
         Message-ID: {id}\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n\
         A signed message.\r\n.leading dot, stuffed on the wire\r\n"
    );
    let signature = DkimSigner::from_key(key)
        .domain("shop.example")
        .selector("pf")
        .headers(["From", "To", "Subject", "Message-ID", "Date"])
        .sign(raw.as_bytes())
        .unwrap();
    let message = signature.to_header() + &raw;
    let plain_port = postfix.var("MAILTESTER_POSTFIX_PLAIN_PORT");
    smtp_deliver(&format!("127.0.0.1:{plain_port}"), USER, &message).await;
    let mut request = imaps(&postfix, &id);
    request.dns_server = Some(dns.addr());
    let report = look(request).await.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InInbox, "{report:#?}");
    let arrival = report.arrival.unwrap();
    assert_eq!(arrival.dkim.len(), 1, "{:#?}", arrival.dkim);
    assert!(
        arrival.dkim[0].valid && arrival.dkim[0].aligned,
        "{:#?}",
        arrival.dkim
    );
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn dovecot_refuses_a_wrong_password_and_we_say_so() {
    let postfix = Postfix::get();
    let mut request = imaps(&postfix, "<x@y>");
    request.password = Password::new("wrong-password");
    let err = look(request).await.unwrap_err();
    assert!(matches!(err, InboxError::SignIn { .. }), "{err:?}");
    assert!(err.to_string().contains("AUTHENTICATIONFAILED"), "{err}");
}

/// Hands `message` to the SMTP server at `addr` for `to` (no TLS, no AUTH: Postfix's MX-style
/// port takes mail for its own domain), dot-stuffing it as SMTP requires.
async fn smtp_deliver(addr: &str, to: &str, message: &str) {
    let stream = TcpStream::connect(addr).await.unwrap();
    let mut stream = BufReader::new(stream);
    let expect = async |stream: &mut BufReader<TcpStream>, code: &str| loop {
        let mut line = String::new();
        stream.read_line(&mut line).await.unwrap();
        assert!(line.starts_with(code), "expected {code}, got {line:?}");
        if line.as_bytes().get(3) != Some(&b'-') {
            break;
        }
    };
    expect(&mut stream, "220").await;
    let stuffed: String = message
        .split_inclusive("\r\n")
        .map(|line| {
            if line.starts_with('.') {
                format!(".{line}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    for (command, code) in [
        ("EHLO tester.example\r\n".to_owned(), "250"),
        ("MAIL FROM:<info@shop.example>\r\n".to_owned(), "250"),
        (format!("RCPT TO:<{to}>\r\n"), "250"),
        ("DATA\r\n".to_owned(), "354"),
        (format!("{stuffed}.\r\n"), "250"),
        ("QUIT\r\n".to_owned(), "221"),
    ] {
        stream
            .get_mut()
            .write_all(command.as_bytes())
            .await
            .unwrap();
        expect(&mut stream, code).await;
    }
}
