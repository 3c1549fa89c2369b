//! Sending: sender, recipient and message refusals, limits, and what we cannot place.

use super::Text;

pub(in crate::diagnosis) static RELAY_DENIED: Text = Text {
    summary: crate::en!("The server will not pass your mail on to other addresses"),
    explanation: crate::en!(
        "Relaying (passing mail on to addresses outside the server's own domains) is allowed only \
         for signed-in users or known senders, and this connection did not count as one. Usually \
         no sign-in happened, or the port is meant for receiving mail rather than sending it."
    ),
    steps: &[
        crate::en!(
            "Fill in `userName` (usually your full email address) and `password`, and set \
             `defaultCredentials` to `false`."
        ),
        crate::en!("Use `port` `587` with `enableSsl` set to `true`."),
        crate::en!(
            "If your hosting company lets websites send without a password, ask them to allow the \
             address of the server your website runs on."
        ),
    ],
};

pub(in crate::diagnosis) static SENDER_REJECTED: Text = Text {
    summary: crate::en!("The server will not send mail from this sender address"),
    explanation: crate::en!(
        "The sender address (`from`) must be one the account may send as: usually the mailbox you \
         sign in with, or an address your provider has verified. This one is not on that list."
    ),
    steps: &[
        crate::en!("Set `from` to the same address as `userName`."),
        crate::en!(
            "Or ask your provider or administrator to allow this sender address, for example by \
             verifying it or by granting \"Send As\" permission."
        ),
    ],
};

pub(in crate::diagnosis) static RECIPIENT_REJECTED: Text = Text {
    summary: crate::en!("The server refused the address the test was sent to"),
    explanation: crate::en!(
        "Your settings got through, but the test recipient was refused: the address may not \
         exist, or its mailbox cannot take mail right now. This concerns the test address, not \
         your web.config."
    ),
    steps: &[
        crate::en!("Check the \"Send the test to\" address for typing mistakes."),
        crate::en!("Send the test to another address you own, for example the one in `from`."),
    ],
};

pub(in crate::diagnosis) static MESSAGE_REJECTED: Text = Text {
    summary: crate::en!("The server refused the message itself"),
    explanation: crate::en!(
        "The connection and sign-in worked, but the message was refused: for example it was too \
         large, looked like spam, or the sender's domain failed SPF or DKIM checks (DNS records \
         that prove a server may send mail for your domain)."
    ),
    steps: &[
        crate::en!("Read the server's reply below: it usually names the reason."),
        crate::en!(
            "If it mentions SPF, DKIM or DMARC, ask whoever manages your domain's DNS to add the \
             records your mail provider lists."
        ),
        crate::en!(
            "To see whether the domain is the cause, set `from` to an address at your mail \
             provider's own domain and test again."
        ),
    ],
};

pub(in crate::diagnosis) static ACCOUNT_BLOCKED: Text = Text {
    summary: crate::en!("This mail account is blocked from sending"),
    explanation: crate::en!(
        "The provider has stopped this account from sending, often after it noticed unusual \
         activity such as spam sent with a stolen password. Only the provider or your \
         administrator can lift the block."
    ),
    steps: &[
        crate::en!(
            "Sign in to your webmail and look for a message about a blocked or restricted account."
        ),
        crate::en!(
            "Change the account's password (someone else may know it), then put the new one in \
             `password`."
        ),
        crate::en!(
            "Ask your provider or administrator to lift the sending block (in Microsoft 365: \
             Defender → Restricted entities)."
        ),
    ],
};

pub(in crate::diagnosis) static RATE_LIMITED: Text = Text {
    summary: crate::en!("The server asks to slow down and try again later"),
    explanation: crate::en!(
        "Providers limit how much mail an account or an internet address may send in a given \
         time. That limit was reached, or the server is being careful with this connection for a \
         while; it clears by itself."
    ),
    steps: &[
        crate::en!("Wait 15 to 60 minutes and test again."),
        crate::en!(
            "If your website sends a lot of mail, check your provider's sending limits or use a \
             sending service built for volume."
        ),
        crate::en!(
            "Set `clientDomain` to your website's full domain name (for example \
             `www.example.com`): some servers distrust computers that introduce themselves as \
             `localhost`."
        ),
    ],
};

