//! Sending services: Azure Communication Services, Amazon SES, SendGrid, Mailgun, Postmark,
//! Brevo, Mailjet, SMTP2GO.

use crate::providers::{Dkim, Preset, Provider};

/// Azure Communication Services Email: `smtp.azurecomm.net`, 587 with STARTTLS (TLS 1.2); the
/// user name is an SMTP Username resource (or `<resource>.<Entra app id>.<tenant id>`) linked to
/// a Microsoft Entra app, the password that app's client secret; the sender must be a MailFrom
/// address of a domain connected to the resource. Not in the reference: Microsoft Learn,
/// "Send email with SMTP" and "Create credentials for SMTP authentication" for Communication
/// Services, whose quickstart sends with System.Net.Mail's `SmtpClient`.
pub const AZURE: Provider = Provider {
    id: "azure",
    name: "Azure Communication Services",
    hosts: &["smtp.azurecomm.net", "*.azurecomm.net"],
    marks: &["azurecomm"],
    presets: &[Preset {
        id: "azure",
        name: "Azure Communication Services",
        host: "smtp.azurecomm.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!(
            "the SMTP user name created in your Communication Services resource"
        ),
        note: crate::en!(
            "Create an SMTP user name in your Communication Services resource (Settings → SMTP \
             Usernames), linked to a Microsoft Entra app that may send; the password is that \
             app's client secret, which expires, so renew it in time. Send from a MailFrom \
             address of an email domain connected to the resource."
        ),
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "Azure Communication Services: `userName` is an SMTP user name created in your \
         Communication Services resource (Settings → SMTP Usernames) and linked to a Microsoft \
         Entra app that may send; `password` is that app's client secret. Client secrets expire: \
         if it worked before, create a new secret and use it."
    ),
    sender: Some(crate::en!(
        "Azure Communication Services sends only from the MailFrom addresses of an email domain \
         connected to your Communication Services resource: set `from` to one of them."
    )),
    // Microsoft Learn, "Add a custom verified email domain" for Communication Services (not in
    // the reference).
    spf_includes: &["spf.protection.outlook.com"],
    dkim: Dkim {
        selectors: &[
            "selector1-azurecomm-prod-net",
            "selector2-azurecomm-prod-net",
        ],
        record_type: "CNAME",
        value: "{selector}._domainkey.azurecomm.net",
        where_to_find: crate::en!(
            "Azure portal → your Email Communication Service → Provision domains → your domain → \
             Configure"
        ),
    },
    ..Provider::BLANK
};

/// Amazon SES: `email-smtp.<region>.amazonaws.com`, STARTTLS on 25, 587 and 2587; SES SMTP
/// credentials per region, not IAM keys; sandbox limits [S25]. `inbound-smtp.<region>` is the
/// MX host of SES receiving (not in the reference: SES developer guide, "Publishing an MX
/// record for Amazon SES email receiving").
pub const SES: Provider = Provider {
    id: "ses",
    name: "Amazon SES",
    hosts: &[
        "email-smtp.*.amazonaws.com",
        "email-smtp-fips.*.amazonaws.com",
    ],
    marks: &["amazonses", "simpleemailservice", "email-smtp."],
    presets: &[Preset {
        id: "ses",
        name: "Amazon SES",
        host: "email-smtp.us-east-1.amazonaws.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your SES SMTP user name (not an IAM access key)"),
        note: crate::en!(
            "Replace us-east-1 with the region of your SES account, and use the SMTP credentials \
             created in SES for that region, not IAM access keys. New accounts are in the sandbox \
             and can only send to verified addresses. If port 587 is blocked where your website \
             runs, use port 2587."
        ),
        mx: &["inbound-smtp.*.amazonaws.com"],
        ..Preset::BLANK
    }],
    alternative_ports: &[2587],
    sign_in: crate::en!(
        "Amazon SES needs SES SMTP credentials, created in the SES console under SMTP settings \
         for the region in `host`. IAM access keys, and SMTP credentials from another region, do \
         not work."
    ),
    sender: Some(crate::en!(
        "Amazon SES sends only from verified identities: verify the `from` address or its domain \
         in the SES console. While the account is in the sandbox (the trial mode of new \
         accounts), recipients must be verified too."
    )),
    // SES developer guide, "Authenticating email with SPF" and "Easy DKIM" (not in the
    // reference): Easy DKIM selectors are random tokens, so none can be checked here.
    spf_includes: &["amazonses.com"],
    ..Provider::BLANK
};

