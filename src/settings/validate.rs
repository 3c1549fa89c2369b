//! Checking [`Settings`] field by field, reporting every problem at once in plain words.

mod problem;

use std::net::IpAddr;
use std::path::PathBuf;
use std::str::FromStr;

use lettre::Address;

use super::ehlo_name::{EhloName, check_client_domain, ehlo_name};
use super::{
    DeliveryMethod, DotNetRuntime, Framework, Security, Settings, SignIn, Target, Timeouts,
};
use crate::secret::Password;

pub use problem::{Field, FieldProblem, Severity};

/// Checked, normalised settings: everything the session engine needs, nothing it must re-check.
#[derive(Debug, Clone)]
pub struct SessionPlan {
    /// The settings as entered (for the diagnosis and the snippet).
    pub settings: Settings,
    /// The host in ASCII form (international names converted to punycode).
    pub host: String,
    /// The port, known to be 1–65535.
    pub port: u16,
    /// The security the session uses.
    pub security: Security,
    /// Sender.
    pub from: Address,
    /// Test recipient.
    pub to: Address,
    /// The name sent with EHLO (`clientDomain`, or what the target sends without one).
    pub client_domain: EhloName,
    /// User name and password, when the session signs in.
    pub credentials: Option<(String, Password)>,
    /// Wait limits.
    pub timeouts: Timeouts,
    /// Go on past an invalid certificate (reported as a warning).
    pub accept_invalid_certs: bool,
    /// Sign in over an unencrypted connection instead of stopping before the password leaves.
    pub allow_plaintext_password: bool,
    /// Extra trusted certificate authorities.
    pub ca_file: Option<PathBuf>,
    /// The program being imitated.
    pub target: Target,
    /// For the ASP.NET target: which System.Net.Mail to copy (from the framework; tests may
    /// pin another).
    pub runtime: DotNetRuntime,
    /// Warnings and notes that did not stop the test.
    pub notes: Vec<FieldProblem>,
    /// Addresses of `host` already looked up by the caller (finding the settings resolves names
    /// with its own DNS resolver); empty: the session looks the host up itself.
    pub addresses: Vec<IpAddr>,
}

impl Settings {
    /// Every problem with these settings, errors first. Never panics, whatever was typed.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        check_host(&self.host, &mut problems);
        check_port(self, &mut problems);
        check_credentials(self, &mut problems);
        check_addresses(self, &mut problems);
        check_client_domain(self, &mut problems);
        check_security(self, &mut problems);
        check_misc(self, &mut problems);
        problems.sort_by_key(|problem| std::cmp::Reverse(problem.severity));
        problems
    }

    /// Turns the settings into a plan the engine can run, or returns every problem found.
    pub fn check(&self) -> Result<SessionPlan, Vec<FieldProblem>> {
        let problems = self.problems();
        if problems.iter().any(|p| p.severity == Severity::Error) {
            return Err(problems);
        }
        let host = ascii_host(self.host.trim()).map_err(|p| vec![p])?;
        let port = u16::try_from(self.port).map_err(|_| problems.clone())?;
        let from = Address::from_str(self.from.trim()).map_err(|_| problems.clone())?;
        let to = Address::from_str(self.recipient()).map_err(|_| problems.clone())?;
        let client_domain = ehlo_name(self).map_err(|p| vec![p])?;
        let credentials = self.wants_auth().then(|| {
            (
                self.user_name.trim().to_owned(),
                self.sign_in_secret().clone(),
            )
        });
        Ok(SessionPlan {
            settings: self.clone(),
            host,
            port,
            security: self.effective_security(),
            from,
            to,
            client_domain,
            credentials,
            timeouts: self.timeouts,
            accept_invalid_certs: self.accept_invalid_certs,
            allow_plaintext_password: self.allow_plaintext_password,
            ca_file: self.ca_file.clone(),
            target: self.target,
            runtime: DotNetRuntime::of(self.framework),
            notes: problems,
            addresses: Vec::new(),
        })
    }
}

