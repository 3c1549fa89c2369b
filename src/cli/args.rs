//! Command-line syntax (clap). Parsing only; [`super::resolve::resolve`] gives it meaning.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::snippet::Format;

/// Test SMTP settings the way your website uses them, and get the web.config that works.
#[derive(Debug, Parser)]
#[command(name = "mailtester", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of messages and of the window: de, fr, es, pt-BR, it, nl, pl, ja or en
    /// (default: the system's). JSON, snippets, ids and exit codes are the same in every
    /// language.
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Send a test message and show every step of the conversation with the server.
    Send(Box<SendArgs>),
    /// Explain an error message your website logged (give the text, or - to read stdin).
    Explain(ExplainArgs),
    /// Print the configuration for these settings: web.config, or another platform's with
    /// --format (no test is run).
    Snippet(SnippetArgs),
    /// List the provider presets usable with --preset.
    Presets {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Save and manage named settings (profiles); passwords go to the system keyring only.
    #[command(subcommand)]
    Profile(super::profile_args::ProfileCommand),
    /// Read, check or update the mail settings in a web.config file.
    #[command(subcommand)]
    Webconfig(super::webconfig_cmd::WebconfigCommand),
    /// Find the outgoing mail settings for an email address (or test a server on every port)
    /// without sending a message or a password.
    Probe(Box<super::probe_args::ProbeArgs>),
    /// Show or forget a person's OAuth sign-in kept in the keyring (see send --sign-in).
    #[command(subcommand, name = "oauth")]
    OAuth(super::oauth_cmd::OAuthCommand),
    /// Will mail from this address arrive? Checks SPF, DKIM and DMARC of its domain for the
    /// server it goes through, and prints the DNS records to add.
    DnsCheck(super::dns_check_args::DnsCheckArgs),
    /// Check the mail settings of every site under some folders (web.config, wp-config.php,
    /// .env, appsettings.json): each mail server is contacted once, each site gets a verdict
    /// and its fix. Reads only; never sends mail.
    Scan(Box<super::scan_args::ScanArgs>),
}

/// `send`.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // independent command-line flags
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
    /// Save the password in the system keyring (unless the server refuses the sign-in).
    #[arg(long)]
    pub save_password: bool,
    /// Write a support report (settings without the password, steps, diagnosis, transcript)
    /// to this file, whatever the outcome.
    #[arg(long, value_name = "FILE", value_parser = path_arg)]
    pub report: Option<PathBuf>,
    /// Write the support report in English whatever the language of the messages (for a
    /// support desk that reads English).
    #[arg(long, requires = "report")]
    pub report_in_english: bool,
    /// After the message went through, check the `from` domain's SPF, DKIM and DMARC for this
    /// server ("will it arrive?"); exit code 9 when a problem is found.
    #[arg(long)]
    pub check_dns: bool,
    /// The DNS server for --check-dns and the DKIM keys of --check-inbox (UDP and TCP) instead
    /// of this computer's.
    #[arg(long, value_name = "IP:PORT", value_parser = super::probe_args::parse_dns_server)]
    pub dns_server: Option<std::net::SocketAddr>,
    /// Look for the message in the recipient's mailbox afterwards (--check-inbox …).
    #[command(flatten)]
    pub inbox: super::inbox_cmd::InboxArgs,
    /// Sign in with an OAuth access token instead of the password.
    #[command(flatten)]
    pub oauth: super::oauth_args::OAuthArgs,
}

/// `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The error text; `-` or nothing reads standard input.
    pub text: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// The website's ASP.NET runtime: the advice uses what it can set [default: 4].
    #[arg(long, value_enum, value_name = "2.0|3.5|4|core")]
    pub framework: Option<FrameworkArg>,
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
    /// Which platform's configuration to print (`all` prints every one) [default: webconfig,
    /// or mailkit with --framework core].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write the configuration for signing in with OAuth at this provider instead of a
    /// password (client secret and refresh token always as placeholders).
    #[arg(long, value_enum, value_name = "PROVIDER", help_heading = "OAuth")]
    pub oauth: Option<super::oauth_args::OAuthProviderArg>,
    /// The app's Application (client) ID.
    #[arg(long, value_name = "ID", requires = "oauth", help_heading = "OAuth")]
    pub client_id: Option<String>,
    /// Microsoft: the Directory (tenant) ID or a domain of the organisation.
    #[arg(
        long,
        value_name = "TENANT",
        requires = "oauth",
        help_heading = "OAuth"
    )]
    pub tenant: Option<String>,
    /// A person signs in once (a refresh token) instead of the app signing in as itself.
    #[arg(long, requires = "oauth", help_heading = "OAuth")]
    pub delegated: bool,
}

