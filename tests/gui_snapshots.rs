//! Image snapshots of the window, rendered headless (wgpu on a software Vulkan): the form, a
//! diagnosis card and a success with its snippet. The finished tests are built by hand so the
//! pixels never depend on network timing. Refresh with `UPDATE_SNAPSHOTS=1 cargo test`.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use mail_settings_tester::event::{
    Direction, ServerInfo, Step, StepRecord, StepStatus, TlsInfo, TranscriptLine,
};
use mail_settings_tester::gui::{FormState, MailTesterApp};
use mail_settings_tester::reply::Reply;
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{SessionError, SessionReport};
use mail_settings_tester::settings::Settings;

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

fn harness(form: FormState) -> (tokio::runtime::Runtime, Harness<'static, MailTesterApp>) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let handle = runtime.handle().clone();
    let harness = Harness::builder()
        .with_size([1180.0, 780.0])
        .build_eframe(move |cc| MailTesterApp::with_form(&cc.egui_ctx, handle, form));
    (runtime, harness)
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
fn snapshot_form() {
    let (_runtime, mut harness) = harness(form_with(&settings(true)));
    harness.run_steps(3);
    harness.snapshot("form");
}

#[test]
fn snapshot_diagnosis_card() {
    let tested = settings(false);
    let (_runtime, mut harness) = harness(form_with(&tested));
    let report = SessionReport {
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
    };
    harness.state_mut().show_finished(tested, report);
    harness.run_steps(3);
    harness.snapshot("diagnosis_card");
}

#[test]
fn snapshot_success_with_snippet() {
    let tested = settings(true);
    let (_runtime, mut harness) = harness(form_with(&tested));
    let report = SessionReport {
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
            line(Direction::Client, 255, true, "QUIT"),
            line(Direction::Server, 270, true, "221 2.0.0 Bye"),
        ],
        tls: Some(TlsInfo {
            version: "TLS 1.3".into(),
            cipher: "TLS13_AES_256_GCM_SHA384".into(),
        }),
        message_id: Some("<20261129T101500Z.0a1b2c3d@shop-web01>".into()),
        ..SessionReport::default()
    };
    harness.state_mut().show_finished(tested, report);
    harness.run_steps(3);
    harness.snapshot("success_with_snippet");
}
