//! Fonts and the glyph atlas: what the window loads to draw text, and what that costs.
//!
//! The fonts are egui's bundled ones (feature `monochrome_emoji_fonts`): Ubuntu Light for
//! text, Hack for the transcript and snippets, egui's icons, and two monochrome emoji fonts as
//! the last fallback, so an emoji in a server's reply or a pasted log is drawn rather than a
//! box. For the scripts they lack (Japanese), the system's own fonts are looked up on first
//! use. They are compiled into the binary and parsed in place: only the pages a lookup reads
//! become resident, and a glyph is rasterized the first time it is drawn. Dropping the emoji
//! fonts saved nothing measurable at idle (README, "Benchmarks"), so they stay.
//!
//! Ubuntu Light has no arrows, and the provider notes and diagnoses say "Settings → SMTP":
//! Hack, loaded anyway, is the proportional text's first fallback, so `→` is an arrow, not a
//! box (a test below checks every character our sources can show).
//!
//! What does cost memory is the glyph atlas: egui makes it as wide as the GL driver allows
//! (16384 texels on Mesa's llvmpipe, so 16384 × 32 RGBA = 2 MiB before a single row is full),
//! and it is held twice, once by egui and once as the driver's texture. [`install`] caps its
//! side at [`MAX_ATLAS_SIDE`], egui's own portable default: the atlas then starts at
//! 2048 × 32 and grows only as far as the glyphs on show need.

use egui::{Context, FontDefinitions, FontFamily, RawInput};

/// The widest glyph atlas the window asks for (texels). egui's default when a backend reports
/// nothing; every GL implementation supports it.
pub const MAX_ATLAS_SIDE: usize = 2048;

/// Sets up text for the window: the fonts, the system's fonts for what they lack, and the
/// glyph-atlas cap.
pub fn install(ctx: &Context) {
    ctx.set_fonts(definitions());
    ctx.set_font_providers(vec![system_fonts()]);
    ctx.add_plugin(AtlasCap);
}

/// The system's fonts, asked only for characters the bundled fonts lack: Japanese above all
/// (Meiryo or Yu Gothic on Windows, Hiragino on macOS, Noto CJK or IPA fonts on Linux). They
/// are preferred as Japanese fonts, so a kanji is drawn in its Japanese form, not the Chinese
/// one. A machine with no such font draws boxes; the README says which package to install.
fn system_fonts() -> std::sync::Arc<dyn egui::FontProvider> {
    std::sync::Arc::new(
        egui_system_font_provider::SystemFontProvider::new().with_locale(Some("ja")),
    )
}

/// egui's bundled fonts, with Hack right after Ubuntu Light for proportional text (arrows).
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    if let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional)
        && !proportional.iter().any(|name| name == "Hack")
    {
        let at = usize::from(!proportional.is_empty());
        proportional.insert(at, "Hack".to_owned());
    }
    fonts
}

/// Lowers the maximum texture side the backend reports before egui sizes its glyph atlas.
struct AtlasCap;

impl egui::Plugin for AtlasCap {
    fn debug_name(&self) -> &'static str {
        "mailtester::fonts::AtlasCap"
    }

    fn input_hook(&mut self, _ctx: &Context, input: &mut RawInput) {
        cap(input);
    }
}

/// Caps what the backend reports; never raises it, and leaves "not reported" alone.
fn cap(input: &mut RawInput) {
    input.max_texture_side = input.max_texture_side.map(|side| side.min(MAX_ATLAS_SIDE));
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use egui::FontId;
    use egui::epaint::text::{Fonts, TextOptions};

    use super::*;

    /// Runs one pass with `reported` as the backend's maximum texture side.
    fn side_after_pass(reported: Option<usize>) -> usize {
        let ctx = Context::default();
        install(&ctx);
        let input = RawInput {
            max_texture_side: reported,
            ..RawInput::default()
        };
        ctx.run_ui(input, |_ui| {}).drop_without_applying_deltas();
        ctx.input(|i| i.max_texture_side)
    }

    #[test]
    fn the_atlas_is_capped_never_raised() {
        assert_eq!(side_after_pass(Some(16_384)), MAX_ATLAS_SIDE);
        assert_eq!(side_after_pass(Some(1024)), 1024);
        assert_eq!(side_after_pass(None), 2048, "egui's default stays");
    }

    #[test]
    fn hack_follows_ubuntu_light_once() {
        let fonts = definitions();
        let proportional = &fonts.families[&FontFamily::Proportional];
        assert_eq!(proportional[..2], ["Ubuntu-Light", "Hack"]);
        assert_eq!(proportional.iter().filter(|n| *n == "Hack").count(), 1);
    }

    /// Every character outside ASCII in the code our sources can put on screen (the window's
    /// words, the diagnosis texts, the provider notes, ...; comments and tests left out) and in
    /// every translation but Japanese has a glyph in the fonts we bundle, in both families:
    /// none is drawn as a box, whatever fonts the system has.
    #[test]
    fn the_fonts_cover_every_character_we_write() {
        let mut fonts = Fonts::new(TextOptions::default(), definitions());
        let mut chars = BTreeSet::new();
        collect_chars(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut chars,
        );
        assert!(chars.contains(&'→'), "the scan found the provider notes");
        // The translations, except Japanese (drawn with the system's fonts, tested apart).
        for language in crate::i18n::Language::ALL {
            if language != crate::i18n::Language::Japanese {
                let messages = crate::i18n::source(language).lines();
                let text = messages.filter(|line| !line.starts_with('#'));
                chars.extend(text.flat_map(str::chars).filter(|c| !c.is_ascii()));
            }
        }
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let id = FontId::new(14.0, family);
            // Japanese (the Language list names it in its own script) comes from the
            // system's fonts: `tests/gui/languages.rs` checks those.
            let japanese = |c: char| ('\u{3000}'..='\u{9fff}').contains(&c);
            let missing: String = chars
                .iter()
                .filter(|c| !japanese(**c) && !fonts.has_glyph(&id, **c))
                .collect();
            assert!(missing.is_empty(), "no glyph in {id:?} for {missing:?}");
        }
    }

    /// The non-ASCII characters of the code in `dir`: no test modules or files, no comments.
    fn collect_chars(dir: &Path, chars: &mut BTreeSet<char>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with("tests") {
                continue;
            }
            if path.is_dir() {
                collect_chars(&path, chars);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                let code = text
                    .lines()
                    .take_while(|line| line.trim() != "#[cfg(test)]")
                    .filter(|line| !line.trim_start().starts_with("//"));
                chars.extend(code.flat_map(str::chars).filter(|c| !c.is_ascii()));
            }
        }
    }
}
