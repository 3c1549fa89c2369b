//! Small rules for the window's words: an engine text translated off the window's thread, a
//! sentence that starts with a capital.

/// The engine's `text` in `language` (background work runs on tokio's threads, whose language
/// is not the window's).
pub(super) fn translated(language: crate::i18n::Language, text: &str) -> String {
    crate::i18n::with_language(language, || crate::i18n::tr(text).into_owned())
}

/// `text` with a capital first letter (the engine's errors continue a sentence).
pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
