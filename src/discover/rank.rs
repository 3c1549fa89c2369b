//! Ranking the probes for the chosen program, with one plain line per row saying why, the
//! recommendation (or why there is none) and the outbound port check.

use super::model::{
    PortCheck, PortState, ProbeResult, Reachability, Recommendation, SourceKind, Verdict,
};
use super::reasons::Encrypted;
use crate::settings::{Security, Target};

/// What the port check says, whatever it found.
pub const PORT_NOTE: &str = crate::en!(
    "Internet providers and cloud hosts often block port 25 (and sometimes 465 and 587) going \
     out. This check ran from this computer: the server your website runs on may be blocked \
     differently, so if the website still cannot connect, ask its host whether it blocks outgoing \
     mail ports."
);

/// Sets `usable` and `reason` on every row and sorts them best first.
pub fn rank(rows: &mut [ProbeResult], target: Target, accept_invalid_certs: bool) {
    let mut keyed: Vec<(u8, u8, SourceKind)> = Vec::with_capacity(rows.len());
    for row in rows.iter_mut() {
        let (tier, usable, reason) = assess(row, target, accept_invalid_certs);
        row.usable = usable;
        row.reason = reason;
        keyed.push((tier, port_preference(row, target), best_source(row)));
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| keyed[i]);
    let sorted: Vec<ProbeResult> = order.iter().map(|&i| rows[i].clone()).collect();
    rows.clone_from_slice(&sorted);
}

/// The best usable row as settings to type, if any.
pub fn recommend(rows: &[ProbeResult]) -> Option<Recommendation> {
    let best = rows.iter().find(|row| row.usable)?;
    let source = best_source(best).label();
    Some(Recommendation {
        host: best.host.clone(),
        port: best.port,
        security: best.security,
        enable_ssl: best.security != Security::None,
        // Two sentences, each found on its own by the translation.
        why: format!(
            "{} {}",
            best.reason,
            crate::en!("Found through the {source}.", source = source)
        ),
    })
}

/// Why nothing could be recommended, in words a site owner can act on.
pub fn why_none(rows: &[ProbeResult], target: Target) -> String {
    if let Some((row, name)) = rows.iter().find_map(|row| {
        let cert = row.certificate.as_ref()?;
        let name = cert.suggested_host.as_ref()?;
        (cert.verdict == Verdict::NameMismatch).then_some((row, name))
    }) {
        return crate::en!(
            "{host} answers, but its certificate is for {name}, so the secure connection would \
             fail. Use {name} as the host instead (run `mailtester probe --host {name}` to check \
             it).",
            host = row.host,
            name = name
        );
    }
    let open = |row: &&ProbeResult| row.reachability == Reachability::Open;
    if target == Target::DotNet
        && rows
            .iter()
            .filter(open)
            .any(|row| row.security == Security::ImplicitTls && row.banner.is_some())
    {
        return crate::en!(
            "The only secure server found uses SSL on connect (port 465), which ASP.NET's \
             System.Net.Mail cannot use. Ask your mail provider for a server with STARTTLS on \
             port 587, or use a mail-sending service."
        )
        .to_owned();
    }
    if !rows.iter().any(|row| open(&row)) {
        return crate::en!(
            "No server answered on any port from this computer. Check the address, or try from \
             another network: this one may block outgoing mail ports."
        )
        .to_owned();
    }
    crate::en!(
        "No server offered an encrypted connection with a sign-in your website can use. Ask your \
         mail provider which outgoing (SMTP) server, port and security to use."
    )
    .to_owned()
}

/// Whether this computer reaches the usual ports of the recommended server (or the first that
/// answered).
pub fn port_check(rows: &[ProbeResult], recommended: Option<&Recommendation>) -> Option<PortCheck> {
    let host = recommended.map(|r| r.host.clone()).or_else(|| {
        rows.iter()
            .find(|r| r.reachability == Reachability::Open)
            .or_else(|| {
                rows.iter()
                    .find(|r| r.reachability != Reachability::DnsFailure)
            })
            .map(|r| r.host.clone())
    })?;
    let mut ports: Vec<PortState> = Vec::new();
    for row in rows.iter().filter(|r| r.host == host) {
        match ports.iter_mut().find(|state| state.port == row.port) {
            Some(state) if row.reachability == Reachability::Open => {
                state.reachability = Reachability::Open;
            }
            Some(_) => {}
            None => ports.push(PortState {
                port: row.port,
                reachability: row.reachability,
            }),
        }
    }
    ports.sort_by_key(|state| state.port);
    Some(PortCheck {
        host,
        ports,
        note: PORT_NOTE.to_owned(),
    })
}

fn best_source(row: &ProbeResult) -> SourceKind {
    row.from.iter().copied().min().unwrap_or(SourceKind::Guess)
}

