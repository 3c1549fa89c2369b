//! An SMTP server whose STARTTLS speaks only TLS 1.0/1.1: a real TLS stack (Python's `ssl` on
//! OpenSSL, `tests/fixtures/servers/old_tls_smtp.py`), since rustls cannot serve TLS 1.0.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The Python server; killed when dropped.
pub struct OldServer(Child);

impl Drop for OldServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The old-TLS server: the one named by `MAILTESTER_OLD_TLS_SERVER` (`127.0.0.1:PORT`, started
/// by scripts/windows.sh on the Linux side for the Windows build under Wine, which cannot start
/// python3), or our own python3 child.
pub fn old_server(dir: &Path) -> (Option<OldServer>, u16) {
    if let Ok(address) = std::env::var("MAILTESTER_OLD_TLS_SERVER") {
        let port = address
            .rsplit(':')
            .next()
            .and_then(|port| port.parse().ok())
            .expect("MAILTESTER_OLD_TLS_SERVER is 127.0.0.1:PORT");
        return (None, port);
    }
    let (server, port) = start_old_server(dir);
    (Some(server), port)
}

/// Starts our own python3 old-TLS server with a fresh self-signed certificate for `localhost`
/// in `dir` (`dir/cert.pem`, which a client must trust).
pub fn start_old_server(dir: &Path) -> (OldServer, u16) {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/servers/old_tls_smtp.py");
    let mut child = Command::new("python3")
        .arg(script)
        .arg(&cert)
        .arg(&key)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs the old-TLS server (or set MAILTESTER_OLD_TLS_SERVER)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line.trim().parse().expect("the server prints its port");
    (OldServer(child), port)
}
