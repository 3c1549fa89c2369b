//! Files kept exactly: owner, group and mode kept, the backup as private as the original,
//! exclusive random temporary files, symlinks followed, read-only files, pipes and devices
//! refused, no leftovers (also after a failed rename or a Ctrl-C), no control characters
//! written, and the password never in the diff.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mail_settings_tester::files;
use mail_settings_tester::webconfig::{
    FileError, UpdateOptions, WebConfigError, backup_path, prepare_update, update_file,
};
use tempfile::TempDir;

use super::{NEW_PASSWORD, fixture_path, new_settings};

const WITH_PASSWORD: UpdateOptions = UpdateOptions {
    include_password: true,
};

/// The password as written into the XML.
const ESCAPED_PASSWORD: &str = "Secr3t&amp;&lt;&quot;pass&apos;&gt;";

fn copy_of(name: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("web.config");
    std::fs::copy(fixture_path(name), &path).unwrap();
    (dir, path)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn no_temporary_files(dir: &Path) {
    let names = names_in(dir);
    assert!(
        !names
            .iter()
            .any(|name| Path::new(name).extension().is_some_and(|e| e == "tmp")),
        "{names:?}"
    );
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Tests run as root here, so a file can be given to another user and group; elsewhere the
/// ownership part is skipped (the mode part still runs).
#[cfg(unix)]
fn give_away(path: &Path) -> bool {
    std::os::unix::fs::chown(path, Some(1234), Some(1234)).is_ok()
}

#[cfg(unix)]
#[tokio::test]
async fn owner_group_and_mode_are_kept_and_the_backup_gets_them_too() {
    use std::os::unix::fs::MetadataExt as _;
    let (dir, path) = copy_of("large.config");
    set_mode(&path, 0o640);
    let given = give_away(&path);
    let outcome = update_file(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    let backup = outcome.backup.unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains(ESCAPED_PASSWORD)
    );
    for file in [&path, &backup] {
        assert_eq!(mode(file), 0o640, "{}", file.display());
        if given {
            let metadata = std::fs::metadata(file).unwrap();
            assert_eq!((metadata.uid(), metadata.gid()), (1234, 1234));
        }
    }
    no_temporary_files(dir.path());

    set_mode(&path, 0o600);
    let mut other = new_settings();
    other.host = "smtp.other.example".into();
    let backup = update_file(&path, &other, WITH_PASSWORD)
        .await
        .unwrap()
        .backup
        .unwrap();
    assert_eq!(mode(&backup), 0o600, "never wider than the original");
    assert_eq!(mode(&path), 0o600);
}

#[cfg(unix)]
#[tokio::test]
async fn the_temporary_file_is_created_exclusively_under_a_random_name() {
    let (dir, path) = copy_of("correct.config");
    // The name the old code used, planted as a link to a file that must not be touched.
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let planted = dir
        .path()
        .join(format!(".web.config.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let before = names_in(dir.path());
    let backup = update_file(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap()
        .backup
        .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::symlink_metadata(&planted).unwrap().is_symlink());
    let mut expected = before;
    expected.push(backup.file_name().unwrap().to_string_lossy().into_owned());
    expected.sort();
    assert_eq!(names_in(dir.path()), expected, "only the backup is new");
}

#[test]
fn no_temporary_file_is_left_when_the_rename_fails() {
    let dir = tempfile::tempdir().unwrap();
    // A file cannot be renamed over a folder that holds something: the rename fails after
    // the temporary file was written.
    let target = dir.path().join("web.config");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside"), "x").unwrap();
    let err = files::write_atomically_blocking(&target, b"new").unwrap_err();
    assert_ne!(err.kind(), std::io::ErrorKind::NotFound, "{err}");
    assert_eq!(names_in(dir.path()), ["web.config"]);
    assert!(target.is_dir());
}

#[tokio::test]
async fn a_taken_backup_name_is_never_overwritten_nor_left_as_a_temporary_file() {
    let (dir, path) = copy_of("correct.config");
    let now = std::time::SystemTime::now();
    let taken: Vec<PathBuf> = (0..3)
        .map(|s| backup_path(&path, now + Duration::from_secs(s), 0))
        .collect();
    for name in &taken {
        std::fs::write(name, "an older backup").unwrap();
    }
    let backup = update_file(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap()
        .backup
        .unwrap();
    assert!(!taken.contains(&backup), "{}", backup.display());
    assert!(
        backup.to_string_lossy().ends_with("-2.bak"),
        "{}",
        backup.display()
    );
    for name in &taken {
        assert_eq!(std::fs::read_to_string(name).unwrap(), "an older backup");
    }
    assert_eq!(names_in(dir.path()).len(), 5);
    no_temporary_files(dir.path());
}

#[cfg(unix)]
#[tokio::test]
async fn a_symlinked_web_config_is_followed_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let real = shared.join("web.config");
    std::fs::copy(fixture_path("correct.config"), &real).unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    let link = site.join("web.config");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let backup = update_file(&link, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap()
        .backup
        .unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_link(&link).unwrap(), real);
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("smtp.new.example")
    );
    assert_eq!(
        backup.parent(),
        Some(shared.canonicalize().unwrap().as_path())
    );
    assert_eq!(names_in(&site), ["web.config"]);
    no_temporary_files(&shared);
}

#[cfg(unix)]
#[tokio::test]
async fn a_read_only_file_is_refused_before_anything_is_written() {
    let (dir, path) = copy_of("correct.config");
    let original = std::fs::read(&path).unwrap();
    set_mode(&path, 0o444);
    let err = prepare_update(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap_err();
    assert!(matches!(err, FileError::ReadOnly { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("read-only") && message.contains("chmod u+w"),
        "{message}"
    );
    assert!(message.ends_with(&path.display().to_string()), "{message}");

    set_mode(&path, 0o644);
    let prepared = prepare_update(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    set_mode(&path, 0o444);
    let err = prepared.apply().await.unwrap_err();
    assert!(matches!(err, FileError::ReadOnly { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert_eq!(names_in(dir.path()), ["web.config"], "no backup either");
}

#[cfg(unix)]
#[tokio::test]
async fn pipes_and_devices_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("web.config");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let limit = Duration::from_secs(5);
    let err = tokio::time::timeout(limit, mail_settings_tester::webconfig::read_file(&fifo))
        .await
        .expect("reading a FIFO must not block")
        .unwrap_err();
    assert!(matches!(err, FileError::NotAFile { .. }), "{err:?}");
    assert!(err.to_string().contains("named pipe"), "{err}");
    let settings = new_settings();
    let update = prepare_update(&fifo, &settings, WITH_PASSWORD);
    let err = tokio::time::timeout(limit, update)
        .await
        .unwrap()
        .unwrap_err();
    assert!(matches!(err, FileError::NotAFile { .. }), "{err:?}");

    let err = mail_settings_tester::webconfig::read_file(Path::new("/dev/zero"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("a device"), "{err}");
}

#[tokio::test]
async fn control_characters_are_refused_and_never_written() {
    let (dir, path) = copy_of("correct.config");
    let original = std::fs::read(&path).unwrap();
    let mut settings = new_settings();
    settings.host = "smtp\u{1}.example.com".into();
    let err = update_file(&path, &settings, WITH_PASSWORD)
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(
            &err,
            FileError::Content {
                source: WebConfigError::InvalidCharacter { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        message.contains("host value") && message.contains("U+0001"),
        "{message}"
    );
    assert!(message.contains("500.19"), "{message}");

    let mut settings = new_settings();
    let secret = "pass\u{1b}Zq9x\u{ffff}";
    settings.password = mail_settings_tester::secret::Password::new(secret);
    let err = update_file(&path, &settings, WITH_PASSWORD)
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("password value") && message.contains("U+001B"),
        "{message}"
    );
    assert!(
        !message.contains("Zq9x"),
        "the password is never quoted: {message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert_eq!(names_in(dir.path()), ["web.config"]);

    let mut settings = new_settings();
    settings.from = "site\t@new.example".into();
    settings.password = mail_settings_tester::secret::Password::new("tab\there\r\nok");
    update_file(&path, &settings, WITH_PASSWORD).await.unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("tab&#9;here&#13;&#10;ok"), "{written}");
}

#[tokio::test]
async fn include_password_never_shows_the_password_in_the_diff() {
    let (_dir, path) = copy_of("large.config");
    let prepared = prepare_update(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    assert!(
        prepared.new_text().contains(ESCAPED_PASSWORD),
        "it is written"
    );
    let diff = prepared.diff();
    for secret in [NEW_PASSWORD, ESCAPED_PASSWORD, "Secr3t", "Old&amp;Pass"] {
        assert!(!diff.contains(secret), "{secret} in {diff}");
    }
    assert!(diff.contains("password=\"<redacted, new>\""), "{diff}");
    let outcome = prepared.apply().await.unwrap();
    assert!(!outcome.diff.contains("Secr3t"));

    let (_dir, path) = copy_of("large.config");
    let envs = [("WC_TEST_PW".to_owned(), NEW_PASSWORD.to_owned())];
    let args = [
        "webconfig",
        "update",
        path.to_str().unwrap(),
        "--host=smtp.new.example",
        "--port=587",
        "--user=site@new.example",
        "--password-env=WC_TEST_PW",
        "--from=site@new.example",
        "--include-password",
        "--yes",
    ];
    let output = crate::support::bin::run(&crate::support::bin::strings(&args), &envs, "");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(0), "{printed}");
    assert!(printed.contains("<redacted, new>"), "{printed}");
    for secret in [NEW_PASSWORD, ESCAPED_PASSWORD, "Secr3t"] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains(ESCAPED_PASSWORD)
    );
}

/// Ctrl-C during a write must neither cut it off nor leave the temporary file: the signal is
/// held until the write is done. (Without that, SIGINT would end this test process.)
#[cfg(unix)]
#[tokio::test]
async fn ctrl_c_during_a_write_lets_it_finish_without_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("web.config");
    let written = target.clone();
    let result = files::finish_despite_ctrl_c(move || {
        let pid = std::process::id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        (
            sent.success(),
            files::write_atomically_blocking(&written, b"complete"),
        )
    })
    .await
    .unwrap();
    assert!(result.0, "SIGINT was sent");
    result.1.unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"complete");
    assert_eq!(names_in(dir.path()), ["web.config"]);
}
