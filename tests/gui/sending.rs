//! A test through the window, start to end: the seed scenario, cancel, advice for each ASP.NET
//! version and the one-test confirmation before a password leaves unencrypted.

use super::*;

#[test]
fn seed_scenario_through_the_window() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }));
    // Tall enough for every transcript row to be laid out, so the secret check sees them all.
    let mut harness = sized_harness(&runtime, FormState::default(), 3600.0);
    fill_form(&mut harness, server.port());
    // The site's web.config has enableSsl="false".
    harness.get_by_label("Use SSL").click();
    harness.run_steps(2);
    assert!(!harness.state().form.settings.enable_ssl);

    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the first test to end", |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    let diagnosis = harness.state().diagnosis().unwrap().clone();
    assert_eq!(diagnosis.id, DiagnosisId::TlsRequired);
    harness.get_by_label(&diagnosis.summary);
    harness.get_by_label("enableSsl: false → true");
    assert!(
        harness
            .query_by_label_contains("530 5.7.0 Must issue a STARTTLS command first")
            .is_some()
    );
    // Checklist: connected, then failed while sending.
    let checklist = harness.state().live().checklist();
    assert_eq!(
        checklist[0].1,
        Some(mail_settings_tester::event::StepStatus::Passed)
    );
    assert_eq!(
        checklist[3].1,
        Some(mail_settings_tester::event::StepStatus::Failed)
    );
    // The window blames the step to fix, not the one the server refused, and says why the
    // others were left out.
    harness.get_by_label("enableSsl is off");
    harness.get_by_label("not offered before encryption");
    harness.get_by_label("stopped here");

    harness.get_by_label("Apply fix and test again").click();
    step_until(&mut harness, "the retry to succeed", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });
    assert!(
        harness.state().form.settings.enable_ssl,
        "the fix went into the form"
    );
    harness.get_by_label("Your settings work");
    let snippet = harness
        .query_all_by_label_contains("<mailSettings>")
        .find(|node| format!("{node:?}").contains(r#"enableSsl=\"true\""#));
    assert!(snippet.is_some(), "the snippet shows the fix");
    assert!(
        harness
            .query_all_by_label_contains(r#"password="YOUR-PASSWORD-HERE""#)
            .count()
            >= 1
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("~> AUTH login <redacted>")
            .count(),
        1,
        "the AUTH line, with the user name redacted"
    );
    assert_eq!(
        harness.query_all_by_label_contains("~> <redacted>").count(),
        1,
        "the password line"
    );

    // The password is nowhere on screen, in any form.
    let user = TEST_USER;
    let secrets = mail_settings_tester::secret::Password::new(TEST_PASSWORD).wire_forms(user);
    for secret in secrets {
        assert!(
            harness.query_by_label_contains(&secret).is_none(),
            "{secret} shown"
        );
    }
}

#[test]
fn cancel_a_test_against_a_server_that_never_answers() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        banner: Banner::Silent,
        ..ServerConfig::default()
    }));
    let mut form = FormState::default();
    form.settings.timeouts = mail_settings_tester::settings::Timeouts::uniform(120);
    let mut harness = harness(&runtime, form);
    fill_form(&mut harness, server.port());
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the greeting wait", |app| {
        app.live()
            .step(mail_settings_tester::event::Step::Greeting)
            .is_some()
    });
    assert!(harness.state().is_running());
    harness.get_by_label("Cancel").click();
    step_until(&mut harness, "the cancel", |app| !app.is_running());
    assert_eq!(
        harness.state().diagnosis().map(|d| d.id),
        Some(DiagnosisId::Cancelled)
    );
    assert!(harness.query_by_label("Send test email").is_some());
}

