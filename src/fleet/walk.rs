//! The walk: folders (and IIS's list of sites) → the sites found in their configuration files,
//! and what could not be looked at.
//!
//! Recognised files, in any letter case: `web.config`, `wp-config.php`, `.env` (only `.env`
//! itself: `.env.local`, `.env.production` and the like are not read), `appsettings.json` and
//! `appsettings.Production.json` (each its own entry; the second is not merged into the first).
//! Folders that never hold a site's settings and can be huge are not entered: `node_modules`,
//! `.git`, `vendor`, `bin`, `obj` and `wp-content/uploads`.
//!
//! Symbolic links are followed; a loop, a folder that cannot be read or a broken link is
//! reported in [`Walked::skipped`] and the walk goes on. A recognised file that cannot be read
//! (permission denied, over 5 MB, binary) is listed as a site whose settings are the reason.
//!
//! web.config files are merged as ASP.NET does (see [`read::webconfig`](super::read::webconfig)):
//! each folder's web.config is read once, and the files of parent folders (up to the site's
//! folder, or the scanned folder) apply unless a nearer one sets the attribute. A web.config
//! that sets no mail attribute is not listed by itself (it is part of its parent's
//! application); one that sets any is listed with the merged values.

mod layout;
mod load;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub(crate) use self::load::io_reason;
use self::load::{Found, Job, Kind};
use super::model::{FoundSite, Platform, Skipped, Unreadable};
use super::read::webconfig::{self, RawMail};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// The sites, sorted by the path of their file.
    pub sites: Vec<FoundSite>,
    /// What could not be looked at (a symbolic link loop, a folder that may not be read, ...).
    pub skipped: Vec<Skipped>,
    /// How many files were read.
    pub files_read: usize,
}

/// Walks `roots` and, when given, the applications IIS's `applicationHost.config` lists
/// (`iis_config`). Blocking: run it on a blocking thread. Never stops on one bad entry.
pub fn walk(roots: &[PathBuf], iis_config: Option<&Path>) -> Walked {
    let mut plan = Vec::new();
    let mut skipped = Vec::new();
    if let Some(config) = iis_config {
        let (iis_roots, iis_skipped) = super::iis::roots(config);
        plan.extend(iis_roots);
        skipped.extend(iis_skipped);
    }
    plan.extend(roots.iter().map(|path| Root::folder(path.clone())));
    run(&plan, skipped)
}

/// One folder to walk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Root {
    /// The folder (or a single file).
    pub path: PathBuf,
    /// The site's name when known (an IIS site and application); otherwise it comes from the
    /// folder layout.
    pub name: Option<String>,
    /// Folders whose web.config this one inherits from beyond its own parents, nearest first
    /// (an IIS application's parent applications).
    pub parents: Vec<PathBuf>,
    /// Folders inside it not to enter (walked as applications of their own).
    pub exclude: Vec<PathBuf>,
}

impl Root {
    /// A folder given on the command line.
    pub fn folder(path: PathBuf) -> Self {
        Self {
            path,
            ..Self::default()
        }
    }

    /// The folder names are relative to: the root itself, or a single file's folder.
    fn base(&self) -> &Path {
        if self.path.is_file() {
            self.path.parent().unwrap_or(&self.path)
        } else {
            &self.path
        }
    }

    /// The site's name for a file in `folder`, and the folder its site's files start in
    /// (`base` is [`Root::base`]).
    fn site_of(&self, folder: &Path, base: &Path) -> (String, PathBuf) {
        if let Some(name) = &self.name {
            return (
                layout::joined(name, &layout::relative(folder, base)),
                base.to_owned(),
            );
        }
        match layout::control_panel_site(folder) {
            Some(site) => {
                let name = layout::joined(&site.domain, &layout::relative(folder, &site.root));
                let root = if site.root.starts_with(base) {
                    site.root
                } else {
                    base.to_owned()
                };
                (name, root)
            }
            None => match layout::relative(folder, base) {
                rest if rest.is_empty() => (layout::own_name(base), base.to_owned()),
                rest => (rest, base.to_owned()),
            },
        }
    }
}

/// A web.config read: its path, its candidate (`None` for an IIS parent application's file
/// read only for inheritance) and its attributes.
struct Parsed {
    file: PathBuf,
    candidate: Option<usize>,
    raw: Result<RawMail, Unreadable>,
}

/// A recognised file found by the walk.
struct Candidate {
    path: PathBuf,
    kind: Kind,
    site: String,
    site_root: PathBuf,
    root: usize,
}

/// Folders never entered (below the root).
fn is_skipped_folder(entry: &walkdir::DirEntry) -> bool {
    if entry.depth() == 0 || !entry.file_type().is_dir() {
        return false;
    }
    let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
    match name.as_str() {
        "node_modules" | ".git" | "vendor" | "bin" | "obj" => true,
        "uploads" => entry
            .path()
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|parent| parent.eq_ignore_ascii_case("wp-content")),
        _ => false,
    }
}

