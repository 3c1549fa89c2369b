//! Pasted texts: the reply part, the texts tailored to clients, honesty about unknown text, and
//! odd input. Every client example and catalogue row is in `tests_pasted.rs`.

use super::*;

#[test]
fn server_reply_is_the_reply_part() {
    let d = explain_text(
        "System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.1 <a@b.c>: Relay access denied ---> inner",
    );
    assert_eq!(
        d.server_reply.as_deref(),
        Some("5.7.1 <a@b.c>: Relay access denied")
    );
    let d = explain_text("Error: Invalid login: 535 5.7.8 Authentication credentials invalid");
    assert_eq!(
        d.server_reply.as_deref(),
        Some("535 5.7.8 Authentication credentials invalid")
    );
    assert_eq!(
        explain_text("Error: Greeting never received").server_reply,
        None
    );
}

#[test]
fn tailored_texts_for_clients() {
    let d = explain_text("SMTP connect() failed.");
    assert_eq!(
        d.summary,
        "Your website could not connect to the mail server"
    );
    assert!(d.explanation.contains("blocks the port") && d.explanation.contains("nothing listens"));

    let d = explain_text("The operation has timed out. Port: 465");
    assert!(d.explanation.contains("cannot do"));

    let d = explain_text(
        "535-5.7.8 Username and Password not accepted.\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials",
    );
    assert_eq!(
        d.summary,
        "Gmail needs an app password instead of your normal password"
    );

    let d = explain_text("SMTP Error: Could not authenticate. Host smtp.gmail.com");
    assert!(
        d.steps_to_fix
            .first()
            .is_some_and(|s| s.starts_with("Gmail needs an app password"))
    );

    let d = explain_text("Error: certificate is not yet valid");
    assert!(d.summary.contains("not valid yet"));
}

#[test]
fn unrecognised_text_is_honest() {
    let d = explain_text("Something odd happened on the way to the forum.");
    assert_eq!(d.id, D::Unknown);
    assert_eq!(d.summary, "We don't recognise this message");
    assert!(d.steps_to_fix.iter().any(|s| s.contains("4 or 5")));
    assert_eq!(d.server_reply, None);

    let d = explain_text("550 5.9.9 Zorp");
    assert_eq!(d.id, D::Unknown);
    assert_eq!(d.summary, "We don't recognise this server reply");
    assert_eq!(d.server_reply.as_deref(), Some("550 5.9.9 Zorp"));
}

#[test]
fn never_panics_on_odd_input() {
    let long = "x".repeat(100_000);
    let nested = "535-".repeat(1000);
    for text in [
        "",
        " ",
        "\n\n\n",
        "5",
        "55",
        "535",
        "535-",
        "535 ",
        "5.7.",
        "5.7.0",
        "server response was:",
        "The server response was:   ",
        "b'",
        "(535, b'",
        "€535 5.7.8 ünïcödé",
        "535 5.7.8 ünïcödé\n535 ünï",
        "\u{0}\u{1}\u{2}",
        "🙂 550 🙂",
        long.as_str(),
        nested.as_str(),
    ] {
        let d = explain_text(text);
        assert!(!d.summary.is_empty());
    }
}

/// ASP.NET goes on without signing in after a refused password, so its log blames the missing
/// sign-in: pasted, that says the password was probably refused, not "fill in userName".
#[test]
fn a_dotnet_auth_required_line_says_the_password_was_probably_refused() {
    for line in [
        "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. Learn more at",
        "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail.",
    ] {
        let diagnosis = explain_text(line);
        assert_eq!(diagnosis.id, D::AuthRequired);
        assert!(
            diagnosis.summary.contains("probably refused"),
            "{}",
            diagnosis.summary
        );
        assert!(
            diagnosis.steps_to_fix[0].contains("type the password"),
            "{:?}",
            diagnosis.steps_to_fix
        );
    }
}

/// .NET's handshake failures point at the site's own .NET version first, never at this
/// computer's antivirus (the log comes from the web server).
#[test]
fn dotnets_handshake_failures_name_the_sites_net_version() {
    for line in [
        "System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException: Authentication failed because the remote party has closed the transport stream.",
        "System.Security.Authentication.AuthenticationException: A call to SSPI failed, see inner exception. ---> System.ComponentModel.Win32Exception: The client and server cannot communicate, because they do not possess a common algorithm",
    ] {
        let diagnosis = explain_text(line);
        assert_eq!(diagnosis.id, D::TlsHandshakeFailed);
        let steps = diagnosis.steps_to_fix.join("\n");
        assert!(steps.contains("targetFramework=\"4.8\""), "{steps}");
        assert!(!steps.contains("antivirus"), "{steps}");
    }
}
