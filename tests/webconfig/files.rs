//! The file on disk: backup first, atomic replace, no clobbering, clear read errors, UTF-16.

use std::path::{Path, PathBuf};

use mail_settings_tester::webconfig::{
    FileError, MAX_FILE_BYTES, TextEncoding, UpdateOptions, import, prepare_update, read_file,
    update_file,
};
use tempfile::TempDir;

use super::{NEW_PASSWORD, fixture_path, new_settings};

const WITH_PASSWORD: UpdateOptions = UpdateOptions {
    include_password: true,
};

/// A fixture copied to `web.config` in a fresh folder.
fn copy_of(name: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("web.config");
    std::fs::copy(fixture_path(name), &path).unwrap();
    (dir, path)
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

#[tokio::test]
async fn the_backup_is_identical_to_the_original_and_never_overwritten() {
    let (dir, path) = copy_of("large.config");
    let original = std::fs::read(&path).unwrap();
    let outcome = update_file(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    let backup = outcome.backup.unwrap();
    assert_eq!(backup.parent(), path.parent());
    let name = backup.file_name().unwrap().to_string_lossy().into_owned();
    let stamp = name
        .strip_prefix("web.config.")
        .and_then(|rest| rest.strip_suffix("Z.bak"))
        .unwrap_or_else(|| panic!("{name}"));
    assert_eq!(stamp.len(), "2026-11-29T063000".len(), "{name}");
    assert_eq!(std::fs::read(&backup).unwrap(), original);
    let text = std::fs::read_to_string(&path).unwrap();
    let imported = import(&text).unwrap();
    assert_eq!(imported.settings.password.expose(), NEW_PASSWORD);
    assert!(
        !outcome.diff.contains("Secr3t"),
        "written, but never shown in the diff"
    );
    assert!(
        !outcome.diff.contains("Old&amp;Pass"),
        "the old one stays hidden"
    );
    assert_eq!(files_in(dir.path()), 2, "no temporary file left behind");

    let again = update_file(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    assert!(again.backup.is_none(), "nothing to change, nothing written");
    assert_eq!(files_in(dir.path()), 2);

    let mut other = new_settings();
    other.host = "smtp.other.example".into();
    let third = update_file(&path, &other, WITH_PASSWORD).await.unwrap();
    let second_backup = third.backup.unwrap();
    assert_ne!(second_backup, backup);
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        original,
        "first backup kept"
    );
    assert_eq!(std::fs::read_to_string(&second_backup).unwrap(), text);
}

#[tokio::test]
async fn a_file_changed_after_the_diff_is_not_clobbered() {
    let (dir, path) = copy_of("correct.config");
    let prepared = prepare_update(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    assert!(!prepared.diff().is_empty());
    std::fs::write(
        &path,
        "<configuration><!-- edited meanwhile --></configuration>",
    )
    .unwrap();
    let err = prepared.apply().await.unwrap_err();
    assert!(matches!(err, FileError::ChangedOnDisk { .. }), "{err:?}");
    assert!(err.to_string().ends_with(&path.display().to_string()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "<configuration><!-- edited meanwhile --></configuration>"
    );
    assert_eq!(files_in(dir.path()), 1, "no backup, no temporary file");
}

#[tokio::test]
async fn read_errors_are_clear_and_end_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("web.config");
    let err = read_file(&missing).await.unwrap_err();
    assert!(matches!(err, FileError::NotFound { .. }));
    assert!(
        err.to_string().ends_with(&missing.display().to_string()),
        "{err}"
    );

    let latin1 = dir.path().join("latin1.config");
    std::fs::write(
        &latin1,
        b"<configuration>\n<!-- caf\xe9 -->\n</configuration>",
    )
    .unwrap();
    let err = read_file(&latin1).await.unwrap_err();
    assert!(matches!(err, FileError::NotText { .. }));
    assert!(err.to_string().contains("line 2"), "{err}");

    let huge = dir.path().join("huge.config");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    assert!(matches!(
        read_file(&huge).await.unwrap_err(),
        FileError::TooLarge { .. }
    ));

    assert!(
        read_file(dir.path())
            .await
            .unwrap_err()
            .to_string()
            .contains("folder")
    );

    let (_dir, broken) = copy_of("broken.config");
    let err = prepare_update(&broken, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(message.contains("line 8, column 5"), "{message}");
    assert!(
        message.ends_with(&broken.display().to_string()),
        "{message}"
    );
}

#[tokio::test]
async fn utf16_files_are_read_and_written_back_as_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("web.config");
    let text = format!(
        "\u{feff}{}",
        std::fs::read_to_string(fixture_path("correct.config")).unwrap()
    );
    std::fs::write(&path, TextEncoding::Utf16Le.encode(&text)).unwrap();
    let file = read_file(&path).await.unwrap();
    assert_eq!(file.encoding, TextEncoding::Utf16Le);
    assert_eq!(file.text, text);
    update_file(&path, &new_settings(), WITH_PASSWORD)
        .await
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
    let file = read_file(&path).await.unwrap();
    assert_eq!(
        import(&file.text).unwrap().settings.host,
        new_settings().host
    );
}
