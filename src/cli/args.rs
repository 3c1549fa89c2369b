//! Command-line syntax (clap). Parsing only; [`super::settings_from`] gives it meaning.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Test SMTP settings the way your website uses them, and get the web.config that works.
#[derive(Debug, Parser)]
#[command(name = "mailtester", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Send a test message and show every step of the conversation with the server.
    Send(SendArgs),
    /// Explain an error message your website logged (give the text, or - to read stdin).
    Explain(ExplainArgs),
    /// Print the web.config block for these settings (no test is run).
    Snippet(SnippetArgs),
    /// List the provider presets usable with --preset.
    Presets {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// `send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// The settings to test.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Put the real password in the snippet printed on success (off by default).
    #[arg(long)]
    pub include_password: bool,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The error text; `-` or nothing reads standard input.
    pub text: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `snippet`.
#[derive(Debug, Args)]
pub struct SnippetArgs {
    /// The settings to write.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Put the real password in the snippet (off by default).
    #[arg(long)]
    pub include_password: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `--security`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SecurityArg {
    /// No encryption.
    None,
    /// STARTTLS (what enableSsl="true" means).
    Starttls,
    /// SSL on connect (port 465 style; not possible from ASP.NET).
    Tls,
}

/// `--target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// ASP.NET / System.Net.Mail (web.config): behaves exactly like it.
    Dotnet,
    /// Any other mail program: the best the server offers.
    Generic,
}

/// The settings, named as web.config names them. The password is never a plain argument
/// (it would show in the process list).
#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// Start from a provider's settings (see `mailtester presets`); other flags override it.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// `host`: the mail server's name.
    #[arg(long, required_unless_present = "preset")]
    pub host: Option<String>,
    /// `port` (587 for most providers; web.config's default is 25).
    #[arg(long, required_unless_present = "preset")]
    pub port: Option<u32>,
    /// `enableSsl` (STARTTLS). web.config's default is false.
    #[arg(long, value_name = "true|false", action = clap::ArgAction::Set)]
    pub enable_ssl: Option<bool>,
    /// Connection security; overrides --enable-ssl.
    #[arg(long, value_enum)]
    pub security: Option<SecurityArg>,
    /// `userName` (usually the full email address).
    #[arg(long = "user", value_name = "USER")]
    pub user_name: Option<String>,
    /// Read the password from the first line of standard input.
    #[arg(long, conflicts_with = "password_env")]
    pub password_stdin: bool,
    /// Read the password from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,
    /// `defaultCredentials`: sign in as the Windows account instead of a user name.
    #[arg(long)]
    pub default_credentials: bool,
    /// `from`: the sender address.
    #[arg(long)]
    pub from: String,
    /// Where to send the test (default: the from address).
    #[arg(long)]
    pub to: Option<String>,
    /// `clientDomain`: the name sent with EHLO (default: this computer's name).
    #[arg(long)]
    pub client_domain: Option<String>,
    /// Limit for each wait, in seconds (default: connect 10, greeting 10, commands 30).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// An extra PEM file of certificate authorities to trust.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Go on when the certificate is invalid (always reported as a warning).
    #[arg(long)]
    pub accept_invalid_certs: bool,
    /// The program that will use these settings.
    #[arg(long, value_enum, default_value = "dotnet")]
    pub target: TargetArg,
}
