//! IIS's list of sites (`%windir%\System32\inetsrv\config\applicationHost.config`): each
//! application's folder is walked as a site named `<site name><application path>`
//! (`Default Web Site/blog`; the root application is the site's name alone).
//!
//! `<system.applicationHost><sites><site name><application path><virtualDirectory path="/"
//! physicalPath>`: only each application's root virtual directory is used. `%SystemDrive%`
//! (`C:` when the variable is not set) and other `%VARIABLE%`s are expanded from the
//! environment. An application inherits the web.config of its parent applications (by virtual
//! path), as IIS does; an application's folder inside another one's is walked as its own
//! application only.

use std::path::{Path, PathBuf};

use super::model::{Skipped, Unreadable};
use super::walk::Root;
use crate::webconfig::WebConfigError;
use crate::webconfig::raw::{self, RawElement};

/// The largest `applicationHost.config` read (a server with thousands of sites).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One IIS application, as `applicationHost.config` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    /// The site's name (`Default Web Site`).
    pub site: String,
    /// The application's virtual path (`/`, `/blog`).
    pub path: String,
    /// Its root folder as written (`%SystemDrive%\inetpub\wwwroot`).
    pub physical_path: String,
}

impl Application {
    /// The name shown for its sites: the site's name, plus the path for other applications.
    pub fn display_name(&self) -> String {
        format!("{}{}", self.site, self.path.trim_end_matches('/'))
    }
}

/// The applications listed in an `applicationHost.config`'s text, in document order.
/// Errors: broken XML (the file's text is never quoted).
pub fn applications(text: &str) -> Result<Vec<Application>, Unreadable> {
    let tree = raw::read_tree(text).map_err(|err| Unreadable::Malformed {
        what: "XML",
        detail: match err {
            WebConfigError::Xml {
                line,
                column,
                problem,
            } if !problem.starts_with("the XML could not be read (") => {
                crate::en!(
                    "line {line}, column {column}: {problem}",
                    line = line,
                    column = column,
                    problem = problem
                )
            }
            WebConfigError::Xml { line, column, .. } => {
                crate::en!("line {line}, column {column}", line = line, column = column)
            }
            _ => crate::en!("the file could not be read").to_owned(),
        },
    })?;
    let named = |index: usize, name: &str| tree[index].name.eq_ignore_ascii_case(name);
    let parent_named =
        |element: &RawElement, name: &str| element.parent.is_some_and(|p| named(p, name));
    let mut found = Vec::new();
    for element in &tree {
        let is_root_directory = element.name.eq_ignore_ascii_case("virtualDirectory")
            && element.attr("path").is_none_or(|path| path == "/")
            && parent_named(element, "application");
        let Some(physical_path) = element.attr("physicalPath").filter(|_| is_root_directory) else {
            continue;
        };
        let Some(application) = element.parent.map(|p| &tree[p]) else {
            continue;
        };
        let Some(site) = application.parent.map(|p| &tree[p]) else {
            continue;
        };
        if !site.name.eq_ignore_ascii_case("site") || !parent_named(site, "sites") {
            continue;
        }
        found.push(Application {
            site: site.attr("name").unwrap_or_default().to_owned(),
            path: normalise_virtual(application.attr("path").unwrap_or("/")),
            physical_path: physical_path.to_owned(),
        });
    }
    Ok(found)
}

/// `/Blog/` → `/Blog`; an empty path → `/`.
fn normalise_virtual(path: &str) -> String {
    let trimmed = path.trim().trim_matches('/');
    format!("/{trimmed}")
}

