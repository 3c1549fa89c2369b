//! The mail attributes of a web.config exactly as written, for the fleet check
//! ([`crate::fleet`]): no defaults, no findings, `configSource` returned instead of refused, so
//! that values can be merged with the web.config files of parent folders. Also a plain element
//! tree for other .NET configuration files (IIS's `applicationHost.config`), read by the same
//! parser.

use super::document::Document;
use super::error::WebConfigError;
use super::section::{self, CHAIN, MailSection, NETWORK, SMTP};
use crate::secret::Password;

pub(crate) use super::import::{parse_bool, parse_delivery_method, parse_port};

/// The mail attributes of one file, each as written (`None` when the file does not set it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawMail {
    /// The file has an `<smtp>` element (with or without attributes).
    pub has_smtp: bool,
    /// `<smtp from>`.
    pub from: Option<String>,
    /// `<smtp deliveryMethod>`.
    pub delivery_method: Option<String>,
    /// `<smtp configSource>`: the section is in that file instead.
    pub config_source: Option<String>,
    /// `<network host>`.
    pub host: Option<String>,
    /// `<network port>`.
    pub port: Option<String>,
    /// `<network userName>`.
    pub user_name: Option<String>,
    /// `<network password>` (redacted in `Debug`).
    pub password: Option<Password>,
    /// `<network enableSsl>`.
    pub enable_ssl: Option<String>,
    /// `<network defaultCredentials>`.
    pub default_credentials: Option<String>,
    /// `targetFramework` of `<system.web><compilation>` or `<httpRuntime>`.
    pub target_framework: Option<String>,
    /// The site runs through the ASP.NET Core module (`<mailSettings>` is then not read).
    pub aspnet_core: bool,
}

impl RawMail {
    /// Whether any mail attribute is set (`targetFramework` does not count).
    pub fn sets_mail(&self) -> bool {
        self.from.is_some()
            || self.delivery_method.is_some()
            || self.config_source.is_some()
            || self.host.is_some()
            || self.port.is_some()
            || self.user_name.is_some()
            || self.password.is_some()
            || self.enable_ssl.is_some()
            || self.default_credentials.is_some()
    }
}

/// Reads a web.config (root `<configuration>`). Errors: broken XML, another root element,
/// an encrypted section ([`WebConfigError::Encrypted`]).
pub(crate) fn read_web_config(text: &str) -> Result<RawMail, WebConfigError> {
    read(text, CHAIN[0])
}

/// Reads the file a `configSource` names (root `<smtp>`). Errors as [`read_web_config`].
pub(crate) fn read_smtp_file(text: &str) -> Result<RawMail, WebConfigError> {
    read(text, CHAIN[SMTP])
}

fn read(text: &str, root: &str) -> Result<RawMail, WebConfigError> {
    let doc = Document::parse(text)?;
    let found = &doc.elements[0].name;
    if !found.eq_ignore_ascii_case(root) {
        return Err(WebConfigError::NotConfiguration {
            root: found.clone(),
        });
    }
    let section = section::locate(&doc)?;
    check_encrypted(&doc, &section)?;
    let mut raw = RawMail {
        target_framework: section::target_framework(&doc),
        aspnet_core: section::is_aspnet_core(&doc),
        ..RawMail::default()
    };
    let value = |element: usize, name: &str| {
        doc.elements[element]
            .attr_any_case(name)
            .map(|attr| attr.value.clone())
    };
    if let Some(smtp) = section.levels[SMTP] {
        raw.has_smtp = true;
        raw.from = value(smtp, "from");
        raw.delivery_method = value(smtp, "deliveryMethod");
        raw.config_source = value(smtp, "configSource");
    }
    if let Some(network) = section.levels[NETWORK] {
        raw.host = value(network, "host");
        raw.port = value(network, "port");
        raw.user_name = value(network, "userName");
        raw.password = value(network, "password").map(Password::new);
        raw.enable_ssl = value(network, "enableSsl");
        raw.default_credentials = value(network, "defaultCredentials");
    }
    Ok(raw)
}

