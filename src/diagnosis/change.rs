//! A settings change the diagnosis proposes, which the user can apply and retry in one click.

use serde::Serialize;

use crate::settings::{Framework, Security, Settings, Target};

/// One field to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "field", content = "to", rename_all = "snake_case")]
pub enum Change {
    /// `port`.
    Port(u16),
    /// `enableSsl` (clears an explicit security choice so the two never disagree).
    EnableSsl(bool),
    /// An explicit connection security mode.
    Security(Security),
    /// `host`.
    Host(String),
    /// The program being imitated.
    Target(Target),
}

/// The set of changes that should fix the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuggestedChange {
    /// The changes, applied in order.
    pub changes: Vec<Change>,
}

impl SuggestedChange {
    /// A suggestion made of `changes`.
    pub fn new(changes: Vec<Change>) -> Self {
        Self { changes }
    }

    /// The settings with every change applied.
    pub fn apply(&self, settings: &Settings) -> Settings {
        let mut next = settings.clone();
        for change in &self.changes {
            match change {
                Change::Port(port) => next.port = u32::from(*port),
                Change::EnableSsl(on) => {
                    next.enable_ssl = *on;
                    next.security = None;
                }
                Change::Security(security) => {
                    next.security = Some(*security);
                    next.enable_ssl = *security == Security::StartTls;
                }
                Change::Host(host) => next.host.clone_from(host),
                Change::Target(target) => next.target = *target,
            }
        }
        next
    }

    /// Each change as `attribute: old → new`, for the "Apply fix" button and the CLI, named as
    /// the site names it (an ASP.NET Core site's `appsettings.json` has `Port` and
    /// `SecureSocketOptions`).
    pub fn describe(&self, settings: &Settings) -> Vec<String> {
        let core = settings.target == Target::DotNet && settings.framework == Framework::Core;
        let options = |on: bool| if on { "StartTls" } else { "None" };
        self.changes
            .iter()
            .map(|change| match change {
                Change::Port(port) if core => format!("Port: {} → {port}", settings.port),
                Change::Port(port) => format!("port: {} → {port}", settings.port),
                Change::EnableSsl(on) if core => format!(
                    "SecureSocketOptions: {} → {}",
                    options(settings.enable_ssl),
                    options(*on)
                ),
                Change::EnableSsl(on) => format!("enableSsl: {} → {on}", settings.enable_ssl),
                Change::Host(host) if core => format!("Host: {} → {host}", settings.host),
                Change::Security(security) => format!(
                    "security: {} → {}",
                    settings.effective_security().cli_name(),
                    security.cli_name()
                ),
                Change::Host(host) => format!("host: {} → {host}", settings.host),
                Change::Target(target) => {
                    format!("target: {:?} → {target:?}", settings.target)
                }
            })
            .collect()
    }

    /// The CLI flags that make the same change (for "run again with ...").
    pub fn cli_flags(&self) -> Vec<String> {
        self.changes
            .iter()
            .map(|change| match change {
                Change::Port(port) => format!("--port {port}"),
                Change::EnableSsl(on) => format!("--enable-ssl {on}"),
                Change::Security(security) => format!("--security {}", security.cli_name()),
                Change::Host(host) => format!("--host {host}"),
                Change::Target(Target::DotNet) => "--target dotnet".to_owned(),
                Change::Target(Target::Generic) => "--target generic".to_owned(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enable_ssl_and_port_apply_and_describe() {
        let settings = Settings {
            host: "smtp.example.com".into(),
            port: 25,
            enable_ssl: false,
            security: Some(Security::None),
            ..Settings::default()
        };
        let change = SuggestedChange::new(vec![Change::EnableSsl(true), Change::Port(587)]);
        assert_eq!(
            change.describe(&settings),
            vec!["enableSsl: false → true", "port: 25 → 587"]
        );
        let next = change.apply(&settings);
        assert!(next.enable_ssl);
        assert_eq!(next.port, 587);
        assert_eq!(next.effective_security(), Security::StartTls);
        assert_eq!(change.cli_flags(), vec!["--enable-ssl true", "--port 587"]);
    }
}
