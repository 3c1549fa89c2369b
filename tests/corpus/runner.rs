//! Loading the corpus, replaying a reply at its stage, and scoring.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use mail_settings_tester::diagnosis::{
    Change, Diagnosis, DiagnosisId, aspnet_exception, diagnose, explain_text,
};
use mail_settings_tester::i18n::{self, Language};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, run_session};
use mail_settings_tester::settings::{Framework, Settings, Timeouts};
use tokio_util::sync::CancellationToken;

use crate::cases::{Case, server_for};
use crate::support::pki::TestPki;
use crate::support::smtp_server::{TEST_PASSWORD, TEST_USER, TestServer};

/// What the live path gave: not run (a pasted-only case), or the diagnosis (`None`: sent).
pub enum Live {
    NotRun,
    Ran(Option<Diagnosis>),
}

/// What the tester said for one case.
pub struct Outcome {
    pub case: Case,
    pub live: Live,
    pub pasted: Diagnosis,
    /// The line the test predicted the website will log, and what `explain` makes of it.
    pub logged: Option<(String, DiagnosisId)>,
    /// Texts of its diagnoses (on every ASP.NET version, and pasted) that no language could
    /// translate: the catalogue does not know them.
    pub untranslatable: Vec<String>,
}

/// The texts of `diagnosis` the catalogue does not know.
fn untranslatable(diagnosis: &Diagnosis) -> Vec<String> {
    std::iter::once(&diagnosis.summary)
        .chain(std::iter::once(&diagnosis.explanation))
        .chain(&diagnosis.steps_to_fix)
        .filter(|text| i18n::translate(Language::Pseudo, text).is_none())
        .cloned()
        .collect()
}

fn fields(diagnosis: Option<&Diagnosis>) -> Vec<String> {
    diagnosis
        .and_then(|d| d.suggested_change.as_ref())
        .map(|change| {
            change
                .changes
                .iter()
                .map(|c| match c {
                    Change::Port(_) => "port",
                    Change::EnableSsl(_) => "enable_ssl",
                    Change::Security(_) => "security",
                    Change::Host(_) => "host",
                    Change::Target(_) => "target",
                })
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

impl Outcome {
    fn live_right(&self) -> bool {
        match &self.live {
            Live::NotRun => true,
            Live::Ran(live) => {
                let id = live.as_ref().map(|d| d.id.as_str());
                id.as_deref() == Some(self.case.id.as_str())
                    && self
                        .case
                        .change
                        .as_ref()
                        .is_none_or(|want| *want == fields(live.as_ref()))
            }
        }
    }

    fn pasted_right(&self) -> bool {
        self.pasted.id.as_str() == *self.case.pasted_id.as_ref().unwrap_or(&self.case.id)
    }

    /// Whether both paths gave the expected answer.
    pub fn right(&self) -> bool {
        self.live_right() && self.pasted_right()
    }

    /// When the test predicted a log line, whether `explain` reads it back to the test's own
    /// id: `None` when nothing was predicted, else the mismatch (empty when they agree).
    pub fn logged_mismatch(&self) -> Option<String> {
        let (line, explained) = self.logged.as_ref()?;
        let Live::Ran(Some(tested)) = &self.live else {
            return Some(format!("predicted {line:?} for a test that sent"));
        };
        Some(if *explained == tested.id {
            String::new()
        } else {
            format!(
                "[{}] {:?}: the test says {}, its predicted log line {line:?} explains as {}",
                self.case.class,
                self.case.text,
                tested.id.as_str(),
                explained.as_str()
            )
        })
    }

    /// What went wrong, for the failure message.
    pub fn describe(&self) -> String {
        let live = match &self.live {
            Live::NotRun => "-".to_owned(),
            Live::Ran(d) => format!(
                "{} {:?}",
                d.as_ref().map_or("(sent)".to_owned(), |d| d.id.as_str()),
                fields(d.as_ref())
            ),
        };
        format!(
            "[{}] {:?} at {}: want {} {:?}; live {live}; pasted {} (source: {})",
            self.case.class,
            self.case.text,
            self.case.stage,
            self.case.id,
            self.case.change,
            self.pasted.id.as_str(),
            self.case.source
        )
    }
}

/// Runs one case through the live path (when it has a stage) and `explain`.
pub async fn run(case: &Case) -> Outcome {
    let pasted = explain_text(&case.text);
    let mut missing = untranslatable(&pasted);
    if !case.is_wire() {
        return Outcome {
            case: case.clone(),
            live: Live::NotRun,
            pasted,
            logged: None,
            untranslatable: missing,
        };
    }
    let server = TestServer::start(server_for(case)).await;
    let settings = Settings {
        host: "localhost".into(),
        port: u32::from(server.port()),
        user_name: if case.signs_in() { TEST_USER } else { "" }.into(),
        password: Password::new(if case.signs_in() { TEST_PASSWORD } else { "" }),
        enable_ssl: case.enable_ssl.unwrap_or(true),
        from: TEST_USER.into(),
        client_domain: "shop-web01.example".into(),
        ca_file: Some(TestPki::get().ca_pem_path().to_path_buf()),
        timeouts: Timeouts::uniform(case.timeout_secs()),
        allow_plaintext_password: true,
        ..Settings::default()
    };
    let plan = settings.check().expect("valid settings");
    let report = run_session(&plan, Goal::Send, &|_| {}, CancellationToken::new()).await;
    let logged = aspnet_exception(&settings, &report).map(|line| {
        let id = explain_text(&line).id;
        (line, id)
    });
    for framework in [Framework::Legacy, Framework::Net4, Framework::Core] {
        let on = Settings {
            framework,
            ..settings.clone()
        };
        if let Some(diagnosis) = diagnose(&on, &report) {
            missing.extend(untranslatable(&diagnosis));
        }
    }
    Outcome {
        case: case.clone(),
        live: Live::Ran(diagnose(&settings, &report)),
        pasted,
        logged,
        untranslatable: missing,
    }
}

/// Right / total per class, and overall.
pub fn score_table(outcomes: &[Outcome]) -> String {
    let mut by_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for outcome in outcomes {
        let entry = by_class.entry(outcome.case.class.as_str()).or_default();
        entry.1 += 1;
        if outcome.right() {
            entry.0 += 1;
        }
    }
    let right: usize = by_class.values().map(|(r, _)| r).sum();
    let mut out = format!(
        "{right} of {} cases right (live path and explain).\n\n| class | right | cases |\n|---|---|---|\n",
        outcomes.len()
    );
    for (class, (r, n)) in by_class {
        let _ = writeln!(out, "| {class} | {r} | {n} |");
    }
    out
}
