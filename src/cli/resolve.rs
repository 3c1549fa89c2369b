//! From flags to [`Settings`]: a base (a saved profile, or web.config's defaults plus a
//! preset), then every flag given on the command line on top, then the password from standard
//! input or the environment (never from an argument).

use std::io::IsTerminal;

use super::args::{SecurityArg, SettingsArgs, TargetArg};
use crate::profiles::ProfileStore;
use crate::secret::Password;
use crate::settings::{Security, Settings, Target, Timeouts};

/// Whether a password must come with a user name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    /// `--user` without a password is an error (unless `--profile`: the keyring may have it).
    Required,
    /// Any password given is read, none is needed (`profile save`).
    Optional,
}

/// Builds [`Settings`] from the flags, reading the password from stdin or the environment
/// (needed or not as `rule` says). An error is said in the user's language. With `--profile`, the profile is the base and the password
/// may come from the keyring later (see `profile_cmd::complete_password`).
pub fn resolve(args: &SettingsArgs, rule: PasswordRule) -> Result<Settings, String> {
    let password = read_password(args)?;
    let base = base_settings(args)?;
    let settings = Settings {
        password,
        ..apply_flags(args, base)
    };
    let needs_password = rule == PasswordRule::Required && args.profile.is_none();
    if needs_password && settings.wants_auth() && settings.password.is_empty() {
        return Err(crate::tr!(
            "--user needs a password: pass it with --password-stdin or --password-env VAR (never as an argument)"
        ));
    }
    Ok(settings)
}

/// The settings before the flags: the profile, or web.config's defaults and the preset.
fn base_settings(args: &SettingsArgs) -> Result<Settings, String> {
    let engine =
        |err: crate::profiles::ProfileError| crate::i18n::tr(&err.to_string()).into_owned();
    if let Some(name) = &args.profile {
        let store = ProfileStore::open_default().map_err(engine)?;
        return store.get(name).map_err(engine)?.ok_or_else(|| {
            crate::tr!(
                "there is no profile named \"{name}\"; `mailtester profile list` shows the saved ones",
                name = name
            )
        });
    }
    let mut settings = Settings {
        port: 25,
        enable_ssl: false,
        ..Settings::default()
    };
    if let Some(name) = &args.preset {
        let preset = crate::presets::find(name).ok_or_else(|| {
            let names: Vec<&str> = crate::presets::PRESETS.iter().map(|p| p.id).collect();
            crate::tr!(
                "there is no preset \"{name}\"; choose one of: {names}",
                name = name,
                names = names.join(", ")
            )
        })?;
        preset.apply(&mut settings);
    }
    Ok(settings)
}

/// Every flag that was given replaces the base's value; switches only turn things on.
fn apply_flags(args: &SettingsArgs, base: Settings) -> Settings {
    let timeouts = args.timeout.map_or(base.timeouts, Timeouts::uniform);
    let security = match args.security {
        Some(arg) => Some(match arg {
            SecurityArg::None => Security::None,
            SecurityArg::Starttls => Security::StartTls,
            SecurityArg::Tls => Security::ImplicitTls,
        }),
        // An explicit --enable-ssl decides on its own, as in web.config.
        None if args.enable_ssl.is_some() => None,
        None => base.security,
    };
    Settings {
        host: args.host.clone().unwrap_or(base.host),
        port: args.port.unwrap_or(base.port),
        user_name: args.user_name.clone().unwrap_or(base.user_name),
        enable_ssl: match args.security {
            Some(SecurityArg::Starttls) => true,
            Some(SecurityArg::None | SecurityArg::Tls) => false,
            None => args.enable_ssl.unwrap_or(base.enable_ssl),
        },
        security,
        default_credentials: args.default_credentials || base.default_credentials,
        client_domain: args.client_domain.clone().unwrap_or(base.client_domain),
        from: args.from.clone().unwrap_or(base.from),
        to: args.to.clone().unwrap_or(base.to),
        timeouts: Timeouts {
            total_secs: args.total_timeout.unwrap_or(timeouts.total_secs),
            final_reply_secs: args
                .final_reply_timeout
                .map_or(timeouts.final_reply_secs, u64::from),
            ..timeouts
        },
        accept_invalid_certs: args.accept_invalid_certs || base.accept_invalid_certs,
        allow_plaintext_password: args.allow_plaintext_password,
        ca_file: args.ca_file.clone().or(base.ca_file),
        target: match args.target {
            Some(TargetArg::Dotnet) => Target::DotNet,
            Some(TargetArg::Generic) => Target::Generic,
            None => base.target,
        },
        framework: match args.framework {
            Some(arg) => arg.framework(),
            None => base.framework,
        },
        ..base
    }
}

fn read_password(args: &SettingsArgs) -> Result<Password, String> {
    if args.password_stdin {
        read_password_line("--password-stdin", &crate::tr!("Password"))
    } else if let Some(var) = &args.password_env {
        Ok(Password::new(std::env::var(var).map_err(|_| {
            crate::tr!(
                "the environment variable {var} is not set (or not valid text); set it to the password",
                var = var
            )
        })?))
    } else {
        Ok(Password::default())
    }
}

/// One line of standard input as a password (`flag` and `prompt`, already translated, name it
/// in messages). Called twice, it reads the second line the second time.
pub fn read_password_line(flag: &str, prompt: &str) -> Result<Password, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let ask = crate::tr!(
            "{prompt} (input is not hidden; prefer a pipe):",
            prompt = prompt
        );
        eprint!("{ask} ");
    }
    let password = super::stdin_text::read_line(&mut stdin.lock())
        .map_err(|err| {
            crate::tr!(
                "could not read the password from standard input: {err}",
                err = err
            )
        })?
        .unwrap_or_default();
    if password.is_empty() {
        return Err(crate::tr!(
            "{flag} was given but standard input had no line for it",
            flag = flag
        ));
    }
    Ok(Password::new(password))
}
