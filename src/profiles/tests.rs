//! Profiles on disk: round trip, names, corrupt files, atomic writes, no password.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::{ProfileError, ProfileStore, validate_name};
use crate::secret::Password;
use crate::settings::{Security, Settings, Target, Timeouts};

const PASSWORD: &str = "Pr0file-Secr3t!";

fn settings() -> Settings {
    Settings {
        host: "smtp.example.com".into(),
        port: 587,
        user_name: "shop@example.com".into(),
        password: Password::new(PASSWORD),
        enable_ssl: true,
        from: "shop@example.com".into(),
        to: "owner@example.com".into(),
        client_domain: "web01.example.com".into(),
        security: Some(Security::StartTls),
        timeouts: Timeouts::uniform(7),
        ca_file: Some("/etc/ssl/extra.pem".into()),
        target: Target::Generic,
        ..Settings::default()
    }
}

fn store() -> (tempfile::TempDir, ProfileStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::in_dir(dir.path().join("config"));
    (dir, store)
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn round_trip_keeps_every_setting_but_the_password() {
    let (_dir, store) = store();
    assert!(store.list().unwrap().is_empty());
    let outcome = store.save("Shop site", &settings()).unwrap();
    assert!(!outcome.replaced);
    assert_eq!(outcome.moved_aside, None);
    let loaded = store.get("Shop site").unwrap().unwrap();
    assert!(loaded.password.is_empty());
    assert_eq!(
        loaded,
        Settings {
            password: Password::default(),
            ..settings()
        }
    );
    assert_eq!(store.list().unwrap(), vec!["Shop site".to_owned()]);
    assert_eq!(store.get("other").unwrap(), None);
}

#[test]
fn the_file_never_holds_the_password_in_any_form() {
    let (_dir, store) = store();
    store.save("shop", &settings()).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    let mut forms = Password::new(PASSWORD).wire_forms("shop@example.com");
    forms.push(STANDARD.encode(PASSWORD));
    for form in &forms {
        assert!(
            !text.contains(form.as_str()),
            "the password leaked as {form}"
        );
    }
    assert!(text.contains("host = \"smtp.example.com\""), "{text}");
    assert!(text.contains("version = 1\n"), "{text}");
    assert!(!text.contains("password ="), "{text}");
}

#[test]
fn save_replaces_rename_moves_delete_removes() {
    let (_dir, store) = store();
    store.save("a", &settings()).unwrap();
    let changed = Settings {
        port: 25,
        ..settings()
    };
    assert!(store.save("a", &changed).unwrap().replaced);
    assert_eq!(store.get("a").unwrap().unwrap().port, 25);

    store.save("b", &settings()).unwrap();
    assert!(matches!(
        store.rename("a", "b"),
        Err(ProfileError::AlreadyExists { .. })
    ));
    assert!(matches!(
        store.rename("missing", "c"),
        Err(ProfileError::NotFound { .. })
    ));
    store.rename("a", "c").unwrap();
    assert_eq!(store.list().unwrap(), vec!["b".to_owned(), "c".to_owned()]);
    assert_eq!(store.get("c").unwrap().unwrap().port, 25);

    assert!(store.delete("b").unwrap());
    assert!(!store.delete("b").unwrap());
    assert_eq!(store.list().unwrap(), vec!["c".to_owned()]);
}

#[test]
fn writes_leave_no_temporary_files() {
    let (_dir, store) = store();
    for n in 0..5 {
        store.save(&format!("p{n}"), &settings()).unwrap();
    }
    store.rename("p0", "renamed").unwrap();
    store.delete("p1").unwrap();
    let dir = store.path().parent().unwrap();
    assert_eq!(files_in(dir), vec!["profiles.toml".to_owned()]);
}

#[test]
fn a_corrupt_file_is_moved_aside_with_a_clear_message() {
    let (_dir, store) = store();
    store.save("shop", &settings()).unwrap();
    let dir = store.path().parent().unwrap().to_owned();
    std::fs::write(store.path(), "version = 1\n[profiles.shop\nhost = ").unwrap();

    let err = store.list().unwrap_err();
    let ProfileError::Corrupt { moved_to, .. } = &err else {
        panic!("expected Corrupt, got {err:?}");
    };
    let message = err.to_string();
    assert!(message.starts_with("The profiles file could not be read ("));
    assert!(message.contains("on line 2"), "{message}");
    assert!(message.contains("moved aside so nothing is lost"));
    assert!(message.ends_with(&moved_to.display().to_string()));
    let moved_name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        moved_name.starts_with("profiles.toml.corrupt-"),
        "{moved_name}"
    );
    // The bytes are all still there.
    assert_eq!(
        std::fs::read_to_string(moved_to).unwrap(),
        "version = 1\n[profiles.shop\nhost = "
    );
    assert_eq!(files_in(&dir), vec![moved_name.clone()]);

    // From then on the profiles start empty, and saving works.
    assert!(store.list().unwrap().is_empty());
    store.save("new", &settings()).unwrap();
    assert_eq!(files_in(&dir), vec!["profiles.toml".to_owned(), moved_name]);
}

