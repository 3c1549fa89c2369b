//! wp-config.php (WordPress with WP Mail SMTP): the plugin's `WPMS_*` constants.
//!
//! WP Mail SMTP takes its settings from constants instead of the database when `WPMS_ON` is
//! the PHP value `true` (it tests `WPMS_ON === true`). Each constant then replaces one setting;
//! `WPMS_MAILER`, `WPMS_SMTP_HOST`, `_PORT`, `_USER` and `_PASS` count only when not empty.
//! PHPMailer then connects: `WPMS_SSL` `'ssl'` is SSL on connect, `'tls'` is STARTTLS
//! (required), anything else is STARTTLS when the server offers it if `WPMS_SMTP_AUTOTLS` is on
//! (the default), plain text otherwise.
//!
//! The file is PHP: a small tokenizer (`wordpress_php.rs`) finds the `define('NAME', value)` calls
//! (and `const NAME = value;`) outside comments. A value computed by code (`getenv('X')`, a
//! variable, a concatenation) is reported as unknown, never guessed.

use std::collections::HashMap;

use self::php::{Define, Value};
use super::super::model::{SiteSettings, Transport, Unreadable};
use crate::secret::Password;

#[path = "wordpress_php.rs"]
mod php;

/// The port when `WPMS_SMTP_PORT` sets none: WP Mail SMTP's port field is empty by default
/// and PHPMailer then uses 25. (With the constants on, an unset `WPMS_SMTP_PORT` really falls
/// back to the port saved in the database, which the files do not show.)
const DEFAULT_PORT: u32 = 25;

/// Reads WP Mail SMTP's constants from a wp-config.php.
///
/// - `None`: no `WPMS_*` constant at all (the site uses the plugin's database settings or
///   PHP's `mail()`: the caller decides), or a mailer other than `smtp` (SendGrid, PHP mail...).
/// - `Some(Err(Elsewhere))`: the constants are switched off (`WPMS_ON` not `true`), a needed
///   one is missing (the database has it) or computed by code, or defined twice differently.
/// - `Some(Err(Malformed))`: the PHP is broken where the constants are (an unclosed string).
pub fn read(text: &str) -> Option<Result<SiteSettings, Unreadable>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let defines = match php::defines(text) {
        Ok(defines) => defines,
        // A broken file: it matters only when WP Mail SMTP's constants may be in it.
        Err(err) => {
            return text.contains("WPMS_").then(|| {
                Err(Unreadable::Malformed {
                    what: "PHP",
                    detail: crate::en!(
                        "line {line}: {problem}",
                        line = err.line,
                        problem = err.problem
                    ),
                })
            });
        }
    };
    let constants = Constants::new(defines);
    if constants.is_empty() {
        return None;
    }
    settings(&constants).transpose()
}

/// The settings the constants give; `None` when the mailer is not SMTP.
fn settings(constants: &Constants) -> Result<Option<SiteSettings>, Unreadable> {
    match constants.get("WPMS_ON")? {
        Some(Value::Bool(true)) => {}
        other => return Err(switched_off(other)),
    }
    match constants.text("WPMS_MAILER")?.as_deref() {
        Some("smtp") => {}
        Some(_) => return Ok(None),
        None => {
            return Err(Unreadable::Elsewhere(
                crate::en!(
                    "WP Mail SMTP's constants are on, but WPMS_MAILER is not set in \
                     wp-config.php: which mailer WP Mail SMTP uses is the one saved in the \
                     WordPress database (WP Mail SMTP > Settings in the site's admin), which this \
                     check does not read"
                )
                .to_owned(),
            ));
        }
    }
    let Some(host) = constants.text("WPMS_SMTP_HOST")? else {
        return Err(Unreadable::Elsewhere(
            crate::en!(
                "WP Mail SMTP's constants are on, but WPMS_SMTP_HOST is not set in wp-config.php: \
                 the mail server in use is the one saved in the WordPress database (WP Mail SMTP \
                 > Settings in the site's admin), which this check does not read"
            )
            .to_owned(),
        ));
    };
    let port = constants
        .text("WPMS_SMTP_PORT")?
        .map_or(DEFAULT_PORT, |port| php_int(&port));
    let encryption = constants.get("WPMS_SSL")?.map(Value::to_php_string);
    let auto_tls = constants.flag("WPMS_SMTP_AUTOTLS", true)?;
    let transport = match encryption.as_deref() {
        Some("ssl") => Transport::ImplicitTls,
        Some("tls") => Transport::StartTls,
        // '', 'none' and any other word: PHPMailer knows only 'ssl' and 'tls'.
        _ if auto_tls => Transport::StartTlsIfOffered,
        _ => Transport::Plain,
    };
    let (user, password) = if constants.flag("WPMS_SMTP_AUTH", true)? {
        (
            constants.text("WPMS_SMTP_USER")?.unwrap_or_default(),
            constants.text("WPMS_SMTP_PASS")?.unwrap_or_default(),
        )
    } else {
        (String::new(), String::new())
    };
    Ok(Some(SiteSettings {
        host,
        port,
        transport,
        user,
        password: Password::new(password),
        from: constants.text("WPMS_MAIL_FROM")?.unwrap_or_default(),
        ..SiteSettings::default()
    }))
}

