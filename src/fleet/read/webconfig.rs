//! web.config (ASP.NET on .NET Framework, System.Net.Mail): the mail attributes as written,
//! `configSource` followed, and the effective settings of an application.
//!
//! .NET merges the web.config files of an application's folder and its parent folders
//! attribute by attribute, the nearest file winning; what no file sets takes .NET's default
//! (port 25, `enableSsl` false). `enableSsl="true"` means STARTTLS, required: System.Net.Mail
//! never encrypts from the first byte, also on port 465. A `deliveryMethod` other than
//! `Network` does not use SMTP at all.

use std::path::{Component, Path, PathBuf};

use super::super::model::{Platform, SiteSettings, Transport, Unreadable};
use crate::settings::{DeliveryMethod, Framework};
use crate::webconfig::WebConfigError;
use crate::webconfig::raw::{self, parse_bool, parse_delivery_method, parse_port};

pub use crate::webconfig::raw::RawMail;

/// The platform of every web.config site.
pub const PLATFORM: Platform = Platform::AspNet;

/// Reads one web.config's mail attributes as written (a `configSource` is returned, not
/// followed: see [`follow_config_source`]). Errors: broken XML, encrypted settings.
pub fn read(text: &str) -> Result<RawMail, Unreadable> {
    raw::read_web_config(text).map_err(|err| unreadable(err, None))
}

/// Follows `<smtp configSource>`: the named file, relative to the web.config's folder and
/// inside `site_root`, replaces the `<smtp>` section. `load` reads a file's text (the walk's
/// size and binary checks). Without a `configSource`, `raw` is returned as it is.
pub fn follow_config_source(
    raw: RawMail,
    web_config: &Path,
    site_root: &Path,
    load: impl FnOnce(&Path) -> Result<String, Unreadable>,
) -> Result<RawMail, Unreadable> {
    let Some(source) = raw.config_source.clone() else {
        return Ok(raw);
    };
    let folder = web_config.parent().unwrap_or(Path::new(""));
    let target = resolve_config_source(&source, folder, site_root)?;
    if !target.is_file() {
        return Err(Unreadable::ConfigSource(crate::en!(
            "the mail settings are kept in \"{source}\" (configSource), which is not there",
            source = source
        )));
    }
    let text = load(&target)?;
    let section =
        raw::read_smtp_file(&text).map_err(|err| unreadable(err, Some(source.as_str())))?;
    Ok(RawMail {
        has_smtp: true,
        config_source: raw.config_source,
        target_framework: raw.target_framework,
        aspnet_core: raw.aspnet_core,
        ..section
    })
}

/// Where a `configSource` value points: relative to `folder`, never outside `site_root`.
fn resolve_config_source(
    source: &str,
    folder: &Path,
    site_root: &Path,
) -> Result<PathBuf, Unreadable> {
    let source = source.trim();
    if source.is_empty() {
        return Err(Unreadable::ConfigSource(crate::en!(
            "the mail settings are kept in \"{source}\" (configSource), which names no file; it \
             must name a file beside the web.config or in a folder below it",
            source = source
        )));
    }
    if source.starts_with(['/', '\\']) || source.contains(':') {
        return Err(Unreadable::ConfigSource(crate::en!(
            "the mail settings are kept in \"{source}\" (configSource), an absolute path, which \
             is not read; it must name a file beside the web.config or in a folder below it",
            source = source
        )));
    }
    let mut inside: Vec<&std::ffi::OsStr> = match folder.strip_prefix(site_root) {
        Ok(relative) => relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some(name),
                _ => None,
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    for part in source.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if inside.pop().is_none() {
                    return Err(Unreadable::ConfigSource(crate::en!(
                        "the mail settings are kept in \"{source}\" (configSource), which is \
                         outside the site's folder; it must name a file beside the web.config or \
                         in a folder below it",
                        source = source
                    )));
                }
            }
            name => inside.push(std::ffi::OsStr::new(name)),
        }
    }
    let target: PathBuf = std::iter::once(site_root.as_os_str())
        .chain(inside)
        .collect();
    // A symbolic link inside the site may still lead out of it.
    if let (Ok(real), Ok(real_root)) = (target.canonicalize(), site_root.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err(Unreadable::ConfigSource(crate::en!(
            "the mail settings are kept in \"{source}\" (configSource), which leads outside the \
             site's folder (a symbolic link); it must name a file beside the web.config or in a \
             folder below it",
            source = source
        )));
    }
    Ok(target)
}

