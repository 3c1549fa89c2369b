//! The fleet window's words: a verdict's name, counts of sites and servers, the progress line.

use super::fleet::FleetState;
use crate::fleet::judge::Verdict;

/// The word the window shows for `verdict` (never the colour alone).
pub fn word(verdict: Verdict) -> String {
    match verdict {
        Verdict::Broken => crate::tr!("Broken"),
        Verdict::AtRisk => crate::tr!("At risk"),
        Verdict::Unknown => crate::tr!("Unknown"),
        Verdict::Ok => crate::tr!("OK"),
    }
}

/// How many sites have `verdict`, in a sentence: "3 broken", "1 at risk", "2 unknown", "4 OK".
pub fn counted(verdict: Verdict, n: usize) -> String {
    match verdict {
        Verdict::Broken => crate::tr!("{n} broken", n = n),
        Verdict::AtRisk => crate::tr!("{n} at risk", n = n),
        Verdict::Unknown => crate::tr!("{n} unknown", n = n),
        Verdict::Ok => crate::tr!("{n} OK", n = n),
    }
}

/// "Found N sites using M servers; contacted k of M".
pub(super) fn progress_words(state: &FleetState) -> String {
    match state.found {
        None => crate::tr!("Looking for sites in the folder…"),
        Some((found, _)) if !state.contact_servers => {
            crate::tr!(
                "Found {sites}; judging them from the files…",
                sites = count_sites(found)
            )
        }
        Some((found, servers)) => {
            let (sites, servers_used) = (count_sites(found), count_servers(servers));
            crate::tr!(
                "Found {sites} using {servers}; contacted {contacted} of {total}",
                sites = sites,
                servers = servers_used,
                contacted = state.contacted,
                total = servers
            )
        }
    }
}

/// "1 site", "3 sites".
pub fn count_sites(n: usize) -> String {
    if n == 1 {
        crate::tr!("1 site")
    } else {
        crate::tr!("{n} sites", n = n)
    }
}

/// "1 server", "3 servers".
fn count_servers(n: usize) -> String {
    if n == 1 {
        crate::tr!("1 server")
    } else {
        crate::tr!("{n} servers", n = n)
    }
}
