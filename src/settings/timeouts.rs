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
    /// Waiting for the reply to the final `.` of the message, when the server checks the whole
    /// message (for spam and viruses) before it answers. RFC 5321 (4.5.3.2.6) suggests 10
    /// minutes; the whole-test limit still bounds it. ASP.NET has no such limit of its own: its
    /// one `Timeout` covers the whole send, so for the ASP.NET target only the whole-test limit
    /// applies (see `Session::send_message`).
    #[serde(default = "default_final_reply_secs")]
    pub final_reply_secs: u64,
}

fn default_total_secs() -> u64 {
    120
}

/// Longer than a command's limit, and within the default whole-test limit so that it is the
/// limit that actually applies.
fn default_final_reply_secs() -> u64 {
    90
}

/// The longest limit a setting may ask for (the settings' check refuses more).
const MAX_SECS: u64 = 600;

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect_secs: 10,
            greeting_secs: 10,
            command_secs: 30,
            total_secs: default_total_secs(),
            final_reply_secs: default_final_reply_secs(),
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
            final_reply_secs: secs,
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

    /// The limit for the reply to the message's final `.` as a [`Duration`], between 1 s and
    /// 10 minutes whatever a saved profile says.
    pub fn final_reply(&self) -> Duration {
        Duration::from_secs(self.final_reply_secs.clamp(1, MAX_SECS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_saved_before_the_final_reply_limit_still_loads() {
        let old = r#"{"connect_secs":5,"greeting_secs":6,"command_secs":7,"total_secs":80}"#;
        let timeouts: Timeouts = serde_json::from_str(old).unwrap();
        assert_eq!(timeouts.command_secs, 7);
        assert_eq!(timeouts.final_reply_secs, default_final_reply_secs());
        assert!(timeouts.final_reply() > timeouts.command());
    }

    #[test]
    fn the_final_reply_waits_longer_than_a_command_by_default() {
        let timeouts = Timeouts::default();
        assert!(timeouts.final_reply() > timeouts.command());
        assert!(timeouts.final_reply() <= timeouts.total());
        assert_eq!(Timeouts::uniform(4).final_reply(), Duration::from_secs(4));
        let zero = Timeouts {
            final_reply_secs: 0,
            ..Timeouts::default()
        };
        assert_eq!(zero.final_reply(), Duration::from_secs(1));
    }
}
