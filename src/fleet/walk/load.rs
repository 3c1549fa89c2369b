//! Reading the candidate files: the size and binary checks, text decoding (UTF-8 with or
//! without a byte-order mark, UTF-16 with one), then the reader for the kind of file. Files are
//! read on a few threads at once, each file once.

use std::ffi::OsStr;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::fleet::model::{Platform, SiteSettings, Unreadable};
use crate::fleet::read::{appsettings, dotenv, webconfig, wordpress};
use crate::webconfig::raw;

/// The largest configuration file read (real ones are a few kilobytes).
pub(crate) const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// How much of a file is searched for a NUL byte (a sign of binary data).
const BINARY_PROBE: usize = 8 * 1024;

/// The kinds of file that may hold a site's mail settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `web.config`.
    WebConfig,
    /// `wp-config.php`.
    WordPress,
    /// `.env` itself (not `.env.local`, `.env.production`, ...).
    DotEnv,
    /// `appsettings.json` or `appsettings.Production.json`.
    AppSettings,
}

impl Kind {
    /// The kind a file name says, in any letter case.
    pub fn of(name: &OsStr) -> Option<Self> {
        let name = name.to_str()?.to_ascii_lowercase();
        match name.as_str() {
            "web.config" => Some(Self::WebConfig),
            "wp-config.php" => Some(Self::WordPress),
            ".env" => Some(Self::DotEnv),
            "appsettings.json" | "appsettings.production.json" => Some(Self::AppSettings),
            _ => None,
        }
    }

    /// The platform shown when the file cannot be read (a `.env` is taken for Laravel's).
    pub fn platform(self) -> Platform {
        match self {
            Self::WebConfig => Platform::AspNet,
            Self::WordPress => Platform::WordPress,
            Self::DotEnv => Platform::Laravel,
            Self::AppSettings => Platform::AspNetCore,
        }
    }

    /// What the text should be, for [`Unreadable::Malformed`].
    fn what(self) -> &'static str {
        match self {
            Self::WebConfig => "XML",
            Self::WordPress => "PHP",
            Self::DotEnv => ".env",
            Self::AppSettings => "JSON",
        }
    }
}

/// A file to read, and the folder its site's files start in (for `configSource`).
#[derive(Debug, Clone)]
pub(super) struct Job {
    /// The file.
    pub path: PathBuf,
    /// What kind of file it is.
    pub kind: Kind,
    /// The site's folder: a `configSource` may not lead out of it.
    pub site_root: PathBuf,
}

/// What one file gave.
#[derive(Debug, Clone)]
pub(super) enum Found {
    /// A web.config's attributes as written (`configSource` followed), for merging.
    WebConfig(Result<webconfig::RawMail, Unreadable>),
    /// Another file's settings; `None` when it holds none.
    Site(Option<(Platform, Result<SiteSettings, Unreadable>)>),
}

impl Found {
    /// The result for a file that could not be read at all.
    fn failed(kind: Kind, err: Unreadable) -> Self {
        match kind {
            Kind::WebConfig => Self::WebConfig(Err(err)),
            _ => Self::Site(Some((kind.platform(), Err(err)))),
        }
    }
}

/// Reads every job, on up to as many threads as there are cores; results in job order.
/// `files_read` counts the files opened and read.
pub(super) fn read_all(jobs: &[Job], files_read: &AtomicUsize) -> Vec<Found> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = jobs.len().div_ceil(threads.clamp(1, 8)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                let handle = scope.spawn(move || {
                    part.iter()
                        .map(|job| read_job(job, files_read))
                        .collect::<Vec<_>>()
                });
                (part, handle)
            })
            .collect();
        let mut found = Vec::with_capacity(jobs.len());
        for (part, handle) in handles {
            match handle.join() {
                Ok(results) => found.extend(results),
                Err(_) => found.extend(part.iter().map(|job| {
                    let why =
                        crate::en!("the tester failed while reading it (a bug; please report it)");
                    Found::failed(job.kind, Unreadable::Io(why.to_owned()))
                })),
            }
        }
        found
    })
}

/// Reads one file and runs its reader.
fn read_job(job: &Job, files_read: &AtomicUsize) -> Found {
    let text = match read_text(&job.path, job.kind.what(), files_read) {
        Ok(text) => text,
        Err(err) => return Found::failed(job.kind, err),
    };
    if job.kind == Kind::WebConfig {
        let raw = webconfig::read(&text).and_then(|raw| {
            webconfig::follow_config_source(raw, &job.path, &job.site_root, |path| {
                read_text(path, "XML", files_read)
            })
        });
        return Found::WebConfig(raw);
    }
    // The other readers get plain text: no byte-order mark, `\n` line ends.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = text.replace("\r\n", "\n");
    Found::Site(read_other(job.kind, &text))
}

/// Runs the reader of a file that is not a web.config.
fn read_other(kind: Kind, text: &str) -> Option<(Platform, Result<SiteSettings, Unreadable>)> {
    match kind {
        Kind::WordPress => wordpress::read(text).map(|r| (Platform::WordPress, r)),
        Kind::DotEnv => dotenv::read(text),
        Kind::AppSettings => appsettings::read(text).map(|r| (Platform::AspNetCore, r)),
        Kind::WebConfig => None,
    }
}

/// A file's text: at most [`MAX_BYTES`] (a larger file is not read), no NUL byte in its first
/// 8 KiB unless it is UTF-16, UTF-8 or UTF-16 with a byte-order mark. `what` names the
/// expected content in the error for text that cannot be decoded.
pub(super) fn read_text(
    path: &Path,
    what: &'static str,
    files_read: &AtomicUsize,
) -> Result<String, Unreadable> {
    let file = std::fs::File::open(path).map_err(|err| io_unreadable(&err))?;
    let size = file.metadata().map_err(|err| io_unreadable(&err))?.len();
    if size > MAX_BYTES {
        return Err(Unreadable::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| io_unreadable(&err))?;
    files_read.fetch_add(1, Ordering::Relaxed);
    let length = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if length > MAX_BYTES {
        return Err(Unreadable::TooLarge(length));
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && bytes[..bytes.len().min(BINARY_PROBE)].contains(&0) {
        return Err(Unreadable::Binary);
    }
    raw::decode(&bytes).map_err(|detail| Unreadable::Malformed { what, detail })
}

/// An input/output error in plain words (without the path: the caller shows it).
pub(super) fn io_unreadable(err: &std::io::Error) -> Unreadable {
    Unreadable::Io(io_reason(err))
}

/// What an input/output error means, in plain words.
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => crate::en!(
            "permission denied: this account may not read it; run the scan as a user who may (an \
             administrator, or root)"
        )
        .to_owned(),
        std::io::ErrorKind::NotFound => {
            crate::en!("it is not there (or it is a symbolic link to something that is not there)")
                .to_owned()
        }
        _ => err.to_string(),
    }
}