/// Walks the roots, reads the files once, and merges the web.config files.
fn run(plan: &[Root], mut skipped: Vec<Skipped>) -> Walked {
    let mut seen = HashSet::new();
    let mut candidates = Vec::new();
    for (index, root) in plan.iter().enumerate() {
        collect(root, index, &mut seen, &mut candidates, &mut skipped);
    }
    let jobs: Vec<Job> = candidates
        .iter()
        .map(|c| Job {
            path: c.path.clone(),
            kind: c.kind,
            site_root: c.site_root.clone(),
        })
        .collect();
    let files_read = AtomicUsize::new(0);
    let found = load::read_all(&jobs, &files_read);
    let mut sites = Vec::new();
    let mut web_configs: HashMap<PathBuf, Parsed> = HashMap::new();
    for (index, (candidate, found)) in candidates.iter().zip(found).enumerate() {
        match found {
            Found::Site(Some((platform, settings))) => sites.push(FoundSite {
                site: candidate.site.clone(),
                path: candidate.path.clone(),
                platform,
                settings,
            }),
            Found::Site(None) => {}
            Found::WebConfig(raw) => {
                let folder = candidate.path.parent().unwrap_or(Path::new("")).to_owned();
                web_configs.entry(folder).or_insert(Parsed {
                    file: candidate.path.clone(),
                    candidate: Some(index),
                    raw,
                });
            }
        }
    }
    load_iis_parents(plan, &mut web_configs, &files_read);
    for (folder, parsed) in &web_configs {
        // Without a candidate: a parent application's web.config, read for inheritance only.
        let Some(candidate) = parsed.candidate.and_then(|index| candidates.get(index)) else {
            continue;
        };
        let parents = parents_of(folder, &plan[candidate.root], candidate, &web_configs);
        if let Some(settings) = webconfig::effective(&parsed.raw, &parents) {
            sites.push(FoundSite {
                site: candidate.site.clone(),
                path: candidate.path.clone(),
                platform: Platform::AspNet,
                settings,
            });
        }
    }
    sites.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.site.cmp(&b.site)));
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.dedup();
    Walked {
        sites,
        skipped,
        files_read: files_read.load(Ordering::Relaxed),
    }
}

/// Walks one root: its recognised files into `candidates` (each path once over all roots), what
/// cannot be entered into `skipped`.
fn collect(
    root: &Root,
    index: usize,
    seen: &mut HashSet<PathBuf>,
    candidates: &mut Vec<Candidate>,
    skipped: &mut Vec<Skipped>,
) {
    let walker = walkdir::WalkDir::new(&root.path)
        .follow_links(true)
        .into_iter()
        .filter_entry(|entry| {
            !is_skipped_folder(entry) && !root.exclude.iter().any(|ex| ex == entry.path())
        });
    let base = root.base();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                skipped.push(walk_error(&err, &root.path));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(kind) = Kind::of(entry.file_name()) else {
            continue;
        };
        if !seen.insert(entry.path().to_owned()) {
            continue;
        }
        let folder = entry.path().parent().unwrap_or(Path::new(""));
        let (site, site_root) = root.site_of(folder, base);
        candidates.push(Candidate {
            path: entry.path().to_owned(),
            kind,
            site,
            site_root,
            root: index,
        });
    }
}

/// A walk error as a [`Skipped`] entry in plain words.
fn walk_error(err: &walkdir::Error, root: &Path) -> Skipped {
    let path = err.path().unwrap_or(root).to_owned();
    let reason = if let Some(ancestor) = err.loop_ancestor() {
        crate::en!(
            "a symbolic link loop: it leads back to a folder above it, so it was not entered: \
             {folder}",
            folder = ancestor.display()
        )
    } else if let Some(io) = err.io_error() {
        let reason = load::io_reason(io);
        if err.depth() == 0 {
            crate::en!(
                "the folder to scan could not be read: {reason}",
                reason = reason
            )
        } else {
            crate::en!("it could not be read: {reason}", reason = reason)
        }
    } else {
        crate::en!("could not be read: {err}", err = err)
    };
    Skipped { path, reason }
}

/// Reads the web.config of each IIS parent-application folder not walked already, for
/// inheritance only.
fn load_iis_parents(
    plan: &[Root],
    web_configs: &mut HashMap<PathBuf, Parsed>,
    files_read: &AtomicUsize,
) {
    for root in plan {
        for folder in &root.parents {
            if web_configs.contains_key(folder) {
                continue;
            }
            let Some(path) = find_web_config(folder) else {
                continue;
            };
            let raw = load::read_text(&path, "XML", files_read)
                .and_then(|text| webconfig::read(&text))
                .and_then(|raw| {
                    webconfig::follow_config_source(raw, &path, folder, |source| {
                        load::read_text(source, "XML", files_read)
                    })
                });
            let parsed = Parsed {
                file: path,
                candidate: None,
                raw,
            };
            web_configs.insert(folder.clone(), parsed);
        }
    }
}

/// The web.config in `folder`, in any letter case.
fn find_web_config(folder: &Path) -> Option<PathBuf> {
    let exact = folder.join("web.config");
    if exact.is_file() {
        return Some(exact);
    }
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.is_file() && path.file_name().and_then(Kind::of) == Some(Kind::WebConfig))
}

/// The web.config files a folder's web.config inherits from, nearest first: its parent folders
/// up to the site's folder, then (IIS) the parent applications' folders.
fn parents_of<'a>(
    folder: &Path,
    root: &'a Root,
    candidate: &Candidate,
    web_configs: &'a HashMap<PathBuf, Parsed>,
) -> Vec<(&'a Path, &'a Result<RawMail, Unreadable>)> {
    let mut parents = Vec::new();
    let above = folder
        .ancestors()
        .skip(1)
        .take_while(|ancestor| ancestor.starts_with(&candidate.site_root))
        .map(Path::to_owned);
    let iis_parents = root.parents.iter().cloned();
    for ancestor in above.chain(iis_parents) {
        if let Some(parsed) = web_configs.get(&ancestor) {
            parents.push((parsed.file.as_path(), &parsed.raw));
        }
    }
    parents
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "walk_tests_files.rs"]
mod tests_files;
