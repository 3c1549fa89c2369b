//! The languages the program speaks, and how a language code names one.

use std::fmt;

use unic_langid::LanguageIdentifier;

/// A language the window and the command line can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    /// English: the source of every text and the fallback for anything not translated.
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Brazilian Portuguese (also chosen for `pt` and `pt-PT`).
    PortugueseBrazil,
    /// Italian.
    Italian,
    /// Dutch.
    Dutch,
    /// Polish.
    Polish,
    /// Japanese.
    Japanese,
    /// A pseudo-locale for checking layouts: English, accented and a third longer, in brackets.
    /// Only chosen by name (`--lang qps-ploc`), never from the system.
    Pseudo,
}

impl Language {
    /// Every real language, English first, in the order the window lists them.
    pub const ALL: [Self; 9] = [
        Self::English,
        Self::German,
        Self::French,
        Self::Spanish,
        Self::PortugueseBrazil,
        Self::Italian,
        Self::Dutch,
        Self::Polish,
        Self::Japanese,
    ];

    /// The BCP 47 code: `de`, `pt-BR`, `qps-ploc`.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::German => "de",
            Self::French => "fr",
            Self::Spanish => "es",
            Self::PortugueseBrazil => "pt-BR",
            Self::Italian => "it",
            Self::Dutch => "nl",
            Self::Polish => "pl",
            Self::Japanese => "ja",
            Self::Pseudo => "qps-ploc",
        }
    }

    /// The language's own name for itself, as the window's Language list shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::German => "Deutsch",
            Self::French => "Français",
            Self::Spanish => "Español",
            Self::PortugueseBrazil => "Português (Brasil)",
            Self::Italian => "Italiano",
            Self::Dutch => "Nederlands",
            Self::Polish => "Polski",
            Self::Japanese => "日本語",
            Self::Pseudo => "Pseudo-locale",
        }
    }

    /// What goes between two sentences: a space, or nothing in Japanese.
    pub(super) fn sentence_gap(self) -> &'static str {
        if self == Self::Japanese { "" } else { " " }
    }

    /// The language a code asks for, negotiated: `de-AT` is German, `pt` and `pt-PT` are
    /// Brazilian Portuguese, `en_GB.UTF-8` is English. `None` for a language we do not speak.
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        if code.eq_ignore_ascii_case("qps-ploc") || code.eq_ignore_ascii_case("pseudo") {
            return Some(Self::Pseudo);
        }
        let requested = identifier(code)?;
        let available: Vec<LanguageIdentifier> = Self::ALL
            .iter()
            .filter_map(|language| identifier(language.code()))
            .collect();
        let chosen = fluent_langneg::negotiate_languages(
            &[requested],
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let chosen = chosen.first()?;
        Self::ALL
            .into_iter()
            .find(|language| identifier(language.code()).as_ref() == Some(*chosen))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A code as POSIX and Windows write it (`de_DE.UTF-8@euro`, `pt-BR`) as a language identifier.
fn identifier(code: &str) -> Option<LanguageIdentifier> {
    let code = code
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    if code.is_empty() || code.eq_ignore_ascii_case("C") || code.eq_ignore_ascii_case("POSIX") {
        return None;
    }
    code.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn codes_are_negotiated_to_the_nearest_language() {
        let cases = [
            ("de", Some(Language::German)),
            ("de-AT", Some(Language::German)),
            ("de_CH.UTF-8", Some(Language::German)),
            ("pt-BR", Some(Language::PortugueseBrazil)),
            ("pt", Some(Language::PortugueseBrazil)),
            ("pt_PT.UTF-8", Some(Language::PortugueseBrazil)),
            ("ja_JP.UTF-8", Some(Language::Japanese)),
            ("en_GB.UTF-8", Some(Language::English)),
            ("fr-CA", Some(Language::French)),
            ("nl-BE", Some(Language::Dutch)),
            ("qps-ploc", Some(Language::Pseudo)),
            ("zh-TW", None),
            ("C", None),
            ("POSIX", None),
            ("", None),
            ("not a language!", None),
        ];
        for (code, expected) in cases {
            assert_eq!(Language::from_code(code), expected, "{code}");
        }
    }

    #[test]
    fn every_language_is_found_by_its_own_code() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
    }
}
