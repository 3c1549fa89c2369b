//! Reading the system clipboard for the Explain window's "Paste and explain": on a blocking
//! thread (on X11 the read waits for the program that owns the clipboard), never on the UI
//! thread. Copy and Ctrl+V need nothing here: eframe's `clipboard` feature sends them to the
//! system clipboard itself.

use super::app::MailTesterApp;
use super::worker::{Message, Worker};
use crate::diagnosis::explain_for_site;

/// Why the clipboard gave no text, in words for the notice line: English (it is written on a
/// blocking thread), translated when it is shown.
fn clipboard_error(err: &arboard::Error) -> String {
    match err {
        arboard::Error::ContentNotAvailable => {
            crate::en!("The clipboard holds no text. Select the error message, copy it (Ctrl+C), then press Paste and explain again.").to_owned()
        }
        other => crate::en!(
            "Could not read the clipboard ({error}). Click in the box and press Ctrl+V instead.",
            error = other
        ),
    }
}

impl Worker {
    /// Reads the clipboard's text off the UI thread; it comes back as
    /// [`Message::ClipboardText`].
    pub(super) fn read_clipboard(&self) {
        let outbox = self.outbox.clone();
        self.runtime.spawn(async move {
            let text = tokio::task::spawn_blocking(|| {
                arboard::Clipboard::new()
                    .and_then(|mut clipboard| clipboard.get_text())
                    .map_err(|err| clipboard_error(&err))
            })
            .await
            .unwrap_or_else(|err| {
                Err(crate::en!(
                    "Could not read the clipboard ({error}).",
                    error = err
                ))
            });
            outbox.send(Message::ClipboardText(text));
        });
    }
}

impl MailTesterApp {
    /// Explains the text in the Explain box (a pure function of it: no network, no disk).
    pub(super) fn explain_pasted(&mut self) {
        let framework = self.form.settings.framework;
        self.explain.diagnosis = Some(explain_for_site(&self.explain.text, framework));
    }

    /// The clipboard's text arrived: it replaces the Explain box's text and is explained.
    pub(super) fn clipboard_arrived(&mut self, text: Result<String, String>) {
        match text {
            Ok(text) if !text.trim().is_empty() => {
                self.explain.open = true;
                self.explain.text = text;
                self.explain_pasted();
            }
            Ok(_) => {
                let message = clipboard_error(&arboard::Error::ContentNotAvailable);
                self.tell(crate::i18n::tr(&message).into_owned(), true);
            }
            Err(message) => self.tell(crate::i18n::tr(&message).into_owned(), true),
        }
    }
}
