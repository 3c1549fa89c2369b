//! Reaching the server: name lookup, connection, greeting, and conversations that stop.

use super::Text;

pub(in crate::diagnosis) static DNS_NOT_FOUND: Text = Text {
    summary: crate::en!("The mail server's name could not be found"),
    explanation: crate::en!(
        "This computer asked DNS (the internet's address book) for the name in `host` and got no \
         address back, so it does not know where to send the mail. Usually the name has a typing \
         mistake, or this computer is not connected to the internet right now."
    ),
    steps: &[
        crate::en!(
            "Check `host` letter by letter against your mail provider's instructions (it looks \
             like `smtp.example.com`)."
        ),
        crate::en!(
            "Check that this computer can open websites; if it cannot, fix the internet \
             connection and test again."
        ),
        crate::en!(
            "If the name is right and the internet works, ask your mail provider whether the \
             server name has changed."
        ),
    ],
};

pub(in crate::diagnosis) static CONNECTION_REFUSED: Text = Text {
    summary: crate::en!("The server turned the connection away on this port"),
    explanation: crate::en!(
        "This computer reached the server, but nothing there accepts mail on this port (the \
         numbered door a program listens on), or a firewall (a filter that blocks connections) \
         refused it. Most often the port is not the one your provider uses, or `host` points to a \
         different server."
    ),
    steps: &[
        crate::en!(
            "Check `port` against your provider's instructions: `587` is the usual port for \
             websites."
        ),
        crate::en!("Check that `host` is the mail server's name, not your website's name."),
        crate::en!(
            "If both are right, ask your hosting company whether a firewall blocks outgoing mail \
             from your site."
        ),
    ],
};

pub(in crate::diagnosis) static CONNECTION_TIMEOUT: Text = Text {
    summary: crate::en!("The server did not answer the connection attempt"),
    explanation: crate::en!(
        "Nothing answered on this port before the time limit ran out. Often a firewall (a filter \
         that blocks connections) at the hosting company or internet provider quietly drops \
         outgoing mail connections, especially on port 25; otherwise the server may be down or \
         `host` may point to the wrong place."
    ),
    steps: &[
        crate::en!(
            "Change `port` to `587` and set `enableSsl` to `true`: the usual combination for \
             websites."
        ),
        crate::en!(
            "If that does not help, ask your hosting company whether outgoing connections to mail \
             servers are blocked, and on which ports."
        ),
        crate::en!(
            "Check that `host` is correct and that the server is up (see your provider's status \
             page)."
        ),
    ],
};

pub(in crate::diagnosis) static NO_GREETING: Text = Text {
    summary: crate::en!("The server accepted the connection but never said hello"),
    explanation: crate::en!(
        "A mail server normally greets a new connection right away. When it stays silent, the \
         port usually expects encryption from the very first byte (\"SSL on connect\", typical \
         for port 465), which ASP.NET's mail sender cannot do; less often the server is \
         overloaded."
    ),
    steps: &[
        crate::en!("Change `port` to `587` and set `enableSsl` to `true`."),
        crate::en!(
            "If your provider offers only port 465, ask whether it has a port with STARTTLS (the \
             way a mail server switches to an encrypted connection), or send through another \
             provider."
        ),
        crate::en!(
            "If `port` is already `587`, wait a few minutes and test again: the server may be \
             busy."
        ),
    ],
};

pub(in crate::diagnosis) static NOT_SMTP: Text = Text {
    summary: crate::en!("Something other than a mail server answered on this port"),
    explanation: crate::en!(
        "The answer did not look like SMTP (the language mail servers speak). The port may belong \
         to a website or another service, or `host` may point to a different machine."
    ),
    steps: &[
        crate::en!(
            "Check `port`: websites send mail through port `587` (sometimes `25`); ports such as \
             `80` and `443` are for websites, `110`, `143`, `993` and `995` for reading mail."
        ),
        crate::en!("Check `host` against your provider's instructions."),
        crate::en!(
            "If both look right, a security program or proxy on this network may be in the way: \
             ask whoever manages the network."
        ),
    ],
};

