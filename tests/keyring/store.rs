//! The keyring through `credentials`: save, read and forget, checked with `secret-tool`, and
//! the same calls from inside tokio.

use super::*;

#[test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
fn save_load_forget_through_the_real_secret_service() {
    let _one_at_a_time = require_keyring();
    let account = Account::new(
        &format!("keyring-test-{}@example.com", std::process::id()),
        "SMTP.Example.com",
        587,
    );
    let password = Password::new("Real keyring sécret &<\"'");

    let started = Instant::now();
    credentials::save(&account, &password).unwrap();
    let saved = started.elapsed();
    let reading = Instant::now();
    let loaded = credentials::load(&account)
        .unwrap()
        .expect("the saved password");
    let read = reading.elapsed();
    assert_eq!(loaded.expose(), password.expose());

    // What another program sees: the item carries our service and account attributes.
    if let Some(found) = secret_tool(&[
        "search",
        "--all",
        "service",
        SERVICE,
        "username",
        &account.key(),
    ]) {
        let listing = format!(
            "{}{}",
            String::from_utf8_lossy(&found.stdout),
            String::from_utf8_lossy(&found.stderr)
        );
        assert!(
            listing.contains(&format!("attribute.service = {SERVICE}")),
            "{listing}"
        );
        assert!(
            listing.contains(&format!("attribute.username = {}", account.key())),
            "{listing}"
        );
        assert!(account.key().ends_with("@smtp.example.com:587"));
        let lookup =
            secret_tool(&["lookup", "service", SERVICE, "username", &account.key()]).unwrap();
        assert_eq!(String::from_utf8_lossy(&lookup.stdout), password.expose());
    } else {
        eprintln!("secret-tool is not installed: attribute check skipped");
    }

    // Saving again replaces, not duplicates.
    credentials::save(&account, &Password::new("second")).unwrap();
    assert_eq!(
        credentials::load(&account).unwrap().unwrap().expose(),
        "second"
    );

    let forgetting = Instant::now();
    assert!(credentials::forget(&account).unwrap());
    let forgot = forgetting.elapsed();
    assert!(!credentials::forget(&account).unwrap());
    assert_eq!(credentials::load(&account).unwrap(), None);
    eprintln!(
        "real Secret Service: save {} ms, load {} ms, forget {} ms, whole test {} ms",
        saved.as_millis(),
        read.as_millis(),
        forgot.as_millis(),
        started.elapsed().as_millis()
    );
}

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn the_calls_work_from_inside_tokio_via_spawn_blocking() {
    let _one_at_a_time = require_keyring();
    let account = Account::new("tokio-test@example.com", "smtp.example.com", 2525);
    let saving = account.clone();
    tokio::task::spawn_blocking(move || credentials::save(&saving, &Password::new("pw-tokio")))
        .await
        .unwrap()
        .unwrap();
    let loading = account.clone();
    let loaded = tokio::task::spawn_blocking(move || credentials::load(&loading))
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(loaded.expose(), "pw-tokio");
    let forgetting = account.clone();
    assert!(
        tokio::task::spawn_blocking(move || credentials::forget(&forgetting))
            .await
            .unwrap()
            .unwrap()
    );
}

/// Windows: a saved password is kept for this computer only (the Credential Manager's "local"
/// persistence, not copied to other computers with a roaming profile), and one over the
/// Credential Manager's limit is named as too long.
#[cfg(windows)]
#[test]
#[ignore = "needs the real Windows Credential Manager: scripts/windows.sh test runs it under Wine"]
fn windows_passwords_are_kept_for_this_computer_and_size_limits_are_named() {
    let _one_at_a_time = require_keyring();
    let account = Account::new(
        &format!("persistence-{}@example.com", std::process::id()),
        "smtp.example.com",
        587,
    );
    credentials::save(&account, &Password::new("local only")).unwrap();
    let entry =
        keyring_core::Entry::new_in_store(&keyring_store(), SERVICE, &account.key()).unwrap();
    let attributes = entry.get_attributes().unwrap();
    assert_eq!(attributes["persistence"], "Local", "{attributes:?}");
    assert_eq!(entry.get_password().unwrap(), "local only");
    assert!(credentials::forget(&account).unwrap());

    let err = credentials::save(&account, &Password::new("x".repeat(1300))).unwrap_err();
    assert!(
        matches!(err, credentials::CredentialError::TooLong { .. }),
        "{err:?}"
    );
    assert_eq!(credentials::load(&account).unwrap(), None);
}
