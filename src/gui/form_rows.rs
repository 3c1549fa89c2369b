//! The form's building blocks: a labelled text row (the user's words, then the web.config
//! attribute quietly where its name differs) and the problem messages under an input.

use egui::{RichText, TextEdit, Ui};

use super::form::INPUT_WIDTH;
use super::{ids, style};
use crate::settings::{Field, FieldProblem, Severity};

/// One text field of the form.
pub(super) struct TextRow<'a> {
    /// Which setting.
    pub(super) field: Field,
    /// The label, in the user's words (and language).
    pub(super) label: String,
    /// The web.config attribute, shown quietly after the label when its name differs.
    pub(super) attribute: Option<&'a str>,
    /// What the empty field shows.
    pub(super) hint: String,
}

/// The label cell: the user's words, then (quietly) the web.config attribute when it has
/// another name: after the label, or under it when the label and the attribute are long.
/// Returns the label (what the input is labelled by).
pub(super) fn label_cell(ui: &mut Ui, text: &str, attribute: Option<&str>) -> egui::Response {
    let quiet = |ui: &mut Ui, attribute: &str| {
        ui.label(RichText::new(attribute).monospace().weak())
            .on_hover_text(crate::tr!(
                "Called {attribute} in web.config",
                attribute = attribute
            ));
    };
    match attribute {
        Some(attribute) if text.len() + attribute.len() > 14 => {
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 0.0;
                let label = ui.label(text);
                quiet(ui, attribute);
                label
            })
            .inner
        }
        _ => {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 6.0;
                let label = ui.label(text);
                if let Some(attribute) = attribute {
                    quiet(ui, attribute);
                }
                label
            })
            .inner
        }
    }
}

fn problems_for(problems: &[FieldProblem], field: Field) -> impl Iterator<Item = &FieldProblem> {
    problems.iter().filter(move |p| p.field == field)
}

pub(super) fn has_error(problems: &[FieldProblem], field: Field) -> bool {
    problems_for(problems, field).any(|p| p.severity == Severity::Error)
}

/// Problem messages under an input (second grid column).
pub(super) fn messages_ui(ui: &mut Ui, problems: &[FieldProblem], field: Field) {
    let mine: Vec<&FieldProblem> = problems_for(problems, field).collect();
    if mine.is_empty() {
        return;
    }
    ui.label("");
    ui.vertical(|ui| {
        ui.set_max_width(INPUT_WIDTH + 60.0);
        for problem in mine {
            problem_label(ui, problem);
        }
    });
    ui.end_row();
}

pub(super) fn problem_label(ui: &mut Ui, problem: &FieldProblem) {
    let color = match problem.severity {
        Severity::Error => style::bad(ui),
        Severity::Warning => style::warn(ui),
        Severity::Info => ui.visuals().weak_text_color(),
    };
    ui.label(RichText::new(crate::i18n::tr(&problem.message)).color(color));
}

/// One text input in the form's grid, with its label cell and its problem messages.
pub(super) fn text_row(ui: &mut Ui, row: &TextRow, value: &mut String, problems: &[FieldProblem]) {
    let label = label_cell(ui, &row.label, row.attribute);
    let width = if row.field == Field::Port {
        80.0
    } else {
        INPUT_WIDTH
    };
    let mut edit = TextEdit::singleline(value)
        .id(ids::id(row.field))
        .hint_text(row.hint.as_str())
        .desired_width(width);
    if has_error(problems, row.field) {
        edit = edit.text_color(style::bad(ui));
    }
    ui.add(edit)
        .labelled_by(label.id)
        .on_hover_text(format!("web.config: {}", row.field.attribute()));
    ui.end_row();
    messages_ui(ui, problems, row.field);
}