pub(in crate::diagnosis) static SERVICE_UNAVAILABLE: Text = Text {
    summary: crate::en!("The mail server is not taking this connection right now"),
    explanation: crate::en!(
        "The server answered but refused to serve this connection. Usually the server has a \
         temporary problem (maintenance or overload), or it refuses this computer's internet \
         address, for example because the address is on a blocklist (a list of addresses known \
         for spam)."
    ),
    steps: &[
        crate::en!("Wait a few minutes and test again."),
        crate::en!(
            "If it keeps happening, send the server's reply (under \"What the server said\") to \
             your mail provider and ask why it refuses the connection."
        ),
        crate::en!(
            "Check `host` and `port`: a server meant for receiving mail may refuse to send it."
        ),
    ],
};

pub(in crate::diagnosis) static CONNECTION_LOST: Text = Text {
    summary: crate::en!("The server closed the connection in the middle of the conversation"),
    explanation: crate::en!(
        "The connection ended before the server finished answering. Servers do this when \
         something about the connection displeases them (too many attempts, a blocked address, a \
         different encryption setting than they expect), and networks sometimes drop connections \
         too."
    ),
    steps: &[
        crate::en!("Test again in a few minutes."),
        crate::en!(
            "Check that `port` and `enableSsl` match your provider's instructions (usually `587` \
             with `enableSsl` set to `true`)."
        ),
        crate::en!(
            "If it keeps happening, send the transcript to your mail provider: the step where it \
             stopped tells them where to look."
        ),
    ],
};

pub(in crate::diagnosis) static TIMEOUT: Text = Text {
    summary: crate::en!("The server stopped answering"),
    explanation: crate::en!(
        "The server accepted the connection but did not answer in time. It may be overloaded, or \
         a firewall (a filter that blocks connections) may be holding the connection open without \
         letting anything through."
    ),
    steps: &[
        crate::en!("Test again in a few minutes."),
        crate::en!(
            "If your web.config uses port 465: ASP.NET cannot use it and waits like this. Change \
             `port` to `587` and set `enableSsl` to `true`."
        ),
        crate::en!(
            "If it always stops at the same step, send the transcript to your mail provider."
        ),
    ],
};

pub(in crate::diagnosis) static CANCELLED: Text = Text {
    summary: crate::en!("The test was stopped before it finished"),
    explanation: crate::en!(
        "The test was cancelled, so the steps that did not run have no result. This says nothing \
         about whether your settings work."
    ),
    steps: &[crate::en!(
        "Press \"Send test email\" to run the test again."
    )],
};

// Variants for messages that mean more (or less) than an id's usual text.

/// A client's "could not connect" that does not say why (`PHPMailer`, .NET's outer exception).
pub(in crate::diagnosis) static CANNOT_CONNECT: Text = Text {
    summary: crate::en!("Your website could not connect to the mail server"),
    explanation: crate::en!(
        "The program gives this one message for several causes: a firewall (a filter that blocks \
         connections) at the hosting company blocks the port, nothing listens on that port, or \
         the encryption setting does not match the port. Port 25 is the one most often blocked."
    ),
    steps: &[
        crate::en!(
            "Change `port` to `587` and set `enableSsl` to `true` (in PHPMailer: `Port = 587` and \
             `SMTPSecure = 'tls'`)."
        ),
        crate::en!("Check that `host` is exactly the server name your provider gives."),
        crate::en!(
            "Ask your hosting company whether outgoing mail connections are allowed, and on which \
             ports."
        ),
    ],
};

/// .NET's "The SMTP host was not specified."
pub(in crate::diagnosis) static HOST_NOT_SET: Text = Text {
    summary: crate::en!("No mail server is set"),
    explanation: crate::en!(
        "ASP.NET found no `host` in the `<mailSettings>` section of web.config (or in the \
         website's code), so it does not know which server to send through."
    ),
    steps: &[
        crate::en!(
            "Add `host` to the `<network>` element in web.config, for example \
             `host=\"smtp.example.com\"`."
        ),
        crate::en!(
            "Check that `<mailSettings>` sits inside `<system.net>` in the web.config of the site \
             that sends the mail."
        ),
    ],
};

