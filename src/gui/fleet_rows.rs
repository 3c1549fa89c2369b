//! The blast radius, row by row: one header per mail server (its counts in words and colour,
//! what it showed, a toggle for its sites), then its sites with the verdict, the file, the
//! reason, the fix and "Open in the tester". Only the rows on screen are laid out, so 10,000
//! sites scroll as smoothly as ten.

use egui::text::LayoutJob;
use egui::{Align, Button, Label, Layout, Rect, RichText, Ui, UiBuilder, vec2};

use super::command::{Command, FleetCommand};
use super::fleet::{FleetState, Group, VERDICTS, counted, slot, word};
use super::widgets::{self, Icon};
use super::{ids, style};
use crate::fleet::judge::Verdict;
use crate::fleet::report::{ScanReport, ServerRow, SiteRow};

/// One line of the list: a server's header, or a site.
#[derive(Debug, Clone, Copy)]
enum Item {
    /// The group at this index.
    Header(usize),
    /// The site at this index in the report.
    Site(usize),
}

/// The lines on show: each group with a site of a ticked verdict, and (unless collapsed) those
/// sites.
fn items(state: &FleetState, report: &ScanReport) -> Vec<Item> {
    let shown = |verdict: Verdict| state.shown.get(slot(verdict)).copied().unwrap_or(true);
    let mut items = Vec::new();
    for (at, group) in state.groups.iter().enumerate() {
        if !VERDICTS
            .iter()
            .any(|v| shown(*v) && group.counts[slot(*v)] > 0)
        {
            continue;
        }
        items.push(Item::Header(at));
        if state.collapsed.contains(&at) {
            continue;
        }
        let sites = group.sites.iter().copied();
        items.extend(
            sites
                .filter(|site| {
                    report
                        .sites
                        .get(*site)
                        .is_some_and(|row| shown(row.judgement.verdict))
                })
                .map(Item::Site),
        );
    }
    items
}

/// The list, in a scroll area that lays out only the lines in view.
pub(super) fn list_ui(
    ui: &mut Ui,
    state: &FleetState,
    report: &ScanReport,
    commands: &mut Vec<Command>,
) {
    let items = items(state, report);
    if items.is_empty() {
        ui.label(RichText::new(crate::tr!("No site with the ticked verdicts.")).weak());
        return;
    }
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let (gap, button) = (ui.spacing().item_spacing.y, ui.spacing().interact_size.y);
    let height = |item: &Item| match item {
        Item::Header(_) => button + line + 2.0 * gap + 14.0,
        Item::Site(_) => button + 3.0 * line + 4.0 * gap + 6.0,
    };
    let mut tops = Vec::with_capacity(items.len());
    let mut total = 0.0;
    for item in &items {
        tops.push(total);
        total += height(item);
    }
    egui::ScrollArea::vertical()
        .id_salt("fleet_rows")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(total);
            let (origin, width) = (ui.min_rect().min, ui.available_width());
            let first = tops
                .partition_point(|top| *top <= viewport.min.y)
                .saturating_sub(1);
            for (item, top) in items.iter().zip(&tops).skip(first) {
                if *top > viewport.max.y {
                    break;
                }
                let rect = Rect::from_min_size(origin + vec2(0.0, *top), vec2(width, height(item)));
                let mut child = ui.new_child(
                    UiBuilder::new()
                        .max_rect(rect.shrink2(vec2(4.0, 3.0)))
                        .layout(Layout::top_down(Align::Min)),
                );
                match *item {
                    Item::Header(at) => {
                        if let Some(group) = state.groups.get(at) {
                            let server = group.server.and_then(|s| report.servers.get(s));
                            let open = !state.collapsed.contains(&at);
                            header_ui(
                                &mut child,
                                at,
                                group,
                                server,
                                open,
                                report.offline,
                                commands,
                            );
                        }
                    }
                    Item::Site(at) => {
                        if let Some(row) = report.sites.get(at) {
                            site_ui(&mut child, at, row, state.scanned.as_deref(), commands);
                        }
                    }
                }
                let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
                ui.painter().hline(rect.x_range(), rect.bottom(), stroke);
            }
        });
}

/// A server: the toggle with its name and counts (in words and colour), then what it showed.
fn header_ui(
    ui: &mut Ui,
    at: usize,
    group: &Group,
    server: Option<&ServerRow>,
    open: bool,
    offline: bool,
    commands: &mut Vec<Command>,
) {
    let mut parts = vec![RichText::new(&group.label).strong().size(16.0)];
    for verdict in VERDICTS.into_iter().filter(|v| group.counts[slot(*v)] > 0) {
        parts.push(RichText::new(if parts.len() == 1 { "   " } else { ", " }));
        let n = group.counts[slot(verdict)];
        parts.push(RichText::new(counted(verdict, n)).color(color(ui, verdict)));
    }
    let job = joined(ui, parts);
    let hover = if open {
        crate::tr!("Hide this server's sites")
    } else {
        crate::tr!("Show this server's sites")
    };
    let toggle = ui.horizontal(|ui| {
        disclosure(ui, open);
        ids::add(ui, ("fleet_server", at), Button::new(job).frame(false)).on_hover_text(hover)
    });
    // Screen readers say "expanded" or "collapsed", as for egui's own collapsing headers.
    ui.ctx()
        .accesskit_node_builder(toggle.inner.id, |node| node.set_expanded(open));
    if toggle.inner.clicked() {
        commands.push(Command::Fleet(FleetCommand::ToggleServer(at)));
    }
    let (facts, bad) = facts(server, offline);
    let text = RichText::new(facts).color(if bad {
        style::bad(ui)
    } else {
        ui.visuals().weak_text_color()
    });
    ui.add(Label::new(text).truncate());
}

