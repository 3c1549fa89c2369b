//! Finding `<configuration><system.net><mailSettings><smtp><network>` in a parsed document, and
//! what stands in the way of reading it (another file, encryption, wrong case, duplicates).

use super::document::Document;
use super::error::WebConfigError;

/// The element names from the root down to `<network>`, exactly as .NET spells them.
pub(crate) const CHAIN: [&str; 5] = [
    "configuration",
    "system.net",
    "mailSettings",
    "smtp",
    "network",
];

/// Chain level of `<smtp>`.
pub(crate) const SMTP: usize = 3;
/// Chain level of `<network>`.
pub(crate) const NETWORK: usize = 4;

/// Where the mail settings are (or would go).
#[derive(Debug, Clone)]
pub(crate) struct MailSection {
    /// The element at each level of [`CHAIN`], when present. Levels above the root (a
    /// `configSource` file starts at `<smtp>`) are `None`.
    pub levels: [Option<usize>; 5],
    /// The chain level of the document's root element.
    pub base: usize,
    /// A `<location>` element the settings sit in, when they are not at the top level.
    pub location: Option<usize>,
    /// Extra copies of a level (the first copy is in `levels`).
    pub duplicates: Vec<usize>,
}

impl MailSection {
    /// `<smtp>`, if present.
    pub fn smtp(&self) -> Option<usize> {
        self.levels[SMTP]
    }

    /// `<network>`, if present.
    pub fn network(&self) -> Option<usize> {
        self.levels[NETWORK]
    }

    /// The elements of the chain that are present, from the top.
    pub fn present(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.levels
            .iter()
            .enumerate()
            .filter_map(|(level, element)| element.map(|e| (level, e)))
    }
}

/// Finds the mail settings. Errors only when the root is not a configuration file at all.
pub(crate) fn locate(doc: &Document<'_>) -> Result<MailSection, WebConfigError> {
    let root = &doc.elements[0];
    let Some(base) = CHAIN[..=SMTP]
        .iter()
        .position(|name| name.eq_ignore_ascii_case(&root.name))
    else {
        return Err(WebConfigError::NotConfiguration {
            root: root.name.clone(),
        });
    };
    let mut section = MailSection {
        levels: [None; 5],
        base,
        location: None,
        duplicates: Vec::new(),
    };
    section.levels[base] = Some(0);
    let mut current = 0;
    for (level, name) in CHAIN.iter().enumerate().skip(base + 1) {
        let mut found = doc.children_named(current, name);
        if level == 1 && found.is_empty() {
            for location in doc.children_named(current, "location") {
                let inside = doc.children_named(location, CHAIN[1]);
                if !inside.is_empty() && section.location.is_none() {
                    section.location = Some(location);
                    found = inside;
                }
            }
        }
        let exact = found
            .iter()
            .copied()
            .find(|&c| doc.elements[c].name == *name);
        let Some(first) = exact.or_else(|| found.first().copied()) else {
            break;
        };
        section
            .duplicates
            .extend(found.iter().copied().filter(|&e| e != first));
        section.levels[level] = Some(first);
        current = first;
    }
    Ok(section)
}

/// Stops when the settings live elsewhere: `configSource` or protected configuration.
pub(crate) fn check_readable(
    doc: &Document<'_>,
    section: &MailSection,
) -> Result<(), WebConfigError> {
    for (level, element) in section.present() {
        let element = &doc.elements[element];
        if let Some(source) = element.attr_any_case("configSource") {
            return Err(WebConfigError::ConfigSource {
                element: element.name.clone(),
                file: source.value.clone(),
            });
        }
        if let Some(provider) = element.attr_any_case("configProtectionProvider") {
            return Err(WebConfigError::Encrypted {
                detail: format!("configProtectionProvider=\"{}\"", provider.value),
            });
        }
        if level >= 1
            && element
                .children
                .iter()
                .any(|&c| doc.elements[c].name.eq_ignore_ascii_case("EncryptedData"))
        {
            return Err(WebConfigError::Encrypted {
                detail: crate::en!("<{element}> holds <EncryptedData>", element = element.name),
            });
        }
    }
    Ok(())
}

/// Stops when a name on the way has the wrong case or a section is written twice: an update
/// cannot know which copy ASP.NET would complain about.
pub(crate) fn check_unambiguous(
    doc: &Document<'_>,
    section: &MailSection,
) -> Result<(), WebConfigError> {
    for (level, element) in section.present() {
        let found = &doc.elements[element];
        if found.name != CHAIN[level] {
            return Err(WebConfigError::ElementCase {
                found: found.name.clone(),
                expected: CHAIN[level].to_owned(),
                line: doc.line(found.start),
            });
        }
    }
    if let Some(&extra) = section.duplicates.first() {
        let element = &doc.elements[extra];
        return Err(WebConfigError::Duplicate {
            element: element.name.clone(),
            line: doc.line(element.start),
        });
    }
    Ok(())
}

/// `targetFramework` from `<system.web><compilation>` or `<httpRuntime>`.
pub(crate) fn target_framework(doc: &Document<'_>) -> Option<String> {
    let root = &doc.elements[0];
    if !root.name.eq_ignore_ascii_case(CHAIN[0]) {
        return None;
    }
    let mut webs = doc.children_named(0, "system.web");
    for location in doc.children_named(0, "location") {
        webs.extend(doc.children_named(location, "system.web"));
    }
    for child in ["compilation", "httpRuntime"] {
        for &web in &webs {
            for element in doc.children_named(web, child) {
                if let Some(attr) = doc.elements[element].attr("targetFramework") {
                    let value = attr.value.trim();
                    if !value.is_empty() {
                        return Some(value.to_owned());
                    }
                }
            }
        }
    }
    None
}

/// Whether the site is hosted through the ASP.NET Core module (`<system.webServer><aspNetCore>`
/// or the `AspNetCoreModule` handler): then `<mailSettings>` is not read at all.
pub(crate) fn is_aspnet_core(doc: &Document<'_>) -> bool {
    let mut servers = doc.children_named(0, "system.webServer");
    for location in doc.children_named(0, "location") {
        servers.extend(doc.children_named(location, "system.webServer"));
    }
    servers.iter().any(|&server| {
        !doc.children_named(server, "aspNetCore").is_empty()
            || doc
                .children_named(server, "handlers")
                .iter()
                .any(|&handlers| {
                    doc.children_named(handlers, "add").iter().any(|&add| {
                        doc.elements[add]
                            .attr_any_case("modules")
                            .is_some_and(|attr| {
                                attr.value
                                    .to_ascii_lowercase()
                                    .starts_with("aspnetcoremodule")
                            })
                    })
                })
    })
}