/// `host` in ASCII form (international names converted to punycode; IP addresses as they are).
pub(super) fn ascii_host(host: &str) -> Result<String, FieldProblem> {
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Ok(host.to_owned());
    }
    let trimmed = host.trim_end_matches('.');
    idna::domain_to_ascii(trimmed).map_err(|_| {
        FieldProblem::error(
            Field::Host,
            crate::en!(
                "\"{host}\" is not a valid server name. Check it for typing mistakes.",
                host = host,
            ),
        )
    })
}

fn check_host(raw: &str, problems: &mut Vec<FieldProblem>) {
    let host = raw.trim();
    if host.is_empty() {
        problems.push(FieldProblem::error(
            Field::Host,
            crate::en!("Enter the mail server's name (host), for example smtp.example.com."),
        ));
        return;
    }
    if let Some((scheme, _)) = host.split_once("://") {
        problems.push(FieldProblem::error(
            Field::Host,
            crate::en!(
                "Enter only the server's name: remove \"{scheme}://\" (web.config's host never has it).",
                scheme = scheme,
            ),
        ));
        return;
    }
    if host.chars().any(char::is_whitespace) {
        problems.push(FieldProblem::error(
            Field::Host,
            crate::en!(
                "The server name cannot contain spaces. Copy it again from your provider's instructions."
            ),
        ));
        return;
    }
    if host.contains('@') {
        problems.push(FieldProblem::error(
            Field::Host,
            crate::en!(
                "This looks like an email address. The host is the mail server's name, for example smtp.example.com."
            ),
        ));
        return;
    }
    if host.contains('/') {
        problems.push(FieldProblem::error(
            Field::Host,
            crate::en!(
                "The server name cannot contain \"/\". Enter only the name, for example smtp.example.com."
            ),
        ));
        return;
    }
    if let Some((name, port)) = host.rsplit_once(':')
        && !name.contains(':')
        && port.chars().all(|c| c.is_ascii_digit())
    {
        problems.push(FieldProblem::error(
            Field::Host,
            crate::en!(
                "Put the port in the Port field: host \"{name}\", port {port}.",
                name = name,
                port = port,
            ),
        ));
        return;
    }
    match ascii_host(host) {
        Ok(ascii) if ascii != host.trim_end_matches('.').to_ascii_lowercase() => {
            problems.push(FieldProblem::info(
                Field::Host,
                crate::en!(
                    "International name: the test connects to its ASCII form {ascii}.",
                    ascii = ascii,
                ),
            ));
        }
        Ok(_) => {}
        Err(problem) => problems.push(problem),
    }
}

fn check_port(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    if settings.port == 0 || settings.port > 65535 {
        problems.push(FieldProblem::error(
            Field::Port,
            crate::en!(
                "Port {port} does not exist: ports go from 1 to 65535. Mail servers usually use 587.",
                port = settings.port,
            ),
        ));
    }
}

fn check_credentials(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    let has_user = !settings.user_name.trim().is_empty();
    let has_password = !settings.password.is_empty();
    if settings.default_credentials {
        if has_user {
            problems.push(FieldProblem::error(
                Field::DefaultCredentials,
                crate::en!(
                    "defaultCredentials is true, so web.config ignores userName and password and \
                     signs in as the Windows account. Set defaultCredentials to false to use the \
                     user name."
                ),
            ));
        } else {
            problems.push(FieldProblem::warning(
                Field::DefaultCredentials,
                crate::en!(
                    "defaultCredentials=\"true\" signs in as the website's Windows account, which \
                     this test cannot do: it sends without signing in."
                ),
            ));
        }
        return;
    }
    if settings.sign_in == SignIn::OAuth {
        check_oauth(settings, has_user, problems);
        return;
    }
    if has_user && !has_password {
        problems.push(FieldProblem::error(
            Field::Password,
            crate::en!("A user name is set but the password is empty. Enter the mailbox password."),
        ));
    }
    if !has_user && has_password {
        problems.push(FieldProblem::warning(
            Field::UserName,
            crate::en!(
                "A password is set but userName is empty, so the password is never used. \
                 Enter the user name (usually the full email address)."
            ),
        ));
    }
}

