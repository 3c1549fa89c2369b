//! What a provider publishes in its customers' DNS so that receivers trust the mail it sends:
//! the SPF `include:` that authorises its servers and the DKIM selectors it signs with. The
//! "will it arrive?" checks (`crate::arrive`) read these from the provider table.

use serde::Serialize;

/// How a provider's DKIM key is published for a customer's domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dkim {
    /// The selectors the provider signs with (`google`, `selector1`); the record lives at
    /// `SELECTOR._domainkey.DOMAIN`.
    pub selectors: &'static [&'static str],
    /// `CNAME` (the provider keeps the key) or `TXT` (the key itself is pasted).
    pub record_type: &'static str,
    /// The record's value, with `{selector}`, `{domain}` and `{dashed}` (the domain with dots
    /// as dashes) filled in, and `<…>` for what only the provider's console shows.
    pub value: &'static str,
    /// Where the owner finds the exact value.
    pub where_to_find: &'static str,
}

impl Dkim {
    /// A provider that does not sign with selectors we know.
    pub(crate) const NONE: Self = Self {
        selectors: &[],
        record_type: "",
        value: "",
        where_to_find: "",
    };

    /// The record's value for `selector` on `domain`.
    pub fn value_for(&self, selector: &str, domain: &str) -> String {
        self.value
            .replace("{selector}", selector)
            .replace("{dashed}", &domain.replace('.', "-"))
            .replace("{domain}", domain)
    }
}