/// `%VARIABLE%`s replaced from the environment (`%SystemDrive%` is `C:` when not set); the
/// name of the first one that is not set, as the error.
pub fn expand(path: &str) -> Result<String, String> {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(start) = rest.find('%') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('%') else {
            out.push_str(&rest[start..]);
            return Ok(out);
        };
        let name = &after[..end];
        match std::env::var(name) {
            Ok(value) => out.push_str(&value),
            Err(_) if name.eq_ignore_ascii_case("SystemDrive") => out.push_str("C:"),
            Err(_) => return Err(format!("%{name}%")),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether `path` is a Windows path (`C:\…`, `\\server\…`), which only Windows can open.
fn is_windows_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.starts_with("\\\\")
        || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
}

/// The folders to walk for the applications of the `applicationHost.config` at `config`, and
/// what cannot be walked (with the reason).
pub(crate) fn roots(config: &Path) -> (Vec<Root>, Vec<Skipped>) {
    let skip = |path: PathBuf, reason: String| Skipped { path, reason };
    let apps = match read_config(config).and_then(|text| applications(&text)) {
        Ok(apps) => apps,
        Err(err) => {
            let reason = crate::en!("IIS's list of sites could not be read: {err}", err = err);
            return (Vec::new(), vec![skip(config.to_owned(), reason)]);
        }
    };
    let mut usable: Vec<(&Application, PathBuf)> = Vec::new();
    let mut skipped = Vec::new();
    for app in &apps {
        let name = app.display_name();
        let physical = match expand(&app.physical_path) {
            Ok(path) => path,
            Err(variable) => {
                let reason = crate::en!(
                    "IIS site \"{name}\": its folder names {variable}, which is not set here",
                    name = name,
                    variable = variable
                );
                skipped.push(skip(PathBuf::from(&app.physical_path), reason));
                continue;
            }
        };
        if !cfg!(windows) && is_windows_path(&physical) {
            let reason = crate::en!(
                "IIS site \"{name}\": its folder is a Windows path, which cannot be opened here; \
                 run the scan on the Windows server itself",
                name = name
            );
            skipped.push(skip(PathBuf::from(physical), reason));
            continue;
        }
        let path = PathBuf::from(physical.trim_end_matches(['/', '\\']));
        if !path.is_dir() {
            let reason = crate::en!("IIS site \"{name}\": its folder is not there", name = name);
            skipped.push(skip(path, reason));
            continue;
        }
        usable.push((app, path));
    }
    let roots = usable
        .iter()
        .map(|(app, path)| Root {
            path: path.clone(),
            name: Some(app.display_name()),
            parents: virtual_parents(app, &usable),
            exclude: usable
                .iter()
                .filter(|(_, other)| other != path && other.starts_with(path))
                .map(|(_, other)| other.clone())
                .collect(),
        })
        .collect();
    (roots, skipped)
}

/// The folders of an application's virtual parents, nearest first (`/a/b` → the folders of
/// `/a` and `/`), each under the application of its site that holds it.
fn virtual_parents(app: &Application, all: &[(&Application, PathBuf)]) -> Vec<PathBuf> {
    let segments: Vec<&str> = app.path.split('/').filter(|s| !s.is_empty()).collect();
    let mut parents = Vec::new();
    for depth in (0..segments.len()).rev() {
        let wanted = &segments[..depth];
        let holder = all
            .iter()
            .filter(|(other, _)| other.site == app.site)
            .filter_map(|(other, path)| {
                let own: Vec<&str> = other.path.split('/').filter(|s| !s.is_empty()).collect();
                wanted.starts_with(&own).then_some((own.len(), path))
            })
            .max_by_key(|(length, _)| *length);
        if let Some((length, path)) = holder {
            parents.push(wanted[length..].iter().fold(path.clone(), |p, s| p.join(s)));
        }
    }
    parents
}

/// The text of `applicationHost.config`.
fn read_config(path: &Path) -> Result<String, Unreadable> {
    let reason = |err: std::io::Error| Unreadable::Io(super::walk::io_reason(&err));
    let size = std::fs::metadata(path).map_err(reason)?.len();
    if size > MAX_BYTES {
        return Err(Unreadable::TooLarge(size));
    }
    let bytes = std::fs::read(path).map_err(reason)?;
    raw::decode(&bytes).map_err(|detail| Unreadable::Malformed {
        what: "XML",
        detail,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_and_variables() {
        let text = r#"<configuration><system.applicationHost><sites>
            <site name="Default Web Site" id="1">
              <application path="/"><virtualDirectory path="/" physicalPath="%SystemDrive%\inetpub\wwwroot" /></application>
              <application path="/blog/"><virtualDirectory path="/img" physicalPath="D:\img" /><virtualDirectory path="/" physicalPath="D:\blog" /></application>
            </site>
            <siteDefaults><virtualDirectoryDefaults physicalPath="x"/></siteDefaults>
          </sites></system.applicationHost></configuration>"#;
        let apps = applications(text).unwrap();
        assert_eq!(apps.len(), 2);
        assert_eq!(apps[1].display_name(), "Default Web Site/blog");
        assert_eq!(apps[0].display_name(), "Default Web Site");
        assert_eq!(apps[1].physical_path, "D:\\blog");
        if std::env::var_os("SystemDrive").is_none() {
            assert_eq!(
                expand(&apps[0].physical_path).unwrap(),
                "C:\\inetpub\\wwwroot"
            );
        }
        assert_eq!(
            expand("%NO_SUCH_VARIABLE_HERE%\\x"),
            Err("%NO_SUCH_VARIABLE_HERE%".to_owned())
        );
        assert_eq!(expand("100%"), Ok("100%".to_owned()));
        assert!(
            is_windows_path("C:\\x") && is_windows_path("\\\\srv\\x") && !is_windows_path("/x")
        );
        assert!(applications("<configuration>").is_err());
    }

    #[test]
    fn virtual_parents_nearest_first() {
        let app = |path: &str| Application {
            site: "S".to_owned(),
            path: path.to_owned(),
            physical_path: String::new(),
        };
        let (root, deep) = (app("/"), app("/a/b"));
        let all = [(&root, PathBuf::from("/r")), (&deep, PathBuf::from("/d"))];
        assert_eq!(
            virtual_parents(&deep, &all),
            [PathBuf::from("/r/a"), PathBuf::from("/r")]
        );
        assert!(virtual_parents(&root, &all).is_empty());
    }
}