fn port_preference(row: &ProbeResult, target: Target) -> u8 {
    let by_port = match row.port {
        587 => 1,
        2525 => 2,
        25 => 3,
        _ => 4,
    };
    match (target, row.security) {
        (Target::Generic, Security::ImplicitTls) => 0,
        _ => by_port,
    }
}

/// (tier, usable, reason): the lower the tier, the better.
fn assess(row: &ProbeResult, target: Target, accept_invalid: bool) -> (u8, bool, String) {
    let port = row.port;
    match row.reachability {
        Reachability::Open => {}
        Reachability::DnsFailure => {
            return (
                9,
                false,
                crate::en!("This name does not exist in DNS.").into(),
            );
        }
        Reachability::Cancelled => {
            return (9, false, crate::en!("Not finished: cancelled.").into());
        }
        Reachability::Refused => {
            return (
                8,
                false,
                crate::en!(
                    "Port {port} refused the connection: nothing takes mail there.",
                    port = port
                ),
            );
        }
        Reachability::TimedOut => {
            return (
                8,
                false,
                crate::en!(
                    "No answer on port {port}: it is blocked on the way, or the server ignores it.",
                    port = port
                ),
            );
        }
        Reachability::Failed => {
            return (
                8,
                false,
                crate::en!(
                    "Could not reach port {port} from this computer.",
                    port = port
                ),
            );
        }
    }
    if row.banner.is_none() {
        return (
            7,
            false,
            crate::en!(
                "Port {port} accepts connections but never greets like a mail server.",
                port = port
            ),
        );
    }
    if row.security == Security::ImplicitTls && target == Target::DotNet {
        return (
            6,
            false,
            crate::en!(
                "Port {port} wants SSL on connect, which ASP.NET (System.Net.Mail) cannot do; \
                 never use it in web.config.",
                port = port
            ),
        );
    }
    if row.security == Security::None {
        let offers_tls = row
            .extensions
            .iter()
            .any(|e| e.eq_ignore_ascii_case("STARTTLS"));
        let reason = if offers_tls {
            crate::en!(
                "Unencrypted (enableSsl=\"false\"): this server offers STARTTLS, so keep SSL on."
            )
        } else if row.auth_before_tls.is_empty() {
            crate::en!(
                "Unencrypted, with no sign-in offered: only a relay that knows your server's \
                 address would take mail here."
            )
        } else {
            crate::en!(
                "Unencrypted: the password would cross the network readable by anyone on the way; \
                 use STARTTLS instead."
            )
        };
        return (5, false, reason.to_owned());
    }
    secure_assessment(row, target, accept_invalid)
}

/// The assessment of a STARTTLS or (for generic programs) implicit-TLS row that greeted.
fn secure_assessment(
    row: &ProbeResult,
    target: Target,
    accept_invalid: bool,
) -> (u8, bool, String) {
    let how = Encrypted {
        implicit: row.security == Security::ImplicitTls,
        port: row.port,
    };
    let Some(cert) = &row.certificate else {
        let problem = row
            .problem
            .clone()
            .unwrap_or_else(|| crate::en!("no certificate").into());
        return (6, false, how.failed(&problem));
    };
    let mut tier = 0;
    let cert_words = match cert.verdict {
        Verdict::Trusted => crate::en!("certificate trusted").to_owned(),
        verdict => {
            let what = match (verdict, &cert.suggested_host) {
                (Verdict::NameMismatch, Some(name)) => crate::en!(
                    "the certificate is for {name}, not {host}: use {name} as the host",
                    name = name,
                    host = row.host
                ),
                (Verdict::NameMismatch, None) => {
                    crate::en!("the certificate is not for {host}", host = row.host)
                }
                (Verdict::Expired, _) => crate::en!("the certificate has expired").to_owned(),
                (Verdict::Untrusted, _) => {
                    crate::en!("the certificate is not from a trusted authority").to_owned()
                }
                _ => crate::en!("the certificate is not valid").to_owned(),
            };
            if !accept_invalid {
                return (4, false, how.works_but(&what));
            }
            tier = 1;
            crate::en!(
                "{what} (accepted because invalid certificates are allowed)",
                what = what
            )
        }
    };
    if let Some(problem) = &row.problem {
        return (6, false, how.failed(problem));
    }
    let auth = &row.auth_after_tls;
    if auth.is_empty() {
        return (3, false, how.no_sign_in(&cert_words));
    }
    let offered = auth.join(" ");
    if target == Target::DotNet && !auth.iter().any(|m| m.eq_ignore_ascii_case("LOGIN")) {
        return (3, false, how.no_login(&offered));
    }
    (tier, true, how.usable(&offered, &cert_words))
}
