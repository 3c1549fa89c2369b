//! Personal and small-business mailboxes: Yahoo, AOL, iCloud, Zoho (every data centre), Fastmail.

use crate::providers::{Dkim, Preset, Provider};

/// Yahoo Mail: app password required [S30]; 587 with STARTTLS (u in the reference, the port
/// Yahoo's help lists beside 465).
pub const YAHOO: Provider = Provider {
    id: "yahoo",
    name: "Yahoo",
    hosts: &[
        "smtp.mail.yahoo.com",
        "yahoo.com",
        "*.yahoo.com",
        "*.yahoo.co.uk",
        "*.yahoo.fr",
        "*.yahoo.de",
        "ymail.com",
        "*.ymail.com",
    ],
    marks: &["yahoo", "#auth005"],
    presets: &[Preset {
        id: "yahoo",
        name: "Yahoo Mail",
        host: "smtp.mail.yahoo.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full Yahoo address"),
        note: crate::en!(
            "Yahoo needs an app password: create one in your Yahoo account security settings and \
             use it as the password. Yahoo lists port 465, which ASP.NET cannot use, so this uses \
             587."
        ),
        // Yahoo's own MX hosts (`mta5`/`mta6`/`mta7.am0.yahoodns.net`; not in the reference:
        // the MX records of yahoo.com).
        mx: &["*.am0.yahoodns.net"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "Yahoo needs an app password: in your Yahoo account open Account security → Generate app \
         password, and use it as `password` with your full Yahoo address as `userName`."
    ),
    app_password: true,
    sender: Some(crate::en!(
        "Yahoo sends only from the signed-in address: set `from` to your Yahoo address."
    )),
    mailbox_domains: &[
        "yahoo.com",
        "ymail.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
    ],
    ..Provider::BLANK
};

/// AOL Mail: `smtp.aol.com`, app password [S30]. [S30] lists 465 only; AOL runs on Yahoo's
/// servers and takes STARTTLS on 587 like them (not in the reference: AOL's help lists 587 too).
pub const AOL: Provider = Provider {
    id: "aol",
    name: "AOL",
    hosts: &["smtp.aol.com", "aol.com", "*.aol.com"],
    marks: &["aol.com"],
    presets: &[Preset {
        id: "aol",
        name: "AOL Mail",
        host: "smtp.aol.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full AOL address"),
        note: crate::en!(
            "AOL needs an app password: create one in your AOL account security settings \
             (Generate app password) and use it as the password. AOL lists port 465, which \
             ASP.NET cannot use, so this uses 587."
        ),
        // AOL's MX host on Yahoo's servers (not in the reference: the MX record of aol.com).
        mx: &["mx-aol.mail.gm0.yahoodns.net"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "AOL needs an app password: in your AOL account open Account security → Generate app \
         password, and use it as `password` with your full AOL address as `userName`."
    ),
    app_password: true,
    sender: Some(crate::en!(
        "AOL sends only from the signed-in address: set `from` to your AOL address."
    )),
    mailbox_domains: &["aol.com"],
    ..Provider::BLANK
};

/// iCloud Mail: `smtp.mail.me.com`, 587 STARTTLS, app-specific password [S30]. Apple's account
/// site is account.apple.com since the Apple ID became the Apple Account in 2024, and custom
/// domains receive at `mx01/mx02.mail.icloud.com` (not in the reference: Apple's support pages).
pub const ICLOUD: Provider = Provider {
    id: "icloud",
    name: "iCloud Mail",
    hosts: &[
        "smtp.mail.me.com",
        "me.com",
        "*.me.com",
        "icloud.com",
        "*.icloud.com",
    ],
    marks: &["icloud", "mail.me.com"],
    presets: &[Preset {
        id: "icloud",
        name: "iCloud Mail",
        host: "smtp.mail.me.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full iCloud address"),
        note: crate::en!(
            "iCloud needs an app-specific password: turn on two-factor authentication for your \
             Apple Account, create one at account.apple.com and use it as the password."
        ),
        mx: &["mx01.mail.icloud.com", "mx02.mail.icloud.com"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "iCloud Mail needs an app-specific password: create one at account.apple.com under \
         Sign-In and Security → App-Specific Passwords, and use your full iCloud address as \
         `userName`."
    ),
    app_password: true,
    // iCloud+ custom domains (not in the reference: Apple's "Custom email domain" DNS records).
    spf_includes: &["icloud.com"],
    dkim: Dkim {
        selectors: &["sig1"],
        record_type: "CNAME",
        value: "sig1.dkim.{domain}.at.icloudmailadmin.com",
        where_to_find: crate::en!(
            "iCloud settings → Custom Email Domain → your domain → View DNS records"
        ),
    },
    mailbox_domains: &["icloud.com", "me.com", "mac.com"],
    ..Provider::BLANK
};

/// Zoho Mail: one server per data centre, `smtp.zoho.<dc>`, and `smtppro.zoho.<dc>` for
/// organisation (own-domain) accounts [S30 for `smtp.zoho.com`/`.eu`, 587 TLS (C)]. The other
/// data centres (India, Australia, Japan, Canada) and the MX hosts `mx`, `mx2`, `mx3` are not in
/// the reference (Zoho Mail's help, "SMTP server configuration" and "MX records").
pub const ZOHO: Provider = Provider {
    id: "zoho",
    name: "Zoho Mail",
    hosts: &[
        "zoho.com",
        "*.zoho.com",
        "*.zoho.eu",
        "*.zoho.in",
        "*.zoho.com.au",
        "*.zoho.jp",
        "*.zohocloud.ca",
        "*.zohomail.com",
    ],
    marks: &["zoho"],
    presets: &[
        zoho(
            "zoho",
            "Zoho Mail (US)",
            "smtp.zoho.com",
            crate::en!(
                "For Zoho accounts in the US data centre (you sign in at zoho.com). Mail on your \
                 own domain (an organisation account) uses smtppro.zoho.com instead. With \
                 two-factor sign-in, use an application-specific password; port 465 will not work \
                 from ASP.NET."
            ),
            &["mx.zoho.com", "mx2.zoho.com", "mx3.zoho.com"],
        ),
        zoho(
            "zoho-eu",
            "Zoho Mail (Europe)",
            "smtp.zoho.eu",
            crate::en!(
                "For Zoho accounts in the European data centre (you sign in at zoho.eu). Mail on \
                 your own domain (an organisation account) uses smtppro.zoho.eu instead. With \
                 two-factor sign-in, use an application-specific password."
            ),
            &["mx.zoho.eu", "mx2.zoho.eu", "mx3.zoho.eu"],
        ),
        zoho(
            "zoho-in",
            "Zoho Mail (India)",
            "smtp.zoho.in",
            crate::en!(
                "For Zoho accounts in the Indian data centre (you sign in at zoho.in). Mail on \
                 your own domain (an organisation account) uses smtppro.zoho.in instead. With \
                 two-factor sign-in, use an application-specific password."
            ),
            &["mx.zoho.in", "mx2.zoho.in", "mx3.zoho.in"],
        ),
        zoho(
            "zoho-au",
            "Zoho Mail (Australia)",
            "smtp.zoho.com.au",
            crate::en!(
                "For Zoho accounts in the Australian data centre (you sign in at zoho.com.au). \
                 Mail on your own domain (an organisation account) uses smtppro.zoho.com.au \
                 instead. With two-factor sign-in, use an application-specific password."
            ),
            &["mx.zoho.com.au", "mx2.zoho.com.au", "mx3.zoho.com.au"],
        ),
        zoho(
            "zoho-jp",
            "Zoho Mail (Japan)",
            "smtp.zoho.jp",
            crate::en!(
                "For Zoho accounts in the Japanese data centre (you sign in at zoho.jp). Mail on \
                 your own domain (an organisation account) uses smtppro.zoho.jp instead. With \
                 two-factor sign-in, use an application-specific password."
            ),
            &[],
        ),
        zoho(
            "zoho-ca",
            "Zoho Mail (Canada)",
            "smtp.zohocloud.ca",
            crate::en!(
                "For Zoho accounts in the Canadian data centre (you sign in at zohocloud.ca). \
                 Mail on your own domain (an organisation account) uses smtppro.zohocloud.ca \
                 instead. With two-factor sign-in, use an application-specific password."
            ),
            &[],
        ),
    ],
    sign_in: crate::en!(
        "Zoho Mail: use your full Zoho address as `userName`. If two-factor sign-in is on, create \
         an application-specific password in Zoho Accounts → Security and use it as `password`. \
         Use the server of your data centre (for example `smtp.zoho.eu` in Europe); organisation \
         accounts on their own domain use `smtppro.` in place of `smtp.` (for example \
         `smtppro.zoho.eu`)."
    ),
    // Zoho Mail help, "SPF" and "DKIM" (not in the reference).
    spf_includes: &["zohomail.com", "zoho.com", "zoho.eu"],
    dkim: Dkim {
        selectors: &["zmail"],
        record_type: "TXT",
        value: "v=DKIM1; k=rsa; p=<the public key Zoho shows>",
        where_to_find: crate::en!(
            "Zoho Mail Admin Console → Domains → your domain → Email Configuration → DKIM"
        ),
    },
    ..Provider::BLANK
};

/// One Zoho data centre's preset.
const fn zoho(
    id: &'static str,
    name: &'static str,
    host: &'static str,
    note: &'static str,
    mx: &'static [&'static str],
) -> Preset {
    Preset {
        id,
        name,
        host,
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full Zoho address"),
        note,
        mx,
        ..Preset::BLANK
    }
}

/// Fastmail: app password required; 465 preferred, 587 STARTTLS supported [S30]. Its MX hosts
/// `in1-smtp`/`in2-smtp.messagingengine.com` are not in the reference (Fastmail's help, "DNS
/// records for your domain").
pub const FASTMAIL: Provider = Provider {
    id: "fastmail",
    name: "Fastmail",
    hosts: &[
        "smtp.fastmail.com",
        "fastmail.com",
        "*.fastmail.com",
        "*.messagingengine.com",
    ],
    marks: &["fastmail", "messagingengine"],
    presets: &[Preset {
        id: "fastmail",
        name: "Fastmail",
        host: "smtp.fastmail.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full Fastmail address"),
        note: crate::en!(
            "Fastmail needs an app password, created in your Fastmail settings. Fastmail prefers \
             port 465, which ASP.NET cannot use; 587 is supported and is the one to use here."
        ),
        mx: &[
            "in1-smtp.messagingengine.com",
            "in2-smtp.messagingengine.com",
        ],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "Fastmail needs an app password: create one under Settings → Privacy & Security → App \
         passwords and use it as `password`."
    ),
    app_password: true,
    // Fastmail help, "DNS records for your domain" (not in the reference).
    spf_includes: &["spf.messagingengine.com"],
    dkim: Dkim {
        selectors: &["fm1", "fm2", "fm3"],
        record_type: "CNAME",
        value: "{selector}.{domain}.dkim.fmhosted.com",
        where_to_find: crate::en!("Fastmail Settings → Domains → your domain → DNS records"),
    },
    ..Provider::BLANK
};
