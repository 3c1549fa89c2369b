//! What "Check my domain" does to the app: the From domain's DNS checked on tokio.

use super::app::MailTesterApp;

impl MailTesterApp {
    /// Checks the DNS of the last successful test's From domain, through the server it used.
    pub(super) fn start_dns_check(&mut self) {
        let Some(outcome) = &self.outcome else {
            return;
        };
        if self.arrive.running {
            return;
        }
        let settings = outcome.settings();
        let mut request =
            crate::arrive::DnsCheckRequest::new(settings.from.clone(), Some(settings.host.clone()));
        request.dns_server = self.dns_server();
        let run = self.arrive.start();
        self.worker.start_dns_check(run, request);
    }

    /// The last "Will it arrive?" answer, if any (tests).
    pub fn arrival(&self) -> Option<&crate::arrive::ArrivalReport> {
        self.arrive.report.as_ref()
    }
}
