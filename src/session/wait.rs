//! Every wait in a session goes through [`bounded`]: a time limit and the cancel token.

use std::future::Future;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// How a bounded wait ended.
pub enum Waited<T> {
    /// The future finished.
    Done(T),
    /// The limit ran out first.
    TimedOut,
    /// The user cancelled first.
    Cancelled,
}

/// Runs `future` until it finishes, `limit` passes, or `cancel` fires, whichever is first.
/// Cancellation wins ties, so a cancel takes effect at the next poll.
pub async fn bounded<T>(
    cancel: &CancellationToken,
    limit: Duration,
    future: impl Future<Output = T>,
) -> Waited<T> {
    tokio::select! {
        biased;
        () = cancel.cancelled() => Waited::Cancelled,
        result = tokio::time::timeout(limit, future) => match result {
            Ok(value) => Waited::Done(value),
            Err(_) => Waited::TimedOut,
        },
    }
}