/// OAuth signs in as `userName` with the access token; the password plays no part.
fn check_oauth(settings: &Settings, has_user: bool, problems: &mut Vec<FieldProblem>) {
    if !has_user {
        problems.push(FieldProblem::error(
            Field::UserName,
            crate::en!("OAuth signs in as a mailbox: enter its full address as the user name."),
        ));
    }
    if settings.access_token.is_empty() {
        problems.push(FieldProblem::error(
            Field::Password,
            crate::en!(
                "OAuth sign-in needs an access token, and there is none. Sign in with the \
                 provider first, or paste a token."
            ),
        ));
    }
    if settings.target == Target::DotNet && settings.framework != Framework::Core {
        problems.push(FieldProblem::info(
            Field::Password,
            crate::en!(
                "ASP.NET's mail sender (web.config) cannot sign in with OAuth. This test checks \
                 the mailbox and the token as a program that can (such as MailKit) would use them."
            ),
        ));
    }
}

fn check_address(value: &str, field: Field, problems: &mut Vec<FieldProblem>) {
    if Address::from_str(value).is_err() {
        let message = if field == Field::From {
            crate::en!(
                "\"{address}\" is not a valid email address for the sender (from). It should \
                 look like name@example.com.",
                address = value,
            )
        } else {
            crate::en!(
                "\"{address}\" is not a valid email address for the test recipient. It should \
                 look like name@example.com.",
                address = value,
            )
        };
        problems.push(FieldProblem::error(field, message));
    }
}

fn check_addresses(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    let from = settings.from.trim();
    if from.is_empty() {
        problems.push(FieldProblem::error(
            Field::From,
            crate::en!(
                "Enter the sender address (from), usually the mailbox you sign in with. If your \
                 web.config has no from, your site's code sets the sender: enter that address."
            ),
        ));
    } else {
        check_address(from, Field::From, problems);
    }
    let to = settings.to.trim();
    if !to.is_empty() {
        check_address(to, Field::To, problems);
    }
    super::address::notes(settings, problems);
}

fn check_security(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    let security = settings.effective_security();
    if settings.target == Target::DotNet {
        if security == Security::ImplicitTls {
            problems.push(FieldProblem::error(
                Field::Security,
                crate::en!(
                    "ASP.NET (System.Net.Mail) cannot use SSL on connect. Use port 587 with \
                     enableSsl=\"true\", or choose the generic target to test other programs."
                ),
            ));
        } else if settings.port == 465 {
            problems.push(FieldProblem::warning(
                Field::Port,
                crate::en!(
                    "ASP.NET cannot use port 465: it waits for a greeting that never comes. \
                     The test will behave the same way. Use port 587 with enableSsl=\"true\"."
                ),
            ));
        }
        if security == Security::StartTls && !settings.enable_ssl {
            problems.push(FieldProblem::info(
                Field::Security,
                crate::en!("STARTTLS was chosen, which means enableSsl=\"true\" in web.config."),
            ));
        }
    }
    if settings.accept_invalid_certs {
        problems.push(FieldProblem::warning(
            Field::Certificates,
            crate::en!(
                "Certificate checks are off: the connection is not protected against impostors. \
                 Your website will still check the certificate and may fail."
            ),
        ));
    }
}

fn check_misc(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    if settings.delivery_method != DeliveryMethod::Network {
        problems.push(FieldProblem::error(
            Field::DeliveryMethod,
            crate::en!(
                "deliveryMethod is not \"Network\", so the website writes mail to a folder \
                 instead of sending it. Set deliveryMethod=\"Network\" to send through this server."
            ),
        ));
    }
    let t = settings.timeouts;
    let all = [
        t.connect_secs,
        t.greeting_secs,
        t.command_secs,
        t.total_secs,
    ];
    if all.contains(&0) {
        problems.push(FieldProblem::error(
            Field::Timeouts,
            crate::en!(
                "A timeout of 0 seconds would fail every time. Use at least 1 second (10 is usual)."
            ),
        ));
    } else if all.iter().any(|&secs| secs > 600) {
        problems.push(FieldProblem::error(
            Field::Timeouts,
            crate::en!(
                "Timeouts above 600 seconds are not useful for a test. Use 10 to 60 seconds."
            ),
        ));
    }
}

#[cfg(test)]
mod tests;
