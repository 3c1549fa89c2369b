//! Signing in with OAuth (a token from the provider instead of a password): the token refused,
//! no OAuth on offer, no encryption, and the provider's sign-in service saying no.

use super::Text;

pub(in crate::diagnosis) static OAUTH_TOKEN_REJECTED: Text = Text {
    summary: "The mail server refused the sign-in token",
    explanation: "OAuth means signing in with a token from Microsoft or Google instead of a \
                  password. The server refused this token: it can be expired, meant for another \
                  service or another mailbox, or the app behind it may not send mail yet.",
    steps: &[
        "Get a new token and test again (tokens last about an hour).",
        "Check that `userName` is the mailbox the token was issued for.",
        "Check the app's permission to send mail (Microsoft 365: SMTP.SendAsApp with admin \
         consent, the service principal and the mailbox permission; Google: the scope \
         https://mail.google.com/).",
    ],
};

pub(in crate::diagnosis) static OAUTH_NOT_OFFERED: Text = Text {
    summary: "This server does not offer sign-in with a token",
    explanation: "The server offers no OAuth sign-in (XOAUTH2 or OAUTHBEARER) on this connection, \
                  so the token was not sent. Only some providers take tokens, chiefly Microsoft \
                  365 and Google.",
    steps: &[
        "Check `host` and `port`: Microsoft 365 is smtp.office365.com port 587, Google \
         smtp.gmail.com port 587, both with `enableSsl` on.",
        "If this provider takes passwords, choose Password as the sign-in and enter `userName` and \
         `password`.",
    ],
};

pub(in crate::diagnosis) static OAUTH_NEEDS_ENCRYPTION: Text = Text {
    summary: "The token was not sent because the connection is not encrypted",
    explanation: "Anyone on the way could copy a token sent over an unencrypted connection and send \
                  mail as you until it expires, so this test never sends one that way.",
    steps: &[
        "Turn `enableSsl` on (STARTTLS) and use port 587, then test again.",
        "If the server offers no encryption on any port, it cannot take OAuth sign-in safely: ask \
         your provider for its encrypted port.",
    ],
};

pub(in crate::diagnosis) static OAUTH_CLIENT_SECRET_WRONG: Text = Text {
    summary: "Microsoft did not accept the app's client secret",
    explanation: "Before any mail is sent, the app signs in to Microsoft with its client ID and \
                  client secret (the app's password) to get a token. Microsoft refused the secret: \
                  it is mistyped, expired, or the secret's ID was copied instead of its value.",
    steps: &[
        "In the Microsoft Entra admin centre, open App registrations → your app → Certificates & \
         secrets, and create a new client secret.",
        "Copy its Value (shown only once), not its Secret ID, and test again with it.",
    ],
};

pub(in crate::diagnosis) static OAUTH_APP_NOT_FOUND: Text = Text {
    summary: "Microsoft does not know this app in this organisation",
    explanation: "No app with this client ID is registered in the organisation (tenant) the test \
                  asked. Either the client ID is mistyped, or the app lives in another \
                  organisation.",
    steps: &[
        "Copy the Application (client) ID again from App registrations → your app → Overview.",
        "Check that the Directory (tenant) ID on the same page is the one the test uses.",
    ],
};

pub(in crate::diagnosis) static OAUTH_TENANT_NOT_FOUND: Text = Text {
    summary: "Microsoft does not know this organisation (tenant)",
    explanation: "The tenant identifies your organisation at Microsoft: its Directory (tenant) ID \
                  or a domain of it. Microsoft found no organisation by that name.",
    steps: &[
        "Copy the Directory (tenant) ID from App registrations → your app → Overview, or use your \
         organisation's domain (yourcompany.onmicrosoft.com).",
        "Test again.",
    ],
};

pub(in crate::diagnosis) static OAUTH_CONSENT_MISSING: Text = Text {
    summary: "The app may not send mail yet: an administrator must approve it",
    explanation: "The app asked for permission to send mail, and nobody with admin rights has \
                  approved (consented to) that permission in your organisation yet.",
    steps: &[
        "In App registrations → your app → API permissions, add Office 365 Exchange Online → \
         Application permissions → SMTP.SendAsApp.",
        "Click \"Grant admin consent\" (a Global or Privileged Role Administrator can), then test \
         again.",
    ],
};

pub(in crate::diagnosis) static OAUTH_SIGN_IN_FAILED: Text = Text {
    summary: "Getting a sign-in token from the provider failed",
    explanation: "Before any mail is sent, the test asks the provider's sign-in service for a \
                  token. That request failed, so the mail server was not contacted at all.",
    steps: &[
        "Read the provider's message below; it names what it did not accept.",
        "Check the tenant, client ID and client secret, then test again.",
    ],
};
