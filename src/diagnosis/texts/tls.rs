//! Encryption: STARTTLS, handshakes and certificates.

use super::Text;

pub(in crate::diagnosis) static TLS_REQUIRED: Text = Text {
    summary: crate::en!("The server wants an encrypted connection"),
    explanation: crate::en!(
        "The server will not go on until the connection is encrypted with STARTTLS (the way a \
         mail server switches to an encrypted connection). In web.config, `enableSsl=\"true\"` \
         turns that on."
    ),
    steps: &[
        crate::en!("Set `enableSsl` to `true`."),
        crate::en!(
            "Use `port` `587` (the usual port for sending from websites) unless your provider \
             says otherwise."
        ),
        crate::en!("Test again."),
    ],
};

pub(in crate::diagnosis) static STARTTLS_NOT_OFFERED: Text = Text {
    summary: crate::en!("The server does not offer an encrypted connection on this port"),
    explanation: crate::en!(
        "With `enableSsl` on, ASP.NET asks for STARTTLS (the way a mail server switches to an \
         encrypted connection), and this server did not offer it, so ASP.NET stops with \"Server \
         does not support secure connections\". Usually the port or server is not the provider's \
         sending server, or the server's encryption is not set up."
    ),
    steps: &[
        crate::en!(
            "Check `host` and `port` against your provider's instructions; if `port` is `25`, try \
             `587`."
        ),
        crate::en!(
            "Ask your mail provider whether this server supports STARTTLS, and on which port."
        ),
        crate::en!(
            "Turning `enableSsl` off would send your password unencrypted (readable by anyone on \
             the way): only consider it if your provider confirms the server is on your own \
             private network."
        ),
    ],
};

pub(in crate::diagnosis) static TLS_ON_PLAIN_PORT: Text = Text {
    summary: crate::en!("This port starts unencrypted and switches to encryption later"),
    explanation: crate::en!(
        "One side started encrypting straight away (\"SSL on connect\") while the other expected \
         plain text first and a switch with STARTTLS (the way a mail server switches to an \
         encrypted connection). The two ways do not mix, so the handshake (the exchange that sets \
         up encryption) failed."
    ),
    steps: &[
        crate::en!(
            "Keep this port and set `enableSsl` to `true` (in other programs, choose \"STARTTLS\" \
             or \"TLS\" rather than \"SSL\")."
        ),
        crate::en!(
            "Or, in programs other than ASP.NET, keep \"SSL\" and change the port to `465` if \
             your provider supports it."
        ),
    ],
};

pub(in crate::diagnosis) static TLS_HANDSHAKE_FAILED: Text = Text {
    summary: crate::en!("The encrypted connection could not be set up"),
    explanation: crate::en!(
        "The handshake (the exchange that sets up encryption) failed. Common reasons are a server \
         that only knows old encryption versions (TLS 1.0 or 1.1, which modern programs refuse), \
         a server whose encryption is misconfigured, or a security program on this computer that \
         interferes with encrypted connections."
    ),
    steps: &[
        crate::en!(
            "Test again in a few minutes: some servers have short-lived encryption problems."
        ),
        crate::en!(
            "Send the transcript to your mail provider and ask whether the server supports TLS \
             1.2 or newer."
        ),
        crate::en!(
            "If this computer runs antivirus software that scans email, pause its mail scanning \
             for one test, or ask its vendor."
        ),
    ],
};

pub(in crate::diagnosis) static TLS_UNAVAILABLE: Text = Text {
    summary: crate::en!("The server's encryption is not working right now"),
    explanation: crate::en!(
        "The server offers STARTTLS (the way a mail server switches to an encrypted connection) \
         but refused to start it, saying encryption is not available: a problem on the server, \
         usually passing (its certificate could not be loaded). Your settings are right."
    ),
    steps: &[
        crate::en!("Test again in a few minutes."),
        crate::en!(
            "If it lasts, tell your mail provider that the server answers STARTTLS with \"TLS not \
             available\" (the transcript shows the exact words)."
        ),
        crate::en!(
            "Do not switch encryption off to get around it: your password would then cross the \
             network readable by anyone on the way."
        ),
    ],
};

pub(in crate::diagnosis) static TLS_OUTDATED: Text = Text {
    summary: crate::en!("The mail server only knows outdated encryption (TLS 1.0 or 1.1)"),
    explanation: crate::en!(
        "The server offered only TLS 1.0 or 1.1, encryption versions from 1999 and 2006 that are \
         no longer safe. This test refuses them, like every up-to-date program, and mail \
         providers and Microsoft have switched them off. Your website may still connect today if \
         its Windows server allows TLS 1.0, but that is ending: the server needs updating."
    ),
    steps: &[
        crate::en!(
            "Ask your mail provider or hosting company to enable TLS 1.2 or newer on the mail \
             server (every server software from the last ten years can)."
        ),
        crate::en!(
            "Or send through a provider whose server supports TLS 1.2: change `host` (and `port`) \
             to its server."
        ),
        crate::en!(
            "Until then, do not switch encryption off to make it work: the password would then \
             cross the network readable by anyone on the way."
        ),
        crate::en!(
            "Once the web server's Windows switches TLS 1.0 off, your website's error log says \
             \"A call to SSPI failed, see inner exception.\" (\"The client and server cannot \
             communicate, because they do not possess a common algorithm\"): the same fix applies."
        ),
    ],
};