/// The `WPMS_*` constants of a file, every definition kept (a second `define` of a name fails
/// in PHP, but conditional definitions are only known on the server).
struct Constants(HashMap<String, Vec<(Value, usize)>>);

impl Constants {
    fn new(defines: Vec<Define>) -> Self {
        let mut map: HashMap<String, Vec<(Value, usize)>> = HashMap::new();
        for define in defines {
            if define.name.starts_with("WPMS_") {
                map.entry(define.name)
                    .or_default()
                    .push((define.value, define.line));
            }
        }
        Self(map)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A constant's plain value; an error when code computes it or definitions disagree.
    fn get(&self, name: &str) -> Result<Option<&Value>, Unreadable> {
        let Some(definitions) = self.0.get(name) else {
            return Ok(None);
        };
        let Some((value, line)) = definitions.first() else {
            return Ok(None);
        };
        if let Some((_, other)) = definitions.iter().find(|(other, _)| other != value) {
            return Err(Unreadable::Elsewhere(crate::en!(
                "{name} is defined more than once in wp-config.php with different values (lines \
                 {line} and {other}); which one applies depends on conditions in the file: check \
                 it on the server",
                name = name,
                line = line,
                other = other
            )));
        }
        if *value == Value::Code {
            return Err(Unreadable::Elsewhere(crate::en!(
                "{name} in wp-config.php (line {line}) is computed by PHP code, not written as a \
                 plain value; look up what it gives on the server to check this site",
                name = name,
                line = line
            )));
        }
        Ok(Some(value))
    }

    /// A text constant as WP Mail SMTP takes it: `None` when missing or empty (`defined(X) &&
    /// X`: the database value applies then).
    fn text(&self, name: &str) -> Result<Option<String>, Unreadable> {
        Ok(self
            .get(name)?
            .filter(|value| value.is_truthy())
            .map(Value::to_php_string))
    }

    /// A switch (`(bool) X`), `default` when missing.
    fn flag(&self, name: &str, default: bool) -> Result<bool, Unreadable> {
        Ok(self.get(name)?.map_or(default, Value::is_truthy))
    }
}

/// Why the constants do not count, for a support person.
fn switched_off(value: Option<&Value>) -> Unreadable {
    let why = match value {
        None => crate::en!(
            "WP Mail SMTP's constants are switched off (WPMS_ON is not true) (WPMS_ON is not \
             defined): the settings in use are in the WordPress database (WP Mail SMTP > Settings \
             in the site's admin), which this check does not read"
        ),
        Some(Value::Bool(false)) => crate::en!(
            "WP Mail SMTP's constants are switched off (WPMS_ON is not true): the settings in use \
             are in the WordPress database (WP Mail SMTP > Settings in the site's admin), which \
             this check does not read"
        ),
        Some(_) => crate::en!(
            "WP Mail SMTP's constants are switched off (WPMS_ON is not true): WPMS_ON must be the \
             PHP value true, written without quotes: the settings in use are in the WordPress \
             database (WP Mail SMTP > Settings in the site's admin), which this check does not \
             read"
        ),
    };
    Unreadable::Elsewhere(why.to_owned())
}

/// A number as PHP's `(int)` reads text: its leading digits (`"587"` → 587, `"abc"` → 0).
fn php_int(text: &str) -> u32 {
    let text = text.trim_start();
    let digits = text.strip_prefix('+').unwrap_or(text);
    digits
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0u32, |port, digit| {
            port.saturating_mul(10)
                .saturating_add(u32::from(digit - b'0'))
        })
}

#[cfg(test)]
#[path = "wordpress_tests.rs"]
mod tests;
