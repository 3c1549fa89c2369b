//! The name this computer gives when it says hello to the server (EHLO, web.config's
//! `clientDomain`): what each target sends, and the names servers refuse.
//!
//! RFC 5321 4.1.3 and 4.1.4: a full domain name, or else an address literal (`[192.0.2.1]`,
//! `[IPv6:2001:db8::1]`), never a bare IP address. System.Net.Mail does not follow this to the
//! letter: it sends `clientDomain` as it is typed and, by default, the bare machine name (both
//! seen with the real client of .NET Core 3.1), and the ASP.NET target copies it.

use std::fmt;
use std::net::IpAddr;
use std::sync::OnceLock;

use super::validate::ascii_host;
use super::{Field, FieldProblem, Settings, Severity, Target};

/// The name a session sends with EHLO (and writes in the Message-ID); reads as a `str`.
///
/// Usually fixed when the settings are checked. For the generic target on a computer without
/// a full domain name it is the address literal of this end of the connection, known only once
/// connected: the session records it then ([`EhloName::connected_from`]), once per plan (each
/// test checks its settings into a new plan).
pub struct EhloName {
    /// The name, or what is used until the connection says otherwise.
    fixed: String,
    /// Whether the name is the address literal of this end of the connection.
    from_connection: bool,
    /// That literal, once connected.
    connected: OnceLock<String>,
}

impl EhloName {
    /// A name decided in advance.
    pub fn fixed(name: impl Into<String>) -> Self {
        Self {
            fixed: name.into(),
            from_connection: false,
            connected: OnceLock::new(),
        }
    }

    /// The address literal of this end of the connection, `fallback` until connected.
    fn from_connection(fallback: String) -> Self {
        Self {
            from_connection: true,
            ..Self::fixed(fallback)
        }
    }

    /// Whether the name depends on the connection (see [`EhloName::connected_from`]).
    pub fn is_from_connection(&self) -> bool {
        self.from_connection
    }

    /// When the name depends on the connection: records this end's address on the connection
    /// just opened (the first time) and returns the name now sent. `None` otherwise.
    pub fn connected_from(&self, local: IpAddr) -> Option<&str> {
        if !self.from_connection {
            return None;
        }
        Some(self.connected.get_or_init(|| address_literal(local)))
    }

    /// The name as sent.
    pub fn as_str(&self) -> &str {
        self.connected.get().unwrap_or(&self.fixed)
    }
}

impl std::ops::Deref for EhloName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for EhloName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for EhloName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EhloName")
            .field("fixed", &self.fixed)
            .field("from_connection", &self.from_connection)
            .field("connected", &self.connected.get())
            .finish()
    }
}

impl Clone for EhloName {
    fn clone(&self) -> Self {
        Self {
            fixed: self.fixed.clone(),
            from_connection: self.from_connection,
            connected: self.connected.clone(),
        }
    }
}

impl PartialEq<str> for EhloName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for EhloName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `[192.0.2.1]` or `[IPv6:2001:db8::1]`: an IP address as EHLO must give it.
pub fn address_literal(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => format!("[{v4}]"),
        IpAddr::V6(v6) => format!("[IPv6:{v6}]"),
    }
}

/// This computer's name, as System.Net.Mail sends it with EHLO when `clientDomain` is empty.
pub fn machine_name() -> String {
    let name = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_owned();
    let ascii: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    if ascii.is_empty() {
        "localhost".to_owned()
    } else {
        ascii
    }
}

/// This computer's full domain name, when its name is one (`web01.example.com`; not `web01`,
/// not `localhost.localdomain`).
fn fully_qualified_name() -> Option<String> {
    let name = machine_name();
    let name = name.trim_end_matches('.');
    let lower = name.to_ascii_lowercase();
    let placeholder = lower.starts_with("localhost") || lower.ends_with(".localdomain");
    let labels_ok = name
        .split('.')
        .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
    (name.contains('.') && labels_ok && !placeholder).then(|| name.to_owned())
}

