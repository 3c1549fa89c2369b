//! Provider presets: the server settings a site owner would otherwise have to look up.
//!
//! Every preset is chosen for ASP.NET (System.Net.Mail): port 587 with `enableSsl="true"`
//! (STARTTLS), never 465, which System.Net.Mail cannot use. The CLI (`--preset gmail`) and the
//! window's provider list share this table; [`for_host`] names the provider behind a host.

use serde::Serialize;

use crate::settings::Settings;

/// One mail provider's recommended settings and what a site owner must know about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Preset {
    /// The CLI name, lowercase (e.g. `gmail`).
    pub id: &'static str,
    /// The name shown to people (e.g. "Gmail / Google Workspace").
    pub name: &'static str,
    /// `<network host>`; empty only for "Other / my host".
    pub host: &'static str,
    /// `<network port>`: 587 wherever the provider supports it.
    pub port: u16,
    /// `<network enableSsl>`.
    pub enable_ssl: bool,
    /// What to type as the user name (e.g. "your full Gmail address").
    pub user_name_hint: &'static str,
    /// A user name that is always the same (`apikey` for the `sendgrid` preset).
    pub fixed_user_name: Option<&'static str>,
    /// One or two sentences a site owner understands.
    pub note: &'static str,
    /// Whether a website using System.Net.Mail can sign in at all.
    pub aspnet_ok: bool,
    /// Domains that identify the provider: a host matches when it equals one or ends with
    /// `.` + one. A `*` label matches any single label (`email-smtp.*.amazonaws.com`).
    pub host_suffixes: &'static [&'static str],
}

