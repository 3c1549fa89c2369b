//! Which profile names are allowed: short, printable, no path separators.

use super::ProfileError;

/// The longest profile name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// Checks a profile name: 1 to [`MAX_NAME_CHARS`] characters, no `/` or `\`, no control
/// characters, no spaces at either end, not `.` or `..`.
pub fn validate_name(name: &str) -> Result<(), ProfileError> {
    let reason = if name.is_empty() {
        Some(crate::en!("it is empty").to_owned())
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(crate::en!(
            "it is longer than {limit} characters",
            limit = MAX_NAME_CHARS,
        ))
    } else if name.contains(['/', '\\']) {
        Some(crate::en!("it contains / or \\").to_owned())
    } else if name.chars().any(char::is_control) {
        Some(crate::en!("it contains a control character (such as a tab or a new line)").to_owned())
    } else if name.trim() != name {
        Some(crate::en!("it starts or ends with a space").to_owned())
    } else if name == "." || name == ".." {
        Some(crate::en!("it is . or ..").to_owned())
    } else {
        None
    };
    match reason {
        Some(reason) => Err(ProfileError::InvalidName {
            name: name.chars().take(MAX_NAME_CHARS).collect(),
            reason,
        }),
        None => Ok(()),
    }
}
