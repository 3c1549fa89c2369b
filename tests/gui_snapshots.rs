//! Image snapshots of the window, rendered headless (wgpu on a software Vulkan): the first
//! start, a failure (the server wants encryption) and a success, each in the dark and the light
//! theme, at 1280×800 and at the smallest window size, 900×600. The finished tests are built by
//! hand so the pixels never depend on network timing. Refresh with `UPDATE_SNAPSHOTS=1 cargo
//! test --test gui_snapshots`, then look at every PNG in `tests/snapshots/`.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mail_settings_tester::event::{
    Direction, ServerInfo, Step, StepRecord, StepStatus, TlsInfo, TranscriptLine,
};
use mail_settings_tester::gui::{FormState, MailTesterApp};
use mail_settings_tester::reply::Reply;
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{SessionError, SessionReport};
use mail_settings_tester::settings::Settings;

#[path = "gui_snapshots/find.rs"]
mod find;
#[path = "gui_snapshots/fleet.rs"]
mod fleet;
#[path = "support/japanese_font.rs"]
mod japanese_font;
#[path = "gui_snapshots/languages.rs"]
mod languages;

/// The sizes every state is drawn at: a usual window, and the smallest the window allows.
const SIZES: [(f32, f32); 2] = [(1280.0, 800.0), (900.0, 600.0)];

fn settings(enable_ssl: bool) -> Settings {
    Settings {
        host: "smtp.example.com".into(),
        port: 587,
        user_name: "shop@example.com".into(),
        password: Password::new("correct horse"),
        enable_ssl,
        from: "shop@example.com".into(),
        ..Settings::default()
    }
}

/// Draws the window in both themes at both sizes, `prepare`d the same way each time, and
/// compares each picture with `tests/snapshots/{name}_{theme}_{w}x{h}.png`.
fn snapshots(name: &str, form: &FormState, prepare: impl Fn(&mut MailTesterApp)) {
    snapshots_at(name, form, &SIZES, |harness| prepare(harness.state_mut()));
}

/// [`snapshots`] at `sizes`, with `act` on the harness first (clicks).
fn snapshots_at(
    name: &str,
    form: &FormState,
    sizes: &[(f32, f32)],
    act: impl Fn(&mut Harness<'static, MailTesterApp>),
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut failures = Vec::new();
    for (theme, theme_name) in [(egui::Theme::Dark, "dark"), (egui::Theme::Light, "light")] {
        for &(width, height) in sizes {
            let handle = runtime.handle().clone();
            let form = form.clone();
            let mut harness = Harness::builder()
                .with_size([width, height])
                .with_theme(theme)
                .with_render_cursor(false)
                .build_eframe(move |cc| {
                    // As the real window does: arrows (`false → true`) need the fallback font.
                    mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
                    MailTesterApp::with_form(&cc.egui_ctx, handle, form)
                });
            harness.run();
            act(&mut harness);
            harness.run();
            let file = format!("{name}_{theme_name}_{width}x{height}");
            if let Err(err) = harness.try_snapshot(&file) {
                failures.push(err.to_string());
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn line(dir: Direction, ms: u64, encrypted: bool, text: &str) -> TranscriptLine {
    TranscriptLine {
        dir,
        text: text.to_owned(),
        ms,
        encrypted,
    }
}

fn steps(list: &[(Step, StepStatus, u64)]) -> Vec<StepRecord> {
    list.iter()
        .map(|(step, status, ms)| StepRecord {
            step: *step,
            status: *status,
            ms: *ms,
        })
        .collect()
}

fn form_with(settings: &Settings) -> FormState {
    let mut form = FormState::default();
    form.load(settings);
    form.touched = true;
    form
}

#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn first_start() {
    snapshots("first_start", &FormState::default(), |_| {});
}

/// The origin case: the site's web.config has enableSsl="false" and the server wants
/// encryption. The checklist blames "Secure connection", the fix is one click away.
#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn failure_server_wants_encryption() {
    let tested = settings(false);
    snapshots("failure", &form_with(&tested), |app| {
        app.show_finished(tested.clone(), tls_required_report());
    });
}

/// The narrowest window with everything open: the advanced settings next to a failure (the
/// transcript's title once ran under its buttons here).
#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn advanced_open_at_the_smallest_size() {
    let tested = settings(false);
    snapshots_at(
        "advanced_failure",
        &form_with(&tested),
        &[(900.0, 600.0)],
        |harness| {
            harness
                .state_mut()
                .show_finished(tested.clone(), tls_required_report());
            harness.run();
            harness.get_by_label("Advanced").click();
            harness.run();
            harness.get_by_label("What the server said").click();
        },
    );
}

/// "Find my settings" after a search for the site's address.
/// "Check a folder of sites" after a scan: the blast radius by server.
#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn check_a_folder_of_sites() {
    snapshots("fleet", &FormState::default(), |app| {
        app.show_scan("C:\\inetpub\\vhosts", fleet::report());
    });
}

#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn find_my_settings() {
    let tested = settings(true);
    snapshots("find", &form_with(&tested), |app| {
        app.show_discovery("shop@example.com", find::report());
    });
}

