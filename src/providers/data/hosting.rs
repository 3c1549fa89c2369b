//! Hosting companies' mail: GoDaddy (mailboxes and the Windows hosting relay), IONOS, OVHcloud.

use crate::providers::{Preset, Provider};

/// GoDaddy mailboxes (Workspace email): `smtpout.secureserver.net`, 465 SSL and also 587
/// (reference table, C/u). GoDaddy's Microsoft 365 plans use the Microsoft 365 settings (u).
/// MX hosts `smtp.secureserver.net` and `mailstore1.secureserver.net` are not in the reference
/// (GoDaddy's help, "What are my MX records").
pub const GODADDY: Provider = Provider {
    id: "godaddy",
    name: "GoDaddy",
    hosts: &["secureserver.net", "*.secureserver.net"],
    marks: &["secureserver.net"],
    presets: &[Preset {
        id: "godaddy",
        name: "GoDaddy (Workspace email)",
        host: "smtpout.secureserver.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full email address"),
        note: crate::en!(
            "Use your full email address and its mailbox password. GoDaddy lists port 465, which \
             ASP.NET cannot use, so this uses 587; if your GoDaddy email is a Microsoft 365 plan, \
             choose Microsoft 365 instead."
        ),
        mx: &["smtp.secureserver.net", "mailstore1.secureserver.net"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "GoDaddy email: use your full email address as `userName` and the mailbox's password, \
         with `host` set to `smtpout.secureserver.net`. If your GoDaddy email is a Microsoft 365 \
         plan, use the Microsoft 365 settings (`smtp.office365.com`) instead."
    ),
    ..Provider::BLANK
};

/// GoDaddy's relay for websites on its Windows (Plesk) hosting: `relay-hosting.secureserver.net`,
/// port 25, no sign-in, no SSL, and only from GoDaddy's own hosting servers (not in the
/// reference: GoDaddy's help, "Send form mail using an SMTP relay server", and its ASP.NET
/// samples). Very common in web.config files of ASP.NET sites hosted there.
pub const GODADDY_RELAY: Provider = Provider {
    id: "godaddy-relay",
    name: "GoDaddy's hosting relay",
    hosts: &["relay-hosting.secureserver.net"],
    marks: &["relay-hosting.secureserver.net"],
    presets: &[Preset {
        id: "godaddy-relay",
        name: "GoDaddy Windows/Plesk hosting (relay)",
        host: "relay-hosting.secureserver.net",
        port: 25,
        enable_ssl: false,
        signs_in: false,
        user_name_hint: crate::en!("none: leave the user name and password empty"),
        note: crate::en!(
            "For websites on GoDaddy's Windows (Plesk) hosting: the relay takes mail only from \
             GoDaddy's own hosting servers, on port 25, without sign-in or SSL. A test from any \
             other computer, this one included, fails even when these settings are right; from \
             elsewhere, use your mailbox's server smtpout.secureserver.net (GoDaddy Workspace \
             email) instead."
        ),
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "GoDaddy's hosting relay (`relay-hosting.secureserver.net`) takes no sign-in: leave \
         `userName` and `password` empty, with `port` set to `25` and `enableSsl` set to `false`."
    ),
    reach: Some(crate::en!(
        "GoDaddy's hosting relay takes mail only from websites on GoDaddy's own Windows (Plesk) \
         hosting: a test from any other computer, this one included, is refused or gets no answer \
         even when the settings are right. To send from elsewhere, use your GoDaddy mailbox's \
         server, `smtpout.secureserver.net`, on port `587` with its password."
    )),
    ..Provider::BLANK
};

/// IONOS: `smtp.ionos.com` (US), `.de`, `.co.uk` (u); 587 STARTTLS (C); full address and mailbox
/// password. MX hosts `mx00`/`mx01.ionos.<country>` are not in the reference (IONOS help, "MX
/// records for IONOS email").
pub const IONOS: Provider = Provider {
    id: "ionos",
    name: "IONOS",
    hosts: &["*.ionos.com", "*.ionos.de", "*.ionos.co.uk"],
    marks: &["ionos"],
    presets: &[Preset {
        id: "ionos",
        name: "IONOS",
        host: "smtp.ionos.com",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full email address"),
        note: crate::en!(
            "Use your full email address and its mailbox password. This is the US server; use \
             smtp.ionos.de or smtp.ionos.co.uk if your contract is in Germany or the UK."
        ),
        mx: &[
            "mx00.ionos.com",
            "mx01.ionos.com",
            "mx00.ionos.de",
            "mx01.ionos.de",
            "mx00.ionos.co.uk",
            "mx01.ionos.co.uk",
        ],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "IONOS: use the full email address as `userName` and the mailbox's password, with the \
         server of your contract's country as `host` (`smtp.ionos.com`, `smtp.ionos.de` or \
         `smtp.ionos.co.uk`)."
    ),
    ..Provider::BLANK
};

/// OVHcloud MX Plan: `ssl0.ovh.net`, 587 STARTTLS; the certificate is for `ssl0.ovh.net` only
/// (reference table, gids.ovh.nl, C). MX hosts `mx1`… `.mail.ovh.net` are not in the reference
/// (OVHcloud's guide "Adding an MX record").
pub const OVH: Provider = Provider {
    id: "ovh",
    name: "OVHcloud",
    hosts: &["*.ovh.net", "*.ovh.com", "*.ovhcloud.com"],
    marks: &["ovh.net"],
    presets: &[Preset {
        id: "ovh",
        name: "OVHcloud (MX Plan)",
        host: "ssl0.ovh.net",
        port: 587,
        enable_ssl: true,
        user_name_hint: crate::en!("your full email address"),
        note: crate::en!(
            "Always use ssl0.ovh.net, not mail.yourdomain or another alias: the server's \
             certificate is only valid for ssl0.ovh.net."
        ),
        mx: &["*.mail.ovh.net"],
        ..Preset::BLANK
    }],
    sign_in: crate::en!(
        "OVHcloud: use the full email address as `userName` and the mailbox password, with `host` \
         set to `ssl0.ovh.net` (the name its certificate is valid for)."
    ),
    ..Provider::BLANK
};