/// SendGrid: `smtp.sendgrid.net`, 25/587/2525 with STARTTLS; user `apikey`, password an API key
/// [S26].
pub const SENDGRID: Provider = Provider {
    id: "sendgrid",
    name: "SendGrid",
    hosts: &["sendgrid.net", "*.sendgrid.net", "*.sendgrid.com"],
    marks: &["sendgrid"],
    presets: &[Preset {
        id: "sendgrid",
        name: "SendGrid",
        host: "smtp.sendgrid.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("apikey (literally)"),
        fixed_user_name: Some("apikey"),
        note: crate::en!(
            "The user name is the word apikey, exactly; the password is your SendGrid API key. \
             The From address must be a verified sender in SendGrid. If port 587 is blocked where \
             your website runs, use port 2525."
        ),
        ..Preset::BLANK
    }],
    alternative_ports: &[2525],
    sign_in: crate::en!(
        "SendGrid: `userName` must be literally `apikey` (not your login or email address), and \
         `password` is an API key with \"Mail Send\" permission, pasted without spaces."
    ),
    sender: Some(crate::en!(
        "SendGrid sends only from a verified Sender Identity: verify the `from` address or its \
         domain under Settings → Sender Authentication."
    )),
    // SendGrid docs, "How to set up domain authentication" (not in the reference).
    spf_includes: &["sendgrid.net"],
    dkim: Dkim {
        selectors: &["s1", "s2"],
        record_type: "CNAME",
        value: "{selector}.domainkey.<u1234567>.wl.sendgrid.net",
        where_to_find: crate::en!(
            "SendGrid → Settings → Sender Authentication → Authenticate Your Domain"
        ),
    },
    ..Provider::BLANK
};

/// Mailgun: `smtp.mailgun.org` / `smtp.eu.mailgun.org`, 25/587/2525 with STARTTLS; per-domain
/// SMTP credentials [S27]. MX hosts `mxa`/`mxb` are not in the reference (Mailgun's help,
/// "Receiving: MX records").
pub const MAILGUN: Provider = Provider {
    id: "mailgun",
    name: "Mailgun",
    hosts: &["*.mailgun.org", "*.mailgun.net"],
    marks: &["mailgun"],
    presets: &[
        Preset {
            id: "mailgun",
            name: "Mailgun (US)",
            host: "smtp.mailgun.org",
            port: 587,
            enable_ssl: true,
            user_name_hint: crate::en!(
                "your domain's SMTP login, e.g. postmaster@mg.yourdomain.com"
            ),
            note: crate::en!(
                "Use the SMTP credentials of your sending domain in Mailgun, not your Mailgun \
                 account password. If port 587 is blocked where your website runs, use port 2525."
            ),
            mx: &["mxa.mailgun.org", "mxb.mailgun.org"],
            ..Preset::BLANK
        },
        Preset {
            id: "mailgun-eu",
            name: "Mailgun (EU)",
            host: "smtp.eu.mailgun.org",
            port: 587,
            enable_ssl: true,
            user_name_hint: crate::en!(
                "your domain's SMTP login, e.g. postmaster@mg.yourdomain.com"
            ),
            note: crate::en!(
                "For Mailgun accounts in the EU region. Use the SMTP credentials of your sending \
                 domain in Mailgun, not your Mailgun account password. If port 587 is blocked \
                 where your website runs, use port 2525."
            ),
            mx: &["mxa.eu.mailgun.org", "mxb.eu.mailgun.org"],
            ..Preset::BLANK
        },
    ],
    alternative_ports: &[2525],
    sign_in: crate::en!(
        "Mailgun needs the SMTP credentials of your sending domain (for example \
         `postmaster@mg.example.com`, under Sending → Domain settings → SMTP credentials), not \
         your Mailgun account password."
    ),
    sender: Some(crate::en!(
        "Mailgun sends from addresses of your verified sending domain: use one as `from`."
    )),
    // Mailgun help, "Domain verification setup" (not in the reference).
    spf_includes: &["mailgun.org"],
    dkim: Dkim {
        selectors: &["mx", "smtp", "k1", "pic"],
        record_type: "TXT",
        value: "k=rsa; p=<the public key Mailgun shows>",
        where_to_find: crate::en!("Mailgun → Sending → Domains → your domain → DNS records"),
    },
    ..Provider::BLANK
};

/// Postmark: `smtp.postmarkapp.com`, 25/2525/587 with STARTTLS; Server API Token as user name
/// and password [S28].
pub const POSTMARK: Provider = Provider {
    id: "postmark",
    name: "Postmark",
    hosts: &["*.postmarkapp.com"],
    marks: &["postmark"],
    presets: &[Preset {
        id: "postmark",
        name: "Postmark",
        host: "smtp.postmarkapp.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your Server API Token"),
        note: crate::en!(
            "Use your Postmark Server API Token as both the user name and the password. If port \
             587 is blocked where your website runs, use port 2525."
        ),
        ..Preset::BLANK
    }],
    alternative_ports: &[2525],
    sign_in: crate::en!("Postmark: use your Server API Token as both `userName` and `password`."),
    sender: Some(crate::en!(
        "Postmark sends only from a confirmed Sender Signature or verified domain: use one as \
         `from`."
    )),
    // Postmark help, "SPF" (not in the reference); its DKIM selectors carry a date, so none
    // can be checked here.
    spf_includes: &["spf.mtasv.net"],
    ..Provider::BLANK
};

