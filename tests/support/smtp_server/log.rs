//! What the fake server observed, shared between its tasks and the test, with waiting helpers.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::Notify;

/// Everything the server has seen so far, across connections.
#[derive(Debug, Default, Clone)]
pub struct Record {
    /// Every line the client sent outside message bodies, as received (AUTH responses included).
    pub commands: Vec<String>,
    /// Every complete message body received via DATA, dot-unstuffed, lines ending in CRLF.
    pub messages: Vec<String>,
    /// The mechanism of every AUTH command, upper-cased.
    pub auth_mechanisms: Vec<String>,
    /// Connections accepted.
    pub connections: usize,
    /// Connections whose handling has ended (socket closed by the server side).
    pub closed: usize,
    /// Successful TLS handshakes (implicit or after STARTTLS).
    pub tls_handshakes: usize,
}

/// The observation log: a [`Record`] behind a mutex plus a notification on every change.
#[derive(Debug, Default)]
pub struct Observations {
    record: Mutex<Record>,
    changed: Notify,
}

impl Observations {
    /// Changes the record and wakes every waiter.
    pub fn update(&self, change: impl FnOnce(&mut Record)) {
        change(&mut self.lock());
        self.changed.notify_waiters();
    }

    /// Reads from the record.
    pub fn read<T>(&self, read: impl FnOnce(&Record) -> T) -> T {
        read(&self.lock())
    }

    /// Resolves `true` as soon as `condition` holds, or `false` once `timeout` has passed.
    pub async fn wait_until(&self, timeout: Duration, condition: impl Fn(&Record) -> bool) -> bool {
        let wait = async {
            loop {
                let notified = self.changed.notified();
                tokio::pin!(notified);
                // Register before checking so a change between check and await is not missed.
                notified.as_mut().enable();
                if self.read(&condition) {
                    return;
                }
                notified.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.is_ok()
    }

    fn lock(&self) -> MutexGuard<'_, Record> {
        self.record.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