#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn success_with_snippet() {
    let tested = settings(true);
    snapshots("success", &form_with(&tested), |app| {
        app.show_finished(tested.clone(), success_report());
    });
}

/// Sent without a sign-in to the server's own mailbox; an outside address refused.
#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn success_only_for_the_servers_own_mailboxes() {
    let tested = Settings {
        user_name: String::new(),
        password: Password::default(),
        ..settings(true)
    };
    let mut report = success_report();
    for step in &mut report.steps {
        if step.step == Step::Auth {
            step.status = StepStatus::Skipped;
            step.ms = 0;
        }
    }
    report.outside_recipient_reply = Some(Reply::new(
        554,
        "5.7.1 <outside-recipient-check@example.com>: Relay access denied",
    ));
    snapshots_at(
        "own_mailboxes_only",
        &form_with(&tested),
        &SIZES[1..],
        |harness| {
            harness
                .state_mut()
                .show_finished(tested.clone(), report.clone());
        },
    );
}

fn tls_required_report() -> SessionReport {
    SessionReport {
        steps: steps(&[
            (Step::Resolve, StepStatus::Passed, 3),
            (Step::Connect, StepStatus::Passed, 21),
            (Step::Greeting, StepStatus::Passed, 40),
            (Step::Ehlo, StepStatus::Passed, 18),
            (Step::StartTls, StepStatus::Skipped, 0),
            (Step::Auth, StepStatus::Skipped, 0),
            (Step::MailFrom, StepStatus::Failed, 19),
        ]),
        transcript: vec![
            line(Direction::Info, 0, false, "smtp.example.com is 192.0.2.25"),
            line(Direction::Info, 3, false, "connecting to 192.0.2.25:587"),
            line(
                Direction::Server,
                64,
                false,
                "220 smtp.example.com ESMTP ready",
            ),
            line(Direction::Client, 64, false, "EHLO shop-web01"),
            line(Direction::Server, 82, false, "250-smtp.example.com"),
            line(Direction::Server, 82, false, "250-STARTTLS"),
            line(Direction::Server, 82, false, "250 ENHANCEDSTATUSCODES"),
            line(
                Direction::Info,
                82,
                false,
                "enableSsl is false: the connection stays unencrypted",
            ),
            line(Direction::Client, 82, false, "MAIL FROM:<shop@example.com>"),
            line(
                Direction::Server,
                101,
                false,
                "530 5.7.0 Must issue a STARTTLS command first",
            ),
        ],
        server: ServerInfo {
            banner: Some("smtp.example.com ESMTP ready".into()),
            extensions: vec!["STARTTLS".into(), "ENHANCEDSTATUSCODES".into()],
            auth_mechanisms: Vec::new(),
        },
        error: Some(SessionError::Rejected {
            step: Step::MailFrom,
            reply: Reply::new(530, "5.7.0 Must issue a STARTTLS command first"),
        }),
        ..SessionReport::default()
    }
}

