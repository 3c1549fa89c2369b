//! A site's name and the folder its files start in, from the folder layouts of control panels:
//! Plesk `…/vhosts/<domain>/httpdocs`, `SolidCP` and `WebsitePanel` `…/<user>/<domain>/wwwroot`,
//! plain IIS `…/<domain>/wwwroot` or `…/<domain>/WWW`.

use std::path::{Component, Path, PathBuf};

/// A site recognised by its folder layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    /// The domain folder's name.
    pub domain: String,
    /// The folder the site's files start in (`httpdocs`, `wwwroot`, `WWW`).
    pub root: PathBuf,
}

/// The control-panel site `folder` lies in, if its path follows a known layout (the first match
/// from the top of the path wins).
pub(super) fn control_panel_site(folder: &Path) -> Option<Layout> {
    let names: Vec<String> = folder
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let is = |i: usize, words: &[&str]| {
        names
            .get(i)
            .is_some_and(|name| words.iter().any(|w| name.eq_ignore_ascii_case(w)))
    };
    for i in 0..names.len() {
        let (domain, root) = if is(i, &["vhosts"]) && is(i + 2, &["httpdocs", "httpsdocs"]) {
            (i + 1, i + 2)
        } else if i > 0 && is(i, &["wwwroot", "www"]) && names[i - 1].contains('.') {
            (i - 1, i)
        } else {
            continue;
        };
        return Some(Layout {
            domain: names[domain].clone(),
            root: folder.components().take(root + 1).collect(),
        });
    }
    None
}

/// `folder` below `base` as `a/b` (empty when they are the same folder).
pub(super) fn relative(folder: &Path, base: &Path) -> String {
    folder
        .strip_prefix(base)
        .map(|rest| {
            rest.components()
                .filter_map(|c| match c {
                    Component::Normal(name) => Some(name.to_string_lossy()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default()
}

/// `name`, or `name/rest` when `rest` is not empty.
pub(super) fn joined(name: &str, rest: &str) -> String {
    if rest.is_empty() {
        name.to_owned()
    } else {
        format!("{name}/{rest}")
    }
}

/// A folder's own name, or the whole path for a drive or `/`.
pub(super) fn own_name(folder: &Path) -> String {
    folder.file_name().map_or_else(
        || folder.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_name_the_domain() {
        let plesk = control_panel_site(Path::new("/x/vhosts/example.com/httpdocs/blog")).unwrap();
        assert_eq!(plesk.domain, "example.com");
        assert_eq!(plesk.root, Path::new("/x/vhosts/example.com/httpdocs"));
        let solid = control_panel_site(Path::new("/h/user1/shop.example/wwwroot")).unwrap();
        assert_eq!(solid.domain, "shop.example");
        let www = control_panel_site(Path::new("/s/a.org/WWW")).unwrap();
        assert_eq!(www.root, Path::new("/s/a.org/WWW"));
        assert_eq!(control_panel_site(Path::new("/inetpub/wwwroot")), None);
        assert_eq!(relative(Path::new("/a/b/c"), Path::new("/a")), "b/c");
        assert_eq!(joined("s", ""), "s");
        assert_eq!(own_name(Path::new("/")), "/");
    }
}
