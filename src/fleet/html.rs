//! The HTML report: one self-contained page (no external file, script or font) that a support
//! lead can read and filter by verdict, in light or dark theme as their system is set.

use std::fmt::Write as _;

use super::judge::Verdict;
use super::report::{ScanReport, ServerRow, SiteRow};

const STYLE: &str = "
:root { color-scheme: light dark; --bg:#fff; --fg:#1b1b1b; --muted:#5c5c5c; --line:#d8d8d8;
  --broken:#b3261e; --at_risk:#8a5a00; --unknown:#5c5c5c; --ok:#1e6b2e; }
@media (prefers-color-scheme: dark) { :root { --bg:#16181b; --fg:#e8e8e8; --muted:#a8a8a8;
  --line:#3a3d42; --broken:#ff8a80; --at_risk:#ffcc66; --unknown:#b0b0b0; --ok:#7fd98f; } }
body { background:var(--bg); color:var(--fg); font:15px/1.45 system-ui, sans-serif; margin:2rem; }
h1 { font-size:1.4rem; } h2 { font-size:1.1rem; margin-top:2rem; }
table { border-collapse:collapse; width:100%; } th, td { text-align:left; vertical-align:top;
  padding:.35rem .5rem; border-bottom:1px solid var(--line); }
td.muted, p.muted { color:var(--muted); } code { font-size:.9em; word-break:break-all; }
.verdict { font-weight:600; white-space:nowrap; }
.broken .verdict { color:var(--broken); } .at_risk .verdict { color:var(--at_risk); }
.unknown .verdict { color:var(--unknown); } .ok .verdict { color:var(--ok); }
fieldset { border:none; padding:0; margin:1rem 0; } label { margin-right:1rem; }
";

/// Shows only the rows of the ticked verdicts (works without it too: every row shows).
const SCRIPT: &str = "
function filterRows() {
  const shown = new Set([...document.querySelectorAll('input[name=verdict]:checked')].map(b => b.value));
  for (const row of document.querySelectorAll('tr[data-verdict]')) {
    row.hidden = !shown.has(row.dataset.verdict);
  }
}
for (const box of document.querySelectorAll('input[name=verdict]')) box.addEventListener('change', filterRows);
";

/// The page's title (also how an earlier report is recognised before it is replaced).
pub const TITLE: &str = "<title>Mail settings of every site</title>";

const VERDICTS: [(Verdict, &str); 4] = [
    (Verdict::Broken, "Broken"),
    (Verdict::AtRisk, "At risk"),
    (Verdict::Unknown, "Unknown"),
    (Verdict::Ok, "OK"),
];

/// The whole page.
pub fn to_html(report: &ScanReport) -> String {
    let mut page = String::with_capacity(4096 + report.sites.len() * 600);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(TITLE);
    page.push_str("\n<style>");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<h1>Mail settings of every site</h1>\n");
    let _ = writeln!(page, "<p>{}.</p>", escape(&report.summary()));
    servers_table(&mut page, &report.servers);
    sites_table(&mut page, &report.sites);
    if !report.skipped.is_empty() {
        page.push_str("<h2>Skipped</h2>\n<ul>\n");
        for skipped in &report.skipped {
            let _ = writeln!(
                page,
                "<li><code>{}</code>: {}</li>",
                escape(&skipped.path.display().to_string()),
                escape(&skipped.reason)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("<script>");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

fn servers_table(page: &mut String, servers: &[ServerRow]) {
    page.push_str("<h2>By mail server</h2>\n<table>\n<thead><tr><th>Server</th><th>Sites</th>");
    page.push_str("<th>Broken</th><th>At risk</th><th>Unknown</th><th>OK</th><th>What it offers</th></tr></thead>\n<tbody>\n");
    for server in servers {
        let offers = match &server.problem {
            Some(problem) if !server.answered => problem.clone(),
            _ => describe_offer(server),
        };
        let _ = writeln!(
            page,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
            escape(&server.key.label()),
            server.sites,
            server.broken,
            server.at_risk,
            server.unknown,
            server.ok,
            escape(&offers)
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn describe_offer(server: &ServerRow) -> String {
    if server.ms == 0 && !server.answered {
        return "not contacted".to_owned();
    }
    let mut parts = vec![if server.starttls {
        "STARTTLS".to_owned()
    } else if server.key.implicit_tls {
        "TLS on connect".to_owned()
    } else {
        "no STARTTLS".to_owned()
    }];
    if !server.auth_before_tls.is_empty() {
        parts.push(format!(
            "sign-in before encryption: {}",
            server.auth_before_tls.join(" ")
        ));
    }
    if !server.auth_after_tls.is_empty() {
        parts.push(format!(
            "sign-in after encryption: {}",
            server.auth_after_tls.join(" ")
        ));
    }
    if let Some(certificate) = &server.certificate {
        parts.push(format!("certificate {certificate}"));
    }
    parts.join("; ")
}

fn sites_table(page: &mut String, sites: &[SiteRow]) {
    page.push_str("<h2>Every site</h2>\n<fieldset><legend>Show</legend>\n");
    for (verdict, label) in VERDICTS {
        let _ = writeln!(
            page,
            "<label><input type=\"checkbox\" name=\"verdict\" value=\"{}\" checked> {label}</label>",
            verdict.as_str()
        );
    }
    page.push_str("</fieldset>\n<table>\n<thead><tr><th>Verdict</th><th>Site</th><th>Server</th>");
    page.push_str("<th>Why</th><th>Fix</th></tr></thead>\n<tbody>\n");
    for row in sites {
        let verdict = row.judgement.verdict;
        let label = VERDICTS
            .iter()
            .find(|(v, _)| *v == verdict)
            .map_or("", |(_, label)| label);
        let mut fix = row
            .judgement
            .fix
            .iter()
            .map(|line| escape(line))
            .collect::<Vec<_>>()
            .join("<br>");
        if let Some(command) = &row.command {
            let _ = write!(fix, "<br><code>{}</code>", escape(command));
        }
        let id = row
            .judgement
            .id
            .as_deref()
            .map(|id| format!(" <code>{}</code>", escape(id)))
            .unwrap_or_default();
        let _ = writeln!(
            page,
            "<tr class=\"{v}\" data-verdict=\"{v}\"><td class=\"verdict\">{label}</td><td>{}<br><code>{}</code><br>{}</td><td><code>{}</code>{}</td><td>{}{id}</td><td>{fix}</td></tr>",
            escape(&row.site),
            escape(&row.path.display().to_string()),
            escape(row.platform.label()),
            escape(row.server.as_deref().unwrap_or("—")),
            row.user
                .is_empty()
                .then(String::new)
                .unwrap_or_else(|| format!("<br>user {}", escape(&row.user))),
            escape(&row.judgement.reason),
            v = verdict.as_str(),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Text as HTML: `&`, `<`, `>`, `"` and `'` escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
