//! The live transcript: monospace, coloured by direction, a lock on encrypted lines, and only
//! the visible rows laid out, so ten thousand lines scroll as smoothly as ten.

use std::fmt::Write as _;

use egui::{RichText, ScrollArea, TextStyle, Ui};

use super::command::{Command, FileCommand, ViewCommand};
use super::worker::FilePurpose;
use super::{ids, style};
use crate::event::{Direction, TranscriptLine};

/// The transcript as plain text (for Copy and Save), in the same form the CLI prints.
pub fn transcript_text(lines: &[TranscriptLine]) -> String {
    let mut text = String::new();
    for line in lines {
        let _ = writeln!(text, "{:>6} ms {} {}", line.ms, line.mark(), line.text);
    }
    text
}

/// Draws the transcript panel with its Copy and Save buttons.
pub fn transcript_ui(
    ui: &mut Ui,
    lines: &[TranscriptLine],
    finished: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading("What the server said");
        ui.label(RichText::new(format!("{} lines", lines.len())).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let enabled = !lines.is_empty();
            if ids::add_enabled(ui, "export_report", finished, egui::Button::new("Export report…"))
                .on_hover_text("Everything support needs (settings without the password, the steps, this transcript, the diagnosis) in one file")
                .clicked()
            {
                commands.push(Command::File(FileCommand::Choose(FilePurpose::SaveReport)));
            }
            if ids::add_enabled(ui, "save_transcript", enabled, egui::Button::new("Save transcript…"))
                .clicked()
            {
                commands.push(Command::File(FileCommand::Choose(FilePurpose::SaveTranscript)));
            }
            if ids::add_enabled(ui, "copy_transcript", enabled, egui::Button::new("Copy transcript"))
                .clicked()
            {
                commands.push(Command::View(ViewCommand::Copy {
                    text: transcript_text(lines),
                    what: "transcript",
                }));
            }
        });
    });
    ui.label(
        RichText::new(
            "-> we sent   <- the server answered   🔒 encrypted   passwords are always hidden",
        )
        .weak()
        .small(),
    );
    let row_height = ui.text_style_height(&TextStyle::Monospace) + 2.0;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ScrollArea::both()
                .id_salt("transcript")
                .auto_shrink([false, false])
                .stick_to_bottom(true)
                .show_rows(ui, row_height, lines.len(), |ui, range| {
                    for line in lines.get(range).unwrap_or_default() {
                        line_ui(ui, line);
                    }
                });
        });
}

fn line_ui(ui: &mut Ui, line: &TranscriptLine) {
    let color = match line.dir {
        Direction::Client => style::client(ui),
        Direction::Server => style::server(ui),
        Direction::Info => ui.visuals().weak_text_color(),
    };
    let lock = if line.encrypted && line.dir != Direction::Info {
        "🔒"
    } else {
        "  "
    };
    let text = format!("{:>6} ms {lock} {} {}", line.ms, line.mark(), line.text);
    let mut rich = RichText::new(text).monospace().color(color);
    if line.dir == Direction::Info {
        rich = rich.italics();
    }
    ui.add(egui::Label::new(rich).extend());
}
