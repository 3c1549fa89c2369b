//! Folder names as IMAP writes them (modified UTF-7, RFC 3501 section 5.1.3: `Entw&APw-rfe`)
//! made readable (`Entwürfe`), and the names that mean Junk in the languages mail clients use.

use base64::Engine as _;
use base64::alphabet::IMAP_MUTF7;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Folder names (their last part, compared without case) that mean Junk when the server marks
/// none with `\Junk`: English, and the names Outlook, Thunderbird and Gmail use in German,
/// French, Spanish, Italian, Dutch and Portuguese.
pub const JUNK_NAMES: &[&str] = &[
    "junk",
    "spam",
    "junk e-mail",
    "junk email",
    "junk mail",
    "bulk mail",
    "bulk",
    "junk-e-mail",
    "unerwünscht",
    "courrier indésirable",
    "pourriel",
    "correo no deseado",
    "posta indesiderata",
    "ongewenste e-mail",
    "lixo eletrônico",
    "lixo electrónico",
];

/// `name` decoded from modified UTF-7; unchanged when it is not valid modified UTF-7.
pub fn decoded(name: &str) -> String {
    decode(name).unwrap_or_else(|| name.to_owned())
}

fn decode(name: &str) -> Option<String> {
    let engine = GeneralPurpose::new(
        &IMAP_MUTF7,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::RequireNone),
    );
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find('-')?;
        let encoded = &after[..end];
        if encoded.is_empty() {
            out.push('&');
        } else {
            let bytes = engine.decode(encoded).ok()?;
            if bytes.len() % 2 != 0 {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            out.push_str(&String::from_utf16(&units).ok()?);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Whether the last part of a folder's (decoded) name means Junk.
pub fn means_junk(last_part: &str) -> bool {
    let lower = last_part.to_lowercase();
    JUNK_NAMES.iter().any(|junk| lower == *junk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_utf7_is_decoded() {
        assert_eq!(decoded("Entw&APw-rfe"), "Entwürfe");
        assert_eq!(decoded("Courrier ind&AOk-sirable"), "Courrier indésirable");
        assert_eq!(decoded("Tom &- Jerry"), "Tom & Jerry");
        assert_eq!(decoded("&ZeVnLIqe-"), "日本語");
        assert_eq!(decoded("INBOX"), "INBOX");
    }

    #[test]
    fn broken_names_stay_as_they_are() {
        for raw in ["a&b", "&!!!-", "&AP-"] {
            assert_eq!(decoded(raw), raw);
        }
    }

    #[test]
    fn localised_junk_folders_are_recognised() {
        assert!(means_junk("Junk-E-Mail"));
        assert!(means_junk(&decoded("Courrier ind&AOk-sirable")));
        assert!(means_junk("SPAM"));
        assert!(!means_junk("Archive"));
    }
}
