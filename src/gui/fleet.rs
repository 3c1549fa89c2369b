//! "Check a folder of sites…": the fleet check ([`crate::fleet`]) for hosting support. The
//! user picks (or pastes) a folder; the scan runs on tokio and reports its progress here; the
//! result is the blast radius by mail server, filtered by verdict, one row per site with what
//! to change, and "Open in the tester" to try one site in the form. The rows are drawn by
//! [`super::fleet_result`] and [`super::fleet_rows`], only those on screen.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{Checkbox, RichText, TextEdit, Ui};
use tokio_util::sync::CancellationToken;

use super::app::Notice;
use super::command::{Command, FleetCommand};
use super::fleet_result::{note_ui, result_ui};
use super::{ids, style};
use crate::fleet::judge::Verdict;
use crate::fleet::report::ScanReport;
use crate::fleet::scan::ScanEvent;

/// The verdicts in the order the window lists them.
pub const VERDICTS: [Verdict; 4] = [
    Verdict::Broken,
    Verdict::AtRisk,
    Verdict::Unknown,
    Verdict::Ok,
];

/// Where `verdict` is in [`VERDICTS`] (and in every per-verdict array here).
pub fn slot(verdict: Verdict) -> usize {
    match verdict {
        Verdict::Broken => 0,
        Verdict::AtRisk => 1,
        Verdict::Unknown => 2,
        Verdict::Ok => 3,
    }
}

use super::fleet_words::progress_words;
pub use super::fleet_words::{count_sites, counted, word};

/// The two report files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanExport {
    /// One row per site, for tickets and mail merges.
    Csv,
    /// A page to read and filter in a browser.
    Html,
}

impl ScanExport {
    /// The name a save dialog suggests.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Csv => "mail-settings-of-every-site.csv",
            Self::Html => "mail-settings-of-every-site.html",
        }
    }

    /// The save dialog's title.
    pub fn dialog_title(self) -> String {
        match self {
            Self::Csv => crate::tr!("Save the CSV file"),
            Self::Html => crate::tr!("Save the HTML page"),
        }
    }

    /// The save dialog's name for the kind of file.
    pub fn filter_name(self) -> String {
        match self {
            Self::Csv => crate::tr!("CSV file"),
            Self::Html => crate::tr!("HTML page"),
        }
    }

    /// Why the file could not be saved to `path` (`error`: the system's words).
    pub fn not_saved(self, error: &str, path: &str) -> String {
        match self {
            Self::Csv => crate::tr!(
                "Could not save the CSV file ({error}). Choose a folder you may write to: {path}",
                error = error,
                path = path
            ),
            Self::Html => crate::tr!(
                "Could not save the HTML page ({error}). Choose a folder you may write to: {path}",
                error = error,
                path = path
            ),
        }
    }

    /// Why the file could not be made (`error`: what went wrong).
    pub fn not_made(self, error: &str) -> String {
        match self {
            Self::Csv => crate::tr!("The CSV file could not be made ({error}).", error = error),
            Self::Html => crate::tr!("The HTML page could not be made ({error}).", error = error),
        }
    }
}

/// What comes back from the fleet check's background work.
#[derive(Debug)]
pub enum FleetMessage {
    /// Progress of scan number `run`.
    Progress {
        /// Which scan.
        run: u64,
        /// What happened.
        event: ScanEvent,
    },
    /// Scan number `run` has ended (finished or stopped).
    Finished {
        /// Which scan.
        run: u64,
        /// Everything it found.
        report: Box<ScanReport>,
    },
    /// The folder dialog closed (`None`: cancelled, or no dialog could be shown).
    FolderChosen(Option<PathBuf>),
    /// The save dialog of an export closed.
    ExportChosen {
        /// Which file.
        export: ScanExport,
        /// Where to write it (`None`: cancelled, or no dialog could be shown).
        path: Option<PathBuf>,
    },
    /// An export was written (its path), or why not, in words.
    Exported(Result<PathBuf, String>),
}

