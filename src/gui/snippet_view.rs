//! The web.config snippet: syntax-coloured, with Copy, Save as… and the password toggle.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Ui};

use super::command::Command;
use super::style;
use super::worker::FilePurpose;
use crate::snippet::Snippet;

/// Draws the snippet panel.
pub fn snippet_ui(
    ui: &mut Ui,
    snippet: &Snippet,
    include_password: &mut bool,
    commands: &mut Vec<Command>,
) {
    ui.add_space(8.0);
    ui.label(
        RichText::new("Paste this into your web.config")
            .size(17.0)
            .strong(),
    );
    ui.label(
        "Put it inside <configuration>, replacing any <system.net> block that is already there.",
    );
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new("Copy").size(15.0).strong())
            .clicked()
        {
            commands.push(Command::Copy {
                text: snippet.text.clone(),
                what: "web.config snippet",
            });
        }
        if ui.button("Save as…").clicked() {
            commands.push(Command::ChooseFile(FilePurpose::SaveSnippet));
        }
        ui.checkbox(include_password, "Include password");
    });
    ui.label(
        RichText::new(
            "Off by default, so you can share the snippet safely. web.config keeps the password in plain text.",
        )
        .weak()
        .small(),
    );
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(highlight(ui, &snippet.text)).selectable(true));
        });
    for warning in &snippet.warnings {
        ui.colored_label(style::warn(ui), format!("Note: {warning}"));
    }
}

/// Colours XML: tags, attribute names and values.
fn highlight(ui: &Ui, xml: &str) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let tag = if dark {
        Color32::from_rgb(120, 170, 255)
    } else {
        Color32::from_rgb(30, 70, 170)
    };
    let name = if dark {
        Color32::from_rgb(230, 180, 110)
    } else {
        Color32::from_rgb(150, 80, 0)
    };
    let value = style::server(ui);
    let plain = ui.visuals().text_color();
    let font = FontId::monospace(13.0);
    let mut job = LayoutJob::default();
    let mut push = |text: &str, color: Color32| {
        if !text.is_empty() {
            job.append(text, 0.0, TextFormat::simple(font.clone(), color));
        }
    };
    let mut in_tag = false;
    let mut in_value = false;
    let mut token = String::new();
    for ch in xml.chars() {
        match ch {
            '"' if in_tag => {
                if in_value {
                    token.push(ch);
                    push(&token, value);
                    token.clear();
                } else {
                    push(&token, name);
                    token.clear();
                    token.push(ch);
                }
                in_value = !in_value;
            }
            _ if in_value => token.push(ch),
            '<' => {
                push(&token, plain);
                token.clear();
                token.push(ch);
                in_tag = true;
            }
            '>' if in_tag => {
                token.push(ch);
                push(&token, tag);
                token.clear();
                in_tag = false;
            }
            ' ' if in_tag => {
                push(&token, if token.starts_with('<') { tag } else { name });
                token.clear();
                push(" ", plain);
            }
            _ => token.push(ch),
        }
    }
    push(&token, plain);
    job
}