/// Brevo: `smtp-relay.brevo.com`, 587/2525 with STARTTLS; SMTP login and SMTP key [S29].
pub const BREVO: Provider = Provider {
    id: "brevo",
    name: "Brevo",
    hosts: &["*.brevo.com", "*.sendinblue.com"],
    marks: &["brevo", "sendinblue"],
    presets: &[Preset {
        id: "brevo",
        name: "Brevo",
        host: "smtp-relay.brevo.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your Brevo SMTP login"),
        note: crate::en!(
            "Use the SMTP login and an SMTP key from Brevo's SMTP settings as the password; a \
             Brevo API key will not work. If port 587 is blocked where your website runs, use \
             port 2525."
        ),
        ..Preset::BLANK
    }],
    alternative_ports: &[2525],
    sign_in: crate::en!(
        "Brevo: `userName` is the SMTP login shown under SMTP & API, and `password` is an SMTP \
         key from the same page (not an API key or your account password)."
    ),
    sender: Some(crate::en!(
        "Brevo sends only from a verified sender or domain: use one as `from`."
    )),
    // Brevo help, "Authenticate your domain" (not in the reference).
    spf_includes: &["spf.brevo.com", "spf.sendinblue.com"],
    dkim: Dkim {
        selectors: &["brevo1", "brevo2", "mail"],
        record_type: "CNAME",
        value: "<the value Brevo shows, ending in .dkim.brevo.com>",
        where_to_find: crate::en!(
            "Brevo → Senders, Domains & Dedicated IPs → Domains → Authenticate"
        ),
    },
    ..Provider::BLANK
};

/// Mailjet: `in-v3.mailjet.com`, 25 or 587 with STARTTLS, API key and secret key as user name
/// and password (not in the reference: Mailjet's SMTP settings page); 2525 with STARTTLS as in
/// Google Cloud's guide cloud.google.com/compute/docs/tutorials/sending-mail/using-mailjet.
pub const MAILJET: Provider = Provider {
    id: "mailjet",
    name: "Mailjet",
    hosts: &["in-v3.mailjet.com", "*.mailjet.com"],
    marks: &["mailjet"],
    presets: &[Preset {
        id: "mailjet",
        name: "Mailjet",
        host: "in-v3.mailjet.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your Mailjet API key"),
        note: crate::en!(
            "The user name is your Mailjet API key and the password its secret key, not your \
             Mailjet login. Send from a sender address or domain validated in Mailjet. If port \
             587 is blocked where your website runs, use port 2525."
        ),
        ..Preset::BLANK
    }],
    alternative_ports: &[2525],
    sign_in: crate::en!(
        "Mailjet: `userName` is your Mailjet API key and `password` its secret key (under Account \
         settings → API keys), not your Mailjet login."
    ),
    sender: Some(crate::en!(
        "Mailjet sends only from a validated sender address or domain: validate the `from` \
         address in Mailjet, or use one that is."
    )),
    // Mailjet docs, "SPF and DKIM" (not in the reference).
    spf_includes: &["spf.mailjet.com"],
    dkim: Dkim {
        selectors: &["mailjet"],
        record_type: "TXT",
        value: "k=rsa; p=<the public key Mailjet shows>",
        where_to_find: crate::en!("Mailjet → Account settings → Domains → SPF/DKIM authentication"),
    },
    ..Provider::BLANK
};

/// SMTP2GO: `mail.smtp2go.com`, STARTTLS on 25, 2525, 8025, 587 and 80; an SMTP User from
/// "Sending > SMTP Users"; verified senders (not in the reference:
/// developers.smtp2go.com/docs/smtp-relay).
pub const SMTP2GO: Provider = Provider {
    id: "smtp2go",
    name: "SMTP2GO",
    hosts: &["mail.smtp2go.com", "*.smtp2go.com"],
    marks: &["smtp2go"],
    presets: &[Preset {
        id: "smtp2go",
        name: "SMTP2GO",
        host: "mail.smtp2go.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("an SMTP user name from Sending → SMTP Users"),
        note: crate::en!(
            "Use an SMTP user created in SMTP2GO (Sending → SMTP Users) and its password, not \
             your SMTP2GO login, and send from a verified sender. If port 587 is blocked where \
             your website runs, use port 2525 (or 8025)."
        ),
        ..Preset::BLANK
    }],
    alternative_ports: &[2525, 8025],
    sign_in: crate::en!(
        "SMTP2GO: use an SMTP user from your SMTP2GO account (Sending → SMTP Users) as `userName` \
         and its password as `password`, not your SMTP2GO login."
    ),
    sender: Some(crate::en!(
        "SMTP2GO sends only from verified senders (Sending → Verified Senders): use one as `from`."
    )),
    spf_includes: &["spf.smtp2go.com"],
    ..Provider::BLANK
};