/// One server's sites, or the sites with no server to contact.
#[derive(Debug, Clone)]
pub struct Group {
    /// The server's index in the report, `None` for the sites without one.
    pub server: Option<usize>,
    /// `host:port`, or what the sites without a server have in common.
    pub label: String,
    /// The sites' indexes in the report.
    pub sites: Vec<usize>,
    /// How many sites have each verdict (in [`VERDICTS`] order).
    pub counts: [usize; 4],
}

/// Asks where to save when no save dialog could be shown.
#[derive(Debug, Clone)]
pub struct ExportPrompt {
    /// Which file.
    pub export: ScanExport,
    /// The path as typed.
    pub path: String,
}

/// The window's state. Nothing of it is ever saved (the report holds the files' passwords,
/// in memory only).
pub struct FleetState {
    /// Whether the window is open.
    pub open: bool,
    /// The folder as typed, pasted or chosen.
    pub folder: String,
    /// Contact each mail server once (off: judge from the files alone).
    pub contact_servers: bool,
    /// "Open in the tester" fills in the password from the site's file too.
    pub use_passwords: bool,
    /// Which scan the messages belong to (older ones are ignored).
    pub run: u64,
    /// Stops the running scan.
    pub cancel: Option<CancellationToken>,
    /// Sites found and distinct servers to contact, once the walk has ended.
    pub found: Option<(usize, usize)>,
    /// Servers that answered (or did not) so far.
    pub contacted: usize,
    /// The folder the last scan looked in (rows show their files' paths from there).
    pub scanned: Option<PathBuf>,
    /// The last finished scan.
    pub report: Option<Arc<ScanReport>>,
    /// Its sites by server, most broken first.
    pub groups: Vec<Group>,
    /// Which verdicts the list shows (in [`VERDICTS`] order).
    pub shown: [bool; 4],
    /// The groups whose sites are hidden.
    pub collapsed: HashSet<usize>,
    /// A sentence under the export buttons: "Saved to …", or what went wrong.
    pub note: Option<Notice>,
    /// Where to save, typed, when no save dialog could be shown.
    pub export_prompt: Option<ExportPrompt>,
    /// The limit for each server (`None`: 15 seconds; tests make it longer).
    pub timeout: Option<Duration>,
}

impl Default for FleetState {
    fn default() -> Self {
        Self {
            open: false,
            folder: String::new(),
            contact_servers: true,
            use_passwords: false,
            run: 0,
            cancel: None,
            found: None,
            contacted: 0,
            scanned: None,
            report: None,
            groups: Vec::new(),
            shown: [true; 4],
            collapsed: HashSet::new(),
            note: None,
            export_prompt: None,
            timeout: None,
        }
    }
}

impl FleetState {
    /// Whether a scan is running.
    pub fn running(&self) -> bool {
        self.cancel.is_some()
    }

    /// Forgets the last scan for a new one numbered `run`, of `folder`.
    pub fn restart(&mut self, run: u64, cancel: CancellationToken, folder: PathBuf) {
        self.run = run;
        self.scanned = Some(folder);
        self.cancel = Some(cancel);
        self.found = None;
        self.contacted = 0;
        self.report = None;
        self.groups.clear();
        self.collapsed.clear();
        self.note = None;
        self.export_prompt = None;
    }

    /// Takes in one progress event of scan `run`.
    pub fn on_event(&mut self, run: u64, event: &ScanEvent) {
        if run != self.run {
            return;
        }
        match event {
            ScanEvent::Walked { sites, servers } => self.found = Some((*sites, *servers)),
            ScanEvent::ServerDone { .. } => self.contacted += 1,
            ScanEvent::SignInDone => {}
        }
    }

    /// Takes in the end of scan `run`: groups its sites by server and, when anything needs
    /// attention, hides the OK rows.
    pub fn on_finished(&mut self, run: u64, report: ScanReport) {
        if run != self.run {
            return;
        }
        self.cancel = None;
        self.groups = groups_of(&report);
        let problems = VERDICTS[..3].iter().any(|v| report.count(*v) > 0);
        self.shown = [true, true, true, !problems];
        self.report = Some(Arc::new(report));
    }
}

