//! Reaching the server: its name, its port, and whether what answers is a mail server that
//! greets the way the settings expect.

use super::Context;
use crate::diagnosis::texts::{self, MAIL_READING_SERVER, SILENT_SERVER, base};
use crate::diagnosis::{Change, Diagnosis, DiagnosisId as D};
use crate::settings::Security;

impl Context<'_> {
    /// The server's name could not be found.
    pub(super) fn dns_not_found(&self, host: &str) -> Diagnosis {
        let host = self.name_or_host(host);
        let mut diagnosis = base(D::DnsNotFound);
        if !host.is_empty() {
            diagnosis = diagnosis.with_summary(crate::en!(
                "The mail server's name \u{201c}{host}\u{201d} could not be found",
                host = host,
            ));
        }
        if !host.is_empty() && !host.contains('.') {
            diagnosis = diagnosis.step_first(crate::en!(
                "`host` has no dot in it, while mail server names look like `smtp.example.com`: check it \
                 against your provider's instructions."
            ));
        }
        diagnosis
    }

    /// The server (or something on the way) refused the connection.
    pub(super) fn refused(&self, address: &str) -> Diagnosis {
        let mut diagnosis = base(D::ConnectionRefused).explain_more(crate::en!(
            "The connection went to {address}.",
            address = address,
        ));
        if let Some(diagnosis) = self.provider_port(diagnosis.clone()) {
            return diagnosis;
        }
        if self.port() == 25 {
            diagnosis = diagnosis.with_change(self.submission());
        } else if ![465, 587, 2525].contains(&self.port()) {
            diagnosis = diagnosis.step_first(crate::en!(
                "Port {port} is unusual for sending mail: most providers use `587`.",
                port = self.port(),
            ));
        }
        diagnosis
    }

    /// Nothing answered the connection in time.
    pub(super) fn connect_timeout(&self, address: &str, secs: u64) -> Diagnosis {
        let diagnosis = base(D::ConnectionTimeout).explain_more(crate::en!(
            "We waited {secs} seconds for {address}.",
            secs = secs,
            address = address,
        ));
        self.port_25_blocked(diagnosis)
    }

    /// What the provider says about reaching it: a relay only its own hosting may use (`GoDaddy`'s
    /// port 25 relay), or another port when 587 is blocked (2525, 2587).
    fn provider_port(&self, diagnosis: Diagnosis) -> Option<Diagnosis> {
        let provider = self.provider?;
        if let Some(reach) = provider.reach {
            return Some(diagnosis.step_first(reach));
        }
        if self.port() != 587 {
            return None;
        }
        let port = provider.alternative_port(self.port())?;
        let step = provider.alternative_port_step(self.port())?;
        Some(
            diagnosis
                .step_first(step)
                .with_change(self.suggest(vec![Change::Port(port)])),
        )
    }

    /// Port 25 is blocked by many hosts and internet providers; ASP.NET cannot use 465 at all.
    fn port_25_blocked(&self, diagnosis: Diagnosis) -> Diagnosis {
        if let Some(diagnosis) = self.provider_port(diagnosis.clone()) {
            return diagnosis;
        }
        if self.port() == 25 {
            diagnosis
                .explain_more(crate::en!(
                    "Port 25 is commonly blocked by hosting companies and internet providers to stop spam, \
                     so connections to it often go unanswered."
                ))
                .with_change(self.submission())
        } else {
            self.submission_when(diagnosis, self.dotnet_on_465())
        }
    }

    /// The connection failed for a reason the system names in `detail`.
    pub(super) fn connect_failed(&self, address: &str, detail: &str) -> Diagnosis {
        let lower = detail.to_lowercase();
        if lower.contains("refused") || lower.contains("reset") {
            return self.refused(address);
        }
        let mut diagnosis = base(D::ConnectionTimeout)
            .with_summary(crate::en!("This computer could not reach the mail server"))
            .explain_more(crate::en!(
                "The system reported: \u{201c}{detail}\u{201d}.",
                detail = detail.trim(),
            ));
        if ["unreachable", "no route", "network is down"]
            .iter()
            .any(|w| lower.contains(w))
        {
            diagnosis = diagnosis.step_first(crate::en!(
                "Check that this computer is connected to the internet, then test again."
            ));
        }
        self.port_25_blocked(diagnosis)
    }

    /// The server accepted the connection but never greeted.
    pub(super) fn no_greeting(&self, secs: u64, port_speaks_tls: bool) -> Diagnosis {
        let diagnosis = base(D::NoGreeting);
        if !port_speaks_tls {
            // What was seen: silence, and no answer to an encrypted start either, so nothing
            // points at SSL on connect. ASP.NET cannot use 465 whatever it is.
            let silent = texts::variant(D::NoGreeting, &SILENT_SERVER).explain_more(crate::en!(
                "The server said nothing for {secs} seconds, and a second try that started \
                 encrypted got no answer either.",
                secs = secs,
            ));
            return self.submission_when(silent, self.dotnet() && self.port() == 465);
        }
        if self.dotnet() {
            diagnosis
                .with_explanation(crate::en!(
                    "This port expects encryption from the very first byte (\"SSL on connect\", typical for \
                     port 465), so the server waits for encryption while the program waits for a greeting. \
                     ASP.NET's mail sender cannot do SSL on connect: your website would wait like this for \
                     100 seconds (its default timeout; the test stopped after its own limit) and then fail \
                     with \"The operation has timed out\"."
                ))
                .with_change(self.submission())
        } else {
            diagnosis
                .with_explanation(crate::en!(
                    "This port expects encryption from the very first byte (\"SSL on connect\"), but the test \
                     started unencrypted, so both sides waited for the other."
                ))
                .with_steps([
                    crate::en!(
                        "Choose SSL on connect for this port (called \"SSL\", \"SMTPS\" or \"implicit TLS\" in most \
                         programs)."
                    ),
                    crate::en!(
                        "Or change `port` to `587` and use STARTTLS (the way a mail server switches to an encrypted \
                         connection)."
                    ),
                ])
                .with_change(self.suggest(vec![Change::Security(Security::ImplicitTls)]))
        }
    }
}

impl Context<'_> {
    /// Something other than SMTP answered: a mail-reading server (IMAP, POP3) gets its own words
    /// and the sending port as the change; a web or SSH server is named.
    pub(super) fn not_smtp(&self, received: &str) -> Diagnosis {
        let lower = received.to_lowercase();
        if is_mail_reading_greeting(&lower) {
            return texts::variant(D::NotSmtp, &MAIL_READING_SERVER)
                .with_reply(received)
                .with_change(self.submission());
        }
        let diagnosis = base(D::NotSmtp).with_reply(received);
        if lower.starts_with("http/") || lower.contains("<html") {
            diagnosis.explain_more(crate::en!("It answered like a web server."))
        } else if lower.starts_with("ssh-") {
            diagnosis.explain_more(crate::en!("It answered like a remote login service (SSH)."))
        } else {
            diagnosis
        }
    }
}

/// An IMAP (`* OK …`) or POP3 (`+OK …`) greeting.
pub(in crate::diagnosis) fn is_mail_reading_greeting(lower: &str) -> bool {
    lower.starts_with("* ok") || lower.starts_with("+ok")
}
