//! What the "Find my settings" and certificate commands do to the app.

use std::net::SocketAddr;

use super::app::MailTesterApp;
use super::command::FindCommand;
use super::find::Choice;
use crate::discover::{DiscoveryRequest, Start};
use crate::settings::Security;

impl MailTesterApp {
    /// Looks names up through `server` instead of the system's DNS, and fetches autoconfig
    /// files from `autoconfig_port` (tests run their own DNS and HTTPS servers).
    #[must_use]
    pub fn with_discovery_servers(mut self, server: SocketAddr, autoconfig_port: u16) -> Self {
        self.find.dns_server = Some(server);
        self.find.autoconfig_port = Some(autoconfig_port);
        self
    }

    /// Gives each try of "Find my settings" `timeout` (tests that must stop a search before it
    /// ends by itself, however slow the machine).
    #[must_use]
    pub fn with_probe_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.find.probe_timeout = Some(timeout);
        self
    }

    /// The DNS server the look-ups use: the one typed under Advanced (when it is an address),
    /// else the one a test set, else this computer's.
    pub(super) fn dns_server(&self) -> Option<SocketAddr> {
        self.form
            .dns_server()
            .ok()
            .flatten()
            .or(self.find.dns_server)
    }

    pub(super) fn handle_find(&mut self, command: FindCommand) {
        match command {
            FindCommand::Open => {
                self.find.open = true;
                if self.find.email.trim().is_empty() {
                    self.find.email = self.suggested_address();
                }
            }
            FindCommand::Close => {
                self.find.open = false;
                if let Some(cancel) = &self.find.cancel {
                    cancel.cancel();
                }
            }
            FindCommand::Start => self.start_discovery(),
            FindCommand::Cancel => {
                if let Some(cancel) = &self.find.cancel {
                    cancel.cancel();
                }
            }
            FindCommand::Use(choice) => self.use_choice(&choice),
            FindCommand::ShowCertificate(view) => self.certificate = Some(*view),
            FindCommand::CloseCertificate => self.certificate = None,
        }
    }

    /// The address to search for first: From, else a user name that is an address, else the
    /// server's name.
    fn suggested_address(&self) -> String {
        let settings = &self.form.settings;
        [&settings.from, &settings.user_name, &settings.host]
            .into_iter()
            .map(|text| text.trim())
            .find(|text| !text.is_empty() && (text.contains('@') || *text == settings.host.trim()))
            .unwrap_or_default()
            .to_owned()
    }

    fn start_discovery(&mut self) {
        if self.find.running() {
            return;
        }
        let typed = self.find.email.trim().to_owned();
        if typed.is_empty() {
            return;
        }
        let start = if typed.contains('@') {
            Start::Email(typed)
        } else {
            Start::Host(typed)
        };
        let settings = &self.form.settings;
        let mut request = DiscoveryRequest::new(start);
        request.target = settings.target;
        request.ca_file.clone_from(&settings.ca_file);
        request.accept_invalid_certs = settings.accept_invalid_certs;
        request.dns_server = self.dns_server();
        if let Some(port) = self.find.autoconfig_port {
            request.autoconfig_port = port;
        }
        if let Some(timeout) = self.find.probe_timeout {
            request.timeout = timeout;
        }
        let run = self.find.run + 1;
        let cancel = self.worker.start_discovery(run, request);
        self.find.restart(run, cancel);
    }

    /// Fills the form with a server, port and security from the search, and says what next.
    fn use_choice(&mut self, choice: &Choice) {
        let settings = &mut self.form.settings;
        settings.host.clone_from(&choice.host);
        settings.port = u32::from(choice.port);
        settings.enable_ssl = choice.security != Security::None;
        // STARTTLS and none follow from Use SSL; SSL on connect has to be said.
        settings.security = (choice.security == Security::ImplicitTls).then_some(choice.security);
        self.form.port_text = choice.port.to_string();
        "other".clone_into(&mut self.form.preset);
        self.form.touched = true;
        self.find.open = false;
        let text = if settings.enable_ssl {
            crate::tr!(
                "Filled in server {host}, port {port}, Use SSL on. Add your user name and \
                 password, then press Send test email.",
                host = choice.host,
                port = choice.port
            )
        } else {
            crate::tr!(
                "Filled in server {host}, port {port}, Use SSL off. Add your user name and \
                 password, then press Send test email.",
                host = choice.host,
                port = choice.port
            )
        };
        self.tell(text, false);
    }
}

impl MailTesterApp {
    /// The last finished "Find my settings" search, if any (tests).
    pub fn discovery(&self) -> Option<&crate::discover::DiscoveryReport> {
        self.find.report.as_ref()
    }

    /// Shows a finished search as if it had just run, for `email` (snapshot tests build the
    /// report by hand so the pixels never depend on timing or ports).
    pub fn show_discovery(&mut self, email: &str, report: crate::discover::DiscoveryReport) {
        self.find.open = true;
        email.clone_into(&mut self.find.email);
        self.find.sources.clone_from(&report.discovery);
        self.find.on_finished(self.find.run, Ok(report));
    }
}
