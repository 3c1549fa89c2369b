//! The Microsoft 365 app registration for app-only OAuth (client credentials), as a checklist
//! with PowerShell to copy.
//!
//! Sources:
//! - "Use client credentials grant flow to authenticate SMTP, IMAP, and POP connections" in
//!   <https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>:
//!   API permissions → APIs my organization uses → "Office 365 Exchange Online" → Application
//!   permissions → `SMTP.SendAsApp`; admin consent; `New-ServicePrincipal -AppId -ObjectId`
//!   with the Object ID of the **Enterprise application** (not the App registration's: "Using
//!   the incorrect Object ID will cause an authentication failure"); `Get-ServicePrincipal
//!   -Identity <display name>` and `Add-MailboxPermission -User $sp.Identity -AccessRights
//!   FullAccess` (the page's own example).
//! - SMTP AUTH must be on for the mailbox, also for OAuth: `Set-CASMailbox
//!   -SmtpClientAuthenticationDisabled $false`
//!   (<https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission>).
//! - PowerShell single-quoted strings take everything literally except the quote, written
//!   twice (`about_Quoting_Rules`); PowerShell's tokenizer also takes `‘ ’ ‚ ‛` as single quotes
//!   (PowerShell/PowerShell, `CharTraits.cs`, `SpecialChars.QuoteSingleLeft` … `QuoteReversed`),
//!   so those are doubled too.

use serde::Serialize;

use super::{CLIENT_ID_PLACEHOLDER, MAILBOX_PLACEHOLDER, OAuthApp};

/// What goes in place of the Enterprise application's Object ID (only the admin can see it).
pub const OBJECT_ID_PLACEHOLDER: &str = "YOUR-ENTERPRISE-APP-OBJECT-ID-HERE";

/// The name the service principal gets in Exchange (used again to look it up).
const SERVICE_PRINCIPAL_NAME: &str = "Website mail (SMTP OAuth)";

/// One step of the Microsoft app registration, with PowerShell to copy when there is any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetupStep {
    /// What to do, in plain words.
    pub text: String,
    /// The commands to paste into PowerShell, one per line (each line ends in `\n`).
    pub powershell: Option<String>,
}

impl SetupStep {
    fn say(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            powershell: None,
        }
    }

    fn run(text: impl Into<String>, powershell: String) -> Self {
        Self {
            text: text.into(),
            powershell: Some(powershell),
        }
    }
}

/// The steps to let an app send as `mailbox` with app-only OAuth (client credentials) in
/// Microsoft 365. The client ID and mailbox are filled in where known (placeholders otherwise),
/// every PowerShell value single-quoted.
pub fn microsoft_app_setup(app: &OAuthApp, mailbox: &str) -> Vec<SetupStep> {
    let client_id = match app.client_id.trim() {
        "" => CLIENT_ID_PLACEHOLDER,
        id => id,
    };
    let mailbox = match mailbox.trim() {
        "" => MAILBOX_PLACEHOLDER,
        mailbox => mailbox,
    };
    let tenant = app.tenant.trim();
    let register = if app.client_id.trim().is_empty() {
        crate::en!(
            "Open the Microsoft Entra admin centre (entra.microsoft.com) → App registrations → \
             New registration. Give it a name (for example \"Website mail\"), keep \"Accounts in \
             this organizational directory only\" and register it. Its Overview page shows the \
             Application (client) ID and the Directory (tenant) ID: the site needs both."
        )
        .to_owned()
    } else if tenant.is_empty() {
        crate::en!(
            "Open the Microsoft Entra admin centre (entra.microsoft.com) → App registrations and \
             open the app whose Application (client) ID is {client_id} (or create it: New \
             registration, \"Accounts in this organizational directory only\"). Note the \
             Directory (tenant) ID on its Overview page: the site needs it.",
            client_id = client_id
        )
    } else {
        crate::en!(
            "Open the Microsoft Entra admin centre (entra.microsoft.com) → App registrations and \
             open the app whose Application (client) ID is {client_id} (or create it: New \
             registration, \"Accounts in this organizational directory only\"). Its Directory \
             (tenant) ID should be {tenant}.",
            client_id = client_id,
            tenant = tenant
        )
    };
    vec![
        SetupStep::say(register),
        SetupStep::say(crate::en!(
            "In the app: API permissions → Add a permission → APIs my organization uses → search \
             for \"Office 365 Exchange Online\" → Application permissions → tick SMTP.SendAsApp → \
             Add permissions."
        )),
        SetupStep::say(crate::en!(
            "Still on API permissions, click \"Grant admin consent\" for your organisation (only \
             an administrator can)."
        )),
        SetupStep::say(crate::en!(
            "Certificates & secrets → New client secret. Copy its Value at once (it is shown only \
             this once) and put it where the site reads its client secret. Note the expiry date \
             in your calendar: when the secret expires, the site stops sending until you make a \
             new one."
        )),
        SetupStep::say(crate::en!(
            "Enterprise applications (not App registrations) → open the same app → copy its \
             Object ID. The App registration's Object ID is a different number and makes sign-in \
             fail. It replaces {placeholder} below.",
            placeholder = OBJECT_ID_PLACEHOLDER
        )),
        SetupStep::run(
            crate::en!(
                "In PowerShell, install the Exchange Online module (once) and sign in as an \
                 Exchange administrator."
            ),
            "Install-Module -Name ExchangeOnlineManagement\nConnect-ExchangeOnline\n".to_owned(),
        ),
        SetupStep::run(
            crate::en!("Tell Exchange about the app (its service principal)."),
            format!(
                "New-ServicePrincipal -AppId {} -ObjectId {} -DisplayName {}\n",
                powershell(client_id),
                powershell(OBJECT_ID_PLACEHOLDER),
                powershell(SERVICE_PRINCIPAL_NAME)
            ),
        ),
        SetupStep::run(
            crate::en!("Let the app use the mailbox {mailbox}.", mailbox = mailbox),
            format!(
                "$servicePrincipal = Get-ServicePrincipal -Identity {}\n\
                 Add-MailboxPermission -Identity {} -User $servicePrincipal.Identity -AccessRights FullAccess\n",
                powershell(SERVICE_PRINCIPAL_NAME),
                powershell(mailbox)
            ),
        ),
        SetupStep::run(
            crate::en!(
                "Make sure SMTP sign-in (SMTP AUTH) is on for the mailbox: OAuth needs it too."
            ),
            format!(
                "Set-CASMailbox -Identity {} -SmtpClientAuthenticationDisabled $false\n",
                powershell(mailbox)
            ),
        ),
    ]
}

/// A PowerShell single-quoted string: nothing is expanded; each single quote (PowerShell also
/// counts `‘ ’ ‚ ‛` as one) is doubled.
fn powershell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_and_dollars_stay_literal() {
        assert_eq!(powershell("o'brien@example.com"), "'o''brien@example.com'");
        assert_eq!(powershell("a\u{2019}b$x"), "'a\u{2019}\u{2019}b$x'");
    }
}
