//! The real window of the Windows build (winit, OpenGL or Vulkan, the system clipboard), run
//! under Wine and Xvfb by `scripts/windows.sh test`: after a test that worked against our SMTP
//! server, Copy puts the web.config block on the Windows clipboard, where another Windows
//! program (`clipboard.exe`: `OpenClipboard`/`GetClipboardData`) reads it; and what that program
//! puts there, "Paste and explain" takes into the Explain box. The clicks go into egui's input
//! (the window cannot be driven over UI Automation under Wine); the clipboard is the real one.

#![cfg(all(windows, feature = "gui"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::process::Command;
use std::sync::{Arc, Mutex};

use mail_settings_tester::gui::{self, FormState, MailTesterApp, Renderer};
use mail_settings_tester::session::{Goal, run_session};
use mail_settings_tester::settings::Settings;
use support::smtp_server::{ServerConfig, TestServer};
use tokio_util::sync::CancellationToken;
use winit::platform::windows::EventLoopBuilderExtWindows as _;

const PASTED: &str = "530 5.7.0 Must issue a STARTTLS command first";

/// `clipboard.exe` (built by `scripts/windows.sh setup`), reading or writing the clipboard.
fn clipboard_tool(args: &[&str]) -> String {
    let tool = std::env::var("MAILTESTER_WINDOWS_CLIPBOARD_TOOL")
        .expect("scripts/windows.sh test sets MAILTESTER_WINDOWS_CLIPBOARD_TOOL");
    let output = Command::new(tool).args(args).output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The steps the test takes, one frame or more each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    ClickCopy,
    ReadClipboard,
    OpenExplain,
    PasteAndExplain,
    WaitForPaste,
    Done,
}

/// What the test saw, for the assertions after the window closed.
#[derive(Debug, Default)]
struct Seen {
    copied: Option<String>,
    snippet: Option<String>,
    pasted: Option<String>,
}

/// Wraps the real app: clicks its buttons through egui's input and watches the clipboard.
struct Driver {
    app: MailTesterApp,
    step: Step,
    /// Events for the next frame's input.
    input: Vec<egui::Event>,
    /// Frames spent on the current step (each step is bounded).
    frames: u32,
    seen: Arc<Mutex<Seen>>,
}

impl Driver {
    /// Presses and releases the pointer on the widget named `key`, if it is on screen.
    fn click(&mut self, ctx: &egui::Context, key: &str) -> bool {
        let Some(response) = ctx.read_response(gui::widget_id(key)) else {
            return false;
        };
        let pos = response.rect.center();
        let button = |pressed| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        self.input
            .extend([egui::Event::PointerMoved(pos), button(true), button(false)]);
        true
    }

    fn next(&mut self, step: Step) {
        self.step = step;
        self.frames = 0;
    }
}

impl eframe::App for Driver {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        let ctx = ui.ctx().clone();
        self.frames += 1;
        assert!(self.frames < 600, "stuck at {:?}", self.step);
        let click = match self.step {
            Step::ClickCopy => Some(("copy_snippet", Step::ReadClipboard)),
            Step::OpenExplain => Some(("open_explain", Step::PasteAndExplain)),
            // The Explain window sizes itself on its first frames.
            Step::PasteAndExplain if self.frames > 3 => Some(("explain_paste", Step::WaitForPaste)),
            _ => None,
        };
        if let Some((key, then)) = click
            && self.click(&ctx, key)
        {
            self.next(then);
        }
        match self.step {
            // Copy lands on the clipboard at the end of the frame that handled the click.
            Step::ReadClipboard if self.frames > 3 => {
                let copied = clipboard_tool(&["get"]);
                if copied.contains("<mailSettings>") || self.frames > 300 {
                    let mut seen = self.seen.lock().unwrap();
                    seen.copied = Some(copied);
                    seen.snippet = self
                        .app
                        .outcome()
                        .and_then(|outcome| outcome.snippet())
                        .map(|snippet| snippet.text.clone());
                    drop(seen);
                    clipboard_tool(&["set", PASTED]);
                    self.next(Step::OpenExplain);
                }
            }
            Step::WaitForPaste if self.app.explain_text() == PASTED || self.frames > 300 => {
                self.seen.lock().unwrap().pasted = Some(self.app.explain_text().to_owned());
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                self.next(Step::Done);
            }
            _ => {}
        }
        ctx.request_repaint();
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.events.append(&mut self.input);
    }
}

#[test]
#[ignore = "needs a display and clipboard.exe: scripts/windows.sh test runs it under Wine and Xvfb"]
fn copy_and_paste_go_through_the_windows_clipboard() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let settings = Settings {
        host: "localhost".into(),
        port: u32::from(server.port()),
        enable_ssl: false,
        from: "site@example.com".into(),
        ..Settings::default()
    };
    let plan = settings.check().unwrap();
    let report = runtime.block_on(run_session(
        &plan,
        Goal::Send,
        &|_| {},
        CancellationToken::new(),
    ));
    assert!(report.error.is_none(), "{:?}", report.error);

    let seen = Arc::new(Mutex::new(Seen::default()));
    let mut options = gui::native_options(Renderer::OpenGl);
    options.event_loop_builder = Some(Box::new(|builder| {
        builder.with_any_thread(true);
    }));
    let handle = runtime.handle().clone();
    let driver_seen = seen.clone();
    let result = eframe::run_native(
        gui::TITLE,
        options,
        Box::new(move |cc| {
            let mut app = MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default());
            app.show_finished(settings, report);
            Ok(Box::new(Driver {
                app,
                step: Step::ClickCopy,
                input: Vec::new(),
                frames: 0,
                seen: driver_seen,
            }))
        }),
    );
    result.unwrap();
    let seen = seen.lock().unwrap();
    let snippet = seen.snippet.clone().expect("the success card's snippet");
    let copied = seen.copied.clone().unwrap_or_default();
    // Windows programs read CRLF or LF alike; the text itself must be the block.
    assert_eq!(copied.replace("\r\n", "\n"), snippet.replace("\r\n", "\n"));
    assert!(
        copied.contains(&format!("port=\"{}\"", server.port())),
        "{copied}"
    );
    assert_eq!(seen.pasted.as_deref(), Some(PASTED));
}
