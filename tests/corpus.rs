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
}
