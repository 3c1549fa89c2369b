//! The mail transaction of one connection: `MAIL FROM`, `RCPT TO` and `DATA`.

use std::io;

use tokio::io::{AsyncRead, AsyncWrite};

use super::config::{Fault, Stage};
use super::hostile::Hit;
use super::line_io::LineIo;
use super::session::{Flow, Session, is_positive, reply_or, say};

impl Session {
    pub(super) async fn mail<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
    ) -> io::Result<Flow> {
        if self.config.require_tls && !self.encrypted {
            let reply = self.config.must_starttls_reply.clone();
            return say(io, &reply).await;
        }
        if !self.greeted {
            return say(io, "503 5.5.1 Error: send HELO/EHLO first").await;
        }
        if self.config.require_auth && !self.authenticated {
            let reply = self.config.auth_required_reply.clone();
            return say(io, &reply).await;
        }
        if self.has_sender {
            return say(io, "503 5.5.1 Error: nested MAIL command").await;
        }
        let lines = reply_or(self.config.mail_from_reply.as_ref(), "250 2.1.0 Ok");
        self.has_sender = is_positive(&lines, '2');
        io.reply(&lines).await?;
        Ok(Flow::Continue)
    }

    pub(super) async fn rcpt<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
        arg: &str,
    ) -> io::Result<Flow> {
        if !self.has_sender {
            return say(io, "503 5.5.1 Error: need MAIL command").await;
        }
        let recipient = arg
            .split_once(':')
            .map_or(arg, |(_, address)| address.trim());
        let domain = recipient
            .trim_matches(['<', '>'])
            .rsplit_once('@')
            .map_or("", |(_, domain)| domain);
        let local = self
            .config
            .local_domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case(domain));
        if self.config.relay_requires_auth && !self.authenticated && !local {
            return say(io, &format!("554 5.7.1 {recipient}: Relay access denied")).await;
        }
        let lines = reply_or(self.config.rcpt_reply.as_ref(), "250 2.1.5 Ok");
        if is_positive(&lines, '2') {
            self.recipients += 1;
        }
        io.reply(&lines).await?;
        Ok(Flow::Continue)
    }

    pub(super) async fn data<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
    ) -> io::Result<Flow> {
        if !self.has_sender {
            return say(io, "503 5.5.1 Error: need RCPT command").await;
        }
        if self.recipients == 0 {
            return say(io, "554 5.5.1 Error: no valid recipients").await;
        }
        let lines = reply_or(
            self.config.data_reply.as_ref(),
            "354 End data with <CR><LF>.<CR><LF>",
        );
        io.reply(&lines).await?;
        if !is_positive(&lines, '3') {
            return Ok(Flow::Continue);
        }
        let mut body = String::new();
        let mut body_lines = 0;
        loop {
            let Some(line) = io.read_line().await else {
                return Ok(Flow::Close);
            };
            body_lines += 1;
            if self.config.fault == Some(Fault::DropInData(body_lines)) {
                return Ok(Flow::Close);
            }
            if line == "." {
                break;
            }
            body.push_str(line.strip_prefix('.').unwrap_or(&line));
            body.push_str("\r\n");
        }
        self.log.update(|record| record.messages.push(body));
        match self.fault_hits(io, Stage::DataEnd).await {
            Hit::Missed => {}
            Hit::Replied => return Ok(Flow::Continue),
            Hit::Close => return Ok(Flow::Close),
        }
        self.reset_transaction();
        let lines = reply_or(
            self.config.data_end_reply.as_ref(),
            "250 2.0.0 Ok: queued as TEST123",
        );
        io.reply(&lines).await?;
        if self.drops_after(Some(Stage::DataEnd)) {
            return Ok(Flow::Close);
        }
        Ok(Flow::Continue)
    }
}
