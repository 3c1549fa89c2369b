//! .env files: Laravel's `MAIL_*` variables and Symfony's `MAILER_DSN`.
//!
//! Both send with Symfony Mailer, which encrypts from the first byte when the scheme is
//! `smtps` or the port is 465, and otherwise uses STARTTLS whenever the server offers it
//! (Laravel's `MAIL_ENCRYPTION` is ignored since Laravel 9).
//!
//! The file is read with `dotenvy` (quotes, comments, `export`, multi-line values). Before
//! that, a small scan (`dotenv_scan.rs`) makes `$` mean what the site's own reader makes of it:
//! Laravel's phpdotenv expands only `${NAME}`, Symfony's Dotenv also `$NAME`; and a value that
//! refers to a variable the file does not set (it comes from the server's environment) is
//! reported as unknown rather than read as empty.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::Read;

use self::dsn::Dsn;
use super::super::model::{Platform, SiteSettings, Unreadable};
use crate::secret::Password;

#[path = "dotenv_dsn.rs"]
mod dsn;
#[path = "dotenv_scan.rs"]
mod scan;

/// Laravel's port when `MAIL_PORT` is not set: 587, the default of the `config/mail.php` of
/// Laravel 5 to 10. (Laravel 11's skeleton says 2525; a site's own `config/mail.php` decides.)
const LARAVEL_DEFAULT_PORT: u32 = 587;

/// The variables that make a .env Laravel's.
const LARAVEL_KEYS: [&str; 4] = ["MAIL_MAILER", "MAIL_DRIVER", "MAIL_HOST", "MAIL_URL"];

/// Reads a .env file's mail settings.
///
/// - `MAILER_DSN` → [`Platform::Symfony`] (also when `MAIL_*` variables are there too, as
///   they often are in a Symfony `.env` that builds its DSN from them); `smtp://` and `smtps://` only (`null://`,
///   `sendmail://`, `native://` and API transports such as `ses+api://` give `None`).
/// - `MAIL_MAILER` (or the older `MAIL_DRIVER`) `smtp`, or missing with `MAIL_HOST` or
///   `MAIL_URL` set → [`Platform::Laravel`]; another mailer gives `None`.
/// - No such variable: `None`.
///
/// A line the readers cannot parse gives `Malformed` with its line number, never its text.
pub fn read(text: &str) -> Option<(Platform, Result<SiteSettings, Unreadable>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let scanned = scan::scan(text, false);
    let platform = if scanned.keys.contains("MAILER_DSN") {
        Platform::Symfony
    } else if LARAVEL_KEYS.iter().any(|key| scanned.keys.contains(*key)) {
        Platform::Laravel
    } else {
        return None;
    };
    let scanned = if platform == Platform::Laravel {
        scan::scan(text, true)
    } else {
        scanned
    };
    let vars = match parse(&scanned.text) {
        Ok(vars) => vars,
        Err(err) => return Some((platform, Err(err))),
    };
    let env = Env {
        vars,
        outside: scanned.outside,
        laravel: platform == Platform::Laravel,
    };
    let settings = match platform {
        Platform::Symfony => symfony(&env),
        _ => laravel(&env),
    };
    settings.transpose().map(|settings| (platform, settings))
}

/// Laravel: `MAIL_*`, or `MAIL_URL` (a DSN whose parts win over the separate variables).
fn laravel(env: &Env) -> Result<Option<SiteSettings>, Unreadable> {
    let url = env.get("MAIL_URL")?;
    let mailer = match env.get("MAIL_MAILER")? {
        Some(mailer) => Some(mailer),
        None => env.get("MAIL_DRIVER")?,
    };
    let smtp = match mailer {
        Some(mailer) => mailer.trim() == "smtp",
        None => url.is_some() || env.get("MAIL_HOST")?.is_some(),
    };
    if !smtp {
        return Ok(None);
    }
    let dsn = match url.map(|url| Dsn::parse("MAIL_URL", url)).transpose()? {
        Some(None) => return Ok(None),
        Some(Some(dsn)) => dsn,
        None => Dsn::default(),
    };
    let smtps = match env.get("MAIL_SCHEME")?.map(str::trim) {
        None | Some("smtp") => dsn.smtps,
        Some("smtps") => true,
        Some(_) => {
            return Err(Unreadable::Malformed {
                what: ".env",
                detail: crate::en!(
                    "MAIL_SCHEME must be smtp or smtps: Laravel refuses any other value and sends \
                     no mail (for SSL on connect write smtps, or use port 465)"
                )
                .into(),
            });
        }
    };
    let port = match (dsn.port, env.get("MAIL_PORT")?) {
        (Some(port), _) => port,
        (None, Some(port)) => port.trim().parse().map_err(|_| Unreadable::Malformed {
            what: ".env",
            detail: crate::en!("MAIL_PORT is not a whole number").into(),
        })?,
        (None, None) => LARAVEL_DEFAULT_PORT,
    };
    // What the URL gives wins; the separate variables fill in the rest.
    let url_or_var = |from_url: &str, key| -> Result<String, Unreadable> {
        if from_url.is_empty() {
            Ok(env.get(key)?.unwrap_or_default().to_owned())
        } else {
            Ok(from_url.to_owned())
        }
    };
    let host = url_or_var(&dsn.host, "MAIL_HOST")?;
    let (port, transport) = dsn::connection(&host, port, smtps, dsn.tls);
    Ok(Some(SiteSettings {
        port,
        transport,
        user: url_or_var(&dsn.user, "MAIL_USERNAME")?,
        password: Password::new(url_or_var(&dsn.password, "MAIL_PASSWORD")?),
        from: url_or_var("", "MAIL_FROM_ADDRESS")?,
        host,
        ..SiteSettings::default()
    }))
}

