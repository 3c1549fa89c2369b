//! What the form holds between frames, and how it becomes [`Settings`].

use serde::{Deserialize, Serialize};

use crate::settings::{Field, FieldProblem, Settings, Severity};

/// The form's contents. Text fields that need parsing (port, CA file) are kept as typed, so
/// that half-typed input is never lost or "corrected" under the user's fingers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct FormState {
    /// Everything that maps one to one onto settings (the password is never persisted).
    pub settings: Settings,
    /// The port as typed.
    pub port_text: String,
    /// The extra CA file as typed.
    pub ca_text: String,
    /// The DNS server for "Find my settings", "Will it arrive?" and the inbox check, as typed
    /// (empty: this computer's).
    pub dns_text: String,
    /// The chosen provider preset id.
    pub preset: String,
    /// Show the password in clear text.
    #[serde(skip)]
    pub show_password: bool,
    /// Keep the password in the system keyring after a test signs in.
    pub remember_password: bool,
    /// Whether the user has started filling in the form: until then, "required" messages for
    /// empty fields stay quiet instead of greeting a new user with a wall of red.
    #[serde(skip)]
    pub touched: bool,
}

impl Default for FormState {
    fn default() -> Self {
        let settings = Settings::default();
        Self {
            port_text: settings.port.to_string(),
            settings,
            ca_text: String::new(),
            dns_text: String::new(),
            preset: "other".to_owned(),
            show_password: false,
            remember_password: false,
            touched: false,
        }
    }
}

impl FormState {
    /// The DNS server typed under Advanced: `Ok(None)` when empty (this computer's), the
    /// problem in words when it is not an address.
    pub fn dns_server(&self) -> Result<Option<std::net::SocketAddr>, String> {
        let text = self.dns_text.trim();
        if text.is_empty() {
            Ok(None)
        } else {
            crate::dns::parse_server(text).map(Some)
        }
    }

    /// The settings as they stand, with every problem (parsing included).
    pub fn current(&self) -> (Settings, Vec<FieldProblem>) {
        let mut settings = self.settings.clone();
        let port_text = self.port_text.trim();
        let mut extra = Vec::new();
        if let Ok(port) = port_text.parse::<u32>() {
            settings.port = port;
        } else {
            settings.port = 587;
            extra.push(FieldProblem {
                field: Field::Port,
                severity: Severity::Error,
                message: if port_text.is_empty() {
                    "Enter the port, usually 587.".to_owned()
                } else {
                    format!("\"{port_text}\" is not a port number. Use digits only, usually 587.")
                },
            });
        }
        let ca = self.ca_text.trim();
        settings.ca_file = (!ca.is_empty()).then(|| crate::files::path_from_user(ca));
        let mut problems = settings.problems();
        if !extra.is_empty() {
            problems.retain(|p| p.field != Field::Port || p.severity != Severity::Error);
            problems.splice(0..0, extra);
        }
        (settings, problems)
    }

    /// The problems worth showing now: everything once the form was touched or has content.
    pub fn visible_problems(&self, problems: &[FieldProblem]) -> Vec<FieldProblem> {
        let has_content =
            !self.settings.host.trim().is_empty() || !self.settings.from.trim().is_empty();
        if self.touched || has_content {
            problems.to_vec()
        } else {
            problems
                .iter()
                .filter(|p| p.severity != Severity::Error)
                .cloned()
                .collect()
        }
    }

    /// The keyring account of the form as it stands (the port as typed), if complete.
    pub fn account(&self) -> Option<crate::credentials::Account> {
        let port = self.port_text.trim().parse().ok()?;
        crate::credentials::Account::for_settings(&Settings {
            port,
            ..self.settings.clone()
        })
    }

    /// Copies settings (e.g. after "Apply fix") into the form, keeping the password.
    pub fn load(&mut self, settings: &Settings) {
        self.settings = settings.clone();
        self.port_text = settings.port.to_string();
        self.ca_text = settings
            .ca_file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
    }

    /// Applies the provider preset `id` (host, port, SSL, fixed user name).
    pub fn apply_preset(&mut self, id: &str) {
        if let Some(preset) = crate::presets::find(id) {
            preset.apply(&mut self.settings);
            self.port_text = self.settings.port.to_string();
            id.clone_into(&mut self.preset);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_numeric_port_is_one_clear_problem() {
        let form = FormState {
            port_text: "58 7".into(),
            ..FormState::default()
        };
        let (_, problems) = form.current();
        let port: Vec<_> = problems.iter().filter(|p| p.field == Field::Port).collect();
        assert_eq!(port.len(), 1);
        assert!(port[0].message.contains("not a port number"));
    }

    #[test]
    fn preset_fills_host_port_and_ssl() {
        let mut form = FormState::default();
        form.apply_preset("sendgrid");
        assert_eq!(form.settings.host, "smtp.sendgrid.net");
        assert_eq!(form.port_text, "587");
        assert_eq!(form.settings.user_name, "apikey");
    }

    #[test]
    fn the_password_is_never_persisted() {
        let mut form = FormState::default();
        form.settings.password = crate::secret::Password::new("hunter2!");
        let saved = serde_json::to_string(&form).unwrap();
        assert!(!saved.contains("hunter2"));
    }
}