pub(in crate::diagnosis) static CERTIFICATE_NAME_MISMATCH: Text = Text {
    summary: crate::en!("The server's security certificate is for a different server name"),
    explanation: crate::en!(
        "A certificate (the server's proof of identity) lists the names it is valid for, and the \
         name in `host` is not among them. This is common with shared hosting, where the \
         certificate carries the hosting company's server name rather than your domain."
    ),
    steps: &[
        crate::en!(
            "Change `host` to a name the certificate is valid for (your hosting control panel \
             usually shows it as the mail server's name)."
        ),
        crate::en!("If the name must stay, ask your hosting company to add it to the certificate."),
    ],
};

pub(in crate::diagnosis) static CERTIFICATE_UNTRUSTED: Text = Text {
    summary: crate::en!("The server's security certificate is not trusted"),
    explanation: crate::en!(
        "The certificate (the server's proof of identity) is not vouched for by any authority \
         this computer trusts. It may be self-signed (made by the server for itself), the server \
         may leave out the intermediate certificate that links it to a trusted authority, or a \
         security program on this network may be replacing it."
    ),
    steps: &[
        crate::en!(
            "Ask your mail provider or hosting company to install a certificate from a public \
             authority (for example Let's Encrypt), including its intermediate certificate."
        ),
        crate::en!(
            "If the server belongs to your own organisation and uses a private authority, give \
             the test that authority's certificate in \"Extra CA file\" under Advanced \
             (`--ca-file` on the command line); the server that runs your website must trust it \
             too."
        ),
        crate::en!(
            "Or change `host` to the server name your provider recommends: it usually has a valid \
             certificate."
        ),
    ],
};

pub(in crate::diagnosis) static CERTIFICATE_EXPIRED: Text = Text {
    summary: crate::en!("The server's security certificate has expired"),
    explanation: crate::en!(
        "A certificate (the server's proof of identity) is valid only for a set period, and this \
         one is outside it. Mail programs, ASP.NET included, refuse such a server to keep your \
         password safe."
    ),
    steps: &[
        crate::en!(
            "Tell your mail provider or hosting company that the mail server's certificate has \
             expired; only they can renew it."
        ),
        crate::en!(
            "Check that this computer's date and time are correct: a wrong clock makes valid \
             certificates look expired."
        ),
    ],
};

// Variants for messages that mean more (or less) than an id's usual text.

/// The certificate's validity has not started (by this computer's clock).
pub(in crate::diagnosis) static NOT_YET_VALID: Text = Text {
    summary: crate::en!("The server's security certificate is not valid yet"),
    explanation: crate::en!(
        "A certificate (the server's proof of identity) is valid only from a set date, and by \
         this computer's clock that date has not come yet. Usually this computer's clock is \
         wrong; less often the server has a certificate dated in the future."
    ),
    steps: &[
        crate::en!(
            "Check that this computer's date, time and time zone are correct, then test again."
        ),
        crate::en!(
            "If the clock is right, tell your mail provider that the mail server's certificate is \
             not valid yet."
        ),
    ],
};

/// .NET's "requires a secure connection or the client was not authenticated" with no reply.
pub(in crate::diagnosis) static SECURE_OR_SIGN_IN: Text = Text {
    summary: crate::en!("The server wants an encrypted connection or a sign-in"),
    explanation: crate::en!(
        "ASP.NET shows this message for two different refusals: the server wants encryption with \
         STARTTLS (the way a mail server switches to an encrypted connection), or it wants a \
         sign-in first. The server's own words after \"The server response was:\" tell which."
    ),
    steps: &[
        crate::en!("Set `enableSsl` to `true` and use `port` `587`."),
        crate::en!(
            "Fill in `userName` (usually your full email address) and `password`, and set \
             `defaultCredentials` to `false`."
        ),
        crate::en!(
            "Test again; if it still fails, the server's reply says which of the two is missing."
        ),
    ],
};

/// .NET's handshake failures as a website logs them: most often its own .NET version offering
/// only TLS 1.0 to a server that wants TLS 1.2.
pub(in crate::diagnosis) static DOTNET_OLD_TLS: Text = Text {
    summary: crate::en!(
        "Your website and the mail server found no encryption version they both speak"
    ),
    explanation: crate::en!(
        "\"The remote party has closed the transport stream\" and \"do not possess a common \
         algorithm\" mean the encryption handshake failed before anything was sent. Mail servers \
         now accept only TLS 1.2 or newer, while .NET Framework sites that target 4.5.2 or older \
         offer only TLS 1.0 by default: the usual cause."
    ),
    steps: &[
        crate::en!(
            "Check `targetFramework` in web.config (`<httpRuntime targetFramework=\"…\" />`): if \
             it is 4.5.2 or lower, write `<httpRuntime targetFramework=\"4.8\" />` (.NET \
             Framework 4.8 must be installed on the web server; your host can tell)."
        ),
        crate::en!(
            "Or have your developer add `ServicePointManager.SecurityProtocol |= \
             SecurityProtocolType.Tls12;` where the site starts."
        ),
        crate::en!(
            "If the site already targets 4.7 or newer, run the test here with the same settings: \
             it shows whether the server itself has a problem with encryption."
        ),
    ],
};
