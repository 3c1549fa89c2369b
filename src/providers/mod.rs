//! Mail providers as one table: how to recognise each one (host names, MX hosts, words in its
//! replies), the presets a site owner can pick, the ports to try when `587` is blocked, and what
//! the diagnosis tells a site owner about it (app passwords, special user names, senders, what to
//! do when it stops taking a password).
//!
//! Every preset is chosen for ASP.NET (System.Net.Mail): a port with STARTTLS (`enableSsl="true"`,
//! usually 587), never 465, which System.Net.Mail cannot use; the only exception is a relay that
//! takes no sign-in (a hosting company's relay on port 25), where no password crosses the network.
//! The CLI (`--preset gmail`, `mailtester presets`), the window's provider list and the diagnosis
//! all read this table.
//!
//! Host patterns follow one rule, in [`pattern`]: a `*` label stands for one or more whole labels;
//! when several providers match, the most specific pattern wins.

// Brand names (GoDaddy, OVHcloud, iCloud) are not code: no backticks in the table's docs.
mod auth;
#[allow(clippy::doc_markdown)]
mod data;
pub mod pattern;
mod preset;

#[cfg(test)]
mod preset_tests;
#[cfg(test)]
mod tests;

pub use auth::Dkim;
pub use preset::{PRESETS, Preset, find};

/// Every provider we recognise, in the order the provider list shows their presets (most common
/// first). The order also breaks ties between equally specific patterns and marks.
pub const PROVIDERS: &[&Provider] = &[
    &data::google_microsoft::GMAIL,
    &data::google_microsoft::GOOGLE_RELAY,
    &data::google_microsoft::MICROSOFT_365,
    &data::google_microsoft::MICROSOFT_365_DIRECT_SEND,
    &data::google_microsoft::OUTLOOK,
    &data::mailboxes::YAHOO,
    &data::mailboxes::AOL,
    &data::mailboxes::ICLOUD,
    &data::mailboxes::ZOHO,
    &data::mailboxes::FASTMAIL,
    &data::hosting::GODADDY,
    &data::hosting::GODADDY_RELAY,
    &data::hosting::IONOS,
    &data::hosting::OVH,
    &data::services::AZURE,
    &data::services::SES,
    &data::services::SENDGRID,
    &data::services::MAILGUN,
    &data::services::POSTMARK,
    &data::services::BREVO,
    &data::services::MAILJET,
    &data::services::SMTP2GO,
];

/// What we know about one mail provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provider {
    /// Stable id, lower case (`gmail`); the id of its main preset when it has one.
    pub id: &'static str,
    /// The name a site owner knows it by, used inside sentences ("Gmail needs an app
    /// password").
    pub name: &'static str,
    /// Host-name patterns of its sending servers (see [`pattern`] for the wildcard rule).
    pub hosts: &'static [&'static str],
    /// Lower-case words that give the provider away in a greeting, a reply or a pasted error.
    pub marks: &'static [&'static str],
    /// What a site owner can pick in the provider list; may be empty (detection only).
    pub presets: &'static [Preset],
    /// Other ports with STARTTLS (`enableSsl="true"`) that this provider accepts and that often
    /// get through where `587` is blocked (`2525`, `2587` for Amazon SES), best first. Never
    /// `25`, `465` or `587`.
    pub alternative_ports: &'static [u16],
    /// One diagnosis step: what to sign in with.
    pub sign_in: &'static str,
    /// Whether the normal account password is refused and an app password is needed.
    pub app_password: bool,
    /// One diagnosis step: which sender addresses the provider accepts.
    pub sender: Option<&'static str>,
    /// Diagnosis steps for when the provider no longer takes a password from mail programs:
    /// what a System.Net.Mail website (which cannot do OAuth) can do instead.
    pub instead: &'static [&'static str],
    /// One diagnosis step for connection or relay refusals: who may send through this server.
    pub reach: Option<&'static str>,
    /// The SPF `include:` domains that authorise its servers, the one to suggest first.
    pub spf_includes: &'static [&'static str],
    /// The DKIM selectors it signs a customer's domain with, and the record to publish.
    pub dkim: Dkim,
    /// Free-mail domains whose addresses are its own mailboxes (`gmail.com`): their DMARC
    /// policy lets only the provider's own servers send as them.
    pub mailbox_domains: &'static [&'static str],
}

