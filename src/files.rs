//! Writing the user's files safely: a new file beside the target, written, flushed to disk and
//! renamed over it, so a crash or a full disk never leaves a half-written file behind.
//!
//! - The temporary file is created exclusively (`O_EXCL`) under a random name
//!   (`.<name>.XXXXXX.tmp`), so nothing already there (a file, a planted symlink) is touched.
//! - A replaced file keeps its owner, group and mode ([`Access::Kept`]) or becomes private to
//!   its owner ([`Access::Private`]). The new content is never readable by more people than the
//!   old one while it is written.
//! - The data is flushed (`fsync`) before the rename, and the folder after it (Unix).
//! - A symlink is followed: its target is replaced and the link stays a link.
//! - On Windows the new file is swapped in with `ReplaceFileW`, which keeps the old file's access
//!   list (ACL), attributes and creation time; a plain rename would give it the folder's ACL.
//!   A file another program holds (antivirus, an editor, IIS) is retried for a moment; when
//!   that program still holds it, the file is written in place if the program allows it, and
//!   otherwise the error says so ([`held_by_another_program`]).
//! - When the owner cannot be kept (Unix, not root, the file belongs to someone else), the file
//!   is overwritten in place instead ([`Written::InPlace`]): that is not all-or-nothing, so
//!   callers that must never lose the old content write a backup first (web.config does).
//! - A backup copy ([`create_copy_blocking`]) is never readable by more people than the file it
//!   copies: its owner, group and mode on Unix, its exact access list on Windows.
//!
//! Every call here is blocking except [`write_atomically`]; the work of one call is never
//! interrupted half-way by dropping a future (see [`finish_despite_ctrl_c`] for Ctrl-C).

mod ctrl_c;
mod user_path;

use std::fs::{File, Metadata};
use std::io::{self, Write as _};
use std::path::Path;

pub use ctrl_c::finish_despite_ctrl_c;
pub use user_path::{path_from_user, resolve_symlink};

/// Who may read a file the tester writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A new file gets the usual permissions (0666 less the umask on Unix); a replaced file
    /// keeps its owner, group and mode exactly (and, on Windows, its ACL).
    Kept,
    /// Only the owner: a new file is 0600 (Unix); a replaced file keeps its owner and group,
    /// and its mode when that is already private, else it is tightened to 0600.
    Private,
}

/// How [`replace_blocking`] wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new file was renamed over the old one (or there was none): all or nothing.
    Renamed,
    /// The old file was overwritten in place, the only way to keep its owner (Unix, not root),
    /// or because another program holds it and allows writing but not replacing (Windows). Not
    /// all or nothing: keep a backup first.
    InPlace,
}

/// Writes `bytes` to `path` atomically ([`Access::Kept`]), off the async runtime's threads.
/// Dropping the future does not stop the write half-way: it finishes (or fails and removes its
/// temporary file) on its own.
pub async fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (path, bytes) = (path.to_owned(), bytes.to_vec());
    tokio::task::spawn_blocking(move || write_atomically_blocking(&path, &bytes))
        .await
        .map_err(io::Error::other)?
}

/// The blocking form of [`write_atomically`].
pub fn write_atomically_blocking(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_blocking(path, bytes, Access::Kept).map(|_| ())
}

/// Replaces (or creates) the file at `path` (a symlink's target) with `bytes`: see the module
/// documentation. On any error before the rename, the temporary file is removed and the old
/// file is untouched.
pub fn replace_blocking(path: &Path, bytes: &[u8], access: Access) -> io::Result<Written> {
    let target = resolve_symlink(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(err),
    };
    let dir = parent_dir(&target);
    let mut temporary = temporary_in(dir, &target, new_file_mode(access, existing.is_some()))?;
    if let Some(metadata) = &existing
        && !copy_access(temporary.as_file(), metadata, access)?
    {
        drop(temporary);
        write_in_place(&target, metadata, bytes)?;
        return Ok(Written::InPlace);
    }
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    swap_in(temporary, &target, existing.as_ref(), bytes)
}

