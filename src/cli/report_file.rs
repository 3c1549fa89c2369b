//! `send --report FILE`: the support report, written atomically whatever the outcome. An
//! existing file is replaced only when it is an earlier report, so a mistyped name never
//! destroys someone's document.

use std::path::Path;

use crate::inbox::InboxReport;
use crate::outcome::TestOutcome;
use crate::report::{REPORT_TITLE, support_report_with_inbox};

/// Writes the report (with the inbox check, when there was one) to `path` and says where (stderr with `--json`, so stdout stays one
/// document). A failure is a warning: the test's own result and exit code stand.
pub async fn write_report(
    path: &Path,
    outcome: &TestOutcome,
    inbox: Option<&InboxReport>,
    json: bool,
) {
    if let Err(message) = may_replace(path).await {
        eprintln!("warning: the support report was not written: {message}");
        return;
    }
    let text = support_report_with_inbox(outcome, inbox);
    match crate::files::write_atomically(path, text.as_bytes()).await {
        Ok(()) if json => eprintln!("Support report written to {}", path.display()),
        Ok(()) => println!("\nSupport report written to {}", path.display()),
        Err(err) => eprintln!(
            "warning: could not write the support report ({err}): {}",
            path.display()
        ),
    }
}

/// `Ok` when `path` does not exist or holds an earlier report.
async fn may_replace(path: &Path) -> Result<(), String> {
    match tokio::fs::metadata(path).await {
        Err(_) => return Ok(()),
        Ok(meta) if !meta.is_file() => {
            return Err(format!("{} is not a file", path.display()));
        }
        Ok(_) => {}
    }
    let start = read_start(path, REPORT_TITLE.len()).await;
    if start.as_deref() == Some(REPORT_TITLE.as_bytes()) {
        Ok(())
    } else {
        Err(format!(
            "{} already exists and is not a report from this tester; choose another file name",
            path.display()
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
