//! The window in German, Japanese and the pseudo-locale (English, accented and a third longer)
//! at the smallest size, 900×600: the first start, the origin failure and a success. Long
//! words must wrap, not run out of their card; Japanese must be drawn, not boxes.

use mail_settings_tester::i18n::Language;

use super::{form_with, settings, snapshots_at, success_report, tls_required_report};
use mail_settings_tester::gui::FormState;

const SMALLEST: [(f32, f32); 1] = [(900.0, 600.0)];

fn in_language(name: &str, language: Language) {
    let code = language.code();
    snapshots_at(
        &format!("{name}_{code}"),
        &FormState::default(),
        &SMALLEST,
        |harness| harness.state_mut().choose_language(Some(language)),
    );
    let failed = settings(false);
    snapshots_at(
        &format!("failure_{code}"),
        &form_with(&failed),
        &SMALLEST,
        |harness| {
            let app = harness.state_mut();
            app.choose_language(Some(language));
            app.show_finished(failed.clone(), tls_required_report());
        },
    );
    let worked = settings(true);
    snapshots_at(
        &format!("success_{code}"),
        &form_with(&worked),
        &SMALLEST,
        |harness| {
            let app = harness.state_mut();
            app.choose_language(Some(language));
            app.show_finished(worked.clone(), success_report());
        },
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn the_window_in_german() {
    in_language("first_start", Language::German);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn the_window_in_japanese() {
    if !super::japanese_font::available("the_window_in_japanese") {
        return;
    }
    in_language("first_start", Language::Japanese);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "pixels rendered by wgpu on Linux's lavapipe and compared with PNGs made there: under Wine egui_kittest finds no wgpu adapter"
)]
fn the_window_in_the_pseudo_locale() {
    in_language("first_start", Language::Pseudo);
}

/// In every language and the pseudo-locale, at the smallest and the usual size, in the first
/// start, the origin failure and a success: nothing the window shows runs past its right edge
/// (long words wrap instead). Japanese only where the system has a Japanese font.
#[test]
#[cfg_attr(
    windows,
    ignore = "egui_kittest renders with wgpu, which finds no adapter under Wine"
)]
fn no_language_runs_off_the_window() {
    use egui_kittest::kittest::Queryable as _;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut languages = Language::ALL.to_vec();
    languages.push(Language::Pseudo);
    if !super::japanese_font::available("no_language_runs_off_the_window (Japanese)") {
        languages.retain(|language| *language != Language::Japanese);
    }
    let mut overflows = Vec::new();
    for language in languages {
        for (width, height) in [(900.0, 600.0), (1280.0, 800.0)] {
            for state in ["first start", "failure", "success"] {
                let handle = runtime.handle().clone();
                let mut harness = egui_kittest::Harness::builder()
                    .with_size([width, height])
                    .build_eframe(move |cc| {
                        mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
                        mail_settings_tester::gui::MailTesterApp::with_form(
                            &cc.egui_ctx,
                            handle,
                            FormState::default(),
                        )
                        .in_language(Some(language))
                    });
                match state {
                    "failure" => harness
                        .state_mut()
                        .show_finished(settings(false), tls_required_report()),
                    "success" => harness
                        .state_mut()
                        .show_finished(settings(true), success_report()),
                    _ => {}
                }
                harness.run();
                // Left out: the text inside a one-line text box (the box scrolls it) and the
                // snippet's code view (it scrolls sideways: configuration lines never wrap).
                let shown = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
                    node.bounding_box().is_some()
                        && node.role() != egui::accesskit::Role::TextRun
                        && !node
                            .value()
                            .is_some_and(|value| value.starts_with("<system.net>"))
                };
                for node in harness.query_all_by(shown) {
                    let rect = node.rect();
                    if rect.max.x > width + 8.0 || rect.min.x < -8.0 {
                        overflows.push(format!(
                            "{language} {width}×{height} {state}: {:?} at x {:.0}–{:.0}",
                            format!("{node:?}").chars().take(120).collect::<String>(),
                            rect.min.x,
                            rect.max.x
                        ));
                    }
                }
            }
        }
    }
    assert!(overflows.is_empty(), "{}", overflows.join("\n"));
}
