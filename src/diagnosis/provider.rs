//! Mail providers we recognise, as data: how to spot them (host name, greeting, reply text) and
//! what they need that a site owner would not guess (app passwords, special user names).

/// What we know about one mail provider.
#[derive(Debug)]
pub(super) struct Provider {
    /// The name a site owner knows it by.
    pub(super) name: &'static str,
    /// Host names (`smtp.gmail.com` matches `gmail.com`); one `*` matches anything in between.
    hosts: &'static [&'static str],
    /// Lower-case words that give the provider away in a greeting or a reply.
    marks: &'static [&'static str],
    /// One step: what to sign in with.
    pub(super) sign_in: &'static str,
    /// Whether the normal account password is refused and an app password is needed.
    pub(super) app_password: bool,
    /// One step: which sender addresses the provider accepts.
    pub(super) sender: Option<&'static str>,
}

/// Known providers; the first match wins, so narrower entries come first.
static PROVIDERS: &[Provider] = &[
    Provider {
        name: "Gmail",
        hosts: &["gmail.com", "googlemail.com", "google.com"],
        marks: &[
            "gsmtp",
            "mx.google.com",
            "support.google.com/mail",
            "smtp.gmail.com",
            "badcredentials",
            "wantautherror",
            "invalidsecondfactor",
        ],
        sign_in: "Gmail needs an app password: turn on 2-Step Verification in your Google Account, \
                  create an app password under Security → App passwords and paste its 16 letters \
                  into `password` without spaces. Use your full Gmail address as `userName`.",
        app_password: true,
        sender: Some(
            "Gmail sends only from your own address or an address added under Settings → Accounts → \
             \"Send mail as\": set `from` to one of those.",
        ),
    },
    Provider {
        name: "Outlook.com",
        hosts: &["smtp-mail.outlook.com", "hotmail.com", "live.com"],
        marks: &["smtp-mail.outlook.com"],
        sign_in: "Outlook.com and Hotmail stopped accepting passwords from programs in September 2024: \
                  they want a modern sign-in (OAuth) that ASP.NET cannot do. Send your website's mail \
                  through another service, or ask your developer to switch to MailKit.",
        app_password: false,
        sender: Some(
            "Outlook.com sends only from the signed-in address: set `from` to `userName`.",
        ),
    },
    Provider {
        name: "Microsoft 365",
        hosts: &["office365.com", "outlook.com"],
        marks: &[
            "outlook.office365.com",
            ".outlook.com",
            "aka.ms/smtp",
            "smtpclientauthentication",
            "storedrv",
            "5.7.139",
            "5.7.57",
        ],
        sign_in: "Microsoft 365: use the mailbox's full address as `userName`. Sign-in for mail \
                  programs (\"Authenticated SMTP\") must be allowed for this mailbox: your admin turns \
                  it on in the Microsoft 365 admin centre under Users → Active users → Mail → Manage \
                  email apps.",
        app_password: false,
        sender: Some(
            "Microsoft 365 sends only as the signed-in mailbox unless your admin grants \"Send As\" \
             permission: set `from` to the address in `userName`.",
        ),
    },
    Provider {
        name: "Yahoo",
        hosts: &[
            "yahoo.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
            "ymail.com",
        ],
        marks: &["yahoo", "#auth005"],
        sign_in: "Yahoo needs an app password: in your Yahoo account open Account security → \
                  Generate app password, and use it as `password` with your full Yahoo address as \
                  `userName`.",
        app_password: true,
        sender: Some(
            "Yahoo sends only from the signed-in address: set `from` to your Yahoo address.",
        ),
    },
    Provider {
        name: "AOL",
        hosts: &["aol.com"],
        marks: &["aol.com"],
        sign_in: "AOL needs an app password: in your AOL account open Account security → Generate \
                  app password, and use it as `password` with your full AOL address as `userName`.",
        app_password: true,
        sender: Some("AOL sends only from the signed-in address: set `from` to your AOL address."),
    },
    Provider {
        name: "iCloud Mail",
        hosts: &["mail.me.com", "icloud.com", "me.com"],
        marks: &["icloud", "mail.me.com"],
        sign_in: "iCloud Mail needs an app-specific password: create one at appleid.apple.com under \
                  Sign-In and Security → App-Specific Passwords, and use your full iCloud address as \
                  `userName`.",
        app_password: true,
        sender: None,
    },
    Provider {
        name: "Zoho Mail",
        hosts: &[
            "zoho.com",
            "zoho.eu",
            "zoho.in",
            "zoho.com.au",
            "zoho.jp",
            "zohomail.com",
        ],
        marks: &["zoho"],
        sign_in: "Zoho Mail: use your full Zoho address as `userName`. If two-factor sign-in is on, \
                  create an application-specific password in Zoho Accounts → Security and use it as \
                  `password`. Use the server of your data centre (for example `smtp.zoho.eu` in \
                  Europe).",
        app_password: false,
        sender: None,
    },
    Provider {
        name: "Fastmail",
        hosts: &["fastmail.com", "messagingengine.com"],
        marks: &["fastmail", "messagingengine"],
        sign_in: "Fastmail needs an app password: create one under Settings → Privacy & Security → \
                  App passwords and use it as `password`.",
        app_password: true,
        sender: None,
    },
    Provider {
        name: "SendGrid",
        hosts: &["sendgrid.net", "sendgrid.com"],
        marks: &["sendgrid"],
        sign_in: "SendGrid: `userName` must be literally `apikey` (not your login or email address), \
                  and `password` is an API key with \"Mail Send\" permission, pasted without spaces.",
        app_password: false,
        sender: Some(
            "SendGrid sends only from a verified Sender Identity: verify the `from` address or its \
             domain under Settings → Sender Authentication.",
        ),
    },
    Provider {
        name: "Amazon SES",
        hosts: &["email-smtp.*.amazonaws.com"],
        marks: &["amazonses", "simpleemailservice", "email-smtp."],
        sign_in: "Amazon SES needs SES SMTP credentials, created in the SES console under SMTP settings \
                  for the region in `host`. IAM access keys, and SMTP credentials from another \
                  region, do not work.",
        app_password: false,
        sender: Some(
            "Amazon SES sends only from verified identities: verify the `from` address or its domain \
             in the SES console. While the account is in the sandbox (the trial mode of new \
             accounts), recipients must be verified too.",
        ),
    },
    Provider {
        name: "Mailgun",
        hosts: &["mailgun.org", "mailgun.net"],
        marks: &["mailgun"],
        sign_in: "Mailgun needs the SMTP credentials of your sending domain (for example \
                  `postmaster@mg.example.com`, under Sending → Domain settings → SMTP credentials), \
                  not your Mailgun account password.",
        app_password: false,
        sender: Some(
            "Mailgun sends from addresses of your verified sending domain: use one as `from`.",
        ),
    },
    Provider {
        name: "Postmark",
        hosts: &["postmarkapp.com"],
        marks: &["postmark"],
        sign_in: "Postmark: use your Server API Token as both `userName` and `password`.",
        app_password: false,
        sender: Some(
            "Postmark sends only from a confirmed Sender Signature or verified domain: use one as \
             `from`.",
        ),
    },
    Provider {
        name: "Brevo",
        hosts: &["brevo.com", "sendinblue.com"],
        marks: &["brevo", "sendinblue"],
        sign_in: "Brevo: `userName` is the SMTP login shown under SMTP & API, and `password` is an SMTP \
                  key from the same page (not an API key or your account password).",
        app_password: false,
        sender: Some("Brevo sends only from a verified sender or domain: use one as `from`."),
    },
    Provider {
        name: "OVHcloud",
        hosts: &["ovh.net", "ovh.com", "ovhcloud.com"],
        marks: &["ovh.net"],
        sign_in: "OVHcloud: use the full email address as `userName` and the mailbox password, with \
                  `host` set to `ssl0.ovh.net` (the name its certificate is valid for).",
        app_password: false,
        sender: None,
    },
];