pub(in crate::diagnosis) static GREYLISTED: Text = Text {
    summary: crate::en!("The server asked to send again in a few minutes (greylisting)"),
    explanation: crate::en!(
        "Some servers turn away the first message from a sender they do not know yet, on purpose, \
         and accept it when it comes again a few minutes later: this is called greylisting, and \
         nothing is wrong with your settings or the address. ASP.NET does not send again by \
         itself, though: a message turned away like this is lost unless your website tries again."
    ),
    steps: &[
        crate::en!("Test again in 5 to 15 minutes: it should be accepted."),
        crate::en!(
            "For mail that matters (orders, password resets), send through your provider's server \
             with a sign-in (port `587`): mail from signed-in senders is not greylisted."
        ),
        crate::en!(
            "Or make the website try again when sending fails (a queue, or a retry after a few \
             minutes)."
        ),
    ],
};

pub(in crate::diagnosis) static SENDING_QUOTA_EXCEEDED: Text = Text {
    summary: crate::en!("Your account has used up its sending allowance"),
    explanation: crate::en!(
        "The provider limits how much mail an account may send per day or month (or sells it as \
         credits), and this account has reached the limit. Waiting a few minutes will not help: \
         it resets after up to a day, at the start of the next period, or when the plan is raised."
    ),
    steps: &[
        crate::en!(
            "Wait until the limit resets (usually 24 hours; for a monthly plan, the next month) \
             and test again."
        ),
        crate::en!(
            "Check that your website is not sending far more than it should: a contact form used \
             by spammers can use up any allowance."
        ),
        crate::en!(
            "If your website really needs more, ask the provider for a higher limit, or send \
             through a service made for websites (SendGrid, Mailgun, Amazon SES, Brevo)."
        ),
    ],
};

pub(in crate::diagnosis) static TEMPORARY_FAILURE: Text = Text {
    summary: crate::en!("The server had a temporary problem"),
    explanation: crate::en!(
        "The server answered with a \"try again later\" code (one that starts with 4), which \
         means the problem should clear without any change on your side."
    ),
    steps: &[
        crate::en!("Wait a few minutes and test again."),
        crate::en!("If it keeps happening, send the server's reply to your mail provider."),
        crate::en!("Meanwhile, keep `host`, `port` and `enableSsl` as they are."),
    ],
};

pub(in crate::diagnosis) static UNKNOWN: Text = Text {
    summary: crate::en!("We don't recognise this problem"),
    explanation: crate::en!(
        "The test stopped with a message we have no explanation for yet. The details show exactly \
         what the server or this computer said."
    ),
    steps: &[
        crate::en!(
            "Look in the server's reply for a code such as `535` or `5.7.8` and a short reason, \
             and send them to your mail provider."
        ),
        crate::en!("Check `host`, `port` and `enableSsl` against your provider's instructions."),
        crate::en!(
            "Save the report (it leaves out your password) and send it to your hosting company's \
             support."
        ),
    ],
};

// Variants for messages that mean more (or less) than an id's usual text.

/// .NET's outer "Failure sending mail." without its inner exception.
pub(in crate::diagnosis) static OUTER_ONLY: Text = Text {
    summary: crate::en!("Sending failed, and this part of the message does not say why"),
    explanation: crate::en!(
        "\"Failure sending mail\" is only the outer message: the reason is in the inner exception \
         that follows it (after \"--->\") in the full error log."
    ),
    steps: &[
        crate::en!(
            "Copy the whole error, including the lines after \"--->\", and paste it here again."
        ),
        crate::en!(
            "Or run the test in this program with the same settings: it shows the exact step that \
             fails."
        ),
        crate::en!(
            "Meanwhile, check `host`, `port` and `enableSsl` against your provider's instructions."
        ),
    ],
};

