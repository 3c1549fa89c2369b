//! web.config on Windows, through the code path the Windows program takes (run under Wine by
//! `scripts/windows.sh test`): the access list (ACL) kept by the update and copied exactly to
//! the backup, a file another program holds, a path longer than 260 characters, and the
//! messages for each. Wine keeps ACL entries and sharing modes as Windows does, but does not
//! enforce ACLs against the user, record the "protected" mark, nor limit paths to `MAX_PATH`:
//! those are for real Windows to prove.

use std::fs::{File, OpenOptions};
use std::os::windows::fs::OpenOptionsExt as _;
use std::path::Path;
use std::time::Duration;

use mail_settings_tester::webconfig::{FileError, UpdateOptions, update_file};
use mail_settings_tester::win32::{dacl_entries, set_dacl_sddl};

use super::{fixture_path, new_settings};

/// The owner with full access and the administrators reading: narrower than the folder's list.
const NARROW: &str = "D:P(A;;FA;;;OW)(A;;FR;;;BA)";
/// Windows' share modes: none, and read + write without delete (no replacing).
const SHARE_NOTHING: u32 = 0;
const SHARE_READ_WRITE: u32 = 0x1 | 0x2;

fn web_config_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("web.config");
    std::fs::copy(fixture_path("kb-enablessl.config"), &path).unwrap();
    path
}

fn backups_in(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "bak"))
        .collect()
}

#[tokio::test]
async fn the_update_keeps_the_acl_and_the_backup_gets_exactly_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = web_config_in(dir.path());
    set_dacl_sddl(&path, NARROW).unwrap();
    let before = dacl_entries(&path).unwrap();

    let outcome = update_file(&path, &new_settings(), UpdateOptions::default())
        .await
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("smtp.new.example")
    );
    assert_eq!(dacl_entries(&path).unwrap(), before, "the web.config's ACL");
    let backup = outcome.backup.unwrap();
    assert_eq!(dacl_entries(&backup).unwrap(), before, "the backup's ACL");
    // Exactly the web.config's entries, not the folder's wider ones. (The copy is also marked
    // protected from the folder's inheritance, which Wine does not record.)
}

#[tokio::test]
async fn a_file_another_program_holds_is_named_as_such_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = web_config_in(dir.path());
    let original = std::fs::read(&path).unwrap();
    let holder = OpenOptions::new()
        .read(true)
        .share_mode(SHARE_NOTHING)
        .open(&path)
        .unwrap();
    let err = update_file(&path, &new_settings(), UpdateOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, FileError::HeldByAnotherProgram { .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("close the program that has it open"),
        "{message}"
    );
    drop(holder);
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[tokio::test]
async fn a_program_that_lets_us_write_but_not_replace_gets_the_file_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = web_config_in(dir.path());
    set_dacl_sddl(&path, NARROW).unwrap();
    let before = dacl_entries(&path).unwrap();
    let holder: File = OpenOptions::new()
        .read(true)
        .share_mode(SHARE_READ_WRITE)
        .open(&path)
        .unwrap();
    let outcome = update_file(&path, &new_settings(), UpdateOptions::default())
        .await
        .unwrap();
    drop(holder);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("smtp.new.example")
    );
    assert_eq!(dacl_entries(&path).unwrap(), before);
    assert!(outcome.backup.is_some_and(|backup| backup.exists()));
}

#[tokio::test]
async fn a_file_held_for_a_moment_is_written_after_a_short_retry() {
    let dir = tempfile::tempdir().unwrap();
    let path = web_config_in(dir.path());
    // A scanner that opens the file for a moment, as antivirus programs do.
    let (opened_tx, opened_rx) = std::sync::mpsc::channel();
    let held = path.clone();
    let scanner = std::thread::spawn(move || {
        let file = OpenOptions::new()
            .read(true)
            .share_mode(SHARE_NOTHING)
            .open(&held)
            .unwrap();
        opened_tx.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(60));
        drop(file);
    });
    opened_rx.recv().unwrap();
    // Reading fails while it is held; the write's retries outlast the scanner.
    let result = update_file(&path, &new_settings(), UpdateOptions::default()).await;
    scanner.join().unwrap();
    match result {
        Ok(_) => assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("smtp.new.example")
        ),
        // The read before the write may meet the scanner: then nothing is written, and it says so.
        Err(err) => assert!(
            matches!(err, FileError::HeldByAnotherProgram { .. }),
            "{err:?}"
        ),
    }
}

#[tokio::test]
async fn a_path_longer_than_260_characters_is_read_updated_and_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = dir.path().to_owned();
    for part in 0..6 {
        folder.push(format!("{part}-{}", "site-folder".repeat(4)));
    }
    std::fs::create_dir_all(&folder).unwrap();
    let path = web_config_in(&folder);
    assert!(path.as_os_str().len() > 260, "{}", path.display());
    set_dacl_sddl(&path, NARROW).unwrap();
    let outcome = update_file(&path, &new_settings(), UpdateOptions::default())
        .await
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("smtp.new.example")
    );
    assert_eq!(backups_in(&folder).len(), 1);
    assert!(outcome.backup.is_some_and(|backup| backup.exists()));
}