/// Protected configuration on the way to the settings: a `configProtectionProvider` attribute
/// or an `<EncryptedData>` child.
fn check_encrypted(doc: &Document<'_>, section: &MailSection) -> Result<(), WebConfigError> {
    for (_, element) in section.present() {
        let element = &doc.elements[element];
        let provider = element.attr_any_case("configProtectionProvider").is_some();
        let encrypted_data = element
            .children
            .iter()
            .any(|&c| doc.elements[c].name.eq_ignore_ascii_case("EncryptedData"));
        if provider || encrypted_data {
            return Err(WebConfigError::Encrypted {
                detail: format!("<{}>", element.name),
            });
        }
    }
    Ok(())
}

/// A file's bytes as text: UTF-8 (a byte-order mark stays as U+FEFF) or UTF-16 with a
/// byte-order mark. The error says what was found (with a line number, never the text).
pub(crate) fn decode(bytes: &[u8]) -> Result<String, String> {
    super::file::decode(bytes).map(|(text, _)| text)
}

/// One element of a configuration file: its name, its parent and its attributes (name, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawElement {
    /// The name as written.
    pub name: String,
    /// The parent element (`None` for the root, element 0).
    pub parent: Option<usize>,
    /// The attributes as (name, value), values with references resolved.
    pub attrs: Vec<(String, String)>,
}

impl RawElement {
    /// The value of the attribute `name`, in any letter case.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Every element of an XML configuration file, in document order. Errors: broken XML.
pub(crate) fn read_tree(text: &str) -> Result<Vec<RawElement>, WebConfigError> {
    let doc = Document::parse(text)?;
    Ok(doc
        .elements
        .into_iter()
        .map(|element| RawElement {
            name: element.name,
            parent: element.parent,
            attrs: element
                .attrs
                .into_iter()
                .map(|attr| (attr.name, attr.value))
                .collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_as_written_and_config_source_returned() {
        let raw = read_web_config(
            "\u{feff}<configuration>\r\n<system.web><compilation targetFramework=\"4.8\"/></system.web>\
             <system.net><mailSettings><smtp from=\"a@b.c\"><network host=\"h\" enablessl=\"true\" \
             password=\"s3cret\"/></smtp></mailSettings></system.net></configuration>",
        )
        .unwrap();
        assert!(raw.has_smtp && raw.sets_mail());
        assert_eq!(raw.host.as_deref(), Some("h"));
        assert_eq!(raw.enable_ssl.as_deref(), Some("true"));
        assert_eq!(raw.port, None);
        assert_eq!(raw.target_framework.as_deref(), Some("4.8"));
        assert!(!format!("{raw:?}").contains("s3cret"));
        let source = read_web_config(
            "<configuration><system.net><mailSettings><smtp configSource=\"mail.config\"/>\
             </mailSettings></system.net></configuration>",
        )
        .unwrap();
        assert_eq!(source.config_source.as_deref(), Some("mail.config"));
        let smtp = read_smtp_file("<smtp><network host=\"x\"/></smtp>").unwrap();
        assert_eq!(smtp.host.as_deref(), Some("x"));
        assert!(read_smtp_file("<configuration/>").is_err());
        assert!(!read_web_config("<configuration/>").unwrap().sets_mail());
    }

    #[test]
    fn encryption_is_refused() {
        for text in [
            "<configuration><system.net><mailSettings><smtp configProtectionProvider=\"p\"/>\
             </mailSettings></system.net></configuration>",
            "<configuration><system.net><mailSettings><smtp><EncryptedData/></smtp>\
             </mailSettings></system.net></configuration>",
        ] {
            assert!(matches!(
                read_web_config(text),
                Err(WebConfigError::Encrypted { .. })
            ));
        }
    }

    #[test]
    fn tree_lists_elements_with_parents() {
        let tree = read_tree("<a><b x=\"1\"/><c/></a>").unwrap();
        assert_eq!(tree.len(), 3);
        assert_eq!(tree[1].parent, Some(0));
        assert_eq!(tree[1].attr("X"), Some("1"));
    }
}
