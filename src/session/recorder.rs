//! Turns what the engine does into events: timestamps, step states, redaction, the report.

use std::time::Instant;

use crate::event::{
    Direction, EventSink, ServerInfo, SessionEvent, Step, StepRecord, StepStatus, TranscriptLine,
};
use crate::secret::SecretForms;

use super::SessionReport;
use super::error::SessionError;

/// Emits events to the caller's sink and folds each into the session report.
pub(super) struct Recorder<'a> {
    sink: &'a dyn EventSink,
    start: Instant,
    secrets: SecretForms,
    current: Option<(Step, Instant)>,
    /// Whether the channel is encrypted now (stamped on every transcript line).
    pub encrypted: bool,
    /// Everything recorded so far.
    pub report: SessionReport,
}

impl<'a> Recorder<'a> {
    /// A recorder that keeps every form of `secrets` out of any text it emits.
    pub fn new(sink: &'a dyn EventSink, secrets: SecretForms) -> Self {
        Self {
            sink,
            start: Instant::now(),
            secrets,
            current: None,
            encrypted: false,
            report: SessionReport::default(),
        }
    }

    fn emit(&mut self, event: SessionEvent) {
        self.report.record(&event);
        self.sink.emit(event);
    }

    /// Milliseconds since the session started.
    pub fn ms(&self) -> u64 {
        elapsed_ms(self.start)
    }

    /// What the server sent, as it may be shown and kept: with its text hidden when it carries
    /// the password (a hostile server echoing the AUTH exchange). The one place server text
    /// enters the report; it arrives already made displayable by the connection.
    pub fn server_text(&self, text: &str) -> String {
        self.secrets.hide_in_server_line(text)
    }

    /// One transcript line (cleared of secrets before it leaves).
    pub fn line(&mut self, dir: Direction, text: &str) {
        let text = match dir {
            Direction::Server => self.secrets.hide_in_server_line(text),
            Direction::Client | Direction::Info => self.secrets.scrub_encoded(text),
        };
        let line = TranscriptLine {
            dir,
            text,
            ms: self.ms(),
            encrypted: self.encrypted,
        };
        self.emit(SessionEvent::Line(line));
    }

    /// A line the client sent.
    pub fn client(&mut self, text: &str) {
        self.line(Direction::Client, text);
    }

    /// A line the server sent.
    pub fn server(&mut self, text: &str) {
        self.line(Direction::Server, text);
    }

    /// A note from the tester.
    pub fn info(&mut self, text: &str) {
        self.line(Direction::Info, text);
    }

    /// Publishes the latest server facts, parsed from what the server really sent, with every
    /// text that carries the password hidden as the transcript hides it. A sign-in method the
    /// protocol names (`LOGIN`) stays even when the password is that word: it is the server's
    /// vocabulary, not an echo, and the session chooses how to sign in from it.
    pub fn server_info(&mut self, info: ServerInfo) {
        let secrets = &self.secrets;
        let shown = ServerInfo {
            banner: info.banner.map(|banner| secrets.hide_in_text(&banner)),
            extensions: info
                .extensions
                .iter()
                .map(|line| secrets.hide_in_text(line))
                .collect(),
            auth_mechanisms: info
                .auth_mechanisms
                .iter()
                .map(|name| {
                    if KNOWN_MECHANISMS.contains(&name.to_ascii_uppercase().as_str()) {
                        name.clone()
                    } else {
                        secrets.hide_in_text(name)
                    }
                })
                .collect(),
        };
        self.emit(SessionEvent::Server(shown));
    }

    /// Publishes any other event.
    pub fn event(&mut self, event: SessionEvent) {
        self.emit(event);
    }

    /// Starts `step` (finishing the previous one as passed if it is still running).
    pub fn begin(&mut self, step: Step) {
        if self.current.is_some() {
            self.pass();
        }
        self.current = Some((step, Instant::now()));
        self.step_event(step, StepStatus::Running, 0);
    }

