//! Django with OAuth: Django's SMTP backend only signs in with a password, and Django has no
//! OAuth of its own. What works: an email backend package that sends through the provider's web
//! API with OAuth, or a relay that takes a password (Azure Communication Services SMTP, a relay
//! service) with the ordinary SMTP backend.
//!
//! Sources:
//! - django-o365mail (<https://pypi.org/project/django-o365mail/>, evyd13/django-o365mail):
//!   `EMAIL_BACKEND = 'django_o365mail.EmailBackend'`, `O365_MAIL_CLIENT_ID`,
//!   `O365_MAIL_CLIENT_SECRET`, `O365_MAIL_TENANT_ID`, `O365_MAIL_MAILBOX_KWARGS = {'resource':
//!   mailbox}`; it uses python-o365 with `auth_flow_type='credentials'` (app-only, Microsoft
//!   Graph), so the app needs Graph's application permission `Mail.Send`.
//! - django-gmailapi-backend (<https://pypi.org/project/django-gmailapi-backend/>,
//!   dolfim/django-gmailapi-backend): `'gmailapi_backend'` in `INSTALLED_APPS`,
//!   `EMAIL_BACKEND = 'gmailapi_backend.mail.GmailBackend'`, `GMAIL_API_CLIENT_ID`,
//!   `GMAIL_API_CLIENT_SECRET`, `GMAIL_API_REFRESH_TOKEN`; the Gmail API must be enabled; the
//!   package's `gmail_oauth2 --generate_oauth2_token` script makes the refresh token.

use std::fmt::Write as _;

use super::super::escape::python;
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx, REFRESH_TOKEN_PLACEHOLDER};
use crate::oauth::{OAuthFlow, OAuthProvider};

/// The `settings.py` lines for the provider's web-API backend.
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(
        crate::en!(
            "Put this in your project's settings.py, replacing the EMAIL_ settings already there."
        )
        .to_owned(),
    );
    ctx.via_smtp = false;
    let asked_delegated = ctx.asked_flow == OAuthFlow::Delegated;
    if ctx.provider == OAuthProvider::Microsoft {
        // django-o365mail signs in as the app (client credentials).
        ctx.asked_flow = OAuthFlow::AppOnly;
    }
    ctx.common_notes(ctx.provider == OAuthProvider::Microsoft, true);
    let mut text = String::from(
        "# Django cannot sign in to SMTP with OAuth: its SMTP backend only sends a password.\n",
    );
    match ctx.provider {
        OAuthProvider::Microsoft => microsoft(&mut text, &mut ctx, asked_delegated),
        OAuthProvider::Google => google(&mut text, &mut ctx),
    }
    let _ = writeln!(text, "DEFAULT_FROM_EMAIL = {}", python(&ctx.from));
    let _ = writeln!(text, "SERVER_EMAIL = {}", python(&ctx.from));
    ("settings.py", text, ctx.warnings)
}

fn microsoft(text: &mut String, ctx: &mut Ctx, asked_delegated: bool) {
    let _ = writeln!(
        text,
        "# This uses the django-o365mail package (pip install django-o365mail): it sends through\n\
         # Microsoft Graph (HTTPS) as the app itself, so {} is no longer used.",
        ctx.host_in_comment()
    );
    text.push_str("EMAIL_BACKEND = 'django_o365mail.EmailBackend'\n");
    let _ = writeln!(text, "O365_MAIL_CLIENT_ID = {}", python(&ctx.client_id));
    let _ = writeln!(
        text,
        "O365_MAIL_CLIENT_SECRET = {}  # better: os.environ['O365_MAIL_CLIENT_SECRET']",
        python(CLIENT_SECRET_PLACEHOLDER)
    );
    let _ = writeln!(text, "O365_MAIL_TENANT_ID = {}", python(&ctx.tenant));
    let _ = writeln!(
        text,
        "O365_MAIL_MAILBOX_KWARGS = {{'resource': {}}}",
        python(&ctx.mailbox)
    );
    ctx.warnings.push(
        crate::en!(
            "The app needs Microsoft Graph's application permission Mail.Send with admin consent \
             (not SMTP.SendAsApp: this backend does not use SMTP). Mail.Send lets the app send as \
             any mailbox of your organisation unless your admin limits it to this one."
        )
        .to_owned(),
    );
    if asked_delegated {
        ctx.warnings.push(
            crate::en!(
                "django-o365mail signs in as the app itself (app-only), not as a person: no \
                 refresh token is needed."
            )
            .to_owned(),
        );
    }
    ctx.warnings.push(
        crate::en!(
            "Without a package: Azure Communication Services SMTP (smtp.azurecomm.net, port 587, \
             STARTTLS) takes a user name and password, so Django's own SMTP backend works with it \
             (EMAIL_HOST_USER = the ACS SMTP Username, EMAIL_HOST_PASSWORD = the Entra app's \
             client secret); a relay service works the same way."
        )
        .to_owned(),
    );
}

fn google(text: &mut String, ctx: &mut Ctx) {
    let _ = writeln!(
        text,
        "# This uses the django-gmailapi-backend package (pip install django-gmailapi-backend): it sends\n\
         # through the Gmail API (HTTPS), so {} is no longer used.\n\
         # Also add 'gmailapi_backend' to INSTALLED_APPS.",
        ctx.host_in_comment()
    );
    text.push_str("EMAIL_BACKEND = 'gmailapi_backend.mail.GmailBackend'\n");
    let _ = writeln!(text, "GMAIL_API_CLIENT_ID = {}", python(&ctx.client_id));
    let _ = writeln!(
        text,
        "GMAIL_API_CLIENT_SECRET = {}  # better: from an environment variable",
        python(CLIENT_SECRET_PLACEHOLDER)
    );
    let _ = writeln!(
        text,
        "GMAIL_API_REFRESH_TOKEN = {}",
        python(REFRESH_TOKEN_PLACEHOLDER)
    );
    let _ = writeln!(
        text,
        "# The refresh token is for the mailbox {}.",
        super::comment_safe(&ctx.mailbox).unwrap_or("that sends")
    );
    ctx.warnings.push(
        crate::en!(
            "Enable the Gmail API in the Google Cloud project, and make the refresh token once \
             with the package's script (gmail_oauth2 --generate_oauth2_token), signing in as the \
             mailbox."
        )
        .to_owned(),
    );
    ctx.warnings.push(
        crate::en!(
            "Without a package: Google still accepts an app password (with 2-Step Verification \
             on), which Django's own SMTP backend can use."
        )
        .to_owned(),
    );
}
