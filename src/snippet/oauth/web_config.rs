//! `web.config` and OAuth: ASP.NET's System.Net.Mail cannot sign in with OAuth at all, so this
//! is not an OAuth configuration. It is a comment saying so and listing the ways out, followed
//! by a `<mailSettings>` block for the way out that keeps web.config working: Azure
//! Communication Services SMTP for Microsoft 365, an app password for Google.
//!
//! Sources:
//! - dotnet/runtime issue 76253 (no XOAUTH2 in System.Net.Mail); DE0005
//!   (<https://github.com/dotnet/platform-compat/blob/master/docs/DE0005.md>: "Use MailKit");
//!   referencesource `SmtpAuthenticationManager.cs` (Negotiate, NTLM, Digest, LOGIN only).
//! - Azure Communication Services SMTP: `smtp.azurecomm.net`, port 587, STARTTLS; user name =
//!   the ACS "SMTP Username", password = the Entra app's client secret
//!   (<https://learn.microsoft.com/azure/communication-services/quickstarts/email/send-email-smtp/send-email-smtp>,
//!   "Create credentials for SMTP authentication").
//! - Exchange Online connector relay (port 25 to `<domain>.mail.protection.outlook.com`,
//!   allowed by the server's fixed IP, no sign-in) and High Volume Email
//!   (`smtp-hve.office365.com:587`, internal recipients only): `MicrosoftDocs/OfficeDocs-Exchange`,
//!   "How to set up a multifunction device or application to send email using Microsoft 365".
//! - Google app passwords still work with 2-Step Verification (`after-passwords-2026.md` in the
//!   project's shared reference, from Google's help page answer/14114704).

use std::fmt::Write as _;

use super::{CLIENT_SECRET_PLACEHOLDER, Ctx};
use crate::oauth::OAuthProvider;
use crate::settings::{Framework, Settings};
use crate::webconfig::rules::{CORE_IGNORES_MAIL_SETTINGS, LEGACY_SSL_IN_CODE, escape};

/// What goes in place of the ACS SMTP Username.
const ACS_USER_PLACEHOLDER: &str = "YOUR-ACS-SMTP-USERNAME-HERE";
/// What goes in place of a Google app password.
const APP_PASSWORD_PLACEHOLDER: &str = "YOUR-APP-PASSWORD-HERE";