/// A parser error as [`Unreadable`], never quoting the file's text (it may hold a password).
/// `source` names the `configSource` file the error is in.
fn unreadable(err: WebConfigError, source: Option<&str>) -> Unreadable {
    match err {
        WebConfigError::Xml {
            line,
            column,
            problem,
        } => {
            // quick-xml's own messages (the catch-all) might quote a piece of the text.
            let problem = if problem.starts_with("the XML could not be read (") {
                crate::en!("the XML could not be read").to_owned()
            } else {
                problem
            };
            let detail = match source {
                Some(file) => crate::en!(
                    "in \"{file}\" (configSource), line {line}, column {column}: {problem}",
                    file = file,
                    line = line,
                    column = column,
                    problem = problem
                ),
                None => crate::en!(
                    "line {line}, column {column}: {problem}",
                    line = line,
                    column = column,
                    problem = problem
                ),
            };
            Unreadable::Malformed {
                what: "XML",
                detail,
            }
        }
        WebConfigError::NotConfiguration { root } => match source {
            Some(file) => Unreadable::ConfigSource(crate::en!(
                "the mail settings are kept in \"{file}\" (configSource), which starts with \
                 <{root}> instead of <smtp>",
                file = file,
                root = root
            )),
            None => Unreadable::Malformed {
                what: "XML",
                detail: crate::en!(
                    "the first element is <{root}>, not <configuration>",
                    root = root
                ),
            },
        },
        WebConfigError::Encrypted { .. } => Unreadable::Encrypted,
        _ => Unreadable::Malformed {
            what: "XML",
            detail: match source {
                Some(file) => crate::en!(
                    "in \"{file}\" (configSource), the mail settings could not be read",
                    file = file
                ),
                None => crate::en!("the mail settings could not be read").to_owned(),
            },
        },
    }
}

/// The effective settings of the application whose nearest web.config is `own`, given the
/// web.config files of its parent folders (`parents`, nearest first, with their paths).
///
/// `None` when `own` is not an entry of its own: it sets no mail attribute and a parent
/// declares the mail settings (the same application as the parent), or no file declares any,
/// or the delivery method does not use SMTP. A broken `own` is always an entry; a broken parent
/// makes the inherited values unknown, so the entry says so.
pub fn effective(
    own: &Result<RawMail, Unreadable>,
    parents: &[(&Path, &Result<RawMail, Unreadable>)],
) -> Option<Result<SiteSettings, Unreadable>> {
    let own = match own {
        Ok(raw) => raw,
        Err(err) => return Some(Err(err.clone())),
    };
    let declared_above = parents
        .iter()
        .any(|(_, parent)| parent.as_ref().is_ok_and(|raw| raw.has_smtp));
    if !own.sets_mail() && (declared_above || !own.has_smtp) {
        return None;
    }
    let mut chain = vec![own];
    for (path, parent) in parents {
        match parent {
            Ok(raw) => chain.push(raw),
            Err(err) => {
                return Some(Err(Unreadable::Elsewhere(crate::en!(
                    "this web.config inherits mail settings from a parent folder's web.config, \
                     which could not be read ({err}): {path}",
                    err = err,
                    path = path.display()
                ))));
            }
        }
    }
    settings(&merge(chain))
}

