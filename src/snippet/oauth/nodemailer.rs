//! Node.js with Nodemailer and OAuth 2 (XOAUTH2).
//!
//! Delegated: Nodemailer renews the token itself from a refresh token. App-only (Microsoft):
//! Nodemailer only knows the refresh-token grant (and Google service accounts), so the token
//! comes from MSAL for Node (`@azure/msal-node`) and is handed over as `accessToken`.
//!
//! Sources:
//! - <https://nodemailer.com/smtp/oauth2>: `auth: { type: 'OAuth2', user, accessToken, expires }`,
//!   or `clientId`, `clientSecret`, `refreshToken`, `accessUrl`.
//! - nodemailer/nodemailer `lib/xoauth2/index.js`: `accessUrl` defaults to Google's token
//!   endpoint; the refresh request posts `client_id`, `client_secret`, `refresh_token`,
//!   `grant_type=refresh_token` plus `customParams`; `lib/smtp-transport/index.js` passes the
//!   `auth` object on (type `OAuth2` → XOAUTH2).
//! - MSAL Node: `new ConfidentialClientApplication({ auth: { clientId, authority, clientSecret } })`
//!   (AzureAD/microsoft-authentication-library-for-js,
//!   `lib/msal-node/docs/initialize-confidential-client-application.md`),
//!   `acquireTokenByClientCredential({ scopes })` returning `accessToken`
//!   (`lib/msal-node/src/client/ConfidentialClientApplication.ts`).

use std::fmt::Write as _;

use super::super::escape::javascript;
use super::{CLIENT_SECRET_PLACEHOLDER, Ctx, REFRESH_TOKEN_PLACEHOLDER};
use crate::oauth::OAuthProvider;
use crate::settings::Security;

/// The transport (delegated) or a `sendMail` function (app-only).
pub(super) fn render(mut ctx: Ctx) -> (&'static str, String, Vec<String>) {
    ctx.warnings.push(if ctx.app_only() {
        crate::en!(
            "Put this in your Node.js code and send with await sendMail({ to, subject, text }). \
             Install once: npm install nodemailer @azure/msal-node"
        )
        .to_owned()
    } else {
        crate::en!(
            "Put this where your Node.js code creates the Nodemailer transport, then send with \
             transporter.sendMail({ to, subject, text }). Nodemailer renews the token itself."
        )
        .to_owned()
    });
    ctx.common_notes(true, true);
    let text = if ctx.app_only() {
        app_only(&ctx)
    } else {
        delegated(&ctx)
    };
    if ctx.security == Security::StartTls {
        ctx.warnings.push(
            crate::en!(
                "secure: true is only for SSL on connect (port 465); with STARTTLS it must stay \
                 false, or the connection fails with \"wrong version number\"."
            )
            .to_owned(),
        );
    }
    (crate::en!("Node.js code (Nodemailer)"), text, ctx.warnings)
}

/// `host`, `port` and the TLS options, indented by `indent`.
fn connection(ctx: &Ctx, indent: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{indent}host: {},", javascript(&ctx.host));
    let _ = writeln!(out, "{indent}port: {},", ctx.port);
    if ctx.security == Security::ImplicitTls {
        let _ = writeln!(out, "{indent}secure: true, // SSL on connect");
    } else {
        let _ = writeln!(
            out,
            "{indent}secure: false, // start unencrypted, then STARTTLS\n{indent}requireTLS: true, // never send the token unencrypted"
        );
    }
    out
}

fn delegated(ctx: &Ctx) -> String {
    let mut text = String::from(
        "const nodemailer = require('nodemailer');\n\n\
         const transporter = nodemailer.createTransport(\n  {\n",
    );
    text.push_str(&connection(ctx, "    "));
    text.push_str("    auth: {\n      type: 'OAuth2',\n");
    let _ = writeln!(text, "      user: {},", javascript(&ctx.mailbox));
    let _ = writeln!(text, "      clientId: {},", javascript(&ctx.client_id));
    let _ = writeln!(
        text,
        "      clientSecret: {}, // better: process.env.MAIL_OAUTH_CLIENT_SECRET",
        javascript(CLIENT_SECRET_PLACEHOLDER)
    );
    let _ = writeln!(
        text,
        "      refreshToken: {}, // better: process.env.MAIL_OAUTH_REFRESH_TOKEN",
        javascript(REFRESH_TOKEN_PLACEHOLDER)
    );
    if ctx.provider == OAuthProvider::Microsoft {
        let _ = writeln!(text, "      accessUrl: {},", javascript(&ctx.token_url()));
        let _ = writeln!(
            text,
            "      customParams: {{ scope: {} }},",
            javascript(ctx.scope())
        );
    }
    text.push_str("    },\n  },\n");
    let _ = writeln!(text, "  {{ from: {} }},", javascript(&ctx.from));
    text.push_str(");\n");
    text
}

fn app_only(ctx: &Ctx) -> String {
    let mut text = String::from(
        "const nodemailer = require('nodemailer');\n\
         const msal = require('@azure/msal-node');\n\n\
         // The app signs in as itself: its ID and secret get a token from Microsoft.\n\
         const tokenClient = new msal.ConfidentialClientApplication({\n  auth: {\n",
    );
    let _ = writeln!(text, "    clientId: {},", javascript(&ctx.client_id));
    let _ = writeln!(text, "    authority: {},", javascript(&ctx.authority()));
    let _ = writeln!(
        text,
        "    clientSecret: {}, // better: process.env.MAIL_OAUTH_CLIENT_SECRET",
        javascript(CLIENT_SECRET_PLACEHOLDER)
    );
    text.push_str("  },\n});\n\nasync function sendMail(message) {\n");
    let _ = writeln!(
        text,
        "  const token = await tokenClient.acquireTokenByClientCredential({{\n    scopes: [{}],\n  }});",
        javascript(ctx.scope())
    );
    text.push_str(
        "  if (!token) {\n    throw new Error('Microsoft returned no token');\n  }\n\
         \x20 const transporter = nodemailer.createTransport({\n",
    );
    text.push_str(&connection(ctx, "    "));
    text.push_str("    auth: {\n      type: 'OAuth2',\n");
    let _ = writeln!(text, "      user: {},", javascript(&ctx.mailbox));
    text.push_str("      accessToken: token.accessToken,\n    },\n  });\n");
    let _ = writeln!(
        text,
        "  return transporter.sendMail({{ from: {}, ...message }});",
        javascript(&ctx.from)
    );
    text.push_str("}\n");
    text
}