/// Every preset, most common first; "Other / my host" is last.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "gmail",
        name: "Gmail / Google Workspace",
        host: "smtp.gmail.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full Gmail address",
        fixed_user_name: None,
        note: "Gmail needs an app password: turn on 2-Step Verification, then create one at \
               myaccount.google.com/apppasswords and use it as the password. Your normal Google \
               password stopped working for this on 30 September 2024.",
        aspnet_ok: true,
        host_suffixes: &["gmail.com", "googlemail.com", "google.com"],
    },
    Preset {
        id: "microsoft365",
        name: "Microsoft 365 (business)",
        host: "smtp.office365.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full Microsoft 365 email address",
        fixed_user_name: None,
        note: "Your admin must switch on \"Authenticated SMTP\" (SMTP AUTH) for the organisation \
               and for this mailbox; it is off by default for organisations created after \
               January 2020. Microsoft will switch it off by default for existing organisations \
               at the end of December 2026 (admins can still switch it back on) and will announce \
               a final removal date in the second half of 2027.",
        aspnet_ok: true,
        host_suffixes: &["office365.com", "mail.protection.outlook.com"],
    },
    Preset {
        id: "outlook",
        name: "Outlook.com / Hotmail",
        host: "smtp-mail.outlook.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full Outlook.com or Hotmail address",
        fixed_user_name: None,
        note: "Since 16 September 2024 personal Outlook.com and Hotmail accounts no longer accept \
               a password for sending, only Microsoft's OAuth sign-in, which a web.config \
               website cannot do. Send your site's mail through another provider instead.",
        aspnet_ok: false,
        host_suffixes: &["outlook.com", "hotmail.com", "live.com"],
    },
    Preset {
        id: "yahoo",
        name: "Yahoo Mail",
        host: "smtp.mail.yahoo.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full Yahoo address",
        fixed_user_name: None,
        note: "Yahoo needs an app password: create one in your Yahoo account security settings \
               and use it as the password. Yahoo lists port 465, which ASP.NET cannot use, so \
               this uses 587.",
        aspnet_ok: true,
        host_suffixes: &["yahoo.com"],
    },
    Preset {
        id: "icloud",
        name: "iCloud Mail",
        host: "smtp.mail.me.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full iCloud address",
        fixed_user_name: None,
        note: "iCloud needs an app-specific password: turn on two-factor authentication for your \
               Apple Account, create one in its settings and use it as the password.",
        aspnet_ok: true,
        host_suffixes: &["me.com", "icloud.com"],
    },
    Preset {
        id: "zoho",
        name: "Zoho Mail",
        host: "smtp.zoho.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full Zoho address",
        fixed_user_name: None,
        note: "EU accounts use smtp.zoho.eu, and mail on your own domain may need smtppro.zoho.com. \
               With two-factor sign-in, use an app-specific password; port 465 will not work \
               from ASP.NET.",
        aspnet_ok: true,
        host_suffixes: &["zoho.com", "zoho.eu"],
    },
    Preset {
        id: "fastmail",
        name: "Fastmail",
        host: "smtp.fastmail.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full Fastmail address",
        fixed_user_name: None,
        note: "Fastmail needs an app password, created in your Fastmail settings. Fastmail \
               prefers port 465, which ASP.NET cannot use; 587 is supported and is the one to use \
               here.",
        aspnet_ok: true,
        host_suffixes: &["fastmail.com"],
    },
    Preset {
        id: "godaddy",
        name: "GoDaddy (Workspace email)",
        host: "smtpout.secureserver.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full email address",
        fixed_user_name: None,
        note: "Use your full email address and its mailbox password. GoDaddy lists port 465, \
               which ASP.NET cannot use, so this uses 587; if your GoDaddy email is a \
               Microsoft 365 plan, choose Microsoft 365 instead.",
        aspnet_ok: true,
        host_suffixes: &["secureserver.net"],
    },
    Preset {
        id: "ionos",
        name: "IONOS",
        host: "smtp.ionos.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full email address",
        fixed_user_name: None,
        note: "Use your full email address and its mailbox password. This is the US server; \
               use smtp.ionos.de or smtp.ionos.co.uk if your contract is in Germany or the UK.",
        aspnet_ok: true,
        host_suffixes: &["ionos.com", "ionos.de", "ionos.co.uk"],
    },
    Preset {
        id: "ovh",
        name: "OVHcloud (MX Plan)",
        host: "ssl0.ovh.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your full email address",
        fixed_user_name: None,
        note: "Always use ssl0.ovh.net, not mail.yourdomain or another alias: the server's \
               certificate is only valid for ssl0.ovh.net.",
        aspnet_ok: true,
        host_suffixes: &["ovh.net"],
    },
    Preset {
        id: "ses",
        name: "Amazon SES",
        host: "email-smtp.us-east-1.amazonaws.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your SES SMTP user name (not an IAM access key)",
        fixed_user_name: None,
        note: "Replace us-east-1 with the region of your SES account, and use the SMTP \
               credentials created in SES for that region, not IAM access keys. New accounts are \
               in the sandbox and can only send to verified addresses.",
        aspnet_ok: true,
        host_suffixes: &["email-smtp.*.amazonaws.com"],
    },
    Preset {
        id: "sendgrid",
        name: "SendGrid",
        host: "smtp.sendgrid.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: "apikey (literally)",
        fixed_user_name: Some("apikey"),
        note: "The user name is the word apikey, exactly; the password is your SendGrid API key. \
               The From address must be a verified sender in SendGrid.",
        aspnet_ok: true,
        host_suffixes: &["sendgrid.net"],
    },
    Preset {
        id: "mailgun",
        name: "Mailgun",
        host: "smtp.mailgun.org",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your domain's SMTP login, e.g. postmaster@mg.yourdomain.com",
        fixed_user_name: None,
        note: "Use the SMTP credentials of your sending domain in Mailgun, not your Mailgun \
               account password. EU accounts use smtp.eu.mailgun.org.",
        aspnet_ok: true,
        host_suffixes: &["mailgun.org"],
    },
    Preset {
        id: "postmark",
        name: "Postmark",
        host: "smtp.postmarkapp.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your Server API Token",
        fixed_user_name: None,
        note: "Use your Postmark Server API Token as both the user name and the password.",
        aspnet_ok: true,
        host_suffixes: &["postmarkapp.com"],
    },
    Preset {
        id: "brevo",
        name: "Brevo",
        host: "smtp-relay.brevo.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: "your Brevo SMTP login",
        fixed_user_name: None,
        note: "Use the SMTP login and an SMTP key from Brevo's SMTP settings as the password; \
               a Brevo API key will not work.",
        aspnet_ok: true,
        host_suffixes: &["brevo.com"],
    },
    Preset {
        id: "other",
        name: "Other / my host",
        host: "",
        port: 587,
        enable_ssl: true,
        user_name_hint: "usually your full email address",
        fixed_user_name: None,
        note: "Use the outgoing (SMTP) server your host or mail provider gives you, with port \
               587 and SSL on. Port 465 will not work from ASP.NET.",
        aspnet_ok: true,
        host_suffixes: &[],
    },
];

/// The preset with this id, ignoring case (`find("GMAIL")`).
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(id.trim()))
}

/// The provider behind a host name (`smtp.gmail.com` → Gmail), if we know it.
///
/// "Other / my host" never matches. When two presets could match, the earlier one wins.
pub fn for_host(host: &str) -> Option<&'static Preset> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    PRESETS.iter().find(|p| {
        (!p.host.is_empty() && p.host.eq_ignore_ascii_case(&host))
            || p.host_suffixes.iter().any(|s| suffix_matches(&host, s))
    })
}

