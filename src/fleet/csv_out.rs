//! The CSV report: one row per site, for tickets and mail merges (no password, ever).

use super::report::ScanReport;

/// The column names, in order.
pub const COLUMNS: [&str; 13] = [
    "site",
    "path",
    "platform",
    "host",
    "port",
    "security",
    "enable_ssl",
    "user",
    "verdict",
    "id",
    "reason",
    "fix",
    "command",
];

/// The whole CSV text (RFC 4180: CRLF line ends, fields quoted when needed), UTF-8.
pub fn to_csv(report: &ScanReport) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for row in &report.sites {
        let record = [
            row.site.clone(),
            row.path.display().to_string(),
            row.platform.label().to_owned(),
            row.host.clone(),
            row.port.to_string(),
            row.security.clone(),
            row.enable_ssl.map(|on| on.to_string()).unwrap_or_default(),
            row.user.clone(),
            row.judgement.verdict.as_str().to_owned(),
            row.judgement.id.clone().unwrap_or_default(),
            row.judgement.reason.clone(),
            row.judgement.fix.join("; "),
            row.command.clone().unwrap_or_default(),
        ];
        writer.write_record(record.iter().map(|value| inert(value).into_owned()))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A value a spreadsheet shows as text: one that starts like a formula (`=`, `+`, `-`, `@`, a
/// tab or a carriage return) gets a leading `'`, since folder names come from customers.
fn inert(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}