/// The disclosure triangle: pointing down when open, right when closed.
fn disclosure(ui: &mut Ui, open: bool) {
    let side = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(vec2(side * 0.8, side), egui::Sense::hover());
    let (c, r) = (rect.center(), side * 0.28);
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
    let color = ui.visuals().text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// What a server showed, in a line, and whether it is a problem.
fn facts(server: Option<&ServerRow>, offline: bool) -> (String, bool) {
    let Some(server) = server else {
        return (
            crate::tr!("These files name no mail server to contact, or could not be read."),
            false,
        );
    };
    if offline {
        return (
            crate::tr!("Not contacted: judged from the files alone."),
            false,
        );
    }
    if let Some(problem) = &server.problem {
        let problem = crate::i18n::tr(problem);
        return (crate::tr!("Problem: {problem}", problem = problem), true);
    }
    let methods = |list: &[String]| {
        if list.is_empty() {
            crate::tr!("none")
        } else {
            list.join(" ")
        }
    };
    let mut parts = vec![
        crate::tr!("Answered in {ms} ms", ms = server.ms),
        if server.starttls {
            crate::tr!("STARTTLS offered")
        } else {
            crate::tr!("STARTTLS not offered")
        },
        crate::tr!(
            "sign-in before encryption: {methods}",
            methods = methods(&server.auth_before_tls)
        ),
    ];
    if server.starttls {
        let after = methods(&server.auth_after_tls);
        parts.push(crate::tr!("after: {methods}", methods = after));
    }
    if let Some(certificate) = &server.certificate {
        let certificate = crate::i18n::tr(certificate);
        parts.push(crate::tr!(
            "certificate {certificate}",
            certificate = certificate
        ));
    }
    (parts.join("; "), false)
}

/// One site: the verdict (icon, word and colour), the site and its program, "Open in the
/// tester"; then the file (from the folder scanned, the full path on hover), the reason and
/// the fix.
fn site_ui(
    ui: &mut Ui,
    at: usize,
    row: &SiteRow,
    scanned: Option<&std::path::Path>,
    commands: &mut Vec<Command>,
) {
    let verdict = row.judgement.verdict;
    let color = color(ui, verdict);
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let open = Button::new(crate::tr!("Open in the tester"));
            let response = ids::add_enabled(ui, ("fleet_open", at), row.settings.is_some(), open);
            let hover =
                crate::tr!("Put this site's settings into the form to test it step by step");
            if response.on_hover_text(hover).clicked() {
                commands.push(Command::Fleet(FleetCommand::OpenSite(at)));
            }
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let side = ui.text_style_height(&egui::TextStyle::Body);
                let (rect, _) = ui.allocate_exact_size(vec2(side, side), egui::Sense::hover());
                widgets::paint(ui, rect, icon(verdict), color);
                ui.label(RichText::new(word(verdict)).strong().color(color));
                let job = joined(
                    ui,
                    [
                        RichText::new(&row.site).strong(),
                        RichText::new(format!("   {}", row.platform.label())).weak(),
                    ],
                );
                ui.add(Label::new(job).truncate());
            });
        });
    });
    let inside = scanned.and_then(|folder| row.path.strip_prefix(folder).ok());
    let path = inside.unwrap_or(&row.path).display().to_string();
    ui.add(Label::new(RichText::new(path).monospace().weak()).truncate())
        .on_hover_text(row.path.display().to_string());
    // The engine's texts set what to type in `backticks`: shown in monospace, as in the cards.
    let reason = crate::i18n::tr(&row.judgement.reason);
    ui.add(Label::new(style::prose(ui, &reason)).truncate());
    if !row.judgement.fix.is_empty() {
        let fixes: Vec<_> = row
            .judgement
            .fix
            .iter()
            .map(|fix| crate::i18n::tr(fix))
            .collect();
        let fix = crate::tr!("Fix: {fix}", fix = fixes.join("; "));
        ui.add(Label::new(style::prose(ui, &fix)).truncate());
    }
}

/// `parts` as one text, each in its own style (a label that truncates as one line).
fn joined(ui: &Ui, parts: impl IntoIterator<Item = RichText>) -> LayoutJob {
    let mut job = LayoutJob::default();
    for part in parts {
        part.append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            Align::Center,
        );
    }
    job
}

fn icon(verdict: Verdict) -> Icon {
    match verdict {
        Verdict::Broken => Icon::Cross,
        Verdict::AtRisk => Icon::Stop,
        Verdict::Unknown => Icon::Dash,
        Verdict::Ok => Icon::Tick,
    }
}

fn color(ui: &Ui, verdict: Verdict) -> egui::Color32 {
    match verdict {
        Verdict::Broken => style::bad(ui),
        Verdict::AtRisk => style::warn(ui),
        Verdict::Unknown => ui.visuals().weak_text_color(),
        Verdict::Ok => style::good(ui),
    }
}
