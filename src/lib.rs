//! Mail Settings Tester: the GUI-free core.
//!
//! Settings in `web.config` terms → an SMTP session on tokio that reports every step and every
//! transcript line as it happens → a plain-language diagnosis of any failure → the `web.config`
//! snippet that works. The `mailtester` CLI and the window are thin faces over this library.

pub mod certificate;
pub mod cli;
pub mod credentials;
pub mod diagnosis;
pub mod event;
pub mod files;
#[cfg(feature = "gui")]
pub mod gui;
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
pub mod webconfig;
