//! A scriptable, fault-injecting IMAP server on 127.0.0.1 for the inbox-check tests: implicit
//! TLS or STARTTLS with the test PKI, one user, folders with special-use flags, messages given
//! by a closure (so a test can serve what the fake SMTP server received), and faults no real
//! server does on demand (a stall after sign-in, an endless message, an SMTP greeting).
//!
//! Only what the inbox check sends is understood: CAPABILITY, STARTTLS, LOGIN, LIST, EXAMINE,
//! UID SEARCH HEADER Message-ID, UID FETCH … BODY.PEEK[], LOGOUT.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};
use tokio_rustls::TlsAcceptor;

use crate::support::pki::{CertKind, TestPki};
use crate::support::smtp_server::TestServer;

/// The one user.
pub const IMAP_USER: &str = "reader@test.example";
/// Its password: a quote and a backslash, which IMAP must escape.
pub const IMAP_PASSWORD: &str = "Imap&<\"pa\\ss word";

/// The messages of the mailbox: (folder, raw message), asked afresh on every search.
pub type Messages = Arc<dyn Fn() -> Vec<(String, Vec<u8>)> + Send + Sync>;

/// What the server does wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImapFault {
    /// Nothing.
    #[default]
    None,
    /// After a good sign-in, reads commands and never answers.
    StallAfterLogin,
    /// Answers every FETCH with a literal of 100 MB and keeps sending.
    EndlessMessage,
    /// Greets like an SMTP server (a user who gave the SMTP port).
    SmtpGreeting,
    /// Refuses a sign-in by repeating what the client sent, password and all.
    EchoLogin,
}

/// How the server behaves.
#[derive(Clone)]
pub struct ImapConfig {
    /// TLS from the first byte (else plain with STARTTLS).
    pub implicit_tls: bool,
    /// Whether STARTTLS is offered on the plain port.
    pub offer_starttls: bool,
    /// The folders: (name, LIST attributes such as `\Junk`).
    pub folders: Vec<(&'static str, &'static str)>,
    /// The mailbox contents.
    pub messages: Messages,
    /// What goes wrong.
    pub fault: ImapFault,
    /// The certificate presented.
    pub cert: CertKind,
}

impl Default for ImapConfig {
    fn default() -> Self {
        Self {
            implicit_tls: true,
            offer_starttls: true,
            folders: vec![
                ("INBOX", ""),
                ("Sent", "\\Sent"),
                ("Spam", "\\Junk"),
                ("Archive", ""),
            ],
            messages: Arc::new(Vec::new),
            fault: ImapFault::None,
            cert: CertKind::Valid,
        }
    }
}

/// A running fake IMAP server; stops when dropped.
pub struct ImapServer {
    addr: SocketAddr,
    commands: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

impl ImapServer {
    /// Binds 127.0.0.1 on an ephemeral port and serves `config`.
    pub async fn start(config: ImapConfig) -> ImapServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let commands = Arc::new(Mutex::new(Vec::new()));
        let tls = TlsAcceptor::from(TestPki::get().server_config(config.cert));
        let log = commands.clone();
        let task = tokio::spawn(async move {
            let mut connections = JoinSet::new();
            while let Ok((tcp, _)) = listener.accept().await {
                connections.spawn(serve(tcp, config.clone(), tls.clone(), log.clone()));
            }
        });
        ImapServer {
            addr,
            commands,
            task,
        }
    }

