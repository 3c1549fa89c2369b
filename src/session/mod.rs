//! The SMTP session engine: settings in, events out, a report at the end.
//!
//! We own the dialogue on tokio + tokio-rustls (lettre only builds the message): that way the
//! transcript holds every byte the server sent — greeting, each EHLO line, the STARTTLS and AUTH
//! exchanges — every wait has its own limit, cancellation is immediate, and a session can stop
//! right after EHLO for probing. See ARCHITECTURE.md for the reasoning.

mod connect;
mod connection;
mod dialogue;
mod error;
mod eyeballs;
mod message;
mod oauth_sign_in;
mod outside;
mod probe;
mod recorder;
mod report;
pub(crate) mod tls;
pub(crate) mod wait;
#[cfg(windows)]
mod windows_trust;

use std::net::SocketAddr;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

pub use error::{CertProblem, SessionError};
pub use report::{Goal, SessionReport, combined_status};
pub(crate) use tls::root_store;

use crate::event::{EventSink, Step};
use crate::reply::{Reply, ReplyBuilder};
use crate::secret::SecretForms;
use crate::settings::{SessionPlan, Severity, SignIn, Target};
use connection::{Connection, ReadError};
use recorder::Recorder;
use tls::TlsSetup;
use wait::{Waited, bounded};

/// How long a polite QUIT may take after a failure, and after a cancel.
const QUIT_AFTER_FAILURE: Duration = Duration::from_secs(2);
const QUIT_AFTER_CANCEL: Duration = Duration::from_millis(40);
/// Most lines one reply may have (a hostile server could send them forever).
const MAX_REPLY_LINES: usize = 200;

/// Runs one session for `plan` up to `goal`, sending events to `sink` as they happen.
///
/// Never panics and never hangs: every wait is bounded by the plan's timeouts, and `cancel`
/// ends the session at once (with a QUIT when the connection is still usable).
pub async fn run_session(
    plan: &SessionPlan,
    goal: Goal,
    sink: &dyn EventSink,
    cancel: CancellationToken,
) -> SessionReport {
    let secrets = plan
        .credentials
        .as_ref()
        .map(|(user, secret)| match plan.settings.sign_in {
            SignIn::Password => SecretForms::new(secret, user),
            SignIn::OAuth => SecretForms::for_token(secret, user, &plan.host, plan.port),
        })
        .unwrap_or_default();
    let mut session = Session {
        plan,
        rec: Recorder::new(sink, secrets),
        cancel,
        tls: None,
        conn: None,
        addr: None,
    };
    session.rec.report.notes = plan.notes.clone();
    session.rec.report.security = Some(plan.security);
    for note in plan
        .notes
        .iter()
        .filter(|n| n.severity >= Severity::Warning)
    {
        session.rec.info(&format!("warning: {}", note.message));
    }
    let total = plan.timeouts.total();
    let result = match tokio::time::timeout(total, session.run(goal)).await {
        Ok(result) => result,
        // Only QUIT was left: the goal (the message accepted) was reached before the limit.
        Err(_) if session.limit_reached_in_quit(total) => Ok(()),
        Err(_) => Err(session.out_of_time(total).await),
    };
    if let Err(error) = result {
        session.stop(&error).await;
        session.rec.report.error = Some(error);
    }
    session.rec.into_report()
}

/// One session's state while it runs.
struct Session<'a> {
    plan: &'a SessionPlan,
    rec: Recorder<'a>,
    cancel: CancellationToken,
    tls: Option<TlsSetup>,
    conn: Option<Connection>,
    addr: Option<SocketAddr>,
}