    /// The step running now, if any.
    pub fn current_step(&self) -> Option<Step> {
        self.current.map(|(step, _)| step)
    }

    /// Seconds (rounded) the running step has lasted so far (0 when none runs).
    pub fn current_step_secs(&self) -> u64 {
        self.current.map_or(0, |(_, started)| {
            (started.elapsed().as_millis() + 500)
                .div_euclid(1000)
                .try_into()
                .unwrap_or(u64::MAX)
        })
    }

    /// Marks the running step as passed.
    pub fn pass(&mut self) {
        self.finish(StepStatus::Passed);
    }

    /// Marks the running step as failed.
    pub fn fail(&mut self) {
        self.finish(StepStatus::Failed);
    }

    /// Records `step` as not needed with these settings.
    pub fn skip(&mut self, step: Step) {
        self.step_event(step, StepStatus::Skipped, 0);
    }

    fn finish(&mut self, status: StepStatus) {
        if let Some((step, started)) = self.current.take() {
            self.step_event(step, status, elapsed_ms(started));
        }
    }

    fn step_event(&mut self, step: Step, status: StepStatus, ms: u64) {
        self.emit(SessionEvent::Step(StepRecord { step, status, ms }));
    }

    /// Closes the report: total time, and the server's words in the errors (and the outside
    /// recipient's answer) hidden where they carry the password (the session decides on the replies as they were sent; the report
    /// keeps them as they may be shown).
    pub fn into_report(mut self) -> SessionReport {
        self.report.total_ms = self.ms();
        self.report.error = self.report.error.take().map(|e| self.hide_in_error(e));
        self.report.sign_in_failure = self
            .report
            .sign_in_failure
            .take()
            .map(|e| self.hide_in_error(e));
        self.report.outside_recipient_reply = self
            .report
            .outside_recipient_reply
            .take()
            .map(|reply| self.secrets.hide_in_reply(&reply));
        self.report
    }

    /// `error` with every text the server sent hidden where it carries the password.
    fn hide_in_error(&self, error: SessionError) -> SessionError {
        use SessionError as E;
        let secrets = &self.secrets;
        match error {
            E::Rejected { step, reply } => E::Rejected {
                step,
                reply: secrets.hide_in_reply(&reply),
            },
            E::AuthNotFinished { reply } => E::AuthNotFinished {
                reply: secrets.hide_in_reply(&reply),
            },
            E::OAuthRejected {
                mechanism,
                challenge,
                reply,
            } => E::OAuthRejected {
                mechanism,
                challenge: challenge
                    .filter(|c| !secrets.appear_in(&serde_json::to_string(c).unwrap_or_default())),
                reply: secrets.hide_in_reply(&reply),
            },
            E::NotSmtp { step, received } => E::NotSmtp {
                step,
                received: secrets.hide_in_server_line(&received),
            },
            E::TlsHandshake {
                step,
                detail,
                certificate,
                plain_banner,
                alert,
            } => E::TlsHandshake {
                step,
                detail,
                certificate,
                plain_banner: plain_banner.map(|b| secrets.hide_in_server_line(&b)),
                alert,
            },
            // The rest carry our words, the system's or the TLS library's, never a reply. A
            // variant that carries text the server sent needs its own arm above.
            other => other,
        }
    }
}

/// SASL mechanism names (the IANA registry's, and the common unregistered ones): words of the
/// protocol, never taken for an echo of the password.
const KNOWN_MECHANISMS: [&str; 16] = [
    "PLAIN",
    "LOGIN",
    "CRAM-MD5",
    "DIGEST-MD5",
    "NTLM",
    "GSSAPI",
    "GSS-SPNEGO",
    "XOAUTH2",
    "OAUTHBEARER",
    "SCRAM-SHA-1",
    "SCRAM-SHA-1-PLUS",
    "SCRAM-SHA-256",
    "SCRAM-SHA-256-PLUS",
    "EXTERNAL",
    "ANONYMOUS",
    "MSN",
];

fn elapsed_ms(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}
