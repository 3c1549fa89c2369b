//! Signing in: sign-in not offered, offered only after encryption, with methods ASP.NET cannot
//! use, or stopped before the password could leave unencrypted.

use super::Context;
use crate::diagnosis::texts::base;
use crate::diagnosis::{Diagnosis, DiagnosisId as D};

impl Context<'_> {
    /// Stopped before the password left unencrypted: STARTTLS protects it where offered.
    pub(super) fn password_unencrypted(&self, starttls_offered: bool) -> Diagnosis {
        let diagnosis = base(D::PasswordUnencrypted);
        if starttls_offered {
            return diagnosis
                .explain_more(crate::en!(
                    "This server offers STARTTLS (encryption), so the fix is one setting."
                ))
                .with_change(self.suggest(vec![self.starttls()]));
        }
        let allow_once = diagnosis.steps_to_fix.last().cloned().unwrap_or_default();
        diagnosis
            .explain_more(crate::en!("This server offers no encryption on this port."))
            .with_steps([
                crate::en!(
                    "Ask your mail provider for the port that offers encryption (usually `587` \
                     with STARTTLS) and use it."
                )
                .to_owned(),
                allow_once,
            ])
    }

    /// The server offered no sign-in: it may hide it until the connection is encrypted.
    pub(super) fn auth_not_offered(&self, encrypted: bool, starttls_offered: bool) -> Diagnosis {
        if !encrypted && starttls_offered {
            return base(D::AuthRequiresTls)
                .with_explanation(crate::en!(
                    "The server offers sign-in only after the connection is encrypted with STARTTLS (the way a \
                     mail server switches to an encrypted connection), so it hid sign-in to protect your \
                     password. `enableSsl=\"true\"` turns STARTTLS on in web.config."
                ))
                .with_change(self.suggest(vec![self.starttls()]));
        }
        self.submission_when(base(D::AuthNotOffered), self.port() == 25)
    }
}

/// The server offered only sign-in methods the target cannot use.
pub(super) fn mechanism_unsupported(offered: &[String], target_name: &str) -> Diagnosis {
    let target = if target_name.trim().is_empty() {
        "ASP.NET"
    } else {
        target_name.trim()
    };
    let list = if offered.is_empty() {
        crate::en!("no sign-in method").to_owned()
    } else {
        offered.join(", ")
    };
    let mut diagnosis = base(D::AuthMechanismUnsupported).with_explanation(crate::en!(
        "This server offers {list}, and {target} can use none of them (ASP.NET's mail sender knows only LOGIN, \
         NTLM, Digest and Negotiate). The same settings can work in other programs, but will fail from your \
         website.",
        list = list,
        target = target,
    ));
    if !offered.is_empty()
        && offered
            .iter()
            .all(|m| m.to_ascii_uppercase().contains("OAUTH"))
    {
        diagnosis = diagnosis.explain_more(crate::en!(
            "XOAUTH2 and OAUTHBEARER mean OAuth (signing in through the provider's own page)."
        ));
    }
    diagnosis
}

/// The server asked for the user name again after the password: it ignores the user name that
/// ASP.NET sends together with `AUTH login`, so ASP.NET can never sign in to it.
pub(super) fn login_not_finished() -> Diagnosis {
    base(D::AuthMechanismUnsupported)
        .with_summary(crate::en!("This server does not understand how ASP.NET signs in"))
        .with_explanation(crate::en!(
            "ASP.NET sends the user name together with its sign-in command (AUTH LOGIN), and then the \
             password. This server ignored the user name and asked for it again after the password, so \
             the sign-in can never finish from your website, whatever the password."
        ))
        .with_steps([
            crate::en!(
                "Ask your mail provider whether the server can accept AUTH LOGIN with an initial response \
                 (RFC 4954), or for another server name to send through."
            ),
            crate::en!(
                "Or send through another mail service (your hosting company's, or a sending service such as \
                 SendGrid or Mailgun)."
            ),
        ])
}

/// The server offers LOGIN but refused the command as ASP.NET sends it (`AUTH login` in lower
/// case, with the user name on the same line): other programs sign in, the website cannot.
pub(super) fn login_form_refused(reply: &str) -> Diagnosis {
    base(D::AuthMechanismUnsupported)
        .with_summary(crate::en!("This server refuses the way ASP.NET signs in"))
        .with_explanation(crate::en!(
            "The server offers LOGIN sign-in, the method ASP.NET uses, but refused it in the form \
             ASP.NET sends it: the command together with the user name on one line (\"AUTH login \
             …\"). It answered \"{reply}\" before any password was checked. Programs that send \
             the user name on its own line (PHPMailer, MailKit, Outlook) can sign in to this \
             server; your website cannot, whatever the password.",
            reply = reply,
        ))
        .with_steps([
            crate::en!(
                "Ask your mail provider whether the server can accept AUTH LOGIN with the user name on \
                 the same line (an \"initial response\", RFC 4954), or for another server name to send \
                 through."
            ),
            crate::en!(
                "Or send through another mail service (your hosting company's, or a sending service such \
                 as SendGrid or Mailgun)."
            ),
            crate::en!("Or ask your developer to send with MailKit, which signs in the other way."),
        ])
}
