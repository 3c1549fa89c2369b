//! Ready-to-paste configuration for settings that work: the `web.config` block, and the same
//! tested settings for PHPMailer, `WordPress`, Laravel, Django, Nodemailer, Symfony and MailKit.
//!
//! Every value is escaped for its language, and the password is [`PASSWORD_PLACEHOLDER`]
//! unless the user asks for the real one.

mod django;
mod escape;
mod format;
mod laravel;
mod mailkit;
mod nodemailer;
mod oauth;
mod parts;
mod phpmailer;
mod symfony;
mod web_config;
mod wordpress;

use serde::Serialize;

pub use format::Format;
pub use oauth::{
    CLIENT_ID_PLACEHOLDER, CLIENT_SECRET_PLACEHOLDER, MAILBOX_PLACEHOLDER, OAuthApp,
    REFRESH_TOKEN_PLACEHOLDER, SetupStep, TENANT_PLACEHOLDER, microsoft_app_setup, render_oauth,
};
pub use web_config::web_config;

use crate::settings::Settings;

/// What goes in place of the password unless the user asks for the real one.
pub const PASSWORD_PLACEHOLDER: &str = "YOUR-PASSWORD-HERE";

/// A block of configuration text and what to know before pasting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The format it is written in.
    pub format: Format,
    /// Which file it is for (e.g. `web.config`).
    pub platform: String,
    /// The text to paste.
    pub text: String,
    /// Things the user must know: where it goes, a changed port, an unencrypted connection, ...
    pub warnings: Vec<String>,
    /// Whether the real password is in `text`.
    pub includes_password: bool,
}

/// The tested settings written as `format`.
///
/// `web.config` never uses port 465 (System.Net.Mail cannot do SSL on connect); every other
/// format keeps the tested port and security, including SSL on connect on 465.
pub fn render(format: Format, settings: &Settings, include_password: bool) -> Snippet {
    match format {
        Format::WebConfig => web_config(settings, include_password),
        Format::PhpMailer => phpmailer::render(settings, include_password),
        Format::WordPress => wordpress::render(settings, include_password),
        Format::Laravel => laravel::render(settings, include_password),
        Format::Django => django::render(settings, include_password),
        Format::Nodemailer => nodemailer::render(settings, include_password),
        Format::Symfony => symfony::render(settings, include_password),
        Format::MailKit => mailkit::render(settings, include_password),
    }
}

impl Snippet {
    /// A snippet of `format` from its text and the common parts' flags and warnings.
    fn from_parts(format: Format, text: String, parts: parts::Parts<'_>) -> Self {
        Self {
            format,
            platform: format.platform().to_owned(),
            text,
            warnings: parts.warnings,
            includes_password: parts.includes_password,
        }
    }
}

/// The format a site most likely needs: web.config, except for ASP.NET Core sites, which read
/// `appsettings.json` (MailKit) instead.
pub fn default_format(settings: &Settings) -> Format {
    if settings.target == crate::settings::Target::DotNet
        && settings.framework == crate::settings::Framework::Core
    {
        Format::MailKit
    } else {
        Format::WebConfig
    }
}
