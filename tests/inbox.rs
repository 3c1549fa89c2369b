//! "Did it land?" against our scriptable IMAP server (`support/imap_server.rs`): where the
//! message is found and how that is said (`engine`), the receiving server's checks and our own
//! DKIM verification against keys in our test DNS server, servers that misbehave (`faults`),
//! and `send --check-inbox` as a user runs it, the IMAP server serving what our SMTP server
//! received (`send`). The same check against the real Dovecot is in `tests/postfix.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "inbox/engine.rs"]
mod engine;
#[path = "inbox/faults.rs"]
mod faults;
#[path = "inbox/send.rs"]
mod send;

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use base64::Engine as _;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter as _;
use mail_auth::dkim::DkimSigner;
use mail_settings_tester::event::TranscriptLine;
use mail_settings_tester::inbox::{
    InboxError, InboxReport, InboxRequest, LineSink, MailboxAddress, check_inbox,
};
use mail_settings_tester::secret::Password;
use support::dns_server::{DnsServer, Rec};
use support::imap_server::{IMAP_PASSWORD, IMAP_USER, ImapServer};
use support::pki::TestPki;
use tokio_util::sync::CancellationToken;

/// The From domain of the test messages, and the DKIM selector its key is published under.
const DOMAIN: &str = "shop.example";
const SELECTOR: &str = "sel";

/// The test DKIM key (PKCS#8), made once.
fn dkim_key() -> &'static [u8] {
    static KEY: OnceLock<Vec<u8>> = OnceLock::new();
    KEY.get_or_init(|| Ed25519Key::generate_pkcs8().unwrap())
}

/// A DNS server publishing the test key for `shop.example`.
async fn dns_with_key() -> DnsServer {
    let key = Ed25519Key::from_pkcs8_der(dkim_key()).unwrap();
    let public = base64::engine::general_purpose::STANDARD.encode(key.public_key());
    let record: &'static str =
        Box::leak(format!("v=DKIM1; k=ed25519; p={public}").into_boxed_str());
    DnsServer::start(&[Rec::Txt("sel._domainkey.shop.example", record)]).await
}

/// A message from info@shop.example with `message_id`, as a mail client would find it.
fn message(message_id: &str) -> Vec<u8> {
    format!(
        "From: Shop <info@{DOMAIN}>\r\nTo: {IMAP_USER}\r\nSubject: Mail Settings Tester\r\n\
         Date: Mon, 30 Nov 2026 09:00:00 +0000\r\nMessage-ID: {message_id}\r\n\r\n\
         This is a test message.\r\n"
    )
    .into_bytes()
}

/// `raw` with a DKIM-Signature of the test key for shop.example on top.
fn signed(raw: &[u8]) -> Vec<u8> {
    let key = Ed25519Key::from_pkcs8_der(dkim_key()).unwrap();
    let signature = DkimSigner::from_key(key)
        .domain(DOMAIN)
        .selector(SELECTOR)
        .headers(["From", "To", "Subject", "Message-ID"])
        .sign(raw)
        .unwrap();
    [signature.to_header().into_bytes(), raw.to_vec()].concat()
}

/// `raw` as the receiving server stores it: its Received and Authentication-Results on top.
fn received(raw: &[u8], results: &str) -> Vec<u8> {
    let head = format!(
        "Authentication-Results: mx.test.example;\r\n\t{results}\r\n\
         Received: from mail.shop.example by mx.test.example; Mon, 30 Nov 2026 09:00:01 +0000\r\n"
    );
    [head.into_bytes(), raw.to_vec()].concat()
}

/// A mailbox holding `messages` (folder, raw), fixed.
fn holding(messages: Vec<(&str, Vec<u8>)>) -> support::imap_server::Messages {
    let messages: Vec<(String, Vec<u8>)> = messages
        .into_iter()
        .map(|(folder, raw)| (folder.to_owned(), raw))
        .collect();
    Arc::new(move || messages.clone())
}

/// A request for `message_id` at `server` (implicit TLS unless `scheme` says otherwise), with
/// short waits for tests.
fn request(server: &ImapServer, scheme: &str, message_id: &str) -> InboxRequest {
    let url = format!("{scheme}://{IMAP_USER}@localhost:{}", server.port());
    let mut request = InboxRequest::new(
        MailboxAddress::parse(&url).unwrap(),
        Password::new(IMAP_PASSWORD),
        message_id,
    );
    request.ca_pem = Some(std::fs::read(TestPki::get().ca_pem_path()).unwrap());
    request.wait = Duration::from_secs(3);
    request.poll_every = Duration::from_millis(50);
    request.step_limit = Duration::from_secs(5);
    request
}

/// Runs the check, collecting the lines its sink saw.
async fn run(
    request: InboxRequest,
    cancel: CancellationToken,
) -> (Result<InboxReport, InboxError>, Vec<TranscriptLine>) {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let seen = lines.clone();
    let sink: LineSink = Arc::new(move |line: &TranscriptLine| {
        seen.lock().unwrap().push(line.clone());
    });
    let result = check_inbox(request, sink, cancel).await;
    let lines = lines.lock().unwrap().clone();
    (result, lines)
}

/// Every form in which the IMAP password could leak into a text.
fn password_forms() -> Vec<String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    vec![
        IMAP_PASSWORD.to_owned(),
        "pa\\\\ss word".to_owned(),
        "Imap&<\\\"pa".to_owned(),
        b64.encode(IMAP_PASSWORD),
        b64.encode(format!("\0{IMAP_USER}\0{IMAP_PASSWORD}")),
    ]
}

/// Asserts that no line carries the password in any form.
fn assert_no_password(lines: &[TranscriptLine]) {
    for line in lines {
        for form in password_forms() {
            assert!(!line.text.contains(&form), "password in: {}", line.text);
        }
    }
}