impl Provider {
    /// A provider with nothing filled in, for `..Provider::BLANK` in the table.
    pub(crate) const BLANK: Self = Self {
        id: "",
        name: "",
        hosts: &[],
        marks: &[],
        presets: &[],
        alternative_ports: &[],
        sign_in: "",
        app_password: false,
        sender: None,
        instead: &[],
        reach: None,
        spf_includes: &[],
        dkim: Dkim::NONE,
        mailbox_domains: &[],
    };

    /// The first alternative port other than `current`, if the provider has one.
    pub fn alternative_port(&self, current: u32) -> Option<u16> {
        self.alternative_ports
            .iter()
            .copied()
            .find(|&port| u32::from(port) != current)
    }

    /// One diagnosis step for a blocked port: the provider's alternative port, in web.config
    /// terms. `None` when the provider has none (other than `current`).
    pub fn alternative_port_step(&self, current: u32) -> Option<String> {
        self.alternative_port(current).map(|port| {
            crate::en!(
                "{provider} also takes mail on port `{port}`, which hosting companies and \
                 internet providers rarely block: change `port` to `{port}` and keep `enableSsl` \
                 set to `true`.",
                provider = self.name,
                port = port
            )
        })
    }
}

/// The provider that runs `host`, if we know it: the most specific matching pattern wins.
pub fn by_host(host: &str) -> Option<&'static Provider> {
    let host = pattern::normalize(host);
    let mut best = Best::default();
    for &provider in PROVIDERS {
        for p in provider.hosts {
            if pattern::matches(&host, p) {
                best.offer(provider, pattern::specificity(p));
            }
        }
    }
    best.winner()
}

/// The preset to suggest for a domain whose mail (MX record) points at `mx_host`: the most
/// specific matching MX pattern wins.
pub fn by_mx(mx_host: &str) -> Option<&'static Preset> {
    let host = pattern::normalize(mx_host);
    let mut best = Best::default();
    for &provider in PROVIDERS {
        for preset in provider.presets {
            for p in preset.mx {
                if pattern::matches(&host, p) {
                    best.offer(preset, pattern::specificity(p));
                }
            }
        }
    }
    best.winner()
}

/// The provider whose marks appear in `text` (a greeting, a reply, a pasted error): the longest
/// matching mark wins, so `smtp-mail.outlook.com` names Outlook.com, not Microsoft 365.
pub fn in_text(text: &str) -> Option<&'static Provider> {
    let text = text.to_lowercase();
    let mut best = Best::default();
    for &provider in PROVIDERS {
        for mark in provider.marks {
            if text.contains(mark) {
                best.offer(provider, (true, mark.len()));
            }
        }
    }
    best.winner()
}

/// The provider from the host name first, then from anything the server said.
pub fn detect(host: &str, said: &[&str]) -> Option<&'static Provider> {
    by_host(host).or_else(|| said.iter().find_map(|text| in_text(text)))
}

/// The provider called `name` (for replies that only one provider sends).
pub fn named(name: &str) -> Option<&'static Provider> {
    PROVIDERS
        .iter()
        .copied()
        .find(|provider| provider.name == name)
}

/// The provider whose free-mail domain `domain` is (`gmail.com` → Gmail).
pub fn by_mailbox_domain(domain: &str) -> Option<&'static Provider> {
    let domain = pattern::normalize(domain);
    PROVIDERS
        .iter()
        .copied()
        .find(|provider| provider.mailbox_domains.contains(&domain.as_str()))
}

/// The provider with this id, ignoring case.
pub fn by_id(id: &str) -> Option<&'static Provider> {
    PROVIDERS
        .iter()
        .copied()
        .find(|provider| provider.id.eq_ignore_ascii_case(id.trim()))
}

/// The first candidate with the highest score: table order breaks ties.
struct Best<T> {
    top: Option<(T, (bool, usize))>,
}

impl<T> Default for Best<T> {
    fn default() -> Self {
        Self { top: None }
    }
}

impl<T> Best<T> {
    fn offer(&mut self, item: T, score: (bool, usize)) {
        if self.top.as_ref().is_none_or(|(_, top)| score > *top) {
            self.top = Some((item, score));
        }
    }

    fn winner(self) -> Option<T> {
        self.top.map(|(item, _)| item)
    }
}
