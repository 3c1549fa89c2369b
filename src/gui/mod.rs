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
mod data;
mod data_ui;
mod explain;
mod find;
mod find_handle;
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
mod result;
mod snippet_view;
mod style;
mod success;
mod transcript;
mod widgets;
mod window;
pub mod worker;

pub use app::MailTesterApp;
pub use form_state::FormState;

/// The window's title.
pub const TITLE: &str = "Mail Settings Tester";

/// The window could not open (no display, no OpenGL, ...).
#[derive(Debug, thiserror::Error)]
#[error("the window could not open: {0}")]
pub struct WindowError(#[from] eframe::Error);

/// Opens the window and runs until it is closed. Background work runs on `runtime`;
/// `started` is when the process began (for the start-up time report).
pub fn run(
    runtime: tokio::runtime::Handle,
    started: std::time::Instant,
) -> Result<(), WindowError> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(TITLE)
        .with_app_id("mail-settings-tester")
        .with_inner_size([1180.0, 780.0])
        .with_min_inner_size([900.0, 600.0]);
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("note: the window icon could not be loaded: {err}"),
    }
    // Measured under Xvfb + llvmpipe (README, "Benchmarks"): egui draws without depth, stencil
    // or multisample buffers, and each one costs resident memory at this window size (24-bit
    // depth + 8-bit stencil: +4 MiB, 4x MSAA: +18 MiB), so none is asked for. vsync, preferring
    // (not requiring, not refusing) a GPU, and persistence change nothing at idle.
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        depth_buffer: 0,
        stencil_buffer: 0,
        multisampling: 0,
        glow_options: eframe::egui_glow::GlowConfiguration {
            vsync: true,
            hardware_acceleration: eframe::egui_glow::HardwareAcceleration::Preferred,
            ..Default::default()
        },
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        TITLE,
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(MailTesterApp::new(cc, runtime).opened_at(started)))
        }),
    )
    .map_err(WindowError::from)
}
