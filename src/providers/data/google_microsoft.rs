//! Google and Microsoft: Gmail, the Google Workspace SMTP relay, Microsoft 365 (signed in, and
//! direct send) and Outlook.com.

use crate::providers::{Dkim, Preset, Provider};

/// Google signs with the selector `google`; the key is made in the Admin console.
const GOOGLE_DKIM: Dkim = Dkim {
    selectors: &["google"],
    record_type: "TXT",
    value: "v=DKIM1; k=rsa; p=<the public key the Admin console shows>",
    where_to_find: crate::en!(
        "Google Admin console → Apps → Google Workspace → Gmail → Authenticate email"
    ),
};

/// Microsoft 365 signs with `selector1` and `selector2`, each a CNAME to the tenant's key.
const MICROSOFT_DKIM: Dkim = Dkim {
    selectors: &["selector1", "selector2"],
    record_type: "CNAME",
    value: "{selector}-{dashed}._domainkey.<your-tenant>.onmicrosoft.com",
    where_to_find: crate::en!(
        "Microsoft Defender portal → Email authentication settings → DKIM → your domain"
    ),
};

/// Gmail and Google Workspace mailboxes (`smtp.gmail.com`, 587 STARTTLS [S30]).
///
/// Password-only sign-in ended on 30 May 2022 for personal accounts (Google's help page
/// support.google.com/accounts/answer/6010255, cited by [S24]) and on 30 September 2024 for
/// Workspace accounts [S9 FAQ, S24]. App passwords need 2-Step Verification and are made at
/// myaccount.google.com/apppasswords; the Security page no longer links to them (not in the
/// reference: Google's current account pages).
pub const GMAIL: Provider = Provider {
    id: "gmail",
    name: "Gmail",
    hosts: &[
        "smtp.gmail.com",
        "gmail.com",
        "*.gmail.com",
        "googlemail.com",
        "*.googlemail.com",
        "*.google.com",
    ],
    marks: &[
        "gsmtp",
        "mx.google.com",
        "support.google.com/mail",
        "smtp.gmail.com",
        "badcredentials",
        "wantautherror",
        "invalidsecondfactor",
    ],
    presets: &[Preset {
        id: "gmail",
        name: "Gmail / Google Workspace",
        host: "smtp.gmail.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full Gmail or Google Workspace address"),
        note: crate::en!(
            "Gmail needs an app password: turn on 2-Step Verification, then create one at \
             myaccount.google.com/apppasswords (the Security page no longer links to it) and use \
             it as the password. Google stopped taking the normal password from mail programs in \
             May 2022 for personal accounts and in September 2024 for Google Workspace accounts."
        ),
        // Google's MX hosts for Workspace domains: the classic five and the single
        // `smtp.google.com` Google has recommended since 2023 (not in the reference).
        mx: &[
            "aspmx.l.google.com",
            "*.aspmx.l.google.com",
            "aspmx2.googlemail.com",
            "aspmx3.googlemail.com",
            "aspmx4.googlemail.com",
            "aspmx5.googlemail.com",
            "smtp.google.com",
        ],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "Gmail needs an app password: turn on 2-Step Verification in your Google Account, then \
         open myaccount.google.com/apppasswords (the Security page no longer links to it), create \
         an app password and paste its 16 letters into `password` without spaces. Use your full \
         Gmail address as `userName`."
    ),
    app_password: true,
    sender: Some(crate::en!(
        "Gmail sends only from your own address or an address added under Settings → Accounts → \
         \"Send mail as\": set `from` to one of those."
    )),
    // SPF, DKIM and the mailbox domains: Google Workspace admin help, "Set up SPF" and "Set up
    // DKIM" (not in the reference).
    spf_includes: &["_spf.google.com"],
    dkim: GOOGLE_DKIM,
    mailbox_domains: &["gmail.com", "googlemail.com"],
    ..Provider::BLANK
};

