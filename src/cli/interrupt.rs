//! How a command ends early: Ctrl-C (and Ctrl-Break on Windows) stops a test cleanly, and
//! output piped into a program that stops reading ends the process quietly.

use tokio_util::sync::CancellationToken;

use super::exit;

/// Cancels `cancel` at the first Ctrl-C (on Windows also Ctrl-Break, which a console sends to
/// a whole process group), after saying `stopping` on stderr (in the user's language, found
/// now: it is said from another task); a second one ends the process at once with
/// [`exit::CANCELLED`]. The returned task ends when aborted.
pub fn cancel_on_ctrl_c(cancel: CancellationToken, stopping: &str) -> tokio::task::JoinHandle<()> {
    let stopping = crate::i18n::tr(stopping).into_owned();
    tokio::spawn(async move {
        if interrupted().await {
            cancel.cancel();
            eprintln!("\n{stopping}");
            if interrupted().await {
                std::process::exit(i32::from(exit::CANCELLED));
            }
        }
    })
}

/// Waits for the next Ctrl-C; `false` when none can be listened for.
#[cfg(not(windows))]
async fn interrupted() -> bool {
    tokio::signal::ctrl_c().await.is_ok()
}

/// Waits for the next Ctrl-C or Ctrl-Break; `false` when neither can be listened for.
#[cfg(windows)]
async fn interrupted() -> bool {
    use tokio::signal::windows::{ctrl_break, ctrl_c};
    match (ctrl_c(), ctrl_break()) {
        (Ok(mut c), Ok(mut b)) => tokio::select! {
            got = c.recv() => got.is_some(),
            got = b.recv() => got.is_some(),
        },
        (Ok(mut c), Err(_)) => c.recv().await.is_some(),
        (Err(_), Ok(mut b)) => b.recv().await.is_some(),
        (Err(_), Err(_)) => false,
    }
}

/// The OS error codes of a write to a pipe whose reader has gone: `EPIPE` on Unix; on Windows
/// `ERROR_BROKEN_PIPE` (109), `ERROR_NO_DATA` ("the pipe is being closed", 232) and
/// `ERROR_PIPE_NOT_CONNECTED` (233). Matched by number: Windows words them in the user's
/// language.
#[cfg(not(windows))]
const CLOSED_PIPE_ERRORS: &[i32] = &[32];
#[cfg(windows)]
const CLOSED_PIPE_ERRORS: &[i32] = &[109, 232, 233];

/// Whether a panic message is `println!`'s "failed printing to stdout: ... (os error N)" for a
/// closed pipe.
fn is_closed_pipe(message: &str) -> bool {
    message.starts_with("failed printing to std")
        && CLOSED_PIPE_ERRORS
            .iter()
            .any(|code| message.trim_end().ends_with(&format!("(os error {code})")))
}

/// Output piped into a program that stops reading (`mailtester snippet | head -3`) ends the
/// process quietly with [`exit::CLOSED_PIPE`], as other command-line tools do, instead of a
/// panic message: `println!` panics on a closed pipe, since Rust programs ignore SIGPIPE (and
/// Windows has none).
pub fn quiet_on_closed_pipe() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if is_closed_pipe(message) {
            std::process::exit(i32::from(exit::CLOSED_PIPE));
        }
        default_hook(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_told_by_its_error_number_in_any_language() {
        let code = CLOSED_PIPE_ERRORS[0];
        assert!(is_closed_pipe(&format!(
            "failed printing to stdout: Broken pipe (os error {code})"
        )));
        assert!(is_closed_pipe(&format!(
            "failed printing to stderr: Die Pipe wird gerade geschlossen. (os error {code})"
        )));
        assert!(!is_closed_pipe(
            "failed printing to stdout: No space left on device (os error 28)"
        ));
        assert!(!is_closed_pipe(&format!(
            "index out of bounds (os error {code})"
        )));
    }
}
