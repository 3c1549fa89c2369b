//! PHP code setting up PHPMailer (PHPMailer 6.1+, for the `ENCRYPTION_` constants).

use std::fmt::Write as _;

use super::escape::php;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `$mail->...` lines for the tested settings.
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::PhpMailer, settings, include_password);
    let mut text = String::from(
        "// At the top of the file: use PHPMailer\\PHPMailer\\PHPMailer;\n\
         $mail = new PHPMailer(true);\n\
         $mail->isSMTP();\n",
    );
    let _ = writeln!(text, "$mail->Host = {};", php(parts.host));
    let _ = writeln!(text, "$mail->Port = {};", parts.port);
    let _ = match parts.security {
        Security::StartTls => writeln!(
            text,
            "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS; // STARTTLS"
        ),
        Security::ImplicitTls => writeln!(
            text,
            "$mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS; // SSL on connect"
        ),
        Security::None => writeln!(
            text,
            "$mail->SMTPSecure = '';\n$mail->SMTPAutoTLS = false; // no encryption, as tested"
        ),
    };
    match &parts.credentials {
        Some(credentials) => {
            text.push_str("$mail->SMTPAuth = true;\n");
            let _ = writeln!(text, "$mail->Username = {};", php(credentials.user));
            let _ = writeln!(text, "$mail->Password = {};", php(credentials.password));
        }
        None => text.push_str("$mail->SMTPAuth = false;\n"),
    }
    if !parts.client_domain.is_empty() {
        let _ = writeln!(text, "$mail->Helo = {};", php(parts.client_domain));
    }
    if !parts.from.is_empty() {
        let _ = writeln!(text, "$mail->setFrom({});", php(parts.from));
    }
    if parts.security == Security::None {
        parts.warnings.push(
            crate::en!(
                "SMTPAutoTLS is false so that PHPMailer does not switch to STARTTLS on its own; \
                 remove that line if the server offers STARTTLS and you want it."
            )
            .to_owned(),
        );
    }
    Snippet::from_parts(Format::PhpMailer, text, parts)
}
