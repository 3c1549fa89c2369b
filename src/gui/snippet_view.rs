//! The snippet panel: one tab per format (web.config first), the text (XML syntax-coloured for
//! web.config, plain monospace for the others), Copy, Save as… and the password toggle.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Ui};

use super::command::{Command, FileCommand, ViewCommand, WebConfigCommand};
use super::worker::FilePurpose;
use super::{ids, style};
use crate::snippet::{Format, Snippet};

/// Draws the snippet panel for `snippet`: its format's tab is selected, and a click on another
/// tab or on the password toggle asks for that (the next frame shows it). Copy is the window's
/// primary action while a success shows.
pub fn snippet_ui(
    ui: &mut Ui,
    snippet: &Snippet,
    include_password: bool,
    commands: &mut Vec<Command>,
) {
    ui.add_space(10.0);
    // The snippet itself is the same in every language; where it goes and its notes are
    // translated, as the command line translates them.
    let heading = if snippet.format == Format::WebConfig {
        crate::tr!("Paste this into your web.config")
    } else {
        crate::tr!("Settings for {program}", program = snippet.format.label())
    };
    ui.label(RichText::new(heading).size(17.0).strong());
    // One scope for the tabs (a fixed list), so that they keep their ids and still wrap.
    ids::scope(ui, "snippet_tabs", |ui| {
        ui.horizontal_wrapped(|ui| {
            for format in Format::ALL {
                let selected = format == snippet.format;
                if ui.selectable_label(selected, format.label()).clicked() && !selected {
                    commands.push(Command::View(ViewCommand::ShowSnippet(format)));
                }
            }
        });
    });
    let placement = snippet.format.placement();
    ui.label(crate::i18n::tr(placement));
    actions_ui(ui, snippet, include_password, commands);
    ui.label(
        RichText::new(crate::tr!(
            "The password is left out unless you tick Include password: wherever you paste it, \
             it is kept in plain text."
        ))
        .weak(),
    );
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let text = if snippet.format == Format::WebConfig {
                highlight(ui, &snippet.text)
            } else {
                plain(ui, &snippet.text)
            };
            // Never wrapped: a long line scrolls sideways instead of folding to column 0.
            egui::ScrollArea::horizontal()
                .id_salt("snippet_text")
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(text)
                            .selectable(true)
                            .wrap_mode(egui::TextWrapMode::Extend),
                    );
                });
        });
    for warning in snippet.warnings.iter().filter(|w| *w != placement) {
        ui.colored_label(
            style::warn(ui),
            crate::tr!("Note: {warning}", warning = crate::i18n::tr(warning)),
        );
    }
}

/// Copy (primary), Save as…, the password toggle and, for web.config, the update.
fn actions_ui(ui: &mut Ui, snippet: &Snippet, include_password: bool, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if style::primary_button(ui, "copy_snippet", true, &crate::tr!("Copy")).clicked() {
            commands.push(Command::View(ViewCommand::Copy {
                text: snippet.text.clone(),
                what: copied_what(snippet.format),
            }));
        }
        if style::button(ui, "save_snippet", true, &crate::tr!("Save as…")).clicked() {
            commands.push(Command::File(FileCommand::Choose(FilePurpose::SaveSnippet)));
        }
        if snippet.format == Format::WebConfig
            && style::button(
                ui,
                "update_webconfig",
                true,
                &crate::tr!("Update my web.config…"),
            )
            .on_hover_text(crate::tr!(
                "Writes these settings into your web.config: shows the changes first and \
                     keeps a backup"
            ))
            .clicked()
        {
            commands.push(Command::WebConfig(WebConfigCommand::Update));
        }
        let mut include = include_password;
        let checkbox = egui::Checkbox::new(&mut include, crate::tr!("Include password"));
        if ids::add(ui, "include_password", checkbox).changed() {
            commands.push(Command::View(ViewCommand::IncludePassword(include)));
        }
    });
}

/// What the "Copied the … to the clipboard." notice calls the snippet.
fn copied_what(format: Format) -> &'static str {
    match format {
        Format::WebConfig => "web.config snippet",
        Format::PhpMailer => "PHPMailer snippet",
        Format::WordPress => "WordPress snippet",
        Format::Laravel => "Laravel snippet",
        Format::Django => "Django snippet",
        Format::Nodemailer => "Node.js snippet",
        Format::Symfony => "Symfony snippet",
        Format::MailKit => "ASP.NET Core snippet",
    }
}

/// Monospace text in one colour (every format but web.config).
fn plain(ui: &Ui, text: &str) -> LayoutJob {
    LayoutJob::simple(
        text.to_owned(),
        FontId::monospace(13.0),
        ui.visuals().text_color(),
        f32::INFINITY,
    )
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
