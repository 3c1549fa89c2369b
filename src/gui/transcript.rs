//! The live transcript: collapsed until a test runs, then monospace rows coloured by direction,
//! a padlock on encrypted lines, and only the visible rows laid out, so ten thousand lines
//! scroll as smoothly as ten. Its height can be dragged; the window keeps it.

use std::fmt::Write as _;

use egui::{Button, CursorIcon, RichText, ScrollArea, Sense, TextStyle, Ui, vec2};

use super::command::{Command, FileCommand, ViewCommand};
use super::widgets::{self, Icon};
use super::worker::FilePurpose;
use super::{ids, style};
use crate::event::{Direction, TranscriptLine};

/// The smallest height the open transcript can be dragged to.
pub const MIN_HEIGHT: f32 = 120.0;

/// The transcript as plain text (for Copy and Save), in the same form the CLI prints.
pub fn transcript_text(lines: &[TranscriptLine]) -> String {
    let mut text = String::new();
    for line in lines {
        let _ = writeln!(text, "{:>6} ms {} {}", line.ms, line.mark(), line.text);
    }
    text
}

/// The height the user dragged the transcript to, if they did.
pub fn dragged_height(ui: &Ui) -> Option<f32> {
    ui.data_mut(|d| d.get_persisted::<f32>(height_id()))
}

fn height_id() -> egui::Id {
    ids::id("transcript height")
}

/// The height of the title row in the last frame (for the room the closed transcript keeps).
pub fn title_height(ui: &Ui) -> f32 {
    ui.data(|d| d.get_temp::<f32>(ids::id("transcript title height")))
        .unwrap_or(40.0)
}

/// The handle between the result and the open transcript: drag to resize (the height is
/// kept), double-click to let the transcript take the room left again. `bottom`: where the
/// transcript ends.
pub fn resize_handle(ui: &mut Ui, bottom: f32, max: f32) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), 10.0), Sense::click_and_drag());
    if response.dragged()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let height = (bottom - pointer.y).clamp(MIN_HEIGHT, max.max(MIN_HEIGHT));
        ui.data_mut(|d| d.insert_persisted(height_id(), height));
    }
    if response.double_clicked() {
        ui.data_mut(|d| d.remove::<f32>(height_id()));
    }
    let active = response.hovered() || response.dragged();
    if active {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical);
    }
    let stroke = if active {
        ui.visuals().widgets.hovered.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let y = rect.center().y;
    ui.painter().hline(
        rect.x_range(),
        y,
        egui::Stroke::new(stroke.width.max(1.0), stroke.color),
    );
}

/// Draws the transcript's title row (the open/close toggle, Copy, Save and Export) and, when
/// `open`, the legend and the lines, filling the room left.
///
/// `report_in_english`: whether the report is written in English, offered (`Some`) when the
/// window speaks another language.
pub fn transcript_ui(
    ui: &mut Ui,
    lines: &[TranscriptLine],
    finished: bool,
    open: bool,
    report_in_english: Option<bool>,
    commands: &mut Vec<Command>,
) {
    let height = widgets::title_and_actions(
        ui,
        "transcript",
        commands,
        |ui, commands| title_ui(ui, lines.len(), open, commands),
        |ui, commands| actions_ui(ui, lines, finished, report_in_english, commands),
    );
    let before = title_height(ui);
    if (before - height).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(ids::id("transcript title height"), height));
        ui.ctx().request_repaint();
    }
    if !open {
        return;
    }
    legend_ui(ui);
    let row_height = ui.text_style_height(&TextStyle::Monospace) + 5.0;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            ScrollArea::both()
                .id_salt("transcript")
                .auto_shrink([false, false])
                .stick_to_bottom(true)
                .show_rows(ui, row_height, lines.len(), |ui, range| {
                    for line in lines.get(range).unwrap_or_default() {
                        line_ui(ui, line, row_height);
                    }
                });
        });
}

