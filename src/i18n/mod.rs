//! The user's language: every human text the window and the command line show, translated
//! through Fluent (`assets/i18n/*.ftl`).
//!
//! The engine writes English: its texts are also what `--json` and the tests read, and what a
//! support desk reads. The faces translate what they show with [`tr`] (an engine text) or the
//! [`tr!`](crate::tr) macro (their own words). [`en!`](crate::en) marks an engine text as one
//! to translate, so `en.ftl` can be generated from the sources.
//!
//! What is never translated: diagnosis ids, JSON, exit codes, the snippets, the exception text a
//! website logs (it is .NET's, in English), a server's own words, attribute names and protocol
//! words. None of them goes through this module.
//!
//! Which language: the window's choice, else `--lang`, else the system's ([`system_language`]).
//! The window's thread keeps its own choice ([`set_thread_language`]), so a test can show one
//! window in German while another test in the same process shows one in Japanese.
//!
//! # Rules for a marked text (checked by `tests/i18n.rs`)
//!
//! 1. Mark every human text a user can see: `en!` in engine code, `tr!` in the window and the
//!    command line; where a face shows an engine text (a diagnosis, a warning, an error's
//!    `to_string()`), it calls [`tr`] on it. `#[error("…")]` texts are extracted as they are.
//! 2. Named arguments only: `en!("Wait {secs} seconds.", secs = secs)`. No `{}`, no `{0}`, no
//!    format specs (`{x:?}`), no implicitly captured names: compute values first.
//! 3. No space or newline at either end of a marked text (Fluent drops it): pad outside.
//! 4. Whole sentences or whole labels, never fragments glued together: a sentence built from
//!    pieces becomes one template with named arguments. Whole sentences joined by a space are
//!    fine: the lookup finds them one by one.
//! 5. Never marked: snippets and anything copied as configuration, .NET's own exception texts,
//!    server replies and the transcript, JSON, ids, exit codes, flag names, attribute names on
//!    their own, log output for developers, test code.

mod catalogue;
mod language;
mod system;

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, PoisonError};

pub use catalogue::{format, source};
pub use language::Language;
pub use system::{first_spoken, system_language};

/// Marks an English text the engine writes, for the faces to translate with [`tr`]. With named
/// arguments it is `format!`; their names are the message's Fluent variables.
#[macro_export]
macro_rules! en {
    ($text:literal $(,)?) => {
        $text
    };
    ($text:literal, $($name:ident = $value:expr),+ $(,)?) => {
        format!($text, $($name = $value),+)
    };
}

/// A text of the window or the command line, in the current language (a `String`). With named
/// arguments it is `format!`, and the arguments fill the translated message.
#[macro_export]
macro_rules! tr {
    ($text:literal $(,)?) => {
        $crate::i18n::tr($text).into_owned()
    };
    ($text:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_with(
            $text,
            &[$((stringify!($name), &$value.to_string())),+],
            || format!($text, $($name = $value),+),
        )
    };
}

/// The language of the whole program, as an index into [`ORDER`].
static GLOBAL: AtomicUsize = AtomicUsize::new(0);

/// Every language, the index [`GLOBAL`] stores.
const ORDER: [Language; 10] = [
    Language::English,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::PortugueseBrazil,
    Language::Italian,
    Language::Dutch,
    Language::Polish,
    Language::Japanese,
    Language::Pseudo,
];

thread_local! {
    /// This thread's language, when it has its own (the window's thread, a test).
    static THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

tokio::task_local! {
    /// A background task's language, whichever worker thread runs it (the window's, for work
    /// the window started: see [`in_language`]).
    static TASK: Language;
}

/// Texts already translated (`None`: the catalogue does not know it), by language, then by
/// their English (looked up by `&str`: a hit allocates nothing).
type Translated = HashMap<Language, HashMap<String, Option<String>>>;

/// Texts already translated, by language.
static DONE: LazyLock<Mutex<Translated>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// How many translated texts are kept per language before that cache starts again.
const DONE_LIMIT: usize = 4096;

/// Sets the whole program's language (the command line, at start).
pub fn set_language(language: Language) {
    let at = ORDER
        .iter()
        .position(|found| *found == language)
        .unwrap_or(0);
    GLOBAL.store(at, Ordering::Relaxed);
}

/// Sets this thread's own language (`None`: the program's).
pub fn set_thread_language(language: Option<Language>) {
    THREAD.with(|cell| cell.set(language));
}

/// Runs `work` with this thread in `language` (the support report in English, tests).
pub fn with_language<R>(language: Language, work: impl FnOnce() -> R) -> R {
    let before = THREAD.with(|cell| cell.replace(Some(language)));
    let result = work();
    THREAD.with(|cell| cell.set(before));
    result
}

/// Runs the background task `work` in `language`: the texts it makes are in it on whichever
/// thread the runtime polls it (the browser's sign-in page, in the window's language).
pub async fn in_language<F: Future>(language: Language, work: F) -> F::Output {
    TASK.scope(language, work).await
}

/// The whole program's language (what [`set_language`] chose), whatever this thread's is.
pub fn program_language() -> Language {
    ORDER[GLOBAL.load(Ordering::Relaxed).min(ORDER.len() - 1)]
}

/// The language texts are shown in here: this thread's own, else this task's, else the
/// program's.
pub fn current() -> Language {
    THREAD
        .with(Cell::get)
        .or_else(|| TASK.try_with(|language| *language).ok())
        .unwrap_or_else(program_language)
}

/// An English text (the engine's or our own) in the current language; the English when the
/// catalogue does not know it.
pub fn tr(text: &str) -> Cow<'_, str> {
    let language = current();
    if language == Language::English {
        return Cow::Borrowed(text);
    }
    match translate(language, text) {
        Some(translated) => Cow::Owned(translated),
        None => Cow::Borrowed(text),
    }
}

/// `text` in `language`: `None` when the catalogue does not know it. English texts are
/// returned as they are only when the catalogue knows them.
pub fn translate(language: Language, text: &str) -> Option<String> {
    if language == Language::English {
        return catalogue::translate(language, text).map(|_| text.to_owned());
    }
    let mut done = DONE.lock().unwrap_or_else(PoisonError::into_inner);
    let texts = done.entry(language).or_default();
    if let Some(found) = texts.get(text) {
        return found.clone();
    }
    let translated = catalogue::translate(language, text);
    if texts.len() >= DONE_LIMIT {
        texts.clear();
    }
    texts.insert(text.to_owned(), translated.clone());
    translated
}

/// The message with `template` (a `format!` string) in the current language, filled with
/// `args`; `english()` when the catalogue does not have it (what [`tr!`](crate::tr) calls).
pub fn tr_with(
    template: &str,
    args: &[(&str, &String)],
    english: impl FnOnce() -> String,
) -> String {
    let language = current();
    if language == Language::English {
        return english();
    }
    let args: Vec<(&str, &str)> = args
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    catalogue::id_of_template(template)
        .and_then(|id| format(language, id, &args))
        .unwrap_or_else(english)
}
