//! "Find my settings…": from the site's email address to the server, port and Use SSL that
//! work. The search itself is [`crate::discover`] on tokio; this window shows where it looked,
//! every server and port as it is tried (a live table), the recommendation, and fills the form
//! with the one the user picks.

use egui::{Grid, RichText, TextEdit, Ui};
use tokio_util::sync::CancellationToken;

use super::certificate_view::CertificateView;
use super::command::{Command, FindCommand};
use super::find_sources;
use super::widgets::{self, Icon};
use super::{ids, style};
use crate::discover::{
    CandidateHost, DiscoveryEvent, DiscoveryReport, ProbeResult, Reachability, SourceReport,
};
use crate::i18n::tr;
use crate::settings::Security;

/// The server, port and security a user picked from the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The server.
    pub host: String,
    /// The port.
    pub port: u16,
    /// How the connection is protected.
    pub security: Security,
}

impl Choice {
    /// The choice a finished probe row stands for.
    pub fn of(row: &ProbeResult) -> Self {
        Self {
            host: row.host.clone(),
            port: row.port,
            security: row.security,
        }
    }
}

/// The window's state: what was asked, and what came back so far.
#[derive(Default)]
pub struct FindState {
    /// Whether the window is open.
    pub open: bool,
    /// The email address (or server name) typed.
    pub email: String,
    /// Which search the events belong to (older ones are ignored).
    pub run: u64,
    /// Stops the running search.
    pub cancel: Option<CancellationToken>,
    /// Where the search looked, as each source answered.
    pub sources: Vec<SourceReport>,
    /// The server names it will try.
    pub hosts: Vec<CandidateHost>,
    /// Probes started and not finished yet: host and port.
    pub trying: Vec<(String, u16)>,
    /// Finished probes while the search runs, in the order they finished (the report's
    /// ranked list replaces them: see [`Self::rows`]).
    pub rows: Vec<ProbeResult>,
    /// The finished search.
    pub report: Option<DiscoveryReport>,
    /// Why the search could not run.
    pub error: Option<String>,
    /// The DNS server to ask instead of the system's (tests).
    pub dns_server: Option<std::net::SocketAddr>,
    /// The HTTPS port for autoconfig files instead of 443 (tests).
    pub autoconfig_port: Option<u16>,
    /// How long each try may take (`None`: the search's own default; tests make it longer).
    pub probe_timeout: Option<std::time::Duration>,
}

impl FindState {
    /// Whether a search is running.
    pub fn running(&self) -> bool {
        self.cancel.is_some()
    }

    /// Clears the last search for a new one numbered `run`.
    pub fn restart(&mut self, run: u64, cancel: CancellationToken) {
        self.run = run;
        self.cancel = Some(cancel);
        self.sources.clear();
        self.hosts.clear();
        self.trying.clear();
        self.rows.clear();
        self.report = None;
        self.error = None;
    }

    /// The rows to show: ranked once the report is in, as they finished before.
    pub fn rows(&self) -> &[ProbeResult] {
        self.report
            .as_ref()
            .map_or(self.rows.as_slice(), |report| report.candidates.as_slice())
    }

    /// Takes in one progress event of search `run`.
    pub fn on_event(&mut self, run: u64, event: DiscoveryEvent) {
        if run != self.run {
            return;
        }
        match event {
            DiscoveryEvent::Source(source) => self.sources.push(source),
            DiscoveryEvent::Candidates { hosts } => self.hosts = hosts,
            DiscoveryEvent::ProbeStarted { host, port } => self.trying.push((host, port)),
            DiscoveryEvent::ProbeFinished { results } => {
                for row in &results {
                    self.trying
                        .retain(|(host, port)| !(*host == row.host && *port == row.port));
                }
                self.rows.extend(results);
            }
        }
    }

    /// Takes in the end of search `run`.
    pub fn on_finished(&mut self, run: u64, result: Result<DiscoveryReport, String>) {
        if run != self.run {
            return;
        }
        self.cancel = None;
        self.trying.clear();
        match result {
            Ok(report) => self.report = Some(report),
            Err(error) => self.error = Some(error),
        }
    }
}

/// Draws the window when it is open.
pub fn find_window(ctx: &egui::Context, state: &mut FindState, commands: &mut Vec<Command>) {
    let mut open = state.open;
    // Most of the window, whatever its size: the list is the point.
    style::results_window(ctx, &crate::tr!("Find my settings"), 860.0, &mut open)
        .id(ids::id("find_window"))
        .show(ctx, |ui| {
            ask_ui(ui, state, commands);
            if let Some(error) = &state.error {
                ui.colored_label(style::bad(ui), tr(error));
            }
            egui::ScrollArea::vertical()
                .id_salt("find_scroll")
                .show(ui, |ui| {
                    if let Some(report) = &state.report {
                        recommendation_ui(ui, report, commands);
                    }
                    if !state.rows().is_empty() || !state.trying.is_empty() {
                        ui.add_space(6.0);
                        ui.strong(crate::tr!("Servers tried"));
                        table_ui(ui, state, commands);
                    }
                    if let Some(check) = state.report.as_ref().and_then(|r| r.port_check.as_ref()) {
                        find_sources::ports_ui(ui, check);
                    }
                    if !state.sources.is_empty() {
                        find_sources::sources_ui(ui, &state.sources);
                    }
                });
        });
    if state.open && !open {
        commands.push(Command::Find(FindCommand::Close));
    }
}

