//! The DNS look-ups the checks make, through `crate::dns`: TXT records (made safe to show),
//! CNAME targets and the server's addresses. A name that does not exist and a name without
//! records both read as "nothing".

use std::net::IpAddr;

use hickory_resolver::TokioResolver;
use hickory_resolver::proto::rr::{RData, RecordType};

use crate::untrusted::displayable;

/// The result of one look-up: records, nothing, or a failure (timeout, server error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer<T> {
    /// The records found.
    Found(Vec<T>),
    /// The look-up failed; the text says why.
    Failed(String),
}

impl<T> Answer<T> {
    /// The records, empty when the look-up failed.
    pub fn records(&self) -> &[T] {
        match self {
            Self::Found(records) => records,
            Self::Failed(_) => &[],
        }
    }
}

/// Every TXT record at `name`, each one's strings joined, as safe text.
pub async fn txt(resolver: &TokioResolver, name: &str) -> Answer<String> {
    match resolver.lookup(absolute(name), RecordType::TXT).await {
        Ok(lookup) => Answer::Found(
            lookup
                .answers()
                .iter()
                .filter_map(|record| match &record.data {
                    RData::TXT(txt) => Some(displayable(&txt.txt_data.concat())),
                    _ => None,
                })
                .collect(),
        ),
        Err(err) if err.is_no_records_found() || err.is_nx_domain() => Answer::Found(Vec::new()),
        Err(err) => Answer::Failed(displayable(err.to_string().as_bytes())),
    }
}

/// The CNAME target at `name`, if there is one, as safe text without the trailing dot.
pub async fn cname(resolver: &TokioResolver, name: &str) -> Option<String> {
    let lookup = resolver
        .lookup(absolute(name), RecordType::CNAME)
        .await
        .ok()?;
    lookup
        .answers()
        .iter()
        .find_map(|record| match &record.data {
            RData::CNAME(target) => Some(displayable(
                target.0.to_ascii().trim_end_matches('.').as_bytes(),
            )),
            _ => None,
        })
}

/// The addresses of `host` (itself when it is an IP address).
pub async fn addresses(resolver: &TokioResolver, host: &str) -> Answer<IpAddr> {
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Answer::Found(vec![ip]);
    }
    match resolver.lookup_ip(absolute(host)).await {
        Ok(lookup) => Answer::Found(lookup.iter().collect()),
        Err(err) if err.is_no_records_found() || err.is_nx_domain() => Answer::Found(Vec::new()),
        Err(err) => Answer::Failed(displayable(err.to_string().as_bytes())),
    }
}

/// `name` with a trailing dot, so no search domain of the system is appended.
fn absolute(name: &str) -> String {
    if name.ends_with('.') {
        name.to_owned()
    } else {
        format!("{name}.")
    }
}
