//! After a test that sent without signing in: does the server also take mail for someone
//! outside its own domains? Many servers accept mail for their own mailboxes from anyone and
//! refuse everything else unless the client signs in, so a test addressed to the site owner's
//! own mailbox succeeds while every customer's mail is refused ("Relay access denied"). This
//! asks with `RCPT TO` only and takes it back with `RSET`: no message is sent.

use super::Session;
use super::error::SessionError;
use crate::event::Step;
use crate::settings::address;

/// An address outside every server's own domains: RFC 2606 reserves `example.com`, so no
/// mailbox receives anything even from a server that relays for everyone.
pub const OUTSIDE_RECIPIENT: &str = "outside-recipient-check@example.com";

impl Session<'_> {
    /// `MAIL FROM` as the test sent it, `RCPT TO` the outside address (its answer kept in the
    /// report), `RSET`, then goodbye.
    pub(super) async fn try_outside_recipient(&mut self) -> Result<(), SessionError> {
        self.rec.info(
            "checking whether the server also takes mail for an outside address without a \
             sign-in, as your customers' mail would need (RCPT only: no message is sent)",
        );
        self.rec.begin(Step::MailFrom);
        let mail = format!(
            "MAIL FROM:<{}>",
            address::with_ascii_domain(&self.plan.from)
        );
        let reply = self.command(Step::MailFrom, &mail, &mail).await?;
        if reply.code != 250 {
            return Err(SessionError::Rejected {
                step: Step::MailFrom,
                reply,
            });
        }
        self.rec.begin(Step::RcptTo);
        let rcpt = format!("RCPT TO:<{OUTSIDE_RECIPIENT}>");
        let reply = self.command(Step::RcptTo, &rcpt, &rcpt).await?;
        self.rec.info(if reply.is_positive() {
            "the server takes mail for outside addresses without a sign-in too"
        } else {
            "the server refuses mail for outside addresses without a sign-in: mail to your \
             customers would be refused the same way"
        });
        self.rec.report.outside_recipient_reply = Some(reply);
        // Takes the envelope back; whatever the answer, nothing was sent.
        let _ = self.command(Step::RcptTo, "RSET", "RSET").await;
        self.rec.pass();
        self.quit().await
    }
}