/// The address field, Find and Stop, and what the search does and never does.
fn ask_ui(ui: &mut Ui, state: &mut FindState, commands: &mut Vec<Command>) {
    let label = ui.label(crate::tr!(
        "Your website's email address (or your mail server's name):"
    ));
    ui.horizontal(|ui| {
        let field = ui
            .add(
                TextEdit::singleline(&mut state.email)
                    .id(ids::id("find_email"))
                    .desired_width(340.0)
                    .hint_text("info@your-site.example"),
            )
            .labelled_by(label.id);
        let ready = !state.email.trim().is_empty() && !state.running();
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if style::primary_button(ui, "find_start", ready, &crate::tr!("Find")).clicked()
            || (enter && ready)
        {
            commands.push(Command::Find(FindCommand::Start));
        }
        if state.running() {
            if style::button(ui, "find_cancel", true, &crate::tr!("Stop")).clicked() {
                commands.push(Command::Find(FindCommand::Cancel));
            }
            ui.spinner();
            ui.label(crate::tr!(
                "{tried} tried, {trying} under way",
                tried = state.rows().len(),
                trying = state.trying.len()
            ));
        }
    });
    ui.label(
        RichText::new(crate::tr!(
            "We look up where your domain's mail goes and knock on each server's door: no \
             email is sent and no password leaves this computer."
        ))
        .weak(),
    );
}

/// The settings to use, in web.config's terms, and the button that fills the form.
fn recommendation_ui(ui: &mut Ui, report: &DiscoveryReport, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    if report.cancelled {
        ui.label(
            RichText::new(crate::tr!(
                "Stopped before every server answered: below is what was found so far."
            ))
            .color(style::warn(ui)),
        );
    }
    let Some(best) = &report.recommended else {
        let why = report.no_recommendation.as_deref().map_or_else(
            || crate::tr!("No server answered in a way your website can use."),
            |why| tr(why).into_owned(),
        );
        ui.colored_label(style::bad(ui), RichText::new(why).strong());
        return;
    };
    let frame = egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, style::good(ui)))
        .fill(style::tint(ui, style::good(ui)));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(crate::tr!("Found settings your website can use"))
                .heading()
                .color(style::good(ui)),
        );
        Grid::new("find_best").num_columns(2).show(ui, |ui| {
            ui.label(crate::tr!("Server (host)"));
            ui.monospace(&best.host);
            ui.end_row();
            ui.label(crate::tr!("Port"));
            ui.monospace(best.port.to_string());
            ui.end_row();
            ui.label(crate::tr!("Use SSL (enableSsl)"));
            ui.monospace(if best.enable_ssl { "true" } else { "false" });
            ui.end_row();
        });
        ui.label(tr(&best.why));
        let choice = Choice {
            host: best.host.clone(),
            port: best.port,
            security: best.security,
        };
        if style::primary_button(ui, "find_use_best", true, &crate::tr!("Use these settings"))
            .clicked()
        {
            commands.push(Command::Find(FindCommand::Use(Box::new(choice))));
        }
    });
}

/// One line per server, port and security, best first once ranked: what happened, and in a
/// sentence why it ranks where it does. Lines, not a grid: the sentence gets the full width at
/// any window size.
fn table_ui(ui: &mut Ui, state: &FindState, commands: &mut Vec<Command>) {
    let ranked = state.report.is_some();
    for (index, row) in state.rows().iter().enumerate() {
        let (icon, color) = if row.usable {
            (Icon::Tick, style::good(ui))
        } else if row.reachability == Reachability::Open {
            (Icon::Cross, style::warn(ui))
        } else {
            (Icon::Dash, ui.visuals().weak_text_color())
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                widgets::icon(ui, icon, color);
                ui.label(
                    RichText::new(crate::tr!(
                        "{host}   port {port}   {security}",
                        host = row.host,
                        port = row.port,
                        security = tr(security_words(row.security))
                    ))
                    .strong(),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    row_actions(ui, index, row, commands);
                });
            });
            let text = if ranked && !row.reason.is_empty() {
                tr(&row.reason)
            } else {
                tr(row.reachability.label())
            };
            ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
        });
    }
    for (host, port) in &state.trying {
        ui.horizontal(|ui| {
            widgets::icon(ui, Icon::Circle, ui.visuals().weak_text_color());
            ui.label(crate::tr!("{host}   port {port}", host = host, port = port));
            ui.label(RichText::new(crate::tr!("trying…")).weak());
        });
    }
}

/// "Certificate…" where the server showed one, "Use" for a usable row (right to left).
fn row_actions(ui: &mut Ui, index: usize, row: &ProbeResult, commands: &mut Vec<Command>) {
    if let Some(certificate) = &row.certificate
        && style::button(
            ui,
            &format!("find_cert_{index}"),
            true,
            &crate::tr!("Certificate…"),
        )
        .clicked()
    {
        let view = CertificateView::from_probe(row, certificate);
        commands.push(Command::Find(FindCommand::ShowCertificate(Box::new(view))));
    }
    if row.usable
        && style::button(ui, &format!("find_use_{index}"), true, &crate::tr!("Use")).clicked()
    {
        commands.push(Command::Find(FindCommand::Use(Box::new(Choice::of(row)))));
    }
}

/// Words for the security column, in English (translated where they are shown).
fn security_words(security: Security) -> &'static str {
    match security {
        Security::None => crate::en!("none"),
        Security::StartTls => "STARTTLS",
        Security::ImplicitTls => crate::en!("SSL on connect"),
    }
}

/// The row under the server field: "Find my settings…", for those who do not know them.
pub fn find_button_row(ui: &mut Ui, running: bool, commands: &mut Vec<Command>) {
    ui.label("");
    let button = style::button(ui, "find_open", !running, &crate::tr!("Find my settings…"))
        .on_hover_text(crate::tr!(
            "Don't know your server, port or whether to use SSL? Find them from your email address."
        ));
    if button.clicked() {
        commands.push(Command::Find(FindCommand::Open));
    }
    ui.end_row();
}