/// The name `settings` make the session send with EHLO.
pub(super) fn ehlo_name(settings: &Settings) -> Result<EhloName, FieldProblem> {
    let typed = settings.client_domain.trim();
    let generic = settings.target == Target::Generic;
    if typed.is_empty() {
        if !generic {
            return Ok(EhloName::fixed(machine_name()));
        }
        return Ok(fully_qualified_name().map_or_else(
            || EhloName::from_connection(machine_name()),
            EhloName::fixed,
        ));
    }
    if let Some(ip) = ip_address(typed) {
        // System.Net.Mail sends clientDomain as it is: `EHLO 192.0.2.1` (the real client).
        let name = if generic {
            address_literal(ip)
        } else {
            typed.to_owned()
        };
        return Ok(EhloName::fixed(name));
    }
    ascii_host(typed)
        .map(EhloName::fixed)
        .map_err(|_| not_a_name(typed))
}

/// The IP address in `text`: bare (`192.0.2.1`, `2001:db8::1`) or as a literal (`[192.0.2.1]`,
/// `[IPv6:2001:db8::1]`).
fn ip_address(text: &str) -> Option<IpAddr> {
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(ip);
    }
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    match inner.get(..5) {
        Some(tag) if tag.eq_ignore_ascii_case("IPv6:") => inner
            .get(5..)?
            .parse::<std::net::Ipv6Addr>()
            .ok()
            .map(IpAddr::V6),
        _ => inner.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4),
    }
}

/// A problem with `clientDomain`.
fn problem(severity: Severity, message: String) -> FieldProblem {
    FieldProblem {
        field: Field::ClientDomain,
        severity,
        message,
    }
}

fn not_a_name(typed: &str) -> FieldProblem {
    problem(
        Severity::Error,
        crate::en!(
            "\"{typed}\" is not a valid computer name for clientDomain. Leave it empty to use \
             this computer's name.",
            typed = typed,
        ),
    )
}

