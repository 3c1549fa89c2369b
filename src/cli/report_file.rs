//! `send --report FILE`: the support report, written atomically whatever the outcome. An
//! existing file is replaced only when it is an earlier report, so a mistyped name never
//! destroys someone's document.

use std::path::Path;

use super::say;
use crate::inbox::InboxReport;
use crate::outcome::TestOutcome;
use crate::report::{report_titles, support_report_with_inbox};

/// How the report is written and announced.
#[derive(Clone, Copy)]
pub struct Report {
    /// In English, whatever the language of the messages (`--report-in-english`).
    pub in_english: bool,
    /// `--json`: the note goes to stderr, so stdout stays one document.
    pub json: bool,
}

impl Report {
    /// As `send`'s flags ask.
    pub fn of(args: &super::args::SendArgs) -> Self {
        Self {
            in_english: args.report_in_english,
            json: args.json,
        }
    }
}

/// Writes the report (with the inbox check, when there was one) to `path` and says where
/// (stderr with `--json`). A failure is a warning: the test's own result and exit code stand.
pub async fn write_report(
    path: &Path,
    outcome: &TestOutcome,
    inbox: Option<&InboxReport>,
    report: Report,
) {
    let Report { in_english, json } = report;
    if let Err(message) = may_replace(path).await {
        say::warning(&crate::tr!(
            "the support report was not written: {message}",
            message = message
        ));
        return;
    }
    let build = || support_report_with_inbox(outcome, inbox);
    let text = if in_english {
        crate::i18n::with_language(crate::i18n::Language::English, build)
    } else {
        build()
    };
    let shown = path.display();
    match crate::files::write_atomically(path, text.as_bytes()).await {
        Ok(()) => {
            let written = crate::tr!("Support report written to {path}", path = shown);
            if json {
                eprintln!("{written}");
            } else {
                println!("\n{written}");
            }
        }
        Err(err) => say::warning(&crate::tr!(
            "could not write the support report ({err}): {path}",
            err = err,
            path = shown
        )),
    }
}

/// `Ok` when `path` does not exist or holds an earlier report (in any language); the reason
/// otherwise, in the user's language.
async fn may_replace(path: &Path) -> Result<(), String> {
    match tokio::fs::metadata(path).await {
        Err(_) => return Ok(()),
        Ok(meta) if !meta.is_file() => {
            return Err(crate::tr!("{path} is not a file", path = path.display()));
        }
        Ok(_) => {}
    }
    let titles = report_titles();
    let longest = titles.iter().map(String::len).max().unwrap_or(0);
    let start = read_start(path, longest).await.unwrap_or_default();
    if titles
        .iter()
        .any(|title| start.starts_with(title.as_bytes()))
    {
        Ok(())
    } else {
        Err(crate::tr!(
            "{path} already exists and is not a report from this tester; choose another file name",
            path = path.display()
        ))
    }
}

async fn read_start(path: &Path, len: usize) -> Option<Vec<u8>> {
    use tokio::io::AsyncReadExt as _;
    let file = tokio::fs::File::open(path).await.ok()?;
    let mut start = Vec::with_capacity(len);
    file.take(len as u64).read_to_end(&mut start).await.ok()?;
    Some(start)
}
