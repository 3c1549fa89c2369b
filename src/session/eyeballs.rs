//! Connection attempts to the server's addresses, RFC 8305 style ("Happy Eyeballs"): the
//! address families take turns, an attempt without an answer after a short delay gets the next
//! address tried beside it, the first connection wins. Every attempt shows in the transcript.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::Duration;

use futures_util::stream::{FuturesUnordered, StreamExt as _};
use tokio::net::TcpStream;

use super::error::SessionError;
use super::recorder::Recorder;

/// RFC 8305's "Connection Attempt Delay": how long one attempt runs alone before the next
/// address is tried beside it.
const ATTEMPT_DELAY: Duration = Duration::from_millis(250);

/// The connection attempts of one session: which addresses, in what order, and how each went.
pub(super) struct Attempts {
    /// The addresses, in the order they are tried.
    pub order: Vec<SocketAddr>,
    /// How many have started.
    started: usize,
    /// Those that failed, and why.
    failed: Vec<(SocketAddr, std::io::Error)>,
}

impl Attempts {
    pub(super) fn new(addresses: &[SocketAddr]) -> Self {
        Self {
            order: interleave(addresses),
            started: 0,
            failed: Vec::new(),
        }
    }

    /// Runs the attempts until one connects (`Some`) or all have failed (`None`). Dropping the
    /// future drops every attempt still running.
    pub(super) async fn race(&mut self, rec: &mut Recorder<'_>) -> Option<(SocketAddr, TcpStream)> {
        let mut running = FuturesUnordered::new();
        let mut next = Some(String::new());
        loop {
            if let Some(why) = next.take()
                && let Some(&address) = self.order.get(self.started)
            {
                self.started += 1;
                rec.info(&format!("{why}trying {}", spoken(address)));
                running.push(async move { (address, TcpStream::connect(address).await) });
            }
            let more = self.started < self.order.len();
            tokio::select! {
                Some((address, result)) = running.next() => match result {
                    Ok(tcp) => return Some((address, tcp)),
                    Err(err) => {
                        rec.info(&format!("could not connect to {}: {}", spoken(address), said(&err)));
                        self.failed.push((address, err));
                        next = Some(String::new());
                    }
                },
                () = tokio::time::sleep(ATTEMPT_DELAY), if more => {
                    let waiting = self.order.get(self.started.saturating_sub(1)).copied();
                    next = Some(waiting.map_or_else(String::new, |address| format!(
                        "no answer from {} after {} ms, also ",
                        spoken(address),
                        ATTEMPT_DELAY.as_millis()
                    )));
                }
                else => return None,
            }
        }
    }

    /// Every attempt failed before the limit: refused when any address refused (something
    /// answered, and nothing listens on the port there), else the last failure.
    pub(super) fn all_failed(&self, rec: &mut Recorder<'_>) -> SessionError {
        self.list_tried(rec, &[]);
        if let Some(refused) = self.refused() {
            return refused;
        }
        match self.failed.last() {
            Some((address, err)) => SessionError::ConnectFailed {
                address: address.to_string(),
                detail: err.to_string(),
            },
            None => SessionError::ConnectFailed {
                address: String::new(),
                detail: crate::en!("no address to connect to").to_owned(),
            },
        }
    }

    /// The connect limit ran out: a refusal still wins (as in [`Attempts::all_failed`]), else
    /// it timed out on the first address that never answered.
    pub(super) fn out_of_time(&self, rec: &mut Recorder<'_>, limit: Duration) -> SessionError {
        let secs = limit.as_secs();
        let silent: Vec<SocketAddr> = self
            .order
            .iter()
            .take(self.started)
            .filter(|address| !self.failed.iter().any(|(failed, _)| failed == *address))
            .copied()
            .collect();
        let names: Vec<String> = silent.iter().map(|a| spoken(*a)).collect();
        rec.info(&if names.is_empty() {
            format!("no address of the server answered within {secs} s")
        } else {
            format!("no answer from {} within {secs} s", names.join(" or "))
        });
        self.list_tried(rec, &silent);
        if let Some(refused) = self.refused() {
            return refused;
        }
        let address = silent.first().or(self.order.first());
        SessionError::ConnectTimeout {
            address: address.map(ToString::to_string).unwrap_or_default(),
            secs,
        }
    }

    /// The refusal of the last address that refused, if any did.
    fn refused(&self) -> Option<SessionError> {
        self.failed
            .iter()
            .rev()
            .find(|(_, err)| err.kind() == ErrorKind::ConnectionRefused)
            .map(|(address, _)| SessionError::ConnectionRefused {
                address: address.to_string(),
            })
    }

    /// With several addresses, one line that lists each and how it went.
    fn list_tried(&self, rec: &mut Recorder<'_>, silent: &[SocketAddr]) {
        if self.order.len() < 2 {
            return;
        }
        let each: Vec<String> = self
            .order
            .iter()
            .map(|address| {
                let how = match self.failed.iter().find(|(failed, _)| failed == address) {
                    Some((_, err)) => said(err),
                    None if silent.contains(address) => "no answer".to_owned(),
                    None => "not tried in time".to_owned(),
                };
                format!("{} ({how})", spoken(*address))
            })
            .collect();
        rec.info(&format!(
            "no address of the server could be reached: {}",
            each.join(", ")
        ));
    }
}

/// `addresses` without repeats, the two families taking turns from the first one's (RFC 8305
/// section 4), each family in the order given (the resolver's preference).
fn interleave(addresses: &[SocketAddr]) -> Vec<SocketAddr> {
    let mut unique: Vec<SocketAddr> = Vec::with_capacity(addresses.len());
    for address in addresses {
        if !unique.contains(address) {
            unique.push(*address);
        }
    }
    let first_is_v6 = unique.first().is_some_and(SocketAddr::is_ipv6);
    let (first, second): (Vec<SocketAddr>, Vec<SocketAddr>) = unique
        .into_iter()
        .partition(|address| address.is_ipv6() == first_is_v6);
    let (mut first, mut second) = (first.into_iter(), second.into_iter());
    let mut order = Vec::with_capacity(addresses.len());
    loop {
        match (first.next(), second.next()) {
            (None, None) => return order,
            (one, other) => order.extend(one.into_iter().chain(other)),
        }
    }
}

/// `2001:db8::1 port 587`: an address as the transcript names it.
pub(super) fn spoken(address: SocketAddr) -> String {
    format!("{} port {}", address.ip(), address.port())
}

/// Why a connection attempt failed, in few words.
fn said(err: &std::io::Error) -> String {
    match err.kind() {
        ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_take_turns_from_the_first_ones() {
        let a = |text: &str| text.parse::<SocketAddr>().unwrap();
        let given = [
            a("[2001:db8::1]:587"),
            a("[2001:db8::2]:587"),
            a("[2001:db8::3]:587"),
            a("192.0.2.1:587"),
            a("[2001:db8::1]:587"),
        ];
        assert_eq!(
            interleave(&given),
            vec![
                a("[2001:db8::1]:587"),
                a("192.0.2.1:587"),
                a("[2001:db8::2]:587"),
                a("[2001:db8::3]:587"),
            ]
        );
        let v4_first = [a("192.0.2.1:25"), a("[::1]:25"), a("192.0.2.2:25")];
        assert_eq!(
            interleave(&v4_first),
            vec![a("192.0.2.1:25"), a("[::1]:25"), a("192.0.2.2:25")]
        );
        assert!(interleave(&[]).is_empty());
    }
}
