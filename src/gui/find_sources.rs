//! "Find my settings": what the port check found and where the search looked.

use egui::{RichText, Ui};

use super::style;
use crate::discover::{Reachability, SourceReport};
use crate::i18n::tr;

/// Whether this computer reaches the usual ports, and why the website may see otherwise.
pub(super) fn ports_ui(ui: &mut Ui, check: &crate::discover::PortCheck) {
    ui.add_space(6.0);
    egui::CollapsingHeader::new(crate::tr!(
        "Can this computer reach {host}?",
        host = check.host
    ))
    .id_salt("find_ports")
    .default_open(true)
    .show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for state in &check.ports {
                let (port, reach) = (state.port, state.reachability);
                let color = if reach == Reachability::Open {
                    style::good(ui)
                } else {
                    style::bad(ui)
                };
                let words = tr(reach.label());
                ui.label(RichText::new(format!("{port}: {words}")).color(color));
                ui.add_space(8.0);
            }
        });
        ui.label(RichText::new(tr(&check.note)).weak());
    });
}

/// Every look-up, what it gave or why it gave nothing.
pub(super) fn sources_ui(ui: &mut Ui, sources: &[SourceReport]) {
    ui.add_space(6.0);
    egui::CollapsingHeader::new(crate::tr!(
        "Where we looked ({count})",
        count = sources.len()
    ))
    .id_salt("find_sources")
    .show(ui, |ui| {
        for source in sources {
            let found = source.outcome_shown();
            ui.label(format!(
                "{}: {} → {found}",
                tr(source.source.label()),
                source.query
            ));
        }
    });
}
