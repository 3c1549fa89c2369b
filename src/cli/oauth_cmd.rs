//! `mailtester oauth status|sign-out`: what sign-in is kept in the keyring for a mailbox and
//! an app, and forgetting it.

use clap::{Args, Subcommand};

use super::oauth_args::{OAuthArgs, OAuthProviderArg, OAuthSetupError};
use super::{exit, say};
use crate::credentials::Keyring;
use crate::oauth::delegated::DelegatedApp;
use crate::oauth::stored;

/// `oauth`'s subcommands.
#[derive(Debug, Subcommand)]
pub enum OAuthCommand {
    /// Is a person's sign-in kept for this mailbox and app? Renews it to prove it still works.
    Status(OAuthAccountArgs),
    /// Forget the kept sign-in (the refresh token in the keyring).
    SignOut(OAuthAccountArgs),
    /// The steps that let an app send as a Microsoft 365 mailbox with OAuth (app
    /// registration, permission, admin consent, PowerShell), filled in with what you give.
    Setup(SetupArgs),
}

/// `oauth setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// The mailbox the app sends as.
    #[arg(long = "user", value_name = "MAILBOX")]
    pub user: String,
    /// The Directory (tenant) ID, when known.
    #[arg(long, value_name = "TENANT")]
    pub tenant: Option<String>,
    /// The Application (client) ID, when known.
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Prints the Microsoft 365 app-registration checklist.
fn setup(args: &SetupArgs) -> u8 {
    let app = super::oauth_args::oauth_app(
        OAuthProviderArg::Microsoft,
        false,
        args.tenant.as_deref(),
        args.client_id.as_deref(),
    );
    let steps = crate::snippet::microsoft_app_setup(&app, args.user.trim());
    if args.json {
        super::json::print_value(&serde_json::json!({ "steps": steps }));
        return exit::OK;
    }
    for (number, step) in steps.iter().enumerate() {
        println!("{}. {}", number + 1, crate::i18n::tr(&step.text));
        // The PowerShell lines are for copying: as they are.
        if let Some(powershell) = &step.powershell {
            for line in powershell.lines() {
                println!("     PS> {line}");
            }
        }
        println!();
    }
    exit::OK
}

/// Which sign-in: the mailbox, the provider and the app.
#[derive(Debug, Args)]
pub struct OAuthAccountArgs {
    /// The mailbox that signed in.
    #[arg(long = "user", value_name = "MAILBOX")]
    pub user: String,
    /// The provider.
    #[arg(long, value_enum, value_name = "PROVIDER")]
    pub oauth: OAuthProviderArg,
    /// The app's Application (client) ID.
    #[arg(long, value_name = "ID")]
    pub client_id: String,
    /// Microsoft: the tenant signed in to [default: organizations].
    #[arg(long, value_name = "TENANT")]
    pub tenant: Option<String>,
    /// The sign-in service, when not the provider's own.
    #[arg(long, value_name = "URL")]
    pub authority: Option<String>,
    /// Google: read the desktop app's client secret from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub client_secret_env: Option<String>,
}

/// Runs `oauth status` or `oauth sign-out`.
pub async fn run(command: OAuthCommand) -> u8 {
    let (args, status) = match &command {
        OAuthCommand::Status(args) => (args, true),
        OAuthCommand::SignOut(args) => (args, false),
        OAuthCommand::Setup(args) => return setup(args),
    };
    let flags = OAuthArgs {
        oauth: Some(args.oauth),
        client_id: Some(args.client_id.clone()),
        tenant: args.tenant.clone(),
        authority: args.authority.clone(),
        client_secret_env: args.client_secret_env.clone(),
        ..OAuthArgs::default()
    };
    let app = match flags.delegated_app() {
        Ok(app) => app,
        Err(OAuthSetupError::Usage(message)) => {
            say::error(&crate::i18n::tr(&message));
            return exit::USAGE;
        }
        Err(OAuthSetupError::Token(error)) => {
            say::engine_error(&error);
            return exit::USAGE;
        }
    };
    let keyring = match tokio::task::spawn_blocking(Keyring::system).await {
        Ok(Ok(keyring)) => keyring,
        Ok(Err(error)) => {
            say::engine_error(&error);
            return exit::INTERNAL;
        }
        Err(_) => return exit::INTERNAL,
    };
    let mailbox = args.user.trim().to_owned();
    if status {
        show_status(&keyring, &app, &mailbox).await
    } else {
        sign_out(keyring, app, mailbox).await
    }
}

/// `oauth sign-out`: forgets the kept sign-in.
async fn sign_out(keyring: Keyring, app: DelegatedApp, mailbox: String) -> u8 {
    let forgotten = {
        let mailbox = mailbox.clone();
        tokio::task::spawn_blocking(move || stored::forget(&keyring, &app, &mailbox)).await
    };
    match forgotten {
        Ok(Ok(true)) => {
            println!(
                "{}",
                crate::tr!(
                    "Signed out: the sign-in of {mailbox} is no longer kept.",
                    mailbox = mailbox
                )
            );
            exit::OK
        }
        Ok(Ok(false)) => {
            println!(
                "{}",
                crate::tr!(
                    "No sign-in of {mailbox} was kept for this app.",
                    mailbox = mailbox
                )
            );
            exit::OK
        }
        Ok(Err(error)) => {
            say::engine_error(&error);
            exit::INTERNAL
        }
        Err(_) => exit::INTERNAL,
    }
}

/// `oauth status`: renews the kept sign-in to prove it still works.
async fn show_status(keyring: &Keyring, app: &DelegatedApp, mailbox: &str) -> u8 {
    match stored::renew(keyring, app, mailbox).await {
        Ok(Some(tokens)) => {
            let claims = crate::oauth::TokenClaims::peek(tokens.access.expose());
            let who = claims
                .and_then(|c| c.user)
                .unwrap_or_else(|| mailbox.to_owned());
            let provider = app.provider.label();
            let signed_in = crate::tr!(
                "Signed in as {who} with {provider} (kept in the system keyring).",
                who = who,
                provider = provider
            );
            let issued = match tokens.expires_in {
                Some(valid) => crate::tr!(
                    "A new access token was issued just now, valid for {minutes} min.",
                    minutes = valid.as_secs() / 60
                ),
                None => crate::tr!("A new access token was issued just now."),
            };
            println!("{signed_in} {issued}");
            exit::OK
        }
        Ok(None) => {
            let command = format!(
                "mailtester send --oauth {} --sign-in browser",
                app.provider.cli_name()
            );
            println!(
                "{}",
                crate::tr!(
                    "Not signed in: no sign-in of {mailbox} is kept for this app. `{command}` signs in.",
                    mailbox = mailbox,
                    command = command
                )
            );
            exit::SIGN_IN
        }
        Err(error) => {
            println!(
                "{}",
                crate::tr!(
                    "The kept sign-in of {mailbox} no longer works: {error}. Sign in again.",
                    mailbox = mailbox,
                    error = crate::i18n::tr(&error.to_string())
                )
            );
            exit::SIGN_IN
        }
    }
}
