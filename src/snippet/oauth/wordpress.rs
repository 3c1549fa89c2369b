//! `WordPress` with OAuth: WP Mail SMTP's "Google / Gmail" and "365 / Outlook" mailers. They
//! send through the providers' web APIs (HTTPS), not SMTP, and the plugin does the sign-in on
//! its settings page; `wp-config.php` only holds the app's ID and secret.
//!
//! Sources (awesomemotive/WP-Mail-SMTP):
//! - `src/Options.php`: the mailers `gmail` and `outlook` in `Options::$mailers`; the constants
//!   `WPMS_GMAIL_CLIENT_ID`, `WPMS_GMAIL_CLIENT_SECRET`, `WPMS_OUTLOOK_CLIENT_ID`,
//!   `WPMS_OUTLOOK_CLIENT_SECRET` (read only when `WPMS_ON` is true, `wp_mail_smtp.php`);
//!   `WPMS_MAILER`, `WPMS_MAIL_FROM`, `WPMS_MAIL_FROM_FORCE`.
//! - `src/Providers/Gmail/Options.php`: title "Google / Gmail", "works with any Gmail or Google
//!   Workspace account via the Google API", the "Authorized redirect URI" to copy into the
//!   Google web application's "Authorized redirect URIs"; `src/Providers/Gmail/Mailer.php`
//!   sends through the Gmail API.
//! - `src/Providers/Outlook/Options.php` (the free plugin): title "365 / Outlook", "not available
//!   on your plan. Please upgrade to the PRO plan".
//!
//! The Outlook mailer's exact permission list lives in the Pro plugin, which is not public: the
//! steps send the user to the plugin's own settings page for it.

use std::fmt::Write as _;

use super::super::escape::php;
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx};
use crate::oauth::{OAuthFlow, OAuthProvider};

/// The `define('WPMS_...')` lines for the Gmail or Outlook mailer.
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(
        crate::en!(
            "Put this in wp-config.php above the line /* That's all, stop editing! */ (it needs \
             the WP Mail SMTP plugin), replacing any WPMS_ lines already there."
        )
        .to_owned(),
    );
    ctx.via_smtp = false;
    let asked_app_only = ctx.asked_flow == OAuthFlow::AppOnly;
    if ctx.provider == OAuthProvider::Microsoft {
        // The plugin signs in with the mailbox's account on its settings page.
        ctx.asked_flow = OAuthFlow::Delegated;
    }
    ctx.common_notes(false, false);
    if asked_app_only && ctx.provider == OAuthProvider::Microsoft {
        ctx.warnings.push(
            crate::en!(
                "With WP Mail SMTP the plugin's settings page does the sign-in: follow its steps, \
                 not the app-only setup for SMTP (SMTP.SendAsApp)."
            )
            .to_owned(),
        );
    }
    let (mailer, constant, label) = match ctx.provider {
        OAuthProvider::Microsoft => (
            "outlook",
            "OUTLOOK",
            "\"365 / Outlook\" mailer (WP Mail SMTP Pro)",
        ),
        OAuthProvider::Google => ("gmail", "GMAIL", "\"Google / Gmail\" mailer"),
    };
    let mut text = String::new();
    let _ = writeln!(
        text,
        "// WP Mail SMTP's {label}: it sends through {}'s web API (HTTPS),\n\
         // not SMTP, so {} is no longer used.",
        ctx.who(),
        ctx.host_in_comment()
    );
    text.push_str("define( 'WPMS_ON', true );\n");
    let _ = writeln!(text, "define( 'WPMS_MAILER', '{mailer}' );");
    let _ = writeln!(
        text,
        "define( 'WPMS_{constant}_CLIENT_ID', {} );",
        php(&ctx.client_id)
    );
    let _ = writeln!(
        text,
        "define( 'WPMS_{constant}_CLIENT_SECRET', {} );",
        php(CLIENT_SECRET_PLACEHOLDER)
    );
    let _ = writeln!(text, "define( 'WPMS_MAIL_FROM', {} );", php(&ctx.from));
    text.push_str("define( 'WPMS_MAIL_FROM_FORCE', true );\n");
    let _ = writeln!(
        text,
        "// The mailbox that signs in on the plugin's settings page: {}",
        super::comment_safe(&ctx.mailbox).unwrap_or("the site's mailbox")
    );
    match ctx.provider {
        OAuthProvider::Google => ctx.warnings.push(
            crate::en!(
                "Steps: 1. In the Google Cloud console, create a project, enable the Gmail API \
                 and create an OAuth client ID of type \"Web application\". 2. Copy the \
                 \"Authorized redirect URI\" shown in WP Mail SMTP's settings into the client's \
                 \"Authorized redirect URIs\". 3. Paste the client ID and secret above. 4. In WP \
                 Mail SMTP's settings, use its button to sign in with the mailbox's Google \
                 account and allow the plugin to send."
            )
            .to_owned(),
        ),
        OAuthProvider::Microsoft => {
            ctx.warnings.push(
                crate::en!(
                    "Steps: 1. In the Microsoft Entra admin centre, App registrations → New \
                     registration. 2. Add the redirect URI and the permissions that WP Mail \
                     SMTP's Outlook settings page lists. 3. Certificates & secrets → New client \
                     secret; paste the client ID and secret above. 4. In WP Mail SMTP's settings, \
                     use its button to sign in with the mailbox's Microsoft account."
                )
                .to_owned(),
            );
            ctx.warnings.push(
                crate::en!(
                    "The Outlook mailer is part of WP Mail SMTP Pro only. Without Pro: Azure \
                     Communication Services SMTP (smtp.azurecomm.net, port 587, STARTTLS) works \
                     with the plugin's \"Other SMTP\" mailer and a user name and password."
                )
                .to_owned(),
            );
        }
    }
    ctx.warnings.push(
        crate::en!(
            "Nothing in wp-config.php signs in: the plugin keeps the sign-in it gets on its \
             settings page, so do step 4 again if sending stops (for example after the secret \
             expires)."
        )
        .to_owned(),
    );
    ("wp-config.php", text, ctx.warnings)
}
