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