/// The explanation comment and the way-out block.
pub(super) fn render(mut ctx: Ctx, settings: &Settings) -> (&'static str, String, Vec<String>) {
    if settings.framework == Framework::Core {
        ctx.warnings.push(CORE_IGNORES_MAIL_SETTINGS.to_owned());
    }
    ctx.warnings.push(
        crate::en!(
            "Put it inside <configuration>, replacing the <system.net> <mailSettings> block \
             already there (keep anything else inside <system.net>, such as <defaultProxy>)."
        )
        .to_owned(),
    );
    ctx.warnings.push(
        crate::en!(
            "ASP.NET's mail sender (System.Net.Mail, which reads web.config) cannot sign in with \
             OAuth (the request for it, dotnet/runtime issue 76253, has been open since 2022), \
             and Microsoft itself recommends MailKit instead (guidance DE0005)."
        )
        .to_owned(),
    );
    let who = ctx.who();
    let needs = match ctx.provider {
        OAuthProvider::Microsoft => "needs it once Microsoft switches\n  password sign-in off",
        OAuthProvider::Google => "takes it, or an app password\n  instead of the normal password",
    };
    let mut text = format!(
        "<!--\n  OAuth (signing in through {who} instead of with a password) does not work\n  \
         in web.config: ASP.NET's System.Net.Mail cannot do it.\n  \
         Your tested server {} {needs}.\n  Ways out:\n",
        ctx.host_in_comment()
    );
    let (host, user, password) = match ctx.provider {
        OAuthProvider::Microsoft => {
            text.push_str(
                "  1. Azure Communication Services SMTP (below): it takes a user name and\n     \
                 password, so this web.config keeps working.\n  \
                 2. A relay service that takes a password (SendGrid, Brevo, Mailgun, ...).\n  \
                 3. An Exchange connector: port 25 to <your domain>.mail.protection.outlook.com,\n     \
                 allowed by the web server's fixed IP address, no sign-in.\n  \
                 4. High Volume Email: smtp-hve.office365.com port 587, internal recipients only.\n  \
                 5. Move the site's mail code to MailKit, which can sign in with OAuth.\n",
            );
            ctx.warnings.extend(microsoft_ways_out());
            (
                "smtp.azurecomm.net",
                ACS_USER_PLACEHOLDER,
                CLIENT_SECRET_PLACEHOLDER,
            )
        }
        OAuthProvider::Google => {
            text.push_str(
                "  1. A Google app password (below): Google still accepts one when 2-Step\n     \
                 Verification is on, so this web.config keeps working.\n  \
                 2. A relay service that takes a password (SendGrid, Brevo, Mailgun, ...).\n  \
                 3. Move the site's mail code to MailKit, which can sign in with OAuth.\n",
            );
            ctx.warnings.push(crate::en!("Way out 1: create an app password for the mailbox (App passwords, in the Google Account's security \
                 settings) and put it in place of {placeholder}. A Workspace admin can forbid \
                 app passwords: then use a relay service or MailKit.", placeholder = APP_PASSWORD_PLACEHOLDER));
            (
                ctx.host.as_str(),
                ctx.mailbox.as_str(),
                APP_PASSWORD_PLACEHOLDER,
            )
        }
    };
    text.push_str("-->\n");
    let legacy = settings.framework == Framework::Legacy;
    if legacy {
        ctx.warnings.push(LEGACY_SSL_IN_CODE.to_owned());
    }
    let pad = " ".repeat("      <network ".len());
    let mut attributes = vec![
        format!("host=\"{}\"", escape(host)),
        "port=\"587\"".to_owned(),
    ];
    if !legacy {
        attributes.push("enableSsl=\"true\"".to_owned());
    }
    attributes.push(format!("userName=\"{}\"", escape(user)));
    attributes.push(format!("password=\"{}\"", escape(password)));
    attributes.push("defaultCredentials=\"false\"".to_owned());
    let _ = write!(
        text,
        "<system.net>\n  <mailSettings>\n    <smtp deliveryMethod=\"Network\" from=\"{}\">\n      <network {} />\n    </smtp>\n  </mailSettings>\n</system.net>\n",
        escape(&ctx.from),
        attributes.join(&format!("\n{pad}"))
    );
    if ctx.provider == OAuthProvider::Google && ctx.port == 465 {
        ctx.warnings.push(
            crate::en!(
                "ASP.NET cannot use port 465 (SSL on connect), so port 587 with \
                 enableSsl=\"true\" is used instead."
            )
            .to_owned(),
        );
    }
    ("web.config", text, ctx.warnings)
}

/// What to know about each way out for Microsoft 365.
fn microsoft_ways_out() -> Vec<String> {
    vec![
        crate::en!(
            "Way out 1, Azure Communication Services SMTP (smtp.azurecomm.net, port 587, \
             enableSsl=\"true\"): in the Azure portal create an Email Communication Service with \
             your domain and a Communication Services resource, give an Entra app access to it \
             and create an SMTP Username. Then userName is that SMTP Username and password is the \
             app's client secret (replace {user_placeholder} and {secret_placeholder}). The From \
             address must be on a domain verified in ACS.",
            user_placeholder = ACS_USER_PLACEHOLDER,
            secret_placeholder = CLIENT_SECRET_PLACEHOLDER
        ),
        crate::en!(
            "Way out 2, a relay service (SendGrid, Brevo, Mailgun, Amazon SES, SMTP2GO, ...): put \
             its host, port 587, enableSsl=\"true\" and its SMTP user name and password or key in \
             the <network> element."
        )
        .to_owned(),
        crate::en!(
            "Way out 3, an Exchange connector: your admin creates an inbound connector in \
             Exchange Online that accepts mail from the web server's fixed IP address; the site \
             then sends to <your domain>.mail.protection.outlook.com on port 25 without userName \
             and password (enableSsl=\"true\" works there too)."
        )
        .to_owned(),
        crate::en!(
            "Way out 4, High Volume Email (smtp-hve.office365.com, port 587): still takes a \
             password, but delivers only to addresses inside your own organisation."
        )
        .to_owned(),
        crate::en!(
            "Way out 5: move the site's mail code to MailKit, which signs in with OAuth (see the \
             ASP.NET Core tab for the code; MailKit works on .NET Framework 4.x too)."
        )
        .to_owned(),
    ]
}
