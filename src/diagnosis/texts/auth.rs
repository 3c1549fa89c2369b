//! Signing in: missing, refused, blocked by policy, or impossible with ASP.NET.

use super::Text;

pub(in crate::diagnosis) static AUTH_REQUIRED: Text = Text {
    summary: crate::en!("The server wants a sign-in before it sends anything"),
    explanation: crate::en!(
        "This server sends mail only for signed-in users, and the message was offered before any \
         sign-in was accepted. In web.config the sign-in comes from `userName` and `password`."
    ),
    steps: &[
        crate::en!("Fill in `userName` (usually your full email address) and `password`."),
        crate::en!(
            "Make sure `defaultCredentials` is `false`: when it is `true`, the user name and \
             password are ignored."
        ),
        crate::en!("Test again."),
    ],
};

/// `AuthRequired` as an ASP.NET log shows it: System.Net.Mail goes on without signing in after
/// a refused password, so its log blames the missing sign-in, not the password.
pub(in crate::diagnosis) static AUTH_REQUIRED_IN_DOTNET_LOG: Text = Text {
    summary: crate::en!("The server wants a sign-in, and it probably refused yours"),
    explanation: crate::en!(
        "When the server refuses the user name or password, ASP.NET does not say so: it sends \
         without signing in, and the server then answers with this. So if your web.config has a \
         `userName` and `password`, the server most likely refused them. If it has none, the \
         server wants them before it sends."
    ),
    steps: &[
        crate::en!(
            "Check `userName` (usually your full email address) and type the password into \
             `password` again (copying can add a space at the end)."
        ),
        crate::en!(
            "If your provider wants an app password or has switched off password sign-in \
             (Microsoft 365, Gmail), follow its instructions for programs."
        ),
        crate::en!("If web.config has no `userName`, fill in `userName` and `password`."),
        crate::en!(
            "Run the test here with the same settings: it shows whether the server refuses the \
             sign-in."
        ),
    ],
};

pub(in crate::diagnosis) static AUTH_NOT_OFFERED: Text = Text {
    summary: crate::en!("The server does not offer sign-in on this connection"),
    explanation: crate::en!(
        "Your settings include a user name, but the server did not offer AUTH (the sign-in \
         command of mail servers) here. Usually the port is meant for mail between servers (often \
         port 25), or the server lets known addresses send without signing in."
    ),
    steps: &[
        crate::en!(
            "Change `port` to `587` and set `enableSsl` to `true`: that port is meant for signing \
             in and sending."
        ),
        crate::en!(
            "If your hosting company says its server lets your website send without a password, \
             clear `userName` and `password`."
        ),
    ],
};

pub(in crate::diagnosis) static AUTH_REQUIRES_TLS: Text = Text {
    summary: crate::en!("The server allows sign-in only over an encrypted connection"),
    explanation: crate::en!(
        "The password would have crossed the network unencrypted, so the server refused or hid \
         sign-in. STARTTLS (the way a mail server switches to an encrypted connection) protects \
         it, and `enableSsl=\"true\"` turns it on in web.config."
    ),
    steps: &[
        crate::en!("Set `enableSsl` to `true`."),
        crate::en!(
            "Keep `port` at `587` (or `25` if your provider uses it); ASP.NET cannot use `465`."
        ),
        crate::en!("Test again."),
    ],
};

pub(in crate::diagnosis) static PASSWORD_UNENCRYPTED: Text = Text {
    summary: crate::en!("Your password would cross the network unencrypted"),
    explanation: crate::en!(
        "The server offers sign-in on this connection without encryption, so the password would \
         travel readable by anyone on the way (the hosting company's network, a public Wi-Fi). \
         The test stopped before sending it. With these settings your website sends it exactly \
         like that."
    ),
    steps: &[
        crate::en!(
            "Set `enableSsl` to `true`: the password is then sent only after the connection is \
             encrypted."
        ),
        crate::en!(
            "If you accept the risk for this one test (a server on your own private network), \
             test again and allow the unencrypted password (`--allow-plaintext-password` on the \
             command line, \"Send it unencrypted this once\" in the window)."
        ),
    ],
};

pub(in crate::diagnosis) static AUTH_MECHANISM_UNSUPPORTED: Text = Text {
    summary: crate::en!("The server's sign-in methods are ones ASP.NET cannot use"),
    explanation: crate::en!(
        "Mail servers offer several sign-in methods. ASP.NET's mail sender knows only LOGIN, \
         NTLM, Digest and Negotiate, and this server offered none of them, so the same settings \
         can work in other programs yet fail from your website."
    ),
    steps: &[
        crate::en!(
            "Ask your mail provider whether LOGIN sign-in can be turned on for your mailbox."
        ),
        crate::en!(
            "Or send through a provider that offers LOGIN (most do) and change `host` to its \
             server."
        ),
        crate::en!(
            "Or ask your developer to send with MailKit, a mail library that knows more sign-in \
             methods."
        ),
    ],
};

