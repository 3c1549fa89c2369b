//! The system's language: Windows' display language, macOS' preferred languages, and on Linux
//! `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` (through `sys-locale`), first one we speak wins.

use super::Language;

/// The first of the system's preferred languages that we speak; English when none is.
pub fn system_language() -> Language {
    first_spoken(sys_locale::get_locales())
}

/// The first code of `preferred` that names a language we speak; English when none does.
pub fn first_spoken(preferred: impl IntoIterator<Item = String>) -> Language {
    preferred
        .into_iter()
        .flat_map(|entry| {
            // LANGUAGE lists several, separated by colons.
            entry.split(':').map(str::to_owned).collect::<Vec<_>>()
        })
        .find_map(|code| Language::from_code(&code).filter(|found| *found != Language::Pseudo))
        .unwrap_or(Language::English)
}

#[cfg(test)]
mod tests {
    use super::{Language, first_spoken};

    fn first(codes: &[&str]) -> Language {
        first_spoken(codes.iter().map(|code| (*code).to_owned()))
    }

    #[test]
    fn the_first_language_we_speak_wins() {
        assert_eq!(first(&["zh-TW", "de-DE", "fr-FR"]), Language::German);
        assert_eq!(first(&["sv_SE.UTF-8"]), Language::English);
        assert_eq!(first(&["pt_BR.UTF-8"]), Language::PortugueseBrazil);
        assert_eq!(first(&["ja:en"]), Language::Japanese);
        assert_eq!(first(&[]), Language::English);
        assert_eq!(first(&["qps-ploc"]), Language::English);
    }
}