/// `--format`: one [`Format`] (spelled as [`Format::cli_name`]) or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    /// Just this format.
    One(Format),
    /// Every format, web.config first.
    All,
}

impl FormatArg {
    const CHOICES: [Self; 9] = [
        Self::One(Format::WebConfig),
        Self::One(Format::PhpMailer),
        Self::One(Format::WordPress),
        Self::One(Format::Laravel),
        Self::One(Format::Django),
        Self::One(Format::Nodemailer),
        Self::One(Format::Symfony),
        Self::One(Format::MailKit),
        Self::All,
    ];

    /// The formats to print.
    pub fn formats(self) -> Vec<Format> {
        match self {
            Self::One(format) => vec![format],
            Self::All => Format::ALL.to_vec(),
        }
    }
}

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::CHOICES
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Self::One(format) => PossibleValue::new(format.cli_name()).help(format.platform()),
            Self::All => PossibleValue::new("all").help("every format, one after the other"),
        })
    }
}

/// `--security`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SecurityArg {
    /// No encryption.
    None,
    /// STARTTLS (what enableSsl="true" means).
    Starttls,
    /// SSL on connect (usually port 465; not possible from ASP.NET).
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
#[allow(clippy::struct_excessive_bools)] // one field per command-line switch
pub struct SettingsArgs {
    /// Start from a provider's settings (see `mailtester presets`); other flags override it.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Start from a saved profile (see `mailtester profile list`); other flags override it,
    /// and its password comes from the system keyring unless given.
    #[arg(long, value_name = "NAME", conflicts_with = "preset")]
    pub profile: Option<String>,
    /// `host`: the mail server's name.
    #[arg(long, required_unless_present_any = ["preset", "profile"])]
    pub host: Option<String>,
    /// `port` (587 for most providers; web.config's default is 25).
    #[arg(long, required_unless_present_any = ["preset", "profile"])]
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
    #[arg(long, required_unless_present = "profile")]
    pub from: Option<String>,
    /// Where to send the test (default: the from address).
    #[arg(long)]
    pub to: Option<String>,
    /// `clientDomain`: the name sent with EHLO (default: this computer's name).
    #[arg(long)]
    pub client_domain: Option<String>,
    /// Limit for each wait, in seconds (default: connect 10, greeting 10, commands 30).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// The limit for the whole test in seconds, however slowly but steadily the server
    /// answers [default: 120, or --timeout when given].
    #[arg(long, value_name = "SECS")]
    pub total_timeout: Option<u64>,
    /// How long to wait, in seconds, for the server to accept the message once all of it is
    /// sent (servers that check each message for spam can be slow); the whole-test limit still
    /// applies. For --target dotnet only the whole-test limit does, as in ASP.NET
    /// [default: 90, or --timeout when given].
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u16).range(1..=600))]
    pub final_reply_timeout: Option<u16>,
    /// An extra file of certificate authorities to trust (PEM, or one DER .cer certificate).
    #[arg(long, value_name = "FILE", value_parser = path_arg)]
    pub ca_file: Option<PathBuf>,
    /// Go on when the certificate is invalid (always reported as a warning).
    #[arg(long)]
    pub accept_invalid_certs: bool,
    /// Sign in even over an unencrypted connection (the password crosses the network readable
    /// by anyone on the way). Without it the test stops before sending the password there.
    #[arg(long)]
    pub allow_plaintext_password: bool,
    /// The program that will use these settings [default: dotnet].
    #[arg(long, value_enum)]
    pub target: Option<TargetArg>,
    /// The website's ASP.NET runtime: decides what web.config can say [default: 4].
    #[arg(long, value_enum, value_name = "2.0|3.5|4|core")]
    pub framework: Option<FrameworkArg>,
}

/// `--framework`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FrameworkArg {
    /// .NET Framework 2.0 (no enableSsl in web.config).
    #[value(name = "2.0")]
    V2,
    /// .NET Framework 3.5 (no enableSsl in web.config).
    #[value(name = "3.5")]
    V35,
    /// .NET Framework 4.x.
    #[value(name = "4", alias = "4.x")]
    V4,
    /// ASP.NET Core / .NET 5 or later (no <mailSettings>; appsettings.json).
    Core,
}

impl FrameworkArg {
    /// The framework the flag names.
    pub fn framework(self) -> crate::settings::Framework {
        use crate::settings::Framework;
        match self {
            Self::V2 | Self::V35 => Framework::Legacy,
            Self::V4 => Framework::Net4,
            Self::Core => Framework::Core,
        }
    }
}

/// A path argument as the user pasted it (Explorer's "Copy as path" quotes dropped).
#[allow(clippy::unnecessary_wraps)] // clap's value parsers return a Result
pub fn path_arg(text: &str) -> Result<PathBuf, std::convert::Infallible> {
    Ok(crate::files::path_from_user(text))
}
