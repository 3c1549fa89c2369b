//! How long each network wait of a test may last.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How long each wait may last. Every network wait in a session is bounded by one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeouts {
    /// Resolving the host name and opening the TCP connection.
    pub connect_secs: u64,
    /// Waiting for the server's `220` greeting.
    pub greeting_secs: u64,
    /// Waiting for the reply to any single command (and for a TLS handshake).
    pub command_secs: u64,
    /// The whole test, however slowly but steadily the server answers (System.Net.Mail's
    /// `Timeout` is such a limit too).
    #[serde(default = "default_total_secs")]
    pub total_secs: u64,
}

fn default_total_secs() -> u64 {
    120
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect_secs: 10,
            greeting_secs: 10,
            command_secs: 30,
            total_secs: default_total_secs(),
        }
    }
}

impl Timeouts {
    /// The same limit for every wait and for the whole test (the CLI's `--timeout`).
    pub fn uniform(secs: u64) -> Self {
        Self {
            connect_secs: secs,
            greeting_secs: secs,
            command_secs: secs,
            total_secs: secs,
        }
    }

    /// The whole-test limit as a [`Duration`].
    pub fn total(&self) -> Duration {
        Duration::from_secs(self.total_secs)
    }

    /// Connect limit as a [`Duration`].
    pub fn connect(&self) -> Duration {
        Duration::from_secs(self.connect_secs)
    }

    /// Greeting limit as a [`Duration`].
    pub fn greeting(&self) -> Duration {
        Duration::from_secs(self.greeting_secs)
    }

    /// Per-command limit as a [`Duration`].
    pub fn command(&self) -> Duration {
        Duration::from_secs(self.command_secs)
    }
}
