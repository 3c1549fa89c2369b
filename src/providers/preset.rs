//! Presets: the server settings a site owner would otherwise have to look up, flattened from the
//! provider table in its order, with "Other / my host" last.

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::{PROVIDERS, Provider};
use crate::settings::Settings;

/// One set of server settings a site owner can pick, and what they must know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The CLI name, lower case (e.g. `gmail`, `zoho-eu`).
    pub id: &'static str,
    /// The name shown in the provider list (e.g. "Gmail / Google Workspace").
    pub name: &'static str,
    /// `<network host>`; empty only for "Other / my host".
    pub host: &'static str,
    /// `<network port>`: 587 wherever the provider supports it.
    pub port: u16,
    /// `<network enableSsl>`.
    pub enable_ssl: bool,
    /// Whether the server wants a user name and password (`false`: a relay that knows the
    /// website by its IP address, so `userName` stays empty).
    pub signs_in: bool,
    /// What to type as the user name (e.g. "your full Gmail address").
    pub user_name_hint: &'static str,
    /// A user name that is always the same (`apikey` for the `sendgrid` preset).
    pub fixed_user_name: Option<&'static str>,
    /// One to three sentences a site owner understands.
    pub note: &'static str,
    /// Whether a website using System.Net.Mail can sign in at all.
    pub aspnet_ok: bool,
    /// MX host patterns: a domain whose mail points there is best sent through this preset
    /// (see [`super::pattern`]).
    pub mx: &'static [&'static str],
}

impl Preset {
    /// A preset with only the usual values filled in, for `..Preset::BLANK` in the table.
    pub(crate) const BLANK: Self = Self {
        id: "",
        name: "",
        host: "",
        port: 587,
        enable_ssl: true,
        signs_in: true,
        user_name_hint: "",
        fixed_user_name: None,
        note: "",
        aspnet_ok: true,
        mx: &[],
    };

    /// The provider this preset belongs to (`None` for "Other / my host").
    pub fn provider(&self) -> Option<&'static Provider> {
        PROVIDERS
            .iter()
            .copied()
            .find(|provider| provider.presets.iter().any(|p| p.id == self.id))
    }

    /// Ports to try when `port` is blocked (the provider's alternative ports).
    pub fn alternative_ports(&self) -> &'static [u16] {
        self.provider().map_or(&[], |p| p.alternative_ports)
    }

    /// Fills in the preset's server settings: host, port, `enableSsl` and, where the provider
    /// fixes it, the user name. The explicit security mode is cleared so that `enableSsl`
    /// decides, as it does on the website. A user name fixed by another preset (`apikey`) is
    /// cleared, because it would be wrong here, and so is any user name for a relay that takes
    /// no sign-in (with an empty `userName` System.Net.Mail sends no credentials).
    pub fn apply(&self, settings: &mut Settings) {
        self.host.clone_into(&mut settings.host);
        settings.port = u32::from(self.port);
        settings.enable_ssl = self.enable_ssl;
        settings.security = None;
        if let Some(user) = self.fixed_user_name {
            user.clone_into(&mut settings.user_name);
        } else if !self.signs_in
            || PRESETS
                .iter()
                .any(|p| p.fixed_user_name == Some(settings.user_name.as_str()))
        {
            settings.user_name.clear();
        }
    }
}

/// `mailtester presets --json` shows each preset with its provider and alternative ports; the
/// MX patterns stay internal.
impl Serialize for Preset {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Preset", 12)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("provider", &self.provider().map(|p| p.id))?;
        s.serialize_field("host", self.host)?;
        s.serialize_field("port", &self.port)?;
        s.serialize_field("enable_ssl", &self.enable_ssl)?;
        s.serialize_field("signs_in", &self.signs_in)?;
        s.serialize_field("user_name_hint", self.user_name_hint)?;
        s.serialize_field("fixed_user_name", &self.fixed_user_name)?;
        s.serialize_field("note", self.note)?;
        s.serialize_field("aspnet_ok", &self.aspnet_ok)?;
        s.serialize_field("alternative_ports", self.alternative_ports())?;
        s.end()
    }
}

/// "Other / my host": always last in the list.
const OTHER: Preset = Preset {
    id: "other",
    name: crate::en!("Other / my host"),
    user_name_hint: crate::en!("usually your full email address"),
    note: crate::en!(
        "Use the outgoing (SMTP) server your host or mail provider gives you, with port 587 and \
         SSL on. Port 465 will not work from ASP.NET."
    ),
    ..Preset::BLANK
};

const PRESET_COUNT: usize = {
    let mut count = 1;
    let mut i = 0;
    while i < PROVIDERS.len() {
        count += PROVIDERS[i].presets.len();
        i += 1;
    }
    count
};

const ALL_PRESETS: [Preset; PRESET_COUNT] = {
    let mut all = [OTHER; PRESET_COUNT];
    let mut next = 0;
    let mut i = 0;
    while i < PROVIDERS.len() {
        let presets = PROVIDERS[i].presets;
        let mut j = 0;
        while j < presets.len() {
            all[next] = presets[j];
            next += 1;
            j += 1;
        }
        i += 1;
    }
    all
};

/// Every preset, in the provider table's order (most common first); "Other / my host" is last.
pub const PRESETS: &[Preset] = &ALL_PRESETS;

/// The preset with this id, ignoring case (`find("GMAIL")`).
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(id.trim()))
}
