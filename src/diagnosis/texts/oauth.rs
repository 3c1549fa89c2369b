//! Signing in with OAuth (a token from the provider instead of a password): the token refused,
//! no OAuth on offer, no encryption, and the provider's sign-in service saying no.

use super::Text;

pub(in crate::diagnosis) static OAUTH_TOKEN_REJECTED: Text = Text {
    summary: crate::en!("The mail server refused the sign-in token"),
    explanation: crate::en!(
        "OAuth means signing in with a token from Microsoft or Google instead of a password. The \
         server refused this token: it can be expired, meant for another service or another \
         mailbox, or the app behind it may not send mail yet."
    ),
    steps: &[
        crate::en!("Get a new token and test again (tokens last about an hour)."),
        crate::en!("Check that `userName` is the mailbox the token was issued for."),
        crate::en!(
            "Check the app's permission to send mail (Microsoft 365: SMTP.SendAsApp with admin \
             consent, the service principal and the mailbox permission; Google: the scope \
             https://mail.google.com/)."
        ),
    ],
};

pub(in crate::diagnosis) static OAUTH_NOT_OFFERED: Text = Text {
    summary: crate::en!("This server does not offer sign-in with a token"),
    explanation: crate::en!(
        "The server offers no OAuth sign-in (XOAUTH2 or OAUTHBEARER) on this connection, so the \
         token was not sent. Only some providers take tokens, chiefly Microsoft 365 and Google."
    ),
    steps: &[
        crate::en!(
            "Check `host` and `port`: Microsoft 365 is smtp.office365.com port 587, Google \
             smtp.gmail.com port 587, both with `enableSsl` on."
        ),
        crate::en!(
            "If this provider takes passwords, choose Password as the sign-in and enter \
             `userName` and `password`."
        ),
    ],
};

pub(in crate::diagnosis) static OAUTH_NEEDS_ENCRYPTION: Text = Text {
    summary: crate::en!("The token was not sent because the connection is not encrypted"),
    explanation: crate::en!(
        "Anyone on the way could copy a token sent over an unencrypted connection and send mail \
         as you until it expires, so this test never sends one that way."
    ),
    steps: &[
        crate::en!("Turn `enableSsl` on (STARTTLS) and use port 587, then test again."),
        crate::en!(
            "If the server offers no encryption on any port, it cannot take OAuth sign-in safely: \
             ask your provider for its encrypted port."
        ),
    ],
};

pub(in crate::diagnosis) static OAUTH_CLIENT_SECRET_WRONG: Text = Text {
    summary: crate::en!("Microsoft did not accept the app's client secret"),
    explanation: crate::en!(
        "Before any mail is sent, the app signs in to Microsoft with its client ID and client \
         secret (the app's password) to get a token. Microsoft refused the secret: it is \
         mistyped, expired, or the secret's ID was copied instead of its value."
    ),
    steps: &[
        crate::en!(
            "In the Microsoft Entra admin centre, open App registrations → your app → \
             Certificates & secrets, and create a new client secret."
        ),
        crate::en!("Copy its Value (shown only once), not its Secret ID, and test again with it."),
    ],
};

pub(in crate::diagnosis) static OAUTH_APP_NOT_FOUND: Text = Text {
    summary: crate::en!("Microsoft does not know this app in this organisation"),
    explanation: crate::en!(
        "No app with this client ID is registered in the organisation (tenant) the test asked. \
         Either the client ID is mistyped, or the app lives in another organisation."
    ),
    steps: &[
        crate::en!(
            "Copy the Application (client) ID again from App registrations → your app → Overview."
        ),
        crate::en!(
            "Check that the Directory (tenant) ID on the same page is the one the test uses."
        ),
    ],
};

pub(in crate::diagnosis) static OAUTH_TENANT_NOT_FOUND: Text = Text {
    summary: crate::en!("Microsoft does not know this organisation (tenant)"),
    explanation: crate::en!(
        "The tenant identifies your organisation at Microsoft: its Directory (tenant) ID or a \
         domain of it. Microsoft found no organisation by that name."
    ),
    steps: &[
        crate::en!(
            "Copy the Directory (tenant) ID from App registrations → your app → Overview, or use \
             your organisation's domain (yourcompany.onmicrosoft.com)."
        ),
        crate::en!("Test again."),
    ],
};

pub(in crate::diagnosis) static OAUTH_CONSENT_MISSING: Text = Text {
    summary: crate::en!("The app may not send mail yet: an administrator must approve it"),
    explanation: crate::en!(
        "The app asked for permission to send mail, and nobody with admin rights has approved \
         (consented to) that permission in your organisation yet."
    ),
    steps: &[
        crate::en!(
            "In App registrations → your app → API permissions, add Office 365 Exchange Online → \
             Application permissions → SMTP.SendAsApp."
        ),
        crate::en!(
            "Click \"Grant admin consent\" (a Global or Privileged Role Administrator can), then \
             test again."
        ),
    ],
};

pub(in crate::diagnosis) static OAUTH_SIGN_IN_FAILED: Text = Text {
    summary: crate::en!("Getting a sign-in token from the provider failed"),
    explanation: crate::en!(
        "Before any mail is sent, the test asks the provider's sign-in service for a token. That \
         request failed, so the mail server was not contacted at all."
    ),
    steps: &[
        crate::en!("Read the provider's message below; it names what it did not accept."),
        crate::en!("Check the tenant, client ID and client secret, then test again."),
    ],
};