    /// A server whose `folder` holds every message `smtp` has received so far: the mailbox a
    /// test's message is delivered to.
    pub async fn delivering(smtp: &Arc<TestServer>, folder: &'static str) -> ImapServer {
        let received = smtp.clone();
        ImapServer::start(ImapConfig {
            messages: Arc::new(move || {
                received
                    .messages()
                    .into_iter()
                    .map(|m| (folder.to_owned(), m.into_bytes()))
                    .collect()
            }),
            ..ImapConfig::default()
        })
        .await
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every command line received, exactly as sent (the password included).
    pub fn commands(&self) -> Vec<String> {
        self.commands.lock().expect("lock").clone()
    }
}

impl Drop for ImapServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(tcp: TcpStream, config: ImapConfig, tls: TlsAcceptor, log: Arc<Mutex<Vec<String>>>) {
    if config.fault == ImapFault::SmtpGreeting {
        let mut tcp = tcp;
        let _ = tcp
            .write_all(b"220 mail.test.example ESMTP ready\r\n")
            .await;
        let _ = tokio::io::copy(&mut tcp, &mut tokio::io::sink()).await;
        return;
    }
    let greeting = if config.offer_starttls && !config.implicit_tls {
        "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] fake ready\r\n"
    } else {
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n"
    };
    if config.implicit_tls {
        let Ok(mut stream) = tls.accept(tcp).await else {
            return;
        };
        if stream.write_all(greeting.as_bytes()).await.is_ok() {
            commands(BufReader::new(stream), &config, &log).await;
        }
        return;
    }
    let mut plain = BufReader::new(tcp);
    if plain
        .get_mut()
        .write_all(greeting.as_bytes())
        .await
        .is_err()
    {
        return;
    }
    loop {
        let Some((tag, command, _)) = read_command(&mut plain, &log).await else {
            return;
        };
        let reply = match command.as_str() {
            "STARTTLS" if config.offer_starttls => {
                let _ = plain
                    .get_mut()
                    .write_all(format!("{tag} OK Begin TLS\r\n").as_bytes())
                    .await;
                let Ok(stream) = tls.accept(plain.into_inner()).await else {
                    return;
                };
                commands(BufReader::new(stream), &config, &log).await;
                return;
            }
            "LOGIN" => {
                format!("{tag} NO [PRIVACYREQUIRED] Plaintext authentication disallowed\r\n")
            }
            "LOGOUT" => format!("* BYE\r\n{tag} OK bye\r\n"),
            _ => format!("{tag} BAD Not before STARTTLS\r\n"),
        };
        if plain.get_mut().write_all(reply.as_bytes()).await.is_err() || command == "LOGOUT" {
            return;
        }
    }
}

async fn read_command<S: AsyncRead + Unpin>(
    stream: &mut BufReader<S>,
    log: &Mutex<Vec<String>>,
) -> Option<(String, String, String)> {
    let mut line = String::new();
    if stream.read_line(&mut line).await.ok()? == 0 {
        return None;
    }
    let line = line.trim_end().to_owned();
    log.lock().expect("lock").push(line.clone());
    let mut parts = line.splitn(3, ' ');
    let tag = parts.next()?.to_owned();
    let command = parts.next().unwrap_or_default().to_ascii_uppercase();
    let rest = parts.next().unwrap_or_default().to_owned();
    Some((tag, command, rest))
}

async fn commands<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: BufReader<S>,
    config: &ImapConfig,
    log: &Mutex<Vec<String>>,
) {
    let mut signed_in = false;
    let mut selected: Option<String> = None;
    while let Some((tag, command, rest)) = read_command(&mut stream, log).await {
        if signed_in && config.fault == ImapFault::StallAfterLogin {
            continue;
        }
        let reply = match command.as_str() {
            "CAPABILITY" => format!("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n"),
            "LOGIN" => {
                let args = strings(&rest);
                signed_in = args == [IMAP_USER, IMAP_PASSWORD];
                if signed_in {
                    format!("{tag} OK [CAPABILITY IMAP4rev1] Logged in\r\n")
                } else if config.fault == ImapFault::EchoLogin {
                    format!("{tag} NO [AUTHENTICATIONFAILED] Refused: {rest}\r\n")
                } else {
                    format!("{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
                }
            }
            _ if !signed_in => format!("{tag} BAD Sign in first\r\n"),
            "LIST" => {
                let mut out = String::new();
                for (name, attrs) in &config.folders {
                    let _ = write!(out, "* LIST (\\HasNoChildren {attrs}) \"/\" \"{name}\"\r\n");
                }
                let _ = write!(out, "{tag} OK List completed\r\n");
                out
            }
            "EXAMINE" | "SELECT" => {
                let name = strings(&rest).into_iter().next().unwrap_or_default();
                if config
                    .folders
                    .iter()
                    .any(|(f, _)| f.eq_ignore_ascii_case(&name))
                {
                    let count = in_folder(config, &name).len();
                    selected = Some(name);
                    format!("* {count} EXISTS\r\n* FLAGS ()\r\n{tag} OK [READ-ONLY] done\r\n")
                } else {
                    format!("{tag} NO Mailbox doesn't exist\r\n")
                }
            }
            "UID" => uid_command(&tag, &rest, config, selected.as_deref(), &mut stream).await,
            "LOGOUT" => {
                let _ = stream
                    .get_mut()
                    .write_all(format!("* BYE\r\n{tag} OK bye\r\n").as_bytes())
                    .await;
                return;
            }
            _ => format!("{tag} BAD Unknown command\r\n"),
        };
        if stream.get_mut().write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

async fn uid_command<S: AsyncRead + AsyncWrite + Unpin>(
    tag: &str,
    rest: &str,
    config: &ImapConfig,
    selected: Option<&str>,
    stream: &mut BufReader<S>,
) -> String {
    let Some(folder) = selected else {
        return format!("{tag} BAD Select a mailbox first\r\n");
    };
    let messages = in_folder(config, folder);
    let upper = rest.to_ascii_uppercase();
    if let Some(query) = upper.strip_prefix("SEARCH HEADER MESSAGE-ID ") {
        let wanted = strings(query).into_iter().next().unwrap_or_default();
        let hits: Vec<String> = messages
            .iter()
            .enumerate()
            .filter(|(_, raw)| has_message_id(raw, &wanted))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        return format!(
            "* SEARCH {}\r\n{tag} OK Search completed\r\n",
            hits.join(" ")
        );
    }
    if let Some(args) = upper.strip_prefix("FETCH ") {
        let uid: usize = args
            .split(' ')
            .next()
            .and_then(|u| u.parse().ok())
            .unwrap_or(0);
        if config.fault == ImapFault::EndlessMessage {
            let head = format!("* {uid} FETCH (UID {uid} BODY[] {{100000000}}\r\n");
            let _ = stream.get_mut().write_all(head.as_bytes()).await;
            let chunk = vec![b'x'; 64 * 1024];
            while stream.get_mut().write_all(&chunk).await.is_ok() {}
            return String::new();
        }
        let Some(raw) = uid.checked_sub(1).and_then(|i| messages.get(i)) else {
            return format!("{tag} OK Fetch completed\r\n");
        };
        let head = format!("* {uid} FETCH (UID {uid} BODY[] {{{}}}\r\n", raw.len());
        let _ = stream.get_mut().write_all(head.as_bytes()).await;
        let _ = stream.get_mut().write_all(raw).await;
        return format!(")\r\n{tag} OK Fetch completed\r\n");
    }
    format!("{tag} BAD Unknown UID command\r\n")
}

fn in_folder(config: &ImapConfig, folder: &str) -> Vec<Vec<u8>> {
    (config.messages)()
        .into_iter()
        .filter(|(f, _)| f.eq_ignore_ascii_case(folder))
        .map(|(_, raw)| raw)
        .collect()
}

fn has_message_id(raw: &[u8], wanted: &str) -> bool {
    let text = String::from_utf8_lossy(raw).to_ascii_lowercase();
    let wanted = wanted.to_ascii_lowercase();
    text.lines()
        .take_while(|line| !line.is_empty())
        .any(|line| line.starts_with("message-id:") && line.contains(&wanted))
}

/// The IMAP strings (quoted with escapes, or atoms) in `text`.
fn strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.trim().chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.extend(chars.next()),
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        } else {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                s.push(c);
                chars.next();
            }
            out.push(s);
        }
    }
    out
}
