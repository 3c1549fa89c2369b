//! [`Format`]: which program's configuration a snippet is written for.

use serde::{Deserialize, Serialize};

/// A configuration format the tested settings can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// ASP.NET (System.Net.Mail): the `<system.net><mailSettings>` block of `web.config`.
    #[default]
    WebConfig,
    /// PHP code using PHPMailer.
    PhpMailer,
    /// `WordPress` with the WP Mail SMTP plugin: constants in `wp-config.php`.
    WordPress,
    /// Laravel: `MAIL_` lines in `.env` (Laravel 10 and 11+ in one block).
    Laravel,
    /// Django: `EMAIL_` settings in `settings.py`.
    Django,
    /// Node.js with Nodemailer: the `createTransport` options.
    Nodemailer,
    /// Symfony Mailer: the `MAILER_DSN` line.
    Symfony,
    /// ASP.NET Core with MailKit: an `"Smtp"` section for `appsettings.json`.
    MailKit,
}

impl Format {
    /// Every format, `web.config` first (the order of the window's tabs and of `--format all`).
    pub const ALL: [Self; 8] = [
        Self::WebConfig,
        Self::PhpMailer,
        Self::WordPress,
        Self::Laravel,
        Self::Django,
        Self::Nodemailer,
        Self::Symfony,
        Self::MailKit,
    ];

    /// The CLI spelling (`mailtester snippet --format NAME`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::WebConfig => "webconfig",
            Self::PhpMailer => "phpmailer",
            Self::WordPress => "wordpress",
            Self::Laravel => "laravel",
            Self::Django => "django",
            Self::Nodemailer => "nodemailer",
            Self::Symfony => "symfony",
            Self::MailKit => "mailkit",
        }
    }

    /// The format whose CLI spelling is `name`.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.cli_name() == name)
    }

    /// A short name for a tab or a heading.
    pub fn label(self) -> &'static str {
        match self {
            Self::WebConfig => "web.config",
            Self::PhpMailer => "PHPMailer",
            Self::WordPress => "WordPress",
            Self::Laravel => "Laravel",
            Self::Django => "Django",
            Self::Nodemailer => "Node.js",
            Self::Symfony => "Symfony",
            Self::MailKit => "ASP.NET Core",
        }
    }

    /// Where the text goes ([`super::Snippet::platform`]).
    pub fn platform(self) -> &'static str {
        match self {
            Self::WebConfig => "web.config",
            Self::PhpMailer => crate::en!("PHP code"),
            Self::WordPress => "wp-config.php",
            Self::Laravel => ".env",
            Self::Django => "settings.py",
            Self::Nodemailer => "Nodemailer",
            Self::Symfony => ".env.local",
            Self::MailKit => "appsettings.json, MailKit",
        }
    }

    /// One sentence saying exactly where to paste the text.
    pub fn placement(self) -> &'static str {
        match self {
            Self::WebConfig => {
                crate::en!(
                    "Put it inside <configuration>. If a <system.net> block is already there, \
                     replace only the <mailSettings> block inside it and keep the rest (such as \
                     <defaultProxy>)."
                )
            }
            Self::PhpMailer => {
                crate::en!(
                    "Put this where your PHP code creates the PHPMailer object (PHPMailer 6.1 or \
                     newer: the ENCRYPTION_ constants arrived in 6.1), before $mail->send()."
                )
            }
            Self::WordPress => {
                crate::en!(
                    "Put this in wp-config.php above the line /* That's all, stop editing! */ (it \
                     needs the WP Mail SMTP plugin)."
                )
            }
            Self::Laravel => {
                crate::en!(
                    "Put this in the .env file at the root of your Laravel site, replacing the \
                     MAIL_ lines already there, then run php artisan config:clear."
                )
            }
            Self::Django => {
                crate::en!(
                    "Put this in your project's settings.py, replacing any EMAIL_ settings \
                     already there."
                )
            }
            Self::Nodemailer => {
                crate::en!(
                    "Put this where your Node.js code creates the Nodemailer transport, then send \
                     with transporter.sendMail({ to, subject, text })."
                )
            }
            Self::Symfony => {
                crate::en!(
                    "Put this line in .env.local (or set MAILER_DSN as an environment variable), \
                     replacing any MAILER_DSN already there."
                )
            }
            Self::MailKit => {
                crate::en!(
                    "Put the \"Smtp\" section into appsettings.json, next to the sections already \
                     there."
                )
            }
        }
    }

    /// A file name to suggest when saving the snippet.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::WebConfig => "web.config-mailSettings.xml",
            Self::PhpMailer => "phpmailer-smtp.php",
            Self::WordPress => "wp-config-smtp.php",
            Self::Laravel => "laravel-mail.env",
            Self::Django => "django-email-settings.py",
            Self::Nodemailer => "nodemailer-transport.js",
            Self::Symfony => "symfony-mailer.env",
            Self::MailKit => "appsettings.Smtp.json",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::from_cli_name(format.cli_name()), Some(format));
            let same_label = Format::ALL
                .iter()
                .filter(|f| f.label() == format.label())
                .count();
            assert_eq!(same_label, 1, "{format:?}");
        }
        assert_eq!(Format::ALL[0], Format::WebConfig);
        assert_eq!(Format::from_cli_name("all"), None);
    }

    #[test]
    fn serde_is_snake_case() {
        assert_eq!(
            serde_json::to_string(&Format::PhpMailer).unwrap_or_default(),
            "\"php_mailer\""
        );
        assert_eq!(
            serde_json::to_string(&Format::WebConfig).unwrap_or_default(),
            "\"web_config\""
        );
    }
}