/// The provider that runs `host`, if we know it.
pub(super) fn by_host(host: &str) -> Option<&'static Provider> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    PROVIDERS.iter().find(|provider| {
        provider
            .hosts
            .iter()
            .any(|pattern| host_matches(&host, pattern))
    })
}

/// The provider whose marks appear in `text` (a greeting, a reply, a pasted error).
pub(super) fn in_text(text: &str) -> Option<&'static Provider> {
    let text = text.to_lowercase();
    PROVIDERS
        .iter()
        .find(|provider| provider.marks.iter().any(|mark| text.contains(mark)))
}

/// The provider from the host name first, then from anything the server said.
pub(super) fn detect(host: &str, said: &[&str]) -> Option<&'static Provider> {
    by_host(host).or_else(|| said.iter().find_map(|text| in_text(text)))
}

/// The provider called `name` (for replies that only one provider sends).
pub(super) fn named(name: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|provider| provider.name == name)
}

fn host_matches(host: &str, pattern: &str) -> bool {
    if let Some((prefix, suffix)) = pattern.split_once('*') {
        return host.len() > prefix.len() + suffix.len()
            && host.starts_with(prefix)
            && host.ends_with(suffix);
    }
    host == pattern
        || host
            .strip_suffix(pattern)
            .is_some_and(|rest| rest.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(provider: Option<&Provider>) -> &str {
        provider.map_or("none", |p| p.name)
    }

    #[test]
    fn hosts_are_recognised() {
        for (host, expected) in [
            ("smtp.gmail.com", "Gmail"),
            ("SMTP.GMAIL.COM.", "Gmail"),
            ("smtp.office365.com", "Microsoft 365"),
            ("smtp-mail.outlook.com", "Outlook.com"),
            ("smtp.mail.yahoo.com", "Yahoo"),
            ("smtp.sendgrid.net", "SendGrid"),
            ("email-smtp.eu-west-1.amazonaws.com", "Amazon SES"),
            ("smtp.eu.mailgun.org", "Mailgun"),
            ("smtp.zoho.eu", "Zoho Mail"),
            ("smtp.mail.me.com", "iCloud Mail"),
            ("smtp-relay.brevo.com", "Brevo"),
            ("smtp.postmarkapp.com", "Postmark"),
            ("ssl0.ovh.net", "OVHcloud"),
            ("mail.example.com", "none"),
            ("notgmail.com", "none"),
            ("ec2-1-2-3-4.compute.amazonaws.com", "none"),
            ("", "none"),
        ] {
            assert_eq!(name(by_host(host)), expected, "{host}");
        }
    }

    #[test]
    fn marks_in_replies_are_recognised() {
        assert_eq!(
            name(in_text(
                "535-5.7.8 https://support.google.com/mail/?p=BadCredentials"
            )),
            "Gmail"
        );
        assert_eq!(
            name(in_text(
                "220 BN0PR04CA0001.outlook.office365.com Microsoft ESMTP MAIL Service"
            )),
            "Microsoft 365"
        );
        assert_eq!(
            name(in_text("535 5.7.0 (#AUTH005) Too many bad auth attempts.")),
            "Yahoo"
        );
        assert_eq!(
            name(detect("mail.example.com", &["220 mail.example.com ESMTP"])),
            "none"
        );
        assert_eq!(name(named("Yahoo")), "Yahoo");
    }
}