/// The origin KB article's case in the window, for each ASP.NET version: a 4.x site gets the
/// one-click `enableSsl` fix; a 2.0–3.5 site is told to switch SSL on in code and is offered no
/// change to `enableSsl`; an ASP.NET Core site hears of `SecureSocketOptions`.
#[test]
fn advice_fits_the_sites_aspnet_version() {
    use mail_settings_tester::diagnosis::LEGACY_SSL_STEP;
    use mail_settings_tester::settings::Framework;
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }));
    for (framework, ssl_label) in [
        (Framework::Net4, "Use SSL"),
        (Framework::Legacy, "Use SSL"),
        (Framework::Core, "Use STARTTLS"),
    ] {
        let mut form = FormState::default();
        form.settings.framework = framework;
        let mut harness = harness(&runtime, form);
        fill_form(&mut harness, server.port());
        harness.get_by_label(ssl_label).click();
        harness.run_steps(2);
        assert!(!harness.state().form.settings.enable_ssl);
        harness.get_by_label("Send test email").click();
        step_until(&mut harness, "the test to end", |app| {
            !app.is_running() && app.diagnosis().is_some()
        });
        let diagnosis = harness.state().diagnosis().unwrap().clone();
        assert_eq!(diagnosis.id, DiagnosisId::TlsRequired, "{framework:?}");
        match framework {
            Framework::Net4 => {
                harness.get_by_label("enableSsl: false → true");
                harness.get_by_label("Apply fix and test again");
            }
            Framework::Legacy => {
                harness.get_by_label_contains("switch SSL on in your code");
                assert!(diagnosis.steps_to_fix.iter().any(|s| s == LEGACY_SSL_STEP));
                assert!(
                    harness
                        .query_by_label_contains("enableSsl: false → true")
                        .is_none()
                );
                assert!(harness.query_by_label("Apply fix and test again").is_none());
            }
            Framework::Core => {
                harness.get_by_label("SecureSocketOptions: None → StartTls");
                harness.get_by_label_contains("If your site sends with SmtpClient");
                let words = format!(
                    "{} {} {}",
                    diagnosis.summary,
                    diagnosis.explanation,
                    diagnosis.steps_to_fix.join(" ")
                );
                assert!(!words.contains("web.config"), "{words}");
            }
        }
    }
}

/// The server offers sign-in on an unencrypted connection: the window stops before the password
/// leaves, offers to switch SSL on, and sends it unencrypted only after "Send it unencrypted
/// this once", for that one test.
#[test]
fn the_password_leaves_unencrypted_only_when_confirmed() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        auth_before_tls: true,
        ..ServerConfig::default()
    }));
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, server.port());
    harness.get_by_label("Use SSL").click();
    harness.run_steps(2);
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the test to stop", |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    assert_eq!(
        harness.state().diagnosis().unwrap().id,
        DiagnosisId::PasswordUnencrypted
    );
    assert!(server.auth_mechanisms_used().is_empty(), "nothing was sent");
    harness.get_by_label("enableSsl: false → true");
    harness
        .get_by_label("Send it unencrypted this once")
        .click();
    step_until(&mut harness, "the confirmed test", |app| {
        !app.is_running() && app.live().ok()
    });
    assert!(harness.state().live().password_sent_unencrypted);
    assert_eq!(server.auth_mechanisms_used(), vec!["LOGIN"]);
    assert!(
        !harness.state().form.settings.allow_plaintext_password,
        "for that one test only"
    );
}

/// Without a sign-in, a server that takes mail only for its own mailboxes: the window does not
/// say "Your settings work" nor offer the snippet, and it says customers' mail will be refused.
#[test]
fn a_success_only_for_the_servers_own_mailboxes_is_not_shown_as_working() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        relay_requires_auth: true,
        local_domains: vec!["test.example".into()],
        ..ServerConfig::default()
    }));
    let mut harness = sized_harness(&runtime, FormState::default(), 2400.0);
    fill_form(&mut harness, server.port());
    set_field(&mut harness, "User name", "");
    set_field(&mut harness, "Password", "");
    harness.run_steps(2);
    harness.get_by_label("Send test email").click();
    step_until(
        &mut harness,
        "the test and its outside check to end",
        |app| !app.is_running() && app.outcome().is_some(),
    );
    harness.get_by_label("Only mail to this server's own addresses works");
    harness.get_by_label_contains("mail to your customers will be refused");
    assert!(harness.query_by_label("Your settings work").is_none());
    assert!(
        harness.query_by_label_contains("<mailSettings>").is_none(),
        "no snippet to copy"
    );
    assert!(
        harness
            .query_by_label("Switch to Azure Communication Services…")
            .is_none()
    );
    assert_eq!(
        server.messages().len(),
        1,
        "the check sends no second message"
    );
}