/// .NET's "The operation has timed out." on port 465.
pub(in crate::diagnosis) static DOTNET_465: Text = Text {
    summary: crate::en!("ASP.NET waited on port 465 for a greeting that never comes"),
    explanation: crate::en!(
        "Port 465 expects encryption from the very first byte (\"SSL on connect\"), which \
         ASP.NET's mail sender cannot do: it waits for the server to say hello until it gives up \
         with \"The operation has timed out\"."
    ),
    steps: &[
        crate::en!("Change `port` to `587` and set `enableSsl` to `true`."),
        crate::en!(
            "If your provider offers only port 465, ask whether it has a port with STARTTLS (the \
             way a mail server switches to an encrypted connection), or send through another \
             provider."
        ),
    ],
};

/// System.Net.Mail's bare "The operation has timed out." (no inner exception, no port): its
/// whole-send `Timeout`, most often a server that never greets.
pub(in crate::diagnosis) static DOTNET_TIMED_OUT: Text = Text {
    summary: crate::en!("Your website gave up waiting for the mail server"),
    explanation: crate::en!(
        "\"The operation has timed out.\" with nothing more is how ASP.NET's mail sender says the \
         server did not finish answering within its time limit (100 seconds unless `timeout` is \
         set). Most often the server never said hello at all: the port expects encryption from \
         the very first byte (\"SSL on connect\", port 465), which ASP.NET's mail sender cannot \
         do."
    ),
    steps: &[
        crate::en!("If `port` is `465`, change it to `587` and set `enableSsl` to `true`."),
        crate::en!(
            "Otherwise, run this tester with the same settings: it shows the step where the \
             server stops answering."
        ),
    ],
};

/// "The operation was canceled." (`OperationCanceledException`): the sending program cancelled
/// itself, which says nothing about the server.
pub(in crate::diagnosis) static CANCELLED_BY_PROGRAM: Text = Text {
    summary: crate::en!("The program that sends your mail cancelled the sending itself"),
    explanation: crate::en!(
        "\"The operation was canceled\" means the sending was stopped by the program's own code, \
         not refused by the mail server: .NET mail libraries such as MailKit say this when the \
         caller cancels, for example when the web request that sends the mail ends first or the \
         application's own time limit runs out. It says nothing yet about whether the mail \
         settings work."
    ),
    steps: &[
        crate::en!(
            "Test the same settings with this tester: it shows whether the server accepts them."
        ),
        crate::en!(
            "If the test works, ask your developer whether the website cancels the sending too \
             early (a short time limit, or a request that ends before the mail is sent)."
        ),
    ],
};

/// An IMAP or POP3 server answered: the server for reading mail, not the one that sends.
pub(in crate::diagnosis) static MAIL_READING_SERVER: Text = Text {
    summary: crate::en!("This is the server for reading mail, not the one for sending it"),
    explanation: crate::en!(
        "The port answered like an IMAP or POP3 server: the server a mail program uses to read \
         the mailbox. A website sends through the SMTP server, which has its own port and often \
         its own name (`smtp.` rather than `imap.`, `pop.` or `mail.`)."
    ),
    steps: &[
        crate::en!(
            "Change `port` to `587` and set `enableSsl` to `true`: the usual port for sending."
        ),
        crate::en!(
            "If it still fails, look up the \"outgoing (SMTP) server\" in your provider's \
             instructions and put that name in `host`."
        ),
    ],
};

/// A port that accepts and then says nothing, even to an encrypted start: not SSL on connect.
pub(in crate::diagnosis) static SILENT_SERVER: Text = Text {
    summary: crate::en!("The server accepted the connection but never answered"),
    explanation: crate::en!(
        "A mail server greets a new connection right away. This one stayed silent, also when the \
         test started encrypted, so it is not waiting for SSL on connect: the server may be \
         overloaded, or a firewall or filter on the way holds connections open without letting \
         anything through."
    ),
    steps: &[
        crate::en!("Wait a few minutes and test again."),
        crate::en!(
            "Check `host` and `port` against your provider's instructions for sending mail \
             (usually port `587`)."
        ),
        crate::en!(
            "If it stays silent, ask your hosting company whether it filters outgoing mail \
             connections (many hold port `25` open without letting anything through)."
        ),
    ],
};
