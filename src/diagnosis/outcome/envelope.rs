//! An address the test could not send, found before `MAIL FROM` (the server was never asked
//! to take it): a local part with letters outside ASCII, which only SMTPUTF8 (RFC 6531) could
//! carry, or an address that cannot be written into a message.

use super::Context;
use crate::diagnosis::texts::base;
use crate::diagnosis::{Diagnosis, DiagnosisId as D};
use crate::settings::Framework;
use crate::settings::address::{AddressRole, Unsendable};

impl Context<'_> {
    /// `address` (the sender or the test recipient) cannot go out, for `problem`.
    pub(super) fn address_unsendable(
        &self,
        role: AddressRole,
        address: &str,
        problem: Unsendable,
    ) -> Diagnosis {
        let id = match role {
            AddressRole::Sender => D::SenderRejected,
            AddressRole::Recipient => D::RecipientRejected,
        };
        let plain = match role {
            AddressRole::Sender => crate::en!(
                "Use a sender address (`from`) with only plain letters (a to z), digits, dots or \
                 hyphens before the @, for example `info@` your domain."
            ),
            AddressRole::Recipient => crate::en!(
                "Send the test to an address with only plain letters (a to z), digits, dots or \
                 hyphens before the @."
            ),
        };
        let diagnosis = base(id);
        match problem {
            Unsendable::NeedsSmtpUtf8 { offered } if self.dotnet() => {
                self.aspnet_needs_ascii(diagnosis, address, offered, plain)
            }
            Unsendable::NeedsSmtpUtf8 { .. } => diagnosis
                .with_summary(crate::en!(
                    "This server cannot take {address}, which has letters outside plain English \
                     before the @",
                    address = address,
                ))
                .with_explanation(crate::en!(
                    "Such an address can only travel with SMTPUTF8 (the mail standard for \
                     international addresses), and this server does not offer it. The test \
                     stopped before giving the server {role} ({address}): it would have refused or \
                     garbled it, and its refusal would have blamed the sender.",
                    role = role.words(),
                    address = address,
                ))
                .with_steps([
                    plain,
                    crate::en!(
                        "Or send through a mail server that offers SMTPUTF8: ask your provider \
                         whether it supports international email addresses."
                    ),
                ]),
            Unsendable::NotInMessage => {
                let mut diagnosis = diagnosis
                    .with_summary(crate::en!(
                        "The test cannot send with the address {address}",
                        address = address,
                    ))
                    .with_explanation(crate::en!(
                        "{address} is written in a form the mail standards allow but few \
                         programs handle (a quoted part with a space, or a server address in \
                         brackets after the @), and the test message cannot carry it. The test \
                         stopped before giving it to the server.",
                        address = address,
                    ))
                    .with_steps([crate::en!(
                        "{plain} Remove any quotes and spaces: the usual form is \
                         name@example.com.",
                        plain = plain,
                    )]);
                if self.dotnet() {
                    diagnosis = diagnosis.explain_more(crate::en!(
                        "ASP.NET itself may still send with it, but many mail servers and the \
                         programs that read the mail will not."
                    ));
                }
                diagnosis
            }
        }
    }

    /// ASP.NET with its default `deliveryFormat` (`SevenBit`) refuses an address with letters
    /// outside ASCII before the @, before `MAIL FROM`, whatever the server offers.
    fn aspnet_needs_ascii(
        &self,
        diagnosis: Diagnosis,
        address: &str,
        offered: bool,
        plain: &str,
    ) -> Diagnosis {
        let international = match self.settings.framework {
            Framework::Legacy => crate::en!(
                "Or move the site to .NET Framework 4.5 or later, which can send international \
                 addresses with `deliveryFormat=\"International\"` on the `<smtp>` element."
            ),
            Framework::Net4 => crate::en!(
                "Or add `deliveryFormat=\"International\"` to the `<smtp>` element in web.config \
                 (ASP.NET 4.5 or later): then ASP.NET sends international addresses to servers \
                 that offer SMTPUTF8."
            ),
            Framework::Core => crate::en!(
                "Or set `DeliveryFormat = SmtpDeliveryFormat.International` on the `SmtpClient` in \
                 your code: then it sends international addresses to servers that offer \
                 SMTPUTF8."
            ),
        };
        let server = if offered {
            crate::en!(
                "This server offers SMTPUTF8 (the mail standard for international addresses), so \
                 that setting would let it through."
            )
        } else {
            crate::en!(
                "This server does not offer SMTPUTF8 (the mail standard for international \
                 addresses), so it needs a server that does as well."
            )
        };
        // The server's part is a sentence of its own, so each is found by its words.
        diagnosis
            .with_summary(crate::en!(
                "ASP.NET will not send with {address}, which has letters outside plain English \
                 before the @",
                address = address,
            ))
            .with_explanation(crate::en!(
                "ASP.NET's mail sender sends only addresses whose part before the @ is plain \
                 English letters, unless it is set to send international ones. It stops before \
                 the server is asked, as the test did."
            ))
            .explain_more(server)
            .with_steps([plain, international])
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnosis::texts::tests::assert_kind;
    use crate::diagnosis::{DiagnosisId, diagnose};
    use crate::session::{SessionError, SessionReport};
    use crate::settings::address::{AddressRole, Unsendable};
    use crate::settings::{Framework, Settings, Target};

    fn diagnosis_for(
        target: Target,
        framework: Framework,
        role: AddressRole,
        problem: Unsendable,
    ) -> crate::diagnosis::Diagnosis {
        let settings = Settings {
            host: "smtp.example.com".into(),
            from: "jörg@example.com".into(),
            target,
            framework,
            ..Settings::default()
        };
        let report = SessionReport {
            error: Some(SessionError::AddressUnsendable {
                role,
                address: "jörg@example.com".into(),
                problem,
            }),
            ..SessionReport::default()
        };
        let diagnosis = diagnose(&settings, &report).unwrap();
        assert_kind(&diagnosis);
        diagnosis
    }

    #[test]
    fn a_server_without_smtputf8_is_named_and_the_sender_is_not_blamed_for_it() {
        let problem = Unsendable::NeedsSmtpUtf8 { offered: false };
        let d = diagnosis_for(
            Target::Generic,
            Framework::Net4,
            AddressRole::Sender,
            problem,
        );
        assert_eq!(d.id, DiagnosisId::SenderRejected);
        assert!(d.summary.contains("jörg@example.com"), "{}", d.summary);
        assert!(
            d.explanation.contains("does not offer it"),
            "{}",
            d.explanation
        );
        assert!(d.steps_to_fix.iter().any(|s| s.contains("offers SMTPUTF8")));
        let d = diagnosis_for(
            Target::Generic,
            Framework::Net4,
            AddressRole::Recipient,
            problem,
        );
        assert_eq!(d.id, DiagnosisId::RecipientRejected);
    }

    #[test]
    fn aspnet_is_told_how_its_own_version_sends_international_addresses() {
        let problem = Unsendable::NeedsSmtpUtf8 { offered: true };
        let sender = AddressRole::Sender;
        let d = diagnosis_for(Target::DotNet, Framework::Net4, sender, problem);
        assert!(d.steps_to_fix.iter().any(|s| s.contains("deliveryFormat")));
        assert!(d.explanation.contains("would let it through"));
        let d = diagnosis_for(Target::DotNet, Framework::Core, sender, problem);
        assert!(
            d.steps_to_fix
                .iter()
                .any(|s| s.contains("SmtpDeliveryFormat"))
        );
    }

    #[test]
    fn an_address_the_message_cannot_carry_says_what_to_change() {
        let d = diagnosis_for(
            Target::Generic,
            Framework::Net4,
            AddressRole::Sender,
            Unsendable::NotInMessage,
        );
        assert!(d.steps_to_fix[0].contains("`from`"), "{:?}", d.steps_to_fix);
        assert!(d.steps_to_fix[0].contains("quotes and spaces"));
    }
}
