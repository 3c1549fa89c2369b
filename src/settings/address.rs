//! Email addresses as they cross the wire. An international domain name (IDN, such as
//! `bücher.example`) goes out in its ASCII form (`xn--bcher-kva.example`), which every server
//! reads; a local part (the part before the `@`) with characters outside ASCII has no ASCII
//! form: only a server that offers SMTPUTF8 (RFC 6531) can take it.

use std::str::FromStr;

use lettre::Address;

use super::{Field, FieldProblem, Settings, Severity, Target};

/// Which address of the test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressRole {
    /// The sender (`from`), in `MAIL FROM` and the `From:` line.
    Sender,
    /// The test recipient, in `RCPT TO` and the `To:` line.
    Recipient,
}

impl AddressRole {
    /// "the sender address (from)" or "the test recipient", for a sentence.
    pub fn words(self) -> &'static str {
        match self {
            Self::Sender => crate::en!("the sender address (from)"),
            Self::Recipient => crate::en!("the test recipient"),
        }
    }
}

/// Why an address cannot go out, found before `MAIL FROM` (the server was never asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsendable {
    /// The local part is not ASCII, so only SMTPUTF8 could carry the address, and the client
    /// being copied cannot use it here: the server does not offer it, or (ASP.NET with its
    /// default `deliveryFormat`, `SevenBit`) the client never uses it.
    NeedsSmtpUtf8 {
        /// Whether the server offered SMTPUTF8 in its EHLO reply.
        offered: bool,
    },
    /// A valid address that cannot be written into the message's `From:` or `To:` line (a
    /// quoted local part with a space in it, such as `"a b"@example.com`, or an IP address
    /// after the `@`).
    NotInMessage,
}

impl Unsendable {
    /// The reason in a few words, for a sentence.
    pub fn words(self) -> &'static str {
        match self {
            Self::NeedsSmtpUtf8 { offered: false } => {
                crate::en!("only SMTPUTF8 could carry it, and this server does not offer SMTPUTF8")
            }
            Self::NeedsSmtpUtf8 { offered: true } => crate::en!(
                "only SMTPUTF8 could carry it, and ASP.NET does not use SMTPUTF8 by default"
            ),
            Self::NotInMessage => crate::en!("it cannot be written into the test message"),
        }
    }
}

/// `address` as the envelope and a 7-bit message carry it: the domain in its ASCII (`xn--`)
/// form, the local part as it is. An address whose domain is already ASCII comes back as it is.
pub fn with_ascii_domain(address: &Address) -> Address {
    let domain = address.domain();
    if domain.is_ascii() {
        return address.clone();
    }
    idna::domain_to_ascii(domain)
        .ok()
        .and_then(|ascii| Address::new(address.user(), ascii).ok())
        .unwrap_or_else(|| address.clone())
}

/// Whether the part before the `@` is plain ASCII, which every server can take.
pub fn local_part_is_ascii(address: &Address) -> bool {
    address.user().is_ascii()
}

/// What the settings' addresses will look like on the wire, as notes: an international domain
/// is sent in its ASCII form; a local part outside ASCII needs SMTPUTF8 (and ASP.NET refuses it
/// with its default settings). Only for addresses that are valid (the others have an error).
pub(super) fn notes(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    let addresses = [
        (Field::From, settings.from.trim()),
        (Field::To, settings.to.trim()),
    ];
    for (field, text) in addresses {
        let Ok(address) = Address::from_str(text) else {
            continue;
        };
        if !local_part_is_ascii(&address) {
            problems.push(FieldProblem {
                field,
                severity: Severity::Warning,
                message: non_ascii_note(text, settings.target),
            });
        }
        let ascii = with_ascii_domain(&address);
        if ascii.domain() != address.domain() {
            problems.push(FieldProblem {
                field,
                severity: Severity::Info,
                message: crate::en!(
                    "International domain: the test sends {address} as {ascii}, the form every \
                     mail server reads.",
                    address = text,
                    ascii = ascii.domain(),
                ),
            });
        }
    }
}

fn non_ascii_note(address: &str, target: Target) -> String {
    match target {
        Target::DotNet => crate::en!(
            "{address} has letters outside plain English before the @. ASP.NET's mail sender \
             refuses such an address unless deliveryFormat=\"International\" is set (ASP.NET 4.5 \
             or later) and the mail server offers SMTPUTF8 (international addresses). The test \
             shows what your website meets.",
            address = address,
        ),
        Target::Generic => crate::en!(
            "{address} has letters outside plain English before the @: only a mail server that \
             offers SMTPUTF8 (international addresses) can take it. The test checks whether this \
             one does.",
            address = address,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(text: &str) -> Address {
        Address::from_str(text).unwrap()
    }

    #[test]
    fn an_international_domain_goes_out_in_ascii() {
        let ascii = with_ascii_domain(&address("info@bücher.example"));
        assert_eq!(ascii.to_string(), "info@xn--bcher-kva.example");
        let plain = address("info@example.com");
        assert_eq!(with_ascii_domain(&plain), plain);
        let literal = address("info@[192.0.2.1]");
        assert_eq!(with_ascii_domain(&literal), literal);
    }

    #[test]
    fn only_the_local_part_decides_whether_smtputf8_is_needed() {
        assert!(local_part_is_ascii(&address("info@bücher.example")));
        assert!(!local_part_is_ascii(&address("jörg@example.com")));
    }

    #[test]
    fn notes_say_what_goes_on_the_wire() {
        let settings = Settings {
            from: "jörg@bücher.example".into(),
            to: "plain@example.com".into(),
            ..Settings::default()
        };
        let mut problems = Vec::new();
        notes(&settings, &mut problems);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.field == Field::From));
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("xn--bcher-kva.example"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("deliveryFormat"))
        );
    }
}
