//! The prefixes of what the command line says on stderr (`error:`, `warning:`, `note:`), in the
//! user's language. The message is given already translated: our own words through `tr!`, an
//! engine's text (an error's `to_string()`) through [`crate::i18n::tr`].

/// Prints `message` on stderr as an error.
pub fn error(message: &str) {
    eprintln!("{}", crate::tr!("error: {message}", message = message));
}

/// Prints `message` on stderr as a warning (the command goes on).
pub fn warning(message: &str) {
    eprintln!("{}", crate::tr!("warning: {message}", message = message));
}

/// Prints `message` on stderr as a note.
pub fn note(message: &str) {
    eprintln!("{}", crate::tr!("note: {message}", message = message));
}

/// Prints an engine's error (its English `to_string()`, translated) on stderr as an error.
pub fn engine_error(error: &impl std::fmt::Display) {
    self::error(&crate::i18n::tr(&error.to_string()));
}

/// Prints an engine's error (translated) on stderr as a warning.
pub fn engine_warning(error: &impl std::fmt::Display) {
    warning(&crate::i18n::tr(&error.to_string()));
}