/// The sites by server, in the report's order of servers (most broken first), then the sites
/// with no server to contact.
fn groups_of(report: &ScanReport) -> Vec<Group> {
    let group = |server, label| Group {
        server,
        label,
        sites: Vec::new(),
        counts: [0; 4],
    };
    let mut groups: Vec<Group> = (report.servers.iter().enumerate())
        .map(|(index, row)| group(Some(index), row.key.label()))
        .collect();
    let by_label: HashMap<String, usize> = (groups.iter().enumerate())
        .map(|(at, group)| (group.label.clone(), at))
        .collect();
    let mut loose = group(None, crate::tr!("No mail server to contact"));
    for (index, site) in report.sites.iter().enumerate() {
        let found = site.server.as_ref().and_then(|label| by_label.get(label));
        let into = match found.and_then(|at| groups.get_mut(*at)) {
            Some(group) => group,
            None => &mut loose,
        };
        into.sites.push(index);
        into.counts[slot(site.judgement.verdict)] += 1;
    }
    if !loose.sites.is_empty() {
        groups.push(loose);
    }
    groups
}

/// Draws the window when it is open.
pub fn fleet_window(ctx: &egui::Context, state: &mut FleetState, commands: &mut Vec<Command>) {
    let mut open = state.open;
    let title = crate::tr!("Check a folder of sites");
    style::results_window(ctx, &title, 1000.0, &mut open).show(ctx, |ui| {
        ask_ui(ui, state, commands);
        if state.report.is_none() {
            note_ui(ui, state.note.as_ref());
        }
        if let Some(report) = state.report.clone() {
            ui.separator();
            result_ui(ui, state, &report, commands);
        }
    });
    if state.open && !open {
        commands.push(Command::Fleet(FleetCommand::Close));
    }
}

/// The folder, the two switches, Check and Stop, and the progress.
fn ask_ui(ui: &mut Ui, state: &mut FleetState, commands: &mut Vec<Command>) {
    let running = state.running();
    let label = ui.label(crate::tr!("Folder with the sites"));
    ui.horizontal(|ui| {
        let field = ui
            .add(
                TextEdit::singleline(&mut state.folder)
                    .id(ids::id("fleet_folder"))
                    .desired_width(460.0)
                    .hint_text(crate::tr!(r"C:\inetpub\vhosts  or  /var/www")),
            )
            .labelled_by(label.id);
        if style::button(ui, "fleet_choose", !running, &crate::tr!("Choose folder…")).clicked() {
            commands.push(Command::Fleet(FleetCommand::ChooseFolder));
        }
        let ready = !state.folder.trim().is_empty() && !running;
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if style::primary_button(ui, "fleet_start", ready, &crate::tr!("Check")).clicked()
            || (enter && ready)
        {
            commands.push(Command::Fleet(FleetCommand::Start));
        }
        if running {
            if style::button(ui, "fleet_cancel", true, &crate::tr!("Stop")).clicked() {
                commands.push(Command::Fleet(FleetCommand::Cancel));
            }
            ui.spinner();
            ui.label(progress_words(state));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let contact = Checkbox::new(
            &mut state.contact_servers,
            crate::tr!("Also contact the mail servers"),
        );
        ids::add_enabled(ui, "fleet_contact", !running, contact).on_hover_text(crate::tr!(
            "Each server once: its greeting, EHLO and STARTTLS. No sign-in, no email. \
             Off: judge from the files alone."
        ));
        let passwords = Checkbox::new(
            &mut state.use_passwords,
            crate::tr!("Use the passwords from the files"),
        );
        ids::add(ui, "fleet_passwords", passwords).on_hover_text(crate::tr!(
            "\"Open in the tester\" also fills in the password from the site's file. It stays \
             in memory and is never saved."
        ));
    });
    ui.label(
        RichText::new(crate::tr!(
            "Reads every web.config, wp-config.php, .env and appsettings.json under the folder. \
             Nothing is changed, no email is sent, and passwords never leave this computer."
        ))
        .weak(),
    );
}