/// What is wrong with `clientDomain`: not a name at all (error), or a name mail servers refuse
/// (warning: the website sends it all the same, so the test does too and shows the answer).
pub(super) fn check_client_domain(settings: &Settings, problems: &mut Vec<FieldProblem>) {
    let typed = settings.client_domain.trim();
    if typed.is_empty() {
        return;
    }
    if let Some(ip) = ip_address(typed) {
        let literal = address_literal(ip);
        if settings.target == Target::DotNet && typed != literal {
            problems.push(problem(
                Severity::Warning,
                crate::en!(
                    "ASP.NET introduces itself to the server with clientDomain exactly as it is \
                     (\"{typed}\"), and servers such as Exim refuse a bare IP address in EHLO \
                     (the hello in which your website gives its name); use your website's domain \
                     name, for example www.example.com, or leave clientDomain empty.",
                    typed = typed,
                ),
            ));
        } else if typed != literal {
            problems.push(problem(
                Severity::Info,
                crate::en!(
                    "The test introduces itself as {literal}, the form mail servers expect for an \
                     IP address.",
                    literal = literal,
                ),
            ));
        }
        return;
    }
    let ascii = match ascii_host(typed) {
        Ok(ascii) if !typed.contains(char::is_whitespace) => ascii,
        _ => {
            problems.push(not_a_name(typed));
            return;
        }
    };
    let mut refused: Vec<char> = ascii
        .chars()
        .filter(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.')))
        .collect();
    refused.sort_unstable();
    refused.dedup();
    if !refused.is_empty() {
        let quoted: Vec<String> = refused.iter().map(|c| format!("\"{c}\"")).collect();
        problems.push(problem(
            Severity::Warning,
            crate::en!(
                "Many mail servers (Exim among them) answer 501 and refuse \"{typed}\" as this \
                 computer's name: a name may hold only letters, digits, hyphens and dots, not \
                 {characters}. Use your website's domain name, for example www.example.com, or \
                 leave clientDomain empty to use this computer's name.",
                typed = typed,
                characters = quoted.join(" or "),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(client_domain: &str, target: Target) -> Settings {
        Settings {
            client_domain: client_domain.to_owned(),
            target,
            ..Settings::default()
        }
    }

    fn problems(client_domain: &str, target: Target) -> Vec<FieldProblem> {
        let mut found = Vec::new();
        check_client_domain(&settings(client_domain, target), &mut found);
        found
    }

    #[test]
    fn address_literals() {
        assert_eq!(address_literal("192.0.2.1".parse().unwrap()), "[192.0.2.1]");
        assert_eq!(
            address_literal("2001:db8::1".parse().unwrap()),
            "[IPv6:2001:db8::1]"
        );
        assert_eq!(
            address_literal("::ffff:192.0.2.1".parse().unwrap()),
            "[192.0.2.1]"
        );
    }

    /// Generic clients send an address literal; ASP.NET sends what is typed (the real
    /// System.Net.Mail sends `EHLO 2001:db8::1`), with a warning.
    #[test]
    fn an_ip_address_is_a_literal_for_generic_and_as_typed_for_dotnet() {
        for (typed, literal) in [
            ("192.0.2.1", "[192.0.2.1]"),
            ("2001:db8::1", "[IPv6:2001:db8::1]"),
            ("[IPv6:2001:db8::1]", "[IPv6:2001:db8::1]"),
        ] {
            let generic = ehlo_name(&settings(typed, Target::Generic)).unwrap();
            assert_eq!(generic.to_string(), literal);
            let dotnet = ehlo_name(&settings(typed, Target::DotNet)).unwrap();
            assert_eq!(dotnet.to_string(), typed);
        }
        let warned = problems("2001:db8::1", Target::DotNet);
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert_eq!(warned[0].severity, Severity::Warning);
        assert!(
            warned[0]
                .message
                .contains("servers such as Exim refuse a bare IP address in EHLO")
        );
        assert!(warned[0].message.contains("use your website's domain name"));
        assert!(problems("[192.0.2.1]", Target::DotNet).is_empty());
        let noted = problems("192.0.2.1", Target::Generic);
        assert_eq!(noted[0].severity, Severity::Info);
        assert!(noted[0].message.contains("[192.0.2.1]"));
    }

    #[test]
    fn names_servers_refuse_are_warned_about_with_what_to_type() {
        for (typed, character) in [("web_01.example.com", "\"_\""), ("a,b.example", "\",\"")] {
            for target in [Target::DotNet, Target::Generic] {
                let found = problems(typed, target);
                assert_eq!(found.len(), 1, "{typed}: {found:?}");
                let problem = &found[0];
                assert_eq!(problem.field, Field::ClientDomain);
                assert_eq!(problem.severity, Severity::Warning);
                assert!(problem.message.contains(character), "{}", problem.message);
                assert!(
                    problem.message.contains("www.example.com"),
                    "{}",
                    problem.message
                );
            }
        }
        let both = problems("web_01,x", Target::DotNet);
        assert!(
            both[0].message.contains("\",\" or \"_\""),
            "{}",
            both[0].message
        );
        assert!(problems("shop-web01.example", Target::DotNet).is_empty());
        let error = problems("not a name", Target::DotNet);
        assert_eq!(error[0].severity, Severity::Error);
    }

    #[test]
    fn the_default_name_per_target() {
        let dotnet = ehlo_name(&settings("", Target::DotNet)).unwrap();
        assert_eq!(dotnet.to_string(), machine_name());
        assert!(!dotnet.is_from_connection());
        assert_eq!(dotnet.connected_from("127.0.0.1".parse().unwrap()), None);
        let generic = ehlo_name(&settings("", Target::Generic)).unwrap();
        if let Some(full) = fully_qualified_name() {
            assert_eq!(generic, full.as_str());
            return;
        }
        assert!(generic.is_from_connection());
        let copy = generic.clone();
        let sent = generic.connected_from("::1".parse().unwrap());
        assert_eq!(sent, Some("[IPv6:::1]"));
        assert_eq!(generic, "[IPv6:::1]");
        assert_eq!(&*copy, machine_name(), "a copy made before keeps its own");
    }
}