/// Puts the written temporary file in `target`'s place: a rename (Unix).
#[cfg(not(windows))]
fn swap_in(
    temporary: tempfile::NamedTempFile,
    target: &Path,
    _existing: Option<&Metadata>,
    _bytes: &[u8],
) -> io::Result<Written> {
    temporary.persist(target).map_err(|err| err.error)?;
    sync_dir(parent_dir(target));
    Ok(Written::Renamed)
}

/// Puts the written temporary file in `target`'s place (Windows): `ReplaceFileW` over an
/// existing file (its ACL kept), a rename otherwise; retried while another program holds the
/// file, then written in place when that program lets us write but not replace.
#[cfg(windows)]
fn swap_in(
    temporary: tempfile::NamedTempFile,
    target: &Path,
    existing: Option<&Metadata>,
    bytes: &[u8],
) -> io::Result<Written> {
    let Some(metadata) = existing.filter(|metadata| metadata.is_file()) else {
        let mut temporary = Some(temporary);
        return retry_while_held(|| {
            let file = temporary
                .take()
                .ok_or_else(|| io::Error::other("the temporary file is gone"))?;
            file.persist(target).map_err(|err| {
                temporary = Some(err.file);
                err.error
            })
        })
        .map(|_| Written::Renamed);
    };
    // Closed first: ReplaceFileW needs to delete the replacement, which an open handle blocks.
    let temporary = temporary.into_temp_path();
    match retry_while_held(|| crate::win32::replace_file(target, &temporary)) {
        Ok(()) => {
            // ReplaceFileW consumed it: nothing is left to delete.
            let _ = temporary.keep();
            Ok(Written::Renamed)
        }
        Err(err) if held_by_another_program(&err) => {
            drop(temporary);
            write_in_place(target, metadata, bytes)?;
            Ok(Written::InPlace)
        }
        Err(err) => Err(err),
    }
}

/// Whether `err` says another program has the file open in a way that stops this change
/// (Windows: a sharing or lock violation). Never on Unix, where open files can be replaced.
pub fn held_by_another_program(err: &io::Error) -> bool {
    /// `ERROR_SHARING_VIOLATION` and `ERROR_LOCK_VIOLATION`.
    const HELD: [i32; 2] = [32, 33];
    cfg!(windows) && err.raw_os_error().is_some_and(|code| HELD.contains(&code))
}

/// Runs `op` again for a moment (about a second in all) while another program holds the file:
/// antivirus scanners and indexers open new files briefly.
#[cfg(windows)]
fn retry_while_held<T>(mut op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    const PAUSES_MS: [u64; 5] = [20, 50, 100, 250, 500];
    let mut pauses = PAUSES_MS.iter();
    loop {
        match op() {
            Err(err) if held_by_another_program(&err) => match pauses.next() {
                Some(&ms) => std::thread::sleep(std::time::Duration::from_millis(ms)),
                None => return Err(err),
            },
            done => return done,
        }
    }
}

/// Creates a new file at `path` holding `bytes`, with the permissions of the file `original`
/// (whose metadata is `like`) and never wider: on Unix its owner and group when they can be
/// set, its mode without the group's bits when the group could not be set; on Windows its
/// exact access list. Fails with `AlreadyExists` (leaving what is there untouched) when `path`
/// exists. The file appears complete or not at all.
pub fn create_copy_blocking(
    path: &Path,
    bytes: &[u8],
    original: &Path,
    like: &Metadata,
) -> io::Result<()> {
    let dir = parent_dir(path);
    let mut temporary = temporary_in(dir, path, 0o600)?;
    copy_access_never_wider(&temporary, original, like)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.persist_noclobber(path).map_err(|err| err.error)?;
    sync_dir(dir);
    Ok(())
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A new, empty file with a random name beside `target`, created exclusively, with `mode`
/// (less the umask) on Unix. Removed when dropped unless persisted.
fn temporary_in(dir: &Path, target: &Path, mode: u32) -> io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |name| name.to_string_lossy());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    builder.tempfile_in(dir)
}

/// The mode a temporary file is created with: private when it replaces a file (its final mode
/// is set before anything is written), else what `access` gives a new file.
fn new_file_mode(access: Access, replacing: bool) -> u32 {
    if replacing || access == Access::Private {
        0o600
    } else {
        0o666
    }
}