#[test]
fn saving_over_a_corrupt_file_moves_it_aside_first() {
    let (_dir, store) = store();
    std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    std::fs::write(store.path(), b"\xff\xfe not text").unwrap();
    let outcome = store.save("shop", &settings()).unwrap();
    let moved = outcome.moved_aside.expect("moved aside");
    assert_eq!(std::fs::read(moved).unwrap(), b"\xff\xfe not text");
    assert_eq!(store.list().unwrap(), vec!["shop".to_owned()]);
}

#[test]
fn a_file_from_a_newer_version_is_left_alone() {
    let (_dir, store) = store();
    std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    let text = "version = 2\n[profiles.x]\nhost = \"h\"\n";
    std::fs::write(store.path(), text).unwrap();
    assert!(matches!(
        store.list(),
        Err(ProfileError::TooNew { version: 2, .. })
    ));
    assert!(store.save("y", &settings()).is_err());
    assert_eq!(std::fs::read_to_string(store.path()).unwrap(), text);
}

#[test]
fn names_are_checked() {
    for good in ["shop", "Shop site (live)", "ünïcode", &"x".repeat(64)] {
        assert!(validate_name(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "a/b",
        "a\\b",
        "tab\there",
        " lead",
        "trail ",
        ".",
        "..",
        &"x".repeat(65),
    ] {
        let err = validate_name(bad).unwrap_err();
        assert!(
            err.to_string().contains("cannot be a profile name"),
            "{bad}: {err}"
        );
    }
    let (_dir, store) = store();
    assert!(matches!(
        store.save("../escape", &settings()),
        Err(ProfileError::InvalidName { .. })
    ));
    assert!(!store.path().exists());
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn the_file_is_private_0600_in_a_0700_folder() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_dir, store) = store();
    store.save("shop", &settings()).unwrap();
    assert_eq!(mode(store.path()), 0o600);
    assert_eq!(mode(store.path().parent().unwrap()), 0o700);

    let loose = std::fs::Permissions::from_mode(0o644);
    std::fs::set_permissions(store.path(), loose).unwrap();
    store.save("other", &settings()).unwrap();
    assert_eq!(mode(store.path()), 0o600, "a readable file is tightened");

    // An existing folder is not changed.
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let store = ProfileStore::in_dir(dir.path());
    store.save("shop", &settings()).unwrap();
    assert_eq!(mode(dir.path()), 0o755);
    assert_eq!(mode(store.path()), 0o600);
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_is_followed_and_stays_a_link() {
    let (dir, store) = store();
    let real = dir.path().join("dotfiles").join("profiles.toml");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    std::fs::write(&real, "version = 1\n").unwrap();
    std::os::unix::fs::symlink(&real, store.path()).unwrap();
    store.save("shop", &settings()).unwrap();
    assert!(
        std::fs::symlink_metadata(store.path())
            .unwrap()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("[profiles.shop]")
    );
    assert_eq!(store.list().unwrap(), vec!["shop".to_owned()]);
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_the_file_is_refused_without_blocking() {
    let (_dir, store) = store();
    std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(store.path())
        .status()
        .unwrap();
    assert!(made.success());
    let path = store.path().to_owned();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(ProfileStore::in_dir(path.parent().unwrap()).list());
    });
    let result = receiver
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("reading a FIFO must not block");
    let err = result.unwrap_err();
    assert!(
        matches!(
            err,
            ProfileError::Io {
                action: super::FileAction::Read,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("not a regular file"), "{err}");
}
