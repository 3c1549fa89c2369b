//! Thunderbird-style autoconfig (`config-v1.1.xml`): fetched over HTTPS only, with a short
//! limit, from `autoconfig.<domain>` and `<domain>/.well-known/autoconfig/`; only its outgoing
//! SMTP servers are read. Names are looked up with our own resolver, so nothing the user cannot
//! see is asked, and redirects are not followed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hickory_resolver::TokioResolver;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::model::{SourceKind, SourceReport};
use super::sources::{Named, describe};
use crate::settings::Security;
use crate::untrusted::displayable_str;

/// The largest autoconfig file read (real ones are a few KiB).
const MAX_BYTES: usize = 256 * 1024;
/// The longest an autoconfig download may take.
const MAX_WAIT: Duration = Duration::from_secs(5);

/// Where to fetch from and how.
pub struct Fetcher<'a> {
    /// The resolver for the web server's name.
    pub resolver: &'a TokioResolver,
    /// Trusted roots (the public ones plus `--ca-file`).
    pub roots: rustls::RootCertStore,
    /// The HTTPS port (443 outside tests).
    pub port: u16,
    /// The limit for one download.
    pub timeout: Duration,
}

impl Fetcher<'_> {
    /// Tries both well-known places for `domain`; returns one report per URL tried.
    pub async fn fetch(&self, domain: &str, email: &str) -> (Vec<SourceReport>, Vec<Named>) {
        let port = if self.port == 443 {
            String::new()
        } else {
            format!(":{}", self.port)
        };
        let encoded =
            percent_encoding::utf8_percent_encode(email, percent_encoding::NON_ALPHANUMERIC);
        let places = [
            (
                format!("autoconfig.{domain}"),
                format!(
                    "https://autoconfig.{domain}{port}/mail/config-v1.1.xml?emailaddress={encoded}"
                ),
            ),
            (
                domain.to_owned(),
                format!("https://{domain}{port}/.well-known/autoconfig/mail/config-v1.1.xml"),
            ),
        ];
        let mut reports = Vec::new();
        let mut named = Vec::new();
        for (host, url) in places {
            let (found, error) = match self.download(&host, &url).await {
                Ok(text) => {
                    let servers = parse(&text, domain);
                    let error = servers
                        .is_empty()
                        .then(|| crate::en!("the file names no outgoing SMTP server").to_owned());
                    (servers, error)
                }
                Err(error) => (Vec::new(), Some(error)),
            };
            reports.push(SourceReport {
                source: SourceKind::Autoconfig,
                query: url,
                found: found.iter().map(describe).collect(),
                error,
            });
            let done = !found.is_empty();
            named.extend(found);
            if done {
                break;
            }
        }
        (reports, named)
    }

    async fn download(&self, host: &str, url: &str) -> Result<String, String> {
        let addresses: Vec<SocketAddr> = match self.resolver.lookup_ip(format!("{host}.")).await {
            Ok(found) => found
                .iter()
                .map(|ip| SocketAddr::new(ip, self.port))
                .collect(),
            Err(err) => return Err(format!("{host}: {}", super::sources::dns_error(&err))),
        };
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|err| crate::en!("TLS set-up failed ({err})", err = err))?
        .with_root_certificates(self.roots.clone())
        .with_no_client_auth();
        let limit = self.timeout.min(MAX_WAIT);
        let client = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .resolve_to_addrs(host, &addresses)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(limit)
            .timeout(limit)
            .no_proxy()
            .build()
            .map_err(|err| crate::en!("could not set up the download ({err})", err = err))?;
        let mut response = client
            .get(url)
            .send()
            .await
            .map_err(|err| http_error(&err))?;
        if !response.status().is_success() {
            return Err(crate::en!(
                "the web server answered {status}",
                status = response.status()
            ));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|err| http_error(&err))? {
            body.extend_from_slice(&chunk);
            if body.len() > MAX_BYTES {
                return Err(
                    crate::en!("the file is far too large for an autoconfig file").to_owned(),
                );
            }
        }
        Ok(String::from_utf8_lossy(&body).into_owned())
    }
}

/// A download failure in a few words, with the underlying cause.
fn http_error(err: &reqwest::Error) -> String {
    // The innermost cause says what happened ("Connection refused", a certificate error).
    let mut innermost = None;
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        innermost = Some(cause);
        source = cause.source();
    }
    let Some(cause) = innermost.map(|cause| displayable_str(&cause.to_string())) else {
        return if err.is_timeout() {
            crate::en!("no answer in time")
        } else if err.is_connect() {
            crate::en!("could not connect")
        } else {
            crate::en!("the download failed")
        }
        .to_owned();
    };
    if err.is_timeout() {
        crate::en!("no answer in time: {cause}", cause = cause)
    } else if err.is_connect() {
        crate::en!("could not connect: {cause}", cause = cause)
    } else {
        crate::en!("the download failed: {cause}", cause = cause)
    }
}

/// The outgoing SMTP servers in an autoconfig file (`%EMAILDOMAIN%` filled in). Anything that
/// is not a usable host name or port is skipped.
pub fn parse(xml: &str, domain: &str) -> Vec<Named> {
    let mut reader = Reader::from_str(xml);
    let mut servers = Vec::new();
    let mut current: Option<(Option<String>, Option<u16>, Option<Security>)> = None;
    let mut field = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => {
                let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
                if name == "outgoingServer" {
                    let smtp = tag.attributes().flatten().any(|a| {
                        a.key.local_name().as_ref() == b"type" && a.value.as_ref() == b"smtp"
                    });
                    current = smtp.then_some((None, None, None));
                }
                field = name;
            }
            Ok(Event::Text(text)) => {
                if let Some((host, port, security)) = current.as_mut() {
                    let value = text
                        .decode()
                        .map(|v| v.trim().to_owned())
                        .unwrap_or_default();
                    match field.as_str() {
                        "hostname" => {
                            *host = crate::dns::ascii_name(&value.replace("%EMAILDOMAIN%", domain));
                        }
                        "port" => *port = value.parse().ok().filter(|p| *p != 0),
                        "socketType" => *security = socket_type(&value),
                        _ => {}
                    }
                }
            }
            Ok(Event::End(tag)) => {
                if tag.local_name().as_ref() == b"outgoingServer"
                    && let Some((Some(host), port, security)) = current.take()
                {
                    servers.push(Named {
                        source: SourceKind::Autoconfig,
                        host,
                        port,
                        security,
                    });
                }
                field.clear();
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    servers
}

fn socket_type(value: &str) -> Option<Security> {
    match value.to_ascii_uppercase().as_str() {
        "SSL" | "TLS" => Some(Security::ImplicitTls),
        "STARTTLS" => Some(Security::StartTls),
        "PLAIN" => Some(Security::None),
        _ => None,
    }
}