pub(in crate::diagnosis) static AUTH_FAILED: Text = Text {
    summary: crate::en!("The server refused the user name or password"),
    explanation: crate::en!(
        "The server checked the sign-in and said no. Usually the password is not the current one, \
         or the user name is not in the form the provider expects; some providers also refuse the \
         normal password and want an app password (a separate password made just for programs)."
    ),
    steps: &[
        crate::en!(
            "Check that `userName` is exactly what your provider expects, usually your full email \
             address."
        ),
        crate::en!("Type the password into `password` again (copying can add a space at the end)."),
        crate::en!(
            "If your account uses two-step sign-in, create an app password in the account's \
             security settings and use it as `password`."
        ),
        crate::en!(
            "Sign in to your webmail with the same user name and password to confirm they work."
        ),
    ],
};

pub(in crate::diagnosis) static APP_PASSWORD_REQUIRED: Text = Text {
    summary: crate::en!("Your provider wants an app password instead of your normal password"),
    explanation: crate::en!(
        "An app password is a separate password your mail provider makes just for programs such \
         as your website. Accounts with two-step sign-in (a code on your phone) refuse the normal \
         password here; an app password already in use may have been mistyped or withdrawn."
    ),
    steps: &[
        crate::en!(
            "Turn on two-step sign-in in your mail account's security settings if it is not on \
             yet: app passwords need it."
        ),
        crate::en!("Create an app password there and paste it into `password` without spaces."),
        crate::en!("Keep `userName` as your full email address and test again."),
    ],
};

pub(in crate::diagnosis) static WEB_LOGIN_REQUIRED: Text = Text {
    summary: crate::en!("Your provider paused the sign-in until you confirm it in a web browser"),
    explanation: crate::en!(
        "The provider saw a sign-in from a place it does not know (the computer that runs your \
         website) and held it back until you confirm it was you."
    ),
    steps: &[
        crate::en!(
            "Sign in to your webmail in a browser and approve any security alert about a blocked \
             sign-in."
        ),
        crate::en!(
            "Use an app password (a separate password for programs, made in your account's \
             security settings) as `password`."
        ),
        crate::en!("Test again within a few minutes."),
    ],
};

pub(in crate::diagnosis) static SMTP_AUTH_DISABLED: Text = Text {
    summary: crate::en!("Sign-in for mail programs is switched off for this account"),
    explanation: crate::en!(
        "Microsoft 365 lets administrators switch off \"Authenticated SMTP\" (the way programs \
         sign in to send mail). It is off for this mailbox or for the whole organisation, so even \
         the right password is refused, and so is an OAuth token."
    ),
    steps: &[
        crate::en!(
            "Ask your Microsoft 365 administrator to turn on \"Authenticated SMTP\" for this \
             mailbox (admin centre → Users → Active users → the user → Mail → Manage email apps)."
        ),
        crate::en!(
            "If it is off for the whole organisation, the administrator can allow it there too \
             (the Exchange setting SmtpClientAuthenticationDisabled set to False)."
        ),
        crate::en!("Wait up to an hour after the change, then test again."),
    ],
};

pub(in crate::diagnosis) static BASIC_AUTH_DISABLED: Text = Text {
    summary: crate::en!("Your provider no longer accepts a password from mail programs"),
    explanation: crate::en!(
        "The provider has switched off basic authentication (signing in with only a user name and \
         password) and wants OAuth instead (signing in through the provider's own page). \
         ASP.NET's mail sender cannot do OAuth, and an app password does not help here."
    ),
    steps: &[
        crate::en!(
            "Ask your administrator whether password sign-in can be allowed for this mailbox (in \
             Microsoft 365, security defaults or a Conditional Access policy can block it)."
        ),
        crate::en!(
            "Or send your website's mail through a service that accepts passwords, such as your \
             hosting company's mail server or a sending service, and change `host`, `userName` \
             and `password` to its values."
        ),
        crate::en!(
            "Or ask your developer to send with MailKit, which supports OAuth, and test the OAuth \
             sign-in here first (Sign-in: Microsoft 365 (OAuth), or `mailtester send --oauth \
             microsoft`)."
        ),
    ],
};

pub(in crate::diagnosis) static AUTH_TEMPORARY_FAILURE: Text = Text {
    summary: crate::en!("The server could not check the password at the moment"),
    explanation: crate::en!(
        "The server's sign-in system had a temporary problem, so it could not say yes or no. The \
         problem is on the provider's side, and your settings may well be right."
    ),
    steps: &[
        crate::en!("Wait a few minutes and test again."),
        crate::en!(
            "If it lasts more than an hour, tell your mail provider and include the server's \
             reply."
        ),
        crate::en!("Meanwhile, keep `userName` and `password` as they are."),
    ],
};