/// Pasted text in which we find nothing we know.
pub(in crate::diagnosis) static NOT_RECOGNISED: Text = Text {
    summary: crate::en!("We don't recognise this message"),
    explanation: crate::en!(
        "It contains no mail server reply code (such as `535` or `5.7.8`) and no error we know \
         from ASP.NET, PHPMailer, Nodemailer, Python or MailKit."
    ),
    steps: &[
        crate::en!(
            "Paste the whole error, including any lines after \"--->\" or \"Caused by\": the \
             cause is often at the end."
        ),
        crate::en!(
            "Look for a three-digit code that starts with 4 or 5 (such as `550`) or a code like \
             `5.7.1`, and the words after it: that is the server's reason."
        ),
        crate::en!(
            "Or run the test in this program with your `host`, `port` and `enableSsl`: it shows \
             the exact step that fails."
        ),
    ],
};

/// An account that may sign in only from the IP addresses listed in its settings (SMTP2GO and
/// some hosts).
pub(in crate::diagnosis) static SIGN_IN_ADDRESS_NOT_LISTED: Text = Text {
    summary: crate::en!("This account may sign in only from the addresses its provider lists"),
    explanation: crate::en!(
        "The provider lets this account sign in only from the internet addresses (IP addresses) \
         listed in its settings, and the address this came from is not one of them. The password \
         was not even checked."
    ),
    steps: &[
        crate::en!(
            "In your mail provider's control panel, open the account's SMTP settings and find the \
             list of allowed IP addresses."
        ),
        crate::en!(
            "Add your web server's public IP address (your hosting company can tell you which it \
             is)."
        ),
        crate::en!(
            "To run this tester from another computer as well, add that computer's address too, \
             or ask your provider to lift the restriction."
        ),
    ],
};

/// ASP.NET's own `FormatException` for an address it cannot read: no server was involved.
pub(in crate::diagnosis) static ADDRESS_NOT_READABLE: Text = Text {
    summary: crate::en!("Your website could not read one of the email addresses"),
    explanation: crate::en!(
        "\"The specified string is not in the form required for an e-mail address\" comes from \
         ASP.NET itself, before any mail server is contacted: the `from` address, or an address \
         the website puts in To, Cc or Bcc, has a typing mistake (a missing @, a space, two \
         addresses in one field)."
    ),
    steps: &[
        crate::en!(
            "Check `from` in web.config: one address such as `info@example.com` (a name may go \
             before it: `Shop <info@example.com>`)."
        ),
        crate::en!(
            "If `from` is right, the address comes from the website itself (a form a visitor \
             filled in, or a setting of the site): ask your developer to check addresses before \
             sending."
        ),
    ],
};

/// .NET's message for a reply code it has no name for, with the server's words left out.
pub(in crate::diagnosis) static UNNAMED_REPLY: Text = Text {
    summary: crate::en!("The server refused, and your website's log leaves out why"),
    explanation: crate::en!(
        "\"Syntax error, command unrecognized.\" is what ASP.NET's mail sender writes for any \
         server reply whose code it has no name for (a refused password's 535, for example). \
         Without the server's own words after it, the log cannot tell which setting is wrong."
    ),
    steps: &[
        crate::en!("If the log goes on with \"The server response was:\", paste that line too."),
        crate::en!(
            "Run the test here with the same settings: it shows the server's reply word for word \
             and what it means."
        ),
    ],
};

/// .NET's refusal of an address with letters outside ASCII before the @ (its default
/// `deliveryFormat`, `SevenBit`), as a website logs it.
pub(in crate::diagnosis) static ASCII_LOCAL_PART: Text = Text {
    summary: crate::en!("An address has letters ASP.NET sends only with a setting"),
    explanation: crate::en!(
        "\"The client or server is only configured for E-mail addresses with ASCII local-parts\" \
         means the address named at the end has letters outside plain English before the @ (such \
         as ö or é). ASP.NET sends such addresses only with `deliveryFormat=\"International\"`, \
         and only through a mail server that offers SMTPUTF8 (the standard for international \
         addresses)."
    ),
    steps: &[
        crate::en!("If the address is `from`, use one with plain letters before the @."),
        crate::en!(
            "If it is a customer's address, add `deliveryFormat=\"International\"` to `<smtp>` in \
             web.config (.NET Framework 4.5 or newer) and run the test here to check that your \
             mail server offers SMTPUTF8."
        ),
    ],
};