/// The Google Workspace SMTP relay (`smtp-relay.gmail.com`): switched on by the Workspace admin,
/// lets in registered IP addresses or SMTP Authentication, ports 25/465/587 (not in the reference:
/// Google Workspace admin help "Route outgoing SMTP relay messages through Google"). A bare EHLO
/// name such as `localhost` draws `421-4.7.0 Try again later, closing connection. (EHLO)`
/// (reference row 6, C).
pub const GOOGLE_RELAY: Provider = Provider {
    id: "google-relay",
    name: "Google Workspace SMTP relay",
    hosts: &["smtp-relay.gmail.com"],
    marks: &["smtp-relay.gmail.com", "invalid credentials for relay"],
    presets: &[Preset {
        id: "google-relay",
        name: "Google Workspace SMTP relay",
        host: "smtp-relay.gmail.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!(
            "a Google Workspace address, or nothing if the relay allows your server's IP address"
        ),
        note: crate::en!(
            "For Google Workspace only. Your admin switches on the SMTP relay service (Admin \
             console → Apps → Google Workspace → Gmail → Routing) and lets in either your web \
             server's IP address (then leave the user name and password empty) or SMTP \
             Authentication (then use a Workspace address and its app password)."
        ),
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "The Google Workspace SMTP relay must be switched on by your Workspace admin (Admin \
         console → Apps → Google Workspace → Gmail → Routing → SMTP relay service). If it \
         requires SMTP Authentication, use a Workspace address as `userName` and an app password \
         made at myaccount.google.com/apppasswords as `password`; if it allows your server's IP \
         address instead, leave both empty."
    ),
    app_password: true,
    sender: Some(crate::en!(
        "The Google Workspace SMTP relay sends only from the addresses your admin allowed in its \
         settings (usually those of your Workspace domains): set `from` to one of them."
    )),
    reach: Some(crate::en!(
        "The relay lets in only the IP addresses or the sign-in your admin allowed in the SMTP \
         relay service settings, so a test from another computer fails unless it signs in. Also \
         set `clientDomain` to your website's domain name: Google may refuse a bare computer name \
         such as `localhost`."
    )),
    spf_includes: &["_spf.google.com"],
    dkim: GOOGLE_DKIM,
    ..Provider::BLANK
};