/// Overwrites `target` in its place (write, then cut to length, then flush), which keeps its
/// owner, group, mode and ACL. Refuses anything but a regular file (a FIFO would block).
fn write_in_place(target: &Path, metadata: &Metadata, bytes: &[u8]) -> io::Result<()> {
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::en!("it is not a regular file"),
        ));
    }
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    file.write_all(bytes)?;
    file.set_len(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    file.sync_all()
}

/// Flushes a folder's entries (the rename) to disk. Best effort: the rename has happened, and
/// some file systems cannot flush a folder, so a failure here is not a failed write.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The permission bits of a file's group and of everyone else (Unix).
#[cfg(unix)]
const GROUP_AND_OTHERS: u32 = 0o077;

/// Gives `file` (new, still empty) the owner, group and mode of `original` (or the private
/// mode). `false` when the owner or group cannot be kept and `access` is [`Access::Kept`].
#[cfg(unix)]
fn copy_access(file: &File, original: &Metadata, access: Access) -> io::Result<bool> {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let owner_kept = set_owner(file, original)?;
    if !owner_kept && access == Access::Kept {
        return Ok(false);
    }
    let mode = match access {
        Access::Kept => original.mode() & 0o7777,
        Access::Private if original.mode() & GROUP_AND_OTHERS == 0 => original.mode() & 0o700,
        Access::Private => 0o600,
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    Ok(true)
}

/// Windows: nothing to do before writing; [`swap_in`] keeps the old file's ACL.
#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)] // the Unix form can fail
fn copy_access(_file: &File, _original: &Metadata, _access: Access) -> io::Result<bool> {
    Ok(true)
}

/// For [`create_copy_blocking`]: owner and group where possible, the mode without the special
/// bits, and without the group's bits when the group is not the original's.
#[cfg(unix)]
fn copy_access_never_wider(
    temporary: &tempfile::NamedTempFile,
    _original: &Path,
    like: &Metadata,
) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let file = temporary.as_file();
    set_owner(file, like)?;
    let group_kept = file.metadata()?.gid() == like.gid();
    let mut mode = like.mode() & 0o777;
    if !group_kept {
        mode &= !0o070;
    }
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

/// Windows: the original's access list, exactly.
#[cfg(windows)]
fn copy_access_never_wider(
    temporary: &tempfile::NamedTempFile,
    original: &Path,
    _like: &Metadata,
) -> io::Result<()> {
    crate::win32::copy_dacl(original, temporary.path())
}

#[cfg(not(any(unix, windows)))]
fn copy_access_never_wider(
    _temporary: &tempfile::NamedTempFile,
    _original: &Path,
    _like: &Metadata,
) -> io::Result<()> {
    Ok(())
}

/// Sets `file`'s owner and group to `original`'s (needs root unless they are ours already);
/// `true` when both match afterwards. When that fails, it still tries the group alone.
#[cfg(unix)]
fn set_owner(file: &File, original: &Metadata) -> io::Result<bool> {
    use std::os::unix::fs::{MetadataExt as _, fchown};
    let created = file.metadata()?;
    if created.uid() == original.uid() && created.gid() == original.gid() {
        return Ok(true);
    }
    if fchown(file, Some(original.uid()), Some(original.gid())).is_ok() {
        return Ok(true);
    }
    let _ = fchown(file, None, Some(original.gid()));
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("transcript.txt");
        write_atomically(&target, b"first").await.unwrap();
        write_atomically(&target, b"second").await.unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[tokio::test]
    async fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing").join("file.txt");
        assert!(write_atomically(&target, b"x").await.is_err());
    }

    #[test]
    fn a_copy_never_replaces_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("web.config.bak");
        std::fs::write(&taken, b"older backup").unwrap();
        let like = std::fs::metadata(&taken).unwrap();
        let err = create_copy_blocking(&taken, b"new", &taken, &like).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&taken).unwrap(), b"older backup");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_0600_and_a_private_mode_is_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.toml");
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o7777;
        replace_blocking(&path, b"a", Access::Private).unwrap();
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        replace_blocking(&path, b"b", Access::Private).unwrap();
        assert_eq!(mode(&path), 0o600, "tightened");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        replace_blocking(&path, b"c", Access::Private).unwrap();
        assert_eq!(mode(&path), 0o400, "already private: kept");
        assert_eq!(std::fs::read(&path).unwrap(), b"c");
    }
}
