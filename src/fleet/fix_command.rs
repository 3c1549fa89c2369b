//! The command that applies a web.config site's fix: `mailtester webconfig update` with the
//! site's settings after the change (the password in the file is left as it is).

use std::path::Path;

use super::judge::Judgement;
use crate::cli::shell::Shell;
use crate::settings::{Framework, Settings};

/// `mailtester webconfig update FILE …`, quoted for `shell`, for a fix made of one change; `None` when the fix is
/// not a change of settings (a new password, a call to the provider) or the site has no `from`
/// to keep (the command needs one).
pub fn webconfig_update(
    path: &Path,
    settings: &Settings,
    judgement: &Judgement,
    shell: Shell,
) -> Option<String> {
    let change = judgement.change.as_ref()?;
    let fixed = change.apply(settings);
    if fixed.from == super::judge::PLACEHOLDER_FROM {
        return None;
    }
    let port = fixed.port.to_string();
    let mut args = vec![
        "webconfig".to_owned(),
        "update".to_owned(),
        path.display().to_string(),
        "--host".to_owned(),
        fixed.host.clone(),
        "--port".to_owned(),
        port,
        "--enable-ssl".to_owned(),
        fixed.enable_ssl.to_string(),
        "--from".to_owned(),
        fixed.from.clone(),
    ];
    if !fixed.user_name.trim().is_empty() {
        args.extend(["--user".to_owned(), fixed.user_name.clone()]);
    }
    let framework = match fixed.framework {
        Framework::Legacy => Some("3.5"),
        Framework::Net4 => None,
        Framework::Core => Some("core"),
    };
    if let Some(framework) = framework {
        args.extend(["--framework".to_owned(), framework.to_owned()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Some(shell.command_line("mailtester", &args))
}
