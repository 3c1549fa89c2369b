//! What a diagnosis may look at besides the error, and the one-click changes it may suggest
//! (only those that alter what a session would do).

use crate::diagnosis::provider::Provider;
use crate::diagnosis::{Change, Diagnosis, SuggestedChange};
use crate::event::Step;
use crate::session::SessionReport;
use crate::settings::{Security, Settings, Target};

/// What the diagnosis may look at besides the error.
pub(super) struct Context<'a> {
    /// The settings the session used.
    pub(super) settings: &'a Settings,
    /// What the session saw (banner, certificate).
    pub(super) report: &'a SessionReport,
    /// The provider, from the host name or the server's words.
    pub(super) provider: Option<&'static Provider>,
}

impl Context<'_> {
    /// The port the session used.
    pub(super) fn port(&self) -> u32 {
        self.settings.port
    }

    /// Whether the settings are for an ASP.NET site.
    pub(super) fn dotnet(&self) -> bool {
        self.settings.target == Target::DotNet
    }

    /// ASP.NET on port 465, which it cannot use: it knows no SSL on connect.
    pub(super) fn dotnet_on_465(&self) -> bool {
        self.port() == 465 && self.dotnet()
    }

    /// The name an error gives, or the configured host when it gives none.
    pub(super) fn name_or_host<'n>(&'n self, name: &'n str) -> &'n str {
        if name.trim().is_empty() {
            self.settings.host.trim()
        } else {
            name.trim()
        }
    }

    /// The change that turns STARTTLS on, in the form the settings use.
    pub(super) fn starttls(&self) -> Change {
        let settings = self.settings;
        let explicit =
            settings.security.is_some() || settings.effective_security() == Security::ImplicitTls;
        if settings.target == Target::Generic && explicit {
            Change::Security(Security::StartTls)
        } else {
            Change::EnableSsl(true)
        }
    }

    /// STARTTLS on the submission port, the combination that works everywhere ASP.NET works.
    pub(super) fn submission(&self) -> Option<SuggestedChange> {
        self.suggest(vec![self.starttls(), Change::Port(587)])
    }

    /// Suggests [`Self::submission`] when `when` holds; otherwise leaves the diagnosis as it is.
    pub(super) fn submission_when(&self, diagnosis: Diagnosis, when: bool) -> Diagnosis {
        if when {
            diagnosis.with_change(self.submission())
        } else {
            diagnosis
        }
    }

    /// Suggests [`Self::submission`] when ASP.NET stalled on port 465 before the greeting.
    pub(super) fn submission_if_465_stalled(&self, diagnosis: Diagnosis, step: Step) -> Diagnosis {
        self.submission_when(diagnosis, step <= Step::Greeting && self.dotnet_on_465())
    }

    /// Keeps only the changes that alter what a session would do.
    pub(super) fn suggest(&self, changes: Vec<Change>) -> Option<SuggestedChange> {
        let mut current = self.settings.clone();
        let mut kept = Vec::new();
        for change in changes {
            let next = SuggestedChange::new(vec![change.clone()]).apply(&current);
            if behaviour(&next) != behaviour(&current) {
                kept.push(change);
                current = next;
            }
        }
        (!kept.is_empty()).then(|| SuggestedChange::new(kept))
    }
}

/// What decides a session's behaviour (so a change that leaves it alone is not suggested).
fn behaviour(settings: &Settings) -> (Security, u32, String, Target) {
    (
        settings.effective_security(),
        settings.port,
        settings
            .host
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase(),
        settings.target,
    )
}