/// Whether `host` (lowercase) is `pattern` or ends with `.` + `pattern`, `*` matching one label.
fn suffix_matches(host: &str, pattern: &str) -> bool {
    let mut host_labels = host.rsplit('.');
    pattern.rsplit('.').all(|want| {
        host_labels
            .next()
            .is_some_and(|got| !got.is_empty() && (want == "*" || want == got))
    })
}

impl Preset {
    /// Fills in the preset's server settings: host, port, `enableSsl` and, where the provider
    /// fixes it, the user name. The explicit security mode is cleared so that `enableSsl`
    /// decides, as it does on the website. A user name fixed by another preset (`apikey`) is
    /// cleared, because it would be wrong here.
    pub fn apply(&self, settings: &mut Settings) {
        self.host.clone_into(&mut settings.host);
        settings.port = u32::from(self.port);
        settings.enable_ssl = self.enable_ssl;
        settings.security = None;
        if let Some(user) = self.fixed_user_name {
            user.clone_into(&mut settings.user_name);
        } else if PRESETS
            .iter()
            .any(|p| p.fixed_user_name == Some(settings.user_name.as_str()))
        {
            settings.user_name.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::settings::Security;

    #[test]
    fn presets_are_usable_from_aspnet() {
        for p in PRESETS {
            assert_ne!(p.port, 465, "{}", p.id);
            assert!(p.aspnet_ok || p.id == "outlook", "{}", p.id);
            if p.aspnet_ok {
                assert!(p.enable_ssl, "{}", p.id);
            }
            assert!(
                !p.note.is_empty() && !p.user_name_hint.is_empty(),
                "{}",
                p.id
            );
            if p.id == "other" {
                assert!(p.host.is_empty() && p.host_suffixes.is_empty());
            } else {
                assert!(
                    !p.host.is_empty() && !p.host_suffixes.is_empty(),
                    "{}",
                    p.id
                );
                assert_eq!(
                    for_host(p.host),
                    Some(p),
                    "{} recognises its own host",
                    p.id
                );
            }
        }
        assert_eq!(PRESETS.last().map(|p| p.id), Some("other"));
    }

    #[test]
    fn ids_are_unique_and_lowercase() {
        let mut seen = HashSet::new();
        for p in PRESETS {
            assert!(seen.insert(p.id), "duplicate id {}", p.id);
            assert_eq!(p.id, p.id.to_ascii_lowercase());
            assert!(!p.id.contains(' '));
        }
    }

    #[test]
    fn find_ignores_case() {
        assert_eq!(find("GMAIL").map(|p| p.host), Some("smtp.gmail.com"));
        assert_eq!(find("Other").map(|p| p.id), Some("other"));
        assert_eq!(find("nope"), None);
    }

    #[test]
    fn for_host_recognises_providers() {
        let id = |h| for_host(h).map(|p| p.id);
        assert_eq!(id("smtp.gmail.com"), Some("gmail"));
        assert_eq!(id("SMTP.GMAIL.COM."), Some("gmail"));
        assert_eq!(id("email-smtp.eu-west-1.amazonaws.com"), Some("ses"));
        assert_eq!(id("ec2-1-2-3-4.compute-1.amazonaws.com"), None);
        assert_eq!(id("smtp.eu.mailgun.org"), Some("mailgun"));
        assert_eq!(
            id("contoso-com.mail.protection.outlook.com"),
            Some("microsoft365")
        );
        assert_eq!(id("smtp-mail.outlook.com"), Some("outlook"));
        assert_eq!(id("notgmail.com"), None);
        assert_eq!(id("mail.example.com"), None);
        assert_eq!(id(""), None);
    }

    #[test]
    fn apply_sets_server_settings() {
        let mut s = Settings {
            host: "old.example.com".into(),
            port: 465,
            enable_ssl: false,
            user_name: "shop@example.com".into(),
            security: Some(Security::ImplicitTls),
            ..Settings::default()
        };
        find("gmail").unwrap().apply(&mut s);
        assert_eq!(
            (s.host.as_str(), s.port, s.enable_ssl),
            ("smtp.gmail.com", 587, true)
        );
        assert_eq!(s.security, None);
        assert_eq!(s.user_name, "shop@example.com");

        find("sendgrid").unwrap().apply(&mut s);
        assert_eq!(s.user_name, "apikey");
        find("brevo").unwrap().apply(&mut s);
        assert_eq!(s.user_name, "");
    }
}
