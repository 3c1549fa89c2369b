//! The mail transaction and the goodbye: the envelope and the message are checked and built
//! before `MAIL FROM` (an address that cannot go out stops the test before the server is asked),
//! then `MAIL FROM`, `RCPT TO`, `DATA`, the message and `QUIT`.

use std::time::Duration;

use super::expect;
use crate::event::Step;
use crate::session::error::SessionError;
use crate::session::message::{self, Envelope};
use crate::session::{QUIT_AFTER_FAILURE, Session};
use crate::settings::Target;
use crate::settings::address::{self, AddressRole, Unsendable};

impl Session<'_> {
    /// Sends the test message: envelope, message, and the server's verdict on it.
    pub(in crate::session) async fn send_message(&mut self) -> Result<(), SessionError> {
        self.rec.begin(Step::MailFrom);
        let envelope = self.envelope().await?;
        let built = match message::build(self.plan, &envelope) {
            Ok(built) => built,
            Err(role) => {
                let address = match role {
                    AddressRole::Sender => self.plan.from.to_string(),
                    AddressRole::Recipient => self.plan.to.to_string(),
                };
                self.rec.info(&format!(
                    "{address} cannot be written into the test message: stopping before MAIL FROM"
                ));
                return Err(self
                    .unsendable(role, address, Unsendable::NotInMessage)
                    .await);
            }
        };
        let mail = envelope.mail_from();
        let reply = self.command(Step::MailFrom, &mail, &mail).await?;
        expect(Step::MailFrom, reply, 250)?;

        self.rec.begin(Step::RcptTo);
        let rcpt = envelope.rcpt_to();
        let reply = self.command(Step::RcptTo, &rcpt, &rcpt).await?;
        if reply.code != 251 {
            expect(Step::RcptTo, reply, 250)?;
        }

        self.rec.begin(Step::Data);
        let reply = self.command(Step::Data, "DATA", "DATA").await?;
        expect(Step::Data, reply, 354)?;
        let lines = message::data_lines(&built.bytes);
        let mut block = lines.join("\r\n");
        block.push_str("\r\n.");
        for line in &lines {
            self.rec.client(line);
        }
        self.send_line(Step::Data, &block, ".").await?;
        let reply = self
            .read_reply(Step::Data, self.final_reply_limit())
            .await?;
        expect(Step::Data, reply, 250)?;
        self.rec.report.message_id = Some(built.message_id);
        self.rec.pass();
        Ok(())
    }

    /// How long the reply to the final `.` may take: the server may check the whole message
    /// first (RFC 5321 suggests 10 minutes), so it has its own limit, longer than a command's.
    /// System.Net.Mail has none: its one `Timeout` covers the whole send, which the whole-test
    /// limit (always on top) copies.
    fn final_reply_limit(&self) -> Duration {
        match self.plan.target {
            Target::DotNet => self.plan.timeouts.total(),
            Target::Generic => self.plan.timeouts.final_reply(),
        }
    }

    /// The envelope: international domains in their ASCII form, and SMTPUTF8 when a local part
    /// is not ASCII and the client being copied can use it here. Otherwise the test stops
    /// before `MAIL FROM`: a strict server would refuse the raw address with a reply that
    /// blames the sender.
    async fn envelope(&mut self) -> Result<Envelope, SessionError> {
        let plan = self.plan;
        let from = address::with_ascii_domain(&plan.from);
        let to = address::with_ascii_domain(&plan.to);
        for (typed, sent) in [(&plan.from, &from), (&plan.to, &to)] {
            if typed.domain() != sent.domain() {
                self.rec.info(&format!(
                    "{typed} has an international domain: it is sent as {sent}"
                ));
            }
        }
        let dotnet = plan.target == Target::DotNet;
        // System.Net.Mail checks the recipients first, then the sender
        // (`SmtpClient.ValidateUnicodeRequirement`, seen with the real client).
        let order = if dotnet {
            [
                (AddressRole::Recipient, &plan.to),
                (AddressRole::Sender, &plan.from),
            ]
        } else {
            [
                (AddressRole::Sender, &plan.from),
                (AddressRole::Recipient, &plan.to),
            ]
        };
        let Some((role, typed)) = order
            .into_iter()
            .find(|(_, typed)| !address::local_part_is_ascii(typed))
        else {
            return Ok(Envelope {
                from,
                to,
                smtputf8: false,
            });
        };
        let offered = self.rec.report.server.offers("SMTPUTF8");
        if offered && !dotnet {
            self.rec.info(&format!(
                "{typed} has letters outside ASCII before the @; the server offers SMTPUTF8 \
                 (international addresses), so MAIL FROM asks for it"
            ));
            return Ok(Envelope {
                from,
                to,
                smtputf8: true,
            });
        }
        self.rec.info(&if dotnet {
            format!(
                "{typed} has letters outside ASCII before the @: ASP.NET (deliveryFormat \
                 SevenBit, its default) refuses such an address before MAIL FROM; so does the test"
            )
        } else {
            format!(
                "{typed} has letters outside ASCII before the @: only SMTPUTF8 could carry it, \
                 and this server does not offer SMTPUTF8; stopping before MAIL FROM"
            )
        });
        Err(self
            .unsendable(
                role,
                typed.to_string(),
                Unsendable::NeedsSmtpUtf8 { offered },
            )
            .await)
    }

    /// The error for an address that cannot go out. The connection is still fine: the generic
    /// client leaves with QUIT; System.Net.Mail aborts it (`stop` closes it without a word).
    async fn unsendable(
        &mut self,
        role: AddressRole,
        address: String,
        problem: Unsendable,
    ) -> SessionError {
        if self.plan.target == Target::Generic
            && let Some(conn) = self.conn.as_mut().filter(|conn| !conn.broken)
        {
            self.rec.client("QUIT");
            let wrote = tokio::time::timeout(QUIT_AFTER_FAILURE, conn.write_all(b"QUIT\r\n")).await;
            if matches!(wrote, Ok(Ok(()))) {
                let read = tokio::time::timeout(QUIT_AFTER_FAILURE, conn.read_line()).await;
                if let Ok(Ok(line)) = read {
                    self.rec.server(&line);
                }
            }
            self.conn = None;
        }
        SessionError::AddressUnsendable {
            role,
            address,
            problem,
        }
    }

    /// Ends the session with QUIT, unless the client being copied just closes the connection.
    /// Whatever the server answers, or does not answer, the goal was reached (the message was
    /// accepted): it is noted, and the test still succeeds.
    pub(in crate::session) async fn quit(&mut self) -> Result<(), SessionError> {
        if self.plan.target == Target::DotNet && !self.plan.runtime.quits_after_success() {
            self.rec.info(
                "this version of ASP.NET closes the connection without QUIT; so does the test",
            );
            self.conn = None;
            return Ok(());
        }
        self.rec.begin(Step::Quit);
        if let Err(error) = self.command(Step::Quit, "QUIT", "QUIT").await {
            let what = self.done_before_quit();
            self.rec.info(&format!(
                "no proper answer to QUIT ({error}); {what}, so this does not matter"
            ));
            self.conn = None;
        }
        self.rec.pass();
        Ok(())
    }

    /// When the whole-test limit ran out during QUIT: the goal was reached before it, so the
    /// test succeeded. Notes it, passes the step and returns `true`; `false` when the session
    /// was not saying goodbye (the limit is then a failure).
    pub(in crate::session) fn limit_reached_in_quit(&mut self, total: Duration) -> bool {
        if self.rec.current_step() != Some(Step::Quit) {
            return false;
        }
        let what = self.done_before_quit();
        self.rec.info(&format!(
            "no answer to QUIT before the whole-test limit ({} s); {what}, so this does not matter",
            total.as_secs()
        ));
        self.conn = None;
        self.rec.pass();
        true
    }

    /// What was done before QUIT, for a note.
    fn done_before_quit(&self) -> &'static str {
        if self.rec.report.message_id.is_some() {
            "the server had already accepted the message"
        } else {
            "the test had already done what it set out to do"
        }
    }
}