/// Symfony: `MAILER_DSN`.
fn symfony(env: &Env) -> Result<Option<SiteSettings>, Unreadable> {
    let Some(text) = env.get("MAILER_DSN")? else {
        return Err(Unreadable::Elsewhere(
            crate::en!(
                "MAILER_DSN is empty in this .env file: the mail server in use is set in \
                 .env.local (or .env.prod.local) or in the server's environment"
            )
            .into(),
        ));
    };
    let Some(dsn) = Dsn::parse("MAILER_DSN", text)? else {
        return Ok(None);
    };
    let (port, transport) = dsn::connection(&dsn.host, dsn.port.unwrap_or(0), dsn.smtps, dsn.tls);
    Ok(Some(SiteSettings {
        host: dsn.host,
        port,
        transport,
        user: dsn.user,
        password: Password::new(dsn.password),
        ..SiteSettings::default()
    }))
}

/// The variables of a file, as the site's own reader takes them.
struct Env {
    vars: HashMap<String, String>,
    /// Variables whose value refers to one the file does not set, and that one's name.
    outside: HashMap<String, String>,
    /// Laravel's `env()` reads `null`, `(null)`, `empty` and `(empty)` as no value.
    laravel: bool,
}

impl Env {
    /// A variable's value; `None` when missing or empty, an error when it comes from outside.
    fn get(&self, key: &str) -> Result<Option<&str>, Unreadable> {
        if let Some(name) = self.outside.get(key) {
            // A `$` in a password or a DSN may be part of the password, not a name to show.
            let secret = key.contains("PASSWORD") || key.ends_with("_DSN") || key.ends_with("_URL");
            return Err(Unreadable::Elsewhere(if secret || name.is_empty() {
                crate::en!(
                    "{key} in the .env file takes its value from another variable, which the file \
                     does not set: it comes from the server's environment (the web server's or \
                     PHP's settings); check it there",
                    key = key
                )
            } else {
                crate::en!(
                    "{key} in the .env file takes its value from {variable}, which the file does \
                     not set: it comes from the server's environment (the web server's or PHP's \
                     settings); check it there",
                    key = key,
                    variable = format!("${{{name}}}")
                )
            }));
        }
        let no_value = |value: &str| {
            let word = |word: &str| value.eq_ignore_ascii_case(word);
            value.is_empty()
                || (self.laravel
                    && ["null", "(null)", "empty", "(empty)"]
                        .map(word)
                        .contains(&true))
        };
        Ok(self
            .vars
            .get(key)
            .map(String::as_str)
            .filter(|value| !no_value(value)))
    }
}

/// The file's variables through `dotenvy` (the last definition of a name wins, as with
/// phpdotenv and Symfony's Dotenv).
fn parse(text: &str) -> Result<HashMap<String, String>, Unreadable> {
    let lines = Cell::new(0);
    let reader = OneLineAtATime {
        rest: text.as_bytes(),
        lines: &lines,
        at_line_start: true,
    };
    let mut vars = HashMap::new();
    for item in dotenvy::from_read_iter(reader) {
        match item {
            Ok((key, value)) => {
                vars.insert(key, value);
            }
            Err(err) => {
                // The error holds the entry's text (it may hold a password): only its number of
                // lines is used, to find where the entry starts.
                let spanned = match &err {
                    dotenvy::Error::LineParse(entry, _) => {
                        entry.trim_end_matches(['\r', '\n']).matches('\n').count()
                    }
                    _ => 0,
                };
                let line = lines.get().saturating_sub(spanned).max(1);
                return Err(Unreadable::Malformed {
                    what: ".env",
                    detail: crate::en!(
                        "line {line}: not a NAME=value line (check its quotes; a value with \
                         spaces needs quotes)",
                        line = line
                    ),
                });
            }
        }
    }
    Ok(vars)
}

/// A reader that hands out at most one line per call, counting lines: `dotenvy` reads through
/// a `BufReader`, which then never holds more than the line being parsed, so the count is the
/// line `dotenvy` is at.
struct OneLineAtATime<'a> {
    rest: &'a [u8],
    lines: &'a Cell<usize>,
    at_line_start: bool,
}

impl Read for OneLineAtATime<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let line_end = self
            .rest
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(self.rest.len(), |at| at + 1);
        let count = line_end.min(buf.len());
        if count == 0 {
            return Ok(0);
        }
        if self.at_line_start {
            self.lines.set(self.lines.get() + 1);
        }
        let (given, rest) = self.rest.split_at(count);
        buf[..count].copy_from_slice(given);
        self.at_line_start = given.last() == Some(&b'\n');
        self.rest = rest;
        Ok(count)
    }
}

#[cfg(test)]
#[path = "dotenv_tests.rs"]
mod tests;
