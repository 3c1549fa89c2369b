//! "Certificate…": the server's certificate, from a test run or from "Find my settings", in a
//! window of its own: who it is for, who vouches for it, until when, its key and fingerprint,
//! and what we make of it.

use egui::{Grid, RichText};

use super::command::{Command, FindCommand};
use super::{ids, style};
use crate::certificate::CertificateInfo;
use crate::discover::{CertificateReport, ProbeResult, Verdict};
use crate::outcome::TestOutcome;
use crate::session::{SessionError, SessionReport};

/// One certificate to show, with the verdict in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateView {
    /// Whose certificate: `smtp.example.com:587`.
    pub server: String,
    /// The certificate.
    pub info: CertificateInfo,
    /// What we make of it, in the window's language when the view was made (it is made on a
    /// click, on the window's thread), and whether that is good news.
    pub verdict: (String, bool),
}

impl CertificateView {
    /// The certificate a probe of "Find my settings" saw.
    pub fn from_probe(row: &ProbeResult, certificate: &CertificateReport) -> Self {
        let verdict = match certificate.verdict {
            Verdict::Trusted => (crate::tr!("Valid for this server, from an authority this computer trusts."), true),
            Verdict::Untrusted => (crate::tr!("No authority this computer trusts vouches for it (self-signed or a private authority): your website will refuse it."), false),
            Verdict::Expired => (crate::tr!("Expired (or not valid yet): your website will refuse it."), false),
            Verdict::NameMismatch => (
                certificate.suggested_host.as_ref().map_or_else(
                    || crate::tr!("Issued for other names than this server: your website will refuse it."),
                    |name| crate::tr!("Issued for other names than this server: use {name} as the server instead.", name = name),
                ),
                false,
            ),
            Verdict::Invalid => (crate::tr!("Not acceptable: your website will refuse it."), false),
        };
        Self {
            server: format!("{}:{}", row.host, row.port),
            info: certificate.info.clone(),
            verdict,
        }
    }

    /// The certificate a test run saw, if it saw one.
    pub fn from_test(host: &str, port: u32, report: &SessionReport) -> Option<Self> {
        let info = report.certificate.clone()?;
        let refused = match &report.error {
            Some(SessionError::TlsHandshake {
                certificate: Some(problem),
                ..
            }) => Some(problem),
            _ => None,
        };
        let verdict = match (refused, &report.accepted_certificate_problem) {
            (Some(problem), _) => (
                crate::tr!(
                    "Refused: {problem}",
                    problem = crate::i18n::tr(&problem.words())
                ),
                false,
            ),
            (None, Some(problem)) => (
                crate::tr!(
                    "Accepted only because you allowed invalid certificates; your website will refuse it: {problem}",
                    problem = crate::i18n::tr(&problem.words())
                ),
                false,
            ),
            (None, None) => (
                crate::tr!("Valid for this server, from an authority this computer trusts."),
                true,
            ),
        };
        Some(Self {
            server: format!("{host}:{port}"),
            info,
            verdict,
        })
    }
}

/// Draws the certificate window while `view` is set.
pub fn certificate_window(
    ctx: &egui::Context,
    view: Option<&CertificateView>,
    commands: &mut Vec<Command>,
) {
    let Some(view) = view else {
        return;
    };
    let mut open = true;
    egui::Window::new(crate::tr!("Certificate of {server}", server = view.server))
        .id(ids::id("certificate_window"))
        .open(&mut open)
        .default_width(620.0)
        .collapsible(false)
        .show(ctx, |ui| {
            let (words, good) = &view.verdict;
            let color = if *good {
                style::good(ui)
            } else {
                style::bad(ui)
            };
            ui.label(RichText::new(words).color(color).strong());
            ui.add_space(6.0);
            let info = &view.info;
            Grid::new("certificate_grid")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let rows = [
                        (crate::tr!("Issued for"), info.names.join(", ")),
                        (crate::tr!("Subject"), info.subject.clone()),
                        (crate::tr!("Issued by"), info.issuer.clone()),
                        (crate::tr!("Valid from"), info.not_before.clone()),
                        (crate::tr!("Valid until"), info.not_after.clone()),
                        (crate::tr!("Key"), info.key.clone()),
                        ("SHA-256".to_owned(), info.sha256.clone()),
                    ];
                    for (name, value) in rows {
                        ui.label(RichText::new(name).weak());
                        ui.add(egui::Label::new(RichText::new(value).monospace()).wrap());
                        ui.end_row();
                    }
                });
            if info.self_signed {
                ui.label(RichText::new(crate::tr!("It signs itself (self-signed).")).weak());
            }
            ui.add_space(6.0);
            if style::button(ui, "certificate_close", true, &crate::tr!("Close")).clicked() {
                commands.push(Command::Find(FindCommand::CloseCertificate));
            }
        });
    if !open {
        commands.push(Command::Find(FindCommand::CloseCertificate));
    }
}

/// "Certificate…" under a test's result, when the server showed one.
pub fn certificate_button(ui: &mut egui::Ui, outcome: &TestOutcome, commands: &mut Vec<Command>) {
    if outcome.report().certificate.is_none() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(crate::tr!("The server showed a certificate:")).weak());
        if style::button(ui, "test_certificate", true, &crate::tr!("Certificate…")).clicked() {
            let settings = outcome.settings();
            if let Some(view) =
                CertificateView::from_test(&settings.host, settings.port, outcome.report())
            {
                commands.push(Command::Find(FindCommand::ShowCertificate(Box::new(view))));
            }
        }
    });
}