impl Session<'_> {
    async fn run(&mut self, goal: Goal) -> Result<(), SessionError> {
        self.connect().await?;
        self.greeting().await?;
        self.ehlo().await?;
        self.secure().await?;
        if goal == Goal::Probe {
            self.rec.pass();
            return self.quit().await;
        }
        if goal == Goal::OutsideRecipient {
            self.rec.pass();
            return self.try_outside_recipient().await;
        }
        self.authenticate().await?;
        if goal == Goal::SignIn {
            if let Some(failure) = self.rec.report.sign_in_failure.take() {
                return Err(failure);
            }
            return self.quit().await;
        }
        self.send_message().await?;
        self.quit().await
    }

    /// The error for a session that ran past its whole-test limit, in the step it was in.
    /// The whole-test limit ran out. A server that has not greeted yet is a silent server
    /// whatever the limits are: the check for SSL on connect still runs (bounded on its own) so
    /// the diagnosis can tell port 465 from a dead port, rather than a generic timeout.
    async fn out_of_time(&mut self, total: Duration) -> SessionError {
        let step = self.rec.current_step().unwrap_or(Step::Connect);
        let secs = total.as_secs();
        self.rec.info(&format!(
            "the whole test took longer than {secs} s; stopping"
        ));
        if let Some(conn) = self.conn.as_mut() {
            conn.broken = true;
        }
        let plain = self.conn.as_ref().is_some_and(|c| !c.is_tls());
        if step == Step::Greeting && plain {
            let waited = self.rec.current_step_secs();
            return SessionError::NoGreeting {
                secs: waited,
                port_speaks_tls: self.probe_speaks_tls().await,
            };
        }
        SessionError::Timeout { step, secs }
    }

    /// Records the failure and leaves the server politely when that is still possible. A
    /// failure ends an ASP.NET session without QUIT: System.Net.Mail aborts the connection.
    async fn stop(&mut self, error: &SessionError) {
        self.rec.fail();
        let limit = match error {
            SessionError::Cancelled { .. } => {
                self.rec.info("cancelled by the user");
                QUIT_AFTER_CANCEL
            }
            _ if self.plan.target == Target::DotNet => {
                if self.conn.take().is_some() {
                    self.rec
                        .info("ASP.NET closes the connection here without QUIT; so does the test");
                }
                return;
            }
            SessionError::Rejected { .. }
            | SessionError::StartTlsNotOffered
            | SessionError::AuthNotOffered { .. }
            | SessionError::AuthMechanismUnsupported { .. } => QUIT_AFTER_FAILURE,
            _ => return,
        };
        let Some(conn) = self.conn.as_mut().filter(|conn| !conn.broken) else {
            return;
        };
        self.rec.client("QUIT");
        let wrote = tokio::time::timeout(limit, conn.write_all(b"QUIT\r\n")).await;
        if !matches!(wrote, Ok(Ok(()))) {
            return;
        }
        if let Ok(Ok(line)) = tokio::time::timeout(limit, conn.read_line()).await {
            self.rec.server(&line);
        }
    }

    /// The connection, or the error for a step that needs one.
    fn conn(&mut self, step: Step) -> Result<&mut Connection, SessionError> {
        self.conn
            .as_mut()
            .ok_or(SessionError::ConnectionLost { step })
    }

    /// Sends one command line; `shown` is what the transcript gets (redacted form).
    async fn send_line(&mut self, step: Step, raw: &str, shown: &str) -> Result<(), SessionError> {
        self.rec.client(shown);
        let limit = self.plan.timeouts.command();
        let cancel = self.cancel.clone();
        let mut bytes = Vec::with_capacity(raw.len() + 2);
        bytes.extend_from_slice(raw.as_bytes());
        bytes.extend_from_slice(b"\r\n");
        let conn = self.conn(step)?;
        match bounded(&cancel, limit, conn.write_all(&bytes)).await {
            Waited::Done(Ok(())) => Ok(()),
            Waited::Done(Err(_)) => Err(SessionError::ConnectionLost { step }),
            Waited::TimedOut => Err(self.timeout(step, limit)),
            Waited::Cancelled => Err(SessionError::Cancelled { step }),
        }
    }

    /// Sends a command and reads its reply.
    async fn command(&mut self, step: Step, raw: &str, shown: &str) -> Result<Reply, SessionError> {
        self.send_line(step, raw, shown).await?;
        self.read_reply(step, self.plan.timeouts.command()).await
    }

    /// Reads one complete reply within `limit`, emitting each line as it arrives.
    ///
    /// The reply is parsed from what the server really sent: hiding a line that carries the
    /// password happens only where it is shown (the transcript, the server facts and the
    /// report, all through the recorder), so a password that is also a word of the protocol
    /// (`LOGIN`, `PLAIN`) cannot change what the session understands.
    async fn read_reply(&mut self, step: Step, limit: Duration) -> Result<Reply, SessionError> {
        let deadline = tokio::time::Instant::now() + limit;
        let cancel = self.cancel.clone();
        let mut builder = ReplyBuilder::default();
        loop {
            let remaining = deadline.saturating_duration_since(tokio::time::Instant::now());
            let conn = self.conn(step)?;
            let line = match bounded(&cancel, remaining, conn.read_line()).await {
                Waited::Done(Ok(line)) => line,
                Waited::Done(Err(error)) => return Err(self.read_error(step, error)),
                Waited::TimedOut => return Err(self.timeout(step, limit)),
                Waited::Cancelled => return Err(SessionError::Cancelled { step }),
            };
            self.rec.server(&line);
            match builder.push(&line) {
                Ok(Some(reply)) => return Ok(reply),
                Ok(None) if builder.len() >= MAX_REPLY_LINES => {
                    return Err(SessionError::Protocol {
                        step,
                        detail: crate::en!(
                            "a reply went on for more than {lines} lines",
                            lines = MAX_REPLY_LINES,
                        ),
                    });
                }
                Ok(None) => {}
                Err(crate::reply::ReplyError::NotSmtp(received)) => {
                    let received = self.rec.server_text(&received);
                    return Err(SessionError::NotSmtp { step, received });
                }
                Err(other) => {
                    return Err(SessionError::Protocol {
                        step,
                        detail: other.to_string(),
                    });
                }
            }
        }
    }

    fn read_error(&mut self, step: Step, error: ReadError) -> SessionError {
        match error {
            ReadError::Closed => {
                self.rec.info("the server closed the connection");
                SessionError::ConnectionLost { step }
            }
            ReadError::Io(err) => {
                self.rec.info(&format!("the connection broke: {err}"));
                SessionError::ConnectionLost { step }
            }
            ReadError::NotSmtp(received) => {
                let received = self.rec.server_text(&received);
                self.rec.server(&received);
                SessionError::NotSmtp { step, received }
            }
            ReadError::TooLong => SessionError::Protocol {
                step,
                detail: crate::en!("a reply line was far too long").to_owned(),
            },
        }
    }

    fn timeout(&mut self, step: Step, limit: Duration) -> SessionError {
        let secs = limit.as_secs();
        self.rec.info(&format!(
            "no answer within {secs} s ({} timeout)",
            step.label()
        ));
        SessionError::Timeout { step, secs }
    }
}
