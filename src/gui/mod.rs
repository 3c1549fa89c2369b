//! The desktop window (feature `gui`): a thin face over the engine.
//!
//! The UI thread only draws and reacts: tests, file dialogs and file writes run on the tokio
//! runtime and come back as messages that wake the window (see [`worker`]). When nothing
//! happens, nothing is repainted.

mod app;
mod app_data;
mod arrive;
mod arrive_handle;
mod background;
mod certificate_view;
mod checklist;
mod clipboard;
mod command;
mod countdown;
mod data;
mod data_ui;
mod explain;
mod file_purpose;
mod find;
mod find_handle;
mod find_sources;
mod fleet;
mod fleet_handle;
mod fleet_result;
mod fleet_rows;
mod fleet_words;
mod fonts;
mod form;
mod form_advanced;
mod form_rows;
mod form_state;
mod handle;
mod ids;
mod inbox;
mod inbox_handle;
mod intro;
mod oauth;
mod oauth_rows;
mod preferences;
mod renderer;
mod result;
mod snippet_view;
mod style;
mod success;
mod texts;
mod transcript;
mod widgets;
mod window;
pub mod worker;

pub use app::MailTesterApp;
pub use form_state::{FormState, SignInChoice};
pub use oauth::Browser;
pub use renderer::{RENDERER_ENV, Renderer, WindowError};

/// The window's title.
pub const TITLE: &str = "Mail Settings Tester";

/// The id of the widget named `key` in the window (`"copy_snippet"`, `"open_explain"`,
/// `"explain_paste"`, …): the same in every frame, for tools and tests that drive the real
/// window.
pub fn widget_id(key: &str) -> egui::Id {
    ids::id(key)
}

/// Sets up the window's fonts on `ctx` (tests that show text with arrows: the provider notes).
pub fn install_fonts(ctx: &egui::Context) {
    fonts::install(ctx);
}

/// Opens the window and runs until it is closed. Background work runs on `runtime`;
/// `started` is when the process began (for the start-up time report); `language` is
/// `--lang`, which wins over the window's remembered choice for this run.
pub fn run(
    runtime: &tokio::runtime::Handle,
    started: std::time::Instant,
    language: Option<crate::i18n::Language>,
) -> Result<(), WindowError> {
    renderer::open_with_fallback(|renderer| {
        let runtime = runtime.clone();
        if std::env::var_os("MAILTESTER_REPORT_FIRST_FRAME").is_some() {
            eprintln!("renderer: {renderer}");
        }
        eframe::run_native(
            TITLE,
            native_options(renderer),
            Box::new(move |cc| {
                fonts::install(&cc.egui_ctx);
                let app = MailTesterApp::new(cc, runtime).in_language(language);
                Ok(Box::new(app.opened_at(started)))
            }),
        )
    })
}

/// How the window opens: its size (the first window fits a 1366×768 screen with a taskbar),
/// its icon, and how `renderer` draws it.
pub fn native_options(renderer: Renderer) -> eframe::NativeOptions {
    let (renderer, backends) = renderer.eframe();
    let mut wgpu_options = eframe::egui_wgpu::WgpuConfiguration::default();
    if let Some(backends) = backends {
        let mut setup = eframe::egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup.instance_descriptor.backends = backends;
        wgpu_options.wgpu_setup = eframe::egui_wgpu::WgpuSetup::CreateNew(setup);
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(TITLE)
        .with_app_id("mail-settings-tester")
        .with_inner_size(FIRST_SIZE)
        .with_min_inner_size([900.0, 600.0]);
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("note: the window icon could not be loaded: {err}"),
    }
    // Measured under Xvfb + llvmpipe (README, "Benchmarks"): egui draws without depth, stencil
    // or multisample buffers, and each one costs resident memory at this window size (24-bit
    // depth + 8-bit stencil: +4 MiB, 4x MSAA: +18 MiB), so none is asked for. vsync, preferring
    // (not requiring, not refusing) a GPU, and persistence change nothing at idle.
    eframe::NativeOptions {
        viewport,
        renderer,
        depth_buffer: 0,
        stencil_buffer: 0,
        multisampling: 0,
        glow_options: eframe::egui_glow::GlowConfiguration {
            vsync: true,
            hardware_acceleration: eframe::egui_glow::HardwareAcceleration::Preferred,
            ..Default::default()
        },
        wgpu_options,
        persist_window: true,
        // The event loop is kept for a second try with the other renderer.
        run_and_return: true,
        ..Default::default()
    }
}

/// The window's size the first time (later, the size it was closed at): 1180×680 points fits
/// a 1366×768 screen with the Windows taskbar and the title bar at 100 % scale.
pub const FIRST_SIZE: [f32; 2] = [1180.0, 680.0];