/// The toggle: a disclosure triangle and the title, with the number of lines.
fn title_ui(ui: &mut Ui, count: usize, open: bool, commands: &mut Vec<Command>) {
    let side = ui.text_style_height(&TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(vec2(side * 0.8, side), Sense::hover());
    let color = ui.visuals().text_color();
    let c = rect.center();
    let r = side * 0.28;
    let points = if open {
        vec![
            c + vec2(-r, -r * 0.6),
            c + vec2(r, -r * 0.6),
            c + vec2(0.0, r * 0.8),
        ]
    } else {
        vec![
            c + vec2(-r * 0.6, -r),
            c + vec2(-r * 0.6, r),
            c + vec2(r * 0.8, 0.0),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
    let title = RichText::new(crate::tr!("What the server said"))
        .size(17.0)
        .strong();
    let title = Button::new(title).frame(false);
    let hover = if open {
        crate::tr!("Hide the server's replies")
    } else {
        crate::tr!("Show every line we sent and the server answered")
    };
    if ids::add(ui, "toggle_transcript", title)
        .on_hover_text(hover)
        .clicked()
    {
        commands.push(Command::View(ViewCommand::ShowTranscript(!open)));
    }
    let count = match count {
        0 => crate::tr!("nothing yet"),
        1 => crate::tr!("1 line"),
        n => crate::tr!("{n} lines", n = n),
    };
    ui.label(RichText::new(count).weak());
}

fn actions_ui(
    ui: &mut Ui,
    lines: &[TranscriptLine],
    finished: bool,
    report_in_english: Option<bool>,
    commands: &mut Vec<Command>,
) {
    let enabled = !lines.is_empty();
    if ids::add_enabled(
        ui,
        "copy_transcript",
        enabled,
        Button::new(crate::tr!("Copy transcript")),
    )
    .clicked()
    {
        commands.push(Command::View(ViewCommand::Copy {
            text: transcript_text(lines),
            what: "transcript",
        }));
    }
    if ids::add_enabled(
        ui,
        "save_transcript",
        enabled,
        Button::new(crate::tr!("Save transcript…")),
    )
    .clicked()
    {
        commands.push(Command::File(FileCommand::Choose(
            FilePurpose::SaveTranscript,
        )));
    }
    let export = Button::new(crate::tr!("Export report…"));
    if ids::add_enabled(ui, "export_report", finished, export)
        .on_hover_text(crate::tr!(
            "Everything support needs (settings without the password, the steps, this \
             transcript, the diagnosis) in one file"
        ))
        .clicked()
    {
        commands.push(Command::File(FileCommand::Choose(FilePurpose::SaveReport)));
    }
    if let Some(mut in_english) = report_in_english {
        let before = in_english;
        ids::add(
            ui,
            "report_in_english",
            egui::Checkbox::new(&mut in_english, crate::tr!("Report in English")),
        )
        .on_hover_text(crate::tr!(
            "Write the exported report in English, for a support desk that reads English"
        ));
        if in_english != before {
            commands.push(Command::View(ViewCommand::ReportInEnglish(in_english)));
        }
    }
}

/// What the marks mean, at body size.
fn legend_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        let weak = ui.visuals().weak_text_color();
        ui.label(RichText::new("->").monospace().color(style::client(ui)));
        ui.label(RichText::new(crate::tr!("we sent")).color(weak));
        ui.add_space(8.0);
        ui.label(RichText::new("<-").monospace().color(style::server(ui)));
        ui.label(RichText::new(crate::tr!("the server answered")).color(weak));
        ui.add_space(8.0);
        widgets::icon(ui, Icon::Padlock, weak);
        ui.label(RichText::new("~> <~").monospace().color(weak));
        ui.label(RichText::new(crate::tr!("encrypted")).color(weak));
        ui.add_space(8.0);
        ui.label(RichText::new(crate::tr!("Passwords are always hidden.")).color(weak));
    });
}

fn line_ui(ui: &mut Ui, line: &TranscriptLine, row_height: f32) {
    let color = match line.dir {
        Direction::Client => style::client(ui),
        // A refusal (4xx, 5xx) reads as one.
        Direction::Server if line.text.starts_with(['4', '5']) => style::bad(ui),
        Direction::Server => style::server(ui),
        Direction::Info => ui.visuals().weak_text_color(),
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.set_height(row_height);
        let weak = ui.visuals().weak_text_color();
        ui.label(
            RichText::new(format!("{:>6} ms", line.ms))
                .monospace()
                .color(weak),
        );
        let (rect, _) = ui.allocate_exact_size(vec2(row_height, row_height), Sense::hover());
        if line.encrypted && line.dir != Direction::Info {
            widgets::paint(ui, rect, Icon::Padlock, weak);
        }
        let mut rich = RichText::new(format!("{} {}", line.mark(), line.text))
            .monospace()
            .color(color);
        if line.dir == Direction::Info {
            rich = rich.italics();
        }
        ui.add(egui::Label::new(rich).extend());
    });
}