/// Merges web.config attributes, nearest file first: the first one that sets a value wins.
pub fn merge<'a>(nearest_first: impl IntoIterator<Item = &'a RawMail>) -> RawMail {
    let mut merged = RawMail::default();
    for raw in nearest_first {
        let take = |into: &mut Option<String>, from: &Option<String>| {
            if into.is_none() {
                into.clone_from(from);
            }
        };
        merged.has_smtp |= raw.has_smtp;
        merged.aspnet_core |= raw.aspnet_core;
        take(&mut merged.from, &raw.from);
        take(&mut merged.delivery_method, &raw.delivery_method);
        take(&mut merged.config_source, &raw.config_source);
        take(&mut merged.host, &raw.host);
        take(&mut merged.port, &raw.port);
        take(&mut merged.user_name, &raw.user_name);
        take(&mut merged.enable_ssl, &raw.enable_ssl);
        take(&mut merged.default_credentials, &raw.default_credentials);
        take(&mut merged.target_framework, &raw.target_framework);
        if merged.password.is_none() {
            merged.password.clone_from(&raw.password);
        }
    }
    merged
}

/// The settings System.Net.Mail uses for these (merged) attributes, with .NET's defaults.
/// `None` when the delivery method does not use SMTP (a pickup folder).
pub fn settings(raw: &RawMail) -> Option<Result<SiteSettings, Unreadable>> {
    let invalid = |detail: String| {
        Some(Err(Unreadable::Malformed {
            what: "web.config",
            detail,
        }))
    };
    let not_true_or_false = |attribute: &str, value: &str| {
        invalid(crate::en!(
            "{attribute}=\"{value}\" is not true or false, so ASP.NET stops with a configuration \
             error",
            attribute = attribute,
            value = value
        ))
    };
    if let Some(method) = raw.delivery_method.as_deref() {
        match parse_delivery_method(method) {
            Some(DeliveryMethod::Network) => {}
            Some(_) => return None,
            None => {
                return invalid(crate::en!(
                    "deliveryMethod=\"{value}\" is not Network, SpecifiedPickupDirectory or \
                     PickupDirectoryFromIis, so ASP.NET stops with a configuration error",
                    value = method
                ));
            }
        }
    }
    let port = match raw.port.as_deref() {
        None => 25,
        Some(value) => match parse_port(value) {
            Some(port) => port,
            None => {
                return invalid(crate::en!(
                    "port=\"{value}\" is not a whole number, so ASP.NET stops with a \
                     configuration error",
                    value = value
                ));
            }
        },
    };
    let enable_ssl = match bool_of(raw.enable_ssl.as_deref()) {
        Ok(value) => value,
        Err(value) => return not_true_or_false("enableSsl", value),
    };
    let default_credentials = match bool_of(raw.default_credentials.as_deref()) {
        Ok(value) => value.unwrap_or(false),
        Err(value) => return not_true_or_false("defaultCredentials", value),
    };
    let framework = if raw.aspnet_core {
        Framework::Core
    } else {
        raw.target_framework
            .as_deref()
            .and_then(Framework::from_target_framework)
            .unwrap_or_default()
    };
    let mut settings = SiteSettings {
        host: raw.host.clone().unwrap_or_default(),
        port,
        transport: if enable_ssl == Some(true) {
            Transport::StartTls
        } else {
            Transport::Plain
        },
        from: raw.from.clone().unwrap_or_default(),
        framework,
        enable_ssl,
        ..SiteSettings::default()
    };
    // With defaultCredentials the Windows account signs in; userName and password are unused.
    if !default_credentials {
        settings.user = raw.user_name.clone().unwrap_or_default();
        settings.password = raw.password.clone().unwrap_or_default();
    }
    Some(Ok(settings))
}

/// A boolean attribute: `None` when not set, the value as written when it is not a boolean.
fn bool_of(value: Option<&str>) -> Result<Option<bool>, &str> {
    value.map(|v| parse_bool(v).ok_or(v)).transpose()
}
