//! Mail Settings Tester: the GUI-free core.
//!
//! Settings in `web.config` terms → an SMTP session on tokio that reports every step and every
//! transcript line as it happens → a plain-language diagnosis of any failure → the `web.config`
//! snippet that works. The `mailtester` CLI and the window are thin faces over this library.

pub mod arrive;
pub mod certificate;
pub mod checklist;
pub mod cli;
pub mod credentials;
pub mod diagnosis;
pub mod discover;
pub mod dns;
pub mod event;
pub mod files;
pub mod fleet;
#[cfg(feature = "gui")]
pub mod gui;
pub mod i18n;
pub mod inbox;
pub mod oauth;
pub mod outcome;
pub mod presets;
pub mod profiles;
pub mod providers;
pub mod reply;
pub mod report;
pub mod secret;
pub mod session;
pub mod settings;
pub mod snippet;
pub mod untrusted;
pub mod warning;
pub mod webconfig;
#[cfg(windows)]
pub mod win32;
pub mod words;

/// What the unit tests share.
#[cfg(test)]
mod fixtures {
    use crate::secret::Password;
    use crate::settings::Settings;

    /// A site that signs in to `smtp.example.com` on 587 (STARTTLS) as `site@example.com`.
    pub(crate) fn site_settings() -> Settings {
        Settings {
            host: "smtp.example.com".into(),
            port: 587,
            user_name: "site@example.com".into(),
            password: Password::new("pw"),
            from: "site@example.com".into(),
            ..Settings::default()
        }
    }
}
