//! The desktop window (feature `gui`): a thin face over the engine.
//!
//! The UI thread only draws and reacts: tests, file dialogs and file writes run on the tokio
//! runtime and come back as messages that wake the window (see [`worker`]). When nothing
//! happens, nothing is repainted.

mod app;
mod app_data;
mod checklist;
mod command;
mod data;
mod data_ui;
mod explain;
mod form;
mod form_advanced;
mod form_state;
mod handle;
mod ids;
mod result;
mod snippet_view;
mod style;
mod transcript;
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
        .with_min_inner_size([820.0, 540.0]);
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("note: the window icon could not be loaded: {err}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        TITLE,
        options,
        Box::new(move |cc| Ok(Box::new(MailTesterApp::new(cc, runtime).opened_at(started)))),
    )
    .map_err(WindowError::from)
}
