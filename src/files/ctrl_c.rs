//! Letting a blocking write finish even when Ctrl-C is pressed meanwhile.

use std::io;

/// Runs blocking `work` to its end even when Ctrl-C is pressed meanwhile, so a write is never
/// cut off half-way and no temporary file is left behind; the Ctrl-C is swallowed. (Ctrl-C
/// would otherwise end the process at once, without cleaning up.) Note: once this has run,
/// the process handles Ctrl-C through tokio for good, so call it only where a Ctrl-C must not
/// interrupt (the `webconfig update` write).
pub async fn finish_despite_ctrl_c<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> io::Result<T> {
    let mut interrupts = interrupt_listener();
    let task = tokio::task::spawn_blocking(work);
    tokio::pin!(task);
    loop {
        tokio::select! {
            done = &mut task => return done.map_err(io::Error::other),
            Some(()) = next_interrupt(interrupts.as_mut()) => {}
        }
    }
}

#[cfg(unix)]
type Interrupts = tokio::signal::unix::Signal;
#[cfg(windows)]
type Interrupts = tokio::signal::windows::CtrlC;

#[cfg(unix)]
fn interrupt_listener() -> Option<Interrupts> {
    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt()).ok()
}

#[cfg(windows)]
fn interrupt_listener() -> Option<Interrupts> {
    tokio::signal::windows::ctrl_c().ok()
}

async fn next_interrupt(interrupts: Option<&mut Interrupts>) -> Option<()> {
    match interrupts {
        Some(interrupts) => interrupts.recv().await,
        None => std::future::pending().await,
    }
}
