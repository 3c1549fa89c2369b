//! The keyring through the window ("Remember in the system keyring" and "Forget"), against an
//! in-memory keyring: the password is kept after a test signs in, filled in for a returning
//! user, and forgotten on request; "Forget" shows only while there is something to forget.

use mail_settings_tester::credentials::{Account, Keyring};

use super::*;

fn keyring() -> Keyring {
    Keyring::with_store(keyring_core::mock::Store::new().unwrap())
}

fn harness_with(
    runtime: &Runtime,
    form: FormState,
    keyring: &Keyring,
) -> Harness<'static, MailTesterApp> {
    let handle = runtime.handle().clone();
    let keyring = keyring.clone();
    Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            MailTesterApp::with_form(&cc.egui_ctx, handle, form).with_keyring(keyring)
        })
}

#[test]
fn remember_then_forget_the_password() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let keyring = keyring();
    let account = Account::new(TEST_USER, "localhost", u32::from(server.port()));

    let mut harness = harness_with(&runtime, FormState::default(), &keyring);
    fill_form(&mut harness, server.port());
    assert!(
        harness.query_by_label("Forget").is_none(),
        "nothing saved yet: nothing to forget"
    );
    harness
        .get_by_label("Remember in the system keyring")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Send test email").click();
    step_until_shown(&mut harness, "Password saved in the system keyring.");
    assert_eq!(
        keyring
            .load(&account)
            .unwrap()
            .map(|p| p.expose().to_owned()),
        Some(TEST_PASSWORD.to_owned())
    );
    harness.run_steps(2);
    harness.get_by_label("Forget");

    // A returning user: the same settings without the password, "Remember" ticked.
    let mut form = harness.state().form.clone();
    form.settings.password = mail_settings_tester::secret::Password::default();
    drop(harness);
    let mut harness = harness_with(&runtime, form, &keyring);
    step_until_shown(&mut harness, "Password filled in from the system keyring.");
    assert_eq!(
        harness.state().form.settings.password.expose(),
        TEST_PASSWORD
    );
    harness.run_steps(2);

    harness.get_by_label("Forget").click();
    step_until_shown(&mut harness, "Password removed from the system keyring.");
    assert!(keyring.load(&account).unwrap().is_none());
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Forget").is_none(),
        "nothing left to forget"
    );
}