/// Microsoft 365 with a signed-in mailbox (`smtp.office365.com`, 587 STARTTLS, TLS 1.2+ [S21]).
///
/// SMTP AUTH is off by default for tenants created after January 2020 [S21]; Entra security
/// defaults block it (reference row 11, C; [S21]). Timeline [S22, MC786329 as updated on
/// 27 January 2026]: disabled by default for existing tenants at the end of December 2026, final
/// removal date announced in the second half of 2027. System.Net.Mail has no OAuth [S3], so the
/// ways out are a connector (SMTP relay) or direct send [S21], High Volume Email and Azure
/// Communication Services (not in the reference: Microsoft Learn, "High volume email for
/// Microsoft 365" and "Send email with SMTP" for Communication Services), or MailKit [S8, S9].
pub const MICROSOFT_365: Provider = Provider {
    id: "microsoft365",
    name: "Microsoft 365",
    hosts: &["smtp.office365.com", "*.office365.com"],
    marks: &[
        "outlook.office365.com",
        ".outlook.com",
        "aka.ms/smtp",
        "smtpclientauthentication",
        "storedrv",
        "5.7.139",
        "5.7.57",
    ],
    presets: &[Preset {
        id: "microsoft365",
        name: "Microsoft 365 (business)",
        host: "smtp.office365.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full Microsoft 365 email address"),
        note: crate::en!(
            "Your admin must switch on \"Authenticated SMTP\" (SMTP AUTH) for the organisation \
             and for this mailbox; it is off by default for organisations created after January \
             2020, and Microsoft Entra security defaults block it. Microsoft will switch it off \
             by default for existing organisations at the end of December 2026 (admins can still \
             switch it back on) and announce the final removal date in the second half of 2027. \
             ASP.NET cannot do the OAuth sign-in that replaces it: plan for an SMTP relay \
             (connector), High Volume Email, Azure Communication Services or MailKit with OAuth."
        ),
        mx: &["*.mail.protection.outlook.com"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "Microsoft 365: use the mailbox's full address as `userName`. Sign-in for mail programs \
         (\"Authenticated SMTP\") must be allowed for this mailbox: your admin turns it on in the \
         Microsoft 365 admin centre under Users → Active users → Mail → Manage email apps. \
         Microsoft Entra security defaults (Microsoft's standard sign-in protections) block it \
         for the whole organisation, whatever that switch says."
    ),
    sender: Some(crate::en!(
        "Microsoft 365 sends only as the signed-in mailbox unless your admin grants \"Send As\" \
         permission: set `from` to the address in `userName`."
    )),
    instead: &[
        crate::en!(
            "Or, if password sign-in stays off, ask your Microsoft 365 admin for one of these \
             ways instead (your website's mail sender, System.Net.Mail, cannot do OAuth, the \
             sign-in Microsoft 365 keeps for mail programs):"
        ),
        crate::en!(
            "An SMTP relay: your admin creates a connector for the web server's fixed IP address; \
             then set `host` to your domain's MX host (it ends in `mail.protection.outlook.com`), \
             `port` to `25`, and leave `userName` and `password` empty."
        ),
        crate::en!(
            "High Volume Email (HVE): a Microsoft 365 account made for programs that still signs \
             in with a password (`host` `smtp-hve.office365.com`, `port` `587`), meant for mail \
             to your own organisation's mailboxes."
        ),
        crate::en!(
            "Azure Communication Services: Microsoft's sending service (`host` \
             `smtp.azurecomm.net`, `port` `587`), which signs in with a user name and an app \
             secret that your website can use."
        ),
        crate::en!(
            "MailKit: your developer moves the sending code to MailKit, which can sign in with \
             OAuth."
        ),
    ],
    // Microsoft Learn, "Set up SPF" and "Set up DKIM" for Microsoft 365 (not in the reference).
    spf_includes: &["spf.protection.outlook.com"],
    dkim: MICROSOFT_DKIM,
    ..Provider::BLANK
};

/// Microsoft 365 direct send: the tenant's MX host on port 25, no sign-in, internal recipients
/// only [S21]. Not the Microsoft 365 preset: that signs in at `smtp.office365.com`.
pub const MICROSOFT_365_DIRECT_SEND: Provider = Provider {
    id: "microsoft365-direct-send",
    name: "Microsoft 365 direct send",
    hosts: &["*.mail.protection.outlook.com"],
    marks: &["mail.protection.outlook.com", "tenantattribution"],
    sign_in: crate::en!(
        "Direct send (a `host` ending in `mail.protection.outlook.com`) takes no sign-in: leave \
         `userName` and `password` empty and use `port` `25`. It delivers only to mailboxes of \
         your own organisation; to reach other addresses, sign in at `smtp.office365.com` on port \
         `587`, or ask your admin for a connector (SMTP relay)."
    ),
    reach: Some(crate::en!(
        "Direct send needs port `25` open from the web server to Microsoft 365, and many hosting \
         companies block it. If it is blocked, sign in at `smtp.office365.com` on port `587` \
         instead."
    )),
    spf_includes: &["spf.protection.outlook.com"],
    dkim: MICROSOFT_DKIM,
    ..Provider::BLANK
};

/// Outlook.com and Hotmail: password sign-in ended on 16 September 2024, OAuth only [S23, S30].
pub const OUTLOOK: Provider = Provider {
    id: "outlook",
    name: "Outlook.com",
    hosts: &[
        "smtp-mail.outlook.com",
        "smtp.live.com",
        "hotmail.com",
        "*.hotmail.com",
        "live.com",
        "*.live.com",
    ],
    marks: &["smtp-mail.outlook.com"],
    presets: &[Preset {
        id: "outlook",
        name: "Outlook.com / Hotmail",
        host: "smtp-mail.outlook.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full Outlook.com or Hotmail address"),
        note: crate::en!(
            "Since 16 September 2024 personal Outlook.com and Hotmail accounts no longer accept a \
             password for sending, only Microsoft's OAuth sign-in, which a web.config website \
             cannot do. Send your site's mail through another provider instead."
        ),
        aspnet_ok: false,
        // Consumer domains' MX hosts (`outlook-com`, `hotmail-com.olc.protection.outlook.com`;
        // not in the reference: the MX records of outlook.com and hotmail.com).
        mx: &["*.olc.protection.outlook.com"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "Outlook.com and Hotmail stopped accepting passwords from programs in September 2024: \
         they want a modern sign-in (OAuth) that ASP.NET cannot do. Send your website's mail \
         through another service, or ask your developer to switch to MailKit."
    ),
    sender: Some(crate::en!(
        "Outlook.com sends only from the signed-in address: set `from` to `userName`."
    )),
    instead: &[
        crate::en!(
            "Send your website's mail through a service that still takes a password, such as your \
             hosting company's mail server or a sending service (SendGrid, Mailgun, Brevo and \
             others are in the provider list), and change `host`, `userName` and `password` to \
             its values."
        ),
        crate::en!(
            "MailKit: your developer moves the sending code to MailKit, which can sign in with \
             OAuth."
        ),
    ],
    mailbox_domains: &["outlook.com", "hotmail.com", "live.com", "msn.com"],
    ..Provider::BLANK
};
