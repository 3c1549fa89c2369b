//! The diagnosis corpus: real server replies and pasted error messages, each labelled with the
//! diagnosis id (and, where it matters, the one-click change) a site owner should get. Every
//! reply is replayed by our test server at the stage it belongs to (the live path) and pasted
//! into `explain`; every pasted error goes through `explain`. The score by class is printed;
//! a case we still get wrong must be listed in `KNOWN_WRONG` with the reason, and a listed case
//! that becomes right fails the test, so the list stays true.
//!
//! Cases live in `tests/corpus/*.toml`, one file per family, each case with its source.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "corpus/cases.rs"]
mod cases;
#[path = "corpus/runner.rs"]
mod runner;
mod support;

use cases::Case;

/// Cases we still get wrong, by `text` prefix, with the reason.
const KNOWN_WRONG: &[(&str, &str)] = &[];

/// Where the website's log line cannot carry what the test saw, so `explain` of that line
/// lands on the diagnosis that covers every cause the line allows, with the reason.
type SaysLess = (&'static str, fn(&str) -> bool);
const LOG_SAYS_LESS: &[SaysLess] = &[
    (
        "After a refused sign-in ASP.NET sends without signing in, and its log shows only the \
         server's next answer (\"…the client was not authenticated. The server response was: \
         5.7.0 Authentication required\"): whatever the sign-in's own refusal said (wrong \
         password, app password, sign-in switched off, encryption required for it, a method the \
         server refuses), the line explains as auth_required, whose text for this line says the \
         sign-in was probably refused and to run the test to see why.",
        |m| m.contains("explains as auth_required") && m.contains("Authentication required\""),
    ),
    (
        "A user name is set but the server offered no sign-in at all (the test sees the EHLO \
         list; the log does not): the log shows only the refusal that followed, so it explains \
         as that refusal (relay_denied), whose text names a missing sign-in and the port meant \
         for receiving as the usual causes.",
        |m| m.contains("the test says auth_not_offered") && m.contains("explains as relay_denied"),
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_case_gets_its_diagnosis() {
    let cases = Case::load_all();
    assert!(
        cases.len() >= 300,
        "the corpus has {} cases, fewer than 300",
        cases.len()
    );
    let mut outcomes = Vec::new();
    for case in &cases {
        outcomes.push(runner::run(case).await);
    }
    let table = runner::score_table(&outcomes);
    std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("diagnosis-corpus.md"),
        &table,
    )
    .unwrap();
    eprintln!("{table}");
    let mut problems = Vec::new();
    for outcome in &outcomes {
        let listed = KNOWN_WRONG
            .iter()
            .any(|(prefix, _)| outcome.case.text.starts_with(prefix));
        match (outcome.right(), listed) {
            (false, false) => problems.push(outcome.describe()),
            (true, true) => problems.push(format!(
                "now right, remove it from KNOWN_WRONG: {}",
                outcome.case.text
            )),
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} cases are wrong:\n{}",
        problems.len(),
        outcomes.len(),
        problems.join("\n")
    );

    // Every text of every diagnosis can be shown in every language.
    let mut untranslatable: Vec<&String> = outcomes
        .iter()
        .flat_map(|outcome| &outcome.untranslatable)
        .collect();
    untranslatable.sort();
    untranslatable.dedup();
    assert!(
        untranslatable.is_empty(),
        "{} diagnosis texts are not in the catalogue (mark them with en!):\n{}",
        untranslatable.len(),
        untranslatable
            .iter()
            .map(|text| format!("{text:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    );

    // What `send` says the website will log, pasted back into `explain`, gives the test's id.
    let predicted: Vec<String> = outcomes
        .iter()
        .filter_map(runner::Outcome::logged_mismatch)
        .collect();
    let mismatches: Vec<&String> = predicted
        .iter()
        .filter(|m| !m.is_empty() && !LOG_SAYS_LESS.iter().any(|(_, allowed)| allowed(m)))
        .collect();
    let same = predicted.iter().filter(|m| m.is_empty()).count();
    eprintln!(
        "{same} of {} predicted log lines explain to the test's own id, {} to the id that \
         covers what the line can carry (LOG_SAYS_LESS), {} differently",
        predicted.len(),
        predicted.len() - same - mismatches.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} predicted log lines explain differently:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
