//! What the form holds between frames, and how it becomes [`Settings`].

use serde::{Deserialize, Serialize};

use crate::oauth::{OAuthFlow, OAuthProvider};
use crate::secret::Password;
use crate::settings::{Field, FieldProblem, Settings, Severity, SignIn};

/// How the test signs in, as the window offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInChoice {
    /// User name and password (what web.config can do).
    #[default]
    Password,
    /// Microsoft 365 with OAuth: an app with a client secret, or a person in the browser.
    Microsoft,
    /// Google with OAuth: a person in the browser.
    Google,
    /// An access token the user already has, pasted.
    AccessToken,
}

impl SignInChoice {
    /// Every choice, in the order the list shows them.
    pub const ALL: [Self; 4] = [
        Self::Password,
        Self::Microsoft,
        Self::Google,
        Self::AccessToken,
    ];

    /// The words in the list, in the current language.
    pub fn label(self) -> String {
        match self {
            Self::Password => crate::tr!("Password"),
            Self::Microsoft => crate::tr!("Microsoft 365 (OAuth)"),
            Self::Google => crate::tr!("Google (OAuth)"),
            Self::AccessToken => crate::tr!("Access token"),
        }
    }
}

/// The form's contents. Text fields that need parsing (port, CA file) are kept as typed, so
/// that half-typed input is never lost or "corrected" under the user's fingers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
#[allow(clippy::struct_excessive_bools)] // one per switch in the form
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
    /// How the test signs in.
    pub sign_in: SignInChoice,
    /// Microsoft: a person signs in (browser) instead of the app with its client secret.
    pub microsoft_person: bool,
    /// The OAuth app's client secret for this session (never saved).
    #[serde(skip)]
    pub client_secret: Password,
    /// The OAuth sign-in service as typed under Advanced (empty: the provider's own).
    pub oauth_authority: String,
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
            sign_in: SignInChoice::Password,
            microsoft_person: false,
            client_secret: Password::default(),
            oauth_authority: String::new(),
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
                // In English, like every problem's message: the form translates what it shows.
                message: if port_text.is_empty() {
                    crate::en!("Enter the port, usually 587.").to_owned()
                } else {
                    crate::en!(
                        "\"{port_text}\" is not a port number. Use digits only, usually 587.",
                        port_text = port_text
                    )
                },
            });
        }
        let ca = self.ca_text.trim();
        settings.ca_file = (!ca.is_empty()).then(|| crate::files::path_from_user(ca));
        self.apply_sign_in(&mut settings);
        let mut problems = settings.problems();
        self.oauth_problems(&mut problems);
        if !extra.is_empty() {
            problems.retain(|p| p.field != Field::Port || p.severity != Severity::Error);
            problems.splice(0..0, extra);
        }
        (settings, problems)
    }

    /// The sign-in choice in the settings' terms.
    fn apply_sign_in(&self, settings: &mut Settings) {
        let provider = match self.sign_in {
            SignInChoice::Password => {
                settings.sign_in = SignIn::Password;
                return;
            }
            SignInChoice::Microsoft | SignInChoice::AccessToken => OAuthProvider::Microsoft,
            SignInChoice::Google => OAuthProvider::Google,
        };
        settings.sign_in = SignIn::OAuth;
        settings.oauth_app.provider = provider;
        settings.oauth_app.flow = match self.sign_in {
            SignInChoice::Microsoft if !self.microsoft_person => OAuthFlow::AppOnly,
            _ => OAuthFlow::Delegated,
        };
    }

    /// Whether the token comes from the provider during the test (not pasted).
    pub fn token_from_provider(&self) -> bool {
        matches!(self.sign_in, SignInChoice::Microsoft | SignInChoice::Google)
    }

    /// What the OAuth rows need: the token's absence is no problem when the provider gives it
    /// during the test, but the app's details then are.
    fn oauth_problems(&self, problems: &mut Vec<FieldProblem>) {
        if !self.token_from_provider() {
            return;
        }
        problems.retain(|p| !(p.field == Field::Password && p.severity == Severity::Error));
        let app = &self.settings.oauth_app;
        let mut need = |message: &str| {
            problems.push(FieldProblem {
                field: Field::OAuth,
                severity: Severity::Error,
                message: message.to_owned(),
            });
        };
        if app.client_id.trim().is_empty() {
            need(crate::en!(
                "Enter the app's Application (client) ID, from its App registration's Overview \
                 page."
            ));
        }
        if self.sign_in == SignInChoice::Microsoft && !self.microsoft_person {
            if app.tenant.trim().is_empty() {
                need(crate::en!(
                    "Enter the Directory (tenant) ID, or your organisation's domain \
                     (yourcompany.onmicrosoft.com)."
                ));
            }
            if self.client_secret.is_empty() {
                need(crate::en!(
                    "Enter the app's client secret (its Value, not its Secret ID)."
                ));
            }
        }
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
