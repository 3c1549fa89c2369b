//! Whether this machine has a Japanese font for the window to draw Japanese with.
//!
//! A machine without one draws boxes (the README says which package to install), and the
//! tests that need the glyphs say so and stop. CI installs `fonts-ipafont-gothic` and sets
//! `MAILTESTER_REQUIRE_JAPANESE_FONT=1`, so there a missing font fails instead.

/// Whether fontconfig knows a font with Japanese glyphs (Linux; elsewhere, whether the test
/// may assume one).
pub fn available(test: &str) -> bool {
    let found = std::process::Command::new("fc-list")
        .arg(":lang=ja")
        .output()
        .is_ok_and(|output| !output.stdout.is_empty());
    if !found {
        assert!(
            std::env::var_os("MAILTESTER_REQUIRE_JAPANESE_FONT").is_none(),
            "{test}: no Japanese font (apt-get install fonts-ipafont-gothic)"
        );
        eprintln!("{test}: skipped, no Japanese font (apt-get install fonts-ipafont-gothic)");
    }
    found
}
