//! Comparing what the real System.Net.Mail did with what our session did, and the table the
//! README shows.

use std::fmt::Write as _;

use mail_settings_tester::diagnosis::DotNetException;

use crate::oracle::OracleException;
use crate::scenarios::Scenario;

impl From<OracleException> for DotNetException {
    fn from(e: OracleException) -> Self {
        DotNetException {
            type_name: e.type_name,
            message: e.message,
            status_code: e.status_code,
            inner: e.inner.map(|inner| Box::new((*inner).into())),
        }
    }
}

/// What one client did in one scenario.
pub struct Observed {
    /// The lines the server received (`None` when no server of ours could see them).
    pub commands: Option<Vec<String>>,
    /// Whether the message was accepted.
    pub sent: bool,
    /// The exception thrown (.NET) or predicted (ours).
    pub exception: Option<DotNetException>,
}

/// The comparison of one scenario.
pub struct Verdict {
    pub name: String,
    pub family: String,
    pub dotnet_outcome: String,
    /// `None` when the commands could not be observed (a real server, no server).
    pub commands_agree: Option<bool>,
    pub outcome_agrees: bool,
    pub exception_agrees: bool,
    pub diagnosis: Option<String>,
    /// What differs, for the failure message.
    pub details: Vec<String>,
}

impl Verdict {
    pub fn new(
        scenario: &Scenario,
        dotnet: &Observed,
        ours: &Observed,
        diagnosis: Option<String>,
    ) -> Verdict {
        let mut details = Vec::new();
        let commands_agree = match (&dotnet.commands, &ours.commands) {
            (Some(theirs), Some(mine)) => {
                let same = theirs == mine;
                if !same {
                    details.push(format!(
                        "commands differ:\n    .NET: {theirs:?}\n    ours: {mine:?}"
                    ));
                }
                Some(same)
            }
            _ => None,
        };
        let outcome_agrees = dotnet.sent == ours.sent;
        if !outcome_agrees {
            details.push(format!(
                "outcome differs: .NET sent = {}, ours sent = {}",
                dotnet.sent, ours.sent
            ));
        }
        let exception_agrees = dotnet.exception == ours.exception;
        if !exception_agrees {
            details.push(format!(
                "exception differs:\n    .NET: {}\n    ours: {}",
                describe(dotnet.exception.as_ref()),
                describe(ours.exception.as_ref())
            ));
        }
        let dotnet_outcome = match &dotnet.exception {
            None if dotnet.sent => "sent".to_owned(),
            None => "not sent".to_owned(),
            Some(e) => short_type(e),
        };
        Verdict {
            name: scenario.name.clone(),
            family: scenario.family.clone(),
            dotnet_outcome,
            commands_agree,
            outcome_agrees,
            exception_agrees,
            diagnosis,
            details,
        }
    }

    fn agrees(&self) -> bool {
        self.details.is_empty()
    }
}

fn describe(exception: Option<&DotNetException>) -> String {
    exception.map_or_else(
        || "(none)".to_owned(),
        |e| {
            let mut text = e.to_string();
            let mut current = Some(e);
            let mut codes = Vec::new();
            while let Some(e) = current {
                codes.push(e.status_code.clone().unwrap_or_else(|| "-".into()));
                current = e.inner.as_deref();
            }
            let _ = write!(text, "  [status: {}]", codes.join(", "));
            text
        },
    )
}

/// `SmtpException (MustIssueStartTlsFirst)`, or the innermost type for wrapped exceptions.
fn short_type(e: &DotNetException) -> String {
    let last = |name: &str| name.rsplit(['.', '+']).next().unwrap_or(name).to_owned();
    let inner = e.innermost();
    let mut text = last(&e.type_name);
    if let Some(code) = &e.status_code
        && code != "GeneralFailure"
    {
        let _ = write!(text, " ({code})");
    }
    if !std::ptr::eq(inner, e) {
        let _ = write!(text, " → {}", last(&inner.type_name));
    }
    text
}

fn mark(agrees: bool) -> &'static str {
    if agrees { "yes" } else { "**no**" }
}

/// The Markdown table of every scenario, then the deliberate differences with their reasons.
pub fn table(verdicts: &[Verdict], runtime: &str, deliberate: &[(&str, &str)]) -> String {
    let agreeing = verdicts.iter().filter(|v| v.agrees()).count();
    let mut out = format!(
        "{agreeing} of {} scenarios agree with {runtime}'s System.Net.Mail in every respect; \
         {} differ{} deliberately (below).\n\n\
         | Scenario | Server | System.Net.Mail | Commands | Outcome | Exception | Our diagnosis |\n\
         |---|---|---|---|---|---|---|\n",
        verdicts.len(),
        deliberate.len(),
        if deliberate.len() == 1 { "s" } else { "" },
    );
    for v in verdicts {
        let commands = v.commands_agree.map_or("n/a", mark);
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            v.name,
            v.family,
            v.dotnet_outcome,
            commands,
            mark(v.outcome_agrees),
            mark(v.exception_agrees),
            v.diagnosis
                .as_deref()
                .map_or("(sent)".to_owned(), |id| format!("`{id}`")),
        );
    }
    for (name, reason) in deliberate {
        let _ = write!(out, "\nDeliberate difference, `{name}`: {reason}\n");
    }
    out
}

/// Fails unless every scenario agrees or is listed as a deliberate difference (and every
/// listed one still differs). Secrets are masked in the message.
pub fn assert_agreement(verdicts: &[Verdict], deliberate: &[(&str, &str)], secrets: &[String]) {
    let mut problems = Vec::new();
    for v in verdicts {
        let listed = deliberate.iter().any(|(name, _)| *name == v.name.as_str());
        match (v.agrees(), listed) {
            (false, false) => problems.push(format!("{}:\n  {}", v.name, v.details.join("\n  "))),
            (true, true) => problems.push(format!(
                "{}: listed as a deliberate difference but now agrees: remove it from DELIBERATE",
                v.name
            )),
            _ => {}
        }
    }
    let mut message = problems.join("\n");
    for secret in secrets {
        message = message.replace(secret.as_str(), "<secret>");
    }
    assert!(
        problems.is_empty(),
        "{} scenario(s) disagree:\n{message}",
        problems.len()
    );
}