fn success_report() -> SessionReport {
    SessionReport {
        steps: steps(&[
            (Step::Resolve, StepStatus::Passed, 3),
            (Step::Connect, StepStatus::Passed, 21),
            (Step::Greeting, StepStatus::Passed, 40),
            (Step::Ehlo, StepStatus::Passed, 18),
            (Step::StartTls, StepStatus::Passed, 61),
            (Step::Auth, StepStatus::Passed, 112),
            (Step::MailFrom, StepStatus::Passed, 17),
            (Step::RcptTo, StepStatus::Passed, 16),
            (Step::Data, StepStatus::Passed, 58),
            (Step::Quit, StepStatus::Passed, 15),
        ]),
        transcript: vec![
            line(
                Direction::Server,
                64,
                false,
                "220 smtp.example.com ESMTP ready",
            ),
            line(Direction::Client, 64, false, "EHLO shop-web01"),
            line(Direction::Server, 82, false, "250 STARTTLS"),
            line(Direction::Client, 82, false, "STARTTLS"),
            line(Direction::Server, 99, false, "220 2.0.0 Ready to start TLS"),
            line(
                Direction::Info,
                143,
                true,
                "encrypted with TLS 1.3 (TLS13_AES_256_GCM_SHA384)",
            ),
            line(Direction::Client, 143, true, "AUTH LOGIN"),
            line(Direction::Server, 160, true, "334 VXNlcm5hbWU6"),
            line(Direction::Client, 160, true, "<redacted>"),
            line(Direction::Server, 178, true, "334 UGFzc3dvcmQ6"),
            line(Direction::Client, 178, true, "<redacted>"),
            line(
                Direction::Server,
                255,
                true,
                "235 2.7.0 Authentication successful",
            ),
            line(Direction::Client, 255, true, "MAIL FROM:<shop@example.com>"),
            line(Direction::Server, 272, true, "250 2.1.0 Ok"),
            line(Direction::Client, 272, true, "RCPT TO:<shop@example.com>"),
            line(Direction::Server, 288, true, "250 2.1.5 Ok"),
            line(Direction::Client, 288, true, "DATA"),
            line(
                Direction::Server,
                301,
                true,
                "354 End data with <CR><LF>.<CR><LF>",
            ),
            line(Direction::Info, 301, true, "the test message (1.2 KB)"),
            line(
                Direction::Server,
                346,
                true,
                "250 2.0.0 Ok: queued as 4XkQ2m1Zs7z",
            ),
            line(Direction::Client, 346, true, "QUIT"),
            line(Direction::Server, 361, true, "221 2.0.0 Bye"),
        ],
        tls: Some(TlsInfo {
            version: "TLS 1.3".into(),
            cipher: "TLS13_AES_256_GCM_SHA384".into(),
        }),
        message_id: Some("<20261129T101500Z.0a1b2c3d@shop-web01>".into()),
        ..SessionReport::default()
    }
}

/// Microsoft 365 with a password: it works, and the countdown card says until when, what the
/// site will log, and the ways out (the window's fonts: the provider note has arrows).
#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn microsoft_365_countdown() {
    let tested = Settings {
        host: "smtp.office365.com".into(),
        ..settings(true)
    };
    let mut form = form_with(&tested);
    form.preset = "microsoft365".into();
    snapshots_at("countdown", &form, &SIZES[..1], |harness| {
        mail_settings_tester::gui::install_fonts(&harness.ctx);
        harness.run();
        harness
            .state_mut()
            .show_finished(tested.clone(), success_report());
    });
}

/// The OAuth sign-in rows: Microsoft 365, a person signing in in the browser.
#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn oauth_sign_in_rows() {
    let tested = Settings {
        host: "smtp.office365.com".into(),
        ..settings(true)
    };
    let mut form = form_with(&tested);
    form.sign_in = mail_settings_tester::gui::SignInChoice::Microsoft;
    form.microsoft_person = true;
    form.settings.oauth_app.client_id = "0b7e5a2c-4d1f-4c8e-9a53-1f2e3d4c5b6a".into();
    form.settings.target = mail_settings_tester::settings::Target::Generic;
    snapshots_at("oauth_sign_in", &form, &SIZES[..1], |_| {});
}
